"""The tables of the role pages: a role's career path and its expectations at one level."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.addnodes import pending_xref

from skill_matrix.data.anchors import career_path_id, cell_id, role_level_table_id
from skill_matrix.i18n.labels import _, level_name, pgettext
from skill_matrix.nodes.matrix import expectation_classes, flag_paragraph, number_paragraph, table, table_row
from skill_matrix.nodes.text import label, make_text, wrap_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from skill_matrix.data.model import Definitions, Expectation, Skill


def career_path(role_id: str, skills: Sequence[Skill], definitions: Definitions) -> nodes.table:
    """Level by level: how many of the role's expectations are required, how many optional."""
    rows = []
    for level in definitions.levels:
        items = [skill.expectation(role_id, level.id) for skill in skills]
        required = sum(item.required for item in items)
        rows.append(
            table_row(
                [
                    label(level_name(level.name)),
                    number_paragraph(required),
                    number_paragraph(len(items) - required),
                ],
                classes=['skill-career-row', f'skill-level-{level.id}'],
            )
        )
    headers = [pgettext('column', 'Level'), pgettext('count', 'Required'), pgettext('count', 'Optional')]
    caption = label(_('Career path: expectations per level'), nodes.title)
    classes = ['skill-table', 'skill-career-path']
    return with_row_headers(
        table(caption, headers, [40, 30, 30], rows, classes, ids=[career_path_id(role_id)])
    )


def level_table(
    role_id: str, level_id: str, name: str, items: Sequence[tuple[Skill, Expectation]]
) -> nodes.table:
    """The role's expectation in each skill at one level; each skill links to its page.

    Each row carries the cell's link id, the same as on the skill's page.
    """
    rows = []
    for skill, item in items:
        reference = pending_xref('', refdomain='skill', reftype='ref', reftarget=skill.id, refexplicit=True)
        cells = [
            wrap_text(make_text(skill.title), reference),
            flag_paragraph(item),
            make_text(item.description),
        ]
        row = table_row(cells, classes=[*expectation_classes(item, 'skill-row'), f'skill-of-{skill.id}'])
        row['ids'].append(cell_id(skill.id, level_id, role_id))
        rows.append(row)
    headers = [_('Skill'), pgettext('column', 'Required'), pgettext('column', 'Description')]
    caption = label(name, nodes.title)
    classes = ['skill-table', f'skill-table-level-{level_id}']
    return with_row_headers(
        table(caption, headers, [24, 12, 64], rows, classes, ids=[role_level_table_id(role_id, level_id)])
    )


@dataclass(frozen=True)
class LevelRowTexts:
    """One row of a level table as the reader sees it: translated, its link resolved."""

    skill_id: str
    title: str
    href: str | None
    required: bool
    description: str


@dataclass(frozen=True)
class LevelTableTexts:
    level_id: str
    name: str
    rows: tuple[LevelRowTexts, ...]


def read_level_tables(section: nodes.Element) -> list[LevelTableTexts]:
    """The level tables (:func:`level_table`) in *section*, read back once the doctree is resolved."""
    found = []
    for level_table_node in section.findall(nodes.table):
        level_id = class_value(level_table_node['classes'], 'skill-table-level-')
        caption = level_table_node.next_node(nodes.title)
        if level_id is None or caption is None:
            continue
        rows = []
        for row in level_table_node.findall(nodes.row):
            skill_id = class_value(row['classes'], 'skill-of-')
            if skill_id is None:
                continue  # the header row
            title, _flag, description = row.children
            reference = title.next_node(nodes.reference)
            rows.append(
                LevelRowTexts(
                    skill_id=skill_id,
                    title=title.astext(),
                    href=reference.get('refuri') if reference is not None else None,
                    required='skill-required' in row['classes'],
                    description=description.astext(),
                )
            )
        found.append(LevelTableTexts(level_id, caption.astext(), tuple(rows)))
    return found


def class_value(classes: list[str], prefix: str) -> str | None:
    """The rest of the first class name that starts with *prefix* (``skill-of-<id>`` → id)."""
    return next((name.removeprefix(prefix) for name in classes if name.startswith(prefix)), None)


def with_row_headers(table: nodes.table) -> nodes.table:
    """Make the first column head its rows, as the grid layout does."""
    first_column = table.next_node(nodes.colspec)
    assert first_column is not None
    first_column['stub'] = 1
    return table
