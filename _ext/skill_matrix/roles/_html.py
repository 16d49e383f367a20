"""Role pages in the output: the level rows, the chart, links from skill matrices to the role pages.

A role page shows every skill of the role at every level (:class:`skill_rows` headed by the
skill); the HTML builders write these rows from their data (:mod:`skill_matrix.html.rows`) with
the links resolved here, the other builders get ordinary table rows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.html.charts import add_chart_files, has_container
from skill_matrix.html.downloads import offers_downloads
from skill_matrix.html.explorer import script_block
from skill_matrix.labels import _
from skill_matrix.nodes.pagedata import level_data, read_level_data
from skill_matrix.nodes.placeholders import ROLE_CHART_CLASS
from skill_matrix.nodes.role_tables import class_value, skill_reference
from skill_matrix.nodes.rows import data_rows, ordinary_rows, skill_rows
from skill_matrix.nodes.text import wrap_text
from skill_matrix.state import BuildState

if TYPE_CHECKING:
    from typing import Any

    from sphinx.application import Sphinx


def resolve_level_rows(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Link each row of a level table to its skill's page: the HTML builders write the rows from
    their data with these links; the other builders get ordinary table rows instead.

    Connected before the handlers that read the rows (:func:`~skill_matrix.html.explorer.emit_explorer_data`).
    """
    domain = BuildState(app.env).domain
    links: dict[str, nodes.Element | None] = {}  # the same skills at every level: resolved once

    def link(skill_id: str) -> nodes.Element | None:
        if skill_id not in links:
            links[skill_id] = domain.resolve_xref(
                app.env, docname, app.builder, 'ref', skill_id, skill_reference(skill_id), nodes.inline()
            )
        return links[skill_id]

    for body in list(doctree.findall(skill_rows)):
        if body['first'] != 'skill':
            continue  # a skill page's rows: skill_matrix.html.rows
        if app.builder.format == 'html':
            body['hrefs'] = {row.skill_id: _href(link(row.skill_id)) for row in data_rows(body)}
        else:
            body.replace_self(ordinary_rows(body, link))


def _href(reference: nodes.Element | None) -> str | None:
    """Where a resolved link leads, as the HTML writers write it."""
    if reference is None:
        return None
    return reference.get('refuri') or f'#{reference["refid"]}'


# --- links from skill matrices to role pages --------------------------------------------------


def link_role_names(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """In HTML, each role name in a skill matrix links to the role's page (when there is one).

    The names are already translated: their text moves into a link, no text is made here.
    """
    directory = app.config.skill_matrix_role_pages
    if not directory or app.builder.format != 'html':
        return
    for matrix in doctree.findall(nodes.container):
        if 'skill-matrix' not in matrix['classes']:
            continue
        for holder, role_id in _role_names(matrix):
            target = f'{directory}/{role_id}'
            if target in app.env.found_docs and not holder.next_node(nodes.reference):
                uri = app.builder.get_relative_uri(docname, target)
                wrap_text(
                    holder, nodes.reference('', '', internal=True, refuri=uri, classes=['skill-role-link'])
                )


def _role_names(matrix: nodes.Element) -> list[tuple[nodes.Element, str]]:
    """The nodes holding a role's name in *matrix*: captions of role tables, first cells of rows
    in level tables and in the grid."""
    found: list[tuple[nodes.Element, str]] = []
    for matrix_table in matrix.findall(nodes.table):
        role_id = class_value(matrix_table['classes'], 'skill-table-role-')
        caption = matrix_table.next_node(nodes.title)
        if role_id and caption is not None:
            found.append((caption, role_id))
        if not (
            class_value(matrix_table['classes'], 'skill-table-level-')
            or 'skill-grid' in matrix_table['classes']
        ):
            continue
        for row in matrix_table.findall(nodes.row):
            row_role = class_value(row['classes'], 'skill-role-')
            cell = row.children[0] if row.children else None
            if (
                row_role
                and isinstance(cell, nodes.entry)
                and cell.children
                and isinstance(cell[0], nodes.Element)
            ):
                found.append((cell[0], row_role))
    return found


# --- the chart --------------------------------------------------------------------------------

RINGS = 4


def role_chart(chart: nodes.container) -> dict[str, Any]:
    """The chart's data for ``skill_chart.js``: a series per level, an axis per domain, the number
    of the domain's skills the role requires at that level."""
    axes = [child for child in chart.children if isinstance(child, nodes.Element) and 'chart_axis' in child]
    levels_node = chart.next_node(level_data)
    assert levels_node is not None
    levels = read_level_data(levels_node)
    counts = chart['chart_counts']
    top = max((count for axis in counts for count in axis['required']), default=0)
    step = max(1, -(-top // RINGS))
    return {
        'title': _('Required skills per domain, level by level'),
        'note': _('How many skills of each domain the role requires at each level.'),
        'axisHeader': _('Domain'),
        'countHeader': _('Skills'),
        'axes': [
            {'id': axis['chart_axis'], 'name': axis.astext(), 'count': counts[index]['skills']}
            for index, axis in enumerate(axes)
        ],
        'series': [
            {'id': level.id, 'name': level.name, 'values': [axis['required'][index] for axis in counts]}
            for index, level in enumerate(levels)
        ],
        'max': step * RINGS,
        'rings': [{'value': step * ring, 'label': str(step * ring)} for ring in range(1, RINGS + 1)],
        'digits': 0,
    }


def emit_role_charts(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give each role chart its JSON block (websites), or drop it (other builders)."""
    for chart in list(doctree.findall(nodes.container)):
        if ROLE_CHART_CLASS not in chart['classes']:
            continue
        if not offers_downloads(app.builder) or not chart['chart_counts']:
            chart.parent.remove(chart)
            continue
        data = role_chart(chart)
        chart.children = []
        chart += script_block(data, 'skill-chart-data')


def add_chart_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """A page with a role chart loads the chart's script and stylesheet."""
    if has_container(doctree, ROLE_CHART_CLASS):
        add_chart_files(app)
