"""The skill-matrix directive's HTML, layout by layout, checked against the test root's YAML."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pytest
import snowballstemmer  # type: ignore[import-untyped]
from conftest import ROOTS, html, read_yaml, text_of, warnings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

DATA = ROOTS / 'test-basic' / 'data'
ROLES = {role['id']: role['name'] for role in read_yaml(DATA / 'roles.yaml')['roles']}
LEVELS = {level['id']: level['name'] for level in read_yaml(DATA / 'levels.yaml')['levels']}
TESTING = read_yaml(DATA / 'skills' / 'testing.yaml')
SQL = read_yaml(DATA / 'skills' / 'sql.yaml')


def roles_in_order(skill: dict[str, Any]) -> list[str]:
    return [role for role in ROLES if role in skill['roles']]


def cells(skill: dict[str, Any]) -> list[tuple[str, str, bool, str]]:
    """(role, level, required, description) for every cell, roles in roles.yaml order."""
    return [
        (role, level, skill['roles'][role][level]['required'], skill['roles'][role][level]['description'])
        for role in roles_in_order(skill)
        for level in LEVELS
    ]


@pytest.fixture
def app_basic(build: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    return build('basic')


def test_build_has_no_warnings(app_basic: SphinxTestApp) -> None:
    assert warnings(app_basic) == ''


def test_by_level_has_a_table_per_level_with_every_role(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'by_level')
    tables = page.select('table.skill-table')
    assert [text_of(table.select_one('caption .caption-text')) for table in tables] == list(LEVELS.values())
    for table, level in zip(tables, LEVELS, strict=True):
        assert [text_of(th) for th in table.select('thead th')] == ['Role', 'Required', 'Description']
        rows = table.select('tbody tr')
        expected = [cell for cell in cells(TESTING) if cell[1] == level]
        assert len(rows) == len(expected)
        for row, (role, _level, required, description) in zip(rows, expected, strict=True):
            assert {'skill-row', f'skill-role-{role}', f'skill-level-{level}'} <= set(row['class'])
            assert ('skill-required' if required else 'skill-optional') in row['class']
            assert [text_of(td) for td in row.select('td')] == [
                ROLES[role],
                'Required' if required else 'Optional',
                ' '.join(description.split()),
            ]


def test_row_classes_count_required_and_optional_cells(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'by_level')
    required = sum(cell[2] for cell in cells(TESTING))
    assert len(page.select('tr.skill-row')) == len(cells(TESTING))
    assert len(page.select('tr.skill-row.skill-required')) == required
    assert len(page.select('tr.skill-row.skill-optional')) == len(cells(TESTING)) - required


def test_markup_in_descriptions_is_shown_as_written(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'by_level')
    descriptions = [text_of(td) for td in page.select('tr.skill-row td:nth-of-type(3)')]
    for _role, _level, _required, description in cells(TESTING):
        assert description in descriptions
    assert page.select('tr.skill-row em') == []
    assert page.select('tr.skill-row code') == []


def test_stats_and_facts(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'by_level')
    required = sum(cell[2] for cell in cells(TESTING))
    stats = [text_of(item) for item in page.select('.skill-stats > li')]
    assert stats == [
        f'{len(TESTING["roles"])} Roles where this skill appears',
        f'{len(LEVELS)} Levels structured growth path',
        f'{required} Mandatory requirements the other {len(cells(TESTING)) - required} optional',
    ]
    facts = text_of(page.select_one('.skill-facts'))
    assert facts == (
        f'Domain : {TESTING["domain"]} Group : {TESTING["group"]} '
        'Last updated : Nov 4, 2025'  # updated: 2025-11-04, the month named, the day not padded
    )
    assert text_of(page.select_one('.skill-summary')) == TESTING['summary']


def test_by_role_has_a_table_per_role_with_every_level(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'by_role')
    tables = page.select('table.skill-table')
    assert [text_of(table.select_one('caption .caption-text')) for table in tables] == [
        ROLES[r] for r in roles_in_order(TESTING)
    ]
    for table, role in zip(tables, roles_in_order(TESTING), strict=True):
        assert [text_of(th) for th in table.select('thead th')] == ['Level', 'Required', 'Description']
        rows = table.select('tbody tr.skill-row')
        assert [text_of(row.td) for row in rows] == list(LEVELS.values())
        for row, level in zip(rows, LEVELS, strict=True):
            assert {f'skill-role-{role}', f'skill-level-{level}'} <= set(row['class'])


def test_grid_has_one_row_per_role_and_a_column_per_level(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'grid')
    (table,) = page.select('table.skill-table')
    assert [text_of(th) for th in table.select('thead th')] == ['Role', *LEVELS.values()]
    rows = table.select('tbody tr')
    assert [text_of(row.th) for row in rows] == [ROLES[r] for r in roles_in_order(TESTING)]
    grid_cells = table.select('td.skill-cell')
    assert len(grid_cells) == len(cells(TESTING))
    for cell, (role, level, required, description) in zip(grid_cells, cells(TESTING), strict=True):
        assert {f'skill-role-{role}', f'skill-level-{level}'} <= set(cell['class'])
        assert text_of(cell) == f'{"Required" if required else "Optional"} {description}'


def test_required_only_drops_optional_cells_and_empty_tables(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'required_only')
    testing, sql = page.select('.skill-matrix')
    required = [cell for cell in cells(TESTING) if cell[2]]
    assert len(testing.select('tr.skill-row')) == len(required)
    assert testing.select('tr.skill-optional') == []
    levels_with_required = [name for level, name in LEVELS.items() if any(c[1] == level for c in required)]
    assert [
        text_of(table.select_one('caption .caption-text')) for table in testing.select('table')
    ] == levels_with_required
    assert sql.select('table') == []
    assert text_of(sql.select_one('.skill-empty')) == 'No required expectations.'


def test_roles_and_levels_options_choose_and_order(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'subset')
    tables = page.select('table.skill-table')
    assert [text_of(table.select_one('caption .caption-text')) for table in tables] == [
        LEVELS['senior'],
        LEVELS['lead'],
    ]
    for table in tables:
        assert [text_of(row.td) for row in table.select('tr.skill-row')] == [
            ROLES['qa-engineer'],
            ROLES['backend-engineer'],
        ]
    stats = page.select('.skill-stat-value')
    assert [text_of(value) for value in stats][:2] == ['2', '2']


def test_myst_page_renders_the_same_matrix(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'sql')
    rows = page.select('tr.skill-row')
    assert len(rows) == len(cells(SQL))
    assert [text_of(row.select('td')[2]) for row in rows] == [
        c[3] for c in sorted(cells(SQL), key=lambda c: list(LEVELS).index(c[1]))
    ]


def test_overview_lists_every_skill_with_stats_and_links(app_basic: SphinxTestApp) -> None:
    page = html(app_basic, 'index')
    rows = page.select('tr.skill-overview-row')
    skills = sorted([TESTING, SQL], key=lambda skill: skill['title'].casefold())
    assert len(rows) == len(skills)
    for row, skill in zip(rows, skills, strict=True):
        required = sum(cell[2] for cell in cells(skill))
        assert [text_of(td) for td in row.select('td')] == [
            skill['title'],
            skill['group'],
            str(len(skill['roles'])),
            str(len(LEVELS)),
            str(required),
            str(len(cells(skill)) - required),
        ]
        link = row.select_one('a.reference')
        page_name, anchor = link['href'].split('#')
        target = html(app_basic, page_name.removesuffix('.html'))
        assert target.select_one(f'#{anchor}.skill-matrix') is not None


def test_skill_role_links_to_the_page_with_the_title(app_basic: SphinxTestApp) -> None:
    links = html(app_basic, 'links').select('a.reference')
    assert [(text_of(link), link['href']) for link in links] == [
        (SQL['title'], 'sql.html#skill-sql'),
        ('the testing skill', 'by_level.html#skill-testing'),
    ]


def test_search_finds_every_word_of_the_tables_on_the_skill_page(app_basic: SphinxTestApp) -> None:
    """The tables' rows are written from data, not nodes, and their heads are attributes until
    the page is written: their words still reach the search index, for the page that shows them
    (the longest word of each description and role name, and the column names, in the stemmed
    form Sphinx's English search uses)."""
    script = (app_basic.outdir / 'searchindex.js').read_text(encoding='utf-8')
    index = json.loads(script[script.index('(') + 1 : script.rindex(')')])
    page = index['docnames'].index('by_level')
    stemmer = snowballstemmer.stemmer('english')
    texts = [description for _role, _level, _required, description in cells(TESTING)]
    texts += [ROLES[role] for role in roles_in_order(TESTING)]
    texts += ['Description']  # a column's name: on this page only in the tables' heads
    for text in texts:
        word = max(re.findall(r'[a-z]{4,}', text.lower()), key=len)
        pages = index['terms'].get(stemmer.stemWord(word), [])
        assert page in (pages if isinstance(pages, list) else [pages]), f'{word!r} of {text!r} not found'
