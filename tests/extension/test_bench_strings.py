"""``make bench-strings`` hands the catalog site's skill pages to the theme as HTML strings, and
as documents holding their article as raw HTML: the pages it times must be those pages (each
with its tables' rows), not empty shells."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

from bs4 import BeautifulSoup
from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

sys.path.insert(0, str(REPO / 'bench'))

import string_pages


def test_the_strings_and_documents_sites_show_the_catalog_sites_skill_pages(tmp_path: Path) -> None:
    arguments = ['--skills', '3', '--repetitions', '1']
    arguments += ['--workdir', str(tmp_path), '--results', str(tmp_path)]
    assert string_pages.main(arguments) == 0
    built = tmp_path / 'n3'
    catalog = sorted((built / 'catalog' / '_build' / 'html' / 'skills').glob('*.html'))
    assert len(catalog) == 3
    for page in catalog:
        original = BeautifulSoup(page.read_text(encoding='utf-8'), 'html.parser')
        rows = [row.get_text() for row in original.select('article tr.skill-row')]
        assert len(rows) == 25  # 5 roles x 5 levels
        assert original.title is not None
        for site in ('strings', 'documents'):
            copy = BeautifulSoup(
                (built / site / '_build' / 'html' / 'skills' / page.name).read_text(encoding='utf-8'),
                'html.parser',
            )
            assert copy.title is not None
            assert copy.title.get_text() == original.title.get_text()
            assert [row.get_text() for row in copy.select('article tr.skill-row')] == rows
    (result,) = tmp_path.glob('strings-*.json')
    figures = json.loads(result.read_text(encoding='utf-8'))
    assert figures['skills'] == 3
    assert figures['strings']['wall_s'] > 0
    assert figures['limit']['wall_s'] > 0
    assert figures['documents']['wall_s'] > 0
