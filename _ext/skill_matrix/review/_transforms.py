"""The change markers of skill matrices and role pages, added while a page is read."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from docutils import nodes
from sphinx.transforms import SphinxTransform

from skill_matrix.nodes.changes import change_anchor, change_marker
from skill_matrix.nodes.rows import data_rows, row_key, skill_rows
from skill_matrix.review._state import review_of


class MarkChangedRows(SphinxTransform):
    """Mark each row (and grid cell) of a skill matrix or a role page that changed since the
    baseline: the class ``skill-changed`` and a marker linking to its entry of the changes page."""

    default_priority = 880  # after the translation of the texts (15-25)

    def apply(self, **kwargs: Any) -> None:
        review = review_of(self.env)
        if review is None or not review.changed_cells:
            return
        for body in self.document.findall(skill_rows):
            body['rows'] = tuple(
                replace(row, changed=True) if row_key(row) in review.changed_cells else row
                for row in data_rows(body)
            )
        for element in list(self.document.findall(nodes.Element)):
            if not isinstance(element, nodes.row | nodes.entry):
                continue
            classes = element['classes']
            if not ('skill-row' in classes or ('skill-cell' in classes and 'skill-omitted' not in classes)):
                continue
            key = _cell_key(element)
            if key is None or key not in review.changed_cells:
                continue
            element['classes'].append('skill-changed')
            cell = element if isinstance(element, nodes.entry) else element.children[-1]
            holder = cell.children[-1] if cell.children else None
            if isinstance(holder, nodes.paragraph):
                holder += nodes.Text(' ')
                holder += change_marker(change_anchor(key))
            elif isinstance(holder, nodes.container) and 'skill-rich-text' in holder['classes']:
                # a rich description ends in a list: the marker on a line of its own, as on role pages
                holder += nodes.paragraph('', '', change_marker(change_anchor(key)))


def _cell_key(element: nodes.Element) -> str | None:
    """``<skill>-<level>-<role>`` of a row or grid cell, from its classes and its matrix."""
    values = {}
    for prefix in ('skill-of-', 'skill-role-', 'skill-level-'):
        values[prefix] = next(
            (name.removeprefix(prefix) for name in element['classes'] if name.startswith(prefix)), None
        )
    skill_id = values['skill-of-']
    parent = element.parent
    while skill_id is None and parent is not None:
        if isinstance(parent, nodes.Element) and parent.get('skill'):
            skill_id = parent['skill']
        parent = parent.parent
    if skill_id is None or values['skill-role-'] is None or values['skill-level-'] is None:
        return None
    return f'{skill_id}-{values["skill-level-"]}-{values["skill-role-"]}'
