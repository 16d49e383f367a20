"""Sphinx configuration of the skill-profiles site."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / '_ext'))

project = 'Skill Profiles'
author = 'Engineering'
copyright = '2026, Engineering'  # noqa: A001 - Sphinx's name for it
version = release = '0.1'

extensions = ['myst_parser', 'skill_matrix']

# Pages come in through pull requests: raw HTML is shown as text, never passed through
# (reStructuredText's raw and include directives are off in docutils.conf).
myst_disable_syntax = ['html_block', 'html_inline']

# Only the site's pages are sources: the repository root also holds the README, tests, data…
include_patterns = ['index.rst', 'skills/**', 'guide/**']
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
root_doc = 'index'

# Content comes from data/ through the skill-matrix directive.
skill_matrix_data_dir = 'data'
skill_matrix_default_layout = 'by-level'

# English is the source; de and zh_CN come from the catalogs in locale/ (make gettext,
# make intl-update). One catalog for the whole site: a role name or a skill title shown on
# several pages is translated once.
language = 'en'
locale_dirs = ['locale/']
gettext_compact = 'skill-profiles'
gettext_uuid = False
gettext_location = True

# Reviewing translations: text that falls back to English is marked (class "untranslated",
# styled by the extension), each page shows its translation progress, and the sidebar links
# the same page in the other languages (make html builds each into _build/html/<language>/).
translation_progress_classes = 'untranslated'
# Language code → its own name, in switcher order; the same codes as LANGUAGES in the Makefile.
html_context = {'languages': {'en': 'English', 'de': 'Deutsch', 'zh_CN': '简体中文'}}
html_sidebars = {
    '**': [
        'sidebar/brand.html',
        'sidebar/search.html',
        'skill_matrix/languages.html',
        'sidebar/scroll-start.html',
        'sidebar/navigation.html',
        'sidebar/scroll-end.html',
    ]
}

# Furo: actively maintained, accessible, light (no JavaScript framework), readable wide tables,
# a dark mode and its own labels translated into German and Chinese.
html_theme = 'furo'
html_title = project
html_static_path: list[str] = []
html_last_updated_fmt = None
