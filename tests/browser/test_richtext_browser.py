"""Rich text in cells in a real browser (roots/test-richtext): the growth plan's items and its
downloads show a rich cell's plain form, a list item per line, never its Markdown; the search
finds a rich cell's words; a link to a rich row opens at that row."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from conftest import PLAN_RENDERED, open_tab, served_root

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

MARKDOWN = ('**', '`', '*linters*', '](')


@pytest.fixture(scope='module')
def richtext_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with served_root('richtext', tmp_path_factory.mktemp('richtext')) as url:
        yield url


@pytest.fixture
def tab(browser: Browser, richtext_url: str) -> Iterator[Page]:
    with open_tab(browser, f'{richtext_url}/', viewport={'width': 1280, 'height': 900}) as page:
        yield page


def lines(text: str) -> list[str]:
    return [' '.join(line.split()) for line in text.splitlines() if line.strip()]


def test_plan_items_show_the_plain_form_a_list_item_per_line(tab: Page) -> None:
    tab.goto('plan.html?role=backend-engineer&current=junior&target=middle')
    tab.wait_for_selector(PLAN_RENDERED)
    item = tab.locator('article[data-skill="craft"] li.skill-plan-item[data-level="middle"]')
    now = item.locator('.skill-plan-now p:last-child').inner_text()
    before = item.locator('.skill-plan-before p:last-child').inner_text()
    assert lines(now) == [
        'Owns a service end to end:',
        '- designs its API',
        '- reads the style guide (https://example.org/style?a=1&b=2)',
    ]
    assert lines(before) == [
        '1. Writes well-tested code for small test solutions.',
        '2. Uses tooling such as pytest and linters daily.',
    ]
    for mark in MARKDOWN:
        assert mark not in now + before


@pytest.mark.parametrize('button', ['Download CSV', 'Download Markdown'])
def test_plan_downloads_hold_the_plain_form(tab: Page, button: str) -> None:
    tab.goto('plan.html?role=backend-engineer&current=junior&target=middle')
    tab.wait_for_selector(PLAN_RENDERED)
    with tab.expect_download() as info:
        tab.get_by_role('button', name=button).click()
    text = Path(info.value.path()).read_text(encoding='utf-8-sig')
    assert 'designs its API' in text
    assert 'reads the style guide (https://example.org/style?a=1&b=2)' in text
    assert '**designs**' not in text
    assert '[style guide]' not in text


def test_search_finds_a_rich_cells_words(tab: Page) -> None:
    tab.goto('search.html?q=linters')
    results = tab.locator('ul.search li')
    results.first.wait_for()
    assert results.count() == 1
    assert results.first.locator('a').first.inner_text() == 'Craft'
    summary = results.first.inner_text()
    assert '*linters*' not in summary


@pytest.mark.parametrize('address', ['craft.html', 'roles/backend-engineer.html'])
def test_a_link_to_a_rich_row_opens_at_it(tab: Page, address: str) -> None:
    tab.goto(f'{address}#craft-middle-backend-engineer')
    row = tab.locator('tr:target')
    assert row.get_attribute('id') == 'craft-middle-backend-engineer'
    assert row.locator('ul > li').count() == 2
    box = row.bounding_box()
    assert box is not None
    assert 0 <= box['y'] < 900  # scrolled into view
