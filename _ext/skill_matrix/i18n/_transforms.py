"""Translate text from data files through the page catalogs, as plain text.

Sphinx's own ``Locale`` transform parses every translation as reStructuredText (and warns
about ``*args`` in a description). Text from YAML is never markup, so this transform applies
its translations first, verbatim, and hides those nodes from ``Locale``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from sphinx import addnodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from skill_matrix.data import richtext
from skill_matrix.data.characters import visible
from skill_matrix.i18n._warnings import message_location
from skill_matrix.nodes.pagedata import HiddenText, hidden_texts, level_data, skill_data
from skill_matrix.nodes.rows import RowData, data_rows, skill_rows
from skill_matrix.nodes.text import PlainTranslatable, page_catalog, shown_text, skill_examples
from skill_matrix.warning_types import TRANSLATION_MARKUP, WARNING_TYPE

if TYPE_CHECKING:
    from collections.abc import Iterator

    from docutils import nodes

logger = logging.getLogger(__name__)


class TranslateDataText(SphinxTransform):
    """Apply the page catalog's translation to each :class:`PlainTranslatable` node."""

    default_priority = 15  # after PreserveTranslatableMessages (10), before Locale (20)

    def apply(self, **kwargs: Any) -> None:
        domain = docname_to_domain(self.env.current_document.docname, self.config.gettext_compact)
        dirs = [self.env.srcdir / directory for directory in self.config.locale_dirs]
        translations = page_catalog(dirs, self.config.language, domain)
        if translations is None:
            return
        for node in self.document.findall(PlainTranslatable):
            element = cast('nodes.Element', node)
            message = element['original_message']
            translation = visible(translations.get(message, ''))  # a control or bidi override as [U+XXXX]
            if translation and element.get('markdown') and not richtext.is_plain(message):
                problem = richtext.translation_problem(message, translation)
                if problem:
                    if not _hidden(element):
                        self._report(element, domain, message, problem)
                    translation = ''  # the English text is shown instead
            if translation and translation != message:
                node.apply_translated_message(message, translation)
            else:  # a translation identical to the English counts as translated, as in Sphinx
                element['translated'] = bool(translation)
            node.mark_applied()
            if _hidden(element):
                del element['translated']  # a hidden copy for scripts: not a text of the page's count
        for data in self.document.findall(skill_data):
            data['texts'] = tuple(_translated_hidden(text, translations) for text in hidden_texts(data))
        for body in self.document.findall(skill_rows):
            for row in data_rows(body):
                if row.sources is not None:  # a skill page's row: its texts are reported here
                    self._report_row(row, domain, translations)
            body['rows'] = tuple(_translated_row(row, translations) for row in data_rows(body))

    def _report_row(self, row: RowData, domain: str, translations: dict[str, str]) -> None:
        """Report the translations that break the markup of a skill page's row's rich texts."""
        assert row.sources is not None
        texts = [('description', row.sources[1], row.markdown)]
        texts += [('example', example.source, example.markdown) for example in row.examples if example.source]
        for what, source, markdown in texts:
            translation = visible(translations.get(source.text, ''))
            problem = markdown and translation and richtext.translation_problem(source.text, translation)
            if problem:
                self._report(f'{source.path}:{source.line}', domain, source.text, problem, what)

    def _report(
        self, element: nodes.Element | str, domain: str, message: str, problem: str, what: str = ''
    ) -> None:
        """A translation that breaks a rich description's or example's markup, at its ``.po``
        entry; *what* is 'description' or 'example' (found from *element* when not given)."""
        entry = message_location(
            [self.env.srcdir / directory for directory in self.config.locale_dirs],
            self.config.language,
            domain,
            message,
        )
        if not what:
            in_examples = not isinstance(element, str) and any(
                isinstance(node, skill_examples) for node in _ancestors(element)
            )
            what = 'example' if in_examples else 'description'
        logger.warning(
            'the translation of this %s breaks its markup: %s; the English text is shown',
            what,
            problem,
            location=entry or element,
            type=WARNING_TYPE,
            subtype=TRANSLATION_MARKUP,
        )


def _translated_hidden(text: HiddenText, translations: dict[str, str]) -> HiddenText:
    """*text* of a :class:`skill_data` node, translated as its text on the page is (a rich text's
    translation that breaks its markup is reported with the page's tables)."""
    message = text.source.text
    translation = visible(translations.get(message, ''))
    rich = text.markdown and not richtext.is_plain(message)
    if translation and rich and richtext.translation_problem(message, translation):
        translation = ''
    if not translation or translation == message:
        return text
    return replace(text, shown=shown_text(message, translation, markdown=text.markdown))


def _translated_row(row: RowData, translations: dict[str, str]) -> RowData:
    title = ' '.join(visible(translations.get(row.title, '')).split())
    description = _translation(row.description, row.markdown, translations)
    examples = [_translation(example.text, example.markdown, translations) for example in row.examples]
    return replace(
        row,
        title=title or row.title,
        description=description or row.description,
        examples=tuple(
            replace(example, text=shown or example.text)
            for example, shown in zip(row.examples, examples, strict=True)
        ),
        translated=(bool(title), bool(description), *map(bool, examples)),
    )


def _translation(text: str, markdown: bool, translations: dict[str, str]) -> str:
    """*text*'s translation as shown ('' for none); a rich text's translation that breaks its
    markup is none (reported with the skill's page, :class:`TranslateDataText`)."""
    translation = visible(translations.get(text, ''))
    if not markdown:
        return ' '.join(translation.split())
    broken = translation and richtext.translation_problem(text, translation)
    return '' if broken else richtext.normalized(translation)


class CountDataRowTexts(SphinxTransform):
    """Add the texts of the rows kept as data (:class:`skill_rows`) to the page's
    translation progress, which Sphinx counts over nodes only."""

    default_priority = 26  # after TranslationProgressTotaliser (25)

    def apply(self, **kwargs: Any) -> None:
        progress = self.document.get('translation_progress')
        if progress is None:
            return  # the gettext builder
        for body in self.document.findall(skill_rows):
            for row in data_rows(body):
                if row.translated is not None:
                    progress['total'] += len(row.translated)
                    progress['translated'] += sum(row.translated)


class MarkTranslatedToctrees(SphinxTransform):
    """Count a toctree whose caption and titles were translated as translated.

    Sphinx 9.0's ``Locale`` applies a toctree caption's translation but leaves the node marked
    untranslated, so each page with a translated caption showed less than 100 % progress.
    """

    default_priority = 24  # after Locale (20), before TranslationProgressTotaliser (25)

    def apply(self, **kwargs: Any) -> None:
        for toctree in self.document.findall(addnodes.toctree):
            if toctree.get('translated', True):
                continue
            originals = ([toctree['rawcaption']] if toctree.get('rawcaption') else []) + toctree.get(
                'rawentries', []
            )
            shown = ([toctree['caption']] if toctree.get('rawcaption') else []) + [
                title for title, _docname in toctree['entries'] if title
            ]
            if originals and len(originals) == len(shown) and all(map(str.__ne__, originals, shown)):
                toctree['translated'] = True


def _hidden(element: nodes.Element) -> bool:
    return any(isinstance(ancestor, (skill_data, level_data)) for ancestor in _ancestors(element))


def _ancestors(element: nodes.Element) -> Iterator[nodes.Element]:
    parent = element.parent
    while parent is not None:
        yield parent
        parent = parent.parent
