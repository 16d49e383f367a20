"""The readers' features in a real browser: headless Chromium (Debian's) driven by Playwright.

The site is built once per session (the ``site`` fixture) and served on 127.0.0.1 by a
thread in this process. Expected values come from the YAML files and from the static tables
of the same page (which show every text in the page's language). Screenshots of the compare
views, of the cards on a phone and of printed pages (and the printed PDFs, read back with
pdftotext) are saved in ``_build/test-artifacts/``.
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

import pytest
from babel.messages.pofile import read_po
from conftest import (
    REPO,
    SITE_LANGUAGES as LANGUAGES,
    SITE_LEVEL_IDS as LEVEL_IDS,
    SITE_ROLE_IDS as ROLE_IDS,
    SITE_SKILLS as SKILLS,
    require_axe,
    serious_violations,
)

if TYPE_CHECKING:
    from pathlib import Path

    from playwright.sync_api import Browser, Page

ARTIFACTS = REPO / '_build' / 'test-artifacts'


def skill_roles(skill_id: str) -> list[str]:
    """The skill's roles in the order of roles.yaml, as pages show them."""
    return [role for role in ROLE_IDS if role in SKILLS[skill_id]['roles']]


def role_skills(role_id: str) -> list[str]:
    """The skills that list *role_id*."""
    return [skill_id for skill_id, skill in SKILLS.items() if role_id in skill['roles']]


def flag_changes(skill_id: str, current: str, target: str) -> set[str]:
    """The roles whose required flag differs between the two levels, from the YAML."""
    roles = SKILLS[skill_id]['roles']
    return {role for role in roles if roles[role][current]['required'] != roles[role][target]['required']}


# --- fixtures ---------------------------------------------------------------------------------


# --- what the page shows ----------------------------------------------------------------------


def class_value(classes: str, prefix: str) -> str:
    return next(name.removeprefix(prefix) for name in classes.split() if name.startswith(prefix))


def static_texts(page: Page, row_of: str = 'skill-role-') -> dict[tuple[str, str], str]:
    """(role, level) → description, as the page's own tables show it (in the page's language);
    (skill, level) on a role page, with ``row_of='skill-of-'``."""
    rows = page.eval_on_selector_all(
        'tr.skill-row',
        'rows => rows.map(row => [row.className, row.cells[2].innerText.trim().split(/\\s+/).join(" ")])',
    )
    return {
        (class_value(classes, row_of), class_value(classes, 'skill-level-')): text for classes, text in rows
    }


