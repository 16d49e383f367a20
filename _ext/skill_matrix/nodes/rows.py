"""Table rows kept as data: the expectations in the level and role tables of skill and role pages.

A skill page shows 25 expectations, a role page every skill of the role at every level (5,000
rows at 1,000 skills). As docutils rows, every transform, the HTML writer and the search index
walk their nodes: most of a large build's time. So these tables' bodies hold one
:class:`skill_rows` node with the rows as data (:class:`RowData`). The texts are still
translated at read time (:mod:`skill_matrix.i18n`), their link ids claimed
(:class:`~skill_matrix.directives.SkillDataDirective`), changed rows marked (the review); the
HTML builders write the rows straight from the data, the other builders get ordinary rows
(:func:`ordinary_rows`), with the texts located in their data files for the message catalogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from docutils import nodes

from skill_matrix.labels import pgettext
from skill_matrix.nodes.changes import change_anchor, change_marker
from skill_matrix.nodes.text import (
    PlainTranslatable,
    examples_node,
    label,
    make_description,
    make_text,
    rich_nodes,
    wrap_text,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

    from skill_matrix.data.model import SourceText


class skill_rows(nodes.General, nodes.Element):
    """The body rows of a level or role table, kept as data (:class:`RowData`), not as nodes.

    Attributes: ``first``, what a row's first cell holds: ``'skill'`` (a role page's level table:
    the skill's title, linked to its page, heading the row), ``'role'`` (a skill page's level
    table: the role's name, linked to the role's page when there is one) or ``'level'`` (a skill
    page's role table: the level's name); ``rows`` (a tuple of :class:`RowData`),
    ``searchable`` (whether the search index gets the rows' texts: a skill page's, not a role
    page's, whose rows are every skill page's again) and, once references are resolved for HTML,
    ``hrefs`` (the id of what a first cell names → its page, relative to this one).
    """


@dataclass(frozen=True)
class RowData:
    """One row of a level or role table: an expectation, as the page's reader sees it."""

    skill_id: str
    role_id: str
    level_id: str
    title: str
    """The first cell's text: the skill's title, the role's or the level's name."""
    required: bool
    description: str
    anchor: str | None
    """The row's link id (:func:`~skill_matrix.data.anchors.cell_id`), unless the page has it already."""
    sources: tuple[SourceText, SourceText] | None = None
    """The English title and description where the data files have them (for the message
    catalogs); None where another page extracts them (a role page's rows are skill pages' texts)."""
    translated: tuple[bool, ...] | None = None
    """Whether the title, the description and each example were translated (None: the page has
    no catalog)."""
    changed: bool = False
    """Changed since the review baseline."""
    markdown: bool = False
    """The description is written in the Markdown subset (:mod:`skill_matrix.data.richtext`)."""
    examples: tuple[RowExample, ...] = ()
    """The cell's examples, shown under the description."""


@dataclass(frozen=True)
class RowExample:
    """One example of a :class:`RowData`: its (translated) text, in the Markdown subset or plain."""

    text: str
    markdown: bool
    source: SourceText | None = None
    """The English example where the data file has it (a skill page's row), else None."""


def data_rows(body: skill_rows) -> tuple[RowData, ...]:
    return cast('tuple[RowData, ...]', body['rows'])


def first_cell_target(body: skill_rows, row: RowData) -> str | None:
    """The id of what *row*'s first cell links to: a skill (role pages), a role (skill pages)."""
    return {'skill': row.skill_id, 'role': row.role_id}.get(body['first'])


def row_hrefs(body: skill_rows) -> Mapping[str, str | None]:
    return cast('Mapping[str, str | None]', body.get('hrefs', {}))


def row_classes(body: skill_rows, row: RowData) -> list[str]:
    """The classes of *row*, as every expectation row has them (scripts and styles use them)."""
    classes = [
        'skill-row',
        f'skill-role-{row.role_id}',
        f'skill-level-{row.level_id}',
        'skill-required' if row.required else 'skill-optional',
    ]
    if body['first'] == 'skill':
        classes.append(f'skill-of-{row.skill_id}')
    return [*classes, 'skill-changed'] if row.changed else classes


def row_key(row: RowData) -> str:
    """``<skill>-<level>-<role>``: the cell's key in a review's changes."""
    return f'{row.skill_id}-{row.level_id}-{row.role_id}'


def row_texts(body: skill_rows) -> str:
    """The rows' visible words, for the search index."""
    flags = {True: pgettext('flag', 'Required'), False: pgettext('flag', 'Optional')}
    return '\n'.join(
        '\n'.join([row.title, flags[row.required], *_cell_words(row)]) for row in data_rows(body)
    )


