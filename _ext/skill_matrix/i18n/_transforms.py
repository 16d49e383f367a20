"""Translate text from data files through the page catalogs, as plain text.

Sphinx's own ``Locale`` transform parses every translation as reStructuredText (and warns
about ``*args`` in a description). Text from YAML is never markup, so this transform applies
its translations first, verbatim, and hides those nodes from ``Locale``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, cast

from sphinx import addnodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util import logging
from sphinx.util.i18n import docname_to_domain

from skill_matrix.data import richtext
from skill_matrix.data.characters import visible
from skill_matrix.i18n._warnings import message_location
from skill_matrix.nodes.pagedata import level_data, skill_data
from skill_matrix.nodes.role_tables import LevelRow, level_rows, skill_level_rows
from skill_matrix.nodes.text import PlainTranslatable, merged_catalog
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
        catalog, has_catalog = init_locale(dirs, self.config.language, domain)
        if not has_catalog:
            return
        translations = merged_catalog(catalog)
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
        for body in self.document.findall(skill_level_rows):
            body['rows'] = tuple(_translated_row(row, translations) for row in level_rows(body))

    def _report(self, element: nodes.Element, domain: str, message: str, problem: str) -> None:
        """A translation that breaks a rich description's markup, at its ``.po`` entry."""
        entry = message_location(
            [self.env.srcdir / directory for directory in self.config.locale_dirs],
            self.config.language,
            domain,
            message,
        )
        logger.warning(
            'the translation of this description breaks its markup: %s; the English text is shown',
            problem,
            location=entry or element,
            type=WARNING_TYPE,
            subtype=TRANSLATION_MARKUP,
        )


def _translated_row(row: LevelRow, translations: dict[str, str]) -> LevelRow:
    title, description = (visible(translations.get(text, '')) for text in (row.title, row.description))
    if row.markdown:  # reported on the skill's page when broken: the English text here
        broken = description and richtext.translation_problem(row.description, description)
        description = '' if broken else richtext.normalized(description)
    return replace(
        row,
        title=' '.join(title.split()) or row.title,
        description=(description if row.markdown else ' '.join(description.split())) or row.description,
        translated=(bool(title), bool(description)),
    )


class CountLevelRowTexts(SphinxTransform):
    """Add the texts of the role pages' level rows (:class:`skill_level_rows`) to the page's
    translation progress, which Sphinx counts over nodes only."""

    default_priority = 26  # after TranslationProgressTotaliser (25)

    def apply(self, **kwargs: Any) -> None:
        progress = self.document.get('translation_progress')
        if progress is None:
            return  # the gettext builder
        for body in self.document.findall(skill_level_rows):
            for row in level_rows(body):
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
