"""Build docutils nodes for a skill matrix and the skills overview.

Plain docutils nodes and a few subclasses of them, which every builder handles, with three
exceptions, kept short because a catalog has hundreds of skill pages: a skill page's level and
role tables are :class:`skill_table` nodes, their rows kept as data
(:mod:`skill_matrix.nodes.rows`) and their head as attributes; its facts and numbers are
:class:`skill_facts` and :class:`skill_stats`. HTML writes them as strings, the other builders
get the ordinary table, field list and bullet list (:func:`expanded_table`, :func:`facts_list`,
:func:`stats_list`) before any other post-transform
(:class:`~skill_matrix.html.rows.OrdinaryNodes`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.addnodes import pending_xref

from skill_matrix.data import richtext
from skill_matrix.data.anchors import cell_id, grid_id, level_table_id, role_table_id
from skill_matrix.labels import _, format_date, ngettext, pgettext
from skill_matrix.nodes.rows import RowData, RowExample, flag_paragraph, skill_rows, table_row
from skill_matrix.nodes.text import (
    label,
    label_with_names,
    make_description,
    make_examples,
    make_text,
    skill_caption,
    skill_label,
    wrap_text,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from skill_matrix.data.model import Definitions, Expectation, Skill, SourceText

LAYOUTS = ('by-level', 'by-role', 'grid')


@dataclass(frozen=True)
class MatrixView:
    """What a skill-matrix directive shows: which roles and levels, how, and which cells."""

    role_ids: tuple[str, ...]
    level_ids: tuple[str, ...]
    layout: str = 'by-level'
    required_only: bool = False
    anchors: bool = True
    """Give tables and cells their link ids (see :mod:`skill_matrix.data.anchors`)."""


def build_matrix(
    skill: Skill,
    definitions: Definitions,
    view: MatrixView,
    *,
    language: str,
    node_id: str,
    edit_url: str | None = None,
) -> nodes.container:
    """The whole matrix of *skill*: summary, facts, stats, the tables of *view*, an edit link."""
    container = nodes.container(
        classes=['skill-matrix', f'skill-matrix-{view.layout}'], ids=[node_id], skill=skill.id
    )
    if skill.summary:
        container += make_text(skill.summary, classes=['skill-summary'])
    container += _facts(skill, language)
    container += _stats(skill, view)
    first, last = view.level_ids[0], view.level_ids[-1]
    intro: nodes.paragraph = label_with_names(
        _('The table shows how skill depth grows from {first} to {last}.'),
        first=definitions.level(first).name,
        last=definitions.level(last).name,
    )
    intro['classes'].append('skill-tables-intro')
    container += intro
    tables = {'by-level': _tables_by_level, 'by-role': _tables_by_role, 'grid': _grid}[view.layout]
    built: list[nodes.Node] = list(tables(skill, definitions, view))
    if built and view.layout == 'grid':
        # A role × level grid is too narrow for a page: LaTeX (the PDFs) gets the same cells as
        # the by-role tables, levels as rows; every other builder gets the grid.
        # The cells' ids stay with the grid: one element per id in the doctree.
        printed = _tables_by_role(skill, definitions, view, cell_ids=False)
        built = [
            addnodes.only('', *built, expr='not latex'),
            addnodes.only('', *printed, expr='latex'),
        ]
    container += built or [label(_('No required expectations.'), classes=['skill-empty'])]
    if edit_url:
        text = _('Suggest a change')
        link = nodes.reference(text, text, refuri=edit_url)
        container += skill_label('', '', link, classes=['skill-edit'], translatable=False)
    return container


def overview_skills(skills: Iterable[Skill]) -> list[Skill]:
    """*skills* in the overview's order: by title."""
    return sorted(skills, key=lambda skill: skill.title.text.casefold())


def overview_digest(skills: Sequence[Skill], definitions: Definitions) -> str:
    """A digest of what :func:`build_overview` shows of *skills*: each skill's id, title and group
    (their texts and places in the data files, which the message catalogs name), its numbers."""
    shown = [
        (
            skill.id,
            skill.title,
            skill.group,
            len(skill.role_ids),
            sum(item.required for item in skill.expectations),
            len(skill.expectations),
        )
        for skill in skills
    ]
    return hashlib.sha256(repr((len(definitions.levels), shown)).encode()).hexdigest()


