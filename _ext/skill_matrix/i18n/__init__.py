"""Languages: data texts translated through the page catalogs, the language switcher and each
page's translation progress, warnings that point at the catalog entry, and the extension's own
UI-label catalog (:mod:`skill_matrix.labels`).

Behind this face: ``_transforms.py`` (the texts from YAML translated verbatim, the translation
progress that counts them), ``_html.py`` (the language switcher, its template in
``templates/``, ``static/``) and ``_warnings.py`` (a warning about a translated message names
its ``.po`` entry). The catalog checks (``make intl-check``) are :mod:`skill_matrix.catalogcheck`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.html import static_dir
from skill_matrix.i18n._html import add_language_context, add_stylesheet, add_templates, language_links
from skill_matrix.i18n._transforms import CountDataRowTexts, MarkTranslatedToctrees, TranslateDataText
from skill_matrix.i18n._warnings import install as install_translation_warnings
from skill_matrix.labels import CATALOG, LOCALE_DIR, compile_catalogs, set_today

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ['language_links', 'setup_i18n']

STATIC_DIR = Path(__file__).parent / 'static'


def setup_i18n(app: Sphinx) -> None:
    """Register the UI-label catalog, the transforms, the switcher and the warnings filter."""
    compile_catalogs()
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.add_transform(TranslateDataText)
    app.add_transform(MarkTranslatedToctrees)
    app.add_transform(CountDataRowTexts)
    app.connect('config-inited', add_templates)
    app.connect('config-inited', set_today)
    app.connect('builder-inited', static_dir(STATIC_DIR))
    app.connect('builder-inited', add_stylesheet)
    app.connect('builder-inited', install_translation_warnings)
    app.connect('html-page-context', add_language_context)
