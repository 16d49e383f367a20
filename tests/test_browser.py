"""The readers' features in a real browser: headless Chromium (Debian's) driven by Playwright.

The site is built once per session (the ``site`` fixture) and served on 127.0.0.1 by a
thread in this process. Expected values come from the YAML files and from the static tables
of the same page (which show every text in the page's language). Screenshots of the compare
view are saved in ``_build/test-artifacts/``.
"""

from __future__ import annotations

import functools
import itertools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import (
    REPO,
    SITE_LANGUAGES as LANGUAGES,
    SITE_LEVEL_IDS as LEVEL_IDS,
    SITE_ROLE_IDS as ROLE_IDS,
    SITE_SKILLS as SKILLS,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Page

AXE = REPO / 'tools' / 'axe' / 'node_modules' / 'axe-core' / 'axe.min.js'
ARTIFACTS = REPO / '_build' / 'test-artifacts'


def skill_roles(skill_id: str) -> list[str]:
    """The skill's roles in the order of roles.yaml, as pages show them."""
    return [role for role in ROLE_IDS if role in SKILLS[skill_id]['roles']]


def flag_changes(skill_id: str, current: str, target: str) -> set[str]:
    """The roles whose required flag differs between the two levels, from the YAML."""
    roles = SKILLS[skill_id]['roles']
    return {role for role in roles if roles[role][current]['required'] != roles[role][target]['required']}


# --- fixtures ---------------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope='session')
def server(browser: Browser, site: Path) -> Iterator[str]:
    """The built site over HTTP on the loopback interface, for as long as the session runs."""
    httpd = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f'http://127.0.0.1:{httpd.server_address[1]}'
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh browser tab; any script error on the page fails the test."""
    context = browser.new_context(base_url=f'{server}/', viewport={'width': 1280, 'height': 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on('pageerror', lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], errors


# --- what the page shows ----------------------------------------------------------------------


def class_value(classes: str, prefix: str) -> str:
    return next(name.removeprefix(prefix) for name in classes.split() if name.startswith(prefix))


def static_texts(page: Page) -> dict[tuple[str, str], str]:
    """(role, level) → description, as the page's own tables show it (in the page's language)."""
    rows = page.eval_on_selector_all(
        'tr.skill-row',
        'rows => rows.map(row => [row.className, row.cells[2].innerText.trim().split(/\\s+/).join(" ")])',
    )
    return {
        (class_value(classes, 'skill-role-'), class_value(classes, 'skill-level-')): text
        for classes, text in rows
    }


def level_names(page: Page) -> list[str]:
    """The level names in the page's language: the captions of the static tables, level by level."""
    names: list[str] = page.eval_on_selector_all(
        'table.skill-table > caption .caption-text', 'captions => captions.map(c => c.innerText.trim())'
    )
    return names


def compare_rows(page: Page) -> list[dict[str, Any]]:
    """Each row of the comparison: its classes, its change note, and its cells' classes and text."""
    rows: list[dict[str, Any]] = page.eval_on_selector_all(
        'table.skill-compare-table tbody tr',
        """rows => rows.map(row => ({
            classes: row.className,
            change: (row.querySelector('.skill-compare-change') || {}).innerText || '',
            cells: Array.from(row.cells).slice(1).map(cell => ({
                classes: cell.className,
                text: cell.innerText.trim().split(/\\s+/).join(' '),
            })),
        }))""",
    )
    return rows


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def wait_for_query(page: Page, expected: dict[str, list[str]]) -> None:
    """Wait until the URL holds *expected* (a key press reaches the page a moment later)."""
    for _ in range(50):
        if query(page) == expected:
            return
        page.wait_for_timeout(100)
    assert query(page) == expected


def choose(page: Page, current: str, target: str | None = None) -> None:
    page.select_option('.skill-explorer select[name=level]', current)
    if target is not None:
        page.select_option('.skill-explorer select[name=target]', target)


def visible_rows(page: Page) -> list[str]:
    """The role of every static table row that is visible."""
    rows = page.eval_on_selector_all(
        'tr.skill-row', 'rows => rows.filter(row => row.offsetParent !== null).map(row => row.className)'
    )
    return [class_value(classes, 'skill-role-') for classes in rows]


# --- level picker -----------------------------------------------------------------------------


