"""The rows of the role pages' level tables in HTML, written straight from their data.

A role page shows every skill of the role at every level (:class:`skill_level_rows`); writing
these rows as strings costs a small part of what docutils' writer would. The rows are the
markup the other tables of the site get (:mod:`skill_matrix.html.accessibility`,
:mod:`skill_matrix.html.anchors`): the same classes, link ids and ¶ links, ``scope`` and
``data-label`` on the cells, Sphinx's ``untranslated`` class, the review's change markers.
Every text is escaped.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.html.anchors import link_to, permalinks
from skill_matrix.html.review import changes_page_uri, marker_tags
from skill_matrix.i18n.labels import _, pgettext
from skill_matrix.nodes.changes import change_anchor, change_marker
from skill_matrix.nodes.role_tables import LevelRow, level_rows, row_classes, row_key, skill_hrefs

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from skill_matrix.nodes.role_tables import skill_level_rows


def visit_level_rows(translator: HTML5Translator, node: skill_level_rows) -> None:
    head = node.parent.parent.next_node(nodes.thead)  # tbody, tgroup
    head_rows = list(head.children) if head is not None else []
    headers = [entry.astext() for entry in head_rows[0].children] if head_rows else []
    writer = _RowWriter(translator, node, headers)
    for index, row in enumerate(level_rows(node)):
        number = len(head_rows) + index + 1  # Sphinx numbers a table's rows from the head's first
        translator.body.append(writer.row(row, 'row-even' if number % 2 == 0 else 'row-odd'))
    raise nodes.SkipNode


class _RowWriter:
    def __init__(self, translator: HTML5Translator, node: skill_level_rows, headers: list[str]) -> None:
        self.node = node
        self.hrefs = skill_hrefs(node)
        self.encode = translator.encode
        self.labels = [f' data-label="{escape(header)}"' for header in headers] + [''] * 3
        self.links = permalinks(translator)
        self.link_label = _('Link to this row')
        progress_classes = translator.config.translation_progress_classes
        self.mark_untranslated = progress_classes in {True, 'untranslated'}
        self.mark_translated = progress_classes in {True, 'translated'}
        builder = translator.builder
        self.changes_page = changes_page_uri(builder, builder.current_docname)
        required = pgettext('flag', 'Required')
        self.flags = {
            True: f'<p class="skill-flag"><strong>{self.encode(required)}</strong></p>',
            False: f'<p class="skill-flag">{self.encode(pgettext("flag", "Optional"))}</p>',
        }

    def row(self, row: LevelRow, parity: str) -> str:
        classes = ' '.join([*row_classes(self.node, row), parity])
        row_id = f' id="{escape(row.anchor)}"' if row.anchor else ''
        link = link_to(row.anchor, self.link_label) if self.links and row.anchor else ''
        title = self.encode(row.title)
        href = self.hrefs.get(row.skill_id)
        if href is not None:
            title = f'<a class="reference internal" href="{escape(href)}">{title}</a>'
        description = self.encode(row.description)
        if row.changed:
            marker = change_marker(change_anchor(row_key(self.node, row)))
            start, end = marker_tags(self.changes_page, marker['anchor'], marker['title'])
            description += f' {start}{self.encode(marker.astext())}{end}'
        title_translated, description_translated = row.translated or (None, None)
        return (
            f'<tr class="{escape(classes)}"{row_id}>'
            f'<th{self.labels[0]} scope="row" class="stub">{link}'
            f'{self.paragraph(title, title_translated)}</th>\n'
            f'<td{self.labels[1]}>{self.flags[row.required]}</td>\n'
            f'<td{self.labels[2]}>{self.paragraph(description, description_translated)}</td>\n'
            '</tr>\n'
        )

    def paragraph(self, html: str, translated: bool | None) -> str:
        """A ``<p>`` with Sphinx's translation class, when ``translation_progress_classes`` asks."""
        if (translated is True and self.mark_translated) or (translated is False and self.mark_untranslated):
            return f'<p class="{"translated" if translated else "untranslated"}">{html}</p>'
        return f'<p>{html}</p>'
