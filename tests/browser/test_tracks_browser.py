"""Level tracks in a real browser: roots/test-tracks has eight levels, a shared start that forks
after "Senior Engineer 1" into an individual contributor and a people manager track. The level
picker, the role pages' career path and the growth plan follow the tracks.

Expected texts come from the root's YAML files (test-side reading) and are written out here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import PLAN_RENDERED, ROOTS, open_tab, read_yaml, served_root, squeeze

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

DATA = ROOTS / 'test-tracks' / 'data'
NAMES = {level['id']: level['name'] for level in read_yaml(DATA / 'levels.yaml')['levels']}
PYTHON = read_yaml(DATA / 'skills' / 'python.yaml')['roles']


@pytest.fixture(scope='module')
def tracks_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_root('tracks', tmp_path_factory.mktemp('tracks')) as url:
        yield url


@pytest.fixture
def tab(browser: Browser, tracks_url: str) -> Iterator[Page]:
    with open_tab(browser, f'{tracks_url}/', viewport={'width': 1280, 'height': 900}) as page:
        yield page


def options(page: Page, selector: str) -> list[str]:
    values: list[str] = page.eval_on_selector_all(
        f'{selector} option', 'options => options.map(o => o.value)'
    )
    return values


def option_texts(page: Page, selector: str) -> dict[str, str]:
    pairs = page.eval_on_selector_all(
        f'{selector} option', 'options => options.map(o => [o.value, o.textContent])'
    )
    return dict(pairs)


@pytest.mark.parametrize('address', ['python.html', 'roles/backend-engineer.html'])
def test_the_level_pickers_targets_follow_the_tracks(tab: Page, address: str) -> None:
    tab.goto(address)
    target = '.skill-explorer select[name=target]'
    tab.select_option('.skill-explorer select[name=level]', 'senior-1')
    assert options(tab, target) == ['senior-2-ic', 'staff-ic', 'principal-ic', 'senior-2-pm', 'manager-pm']
    assert tab.eval_on_selector(target, 'select => select.value') == 'senior-2-ic'
    tab.select_option('.skill-explorer select[name=level]', 'senior-2-ic')
    assert options(tab, target) == ['staff-ic', 'principal-ic']
    tab.select_option('.skill-explorer select[name=level]', 'staff-ic')
    assert options(tab, target) == ['principal-ic']
    tab.select_option('.skill-explorer select[name=level]', 'senior-2-pm')
    assert options(tab, target) == ['manager-pm']
    headers = tab.eval_on_selector_all(
        'table.skill-compare-table thead th', 'cells => cells.map(c => c.textContent)'
    )
    assert headers[1:] == [NAMES['senior-2-pm'], NAMES['manager-pm']]
    tab.select_option('.skill-explorer select[name=level]', 'principal-ic')
    assert tab.eval_on_selector(target, 'select => select.disabled')


def test_a_link_to_a_target_on_another_track_gets_the_next_level(tab: Page) -> None:
    tab.goto('python.html?level=senior-2-ic&target=manager-pm')
    assert tab.eval_on_selector('.skill-explorer select[name=target]', 'select => select.value') == 'staff-ic'


def test_the_career_path_names_each_levels_next_levels(tab: Page) -> None:
    tab.goto('roles/backend-engineer.html')
    rows = tab.eval_on_selector_all(
        'table.skill-career-path tbody tr',
        'rows => rows.map(row => Array.from(row.cells).map(cell => cell.innerText.trim()))',
    )
    assert [row[0] for row in rows] == list(NAMES.values())  # the file's order
    following = {row[0]: row[3] for row in rows}
    assert following[NAMES['senior-1']] == f'{NAMES["senior-2-ic"]}, {NAMES["senior-2-pm"]}'
    assert following[NAMES['staff-ic']] == NAMES['principal-ic']
    assert following[NAMES['principal-ic']] == '—'
    assert following[NAMES['senior-2-pm']] == NAMES['manager-pm']


def plan_items(page: Page, skill: str) -> list[tuple[str, str, str]]:
    """The items shown for *skill*: level, text before, text now."""
    found = page.eval_on_selector_all(
        f'article[data-skill="{skill}"] li.skill-plan-item',
        """items => items.map(item => [item.dataset.level,
            item.querySelector('.skill-plan-before p:last-child').textContent,
            item.querySelector('.skill-plan-now p:last-child').textContent])""",
    )
    return [tuple(item) for item in found]


def text(level: str) -> str:
    return squeeze(PYTHON['backend-engineer'][level]['description'])


def test_the_plan_follows_one_track(tab: Page) -> None:
    tab.goto('plan.html?role=backend-engineer&current=senior-1')
    tab.wait_for_selector(PLAN_RENDERED)
    assert tab.eval_on_selector('#skill-plan-target', 'select => select.value') == 'senior-2-ic'
    tab.get_by_label('Target level', exact=True).select_option('principal-ic')
    assert plan_items(tab, 'python') == [
        ('senior-2-ic', text('senior-1'), text('senior-2-ic')),
        ('staff-ic', text('senior-2-ic'), text('staff-ic')),
        ('principal-ic', text('staff-ic'), text('principal-ic')),
    ]
    # the manager track's levels, between them in the file, are not on the way
    tab.get_by_label('Target level', exact=True).select_option('manager-pm')
    assert plan_items(tab, 'python') == [
        ('senior-2-pm', text('senior-1'), text('senior-2-pm')),
        ('manager-pm', text('senior-2-pm'), text('manager-pm')),
    ]


def test_a_target_on_another_track_is_offered_with_its_path(tab: Page) -> None:
    tab.goto('plan.html?role=backend-engineer&current=staff-ic')
    tab.wait_for_selector(PLAN_RENDERED)
    assert tab.eval_on_selector('#skill-plan-target', 'select => select.value') == 'principal-ic'
    via = f'via {NAMES["senior-1"]} → {NAMES["senior-2-pm"]}'
    labels = option_texts(tab, '#skill-plan-target')
    assert labels['manager-pm'] == f'{NAMES["manager-pm"]} ({via})'
    assert labels['principal-ic'] == NAMES['principal-ic']
    tab.get_by_label('Target level', exact=True).select_option('manager-pm')
    assert plan_items(tab, 'python') == [
        ('senior-2-pm', text('senior-1'), text('senior-2-pm')),
        ('manager-pm', text('senior-2-pm'), text('manager-pm')),
    ]
    assert f'({via})' in tab.inner_text('.skill-plan-summary')
    with tab.expect_download() as info:
        tab.get_by_role('button', name='Download Markdown').click()
    markdown = Path(info.value.path()).read_text(encoding='utf-8')
    assert f'- Target level: {NAMES["manager-pm"]} ({via})\n' in markdown
    assert f'- [ ] {NAMES["manager-pm"]}: {text("manager-pm")} (Required)\n' in markdown
    with tab.expect_download() as info:
        tab.get_by_role('button', name='Download CSV').click()
    rows = Path(info.value.path()).read_text(encoding='utf-8-sig').splitlines()
    assert [row.split('","')[3] for row in rows[1:]] == [
        NAMES['senior-2-pm'],
        NAMES['manager-pm'],
        NAMES['senior-2-pm'],
        NAMES['manager-pm'],
    ]
    # choosing a current level on the other track sets the target to its next level
    tab.get_by_label('Current level', exact=True).select_option('senior-2-pm')
    assert tab.eval_on_selector('#skill-plan-target', 'select => select.value') == 'manager-pm'
    tab.get_by_label('Current level', exact=True).select_option('senior-2-ic')
    assert tab.eval_on_selector('#skill-plan-target', 'select => select.value') == 'staff-ic'