@pytest.mark.parametrize('skill_id', sorted(SKILLS))
@pytest.mark.parametrize('language', LANGUAGES)
def test_each_level_compared_with_the_next(page: Page, language: str, skill_id: str) -> None:
    page.goto(f'{language}/skills/{skill_id}.html')
    texts, names = static_texts(page), level_names(page)
    assert len(names) == len(LEVEL_IDS)
    shot_taken = False
    for index, (current, target) in enumerate(itertools.pairwise(LEVEL_IDS)):
        choose(page, current)  # the target defaults to the next level
        assert page.input_value('.skill-explorer select[name=target]') == target
        assert query(page) == {'level': [current], 'target': [target]}
        assert page.is_hidden('table.skill-table')  # the full tables make way for the comparison
        caption = page.inner_text('table.skill-compare-table caption')
        assert names[index] in caption
        assert names[index + 1] in caption
        headers = page.eval_on_selector_all(
            'table.skill-compare-table thead th', 'ths => ths.map(t => t.innerText)'
        )
        assert headers[1:] == [names[index], names[index + 1]]

        rows = compare_rows(page)
        assert [class_value(row['classes'], 'skill-role-') for row in rows] == skill_roles(skill_id)
        changed = flag_changes(skill_id, current, target)
        for row, role in zip(rows, skill_roles(skill_id), strict=True):
            for cell, level in zip(row['cells'], (current, target), strict=True):
                assert texts[(role, level)] in cell['text']  # the same text as the page's table
                required = SKILLS[skill_id]['roles'][role][level]['required']
                assert ('skill-required' if required else 'skill-optional') in cell['classes'].split()
            highlighted = 'skill-compare-changed' in row['classes'].split()
            assert highlighted is (role in changed), (current, target, role)
            assert ('skill-compare-changed' in row['cells'][1]['classes'].split()) is (role in changed)
            assert bool(row['change'].strip()) is (role in changed)
        status = page.inner_text('.skill-explorer-status')
        assert str(len(changed)) in status
        assert str(len(rows)) in status
        if changed and not shot_taken:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            path = ARTIFACTS / f'compare-{language}-{skill_id}-{current}-{target}.png'
            page.locator('div.skill-explorer').screenshot(path=str(path))
            assert path.stat().st_size > 10_000
            shot_taken = True


@pytest.mark.parametrize('language', LANGUAGES)
def test_a_shared_link_and_a_reload_restore_the_view(page: Page, browser: Browser, language: str) -> None:
    skill_id = max(SKILLS, key=lambda skill: len(SKILLS[skill]['roles']))
    roles = skill_roles(skill_id)
    current, target = LEVEL_IDS[0], LEVEL_IDS[-1]  # a target other than the next level
    page.goto(f'{language}/skills/{skill_id}.html')
    choose(page, current, target)
    page.uncheck(f'.skill-explorer input[value="{roles[0]}"]')
    expected_query = {'level': [current], 'target': [target], 'roles': [','.join(roles[1:])]}
    assert query(page) == expected_query
    shown = compare_rows(page)

    def same_view(tab: Page) -> None:
        assert query(tab) == expected_query
        assert tab.input_value('.skill-explorer select[name=level]') == current
        assert tab.input_value('.skill-explorer select[name=target]') == target
        assert not tab.is_checked(f'.skill-explorer input[value="{roles[0]}"]')
        assert compare_rows(tab) == shown
        assert [class_value(row['classes'], 'skill-role-') for row in shown] == roles[1:]

    page.reload()
    same_view(page)
    other = browser.new_context().new_page()  # someone else opens the shared link
    try:
        other.goto(page.url)
        same_view(other)
    finally:
        other.context.close()


@pytest.mark.parametrize('language', LANGUAGES)
def test_the_highest_level_has_no_target(page: Page, language: str) -> None:
    skill_id = sorted(SKILLS)[0]
    page.goto(f'{language}/skills/{skill_id}.html')
    choose(page, LEVEL_IDS[-1])
    assert page.is_disabled('.skill-explorer select[name=target]')
    assert query(page) == {'level': [LEVEL_IDS[-1]]}
    assert len(page.query_selector_all('table.skill-compare-table thead th')) == 2


# --- role filter ------------------------------------------------------------------------------


