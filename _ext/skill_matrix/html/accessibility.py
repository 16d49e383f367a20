"""HTML that assistive technology reads correctly, for every page of the site.

* Header cells say what they head: ``scope="col"`` in table heads, ``scope="row"`` in stub
  columns (docutils writes ``<th>`` without ``scope``; screen readers then guess).
* Body cells of the matrix tables (levels, roles, grid) carry their column's header as
  ``data-label``: on a narrow screen these tables become stacked cards (``skill_matrix.css``)
  and each value keeps its name, in the page's language (the header is already translated).
* Toctree captions (``<p role="heading">`` in the sidebar) get the ``aria-level`` that the
  heading role requires; without it an accessibility audit reports a critical violation.

Registered for the HTML builders only.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

TOCTREE_CAPTION_LEVEL = 2


def visit_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    type(translator).visit_entry(translator, node)
    start_tag = translator.body[-1]
    if start_tag.startswith('<th'):
        scope = 'col' if isinstance(node.parent.parent, nodes.thead) else 'row'
        start_tag = start_tag.replace('<th', f'<th scope="{scope}"', 1)
    header = card_label(node)
    if header is not None:
        tag = start_tag[:3]  # '<td' or '<th'
        start_tag = start_tag.replace(tag, f'{tag} data-label="{escape(header, quote=True)}"', 1)
    translator.body[-1] = start_tag


def card_label(entry: nodes.entry) -> str | None:
    """The header of *entry*'s column when *entry* is a body cell of a matrix table, else None."""
    body = entry.parent.parent
    group = body.parent
    if not isinstance(body, nodes.tbody) or not is_card_table(group.parent):
        return None
    head = group.next_node(nodes.thead)
    if head is None or not head.children:
        return None
    headers = head[0].children
    column = entry.parent.index(entry)
    return headers[column].astext() if column < len(headers) else None


def is_card_table(table: nodes.Node) -> bool:
    """A table of expectations: a skill's levels or roles, its grid, a role page's levels."""
    classes: list[str] = table.get('classes', []) if isinstance(table, nodes.Element) else []
    return 'skill-grid' in classes or any(
        name.startswith(('skill-table-level-', 'skill-table-role-')) for name in classes
    )


def depart_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    type(translator).depart_entry(translator, node)


def visit_title(translator: HTML5Translator, node: nodes.title) -> None:
    start = len(translator.body)
    type(translator).visit_title(translator, node)
    if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get('toctree'):
        for index in range(start, len(translator.body)):
            if 'role="heading"' in translator.body[index]:
                translator.body[index] = translator.body[index].replace(
                    'role="heading"', f'role="heading" aria-level="{TOCTREE_CAPTION_LEVEL}"', 1
                )