def _cell_words(row: RowData) -> list[str]:
    """The text of *row*'s cell as it shows it (a plain description is its text, as written)."""
    if not row.markdown and not row.examples:
        return [row.description]
    return [node.astext() for node in cell_label(row)]


def ordinary_rows(body: skill_rows, link: Callable[[str], nodes.Element | None]) -> list[nodes.row]:
    """*body*'s rows as table rows, for the builders that do not write them from the data; *link*
    gives the resolved link (a reference) of a first cell's target, or None.

    A skill page's texts are the translatable nodes its tables had (with their locations, for the
    message catalogs), their translation applied; a role page's are labels.
    """
    rows = []
    for row in data_rows(body):
        title, description, examples = _cell_texts(row)
        target = first_cell_target(body, row)
        reference = link(target) if target is not None else None
        if reference is not None:
            wrap_text(title, reference.copy())  # the link without its placeholder text
        if row.changed:
            marker = change_marker(change_anchor(row_key(row)))
            description += nodes.paragraph('', '', marker) if row.markdown else [nodes.Text(' '), marker]
        cell = nodes.entry('', description, *examples)
        node = table_row([title, flag_paragraph(row.required), cell], classes=row_classes(body, row))
        if row.anchor:
            node['ids'].append(row.anchor)
        rows.append(node)
    return rows


def _cell_texts(row: RowData) -> tuple[nodes.Element, nodes.Element, list[nodes.Element]]:
    """*row*'s title, description and examples (none, or a :class:`skill_examples`) as nodes."""
    if row.sources is None:
        return label(row.title), description_label(row), examples_label(row)
    title = _shown_as(make_text(row.sources[0]), row.title)
    return title, _shown_as(make_description(row.sources[1]), row.description), source_examples(row)


def source_examples(
    row: RowData, class_of: Callable[[bool | None], str] | None = None
) -> list[nodes.Element]:
    """A skill page's *row*'s examples as ``make_examples`` makes them from the data file (each
    its translatable node, located, the translation shown); *class_of* gives an example's class
    from whether it was translated (Sphinx's translation class, as the page's read nodes get it)."""
    flags = row.translated[2:] if row.translated else (None,) * len(row.examples)
    items = []
    for example, translated in zip(row.examples, flags, strict=True):
        if example.source is not None:
            item = _shown_as(make_description(example.source), example.text)
            if class_of is not None and (class_name := class_of(translated)):
                item['classes'].append(class_name)
            items.append(item)
    return [examples_node(items)] if items else []


def _shown_as(text: nodes.Element, shown: str) -> nodes.Element:
    """*text*, a translatable node made from a data file, showing *shown* (its translation)."""
    if shown != text['original_message']:
        cast('PlainTranslatable', text).apply_translated_message(text['original_message'], shown)
    # Sphinx's gettext builder skips nodes without a versioning uid (made after reading),
    # and gives its toctrees' nodes an empty one, as here
    text.uid = ''  # type: ignore[attr-defined]
    return text


def description_label(row: RowData) -> nodes.Element:
    """*row*'s (translated) description as nodes: a paragraph, or the blocks of a rich text."""
    if not row.markdown:
        return label(row.description)
    return nodes.container('', *rich_nodes(row.description), classes=['skill-rich-text'], translatable=False)


def examples_label(row: RowData, untranslated_class: bool = False) -> list[nodes.Element]:
    """*row*'s (translated) examples as a skill page shows them (``make_examples``): none, or a
    :class:`~skill_matrix.nodes.text.skill_examples`; with *untranslated_class*, an example
    shown in English has Sphinx's class ``untranslated``."""
    if not row.examples:
        return []
    flags = row.translated[2:] if row.translated else (None,) * len(row.examples)
    items: list[nodes.Element] = []
    for example, translated in zip(row.examples, flags, strict=True):
        classes = ['untranslated'] if untranslated_class and translated is False else []
        if example.markdown:
            items.append(
                nodes.container(
                    '', *rich_nodes(example.text), classes=['skill-rich-text', *classes], translatable=False
                )
            )
        else:
            items.append(label(example.text, classes=classes))
    return [examples_node(items)]


def cell_label(row: RowData) -> list[nodes.Element]:
    """*row*'s (translated) description and examples as nodes, as the cell shows them."""
    return [description_label(row), *examples_label(row)]


def flag_paragraph(required: bool) -> nodes.paragraph:
    if required:
        text = pgettext('flag', 'Required')
        return nodes.paragraph('', '', nodes.strong(text, text), translatable=False, classes=['skill-flag'])
    return label(pgettext('flag', 'Optional'), classes=['skill-flag'])


def table_row(cells: Sequence[nodes.Element], classes: list[str]) -> nodes.row:
    row = nodes.row(classes=classes)
    for cell in cells:
        row += cell if isinstance(cell, nodes.entry) else nodes.entry('', cell)
    return row
