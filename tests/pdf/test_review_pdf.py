"""Review cycles in the German PDF (the git history of conftest's ``review_repo``): the title page
says "Review draft", the first chapter lists the changes redlined, changed rows have a change bar."""

from __future__ import annotations

import re
import subprocess
from typing import TYPE_CHECKING

import pytest
from conftest import build_review_pdf

if TYPE_CHECKING:
    from pathlib import Path

CHANGE_BLUE = (11, 79, 179)


@pytest.fixture(scope='session')
def review_pdf(review_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The German PDF against the review tag (one PDF: LaTeX is the slow part)."""
    return build_review_pdf(review_repo, tmp_path_factory.mktemp('review-pdf'), 'de')


@pytest.fixture(scope='session')
def lagging_review_pdf(lagging_review_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The German PDF of the repository whose German catalog lags behind the data."""
    return build_review_pdf(lagging_review_repo, tmp_path_factory.mktemp('lagging-pdf'), 'de')


def pdf_pages(out: Path) -> list[str]:
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(out / 'review.pdf'), '-'],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [' '.join(page.split()) for page in text.split('\f')[:-1]]


def test_pdf_title_page_says_review_draft(review_pdf: Path) -> None:
    title_page = pdf_pages(review_pdf)[0]
    assert 'Review-Entwurf — Änderungen seit review/2026-h1 (30.6.2026)' in title_page


def test_pdf_first_chapter_lists_the_changes_redlined(review_pdf: Path) -> None:
    pages = pdf_pages(review_pdf)
    contents = next(page for page in pages if 'Inhaltsverzeichnis' in page)
    assert re.search(r'1 Änderungen seit review/2026-h1 \(30\.6\.2026\) 1 .*2 Python', contents)
    chapter = ' '.join(page for page in pages if 'Änderungen seit review/2026-h1' in page)
    for line in (
        'Rolle umbenannt: QS-Ingenieurin → Qualitätsingenieurin',
        'Vorher: Baut End-to-End-Testumgebungen mit stabilen, isolierten Testdaten.',
        'Jetzt: Baut End-to-End-Testumgebungen mit stabilen, erzeugten Testdaten.',
        'Pflicht: Optional → Pflicht',
        'Jetzt: Checks query results in test fixtures. (Optional)',
        'Vorher: Runs the existing test suite before every pull request. (Optional)',
        'Vorher: Coaches the team on test design <T>and</T> review checklists. (Optional)',
    ):
        assert line in chapter, line
    tex = (review_pdf / 'review.tex').read_text(encoding='utf-8')
    # struck through in red, underlined in blue, word by word so that lines still break
    assert r'stabilen, \skilldel{isolierten} Testdaten.' in tex
    assert r'stabilen, \skillins{erzeugten} Testdaten.' in tex
    assert r'\skilldel{Runs} \skilldel{the} \skilldel{existing}' in tex
    assert r'\skilldel{\textless{}}\skilldel{T}\skilldel{\textgreater{}}' in tex  # escaped, not markup
    assert r'\skilldel{services} \skilldel{\&} \skilldel{platforms}' in tex
    assert r'\skilldel{*}\skilldel{args}' in tex
    assert re.search(r'\\newcommand\{\\skilldel\}.*\\color\{skilldel\}.*\\rule\[0\.55ex\]', tex)
    assert re.search(r'\\newcommand\{\\skillins\}.*\\color\{skillins\}.*\\rule\[-0\.35ex\]', tex)


def test_pdf_redlines_a_lagging_translation_in_english_and_marks_it_pending(
    lagging_review_pdf: Path, review_pdf: Path
) -> None:
    """The German catalog has no translation of the new English text yet: English against English,
    "Übersetzung ausstehend"; once the catalog follows, German against German and nothing pending."""
    chapter = ' '.join(
        page for page in pdf_pages(lagging_review_pdf) if 'Änderungen seit review/2026-h1' in page
    )
    for line in (
        'Senior · Quality Engineer — Beschreibung geändert · Übersetzung ausstehend',
        'Vorher: Builds end-to-end test harnesses with stable, isolated test data.',
        'Jetzt: Builds end-to-end test harnesses with stable, seeded test data.',
        'Rolle umbenannt: QA Engineer → Quality Engineer · Übersetzung ausstehend',
    ):
        assert line in chapter, line
    assert 'isolierten' not in chapter
    tex = (lagging_review_pdf / 'review.tex').read_text(encoding='utf-8')
    assert r'stable, \skilldel{isolated} test data.' in tex
    assert r'stable, \skillins{seeded} test data.' in tex
    translated = ' '.join(page for page in pdf_pages(review_pdf) if 'Änderungen seit review/2026-h1' in page)
    assert 'Vorher: Baut End-to-End-Testumgebungen mit stabilen, isolierten Testdaten.' in translated
    assert 'Senior · Qualitätsingenieurin — Beschreibung geändert Vorher:' in translated  # nothing pending


