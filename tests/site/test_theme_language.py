"""The theme speaks the page's language: no English word of Furo or Sphinx is left on a German or
Chinese page, neither in the visible text nor in what screen readers announce (``aria-label``,
``title``, the icons' ``<title>``, ``placeholder``, ``alt``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from pathlib import Path

# The theme's English words, written down here from Furo's and Sphinx's templates (not read
# from the code under test): each of them is on every page of an English build.
THEME_WORDS = (
    'Skip to content',
    'Back to top',
    'Next',
    'Previous',
    'Home',
    'On this page',
    'Copyright',
    'Made with',
    "'s",
    'Contents',
    'Menu',
    'Expand',
    'Light mode',
    'Dark mode',
    'Auto light/dark',
    'Toggle',
    'Link to this heading',
    'Search',
    'Please activate JavaScript',
    'Error',
)
PAGES = ('index', 'skills/pytorch', 'roles/ml-engineer', 'plan', 'guide/translating', 'search')


def announced(soup: BeautifulSoup) -> list[str]:
    """What a screen reader may announce besides the text: names, titles, placeholders."""
    body = soup.body
    assert body is not None
    names = [
        str(element[attribute])
        for attribute in ('aria-label', 'title', 'placeholder', 'alt')
        for element in body.select(f'[{attribute}]')
    ]
    return names + [title.get_text() for title in body.select('svg title, symbol title')]


def visible_text(soup: BeautifulSoup) -> str:
    body = BeautifulSoup(str(soup.body), 'html.parser')
    for hidden in body.select('script, style, svg, article'):  # the article is content, not theme
        hidden.decompose()
    return ' '.join(body.get_text(' ').split())


def english_words(texts: list[str]) -> set[str]:
    """Each theme word found in *texts*, with the text it was found in."""
    return {
        f'{word!r} in {text[:120]!r}'
        for text in texts
        for word in THEME_WORDS
        if re.search(rf'(?<![\w@]){re.escape(word)}(?!\w)', text)
    }


def test_the_english_site_has_the_words_this_test_looks_for(site: Path) -> None:
    soup = BeautifulSoup((site / 'en' / 'skills' / 'pytorch.html').read_text(encoding='utf-8'), 'html.parser')
    found = english_words([visible_text(soup), *announced(soup)])
    missing = {word for word in THEME_WORDS if not any(item.startswith(repr(word)) for item in found)}
    # "Home" follows the start page, "On this page" heads a page's sections, the rest is the search page's.
    assert missing == {'Home', 'On this page', 'Please activate JavaScript', 'Error'}


@pytest.mark.parametrize('language', ['de', 'zh_CN'])
@pytest.mark.parametrize('name', PAGES)
def test_no_english_theme_word_is_left(site: Path, language: str, name: str) -> None:
    soup = BeautifulSoup((site / language / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')
    assert english_words([visible_text(soup), *announced(soup)]) == set()