def build_overview(skills: Sequence[Skill], definitions: Definitions) -> nodes.table:
    """A table of *skills* with their group and stats; each title links to the skill's page."""
    rows = []
    for skill in skills:
        required = sum(item.required for item in skill.expectations)
        reference = pending_xref('', refdomain='skill', reftype='ref', reftarget=skill.id, refexplicit=True)
        cells = [
            wrap_text(make_text(skill.title), reference),
            make_text(skill.group),
            number_paragraph(len(skill.role_ids)),
            number_paragraph(len(definitions.levels)),
            number_paragraph(required),
            number_paragraph(len(skill.expectations) - required),
        ]
        rows.append(table_row(cells, classes=['skill-overview-row', f'skill-overview-{skill.id}']))
    headers = [
        _('Skill'),
        _('Group'),
        _('Roles'),
        _('Levels'),
        pgettext('count', 'Required'),
        pgettext('count', 'Optional'),
    ]
    return table(None, headers, [34, 26, 10, 10, 10, 10], rows, ['skill-overview'])


# --- header -----------------------------------------------------------------------------------


class skill_facts(nodes.General, nodes.Element):
    """A skill page's facts (domain, group, last update), short: the values are its children (the domain's
    and the group's names, translatable, and the date, then a text of the names' words that only the
    search index reads), their names an attribute (``names``, translated). HTML writes the field
    list from it as a string (:mod:`skill_matrix.html.header`), the other builders get it
    (:func:`facts_list`): as a field list, the read and write transforms walked 19 nodes on every
    skill page."""


def _facts(skill: Skill, language: str) -> skill_facts:
    names = (_('Domain'), _('Group'), _('Last updated'))
    return skill_facts(
        '',
        make_text(skill.domain),
        make_text(skill.group),
        label(format_date(skill.updated, language), classes=['skill-updated']),
        nodes.Text('\n'.join(names)),  # the names' words, for the search index only
        names=names,
        location=(str(skill.title.path), skill.title.line),
    )


def facts_list(node: skill_facts) -> nodes.field_list:
    """The field list *node* stands for; its values move into it."""
    facts = nodes.field_list(classes=['skill-facts'])
    values = [child for child in node.children if isinstance(child, nodes.Element)]
    node.children = []
    for name, body in zip(node['names'], values, strict=True):
        field_name = label(name, nodes.field_name)
        # Located, so that Sphinx's source workaround has nothing to patch (and to log: it renders
        # the node as XML for a debug message at every page read).
        field_name.source, field_name.line = node['location']
        facts += nodes.field('', field_name, nodes.field_body('', body))
    return facts


class skill_stats(nodes.General, nodes.Element):
    """A skill page's numbers, short: ``stats``, a tuple of (kind, value, name, caption) with the names and
    captions translated; its only child, their words for the search index. HTML writes the list from
    it as a string (:mod:`skill_matrix.html.header`), the other builders get it
    (:func:`stats_list`): as a bullet list, the read and write transforms walked 28 nodes on every
    skill page."""


def _stats(skill: Skill, view: MatrixView) -> skill_stats:
    shown = [
        item
        for item in skill.expectations
        if item.role_id in view.role_ids and item.level_id in view.level_ids
    ]
    required = sum(item.required for item in shown)
    optional = len(shown) - required
    stats = (
        ('roles', len(view.role_ids), _('Roles'), _('where this skill appears')),
        ('levels', len(view.level_ids), _('Levels'), _('structured growth path')),
        (
            'required',
            required,
            _('Mandatory requirements'),
            ngettext('the other {count} optional', 'the other {count} optional', optional).format(
                count=optional
            ),
        ),
    )
    words = '\n'.join(f'{value}\n{name}\n{caption}' for _kind, value, name, caption in stats)
    return skill_stats('', nodes.Text(words), stats=stats)  # the words, for the search index only


