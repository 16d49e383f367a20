"""Real-world text: every script, symbols, emoji and invisible or dangerous characters in the
data, through make check-data, the HTML and the PDFs of every language, and the importer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, copy_site, make_into, markdown_export, two_roles

from skill_matrix.data.exports import ExportError, read_export

if TYPE_CHECKING:
    from pathlib import Path

LANGUAGES = ('en', 'de', 'zh_CN')
SKILL = 'data/skills/pytorch.yaml'
# The first description of pytorch.yaml (lines 12 to 16) is replaced by this one, from line 12.
# Invisible and dangerous characters are written as YAML escapes, so that this file shows them.
CORPUS = r"""      description: "Latin: naïve café Ærøskøbing Łódź Şişli Dvořák façade;
        Greek: Ελληνικά; Cyrillic: Привет мир; Hebrew: עברית; Arabic: مرحبا بالعالم;
        CJK: 日本語 中文 テスト 한국어; math: ≥ 80 % → ✓ ① ∑ ∞ ≠ ⇒;
        emoji: 🚀 👍🏽 👩‍💻 🇩🇪; combining: cafe\u0301 n\u0303o;
        newer emoji: 🥳 🫠; private use: PUA;
        quotes: “double” «guillemets» „Anführung“; zero\u200bwidth;
        Persian: می\u200cخواهم; Trojan: \u202eevil\u202c end;
        controls: NUL\0 BS\b done."
""".replace('PUA', '\U0010fffd')  # a character no font has, as it stands in the file
# What a reader sees, as written: each must be in the HTML page and in every PDF.
VISIBLE = [
    'naïve', 'café', 'Ærøskøbing', 'Łódź', 'Şişli', 'Dvořák', 'façade',
    'Ελληνικά', 'Привет', 'мир', 'עברית',
    '日本語', '中文', 'テスト', '한국어',
    '≥', '→', '✓', '①', '∑', '∞', '≠', '⇒',
    '🚀', '👍', '👩', '💻', '🇩🇪',
    'cafe\u0301', 'n\u0303o', '“double”', '«guillemets»', '„Anführung“',
]  # fmt: skip
# Arabic script: the PDF's text layer may give presentation forms, compared after NFKC.
ARABIC = ['مرحبا', 'بالعالم', 'میخواهم']
# The dangerous characters as every output shows them instead.
STAND_INS = ['[U+202E]evil[U+202C]', 'NUL␀', 'BS␈']  # the PDF tests squeeze out blanks
# Emoji only the colour font has: the HTML shows them, the PDFs print them as pictures (named by
# the check); the private-use character no font has: the PDFs show its stand-in.
PICTURED = ['🥳', '🫠']
NO_FONT, NO_FONT_STAND_IN = '\U0010fffd', '[U+10FFFD]'
PICTURE_ADVICE = (
    "the PDFs print it as a colour picture: readers see it, but searching or copying the PDF's text "
    'does not find it'
)
CHECK_DATA = [
    f'{SKILL}:16:22: warning: U+1F973 FACE WITH PARTY HORN AND PARTY HAT: {PICTURE_ADVICE}',
    f'{SKILL}:16:24: warning: U+1FAE0 MELTING FACE: {PICTURE_ADVICE}',
    f'{SKILL}:16:40: warning: U+10FFFD: no font of the PDFs has it: the PDFs show [U+10FFFD] instead; '
    'write it another way, or add a font to _ext/skill_matrix/data/fonts.py',
    f'{SKILL}:17:56: warning: U+200B ZERO WIDTH SPACE: delete it, or replace it with a space if two '
    'words run together (written as an escape)',
    f'{SKILL}:18:41: error: U+202E RIGHT-TO-LEFT OVERRIDE: it makes the text display differently '
    'from what it is: delete it (written as an escape)',
    f'{SKILL}:18:51: error: U+202C POP DIRECTIONAL FORMATTING: it makes the text display '
    'differently from what it is: delete it (written as an escape)',
    f'{SKILL}:19:22: error: U+0000 NULL: delete it (written as an escape)',
    f'{SKILL}:19:27: error: U+0008 BACKSPACE: delete it (written as an escape)',
]
BIDI_MARKS = dict.fromkeys(map(ord, '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'))


@pytest.fixture(scope='session')
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the site whose first PyTorch description is :data:`CORPUS`."""
    project = copy_site(
        tmp_path_factory.mktemp('unicode-corpus') / 'site',
        *('_ext', '_templates', 'locale', 'changes.rst', 'Makefile', 'requirements.txt'),
    )
    skill = project / SKILL
    lines = skill.read_text(encoding='utf-8').splitlines(keepends=True)
    assert lines[11] == '      description: >-\n'
    assert lines[16] == '    middle:\n'
    skill.write_text(''.join([*lines[:11], CORPUS, *lines[16:]]), encoding='utf-8')
    return project