def blue_in_margins(out: Path, page_number: int) -> int:
    """Pixels of the change bars' blue in the page's left and right margins (outer 12 %)."""
    ppm = subprocess.run(
        ['pdftoppm', '-r', '40', '-f', str(page_number), '-l', str(page_number), str(out / 'review.pdf')],
        capture_output=True,
        check=True,
    ).stdout
    header = ppm.split(b'\n', 3)
    width, height = map(int, header[1].split())
    pixels = header[3]
    count = 0
    for y in range(height):
        for x in [*range(width * 12 // 100), *range(width - width * 12 // 100, width)]:
            red, green, blue = pixels[(y * width + x) * 3 : (y * width + x) * 3 + 3]
            near = abs(red - CHANGE_BLUE[0]) + abs(green - CHANGE_BLUE[1]) + abs(blue - CHANGE_BLUE[2])
            count += near < 60
    return count


def test_pdf_changed_rows_have_a_change_bar_in_the_margin(review_pdf: Path) -> None:
    pages = pdf_pages(review_pdf)
    first_skill_page = next(number for number, page in enumerate(pages, 1) if 'KAPITEL 2 Python' in page)
    changed = 'Baut End-to-End-Testumgebungen mit stabilen, erzeugten Testdaten.'
    unchanged = 'Designs integration suites that run against a throwaway database.'
    with_change = [
        number for number, page in enumerate(pages, 1) if changed in page and number >= first_skill_page
    ]
    without = [number for number, page in enumerate(pages, 1) if unchanged in page and changed not in page]
    assert with_change
    assert without
    assert all(blue_in_margins(review_pdf, number) > 0 for number in with_change)
    assert all(blue_in_margins(review_pdf, number) == 0 for number in without)
    tex = (review_pdf / 'review.tex').read_text(encoding='utf-8')
    marked = re.findall(r'\\sphinxAtStartPar\n([^\n]*) \\skillchangemark\{\}', tex)
    # testing: 2 changed cells, again on its grid page (by-role tables in a PDF); sql and python: 5 added
    assert len(marked) == 2 + 2 + 5 + 5


# --- the PDFs besides the book (skill_matrix_pdf_parts): one per domain, one of only the changes --


def pdf_text(path: Path) -> str:
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(path), '-'], capture_output=True, text=True, check=True
    ).stdout
    return ' '.join(text.split())


def contents_entries(path: Path) -> list[str]:
    """The chapter titles that the contents page of the PDF lists ("2 Python 5" → "Python")."""
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', '-layout', str(path), '-'], capture_output=True, text=True, check=True
    ).stdout
    contents = next(page for page in text.split('\f') if 'Inhaltsverzeichnis' in page)
    return [
        match[1].rstrip(' .')
        for line in contents.splitlines()
        if (match := re.fullmatch(r'\s*\d+\s+(.+?)\s+\d+\s*', line))
    ]


def test_a_domain_pdf_holds_the_domain_s_skills_and_no_other(review_pdf: Path) -> None:
    """Data holds SQL; Software Engineering holds Python and Automated Testing (in German), each
    once (the grid page of Automated Testing is the book's alone)."""
    assert contents_entries(review_pdf / 'review-domain-data.pdf') == ['SQL']
    software = contents_entries(review_pdf / 'review-domain-software-engineering.pdf')
    assert sorted(software) == ['Automatisiertes Testen', 'Python']
    title_page = pdf_text(review_pdf / 'review-domain-software-engineering.pdf').split('Inhaltsverzeichnis')[
        0
    ]
    assert 'Software Engineering' in title_page
    assert 'Review-Entwurf' in title_page  # the build's baseline, as on the book's title page
    sql_only = 'SELECT'  # from a description of SQL (Data), untranslated in German
    assert sql_only in pdf_text(review_pdf / 'review-domain-data.pdf')
    assert sql_only not in pdf_text(review_pdf / 'review-domain-software-engineering.pdf')


def test_the_changes_pdf_holds_the_redlined_changes_and_the_changed_skills(review_pdf: Path) -> None:
    changes = review_pdf / 'review-changes.pdf'
    entries = contents_entries(changes)
    assert entries[0] == 'Änderungen seit review/2026-h1 (30.6.2026)'
    # every skill of this repository changed since the review: each has its chapter, once
    assert sorted(entries[1:]) == ['Automatisiertes Testen', 'Python', 'SQL']
    text = pdf_text(changes)
    assert 'Jetzt: Baut End-to-End-Testumgebungen mit stabilen, erzeugten Testdaten.' in text
    tex = (review_pdf / 'review-changes.tex').read_text(encoding='utf-8')
    assert r'stabilen, \skillins{erzeugten} Testdaten.' in tex
    assert r'\skillchangemark{}' in tex  # the changed rows of the skills' tables, as in the book
