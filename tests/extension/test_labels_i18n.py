"""UI labels in German and Chinese come from the extension's catalog, worded as the seed pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import ROOTS, html, read_yaml, text_of, warnings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

TESTING = read_yaml(ROOTS / 'test-basic' / 'data' / 'skills' / 'testing.yaml')

# The seed exports' own wording (shared/seeds), plus the level names the issue fixes.
EXPECTED = {
    'de': {
        'headers': ['Rolle', 'Pflicht', 'Beschreibung'],
        'by_role_headers': ['Level', 'Pflicht', 'Beschreibung'],
        'levels': ['Junior', 'Middle', 'Senior', 'Lead', 'Principal'],
        'required': 'Pflicht',
        'optional': 'Optional',
        'stats': [
            'Rollen',
            'wo dieser Skill vorkommt',
            'Stufen',
            'strukturierter Entwicklungspfad',
            'Pflichtanforderungen',
            'die anderen {optional} optional',
        ],
        'facts': ['Domäne', 'Gruppe', 'Zuletzt aktualisiert'],
        'date': '4.11.2025',
        'intro': 'Die Tabelle zeigt, wie die Tiefe von Junior bis Principal wächst.',
    },
    'zh_CN': {
        'headers': ['角色', '必要性', '描述'],
        'by_role_headers': ['级别', '必要性', '描述'],
        'levels': ['初级', '中级', '高级', '主管', '首席'],
        'required': '必要',
        'optional': '可选',
        'stats': [
            '角色数',
            '包含此技能的角色',
            '级别数',
            '结构化成长路径',
            '必要要求',
            '其余 {optional} 个可选',
        ],
        'facts': ['领域', '分组', '最后更新'],
        'date': '2025年11月4日',
        'intro': '表格展示从初级到首席的技能深度变化。',
    },
}


@pytest.fixture(params=sorted(EXPECTED))
def localized(
    request: pytest.FixtureRequest, build: Callable[..., SphinxTestApp]
) -> tuple[SphinxTestApp, dict]:
    language = request.param
    return build('basic', 'html', language=language), EXPECTED[language]


def test_by_level_labels(localized: tuple[SphinxTestApp, dict]) -> None:
    app, expected = localized
    assert warnings(app) == ''
    page = html(app, 'by_level')
    tables = page.select('table.skill-table')
    assert [text_of(t.select_one('caption .caption-text')) for t in tables] == expected['levels']
    assert [text_of(th) for th in tables[0].select('thead th')] == expected['headers']
    flags = {text_of(row.select('td')[1]) for row in page.select('tr.skill-row.skill-required')}
    assert flags == {expected['required']}
    flags = {text_of(row.select('td')[1]) for row in page.select('tr.skill-row.skill-optional')}
    assert flags == {expected['optional']}
    assert text_of(page.select_one('.skill-tables-intro')) == expected['intro']


def test_stats_and_facts_labels(localized: tuple[SphinxTestApp, dict]) -> None:
    app, expected = localized
    page = html(app, 'by_level')
    stats = page.select_one('.skill-stats')
    names = [text_of(n) for n in stats.select('.skill-stat-name')]
    captions = [text_of(n) for n in stats.select('.skill-stat-caption')]
    optional = sum(not cell['required'] for levels in TESTING['roles'].values() for cell in levels.values())
    assert [x for pair in zip(names, captions, strict=True) for x in pair] == [
        text.format(optional=optional) for text in expected['stats']
    ]
    assert [text_of(dt).rstrip(' :') for dt in page.select('.skill-facts dt')] == expected['facts']
    assert text_of(page.select_one('.skill-updated')) == expected['date']


def test_by_role_and_grid_labels(localized: tuple[SphinxTestApp, dict]) -> None:
    app, expected = localized
    by_role = html(app, 'by_role')
    assert [text_of(th) for th in by_role.select('table.skill-table')[0].select('thead th')] == expected[
        'by_role_headers'
    ]
    assert [
        text_of(row.td) for row in by_role.select('table.skill-table')[0].select('tr.skill-row')
    ] == expected['levels']
    grid = html(app, 'grid')
    assert [text_of(th) for th in grid.select('table.skill-table thead th')] == [
        expected['headers'][0],
        *expected['levels'],
    ]


def test_content_stays_english_without_page_catalogs(localized: tuple[SphinxTestApp, dict]) -> None:
    app, _expected = localized
    page = html(app, 'by_level')
    assert 'Writes unit tests for small functions with pytest fixtures.' in text_of(page)
