"""Examples per cell in the growth plan, in a real browser: roots/test-examples, whose middle
backend cell of Mentoring has one example (with a link) and whose junior cell has two."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import open_tab, served_root

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Locator, Page


@pytest.fixture(scope='module')
def examples_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_root('examples', tmp_path_factory.mktemp('examples')) as url:
        yield url


@pytest.fixture
def tab(browser: Browser, examples_url: str) -> Iterator[Page]:
    with open_tab(browser, f'{examples_url}/', viewport={'width': 1280, 'height': 900}) as page:
        yield page


def test_the_plans_items_show_their_examples_collapsed(tab: Page) -> None:
    tab.goto('plan.html?role=backend-engineer&current=junior&target=middle')
    item = tab.locator('article[data-skill="mentoring"] li.skill-plan-item[data-level="middle"]')
    item.wait_for()
    details = item.locator('.skill-plan-now details.skill-plan-examples')
    assert details.locator('summary').inner_text() == 'Example (1)'
    example = details.locator('li')
    assert not example.is_visible()  # collapsed
    details.locator('summary').click()
    assert example.is_visible()
    assert example.inner_text() == (
        'Followed the review guide (https://example.org/reviews?team=a&b=1) in every review.'
    )
    # the level before has examples too, but an item shows those of the level it reaches
    assert item.locator('.skill-plan-before details').count() == 0
    with tab.expect_download() as info:
        tab.get_by_role('button', name='Download Markdown').click()
    markdown = Path(info.value.path()).read_text(encoding='utf-8')
    assert (
        '- [ ] Middle: Reviews the code of others. (Required)\n'
        '  - Example (1)\n'
        '    - Followed the review guide (https://example.org/reviews?team=a&b=1) in every review.\n'
    ) in markdown


def test_an_item_without_examples_has_none(tab: Page) -> None:
    tab.goto('plan.html?role=backend-engineer&current=middle&target=senior')
    item = tab.locator('article[data-skill="mentoring"] li.skill-plan-item[data-level="senior"]')
    item.wait_for()
    assert item.locator('details').count() == 0
    assert item.locator('.skill-plan-now p').last.inner_text() == 'Mentors two engineers.'


def compare_cell(tab: Page, role: str, level: str) -> Locator:
    """The level picker's comparison cell of *role* at *level*."""
    row = f'table.skill-compare-table tr.skill-compare-row.skill-role-{role}'
    return tab.locator(f'{row} td.skill-level-{level}')


def test_the_level_pickers_comparison_shows_a_cells_examples_collapsed(tab: Page) -> None:
    """As in the page's tables: under the description, "Example (1)", opened on a click."""
    tab.goto('mentoring.html?level=junior&target=middle')
    cell = compare_cell(tab, 'backend-engineer', 'middle')
    cell.wait_for()
    details = cell.locator('details.skill-examples')
    assert details.locator('summary').inner_text() == 'Example (1)'
    example = details.locator('li')
    assert not example.is_visible()
    details.locator('summary').click()
    assert example.inner_text() == (
        'Followed the review guide (https://example.org/reviews?team=a&b=1) in every review.'
    )
    junior = compare_cell(tab, 'backend-engineer', 'junior')
    assert junior.locator('details.skill-examples summary').inner_text() == 'Examples (2)'
    assert junior.locator('details.skill-examples li').all_text_contents() == [  # collapsed: not rendered
        'Asked for a review of a small change and applied the feedback the same day.',
        'Wrote a short design note with:\n- the problem\n- two options and their trade-offs',
    ]
    qa = compare_cell(tab, 'qa-engineer', 'middle')
    assert qa.locator('details').count() == 0  # no examples: nothing under the description


def test_the_plans_csv_has_the_examples_column(tab: Page) -> None:
    """As in the skill's CSV download: each example after a bullet, its other lines indented."""
    tab.goto('plan.html?role=backend-engineer&current=junior&target=middle')
    tab.locator('article[data-skill="mentoring"] li.skill-plan-item').first.wait_for()
    with tab.expect_download() as info:
        tab.get_by_role('button', name='Download CSV').click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_text(encoding='utf-8-sig'))))
    assert rows[0][5:7] == ['Description', 'Examples']
    middle = next(row for row in rows[1:] if row[3] == 'Middle')
    assert middle[5:7] == [
        'Reviews the code of others.',
        '• Followed the review guide (https://example.org/reviews?team=a&b=1) in every review.',
    ]