@pytest.mark.parametrize('language', LANGUAGES)
def test_role_filter_shows_only_the_chosen_roles(page: Page, language: str) -> None:
    skill_id = max(SKILLS, key=lambda skill: len(SKILLS[skill]['roles']))
    roles = skill_roles(skill_id)
    page.goto(f'{language}/skills/{skill_id}.html')
    assert sorted(visible_rows(page)) == sorted(roles * len(LEVEL_IDS))
    kept = roles[-1]
    for role in roles[:-1]:
        page.uncheck(f'.skill-explorer input[value="{role}"]')
    assert visible_rows(page) == [kept] * len(LEVEL_IDS)
    assert query(page) == {'roles': [kept]}
    page.reload()
    assert visible_rows(page) == [kept] * len(LEVEL_IDS)

    choose(page, LEVEL_IDS[1])
    assert [class_value(row['classes'], 'skill-role-') for row in compare_rows(page)] == [kept]

    page.click('.skill-explorer-reset')
    assert query(page) == {}
    assert sorted(visible_rows(page)) == sorted(roles * len(LEVEL_IDS))
    assert page.query_selector('table.skill-compare-table') is None


# --- keyboard, no JavaScript ------------------------------------------------------------------


@pytest.mark.parametrize('language', LANGUAGES)
def test_keyboard_only(page: Page, language: str) -> None:
    skill_id = max(SKILLS, key=lambda skill: len(SKILLS[skill]['roles']))
    roles = skill_roles(skill_id)
    page.goto(f'{language}/skills/{skill_id}.html')

    def tab_to(selector: str) -> None:
        for _ in range(80):
            page.keyboard.press('Tab')
            if page.evaluate('sel => document.activeElement.matches(sel)', selector):
                return
        pytest.fail(f'{selector} cannot be reached with the Tab key')

    tab_to('.skill-explorer select[name=level]')
    page.keyboard.press('ArrowDown')  # "all levels" → the first level
    page.keyboard.press('ArrowDown')  # → the second level
    wait_for_query(page, {'level': [LEVEL_IDS[1]], 'target': [LEVEL_IDS[2]]})
    page.keyboard.press('Tab')
    assert page.evaluate('document.activeElement.name') == 'target'
    page.keyboard.press('ArrowDown')
    wait_for_query(page, {'level': [LEVEL_IDS[1]], 'target': [LEVEL_IDS[3]]})
    tab_to(f'.skill-explorer input[value="{roles[0]}"]')
    page.keyboard.press('Space')
    wait_for_query(page, {'level': [LEVEL_IDS[1]], 'target': [LEVEL_IDS[3]], 'roles': [','.join(roles[1:])]})
    assert [class_value(row['classes'], 'skill-role-') for row in compare_rows(page)] == roles[1:]
    tab_to('.skill-explorer-reset')
    page.keyboard.press('Enter')
    wait_for_query(page, {})
    assert page.query_selector('table.skill-compare-table') is None


@pytest.mark.parametrize('language', LANGUAGES)
def test_without_javascript_every_table_is_shown(browser: Browser, server: str, language: str) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=f'{server}/')
    try:
        tab = context.new_page()
        for skill_id, skill in SKILLS.items():
            tab.goto(f'{language}/skills/{skill_id}.html?level={LEVEL_IDS[0]}')
            assert len(visible_rows(tab)) == sum(len(cells) for cells in skill['roles'].values())
            assert tab.query_selector('.skill-explorer-form') is None
    finally:
        context.close()


# --- accessibility ----------------------------------------------------------------------------

AUDITED = [
    *(f'skills/{skill_id}.html?level={LEVEL_IDS[1]}' for skill_id in sorted(SKILLS)),  # compare view
    f'skills/{sorted(SKILLS)[0]}.html',
    'roles/index.html',
    *(f'roles/{role}.html' for role in ROLE_IDS),
]


@pytest.mark.parametrize('path', AUDITED)
@pytest.mark.parametrize('language', LANGUAGES)
def test_no_serious_accessibility_violations(page: Page, language: str, path: str) -> None:
    if not AXE.is_file():
        pytest.skip(f'axe-core is missing ({AXE}): run make axe (needs npm)')
    page.goto(f'{language}/{path}')
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f'{violation["id"]} ({violation["impact"]}): {violation["help"]} at '
        + ', '.join(str(node['target']) for node in violation['nodes'][:5])
        for violation in results['violations']
        if violation['impact'] in ('serious', 'critical')
    ]
    assert serious == []
