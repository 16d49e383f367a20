"""The tables of the role pages: a role's career path and its expectations at one level."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.addnodes import pending_xref

from skill_matrix.data import richtext
from skill_matrix.data.anchors import career_path_id, cell_id, role_level_table_id
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.matrix import data_table, number_paragraph, table
from skill_matrix.nodes.rows import RowData, RowExample, data_rows, row_hrefs, skill_rows, table_row
from skill_matrix.nodes.text import label, make_text, skill_caption, skill_label, skill_name

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from skill_matrix.data.model import Definitions, Expectation, Skill, SourceText


def name_list(names: Sequence[SourceText]) -> nodes.paragraph:
    """Names from the data files, comma-separated, each translated through the page catalogs;
    "—" for none."""
    parts: list[nodes.Node] = []
    for name in names:
        if parts:
            parts.append(nodes.Text(', '))
        parts.append(make_text(name, skill_name))
    return skill_label('', '', *(parts or [nodes.Text('—')]), translatable=False)


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


def level_table(
    role_id: str, level_id: str, name: SourceText, items: Sequence[tuple[Skill, Expectation]]
) -> nodes.table:
    """The role's expectation in each skill at one level; each skill links to its page.

    Each row carries the cell's link id, the same as on the skill's page.
    """
    rows = tuple(
        RowData(
            skill_id=skill.id,
            role_id=role_id,
            level_id=level_id,
            title=skill.title.text,
            required=item.required,
            description=item.description.text,
            anchor=cell_id(skill.id, level_id, role_id),
            markdown=not richtext.is_plain(item.description.text),
            examples=tuple(
                RowExample(example.text, not richtext.is_plain(example.text)) for example in item.examples
            ),
        )
        for skill, item in items
    )
    headers = [_('Skill'), pgettext('column', 'Required'), pgettext('column', 'Description')]
    caption = make_text(name, skill_caption)
    classes = ['skill-table', f'skill-table-level-{level_id}']
    body = skill_rows('', first='skill', rows=rows, searchable=False)
    ids = [role_level_table_id(role_id, level_id)]
    return with_row_headers(data_table(caption, headers, [24, 12, 64], body, classes, ids=ids))


def skill_reference(skill_id: str) -> pending_xref:
    """A link to the skill's page, resolved by the skill domain."""
    return pending_xref('', refdomain='skill', reftype='ref', reftarget=skill_id, refexplicit=True)


@dataclass(frozen=True)
class LevelTableTexts:
    level_id: str
    name: str
    rows: tuple[RowData, ...]
    hrefs: Mapping[str, str | None]
    """Skill id → its page, relative to this one (None: no page shows the skill)."""


def read_level_tables(section: nodes.Element) -> list[LevelTableTexts]:
    """The level tables (:func:`level_table`) in *section*, read once the doctree is resolved."""
    found = []
    for body in section.findall(skill_rows):
        rows = data_rows(body)
        if body['first'] != 'skill' or not rows:
            continue
        level_table_node = body.parent.parent.parent  # tbody, tgroup, table
        caption = level_table_node.next_node(nodes.title)
        level_id = rows[0].level_id
        name = caption.astext() if caption is not None else level_id
        found.append(LevelTableTexts(level_id, name, rows, row_hrefs(body)))
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
