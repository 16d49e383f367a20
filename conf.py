"""Sphinx configuration of the skill-profiles site."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

sys.path.insert(0, str(Path(__file__).parent / '_ext'))

from skill_matrix.data.languages import read_languages

# The site's languages (languages.yaml: make add-language LANG=xx, make remove-language LANG=xx).
SITE_LANGUAGES = read_languages(Path(__file__).parent)

project = 'Skill Profiles'
author = 'Engineering'
copyright = '2026, Engineering'  # noqa: A001 - Sphinx's name for it
version = release = '0.1'

extensions = ['myst_parser', 'skill_matrix']

# Pages come in through pull requests: raw HTML is shown as text, never passed through
# (reStructuredText's raw and include directives are off in docutils.conf).
myst_disable_syntax = ['html_block', 'html_inline']

# Only the site's pages are sources: the repository root also holds the README, tests, data…
include_patterns = [
    'index.rst',
    'changes.rst',
    'plan.rst',
    'pdfs.rst',
    'skills/**',
    'roles/**',
    'domains/**',
    'guide/**',
]
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
root_doc = 'index'

# Content comes from data/ through the skill-matrix directive.
skill_matrix_data_dir = 'data'
skill_matrix_default_layout = 'by-level'
# A page per role (roles/<role id>.rst and roles/index.rst), generated from data/roles.yaml.
skill_matrix_role_pages = 'roles'
# A page per domain (domains/<domain id>.rst), a section per group, generated from the skills'
# domain and group and data/domains.yaml; the start page is the catalog (skill-catalog), and the
# sidebar shows the domains, the current domain's groups and the current group's skills.
skill_matrix_domain_pages = 'domains'

# Review cycles: what changed since a baseline (make html SINCE=<git ref>; without SINCE the
# newest tag matching skill_matrix_review_tags, REVIEW_TAGS='audit/*' for another pattern;
# without such a tag none). changes.rst lists the
# changes, changed rows are marked, the footer and the PDF's title page name the baseline.
skill_matrix_since = os.environ.get('SINCE') or None
skill_matrix_review_tags = os.environ.get('REVIEW_TAGS') or 'review/*'
skill_matrix_plan_page = 'plan'

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
# Language code → its own name, in switcher order (languages.yaml, as the Makefile's LANGUAGES).
# Search: Sphinx picks the stemmer of the language (html_search_language), or English where it
# has none.
html_context = {'languages': {language.code: language.name for language in SITE_LANGUAGES}}
html_sidebars = {
    '**': [
        'sidebar/brand.html',
        'sidebar/search.html',
        'skill_matrix/languages.html',
        'skill_matrix/pdf.html',
        'sidebar/scroll-start.html',
        'sidebar/navigation.html',
        'sidebar/scroll-end.html',
    ]
}

# Furo: actively maintained, accessible, light (no JavaScript framework), readable wide tables,
# a dark mode and its own labels translated into German and Chinese.
# Each language's PDF, relative to that language's HTML: make site puts the PDFs there
# (_build/site/pdf/); the sidebar and the start page link it.
skill_matrix_pdf = '../pdf/skill-profiles-{language}.pdf'
# The page that lists every PDF of the language: the book, one per domain, the changes.
skill_matrix_pdf_page = 'pdfs'

html_theme = 'furo'
html_title = project
html_static_path: list[str] = []
html_last_updated_fmt = None


# --- PDF (make pdf) -------------------------------------------------------------------------
# One review PDF per language from Sphinx's LaTeX builder with LuaLaTeX (Fandol fonts for
# Chinese). The document title is the root page's
# heading, translated like any page text; the version on the title page and in the running
# header is the nearest git tag (git describe), else the project version with the commit (only
# in the PDFs: the HTML keeps the project version).


def _release_from_git(project_version: str) -> str:
    def git(*arguments: str) -> str | None:
        try:
            return (
                subprocess.run(
                    ['git', *arguments],
                    cwd=Path(__file__).parent,
                    capture_output=True,
                    text=True,
                    timeout=10,
                    check=True,
                ).stdout.strip()
                or None
            )
        except (OSError, subprocess.SubprocessError):
            return None

    if described := git('describe', '--tags', '--dirty'):
        return described
    if commit := git('describe', '--always', '--dirty'):
        return f'{project_version} ({commit})'
    return project_version


# LuaLaTeX for every language: any script in any PDF (babel per script, right to left where the
# script is, fonts that fall back glyph by glyph, emoji); see skill_matrix/pdf/ and
# guide/building.rst.
latex_engine = 'lualatex'
# The per-language PDF settings, from languages.yaml: the languages that babel loads from its
# locale file (babel-<lang>.ini) rather than a TeX Live language package.
skill_matrix_babel_ini = [language.code for language in SITE_LANGUAGES if language.babel_ini]
# Sphinx's class for every language; for Japanese it would take jsbook, which LuaLaTeX lacks.
latex_docclass = {'manual': 'report', 'howto': 'article'}
latex_documents = [(root_doc, 'skill-profiles.tex', '', '', 'manual')]
# Besides the book, a PDF per domain and, with a review baseline, one with only what changed
# (skill-profiles-<part>.tex): their start pages are generated into this folder, which only the
# LaTeX build reads (make pdf; make pdf-changes builds the changes' PDF alone).
skill_matrix_pdf_parts = 'pdf-parts'
latex_elements = {
    'papersize': 'a4paper',
    'extraclassoptions': 'openany,oneside',  # read on screen: no blank pages between chapters
    'fncychap': '',  # chapter heads without the word "Chapter", which babel has no Chinese for
    # The marks of the contents would stay in the footer of the overview page after them.
    'tableofcontents': r'\sphinxtableofcontents\markboth{}{}',
    'makeindex': '',
    'printindex': '',  # the pages have no index entries
    'preamble': r"""
\makeatletter
% Chapters (one per skill): number and title in the headings' font, no "Chapter" word, ragged
% right (a long title, "Änderungen seit review/2026-h1 (30.6.2026)", breaks without wide gaps);
% the footer repeats them.
\titleformat{\chapter}[hang]{\py@HeaderFamily\huge\raggedright}{\thechapter}{0.6em}{}
\titlespacing*{\chapter}{0pt}{0pt}{2ex}
\renewcommand{\chaptermark}[1]{\markboth{\thechapter.\ #1}{\thechapter.\ #1}}
% Tables are named by their caption (a level or a role), not numbered: "Senior" above the
% table and "Senior - continued from previous page" where it goes on over a page break.
\usepackage{caption}
\DeclareCaptionTextFormat{remember}{\gdef\skillprofiles@caption{#1}#1}
\captionsetup[table]{labelformat=empty,textformat=remember,font={sf,bf}}
\newcommand{\skillprofiles@caption}{}
\g@addto@macro\sphinxatlongtablestart{\gdef\skillprofiles@caption{}}
% (Sphinx and babel set both at the document's start.)
\AtBeginDocument{\renewcommand{\tablename}{}\renewcommand{\thetable}{\skillprofiles@caption}}
\makeatother
""",
}


def _pdf_release(app: Sphinx) -> None:
    if app.builder.format == 'latex':
        app.builder.context['release'] = _release_from_git(version)  # type: ignore[attr-defined]


def setup(app: Sphinx) -> None:
    app.connect('builder-inited', _pdf_release)
