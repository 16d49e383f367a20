"""Rows kept as data in the output (:mod:`skill_matrix.nodes.rows`): skill and role pages' tables.

The HTML builders write the rows straight from their data, as strings, for a small part of what
docutils' writer would cost: the markup the other tables of the site get
(:mod:`skill_matrix.html.accessibility`, :mod:`skill_matrix.html.anchors`), the same classes, link
ids and ¶ links, ``scope`` and ``data-label`` on the cells, Sphinx's ``untranslated`` class, the
review's change markers (written by the visitor the review registers for them). Every text is
escaped. A skill page's rows go into the search index as their words, with the heads of its
short tables (:class:`~skill_matrix.nodes.matrix.skill_table`), which HTML writes as the ordinary
tables they stand for, their heads as strings too. The other builders get ordinary tables and
rows (:class:`OrdinaryNodes` for skill pages, before any other post-transform; role pages' rows,
whose skills link to their pages, in :mod:`skill_matrix.roles`).
"""

from __future__ import annotations

import functools
from html import escape
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from docutils.writers.html5_polyglot import HTMLTranslator
from sphinx.transforms.post_transforms import SphinxPostTransform

from skill_matrix.html.anchors import link_to, permalinks
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.changes import change_anchor, change_marker
from skill_matrix.nodes.matrix import (
    expanded_table,
    facts_list,
    skill_facts,
    skill_stats,
    skill_table,
    stats_list,
)
from skill_matrix.nodes.rows import (
    RowData,
    data_rows,
    description_label,
    examples_label,
    first_cell_target,
    ordinary_rows,
    row_classes,
    row_hrefs,
    row_key,
    row_texts,
    skill_rows,
    source_examples,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


def visit_skill_table(translator: HTML5Translator, node: skill_table) -> None:
    """A skill page's short table, written as the ordinary table it stands for
    (:func:`~skill_matrix.nodes.matrix.expanded_table`): the table and its caption by the
    translator, the head and the rows as strings."""
    caption, body = node.children
    table = nodes.table(classes=list(node['classes']), ids=list(node['ids']))
    caption.parent = table  # what the translator writes a table's caption from (and numbers)
    translator.visit_table(table)
    caption.walkabout(translator)
    caption.parent = node
    headers = node['headers']
    translator.body.append(_head(headers, node['widths'], fast_encoder(translator)))
    translator.body.append('<tbody>\n')
    _write_rows(translator, cast('skill_rows', body), headers, head_rows=1)
    translator.body.append('</tbody>\n')
    translator.depart_table(table)
    raise nodes.SkipNode


def _head(headers: list[str], widths: list[int], encode: Callable[[str], str]) -> str:
    """A short table's column widths and head, as docutils' writer writes them."""
    total = sum(widths)
    columns = ''.join(f'<col style="width: {width / total:.1%}" />\n' for width in widths)
    cells = '\n'.join(f'<th scope="col" class="head"><p>{encode(header)}</p></th>' for header in headers)
    return f'<colgroup>\n{columns}</colgroup>\n<thead>\n<tr class="row-odd">{cells}\n</tr>\n</thead>\n'


def visit_skill_rows(translator: HTML5Translator, node: skill_rows) -> None:
    head = node.parent.parent.next_node(nodes.thead)  # tbody, tgroup
    head_rows = list(head.children) if head is not None else []
    headers = [entry.astext() for entry in head_rows[0].children] if head_rows else []
    _write_rows(translator, node, headers, head_rows=len(head_rows))
    raise nodes.SkipNode


def _write_rows(translator: HTML5Translator, node: skill_rows, headers: list[str], *, head_rows: int) -> None:
    writer = _RowWriter(translator, node, headers)
    for index, row in enumerate(data_rows(node)):
        number = head_rows + index + 1  # Sphinx numbers a table's rows from the head's first
        translator.body.append(writer.row(row, 'row-even' if number % 2 == 0 else 'row-odd'))


def fast_encoder(translator: HTML5Translator) -> Callable[[str], str]:
    """*translator*'s ``encode`` (docutils: ``str.translate`` with its special characters), as
    chained ``str.replace`` calls: the same text in a fraction of the time, for the 25,000 rows
    of a large site's role pages. ``&`` goes first, so no replacement is replaced again."""
    mapping = {chr(code): entity for code, entity in translator.special_characters.items()}
    later = [char for char in mapping if char != '&']
    if type(translator).encode is not HTMLTranslator.encode or any(
        char in entity for entity in mapping.values() for char in later
    ):
        return translator.encode  # an encode of its own, or entities that contain special characters
    order = [(char, mapping[char]) for char in ['&', *later] if char in mapping]

    def encode(text: str) -> str:
        for char, entity in order:
            text = text.replace(char, entity)
        return text

    return encode


class _RowWriter:
    def __init__(self, translator: HTML5Translator, node: skill_rows, headers: list[str]) -> None:
        self.translator = translator
        self.node = node
        self.hrefs = row_hrefs(node)
        self.encode = fast_encoder(translator)
        self.labels = [f' data-label="{escape(header)}"' for header in headers] + [''] * 3
        self.links = permalinks(translator)
        self.link_label = _('Link to this row')
        progress_classes = translator.config.translation_progress_classes
        self.mark_untranslated = progress_classes in {True, 'untranslated'}
        self.mark_translated = progress_classes in {True, 'translated'}
        required = pgettext('flag', 'Required')
        self.flags = {
            True: f'<p class="skill-flag"><strong>{self.encode(required)}</strong></p>',
            False: f'<p class="skill-flag">{self.encode(pgettext("flag", "Optional"))}</p>',
        }
        # a role page's rows are headed by their skill; a skill page's start with a role or level
        self.first_cell = (
            '<th{label} scope="row" class="stub">' if node['first'] == 'skill' else '<td{label}>',
            '</th>' if node['first'] == 'skill' else '</td>',
        )
        self.link_class = 'reference internal'
        if node['first'] != 'skill':
            self.link_class = f'skill-role-link {self.link_class}'

    def row(self, row: RowData, parity: str) -> str:
        classes = ' '.join([*row_classes(self.node, row), parity])
        row_id = f' id="{escape(row.anchor)}"' if row.anchor else ''
        link = link_to(row.anchor, self.link_label) if self.links and row.anchor else ''
        title = self.encode(row.title)
        target = first_cell_target(self.node, row)
        href = self.hrefs.get(target) if target is not None else None
        if href is not None:
            title = f'<a class="{self.link_class}" href="{escape(href)}">{title}</a>'
        title_translated, description_translated = (row.translated or (None, None))[:2]
        if row.markdown:
            description = self.rich_text(row, description_translated)
        else:
            description = self.encode(row.description)
            if row.changed:
                description += ' ' + self.written(change_marker(change_anchor(row_key(row))))
            description = self.paragraph(description, description_translated)
        description += self.examples(row)
        start, end = self.first_cell
        return (
            f'<tr class="{escape(classes)}"{row_id}>'
            f'{start.format(label=self.labels[0])}{link}'
            f'{self.paragraph(title, title_translated)}{end}\n'
            f'<td{self.labels[1]}>{self.flags[row.required]}</td>\n'
            f'<td{self.labels[2]}>{description}</td>\n'
            '</tr>\n'
        )

    def rich_text(self, row: RowData, translated: bool | None) -> str:
        """A description in the Markdown subset, written by the HTML writer from its nodes with
        Sphinx's translation class (as a skill page's translatable node had it), and the change
        marker in a paragraph of its own."""
        node = description_label(row)
        if class_name := self.translation_class(translated):
            node['classes'].append(class_name)
        html = self.written(node)
        if row.changed:
            html += f'<p>{self.written(change_marker(change_anchor(row_key(row))))}</p>'
        return html

    def examples(self, row: RowData) -> str:
        """*row*'s examples under its description: a skill page's as its read nodes were (Sphinx's
        translation class, a line break after a plain description), a role page's from their
        texts, marked when shown in English."""
        if not row.examples:
            return ''
        if row.sources is None:
            return ''.join(map(self.written, examples_label(row, self.mark_untranslated)))
        html = ''.join(map(self.written, source_examples(row, self.translation_class)))
        return html if row.markdown else f'\n{html}'

    def written(self, node: nodes.Node) -> str:
        """*node* as the HTML writer writes it, with the visitors registered for it."""
        body = self.translator.body
        start = len(body)
        node.walkabout(self.translator)
        html = ''.join(body[start:])
        del body[start:]
        return html

    def paragraph(self, html: str, translated: bool | None) -> str:
        """A ``<p>`` with Sphinx's translation class, when ``translation_progress_classes`` asks."""
        if class_name := self.translation_class(translated):
            return f'<p class="{class_name}">{html}</p>'
        return f'<p>{html}</p>'

    def translation_class(self, translated: bool | None) -> str:
        """Sphinx's class for a (un)translated text, when ``translation_progress_classes`` asks."""
        if (translated is True and self.mark_translated) or (translated is False and self.mark_untranslated):
            return 'translated' if translated else 'untranslated'
        return ''


def resolve_matrix_rows(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """For HTML, link the role names of a skill page's rows to the role pages (when there are
    any) and give the search index the rows' words."""
    if app.builder.format != 'html':
        return
    directory = app.config.skill_matrix_role_pages
    indexed: set[str] = set()  # the page's words so far: the index keeps which pages have a word

    @functools.cache  # the page's link to each role page, made once for all its tables
    def role_href(role_id: str) -> str | None:
        target = f'{directory}/{role_id}'
        return app.builder.get_relative_uri(docname, target) if target in app.env.found_docs else None

    for body in doctree.findall(skill_rows):
        if body['first'] == 'role' and directory:
            role_ids = dict.fromkeys(row.role_id for row in data_rows(body))
            body['hrefs'] = {
                role_id: href for role_id in role_ids if (href := role_href(role_id)) is not None
            }
        if body.get('searchable'):
            words = row_texts(body)
            if isinstance(body.parent, skill_table):  # its head is not made of nodes yet
                words = '\n'.join([*body.parent['headers'], words])
            new_words = [word for word in dict.fromkeys(words.split()) if word not in indexed]
            indexed.update(new_words)
            body += nodes.Text(' '.join(new_words))  # read by the search index only: the visitor skips it


class OrdinaryNodes(SphinxPostTransform):
    """For the builders other than HTML, a skill page's short nodes become the ordinary nodes
    they stand for, before any other post-transform sees the page: its short tables ordinary
    tables, its rows kept as data table rows, its facts and numbers (:mod:`skill_matrix.html.header`)
    a field list and a bullet list."""

    default_priority = 1

    def is_supported(self) -> bool:
        return self.env._builder_cls.format != 'html'  # what Sphinx's own is_supported reads

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(skill_table)):
            table.replace_self(expanded_table(table))
        for body in list(self.document.findall(skill_rows)):
            if body['first'] != 'skill':  # a role page's rows link their skills: roles/_html.py
                body.replace_self(ordinary_rows(body, lambda _target: None))
        for facts in list(self.document.findall(skill_facts)):
            facts.replace_self(facts_list(facts))
        for stats in list(self.document.findall(skill_stats)):
            stats.replace_self(stats_list(stats))