def stats_list(node: skill_stats) -> nodes.bullet_list:
    """The bullet list *node* stands for."""
    stats = nodes.bullet_list(classes=['skill-stats'])
    for kind, value, name, caption in node['stats']:
        headline = nodes.paragraph(
            '',
            '',
            nodes.strong(str(value), str(value), classes=['skill-stat-value']),
            nodes.Text(' '),
            nodes.inline(name, name, classes=['skill-stat-name']),
            translatable=False,
        )
        stats += nodes.list_item(
            '',
            headline,
            label(caption, classes=['skill-stat-caption']),
            classes=['skill-stat', f'skill-stat-{kind}'],
        )
    return stats


# --- layouts ----------------------------------------------------------------------------------


def _tables_by_level(skill: Skill, definitions: Definitions, view: MatrixView) -> Iterable[nodes.table]:
    headers = [pgettext('column', 'Role'), pgettext('column', 'Required'), pgettext('column', 'Description')]
    for level_id in view.level_ids:
        rows = tuple(
            _expectation_row(skill.id, item, definitions.role(role_id).name, anchored=view.anchors)
            for role_id in view.role_ids
            if _shown(item := skill.expectation(role_id, level_id), view)
        )
        if rows:
            caption = make_text(definitions.level(level_id).name, skill_caption)
            yield short_table(
                caption,
                headers,
                [24, 12, 64],
                skill_rows('', first='role', rows=rows, searchable=True),
                ['skill-table', f'skill-table-level-{level_id}'],
                ids=[level_table_id(skill.id, level_id)] if view.anchors else [],
            )


def _tables_by_role(
    skill: Skill, definitions: Definitions, view: MatrixView, *, cell_ids: bool = True
) -> Iterable[nodes.table]:
    headers = [pgettext('column', 'Level'), pgettext('column', 'Required'), pgettext('column', 'Description')]
    for role_id in view.role_ids:
        rows = tuple(
            _expectation_row(
                skill.id, item, definitions.level(level_id).name, anchored=view.anchors and cell_ids
            )
            for level_id in view.level_ids
            if _shown(item := skill.expectation(role_id, level_id), view)
        )
        if rows:
            caption = make_text(definitions.role(role_id).name, skill_caption)
            yield short_table(
                caption,
                headers,
                [16, 12, 72],
                skill_rows('', first='level', rows=rows, searchable=True),
                ['skill-table', f'skill-table-role-{role_id}'],
                ids=[role_table_id(skill.id, role_id)] if view.anchors else [],
            )


def _grid(skill: Skill, definitions: Definitions, view: MatrixView) -> Iterable[nodes.table]:
    rows = []
    for role_id in view.role_ids:
        cells: list[nodes.Element] = [make_text(definitions.role(role_id).name)]
        for level_id in view.level_ids:
            item = skill.expectation(role_id, level_id)
            if _shown(item, view):
                cells.append(
                    nodes.entry(
                        '',
                        flag_paragraph(item.required),
                        *cell_text(item),
                        classes=expectation_classes(item, 'skill-cell'),
                        ids=[cell_id(skill.id, level_id, role_id)] if view.anchors else [],
                    )
                )
            else:
                cells.append(
                    nodes.entry('', classes=['skill-cell', 'skill-omitted', f'skill-level-{level_id}'])
                )
        if any('skill-omitted' not in cell['classes'] for cell in cells[1:]):
            rows.append(table_row(cells, classes=['skill-grid-row', f'skill-role-{role_id}']))
    if rows:
        headers: list[str | nodes.paragraph] = [
            pgettext('column', 'Role'),
            *(make_text(definitions.level(level_id).name) for level_id in view.level_ids),
        ]
        width = 84 // len(view.level_ids)
        grid = table(
            label(_('Every role at every level'), nodes.title),
            headers,
            [16] + [width] * len(view.level_ids),
            rows,
            ['skill-table', 'skill-grid'],
            ids=[grid_id(skill.id)] if view.anchors else [],
        )
        first_column = grid.next_node(nodes.colspec)
        assert first_column is not None
        first_column['stub'] = 1  # role names are the rows' header cells
        yield grid


def _shown(item: Expectation, view: MatrixView) -> bool:
    return item.required or not view.required_only


def expectation_classes(item: Expectation, kind: str) -> list[str]:
    return [
        kind,
        f'skill-role-{item.role_id}',
        f'skill-level-{item.level_id}',
        'skill-required' if item.required else 'skill-optional',
    ]


