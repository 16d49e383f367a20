"""The tables of the role pages: a role's career path and its expectations at one level."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.addnodes import pending_xref

from skill_matrix.data import richtext
from skill_matrix.data.anchors import career_path_id, cell_id, role_level_table_id
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.changes import change_anchor, change_marker
from skill_matrix.nodes.matrix import flag_paragraph, number_paragraph, table, table_row
from skill_matrix.nodes.text import label, make_text, rich_nodes, skill_caption, skill_name, wrap_text

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from skill_matrix.data.model import Definitions, Expectation, Skill, SourceText


def name_list(names: Sequence[SourceText]) -> nodes.paragraph:
    """Names from the data files, comma-separated, each translated through the page catalogs;
    "—" for none."""
    parts: list[nodes.Node] = []
    for name in names:
        if parts:
            parts.append(nodes.Text(', '))
        parts.append(make_text(name, skill_name))
    return nodes.paragraph('', '', *(parts or [nodes.Text('—')]), translatable=False)


def career_path(role_id: str, skills: Sequence[Skill], definitions: Definitions) -> nodes.table:
    """Level by level: how many of the role's expectations are required, how many optional; with
    level tracks also the levels that follow each one (none: the end of a track)."""
    names = {level.id: level.name for level in definitions.levels}
    rows = []
    for level in definitions.levels:
        items = [skill.expectation(role_id, level.id) for skill in skills]
        required = sum(item.required for item in items)
        cells = [make_text(level.name), number_paragraph(required), number_paragraph(len(items) - required)]
        if definitions.tracks:
            cells.append(name_list([names[after] for after in level.next]))
        rows.append(table_row(cells, classes=['skill-career-row', f'skill-level-{level.id}']))
    headers = [pgettext('column', 'Level'), pgettext('count', 'Required'), pgettext('count', 'Optional')]
    widths = [40, 30, 30]
    if definitions.tracks:
        headers.append(pgettext('column', 'Next levels'))
        widths = [30, 15, 15, 40]
    caption = label(_('Career path: expectations per level'), nodes.title)
    classes = ['skill-table', 'skill-career-path']
    return with_row_headers(table(caption, headers, widths, rows, classes, ids=[career_path_id(role_id)]))


class skill_level_rows(nodes.General, nodes.Element):
    """The body rows of a role page's level table, kept as data (:class:`LevelRow`), not as nodes.

    A role page has a row per skill of the role at every level: 5,000 rows at 1,000 skills, read
    again whenever any skill changes. As docutils rows, every transform and writer walks them
    (most of such a build's time); as data, the page's texts are still translated at read time
    (:mod:`skill_matrix.i18n`) and marked when changed since a review baseline, the HTML
    builders write the rows straight from the data, and the other builders get ordinary rows
    (both in :mod:`skill_matrix.roles`).

    Attributes: ``role``, ``level`` (ids), ``rows`` (a tuple of :class:`LevelRow`) and, once
    references are resolved for HTML, ``hrefs`` (skill id → its page, relative to this one).
    """


@dataclass(frozen=True)
class LevelRow:
    """One row of a level table: a skill's expectation, as the page's reader sees it."""

    skill_id: str
    title: str
    required: bool
    description: str
    anchor: str | None
    """The row's link id (:func:`~skill_matrix.data.anchors.cell_id`), unless the page has it already."""
    translated: tuple[bool, bool] | None = None
    """Whether the title and the description were translated (None: the page has no catalog)."""
    changed: bool = False
    """Changed since the review baseline."""
    markdown: bool = False
    """The description is written in the Markdown subset (:mod:`skill_matrix.data.richtext`)."""


def level_table(
    role_id: str, level_id: str, name: SourceText, items: Sequence[tuple[Skill, Expectation]]
) -> nodes.table:
    """The role's expectation in each skill at one level; each skill links to its page.

    Each row carries the cell's link id, the same as on the skill's page.
    """
    rows = tuple(
        LevelRow(
            skill_id=skill.id,
            title=skill.title.text,
            required=item.required,
            description=item.description.text,
            anchor=cell_id(skill.id, level_id, role_id),
            markdown=not richtext.is_plain(item.description.text),
        )
        for skill, item in items
    )
    headers = [_('Skill'), pgettext('column', 'Required'), pgettext('column', 'Description')]
    caption = make_text(name, skill_caption)
    classes = ['skill-table', f'skill-table-level-{level_id}']
    shell = table(caption, headers, [24, 12, 64], [], classes, ids=[role_level_table_id(role_id, level_id)])
    body = shell.next_node(nodes.tbody)
    assert body is not None
    body += skill_level_rows('', role=role_id, level=level_id, rows=rows)
    return with_row_headers(shell)


def level_rows(body: skill_level_rows) -> tuple[LevelRow, ...]:
    return cast('tuple[LevelRow, ...]', body['rows'])


def row_classes(body: skill_level_rows, row: LevelRow) -> list[str]:
    """The classes of *row*, as a row of a skill's matrix has them (scripts and styles use them)."""
    classes = [
        'skill-row',
        f'skill-role-{body["role"]}',
        f'skill-level-{body["level"]}',
        'skill-required' if row.required else 'skill-optional',
        f'skill-of-{row.skill_id}',
    ]
    return [*classes, 'skill-changed'] if row.changed else classes


def row_key(body: skill_level_rows, row: LevelRow) -> str:
    """``<skill>-<level>-<role>``: the cell's key in a review's changes."""
    return f'{row.skill_id}-{body["level"]}-{body["role"]}'


def skill_reference(skill_id: str) -> pending_xref:
    """A link to the skill's page, resolved by the skill domain."""
    return pending_xref('', refdomain='skill', reftype='ref', reftarget=skill_id, refexplicit=True)


def ordinary_rows(body: skill_level_rows, link: Callable[[str], nodes.Element | None]) -> list[nodes.row]:
    """*body*'s rows as table rows, for the builders that do not write them from the data; *link*
    gives a skill's resolved link (a reference), or None.

    Their texts are translated already: they are labels now, not translatable text.
    """
    rows = []
    for row in level_rows(body):
        title: nodes.paragraph = label(row.title)
        reference = link(row.skill_id)
        if reference is not None:
            wrap_text(title, reference.copy())  # the link without its placeholder text
        description = description_label(row)
        if row.changed:
            marker = change_marker(change_anchor(row_key(body, row)))
            description += nodes.paragraph('', '', marker) if row.markdown else [nodes.Text(' '), marker]
        node = table_row([title, flag_paragraph(row.required), description], classes=row_classes(body, row))
        if row.anchor:
            node['ids'].append(row.anchor)
        rows.append(node)
    return rows


def description_label(row: LevelRow) -> nodes.Element:
    """*row*'s (translated) description as nodes: a paragraph, or the blocks of a rich text."""
    if not row.markdown:
        return label(row.description)
    return nodes.container('', *rich_nodes(row.description), classes=['skill-rich-text'], translatable=False)


def skill_hrefs(body: skill_level_rows) -> Mapping[str, str | None]:
    return cast('Mapping[str, str | None]', body.get('hrefs', {}))


@dataclass(frozen=True)
class LevelTableTexts:
    level_id: str
    name: str
    rows: tuple[LevelRow, ...]
    hrefs: Mapping[str, str | None]
    """Skill id → its page, relative to this one (None: no page shows the skill)."""


def read_level_tables(section: nodes.Element) -> list[LevelTableTexts]:
    """The level tables (:func:`level_table`) in *section*, read once the doctree is resolved."""
    found = []
    for body in section.findall(skill_level_rows):
        level_table_node = body.parent.parent.parent  # tbody, tgroup, table
        caption = level_table_node.next_node(nodes.title)
        name = caption.astext() if caption is not None else body['level']
        found.append(LevelTableTexts(body['level'], name, level_rows(body), skill_hrefs(body)))
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
