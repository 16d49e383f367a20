"""The changes' PDF shows what changed: of each changed skill, only the tables that hold a change.

A reviewer reads the changes' PDF (``skill-profiles-<lang>-changes.pdf``) for what changed, so its
size follows the changes, not the catalog. In each skill matrix of that PDF, a table (a level's or,
for the by-role and grid layouts, a role's) without a changed row is left out and named in one line
in its place ("Unchanged, not shown here: Middle, Senior, …"), pointing to the book, the domain's
PDF and the site, which show the skill whole; the counts (roles, levels, mandatory requirements)
and the line that introduces all the tables go too. The changed rows keep their change bars. A
matrix in which every table changed stays as it is. The book and the domain PDFs are not touched.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from skill_matrix.data.pdfs import CHANGES_PART
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.text import label

CHANGED = 'skill-changed'


class ChangedTablesOnly(SphinxPostTransform):
    """In the changes' PDF, keep of each skill matrix the tables with a changed row (see above)."""

    # after RowsAsNodes (1: the rows carry their classes) and Sphinx's "only" nodes (50: the
    # PDF's tables of a grid layout are the by-role ones), before the columns are fitted (400)
    default_priority = 60
    formats = ('latex',)

    def run(self, **kwargs: Any) -> None:
        directory: str = self.config.skill_matrix_pdf_parts
        if not directory or self.env.docname != f'{directory}/{CHANGES_PART}':
            return
        for matrix in list(self.document.findall(nodes.container)):
            if 'skill-matrix' in matrix['classes']:
                changed_tables_only(matrix)


def changed_tables_only(matrix: nodes.container) -> None:
    """Leave out *matrix*'s tables without a change, naming them in one line where the first was."""
    tables = [table for table in matrix.findall(nodes.table) if 'skill-table' in table['classes']]
    unchanged = [table for table in tables if not _has_change(table)]
    if not unchanged:
        return
    names = pgettext('list', ', ').join(_caption(table) for table in unchanged)
    line: nodes.paragraph = label(
        _(
            'Unchanged, not shown here: {tables}. The book, the PDF of the domain and the site show them.'
        ).format(tables=names),
        classes=['skill-unchanged-tables'],
    )
    # in place of the line that introduces every table; links to a table left out (or to one of
    # its rows) lead to the line that names it
    ids = [node_id for table in unchanged for node in table.findall(nodes.Element) for node_id in node['ids']]
    intro = next(
        (node for node in matrix.findall(nodes.paragraph) if 'skill-tables-intro' in node['classes']), None
    )
    where = intro or unchanged[0]
    where.parent.replace(where, [nodes.target('', '', ids=ids), line] if ids else [line])
    for table in unchanged:
        if table.parent is not None:
            table.parent.remove(table)
    for stats in list(matrix.findall(nodes.bullet_list)):
        if 'skill-stats' in stats['classes']:
            stats.parent.remove(stats)


def _has_change(table: nodes.table) -> bool:
    return any(
        CHANGED in element['classes']
        for element in table.findall(nodes.Element)
        if isinstance(element, nodes.row | nodes.entry)
    )


def _caption(table: nodes.table) -> str:
    title = table.next_node(nodes.title)
    return title.astext() if title is not None else ''