@pytest.fixture(scope='session')
def corpus_build(corpus_site: Path) -> Path:
    """`make html pdf` of the corpus site, once per session."""
    for tool in ('latexmk', 'lualatex', 'pdftotext'):
        if shutil.which(tool) is None:
            pytest.skip(f'the corpus PDFs need {tool}: run tools/install-system-packages.sh')
    builddir = corpus_site / '_build'
    make_into(('html', 'pdf'), builddir, project=corpus_site)
    return builddir


def pdf_text(build: Path, language: str) -> str:
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(build / 'pdf' / f'skill-profiles-{language}.pdf'), '-'],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return unicodedata.normalize('NFC', text.translate(BIDI_MARKS))


def test_check_data_names_the_dangerous_characters_with_line_and_column(corpus_site: Path) -> None:
    result = subprocess.run(
        [sys.executable, '-m', 'skill_matrix.data.check', 'data'],
        cwd=corpus_site,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, 'PYTHONPATH': str(REPO / '_ext')},
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [*CHECK_DATA, '4 problem(s) in 1 file(s)']


@pytest.mark.parametrize('language', LANGUAGES)
def test_the_html_shows_every_character(corpus_build: Path, language: str) -> None:
    page = (corpus_build / 'html' / language / 'skills' / 'pytorch.html').read_text(encoding='utf-8')
    for word in [*VISIBLE, *PICTURED, NO_FONT, *ARABIC[:2], 'می\u200cخواهم', 'zero\u200bwidth', *STAND_INS]:
        assert word in page, word
    for dangerous in '\u202e\u202c\x00\x08':
        assert dangerous not in page


@pytest.mark.parametrize('download', ['pytorch.csv', 'pytorch.json'])
def test_the_downloads_hold_every_character(corpus_build: Path, download: str) -> None:
    path = corpus_build / 'html' / 'en' / '_downloads' / 'skill-matrix' / download
    text = path.read_text(encoding='utf-8')
    for word in [*VISIBLE, *PICTURED, NO_FONT, *ARABIC[:2], 'می\u200cخواهم', 'zero\u200bwidth', *STAND_INS]:
        assert word in text, word


@pytest.mark.parametrize('language', LANGUAGES)
def test_every_pdf_shows_every_character(corpus_build: Path, language: str) -> None:
    # Without blanks: pdftotext writes the glue babel puts between CJK characters as spaces.
    text = ''.join(pdf_text(corpus_build, language).split())
    shown = [*VISIBLE, *STAND_INS, NO_FONT_STAND_IN]
    missing = [word for word in shown if unicodedata.normalize('NFC', word) not in text]
    folded = unicodedata.normalize('NFKC', text)
    missing += [word for word in ARABIC if unicodedata.normalize('NFKC', word) not in folded]
    assert missing == []
    log = (corpus_build / 'latex' / language / 'skill-profiles.log').read_text(
        encoding='utf-8', errors='replace'
    )
    assert 'Missing character' not in log  # nothing dropped silently
    assert 'Overfull \\hbox' not in log


def test_the_importer_drops_zero_width_spaces_and_refuses_a_bidi_override(tmp_path: Path) -> None:
    tables = two_roles()
    tables[0][0] = ('Data Scientist', False, 'Trains\u200b models\ufeff well.')
    pasted = tmp_path / 'pasted.md'
    pasted.write_text(markdown_export(tables), encoding='utf-8')
    assert read_export(pasted).tables[0].rows[0].description == 'Trains models well.'

    tables[0][0] = ('Data Scientist', False, 'Trains \u202emodels.')
    trojan = tmp_path / 'trojan.md'
    trojan.write_text(markdown_export(tables), encoding='utf-8')
    with pytest.raises(ExportError) as error:
        read_export(trojan)
    assert [str(problem) for problem in error.value.problems] == [
        f'{trojan}:21: column 27: error: U+202E RIGHT-TO-LEFT OVERRIDE: it makes the text display '
        'differently from what it is: delete it'
    ]
