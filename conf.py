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

# Only the site's pages are sources: the repository root also holds the README, tests, data…
include_patterns = ['index.rst', 'skills/**', 'roles/**']
source_suffix = {'.rst': 'restructuredtext', '.md': 'markdown'}
root_doc = 'index'

# Content comes from data/ through the skill-matrix directive.
skill_matrix_data_dir = 'data'
skill_matrix_default_layout = 'by-level'
# A page per role (roles/<role id>.rst and roles/index.rst), generated from data/roles.yaml.
skill_matrix_role_pages = 'roles'

# English is the source; de and zh_CN come from the catalogs in locale/ (make gettext,
# make intl-update). One catalog for the whole site: a role name or a skill title shown on
# several pages is translated once.
language = 'en'
locale_dirs = ['locale/']
gettext_compact = 'skill-profiles'
gettext_uuid = False
gettext_location = True

# Furo: actively maintained, accessible, light (no JavaScript framework), readable wide tables,
# a dark mode and its own labels translated into German and Chinese.
html_theme = 'furo'
html_title = project
html_static_path: list[str] = []
html_last_updated_fmt = None
