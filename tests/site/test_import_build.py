"""A skill imported from a page export (tests/data/test_importer.py) builds in every language of a
copy of the real site, its hostile title and text shown as written."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import HOSTILE_TEXT, HOSTILE_TITLE, sphinx_process

if TYPE_CHECKING:
    import subprocess
    from pathlib import Path


@pytest.mark.parametrize('language', ['en', 'de', 'zh_CN'])
def test_the_new_skill_builds_in_every_language(
    imported_site: tuple[Path, subprocess.CompletedProcess[str]], language: str
) -> None:
    site, result = imported_site
    assert result.returncode == 0, result.stderr
    out = site / '_build' / language
    sphinx_process(site, out, '-D', f'language={language}', env={'SOURCE_DATE_EPOCH': '1767225600'})
    page = BeautifulSoup((out / 'skills' / 'data-pipelines.html').read_text(encoding='utf-8'), 'html.parser')
    heading = page.select_one('h1')
    assert heading is not None
    assert heading.get_text().rstrip('#¶ ') == HOSTILE_TITLE
    rows = page.select('tr.skill-row')
    assert len(rows) == 10
    texts = [' '.join(row.get_text(' ').split()) for row in rows]
    assert any('Data Engineer' in text and HOSTILE_TEXT.replace('\\|', '|') in text for text in texts)
    assert '<script>alert(1)' not in (out / 'skills' / 'data-pipelines.html').read_text(encoding='utf-8')
    if language != 'en':  # no translation yet: the English text is shown, marked as such
        assert page.select('.skill-row .untranslated')
