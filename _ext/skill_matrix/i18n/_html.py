"""The language switcher and the translation progress of each HTML page.

The site is built once per language into sibling folders (``<outdir>/../<language>/``). With
``html_context = {'languages': {'en': 'English', 'de': 'Deutsch', …}}`` in ``conf.py``, each
page's template context gets ``language_links``: the same page in every language, linked
relative to the page. Pages of a translated build also get ``translation_progress``, from
the counts Sphinx keeps in each doctree. The sidebar template ``skill_matrix/languages.html``
(add it to ``html_sidebars``) shows both; its script makes the links carry the page's query and
fragment to the other language, so that a reader keeps the level picker's choice and a linked row.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from skill_matrix.labels import _

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.config import Config

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
