"""The copy of the project that ``make bench-site`` and ``make bench-check`` build holds every page
of the site: a page missing there is a broken link in the copy (``make bench-check`` failed on
the landing page's links to ``pdfs.html``, which its copy lacked)."""

from __future__ import annotations

import ast
import sys

from conftest import REPO

sys.path.insert(0, str(REPO / 'bench'))

import scale_site


def top_level_pages() -> list[str]:
    """The pages at the top of the source folder that conf.py's ``include_patterns`` names."""
    tree = ast.parse((REPO / 'conf.py').read_text(encoding='utf-8'))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == 'include_patterns' for target in node.targets
        ):
            patterns: list[str] = ast.literal_eval(node.value)
            return [pattern for pattern in patterns if '/' not in pattern]
    raise AssertionError('conf.py sets no include_patterns')


def test_the_scaled_site_copies_every_top_level_page() -> None:
    pages = top_level_pages()
    assert 'index.rst' in pages
    assert 'pdfs.rst' in pages
    for page in pages:
        assert (REPO / page).is_file(), page
        assert page in scale_site.PROJECT_FILES, f'bench/scale_site.py PROJECT_FILES lacks {page}'
