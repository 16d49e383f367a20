"""Review cycles in the site, end to end: a repository with the review tag ``review/2026-h1``, then
one commit per kind of change; the HTML in three languages as readers see it
(the German PDF: tests/pdf/test_review_pdf.py; in Chromium: tests/browser/test_review_browser.py).

The old German and Chinese texts exist only in the catalogs at the review tag (the commits after
it replace their messages), so the changes page can only show them by reading the baseline.
"""

from __future__ import annotations

import json
import re
import shutil
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import REVIEW_LANGUAGES as LANGUAGES, git, make_changes, review_build, text_of, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from bs4 import Tag
    from sphinx.testing.util import SphinxTestApp


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
    assert struck(coached) == ['Coaches the team on test design <T>and</T> review checklists.']
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
    assert not described.select('.skill-translation-pending')  # the catalog follows the data
    assert not renamed.select('.skill-translation-pending')


# --- a translation that lags behind the data ------------------------------------------------------

PENDING = {'de': 'Übersetzung ausstehend', 'zh_CN': '翻译待定'}
ISOLATED = 'Builds end-to-end test harnesses with stable, isolated test data.'
SEEDED = 'Builds end-to-end test harnesses with stable, seeded test data.'


@pytest.mark.parametrize('language', sorted(PENDING))
def test_a_lagging_translation_is_redlined_in_english_and_marked_pending(
    lagging_review_repo: Path, lagging_review_html: Path, language: str
) -> None:
    """German has no translation of the new English text, Chinese only a fuzzy one: the change is
    redlined English against English, not the old translation against the new English."""
    today = (lagging_review_repo / 'locale' / language / 'LC_MESSAGES' / 'site.po').read_text(
        encoding='utf-8'
    )
    lagging = {'de': SEEDED not in today, 'zh_CN': f'#, fuzzy\nmsgid "{SEEDED}"' in today}
    assert lagging[language]
    changes = page(lagging_review_html, language, 'changes')
    described = entry(changes, 'testing-senior-qa-engineer')
    before, now = described.select('.skill-change-line')
    assert shown(before).endswith(f': {ISOLATED}')
    assert shown(now).endswith(f': {SEEDED}')
    assert (struck(described), underlined(described)) == (['isolated'], ['seeded'])
    head = described.select_one('.skill-change-head')
    assert head is not None
    assert shown(head).endswith(f' · {PENDING[language]}')
    assert [text_of(span) for span in described.select('[lang="en"]')] == [
        f'{ANNOUNCED[language][0]} isolated'.join(ISOLATED.split('isolated')),
        f'{ANNOUNCED[language][1]} seeded'.join(SEEDED.split('seeded')),
    ]  # the English text is announced as English
    renamed = changes.select_one('.skill-changes-definitions')
    assert renamed is not None
    assert shown(renamed).endswith(f' QA Engineer → Quality Engineer · {PENDING[language]}')
    added = entry(changes, 'sql-junior-qa-engineer')  # a new cell whose text no catalog has yet
    assert PENDING[language] in shown(added)
    removed = entry(changes, 'testing-junior-backend-engineer')  # no new text: nothing pending
    assert not removed.select('.skill-translation-pending')


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
    out = review_build(repo, tmp_path / 'build', 'en').outdir
    first = BeautifulSoup((out / 'changes.html').read_text(encoding='utf-8'), 'html.parser')
    assert text_of(first.find('h1')) == 'Changes since review/2026-h1 (Jun 30, 2026) ¶'
    git(repo, 'tag', 'review/2026-h2', 'HEAD~2', date='2026-07-20T09:00:00+00:00')
    review_build(repo, tmp_path / 'build', 'en')
    clean = review_build(repo, tmp_path / 'clean', 'en').outdir
    for name in ('changes', 'index', 'skills/testing', 'skills/sql', 'skills/python', 'roles/qa-engineer'):
        incremental = BeautifulSoup((out / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')
        clean_page = BeautifulSoup((clean / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')
        for selector in ('article', 'footer'):
            assert str(incremental.select_one(selector)) == str(clean_page.select_one(selector)), (
                name,
                selector,
            )
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
