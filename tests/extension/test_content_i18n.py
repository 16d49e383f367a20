"""Content from YAML is translated through the page catalogs, as plain text, and marked when not."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import ROOTS, html, root_translations, text_of, warnings
from sphinx.locale import init as init_locale, translators

from skill_matrix.nodes.text import page_catalog

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


@pytest.mark.parametrize('language', ['de', 'zh_CN'])
def test_title_role_and_description_are_translated_verbatim(
    build: Callable[..., SphinxTestApp], language: str
) -> None:
    app = build('i18n', 'html', language=language)
    catalog = root_translations(language)
    page = html(app, 'testing')
    assert text_of(page.h1).rstrip('#¶ ') == catalog['Automated Testing']
    cells = [text_of(td) for td in page.select('tr.skill-row td')]
    assert catalog['Backend Engineer'] in cells
    description = 'Adds regression tests for each bug it fixes, using *args fixtures and <mocks>.'
    assert catalog[description] in cells
    assert description not in cells
    overview = html(app, 'index').select_one('tr.skill-overview-row a')
    assert text_of(overview) in {catalog['Automated Testing'], 'SQL'}


def test_markup_in_a_translated_description_is_shown_as_written(build: Callable[..., SphinxTestApp]) -> None:
    app = build('i18n', 'html', language='de')
    page = html(app, 'testing')
    translated = root_translations('de')['Coaches the team on test design <T>and</T> review checklists.']
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


def test_a_message_missing_from_the_catalog_falls_back_to_english_and_is_marked(
    build: Callable[..., SphinxTestApp],
) -> None:
    english = 'Runs the existing test suite before every pull request.'
    assert english not in root_translations('de')
    page = html(build('i18n', 'html', language='de'), 'testing')
    cell = page.find('p', string=english)
    assert cell is not None
    assert 'untranslated' in cell['class']


def test_reviewers_see_the_mark_on_untranslated_text(build: Callable[..., SphinxTestApp]) -> None:
    app = build('i18n', 'html', language='de')
    stylesheets = [link['href'].split('?')[0] for link in html(app, 'testing').select('link[rel=stylesheet]')]
    assert '_static/skill_matrix_i18n.css' in stylesheets
    css = (app.outdir / '_static' / 'skill_matrix_i18n.css').read_text(encoding='utf-8')
    css = re.sub(r'/\*.*?\*/', '', css, flags=re.DOTALL)
    rules = {selector.strip(): body for selector, body in re.findall(r'([^{}]+)\{([^}]*)\}', css)}
    assert 'dashed' in rules['.untranslated']
    assert 'content: "EN"' in rules['.untranslated::before']


def test_each_page_shows_its_translation_progress(build: Callable[..., SphinxTestApp]) -> None:
    # The testing page has 31 translatable texts: title, summary, domain, group, 10 role names,
    # 10 descriptions, 5 level names as the tables' captions and 2 in the sentence above them
    # (none in site.po). Translated (site.po): the title, 5 × "QA Engineer" (identical),
    # 5 × "Backend Engineer" and 2 descriptions = 13; the fuzzy one does not count.
    page = html(build('i18n', 'html', language='de'), 'testing')
    progress = page.select_one('.sidebar-languages .translation-progress')
    assert text_of(progress) == 'Übersetzt: 41 %'
    assert progress['title'] == '13 von 31 Texten dieser Seite sind übersetzt'
    assert 'incomplete' in progress['class']


def test_a_translated_toctree_caption_counts_as_translated(build: Callable[..., SphinxTestApp]) -> None:
    # The index page has 7 translatable texts: its title and paragraph (not in site.po), the
    # overview's two titles and two groups (only "Automated Testing" translated), and the
    # toctree caption "Contents" → "Inhalt". Sphinx alone counts the caption as untranslated.
    page = html(build('i18n', 'html', language='de'), 'index')
    assert text_of(page.select_one('.toctree-wrapper .caption-text')) == 'Inhalt'
    progress = page.select_one('.sidebar-languages .translation-progress')
    assert progress['title'] == '2 von 7 Texten dieser Seite sind übersetzt'


@pytest.mark.parametrize(
    ('language', 'current', 'links'),
    [
        ('de', 'Deutsch', {'English': '../en/testing.html', '简体中文': '../zh_CN/testing.html'}),
        ('zh_CN', '简体中文', {'English': '../en/testing.html', 'Deutsch': '../de/testing.html'}),
    ],
)
def test_the_language_switcher_links_the_same_page_in_the_other_languages(
    build: Callable[..., SphinxTestApp], language: str, current: str, links: dict[str, str]
) -> None:
    switcher = html(build('i18n', 'html', language=language), 'testing').select_one('.sidebar-languages')
    assert {text_of(a): a['href'] for a in switcher.select('a')} == links
    assert text_of(switcher.select_one('[aria-current=page]')) == current


def po_line(language: str, startswith: str) -> int:
    """The line of the .po file that starts with *startswith*, counted test-side."""
    lines = (
        (ROOTS / 'test-i18n' / 'locale' / language / 'LC_MESSAGES' / 'site.po')
        .read_text(encoding='utf-8')
        .splitlines()
    )
    return next(number for number, line in enumerate(lines, 1) if line.startswith(startswith))


def test_broken_markup_in_a_prose_translation_warns_at_its_po_entry_and_the_page_builds(
    build: Callable[..., SphinxTestApp],
) -> None:
    app = build('i18n', 'html', language='de')
    line = po_line('de', 'msgstr "Dieser Absatz hat eine *kaputte')
    po_file = app.srcdir / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po'
    expected = (
        f'{po_file}:{line}: WARNING: Inline emphasis start-string without end-string. '
        f'(translation of {app.srcdir / "sql.rst"}:4)'
    )
    assert warnings(app).count(expected) == 1
    assert 'sql.rst:4: WARNING' not in warnings(app)  # the English is fine: only the translation is named
    assert '<translated>' not in warnings(app)
    assert len(html(app, 'sql').select('tr.skill-row')) == 5


def test_headings_hyphenate_by_the_pages_language(build: Callable[..., SphinxTestApp]) -> None:
    """A long German word in a title ("Entwicklungsplan" on a 360 px screen) hyphenates instead of
    breaking anywhere: the page says its language, and a stylesheet it links gives its headings
    ``hyphens: auto`` (breaking anywhere stays the theme's last resort)."""
    app = build('i18n', 'html', language='de')
    page = html(app, 'testing')
    root = page.find('html')
    assert root is not None
    assert root.get('lang') == 'de'
    linked = [link['href'] for link in page.find_all('link', rel='stylesheet')]
    rules = ''.join(
        (app.outdir / href.split('?')[0]).read_text(encoding='utf-8')
        for href in linked
        if '_static/skill' in href
    )
    hyphenated = [
        selector
        for selector, body in re.findall(r'([^{}]+)\{([^{}]*)\}', re.sub(r'/\*.*?\*/', '', rules, flags=re.S))
        if re.search(r'(^|;)\s*hyphens:\s*auto', body)
    ]
    assert any(re.search(r'\bh1\b', selector) and 'h2' in selector for selector in hyphenated), hyphenated


def test_each_page_reads_its_catalog_afresh_not_a_chain_as_long_as_the_pages_read(tmp_path: Path) -> None:
    """Sphinx's ``locale.init`` chains the catalog to itself at every call, and its ``Locale``
    transform calls it once per page read: a message missing from the catalog was looked up once
    per page read so far, and a German build of 1,000 skill pages took twice the English one
    (bench/README.md). Each page's translation starts the chain afresh."""
    folder = tmp_path / 'de' / 'LC_MESSAGES'
    folder.mkdir(parents=True)
    with (ROOTS / 'test-i18n' / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po').open('rb') as po:
        catalog = read_po(po)
    with (folder / 'page-catalog-test.mo').open('wb') as mo:
        write_mo(mo, catalog)
    for _page in range(50):
        translations = page_catalog([tmp_path], 'de', 'page-catalog-test')
        init_locale([tmp_path], 'de', 'page-catalog-test')  # what Sphinx's Locale does next
    assert translations is not None
    assert translations['Automated Testing'] == 'Automatisiertes Testen'
    chain = translators['general', 'page-catalog-test']
    length = 1
    while chain._fallback is not None:  # type: ignore[attr-defined]
        chain, length = chain._fallback, length + 1  # type: ignore[attr-defined]
    assert length == 2
    assert page_catalog([tmp_path], 'fr', 'page-catalog-test') is None