def level_names(page: Page) -> list[str]:
    """The level names in the page's language: the captions of the level tables, level by level."""
    names: list[str] = page.eval_on_selector_all(
        'table[class*="skill-table-level-"] > caption .caption-text',
        'captions => captions.map(c => c.innerText.trim())',
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


# --- level picker on role pages ---------------------------------------------------------------


def role_static_order(page: Page) -> list[str]:
    """The skills in the order of the role page's first level table."""
    classes: list[str] = page.eval_on_selector_all(
        f'table.skill-table-level-{LEVEL_IDS[0]} tbody tr', 'rows => rows.map(row => row.className)'
    )
    return [class_value(name, 'skill-of-') for name in classes]


def compare_cells(page: Page, skill_id: str) -> list[dict[str, Any]]:
    """The two cells of *skill_id*'s row in the comparison: text and box on the screen."""
    cells: list[dict[str, Any]] = page.eval_on_selector_all(
        f'table.skill-compare-table tr.skill-of-{skill_id} > td',
        """cells => cells.map(cell => {
            const box = cell.getBoundingClientRect();
            const text = cell.innerText.trim().split(/\\s+/).join(' ');
            return {text: text, x: box.x, y: box.y, width: box.width};
        })""",
    )
    return cells


@pytest.mark.parametrize('language', LANGUAGES)
def test_role_page_compares_middle_with_senior(page: Page, language: str) -> None:
    """The ML Engineer's expectations in PyTorch at Middle and at Senior, side by side."""
    page.goto(f'{language}/roles/ml-engineer.html')
    texts, names = static_texts(page, 'skill-of-'), level_names(page)
    middle, senior = LEVEL_IDS.index('middle'), LEVEL_IDS.index('senior')
    choose(page, 'middle', 'senior')
    assert query(page) == {'level': ['middle'], 'target': ['senior']}

    def side_by_side(tab: Page) -> None:
        assert tab.input_value('.skill-explorer select[name=level]') == 'middle'
        assert tab.input_value('.skill-explorer select[name=target]') == 'senior'
        headers = tab.eval_on_selector_all(
            'table.skill-compare-table thead th', 'ths => ths.map(t => t.innerText)'
        )
        assert headers[1:] == [names[middle], names[senior]]
        left, right = compare_cells(tab, 'pytorch')
        assert texts[('pytorch', 'middle')] in left['text']
        assert texts[('pytorch', 'senior')] in right['text']
        assert left['text'] != right['text']
        assert abs(left['y'] - right['y']) < 1  # one row
        assert left['x'] + left['width'] <= right['x'] + 1  # Middle on the left, Senior on its right
        assert tab.is_hidden('table.skill-table-level-middle')  # the level tables make way

    side_by_side(page)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f'role-compare-{language}-ml-engineer-middle-senior.png'
    page.locator('div.skill-explorer').screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    page.reload()
    assert query(page) == {'level': ['middle'], 'target': ['senior']}
    side_by_side(page)


@pytest.mark.parametrize('role', ROLE_IDS)
@pytest.mark.parametrize('language', LANGUAGES)
def test_role_page_shows_what_changes_first(page: Page, language: str, role: str) -> None:
    """Each level against the next, across every skill of the role: changed flags first, marked."""
    page.goto(f'{language}/roles/{role}.html')
    texts, order = static_texts(page, 'skill-of-'), role_static_order(page)
    assert sorted(order) == sorted(role_skills(role))
    assert page.query_selector('.skill-explorer-roles') is None  # no role filter on a role page
    for current, target in itertools.pairwise(LEVEL_IDS):
        choose(page, current)
        assert query(page) == {'level': [current], 'target': [target]}
        required = {skill: SKILLS[skill]['roles'][role] for skill in order}
        becomes = [
            skill
            for skill in order
            if not required[skill][current]['required'] and required[skill][target]['required']
        ]
        drops = [
            skill
            for skill in order
            if required[skill][current]['required'] and not required[skill][target]['required']
        ]
        rest = [skill for skill in order if skill not in becomes and skill not in drops]
        rows = compare_rows(page)
        assert [class_value(row['classes'], 'skill-of-') for row in rows] == becomes + drops + rest
        for row in rows:
            skill = class_value(row['classes'], 'skill-of-')
            changed = skill in becomes or skill in drops
            assert ('skill-compare-changed' in row['classes'].split()) is changed
            assert bool(row['change'].strip()) is changed
            for cell, level in zip(row['cells'], (current, target), strict=True):
                assert texts[(skill, level)] in cell['text']
                flag = 'skill-required' if required[skill][level]['required'] else 'skill-optional'
                assert flag in cell['classes'].split()
        status = page.inner_text('.skill-explorer-status')
        assert f'{len(becomes) + len(drops)}' in status
        assert f'{len(rows)}' in status
        links = page.eval_on_selector_all(
            'table.skill-compare-table tbody th a', 'links => links.map(a => a.getAttribute("href"))'
        )
        assert [link.split('#')[0] for link in links] == [
            f'../skills/{row}.html' for row in becomes + drops + rest
        ]


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
            links = tab.eval_on_selector_all('a.language-link', 'links => links.map(link => link.href)')
            assert links
            assert not any('?' in link for link in links)
        for role in ROLE_IDS:  # a role page: its level tables, every skill of the role at each level
            tab.goto(f'{language}/roles/{role}.html?level=middle&target=senior')
            assert len(visible_rows(tab)) == len(role_skills(role)) * len(LEVEL_IDS)
            assert tab.query_selector('.skill-explorer-form') is None
    finally:
        context.close()


# --- on a phone, on paper --------------------------------------------------------------------

PHONE = {'width': 390, 'height': 844}
READING = [  # a skill page, a role page, a role page comparing two levels
    f'skills/{max(SKILLS, key=lambda skill: len(SKILLS[skill]["roles"]))}.html',
    f'roles/{max(ROLE_IDS, key=lambda role: len(role_skills(role)))}.html',
    f'roles/{max(ROLE_IDS, key=lambda role: len(role_skills(role)))}.html?level=middle&target=senior',
]
CARD_ROWS = 'tr.skill-row, table.skill-compare-table tbody tr'


def artifact_name(language: str, path: str, kind: str, suffix: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    name = re.sub(r'[^a-z0-9]+', '-', path.replace('.html', '').lower()).strip('-')
    return ARTIFACTS / f'{kind}-{language}-{name}.{suffix}'


def card_layout(page: Page) -> list[dict[str, Any]]:
    """Each visible row of a table of expectations: its cells' boxes and the label shown above
    each (the ::before content), the column heads of its table and their boxes."""
    rows: list[dict[str, Any]] = page.eval_on_selector_all(
        CARD_ROWS,
        """rows => rows.filter(row => row.offsetParent !== null).map(row => {
            const box = element => {
                const rect = element.getBoundingClientRect();
                return {x: rect.x, y: rect.y, width: rect.width, height: rect.height};
            };
            const table = row.closest('table');
            return {
                row: box(row),
                cells: Array.from(row.cells).map(cell => ({
                    box: box(cell),
                    label: getComputedStyle(cell, '::before').content,
                })),
                heads: Array.from(table.tHead.rows[0].cells).map(cell => cell.innerText.trim()),
                head: box(table.tHead),
            };
        })""",
    )
    return rows


@pytest.mark.parametrize('path', READING)
@pytest.mark.parametrize('language', LANGUAGES)
def test_a_phone_shows_each_row_as_a_card(browser: Browser, server: str, language: str, path: str) -> None:
    context = browser.new_context(base_url=f'{server}/', viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(f'{language}/{path}')
        rows = card_layout(tab)
        assert rows
        for row in rows:
            cells = row['cells']
            assert len(cells) == len(row['heads']) == 3
            for above, below in itertools.pairwise(cells):  # stacked: one under the other
                assert below['box']['y'] >= above['box']['y'] + above['box']['height'] - 1
                assert abs(below['box']['x'] - above['box']['x']) < 1
            for cell in cells:  # as wide as the card, which fits the screen
                assert cell['box']['width'] >= row['row']['width'] - 2 * 16
                assert row['row']['x'] >= 0
                assert row['row']['x'] + row['row']['width'] <= PHONE['width']
            # each value under its column's name, in the page's language
            assert [cell['label'] for cell in cells] == [f'"{head}"' for head in row['heads']]
            assert row['head']['height'] <= 1  # the column heads are out of sight
        assert tab.evaluate('document.documentElement.scrollWidth') <= PHONE['width']  # no sideways scrolling
        shot = artifact_name(language, path, 'phone', 'png')
        tab.locator(
            'table:is([class*="skill-table-level-"], .skill-compare-table):visible >> nth=0'
        ).screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000

        tab.set_viewport_size({'width': 1280, 'height': 900})  # on a wide screen: a table again
        for row in card_layout(tab):
            assert len({round(cell['box']['y']) for cell in row['cells']}) == 1
            assert row['head']['height'] > 10
    finally:
        context.close()


def pdf_pages(path: Path) -> list[str]:
    """The text of each page of a PDF, in the order it was drawn (pdftotext -raw)."""
    result = subprocess.run(['pdftotext', '-raw', str(path), '-'], capture_output=True, text=True, check=True)
    return result.stdout.split('\f')[:-1]


def squeezed(text: str) -> str:
    """*text* without white space: lines break differently on paper."""
    return re.sub(r'\s+', '', text)


@pytest.mark.parametrize('path', READING)
@pytest.mark.parametrize('language', LANGUAGES)
def test_a_printed_page_is_a_handout(page: Page, language: str, path: str) -> None:
    if shutil.which('pdftotext') is None:
        pytest.skip('pdftotext is missing: run tools/install-system-packages.sh (poppler-utils)')
    page.goto(f'{language}/{path}')
    on_screen = {  # what the screen shows besides the content
        'languages': page.eval_on_selector_all(
            '.sidebar-languages a', 'links => links.map(a => a.innerText.trim())'
        ),
        'intro': page.inner_text('.skill-explorer-intro'),
    }
    assert on_screen['languages']
    rows: list[dict[str, str]] = page.eval_on_selector_all(
        CARD_ROWS,
        """rows => rows.filter(row => row.offsetParent !== null).map(row => ({
            text: row.innerText, head: row.closest('table').tHead.innerText,
        }))""",
    )
    assert rows

    page.emulate_media(media='print')
    hidden = page.evaluate(
        """selectors => selectors.map(selector => Array.from(document.querySelectorAll(selector))
            .every(node => node.getClientRects().length === 0))""",
        PRINT_HIDDEN,
    )
    assert dict(zip(PRINT_HIDDEN, hidden, strict=True)) == dict.fromkeys(PRINT_HIDDEN, True)
    assert page.is_visible('article[role=main] h1')
    styles = page.eval_on_selector_all(
        'table:is(.skill-table, .skill-compare-table):not([hidden])',
        """tables => tables.map(table => [
            getComputedStyle(table.tHead).display,
            Array.from(table.tBodies[0].rows).map(row => getComputedStyle(row).breakInside),
        ])""",
    )
    for head_display, breaks in styles:
        assert head_display == 'table-header-group'  # repeated on each page the table goes on
        assert set(breaks) == {'avoid'}  # a row is never split
    shot = artifact_name(language, path, 'print', 'png')
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000

    pdf = artifact_name(language, path, 'print', 'pdf')
    page.pdf(path=str(pdf), format='A4')
    pages = [squeezed(text) for text in pdf_pages(pdf)]
    for row in rows:  # every row whole on one page, below its table's column heads
        holding = [index for index, text in enumerate(pages) if squeezed(row['text']) in text]
        assert len(holding) == 1, row['text'][:80]
        text = pages[holding[0]]
        assert -1 < text.find(squeezed(row['head'])) < text.find(squeezed(row['text']))
    printed = ''.join(pages)
    for language_name in on_screen['languages']:
        assert squeezed(language_name) not in printed
    assert squeezed(on_screen['intro']) not in printed
    heads = {squeezed(row['head']) for row in rows}
    if path.startswith('skills/'):  # its five tables run over several pages: heads repeated there
        tables = len(page.query_selector_all('table[class*="skill-table-level-"]'))
        assert sum(printed.count(head) for head in heads) > tables


PRINT_HIDDEN = [
    '.sidebar-drawer',
    '.toc-drawer',
    '.mobile-header',
    '.skill-explorer-form',
    '.skill-downloads',
    '.headerlink',
]
# --- links to a cell (issue 17) ---------------------------------------------------------------

LINKED_SKILL, LINKED_LEVEL, LINKED_ROLE = 'pytorch', 'senior', 'ml-engineer'
LINKED_CELL = f'{LINKED_SKILL}-{LINKED_LEVEL}-{LINKED_ROLE}'  # the id the contributor guide documents


def ui_label(language: str, msgid: str) -> str:
    """*msgid* as the extension's catalog translates it (read here with babel, not with the extension)."""
    if language == 'en':
        return msgid
    path = REPO / '_ext' / 'skill_matrix' / 'locale' / language / 'LC_MESSAGES' / 'skill_matrix.po'
    with path.open('rb') as file:
        message = read_po(file)[msgid]
    assert message is not None
    assert message.string
    return str(message.string)


def is_linked_and_in_view(page: Page, element_id: str) -> bool:
    """The element is the page's :target, shown, and (once any smooth scrolling ends) in view."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout  # the browser fixture checked it

    try:
        page.wait_for_function(
            """id => {
                const node = document.getElementById(id);
                const box = node.getBoundingClientRect();
                return node.matches(':target') && node.offsetParent !== null
                    && box.top >= 0 && box.bottom <= window.innerHeight;
            }""",
            arg=element_id,
            timeout=5000,
        )
    except PlaywrightTimeout:
        return False
    return True


def test_a_link_to_a_cell_keeps_its_row_and_comparison_in_another_language(page: Page) -> None:
    assert LINKED_ROLE in SKILLS[LINKED_SKILL]['roles']
    current, target = LEVEL_IDS[1], LINKED_LEVEL
    page.goto(f'de/skills/{LINKED_SKILL}.html?level={current}&target={target}#{LINKED_CELL}')
    compared = compare_rows(page)
    assert [class_value(row['classes'], 'skill-role-') for row in compared] == skill_roles(LINKED_SKILL)
    # The comparison hides the tables; the linked row is shown anyway, marked, scrolled to, and said.
    assert is_linked_and_in_view(page, LINKED_CELL)
    assert page.eval_on_selector_all(
        f'#{LINKED_SKILL}-{LINKED_LEVEL} tbody tr',
        'rows => rows.filter(row => !row.hidden).map(row => row.id)',
    ) == [LINKED_CELL]
    role_name = page.inner_text(f'#{LINKED_CELL} > :first-child').strip()
    level_name = page.inner_text(f'#{LINKED_SKILL}-{LINKED_LEVEL} > caption .caption-text').strip()
    status = page.inner_text('.skill-explorer-status')
    assert role_name in status
    assert level_name in status

    page.click('a.language-link[hreflang="zh-CN"]')
    page.wait_for_url(f'**/zh_CN/skills/{LINKED_SKILL}.html**')
    address = urlsplit(page.url)
    assert address.fragment == LINKED_CELL
    assert query(page) == {'level': [current], 'target': [target]}
    assert page.input_value('.skill-explorer select[name=level]') == current
    assert page.input_value('.skill-explorer select[name=target]') == target
    assert [(row['classes'], [cell['classes'] for cell in row['cells']]) for row in compare_rows(page)] == [
        (row['classes'], [cell['classes'] for cell in row['cells']]) for row in compared
    ]
    assert is_linked_and_in_view(page, LINKED_CELL)
    assert page.get_attribute('html', 'lang') == 'zh-CN'

    require_axe()
    assert serious_violations(page) == []


@pytest.mark.parametrize('language', LANGUAGES)
def test_link_to_this_row_is_reachable_by_keyboard_and_named_in_the_language(
    page: Page, language: str
) -> None:
    page.goto(f'{language}/skills/{LINKED_SKILL}.html')
    cells = sum(len(levels) for levels in SKILLS[LINKED_SKILL]['roles'].values())
    row_links = page.get_by_role('link', name=ui_label(language, 'Link to this row'), exact=True)
    table_links = page.get_by_role('link', name=ui_label(language, 'Link to this table'), exact=True)
    assert row_links.count() == cells
    assert table_links.count() == len(LEVEL_IDS)
    assert row_links.first.is_visible()
    for _ in range(200):  # Tab from the start of the page to the first row's link
        page.keyboard.press('Tab')
        if page.evaluate("document.activeElement.matches('tr.skill-row a.skill-link')"):
            break
    else:
        pytest.fail('no row link can be reached with the Tab key')
    row_id = page.evaluate("document.activeElement.closest('tr').id")
    page.keyboard.press('Enter')
    assert urlsplit(page.url).fragment == row_id
    assert is_linked_and_in_view(page, row_id)


def test_the_role_filter_gives_way_to_a_linked_row(page: Page) -> None:
    others = [role for role in skill_roles(LINKED_SKILL) if role != LINKED_ROLE]
    page.goto(f'en/skills/{LINKED_SKILL}.html?roles={",".join(others)}#{LINKED_CELL}')
    assert not page.is_checked(f'.skill-explorer input[value="{LINKED_ROLE}"]')
    assert is_linked_and_in_view(page, LINKED_CELL)
    assert 'ML Engineer' in page.inner_text('.skill-explorer-status')
    assert sorted(visible_rows(page)) == sorted([*others * len(LEVEL_IDS), LINKED_ROLE])
    page.uncheck(f'.skill-explorer input[value="{others[0]}"]')  # the reader's own choice decides again
    assert LINKED_ROLE not in visible_rows(page)


def test_the_landing_page_passes_a_fragment_on(page: Page) -> None:
    page.goto(f'index.html?level={LEVEL_IDS[1]}#{LINKED_CELL}')
    hrefs = page.eval_on_selector_all(
        'ul a[hreflang]', 'links => links.map(link => link.getAttribute("href"))'
    )
    assert hrefs == [f'{language}/index.html?level={LEVEL_IDS[1]}#{LINKED_CELL}' for language in LANGUAGES]


# --- accessibility ----------------------------------------------------------------------------

AUDITED = [
    *(f'skills/{skill_id}.html?level={LEVEL_IDS[1]}' for skill_id in sorted(SKILLS)),  # compare view
    f'skills/{sorted(SKILLS)[0]}.html',
    'roles/index.html',
    *(f'roles/{role}.html' for role in ROLE_IDS),
    *(f'roles/{role}.html?level=middle&target=senior' for role in ROLE_IDS),  # compare view
    'index.html',  # the catalog: search form, domains, groups, skills
    'domains/machine-learning-ai.html',
]


@pytest.mark.parametrize('path', AUDITED)
@pytest.mark.parametrize('language', LANGUAGES)
def test_no_serious_accessibility_violations(page: Page, language: str, path: str) -> None:
    require_axe()
    page.goto(f'{language}/{path}')
    if '?level=' in path:
        assert page.is_visible('table.skill-compare-table')  # the audit sees the compare view
    assert serious_violations(page) == []


@pytest.mark.parametrize('path', READING)
@pytest.mark.parametrize('language', LANGUAGES)
def test_no_serious_accessibility_violations_on_a_phone(
    browser: Browser, server: str, language: str, path: str
) -> None:
    require_axe()
    context = browser.new_context(base_url=f'{server}/', viewport=PHONE)
    try:
        tab = context.new_page()
        tab.goto(f'{language}/{path}')
        assert (
            tab.eval_on_selector('tr.skill-row', 'row => getComputedStyle(row).display') == 'block'
        )  # cards
        assert serious_violations(tab) == []
    finally:
        context.close()
