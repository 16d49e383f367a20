"""Review cycles in the site, end to end: a repository with the review tag ``review/2026-h1``, then
one commit per kind of change; the HTML in three languages and the German PDF, as readers see them.

The old German and Chinese texts exist only in the catalogs at the review tag (the commits after
it replace their messages), so the changes page can only show them by reading the baseline.
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, ROOTS, text_of, warnings
from test_browser import AXE
from test_changes_command import PYTHON_SKILL, SQL_QA_CELLS, edit, git, git_environment, make_changes

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from bs4 import Tag
    from playwright.sync_api import Browser, Page
    from sphinx.testing.util import SphinxTestApp

LANGUAGES = ('en', 'de', 'zh_CN')
SOURCE_DATE_EPOCH = '1784800000'  # 2026-07-23: the build date, never today's
DATE = '2026-07-15T09:00:00+00:00'


def replace_message(catalog: Path, old_id: str, old_str: str, new_id: str, new_str: str) -> None:
    edit(catalog, f'msgid "{old_id}"\nmsgstr "{old_str}"', f'msgid "{new_id}"\nmsgstr "{new_str}"')


@pytest.fixture(scope='session')
def review_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test root in git: reviewed on Jun 30, 2026, then a changed description (its translations
    replaced), a flipped flag, new cells, removed cells, a renamed role and a new skill."""
    repo = tmp_path_factory.mktemp('review') / 'repo'
    shutil.copytree(ROOTS / 'test-review', repo)
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'skills as reviewed', date='2026-06-30T10:00:00+02:00')
    git(repo, 'tag', '-a', '-m', 'H1 review', 'review/2026-h1', date='2026-06-30T10:00:00+02:00')

    de = repo / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po'
    zh = repo / 'locale' / 'zh_CN' / 'LC_MESSAGES' / 'site.po'
    testing = repo / 'data' / 'skills' / 'testing.yaml'
    edit(testing, 'stable, isolated test data', 'stable, seeded test data')
    message = 'Builds end-to-end test harnesses with stable, {} test data.'
    replace_message(
        de,
        message.format('isolated'),
        'Baut End-to-End-Testumgebungen mit stabilen, isolierten Testdaten.',
        message.format('seeded'),
        'Baut End-to-End-Testumgebungen mit stabilen, erzeugten Testdaten.',
    )
    replace_message(
        zh,
        message.format('isolated'),
        '使用稳定且隔离的测试数据构建端到端测试框架。',
        message.format('seeded'),
        '使用稳定且可复现的测试数据构建端到端测试框架。',
    )
    git(repo, 'commit', '-q', '-am', 'testing: seeded test data')
    edit(
        testing,
        '      required: false\n      description: Shapes',
        '      required: true\n      description: Shapes',
    )
    git(repo, 'commit', '-q', '-am', 'testing: principal QA required')
    sql = repo / 'data' / 'skills' / 'sql.yaml'
    sql.write_text(sql.read_text(encoding='utf-8') + SQL_QA_CELLS, encoding='utf-8')
    git(repo, 'commit', '-q', '-am', 'sql: QA engineers')
    text = testing.read_text(encoding='utf-8')
    testing.write_text(text[: text.index('  backend-engineer:\n')], encoding='utf-8')
    git(repo, 'commit', '-q', '-am', 'testing: no backend engineers')
    edit(repo / 'data' / 'roles.yaml', 'name: QA Engineer', 'name: Quality Engineer')
    replace_message(de, 'QA Engineer', 'QS-Ingenieurin', 'Quality Engineer', 'Qualitätsingenieurin')
    replace_message(zh, 'QA Engineer', '质量保证工程师', 'Quality Engineer', '质量工程师')
    git(repo, 'commit', '-q', '-am', 'QA Engineer renamed')
    (repo / 'data' / 'skills' / 'python.yaml').write_text(PYTHON_SKILL, encoding='utf-8')
    python_page = 'Python\n======\n\n.. skill-matrix:: python\n'
    (repo / 'skills' / 'python.rst').write_text(python_page, encoding='utf-8')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'python')
    return repo