def _expectation_row(skill_id: str, item: Expectation, name: SourceText, *, anchored: bool) -> RowData:
    """A row of a level or role table (*name*: the role's or the level's); when *anchored*, it
    carries the cell's link id."""
    return RowData(
        skill_id=skill_id,
        role_id=item.role_id,
        level_id=item.level_id,
        title=name.text,
        required=item.required,
        description=item.description.text,
        anchor=cell_id(skill_id, item.level_id, item.role_id) if anchored else None,
        sources=(name, item.description),
        markdown=not richtext.is_plain(item.description.text),
        examples=tuple(
            RowExample(example.text, not richtext.is_plain(example.text), example)
            for example in item.examples
        ),
    )


def cell_text(item: Expectation) -> list[nodes.Element]:
    """A cell's description and, under it, its examples (if any)."""
    return [make_description(item.description), *make_examples(item.examples)]


def number_paragraph(value: int) -> nodes.paragraph:
    return label(str(value), classes=['skill-number'])


# --- tables -----------------------------------------------------------------------------------


def table(
    caption: nodes.title | None,
    headers: Sequence[str | nodes.paragraph],
    widths: Sequence[int],
    rows: Sequence[nodes.Element],
    classes: list[str],
    *,
    ids: list[str] | None = None,
) -> nodes.table:
    table = nodes.table(classes=[*classes, *TABLE_CLASSES], ids=list(ids or []))
    if caption is not None:
        table += caption
    table += _table_group(headers, widths, rows)
    return table


TABLE_CLASSES = ('longtable', 'colwidths-given')


def _table_group(
    headers: Sequence[str | nodes.paragraph], widths: Sequence[int], rows: Sequence[nodes.Element]
) -> nodes.tgroup:
    """A table's columns, head and body."""
    group = nodes.tgroup(cols=len(headers))
    group.extend(nodes.colspec(colwidth=width) for width in widths)
    group += nodes.thead(
        '',
        table_row(
            [header if isinstance(header, nodes.paragraph) else label(header) for header in headers],
            classes=[],
        ),
    )
    group += nodes.tbody('', *rows)
    return group


def data_table(
    caption: nodes.title | None,
    headers: Sequence[str | nodes.paragraph],
    widths: Sequence[int],
    body: skill_rows,
    classes: list[str],
    *,
    ids: list[str] | None = None,
) -> nodes.table:
    """A table whose body rows are kept as data (*body*, see :mod:`skill_matrix.nodes.rows`)."""
    shell = table(caption, headers, widths, [], classes, ids=ids)
    tbody = shell.next_node(nodes.tbody)
    assert tbody is not None
    tbody += body
    return shell


class skill_table(nodes.table):
    """A skill page's level or role table, short: its caption and its :class:`skill_rows` are
    its children, its head is kept as attributes (``headers``, ``widths``).

    A skill page has five such tables: as ordinary tables, each transform, the pickled doctree
    and the search index went through the 20 nodes of each head. Being a table, it is numbered,
    linked and wrapped by the theme like one. The HTML builders write the ordinary table it
    stands for, its head as a string (:func:`~skill_matrix.html.rows.visit_skill_table`); the
    other builders get that table (:func:`expanded_table`) before any other post-transform
    (:class:`~skill_matrix.html.rows.OrdinaryNodes`).
    """


def short_table(
    caption: nodes.title,
    headers: Sequence[str],
    widths: Sequence[int],
    body: skill_rows,
    classes: list[str],
    *,
    ids: list[str],
) -> skill_table:
    """A :class:`skill_table`: what :func:`data_table` makes, with the head kept as attributes."""
    return skill_table(
        '',
        caption,
        body,
        classes=[*classes, *TABLE_CLASSES],
        ids=ids,
        headers=list(headers),
        widths=list(widths),
    )


def expanded_table(node: skill_table) -> nodes.table:
    """*node* as the ordinary table it stands for; its caption and rows move into it (*node* is
    left empty)."""
    caption, body = node.children
    node.children = []
    table = nodes.table(classes=list(node['classes']), ids=list(node['ids']))
    table += caption
    table += _table_group(node['headers'], node['widths'], [])
    tbody = table.next_node(nodes.tbody)
    assert tbody is not None
    tbody += body
    return table
