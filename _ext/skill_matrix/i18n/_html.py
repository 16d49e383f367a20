"""The language switcher and the translation progress of each HTML page.

The site is built once per language into sibling folders (``<outdir>/../<language>/``). With
``html_context = {'languages': {'en': 'English', 'de': 'Deutsch', …}}`` in ``conf.py``, each
page's template context gets ``language_links``: the same page in every language, linked
relative to the page. Pages of a translated build also get ``translation_progress``, from
the counts Sphinx keeps in each doctree. The sidebar template ``skill_matrix/languages.html``
(add it to ``html_sidebars``) shows both; its script makes the links carry the page's query and
fragment to the other language, so that a reader keeps the level picker's choice and a linked row.

The theme's own words are translated too: Sphinx translates what the templates mark with
``_()`` or ``{% trans %}`` through the ``sphinx`` catalog, the project's
``locale/<language>/LC_MESSAGES/sphinx.po`` first (Sphinx compiles it); the words Furo writes
without marking them (``aria-label`` attributes, the icons' titles, "Made with …") are replaced with their
translation from the same catalog (:func:`translate_theme`, called by ``html/templates/page.html``).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from markupsafe import Markup, escape
from sphinx.locale import get_translation

from skill_matrix.labels import _

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

theme_text = get_translation('sphinx')
"""The theme's catalog: the project's ``sphinx.po``, then Sphinx's own."""

THEME_LABELS = (
    'Toggle site navigation sidebar',
    'Toggle table of contents sidebar',
    'Toggle Light / Dark / Auto color theme',
)
"""The ``aria-label`` attributes of Furo that its templates do not mark for translation."""
THEME_ICON_TITLES = (
    'Contents',
    'Menu',
    'Expand',
    'Light mode',
    'Dark mode',
    'Auto light/dark, in light mode',
    'Auto light/dark, in dark mode',
)
"""The titles of Furo's icons (``<title>`` in its SVG symbols), which screen readers announce."""
MADE_WITH = "Made with {sphinx} and {author}'s {furo}"
MADE_WITH_MARKUP = re.compile(
    r'Made with\s*(<a href="https://www\.sphinx-doc\.org/">Sphinx</a>) and\s*'
    r'(<a class="muted-link" href="https://pradyunsg\.me">@pradyunsg</a>)\'s\s*'
    r'(<a href="https://github\.com/pradyunsg/furo">Furo</a>)'
)
"""Furo's footer line, which it writes as three messages with an English possessive between them."""

STYLESHEET = 'skill_matrix_i18n.css'
SCRIPT = 'skill_matrix_languages.js'
TEMPLATES_DIR = Path(__file__).parent / 'templates'


class LanguageLink(NamedTuple):
    code: str  # as in conf.py and the folder name: zh_CN
    tag: str  # as in HTML's lang and hreflang: zh-CN
    name: str
    url: str
    current: bool


class TranslationProgress(NamedTuple):
    translated: int
    total: int

    @property
    def percent(self) -> int:
        """Rounded down, so that a page with one untranslated text never shows 100."""
        return self.translated * 100 // self.total

    @property
    def label(self) -> str:
        return _('Translated: {percent} %').format(percent=self.percent)

    @property
    def details(self) -> str:
        return _('{translated} of {total} texts on this page are translated').format(
            translated=self.translated, total=self.total
        )


def translate_theme(markup: str) -> Markup:
    """Furo's rendered *markup* with the words it does not mark for translation translated.

    Each translation is escaped; a word without a translation stays as Furo wrote it.
    """
    text = str(markup)
    for english in THEME_LABELS:
        if (translated := theme_text(english)) != english:
            text = text.replace(f'aria-label="{english}"', f'aria-label="{escape(translated)}"')
    for english in THEME_ICON_TITLES:
        if (translated := theme_text(english)) != english:
            text = text.replace(f'<title>{english}</title>', f'<title>{escape(translated)}</title>')
    if (made_with := theme_text(MADE_WITH)) != MADE_WITH:
        escaped = str(escape(made_with))

        def footer_line(match: re.Match[str]) -> str:
            parts = {'{sphinx}': match[1], '{author}': match[2], '{furo}': match[3]}
            return re.sub('|'.join(map(re.escape, parts)), lambda found: parts[found[0]], escaped)

        text = MADE_WITH_MARKUP.sub(footer_line, text)
    return Markup(text)  # Furo's markup; every inserted text is escaped


def language_links(languages: Mapping[str, str], current: str, target_uri: str) -> list[LanguageLink]:
    """Links from the page at *target_uri* to the same page in each of *languages*."""
    to_root = posixpath.relpath('.', posixpath.dirname(target_uri) or '.')
    links = []
    for code, name in languages.items():
        url = posixpath.normpath(posixpath.join(to_root, '..', code, target_uri))
        if not target_uri or target_uri.endswith('/'):  # a folder's index page (dirhtml)
            url += '/'
        links.append(LanguageLink(code, code.replace('_', '-'), name, url, code == current))
    return links


def add_language_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    context['skill_translate_theme'] = translate_theme
    languages = context.get('languages')
    if isinstance(languages, Mapping) and app.config.language in languages:
        context['language_links'] = language_links(
            languages, app.config.language, app.builder.get_target_uri(pagename)
        )
        context['language_links_label'] = _('Language')
        app.add_js_file(SCRIPT, loading_method='defer')  # this page only
    progress = doctree.get('translation_progress') if doctree is not None else None
    if progress and progress['total']:
        context['translation_progress'] = TranslationProgress(progress['translated'], progress['total'])


def add_stylesheet(app: Sphinx) -> None:
    """The language switcher's style and the marks on untranslated text, on every page."""
    if app.builder.format == 'html':
        app.add_css_file(STYLESHEET)


def add_templates(app: Sphinx, config: Config) -> None:
    """Make ``skill_matrix/languages.html`` available to ``html_sidebars``.

    The folder is given relative to the configuration directory when it can be: the HTML
    builders hash ``templates_path`` into ``.buildinfo``, and an absolute path would make two
    builds of one commit in different directories differ.
    """
    try:
        folder = os.path.relpath(TEMPLATES_DIR, app.confdir)
    except ValueError:  # another drive (Windows): only an absolute path reaches it
        folder = str(TEMPLATES_DIR)
    config.templates_path = [*config.templates_path, folder]