def sphinx_build(repo: Path, builder: str, language: str, out: Path, doctrees: Path, *options: str) -> None:
    """One language in its own sphinx-build process, strict, with the build date pinned."""
    environment = git_environment(repo.parent, DATE) | {
        'SOURCE_DATE_EPOCH': SOURCE_DATE_EPOCH,
        'PYTHONPATH': str(REPO / '_ext'),
    }
    result = subprocess.run(
        [
            sys.executable,
            '-m',
            'sphinx',
            '-q',
            '-b',
            builder,
            '-D',
            f'language={language}',
            '-W',
            '--keep-going',
            *options,
            '-d',
            str(doctrees),
            str(repo),
            str(out),
        ],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope='session')
def review_html(review_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML of each language, built against the newest review tag."""
    out = tmp_path_factory.mktemp('review-html')
    for language in LANGUAGES:
        sphinx_build(review_repo, 'html', language, out / language, out / 'doctrees' / language)
    return out


def page(out: Path, language: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((out / language / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')


def entry(changes: BeautifulSoup, key: str) -> Tag:
    found = changes.find(id=f'change-{key}')
    assert found is not None, key
    return found


def shown(element: Tag) -> str:
    """The text a sighted reader sees: without the words for screen readers."""
    copy = BeautifulSoup(str(element), 'html.parser')
    for hidden in copy.select('.skill-visually-hidden'):
        hidden.decompose()
    return ' '.join(copy.get_text().split())


def struck(element: Tag) -> list[str]:
    """The deleted texts, without the words for screen readers."""
    return [text_of(item).split(' ', 1)[1] for item in element.select('del.skill-del')]


def underlined(element: Tag) -> list[str]:
    return [text_of(item).split(' ', 1)[1] for item in element.select('ins.skill-ins')]


# --- the changes page --------------------------------------------------------------------------

TITLES = {
    'en': 'Changes since review/2026-h1 (Jun 30, 2026)',
    'de': 'Änderungen seit review/2026-h1 (30.6.2026)',
    'zh_CN': '自 review/2026-h1 (2026年6月30日) 以来的更改',
}
ANNOUNCED = {
    'en': ('deleted:', 'inserted:'),
    'de': ('gelöscht:', 'eingefügt:'),
    'zh_CN': ('删除：', '插入：'),
}


@pytest.mark.parametrize('language', LANGUAGES)
def test_changes_page_is_titled_with_the_baseline_in_the_pages_language(
    review_html: Path, language: str
) -> None:
    changes = page(review_html, language, 'changes')
    assert text_of(changes.find('h1')).removesuffix(' ¶') == TITLES[language]
    assert changes.title is not None
    assert changes.title.get_text().startswith(TITLES[language])


@pytest.mark.parametrize('language', LANGUAGES)
def test_deletions_and_insertions_are_announced_to_screen_readers(review_html: Path, language: str) -> None:
    changes = page(review_html, language, 'changes')
    deleted, inserted = changes.select('del.skill-del'), changes.select('ins.skill-ins')
    assert deleted
    assert inserted
    for items, word in ((deleted, ANNOUNCED[language][0]), (inserted, ANNOUNCED[language][1])):
        for item in items:
            hidden = item.select_one('.skill-visually-hidden')
            assert hidden is not None
            assert hidden.get_text().strip() == word
    stylesheet = (review_html / language / '_static' / 'skill_review.css').read_text(encoding='utf-8')
    assert re.search(r'\.skill-visually-hidden \{[^}]*clip: rect\(0 0 0 0\)', stylesheet)
    assert re.search(r'del\.skill-del \{[^}]*line-through', stylesheet)
    assert re.search(r'ins\.skill-ins \{[^}]*underline', stylesheet)


def test_english_changes_page_shows_each_kind_of_change(review_html: Path) -> None:
    changes = page(review_html, 'en', 'changes')
    described = entry(changes, 'testing-senior-qa-engineer')
    assert struck(described) == ['isolated']
    assert underlined(described) == ['seeded']
    before, now = described.select('.skill-change-line')
    assert shown(before) == 'Before: Builds end-to-end test harnesses with stable, isolated test data.'
    assert shown(now) == 'Now: Builds end-to-end test harnesses with stable, seeded test data.'
    flipped = entry(changes, 'testing-principal-qa-engineer')
    assert struck(flipped) == ['Optional']
    assert underlined(flipped) == ['Required']
    assert 'Shapes organisation-wide quality engineering and its tooling.' in text_of(flipped)
    added = entry(changes, 'sql-junior-qa-engineer')
    assert underlined(added) == ['Checks query results in test fixtures.']
    assert not struck(added)
    removed = entry(changes, 'testing-junior-backend-engineer')
    assert struck(removed) == ['Runs the existing test suite before every pull request.']
    coached = entry(changes, 'testing-lead-backend-engineer')  # data text stays text, never markup
    assert struck(coached) == ['Coaches the team on test design <em>and</em> review checklists.']
    assert coached.find('em') is None
    renamed = changes.select_one('.skill-changes-definitions')
    assert renamed is not None
    assert (struck(renamed), underlined(renamed)) == (['QA'], ['Quality'])
    python = changes.find(id='changes-python')
    assert python is not None
    assert 'Skill added' in text_of(python)
    assert len(python.select('.skill-change-added')) == 5
    link = python.select_one('a.reference')
    assert link is not None
    assert link['href'] == 'skills/python.html#skill-python'


@pytest.mark.parametrize(
    ('language', 'old', 'new', 'old_role', 'new_role'),
    [
        (
            'de',
            'Baut End-to-End-Testumgebungen mit stabilen, isolierten Testdaten.',
            'Baut End-to-End-Testumgebungen mit stabilen, erzeugten Testdaten.',
            'QS-Ingenieurin',
            'Qualitätsingenieurin',
        ),
        (
            'zh_CN',
            '使用稳定且隔离的测试数据构建端到端测试框架。',
            '使用稳定且可复现的测试数据构建端到端测试框架。',
            '质量保证工程师',
            '质量工程师',
        ),
    ],
)
def test_translated_changes_page_shows_the_old_text_of_the_baselines_catalog(
    review_repo: Path, review_html: Path, language: str, old: str, new: str, old_role: str, new_role: str
) -> None:
    """The old text is the translation at the review tag: today's catalog no longer has it."""
    today = (review_repo / 'locale' / language / 'LC_MESSAGES' / 'site.po').read_text(encoding='utf-8')
    assert old not in today
    assert old_role not in today
    changes = page(review_html, language, 'changes')
    described = entry(changes, 'testing-senior-qa-engineer')
    before, now = described.select('.skill-change-line')
    assert shown(before).endswith(f': {old}')
    assert shown(now).endswith(f': {new}')
    expected = {'de': (['isolierten'], ['erzeugten']), 'zh_CN': (['隔离'], ['可复现'])}[language]
    assert (struck(described), underlined(described)) == expected  # by word; Chinese by character
    renamed = changes.select_one('.skill-changes-definitions')
    assert renamed is not None
    assert shown(renamed).endswith(f' {old_role} → {new_role}')
    assert struck(renamed)
    assert new_role in text_of(entry(changes, 'sql-junior-qa-engineer'))


# --- markers on skill and role pages, the footer -------------------------------------------------

CHANGED_ROWS = {
    'skills/testing': {'testing-senior-qa-engineer', 'testing-principal-qa-engineer'},
    'skills/sql': {
        f'sql-{level}-qa-engineer' for level in ('junior', 'middle', 'senior', 'lead', 'principal')
    },
    'skills/python': {
        f'python-{level}-data-engineer' for level in ('junior', 'middle', 'senior', 'lead', 'principal')
    },
    'roles/qa-engineer': {'testing-senior-qa-engineer', 'testing-principal-qa-engineer'}
    | {f'sql-{level}-qa-engineer' for level in ('junior', 'middle', 'senior', 'lead', 'principal')},
    'roles/backend-engineer': set(),
    'roles/data-engineer': {
        f'python-{level}-data-engineer' for level in ('junior', 'middle', 'senior', 'lead', 'principal')
    },
}
MARKER = {'en': 'Changed', 'de': 'Geändert', 'zh_CN': '已更改'}


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('name', sorted(CHANGED_ROWS))
def test_changed_rows_are_marked_and_link_to_their_entry(review_html: Path, language: str, name: str) -> None:
    shown_page = page(review_html, language, name)
    changes = page(review_html, language, 'changes')
    rows = shown_page.select('tr.skill-changed')
    marked = set()
    for row in rows:
        marker = row.select_one('a.skill-change-marker')
        assert marker is not None
        assert text_of(marker) == MARKER[language]
        target, _, anchor = str(marker['href']).partition('#')
        assert target == '../changes.html'
        assert anchor.startswith('change-')
        marked.add(anchor.removeprefix('change-'))
        assert changes.find(id=anchor) is not None
    assert marked == CHANGED_ROWS[name]
    assert len(rows) == len(marked)  # one row per changed cell on these pages
    unchanged = [row for row in shown_page.select('tr.skill-row') if 'skill-changed' not in row['class']]
    assert all(row.select_one('.skill-change-marker') is None for row in unchanged)


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('name', ['index', 'changes', 'skills/testing', 'roles/index'])
def test_every_page_names_the_baseline_in_its_footer(review_html: Path, language: str, name: str) -> None:
    footer = page(review_html, language, name).select_one('footer .skill-review-footer')
    assert footer is not None
    link = footer.select_one('a.skill-review-link')
    assert link is not None
    assert text_of(link) == TITLES[language]
    expected = {'index': 'changes.html', 'changes': '#skill-changes'}.get(name, '../changes.html')
    assert link['href'] == expected


def test_a_button_hides_the_markers_on_pages_that_have_them(review_html: Path) -> None:
    testing = page(review_html, 'en', 'skills/testing')
    button = testing.select_one('footer button.skill-review-toggle')
    assert button is not None
    assert button.has_attr('hidden')  # shown by the script: without it the markers simply stay
    assert button['aria-pressed'] == 'true'
    assert any('skill_review.js' in str(script.get('src')) for script in testing.find_all('script'))
    script = (review_html / 'en' / '_static' / 'skill_review.js').read_text(encoding='utf-8')
    assert "classList.toggle('skill-changes-hidden'" in script
    stylesheet = (review_html / 'en' / '_static' / 'skill_review.css').read_text(encoding='utf-8')
    assert re.search(r'html\.skill-changes-hidden \.skill-change-marker \{\s*display: none', stylesheet)
    index = page(review_html, 'en', 'index')  # no markers: no button, no script
    assert index.select_one('.skill-review-toggle') is None
    assert not any('skill_review.js' in str(script.get('src')) for script in index.find_all('script'))


def test_without_a_baseline_nothing_shows(build: Callable[..., SphinxTestApp]) -> None:
    """The test roots are not in git: no baseline, no markers, no footer line, no assets."""
    app = build('roles')
    for path in app.outdir.rglob('*.html'):
        text = path.read_text(encoding='utf-8')
        assert 'skill-changed' not in text, path
        assert 'skill-review' not in text, path
        assert 'skill_review' not in text, path
    assert 'review' not in warnings(app)


def test_incremental_build_after_a_new_review_tag_equals_a_clean_build(
    review_repo: Path, tmp_path: Path
) -> None:
    """The same configuration, a newer review tag: the pages that show skills or changes are read
    again, and equal those of a clean build."""
    repo = tmp_path / 'repo'
    shutil.copytree(review_repo, repo)
    out, doctrees = tmp_path / 'html', tmp_path / 'doctrees'
    sphinx_build(repo, 'html', 'en', out, doctrees)
    first = BeautifulSoup((out / 'changes.html').read_text(encoding='utf-8'), 'html.parser')
    assert text_of(first.find('h1')) == 'Changes since review/2026-h1 (Jun 30, 2026) ¶'
    git(repo, 'tag', 'review/2026-h2', 'HEAD~2', date='2026-07-20T09:00:00+00:00')
    sphinx_build(repo, 'html', 'en', out, doctrees)
    sphinx_build(repo, 'html', 'en', tmp_path / 'clean', tmp_path / 'clean-doctrees')
    for name in ('changes', 'index', 'skills/testing', 'skills/sql', 'skills/python', 'roles/qa-engineer'):
        incremental = BeautifulSoup((out / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')
        clean = BeautifulSoup(
            (tmp_path / 'clean' / f'{name}.html').read_text(encoding='utf-8'), 'html.parser'
        )
        for selector in ('article', 'footer'):
            assert str(incremental.select_one(selector)) == str(clean.select_one(selector)), (name, selector)
    again = BeautifulSoup((out / 'changes.html').read_text(encoding='utf-8'), 'html.parser')
    assert text_of(again.find('h1')) == 'Changes since review/2026-h2 (Jul 15, 2026) ¶'
    sql = BeautifulSoup((out / 'skills' / 'sql.html').read_text(encoding='utf-8'), 'html.parser')
    assert not sql.select('tr.skill-changed')  # the SQL cells came before the new tag


def test_start_page_leads_to_the_changes_page(review_html: Path) -> None:
    index = page(review_html, 'de', 'index')
    caption = index.select_one('article .toctree-wrapper .caption-text')
    assert caption is not None
    assert caption.get_text() == 'Review'
    link = index.select_one('article .toctree-wrapper a.reference')
    assert link is not None
    assert link['href'] == 'changes.html'
    assert text_of(link) == TITLES['de']


# --- the German PDF ------------------------------------------------------------------------------

PDF_TOOLS = ('latexmk', 'lualatex', 'pdftotext', 'pdftoppm')
CHANGE_BLUE = (11, 79, 179)


@pytest.fixture(scope='session')
def review_pdf(review_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The German PDF against the review tag (one PDF: LaTeX is the slow part)."""
    missing = [tool for tool in PDF_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f'PDF tests need {", ".join(missing)}: run tools/install-system-packages.sh')
    out = tmp_path_factory.mktemp('review-pdf')
    sphinx_build(review_repo, 'latex', 'de', out, out / 'doctrees')
    result = subprocess.run(
        ['make', '--no-print-directory', '-C', str(out), 'all-pdf', 'LATEXMKOPTS=-silent'],
        env=os.environ | {'SOURCE_DATE_EPOCH': SOURCE_DATE_EPOCH},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return out


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
        'Vorher: Coaches the team on test design <em>and</em> review checklists. (Optional)',
    ):
        assert line in chapter, line
    tex = (review_pdf / 'review.tex').read_text(encoding='utf-8')
    # struck through in red, underlined in blue, word by word so that lines still break
    assert r'stabilen, \skilldel{isolierten} Testdaten.' in tex
    assert r'stabilen, \skillins{erzeugten} Testdaten.' in tex
    assert r'\skilldel{Runs} \skilldel{the} \skilldel{existing}' in tex
    assert r'\skilldel{\textless{}}\skilldel{em}\skilldel{\textgreater{}}' in tex  # escaped, not markup
    assert r'\skilldel{services} \skilldel{\&} \skilldel{platforms}' in tex
    assert r'\skilldel{*}\skilldel{args}' in tex
    assert re.search(r'\\newcommand\{\\skilldel\}.*\\color\{skilldel\}.*\\rule\[0\.55ex\]', tex)
    assert re.search(r'\\newcommand\{\\skillins\}.*\\color\{skillins\}.*\\rule\[-0\.35ex\]', tex)


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


def test_make_changes_and_the_changes_page_list_the_same_cells(review_repo: Path, review_html: Path) -> None:
    """The pull request's summary (make changes) and the site agree on what changed."""
    builddir = review_repo.parent / 'make-changes'
    result = make_changes(review_repo, builddir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('## Changes since review/2026-h1 (Jun 30, 2026)\n')
    summary = json.loads((builddir / 'changes' / 'changes.json').read_text(encoding='utf-8'))
    keys = {cell['key'] for skill in summary['skills'] for cell in skill['cells']}
    for language in LANGUAGES:
        entries = page(review_html, language, 'changes').select('.skill-change')
        assert {str(item['id']).removeprefix('change-') for item in entries} == keys


# --- in a browser: the button, and an accessibility audit ----------------------------------------


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture
def review_tab(browser: Browser, review_html: Path) -> Iterator[Page]:
    """A tab on the review site, served over HTTP on the loopback interface."""
    handler = functools.partial(QuietHandler, directory=str(review_html))
    httpd = ThreadingHTTPServer(('127.0.0.1', 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    context = browser.new_context(base_url=f'http://127.0.0.1:{httpd.server_address[1]}/')
    tab = context.new_page()
    errors: list[str] = []
    tab.on('pageerror', lambda error: errors.append(str(error)))
    yield tab
    context.close()
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)
    assert errors == [], errors


def test_the_button_hides_and_shows_the_markers_and_remembers(review_tab: Page) -> None:
    review_tab.goto('en/skills/testing.html')
    markers = review_tab.locator('.skill-change-marker')
    button = review_tab.locator('button.skill-review-toggle')
    assert markers.count() == 2
    assert all(markers.nth(index).is_visible() for index in range(2))
    assert button.is_visible()
    assert button.get_attribute('aria-pressed') == 'true'
    button.click()
    assert button.get_attribute('aria-pressed') == 'false'
    assert not any(markers.nth(index).is_visible() for index in range(2))
    review_tab.goto('en/roles/qa-engineer.html')  # the choice holds on the next page
    assert review_tab.locator('.skill-change-marker').count() == 7
    assert not review_tab.locator('.skill-change-marker').first.is_visible()
    review_tab.locator('button.skill-review-toggle').click()
    assert review_tab.locator('.skill-change-marker').first.is_visible()
    review_tab.locator('.skill-change-marker').first.click()  # leads to the entry
    assert review_tab.url.endswith('/en/changes.html#change-sql-junior-qa-engineer')  # the first row


@pytest.mark.parametrize('path', ['changes.html', 'skills/testing.html', 'roles/qa-engineer.html'])
@pytest.mark.parametrize('language', LANGUAGES)
def test_review_pages_have_no_serious_accessibility_violations(
    review_tab: Page, language: str, path: str
) -> None:
    if not AXE.is_file():
        pytest.skip(f'axe-core is missing ({AXE}): run make axe (needs npm)')
    review_tab.goto(f'{language}/{path}')
    review_tab.add_script_tag(path=str(AXE))
    results = review_tab.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f'{violation["id"]} ({violation["impact"]}): {violation["help"]} at '
        + ', '.join(str(node['target']) for node in violation['nodes'][:5])
        for violation in results['violations']
        if violation['impact'] in ('serious', 'critical')
    ]
    assert serious == []


def test_grid_layout_marks_the_changed_cells(review_html: Path) -> None:
    grid = page(review_html, 'en', 'skills/testing-grid')
    cells = grid.select('table.skill-grid td.skill-changed')
    assert {(cell['class'][1], cell['class'][2]) for cell in cells} == {
        ('skill-role-qa-engineer', 'skill-level-senior'),
        ('skill-role-qa-engineer', 'skill-level-principal'),
    }
    for cell in cells:
        marker = cell.select_one('a.skill-change-marker')
        assert marker is not None
        assert (
            marker['href']
            == f'../changes.html#change-testing-{cell["class"][2].removeprefix("skill-level-")}-qa-engineer'
        )
