"""The real site, built by `make html` as a newcomer runs it: the acceptance checks of the core issue."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from conftest import REPO, SEEDS, read_yaml, seed_cells, text_of

if TYPE_CHECKING:
    from pathlib import Path

SKILLS = {path.stem: read_yaml(path) for path in sorted((REPO / 'data' / 'skills').glob('*.yaml'))}
LANGUAGES = ('en', 'de', 'zh_CN')


def page(site: Path, language: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / language / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')


def test_landing_page_leads_to_every_language(site: Path) -> None:
    landing = BeautifulSoup((site / 'index.html').read_text(encoding='utf-8'), 'html.parser')
    targets = [link['href'] for link in landing.select('ul a')]  # the PDFs' links: make site (test_pdf)
    assert targets == [f'{language}/index.html' for language in LANGUAGES]
    for target in targets:
        assert (site / target).is_file()


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('skill_id', sorted(SKILLS))
def test_rows_flags_and_counts(site: Path, language: str, skill_id: str) -> None:
    skill = SKILLS[skill_id]
    cells = [cell for levels in skill['roles'].values() for cell in levels.values()]
    required = sum(cell['required'] for cell in cells)
    html = page(site, language, f'skills/{skill_id}')
    assert len(html.select('tr.skill-row')) == len(cells)
    assert len(html.select('tr.skill-row.skill-required')) == required
    assert len(html.select('tr.skill-row.skill-optional')) == len(cells) - required
    values = [text_of(value) for value in html.select('.skill-stat-value')]
    assert values == [str(len(skill['roles'])), '5', str(required)]
    assert str(len(cells) - required) in text_of(html.select_one('.skill-stat-required .skill-stat-caption'))


def test_pytorch_matches_the_issue(site: Path) -> None:
    html = page(site, 'en', 'skills/pytorch')
    assert (len(html.select('tr.skill-row')), len(html.select('tr.skill-required'))) == (25, 19)
    assert len(html.select('tr.skill-optional')) == 6
    stats = text_of(html.select_one('.skill-stats'))
    assert stats == (
        '5 Roles where this skill appears 5 Levels structured growth path '
        '19 Mandatory requirements the other 6 optional'
    )
    for other in ('deep-learning-frameworks', 'neural-network-architectures'):
        html = page(site, 'en', f'skills/{other}')
        assert (len(html.select('tr.skill-row')), len(html.select('tr.skill-required'))) == (10, 0)


@pytest.mark.parametrize('skill_id', sorted(SKILLS))
def test_every_yaml_description_is_on_its_english_page(site: Path, skill_id: str) -> None:
    rows = {
        (
            next(c for c in row['class'] if c.startswith('skill-role-')),
            next(c for c in row['class'] if c.startswith('skill-level-')),
        ): text_of(row.select('td')[2])
        for row in page(site, 'en', f'skills/{skill_id}').select('tr.skill-row')
    }
    for role, levels in SKILLS[skill_id]['roles'].items():
        for level, cell in levels.items():
            assert rows[(f'skill-role-{role}', f'skill-level-{level}')] == ' '.join(
                cell['description'].split()
            )


SEED_SKILLS = {
    '000_5f7cd9a5446b49a9.txt': 'deep-learning-frameworks',
    '001_237a57941e818cea.txt': 'neural-network-architectures',
    '002_fd04e510fb4bba4e.txt': 'pytorch',
    '003_d0ac71febac2e832.txt': 'deep-learning-frameworks',
    '004_10026cd3a0d6e29a.txt': 'neural-network-architectures',
}


@pytest.mark.parametrize('seed', sorted(SEED_SKILLS))
def test_every_seed_description_is_on_its_page_with_its_flag(site: Path, seed: str) -> None:
    if not (SEEDS / seed).is_file():
        pytest.skip(f'seed exports not found at {SEEDS}')
    html = page(site, 'en', f'skills/{SEED_SKILLS[seed]}')
    shown = {
        (text_of(row.select('td')[0]), 'skill-required' in row['class'], text_of(row.select('td')[2]))
        for row in html.select('tr.skill-row')
    }
    expected = list(seed_cells(SEEDS / seed))
    assert len(expected) == len(shown)
    for cell in expected:
        assert cell in shown


@pytest.mark.parametrize(
    ('language', 'headers', 'levels'),
    [
        ('en', ['Role', 'Required', 'Description'], ['Junior', 'Middle', 'Senior', 'Lead', 'Principal']),
        ('de', ['Rolle', 'Pflicht', 'Beschreibung'], ['Junior', 'Middle', 'Senior', 'Lead', 'Principal']),
        ('zh_CN', ['角色', '必要性', '描述'], ['初级', '中级', '高级', '主管', '首席']),
    ],
)
def test_labels_per_language(site: Path, language: str, headers: list[str], levels: list[str]) -> None:
    html = page(site, language, 'skills/pytorch')
    tables = html.select('table.skill-table')
    assert [text_of(th) for th in tables[0].select('thead th')] == headers
    assert [text_of(table.select_one('caption .caption-text')) for table in tables] == levels


def test_start_page_catalog_links_every_skill(site: Path) -> None:
    for language in LANGUAGES:
        links = page(site, language, 'index').select('.skill-catalog-skills a.reference')
        assert len(links) == len(SKILLS)
        for link in links:
            target, anchor = link['href'].split('#')
            assert page(site, language, target.removesuffix('.html')).select_one(f'#{anchor}') is not None


def test_html_lang_attribute(site: Path) -> None:
    for language, code in (('en', 'en'), ('de', 'de'), ('zh_CN', 'zh-CN')):
        assert re.match(code, page(site, language, 'index').html['lang'], re.IGNORECASE)


@pytest.mark.parametrize('language', LANGUAGES)
def test_the_guides_show_quoted_syntax_as_literal_text(site: Path, language: str) -> None:
    """Single backticks in reST make a citation: the Markdown syntax the contributor guide quotes
    (`` `code` ``) showed as an italic "code" between literal backticks."""
    for path in sorted((site / language / 'guide').glob('*.html')):
        article = BeautifulSoup(path.read_text(encoding='utf-8'), 'html.parser').select_one('article')
        assert article is not None
        assert article.select('cite') == [], f'{language}/guide/{path.name}'


# --- translations (issue 3) ---------------------------------------------------------------------

TRANSLATED = ('de', 'zh_CN')
PAGES = ('index', 'genindex', 'search', *(f'skills/{skill_id}' for skill_id in sorted(SKILLS)))


def english_descriptions() -> set[str]:
    """Every description of data/ and of the seed exports, as the English page shows it."""
    texts = {
        ' '.join(cell['description'].split())
        for skill in SKILLS.values()
        for levels in skill['roles'].values()
        for cell in levels.values()
    }
    for seed in SEED_SKILLS:
        if (SEEDS / seed).is_file():
            texts |= {description for _role, _required, description in seed_cells(SEEDS / seed)}
    return texts


@pytest.mark.parametrize('language', TRANSLATED)
@pytest.mark.parametrize('skill_id', sorted(SKILLS))
def test_no_english_description_on_translated_pages(site: Path, language: str, skill_id: str) -> None:
    html = page(site, language, f'skills/{skill_id}')
    text = text_of(html)  # the whole page, head and sidebar included
    shown = [text_of(row.select('td')[2]) for row in html.select('tr.skill-row')]
    assert all(shown)
    for description in english_descriptions():
        assert description not in text
    assert html.select('.untranslated') == []


def row_shape(html: BeautifulSoup) -> list[tuple[str, ...]]:
    return [tuple(row['class']) for row in html.select('tr.skill-row')]


@pytest.mark.parametrize('language', TRANSLATED)
@pytest.mark.parametrize('skill_id', sorted(SKILLS))
def test_translated_pages_have_the_english_rows_flags_and_counts(
    site: Path, language: str, skill_id: str
) -> None:
    english, translated = page(site, 'en', f'skills/{skill_id}'), page(site, language, f'skills/{skill_id}')
    assert row_shape(translated) == row_shape(english)
    values = [text_of(value) for value in english.select('.skill-stat-value')]
    assert [text_of(value) for value in translated.select('.skill-stat-value')] == values


@pytest.mark.parametrize(('language', 'label'), [('de', 'Übersetzt: 100 %'), ('zh_CN', '已翻译：100%')])
def test_translated_pages_show_complete_progress(site: Path, language: str, label: str) -> None:
    for name in ('index', *(f'skills/{skill_id}' for skill_id in SKILLS)):
        progress = page(site, language, name).select_one('.sidebar-languages .translation-progress')
        assert text_of(progress) == label, name


def switcher(site: Path, language: str, name: str) -> dict[str, Path]:
    """Language name → the file each switcher link leads to."""
    here = (site / language / f'{name}.html').parent
    links = page(site, language, name).select('.sidebar-languages a')
    return {text_of(link): (here / link['href']).resolve() for link in links}


@pytest.mark.parametrize('language', LANGUAGES)
def test_every_switcher_link_leads_to_the_same_page_in_another_language(site: Path, language: str) -> None:
    names = {'en': 'English', 'de': 'Deutsch', 'zh_CN': '简体中文'}
    for name in PAGES:
        targets = switcher(site, language, name)
        assert targets == {
            names[other]: (site / other / f'{name}.html').resolve()
            for other in LANGUAGES
            if other != language
        }
        assert all(target.is_file() for target in targets.values())


@pytest.mark.parametrize(('language', 'back'), [('de', 'English'), ('zh_CN', 'English')])
def test_the_en_pytorch_page_links_to_de_and_zh_and_back(site: Path, language: str, back: str) -> None:
    name = {'de': 'Deutsch', 'zh_CN': '简体中文'}[language]
    assert (
        switcher(site, 'en', 'skills/pytorch')[name]
        == (site / language / 'skills' / 'pytorch.html').resolve()
    )
    assert (
        switcher(site, language, 'skills/pytorch')[back]
        == (site / 'en' / 'skills' / 'pytorch.html').resolve()
    )


def test_chinese_search_finds_a_word_of_a_translated_description(site: Path) -> None:
    with (REPO / 'locale' / 'zh_CN' / 'LC_MESSAGES' / 'skill-profiles.po').open('rb') as po:
        catalog = read_po(po)
    description = ' '.join(
        SKILLS['pytorch']['roles']['computer-vision-engineer']['senior']['description'].split()
    )
    assert '知识蒸馏' in catalog[description].string
    script = (site / 'zh_CN' / 'searchindex.js').read_text(encoding='utf-8')
    index = json.loads(script[script.index('(') + 1 : script.rindex(')')])
    pages = index['terms']['蒸馏']
    pages = pages if isinstance(pages, list) else [pages]
    assert index['docnames'].index('skills/pytorch') in pages
