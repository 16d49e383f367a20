"""make add-language on a copy of the site, for French and Japanese (another script), then
make html and make pdf of each: a partly translated language builds, marked as such."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGE_COMMAND_FILES, copy_site, make_into

if TYPE_CHECKING:
    from pathlib import Path

# A text each test translates, as a translator would: the level name "Senior" (page catalog).
SENIOR = {'fr': 'Confirmé', 'ja': '上級'}


@pytest.fixture(scope='session')
def new_languages_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    for tool in ('latexmk', 'lualatex', 'pdftotext'):
        if shutil.which(tool) is None:
            pytest.skip(f'the PDFs need {tool}: run tools/install-system-packages.sh')
    project = copy_site(tmp_path_factory.mktemp('new-languages') / 'site', *LANGUAGE_COMMAND_FILES)
    builddir = project / '_build'
    for language, senior in SENIOR.items():
        make_into(('add-language', f'LANG={language}'), builddir, project=project)
        catalog = project / 'locale' / language / 'LC_MESSAGES/skill-profiles.po'
        text = catalog.read_text(encoding='utf-8')
        assert 'msgid "Senior"\nmsgstr ""\n' in text
        catalog.write_text(
            text.replace('msgid "Senior"\nmsgstr ""\n', f'msgid "Senior"\nmsgstr "{senior}"\n')
        )
    targets = [f'{kind}-{language}' for language in SENIOR for kind in ('html', 'pdf')]
    make_into((*targets, f'{builddir}/html/index.html'), builddir, project=project)
    return builddir


@pytest.mark.parametrize('language', list(SENIOR))
def test_the_new_languages_pdf_shows_its_translation_and_babels_words(
    new_languages_build: Path, language: str
) -> None:
    pdf = new_languages_build / 'pdf' / f'skill-profiles-{language}.pdf'
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], capture_output=True, text=True, check=True
    )
    assert SENIOR[language] in text.stdout
    # the contents' heading in the language (babel's locale file, not a TeX Live package)
    assert {'fr': 'Table des matières', 'ja': '目次'}[language] in text.stdout


@pytest.mark.parametrize('language', list(SENIOR))
def test_the_new_languages_site_is_marked_partial_and_in_the_switcher(
    new_languages_build: Path, language: str
) -> None:
    page = BeautifulSoup(
        (new_languages_build / 'html' / language / 'skills' / 'pytorch.html').read_text(encoding='utf-8'),
        'html.parser',
    )
    assert page.html is not None
    assert page.html['lang'] == language
    assert SENIOR[language] in page.get_text()
    assert page.select('.untranslated')  # English fallback text, marked
    switcher = {link.get('hreflang'): link.get_text(strip=True) for link in page.select('a[hreflang]')}
    other = {'fr': 'ja', 'ja': 'fr'}[language]  # the current language is no link
    assert switcher.get(other) == {'fr': 'Français', 'ja': '日本語'}[other]
    landing = (new_languages_build / 'html' / 'index.html').read_text(encoding='utf-8')
    assert f'href="{language}/index.html"' in landing
    assert f'href="pdf/skill-profiles-{language}.pdf"' in landing
