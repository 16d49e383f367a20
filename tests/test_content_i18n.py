"""Content from YAML is translated through the page catalogs, as plain text, and marked when not."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import ROOTS, html, text_of, warnings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

CATALOGS = ROOTS / 'test-i18n' / 'locale'


def translations(language: str) -> dict[str, str]:
    """msgid → msgstr of the root's catalog, fuzzy entries left out (read with Babel, not Sphinx)."""
    from babel.messages.pofile import read_po

    with (CATALOGS / language / 'LC_MESSAGES' / 'site.po').open('rb') as po:
        return {m.id: m.string for m in read_po(po) if m.id and m.string and not m.fuzzy}


@pytest.mark.parametrize('language', ['de', 'zh_CN'])
def test_title_role_and_description_are_translated_verbatim(
    build: Callable[..., SphinxTestApp], language: str
) -> None:
    app = build('i18n', 'html', language=language)
    catalog = translations(language)
    page = html(app, 'testing')
    assert text_of(page.h1).rstrip('#¶ ') == catalog['Automated Testing']
    cells = [text_of(td) for td in page.select('tr.skill-row td')]
    assert catalog['Backend Engineer'] in cells
    description = 'Adds regression tests for each bug it fixes, using *args fixtures and `mocks`.'
    assert catalog[description] in cells
    assert description not in cells
    overview = html(app, 'index').select_one('tr.skill-overview-row a')
    assert text_of(overview) in {catalog['Automated Testing'], 'SQL'}


def test_markup_in_a_translated_description_is_shown_as_written(build: Callable[..., SphinxTestApp]) -> None:
    app = build('i18n', 'html', language='de')
    page = html(app, 'testing')
    translated = translations('de')['Coaches the team on test design <em>and</em> review checklists.']
    assert translated in [text_of(td) for td in page.select('tr.skill-row td')]
    assert page.select('tr.skill-row td em') == []
    assert 'testing.rst' not in warnings(app)  # no markup warning for YAML text


def test_untranslated_and_fuzzy_text_falls_back_to_english_and_is_marked(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build('i18n', 'html', language='de')
    page = html(app, 'testing')
    fuzzy = page.find('p', string='Writes unit tests for small functions with pytest fixtures.')
    assert fuzzy is not None
    assert 'untranslated' in fuzzy['class']
    identical = page.find('p', string='QA Engineer')
    assert 'translated' in identical['class']


def test_broken_markup_in_a_prose_translation_warns_and_the_page_builds(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build('i18n', 'html', language='de')
    assert 'sql.rst:4:<translated>:1: WARNING: Inline emphasis start-string without end-string.' in warnings(
        app
    )
    assert len(html(app, 'sql').select('tr.skill-row')) == 5
