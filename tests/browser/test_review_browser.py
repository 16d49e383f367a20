"""Review cycles in Chromium (the git history of conftest's ``review_repo``): the button that hides
and shows the change markers, and an accessibility audit of the review pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import REVIEW_LANGUAGES as LANGUAGES, open_tab, require_axe, serious_violations, serving

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from playwright.sync_api import Browser, Page


@pytest.fixture
def review_tab(browser: Browser, review_html: Path) -> Iterator[Page]:
    """A tab on the review site, served over HTTP on the loopback interface."""
    with serving(review_html) as url, open_tab(browser, f'{url}/') as tab:
        yield tab


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
    require_axe()
    review_tab.goto(f'{language}/{path}')
    assert serious_violations(review_tab) == []
