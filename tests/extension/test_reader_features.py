"""Readers' features in the built HTML: the level picker's data, downloads, role pages, header scopes.

The browser tests (tests/test_browser.py) check what the script does with this data.
"""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from conftest import (
    REPO,
    ROOTS,
    copy_root,
    html,
    read_yaml,
    root_translations,
    sphinx_build,
    text_of,
    warnings,
)
from hypothesis import given, strategies as st

from skill_matrix.html.downloads import indented_json, spreadsheet_text

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from bs4 import BeautifulSoup
    from sphinx.testing.util import SphinxTestApp

BASIC = ROOTS / 'test-basic' / 'data'
ROLES_DATA = ROOTS / 'test-roles' / 'data'
DOWNLOAD_SCHEMA = json.loads(
    (REPO / '_ext' / 'skill_matrix' / 'schemas' / 'download.schema.json').read_text(encoding='utf-8')
)


def names(data_dir: Path, kind: str) -> dict[str, str]:
    return {item['id']: item['name'] for item in read_yaml(data_dir / f'{kind}.yaml')[kind]}


def skills(data_dir: Path) -> dict[str, Any]:
    return {path.stem: read_yaml(path) for path in sorted((data_dir / 'skills').glob('*.yaml'))}


def folded(text: str) -> str:
    return ' '.join(text.split())


def explorer_data(page: BeautifulSoup) -> dict[str, Any]:
    block = page.select_one('div.skill-explorer script.skill-explorer-data')
    assert block is not None, 'no level picker data on the page'
    data: dict[str, Any] = json.loads(block.string)
    return data


def heading(page: BeautifulSoup) -> str:
    """The page's title as shown, without the theme's permalink sign."""
    title = page.select_one('section h1')
    for permalink in title.select('a.headerlink'):
        permalink.decompose()
    return text_of(title)


# --- the level picker's data ------------------------------------------------------------------


def test_explorer_data_holds_every_expectation_from_the_yaml(build: Callable[..., SphinxTestApp]) -> None:
    data = explorer_data(html(build('basic'), 'by_level'))
    skill = read_yaml(BASIC / 'skills' / 'testing.yaml')
    roles, levels = names(BASIC, 'roles'), names(BASIC, 'levels')
    assert data['skill'] == 'testing'
    assert data['levels'] == [{'id': key, 'name': name} for key, name in levels.items()]
    assert data['roles'] == [
        {'id': key, 'name': name} for key, name in roles.items() if key in skill['roles']
    ]
    assert data['expectations'] == {
        role: {
            level: {'required': cell['required'], 'description': folded(cell['description'])}
            for level, cell in cells.items()
        }
        for role, cells in skill['roles'].items()
    }
    assert data['labels']['current'] == 'Current level'


def test_explorer_data_follows_the_directives_selection(build: Callable[..., SphinxTestApp]) -> None:
    data = explorer_data(
        html(build('basic'), 'subset')
    )  # :roles: qa-engineer, backend-engineer :levels: senior lead
    assert [role['id'] for role in data['roles']] == ['qa-engineer', 'backend-engineer']
    assert [level['id'] for level in data['levels']] == ['senior', 'lead']
    assert all(set(cells) == {'senior', 'lead'} for cells in data['expectations'].values())


def test_explorer_data_is_in_the_pages_language(build: Callable[..., SphinxTestApp]) -> None:
    app = build('i18n', language='de')
    data = explorer_data(html(app, 'testing'))
    translated = root_translations('de')
    skill = read_yaml(ROOTS / 'test-i18n' / 'data' / 'skills' / 'testing.yaml')
    roles = names(ROOTS / 'test-i18n' / 'data', 'roles')
    assert [role['name'] for role in data['roles']] == [
        translated.get(roles[role], roles[role]) for role in roles if role in skill['roles']
    ]
    for role, cells in skill['roles'].items():
        for level, cell in cells.items():
            english = folded(cell['description'])
            assert data['expectations'][role][level]['description'] == translated.get(english, english)
    assert data['labels']['current'] == 'Aktuelles Level'
    assert [level['name'] for level in data['levels']][:2] == ['Junior', 'Middle']


def test_explorer_script_cannot_be_closed_by_data(build: Callable[..., SphinxTestApp]) -> None:
    source = (html(build('i18n', language='de'), 'testing')).select_one('script.skill-explorer-data')
    assert '<T>' not in str(source)  # a description with <T> is escaped inside the JSON
    assert '</T>' in json.dumps(json.loads(source.string), ensure_ascii=False)


def test_script_and_stylesheet_only_on_pages_with_a_matrix(build: Callable[..., SphinxTestApp]) -> None:
    app = build('basic')
    for page, expected in (('by_level', True), ('grid', True), ('index', False)):
        soup = html(app, page)
        scripts = [tag['src'] for tag in soup.select('script[src]')]
        sheets = [tag['href'] for tag in soup.select('link[rel=stylesheet]')]
        assert any('skill_explorer.js' in src for src in scripts) is expected, page
        assert any('skill_explorer.css' in href for href in sheets) is expected, page


def test_header_cells_have_a_scope(build: Callable[..., SphinxTestApp]) -> None:
    app = build('basic')
    for page in ('by_level', 'by_role', 'grid', 'index'):
        for cell in html(app, page).select('table th'):
            in_head = cell.find_parent('thead') is not None
            assert cell.get('scope') == ('col' if in_head else 'row'), (page, str(cell)[:80])
    assert html(app, 'grid').select('tbody th[scope=row]')  # the role names head the grid's rows


def test_other_builders_show_neither_controls_nor_links(build: Callable[..., SphinxTestApp]) -> None:
    app = build('basic', 'text')
    text = (app.outdir / 'by_level.txt').read_text(encoding='utf-8')
    assert 'Download this matrix' not in text
    assert '"expectations"' not in text
    assert 'Writes unit tests' in text  # the matrix itself is there


# --- downloads --------------------------------------------------------------------------------


def download_links(app: SphinxTestApp, page: str) -> dict[str, Path]:
    links = html(app, page).select('p.skill-downloads a.skill-download')
    return {text_of(link): (app.outdir / page).parent / link['href'] for link in links}


def test_downloads_are_linked_and_hold_every_expectation(build: Callable[..., SphinxTestApp]) -> None:
    app = build('basic')
    links = download_links(app, 'by_level')
    assert sorted(links) == ['CSV', 'JSON']
    skill = read_yaml(BASIC / 'skills' / 'testing.yaml')
    roles, levels = names(BASIC, 'roles'), names(BASIC, 'levels')
    expected = [
        (role, level, cells[level]['required'], folded(cells[level]['description']))
        for role in roles
        if (cells := skill['roles'].get(role))
        for level in levels
    ]

    document = json.loads(links['JSON'].read_text(encoding='utf-8'))
    jsonschema.Draft202012Validator(
        DOWNLOAD_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)
    assert document['language'] == 'en'
    assert document['skill'] == {
        'id': 'testing',
        'title': skill['title'],
        **({'summary': skill['summary']} if 'summary' in skill else {}),
        'domain': skill['domain'],
        'group': skill['group'],
        'updated': str(skill['updated']),
    }
    assert [
        (e['role'], e['level'], e['required'], e['description']) for e in document['expectations']
    ] == expected

    with links['CSV'].open(encoding='utf-8-sig', newline='') as file:
        rows = list(csv.reader(file))
    assert rows[0] == ['role_id', 'level_id', 'Role', 'Level', 'Required', 'Description']
    assert rows[1:] == [
        [role, level, roles[role], levels[level], 'Required' if required else 'Optional', description]
        for role, level, required, description in expected
    ]


def test_a_page_showing_a_selection_offers_the_whole_matrix(build: Callable[..., SphinxTestApp]) -> None:
    links = download_links(build('basic'), 'subset')
    skill = read_yaml(BASIC / 'skills' / 'testing.yaml')
    document = json.loads(links['JSON'].read_text(encoding='utf-8'))
    assert len(document['expectations']) == sum(len(cells) for cells in skill['roles'].values())


def test_downloads_are_in_the_pages_language(build: Callable[..., SphinxTestApp]) -> None:
    app = build('i18n', language='de')
    links = download_links(app, 'testing')
    translated = root_translations('de')
    skill = read_yaml(ROOTS / 'test-i18n' / 'data' / 'skills' / 'testing.yaml')
    document = json.loads(links['JSON'].read_text(encoding='utf-8'))
    jsonschema.validate(document, DOWNLOAD_SCHEMA)
    assert document['language'] == 'de'
    assert document['skill']['title'] == translated[skill['title']]
    descriptions = {(e['role'], e['level']): e['description'] for e in document['expectations']}
    for role, cells in skill['roles'].items():
        for level, cell in cells.items():
            english = folded(cell['description'])
            assert descriptions[(role, level)] == translated.get(english, english)
    rows = list(csv.reader(io.StringIO(links['CSV'].read_text(encoding='utf-8-sig'))))
    assert rows[0][2:] == ['Rolle', 'Level', 'Pflicht', 'Beschreibung']
    assert {row[5] for row in rows[1:]} == set(descriptions.values())
    assert {row[4] for row in rows[1:]} <= {'Pflicht', 'Optional'}


# Cells of test-csv-injection that a spreadsheet program would run as formulas (OWASP's CSV
# injection examples), and how the CSV must write them: as text, behind an apostrophe.
EVIL_LINK = '=HYPERLINK("http://evil","x")'
AT_ROLE = "@SUM(1+1)*cmd|' /C calc'!A0"
MINUS_ROLE = "-2+3+cmd|' /C calc'!A0"
NEUTRALISED = {
    EVIL_LINK: "'" + EVIL_LINK,
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    MINUS_ROLE: "'" + MINUS_ROLE,
    AT_ROLE: "'" + AT_ROLE,
    '+Lead': "'+Lead",
    '=1+2': "'=1+2",  # written "\t=1+2" in the YAML: the loader folds the tab away
}


def test_csv_cells_that_start_like_a_formula_are_text(build: Callable[..., SphinxTestApp]) -> None:
    app = build('csv-injection')
    assert warnings(app) == ''
    links = download_links(app, 'index')
    rows = list(csv.reader(io.StringIO(links['CSV'].read_text(encoding='utf-8-sig'))))
    assert rows[0] == ['role_id', 'level_id', 'Role', 'Level', 'Required', 'Description']
    assert rows[1] == ['at-role', 'junior', "'" + AT_ROLE, 'Junior', 'Required', "'" + EVIL_LINK]
    cells = {cell for row in rows[1:] for cell in row}
    assert set(NEUTRALISED.values()) <= cells
    assert not set(NEUTRALISED) & cells
    # Formula characters inside a text, and safe starts, stay as they are.
    assert {'Sets a = b + c, and -1 is fine inside a text.', 'Data Engineer', 'Plain text.'} <= cells
    assert not [cell for cell in cells if cell[:1] in ('=', '+', '-', '@', '\t', '\r')]


def test_json_keeps_formula_like_text_exact(build: Callable[..., SphinxTestApp]) -> None:
    document = json.loads(download_links(build('csv-injection'), 'index')['JSON'].read_text(encoding='utf-8'))
    jsonschema.validate(document, DOWNLOAD_SCHEMA)
    assert document['skill']['title'] == '=HYPERLINK("http://evil","title")'
    assert [role['name'] for role in document['roles']] == [AT_ROLE, MINUS_ROLE, 'Data Engineer']
    assert [level['name'] for level in document['levels']][3] == '+Lead'
    assert document['expectations'][0]['description'] == EVIL_LINK
    descriptions = {item['description'] for item in document['expectations']}
    assert {EVIL_LINK, "+cmd|' /C calc'!A0", MINUS_ROLE, AT_ROLE, '=1+2'} <= descriptions


def test_json_is_indented_and_keeps_every_character(build: Callable[..., SphinxTestApp]) -> None:
    text = download_links(build('csv-injection'), 'index')['JSON'].read_text(encoding='utf-8')
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + '\n'


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)


@given(json_values)
def test_indented_json_writes_what_the_standard_library_writes(value: Any) -> None:
    assert indented_json(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize(
    ('cell', 'written'),
    [
        ('\t=1+2', "'\t=1+2"),
        ('\r=1+2', "'\r=1+2"),
        ('=1+2', "'=1+2"),
        ('-', "'-"),
        ("'=1+2", "'=1+2"),  # already text
        ('', ''),
        ('a=1+2', 'a=1+2'),
    ],
)
def test_spreadsheet_text(cell: str, written: str) -> None:
    assert spreadsheet_text(cell) == written


# --- role pages -------------------------------------------------------------------------------


@pytest.fixture
def app_roles(build: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    return build('roles')


def test_role_pages_build_without_warnings(app_roles: SphinxTestApp) -> None:
    assert warnings(app_roles) == ''
    roles = names(ROLES_DATA, 'roles')
    generated = sorted(path.name for path in (app_roles.srcdir / 'roles').glob('*.rst'))
    assert generated == sorted([*(f'{role}.rst' for role in roles), 'index.rst'])
    for role in roles:
        assert (app_roles.outdir / 'roles' / f'{role}.html').is_file()


@pytest.mark.parametrize('role', list(names(ROLES_DATA, 'roles')))
def test_role_page_follows_the_role_across_every_skill(app_roles: SphinxTestApp, role: str) -> None:
    page = html(app_roles, f'roles/{role}')
    levels = names(ROLES_DATA, 'levels')
    having = sorted(
        (skill for skill in skills(ROLES_DATA).values() if role in skill['roles']),
        key=lambda skill: skill['title'].casefold(),
    )
    assert heading(page) == names(ROLES_DATA, 'roles')[role]
    if not having:
        assert text_of(page.select_one('.skill-empty')) == 'No skill lists this role yet.'
        assert not page.select('table')
        return

    career = page.select_one('table.skill-career-path')
    assert [[text_of(cell) for cell in row.select('th, td')] for row in career.select('tbody tr')] == [
        [
            name,
            str(sum(skill['roles'][role][level]['required'] for skill in having)),
            str(sum(not skill['roles'][role][level]['required'] for skill in having)),
        ]
        for level, name in levels.items()
    ]
    tables = page.select('table.skill-table:not(.skill-career-path)')
    assert [text_of(table.select_one('caption .caption-text')) for table in tables] == list(levels.values())
    for table, level in zip(tables, levels, strict=True):
        rows = table.select('tbody tr')
        assert [
            (text_of(row.select_one('th')), text_of(row.select('td')[0]), text_of(row.select('td')[1]))
            for row in rows
        ] == [
            (
                skill['title'],
                'Required' if skill['roles'][role][level]['required'] else 'Optional',
                folded(skill['roles'][role][level]['description']),
            )
            for skill in having
        ]
        for row, skill in zip(rows, having, strict=True):
            assert {'skill-row', f'skill-role-{role}', f'skill-level-{level}'} <= set(row['class'])
            target, anchor = row.select_one('th a.reference')['href'].split('#')
            assert target == f'../{skill["id"]}.html'
            assert html(app_roles, skill['id']).select_one(f'#{anchor}.skill-matrix') is not None


def test_role_index_lists_every_role_with_its_counts(app_roles: SphinxTestApp) -> None:
    page = html(app_roles, 'roles/index')
    assert heading(page) == 'Roles'
    data = skills(ROLES_DATA)
    rows = page.select('table.skill-role-index-table tbody tr')
    expected = []
    for role, name in names(ROLES_DATA, 'roles').items():
        cells = [cell for skill in data.values() for cell in skill['roles'].get(role, {}).values()]
        with_role = sum(role in skill['roles'] for skill in data.values())
        required = sum(cell['required'] for cell in cells)
        expected.append([name, str(with_role), str(required), str(len(cells) - required)])
    assert [[text_of(cell) for cell in row.select('th, td')] for row in rows] == expected
    for row, role in zip(rows, names(ROLES_DATA, 'roles'), strict=True):
        assert row.select_one('a.reference')['href'] == f'{role}.html'
    navigation = html(app_roles, 'index').select_one('div.toctree-wrapper')
    assert navigation.select_one('li.toctree-l1 > a[href="roles/index.html"]') is not None
    nested = [link['href'] for link in navigation.select('li.toctree-l1 > ul > li.toctree-l2 > a')]
    assert [href for href in nested if href.startswith('roles/')] == [
        f'roles/{role}.html' for role in names(ROLES_DATA, 'roles')
    ]


def test_role_pages_are_in_the_pages_language(build: Callable[..., SphinxTestApp]) -> None:
    app = build('i18n', language='de', skill_matrix_role_pages='roles')
    translated = root_translations('de')
    page = html(app, 'roles/backend-engineer')
    assert heading(page) == translated['Backend Engineer']
    skill = read_yaml(ROOTS / 'test-i18n' / 'data' / 'skills' / 'testing.yaml')
    shown = {text_of(row.select('td')[1]) for row in page.select('tr.skill-row')}
    for cell in skill['roles']['backend-engineer'].values():
        english = folded(cell['description'])
        assert translated.get(english, english) in shown
    assert text_of(page.select_one('table.skill-career-path thead')) == 'Level Pflicht Optional'
    assert heading(html(app, 'roles/index')) == 'Rollen'


@pytest.mark.parametrize('role', list(names(ROLES_DATA, 'roles')))
def test_role_page_level_picker_holds_the_role_in_every_skill(app_roles: SphinxTestApp, role: str) -> None:
    page = html(app_roles, f'roles/{role}')
    having = sorted(
        (skill for skill in skills(ROLES_DATA).values() if role in skill['roles']),
        key=lambda skill: skill['title'].casefold(),
    )
    if not having:
        assert page.select_one('div.skill-explorer') is None  # nothing to compare
        return
    data = explorer_data(page)
    assert data['role'] == role
    assert data['levels'] == [{'id': key, 'name': name} for key, name in names(ROLES_DATA, 'levels').items()]
    assert [(skill['id'], skill['name']) for skill in data['skills']] == [
        (skill['id'], skill['title']) for skill in having
    ]
    assert data['expectations'] == {
        skill['id']: {
            level: {'required': cell['required'], 'description': folded(cell['description'])}
            for level, cell in skill['roles'][role].items()
        }
        for skill in having
    }
    for skill in data['skills']:  # each skill's name leads to its page, as in the tables
        target, anchor = skill['href'].split('#')
        assert target == f'../{skill["id"]}.html'
        assert html(app_roles, skill['id']).select_one(f'#{anchor}.skill-matrix') is not None
    assert 'roles' not in data  # a role page has no role filter
    # between the career path and the level tables, which stay as they are
    children = page.select('section.skill-role-profile > :is(div, table)')
    classes = [' '.join(child['class']) for child in children]
    explorer_at = next(index for index, name in enumerate(classes) if 'skill-explorer' in name)
    assert 'skill-career-path' in classes[explorer_at - 1]
    assert all('skill-table-level-' in name for name in classes[explorer_at + 1 :])
    sheets = [tag['href'] for tag in page.select('link[rel=stylesheet]')]
    assert any('skill_explorer.css' in href for href in sheets)
    assert any('skill_explorer.js' in tag['src'] for tag in page.select('script[src]'))


def test_role_page_level_picker_speaks_the_pages_language(build: Callable[..., SphinxTestApp]) -> None:
    app = build('i18n', language='de', skill_matrix_role_pages='roles')
    translated = root_translations('de')
    data = explorer_data(html(app, 'roles/backend-engineer'))
    data_dir = ROOTS / 'test-i18n' / 'data'
    having = sorted(
        (skill for skill in skills(data_dir).values() if 'backend-engineer' in skill['roles']),
        key=lambda skill: translated.get(skill['title'], skill['title']).casefold(),
    )
    assert [skill['name'] for skill in data['skills']] == [
        translated.get(skill['title'], skill['title']) for skill in having
    ]
    for skill in having:
        for level, cell in skill['roles']['backend-engineer'].items():
            english = folded(cell['description'])
            assert data['expectations'][skill['id']][level]['description'] == translated.get(english, english)
    assert data['labels']['statusSkills'] == (
        '{current} im Vergleich zu {target}: Die Pflicht ändert sich bei {count} von {total} Skills.'
    )
    assert data['labels']['current'] == 'Aktuelles Level'


def test_other_builders_drop_the_role_pages_level_picker(build: Callable[..., SphinxTestApp]) -> None:
    app = build('roles', 'text')
    text = (app.outdir / 'roles' / 'data-engineer.txt').read_text(encoding='utf-8')
    assert '"expectations"' not in text
    assert 'Chooses the team' in text  # the level tables are there


def test_other_builders_get_every_row_of_the_role_pages(build: Callable[..., SphinxTestApp]) -> None:
    """The HTML builders write a role page's rows from their data; the others get table rows."""
    text = ' '.join((build('roles', 'text').outdir / 'roles' / 'data-engineer.txt').read_text().split())
    having = [skill for skill in skills(ROLES_DATA).values() if 'data-engineer' in skill['roles']]
    assert having
    for skill in having:
        for cell in skill['roles']['data-engineer'].values():
            assert folded(cell['description']) in text
        assert text.count(skill['title']) >= len(names(ROLES_DATA, 'levels'))


def test_role_page_marks_and_counts_its_untranslated_rows(build: Callable[..., SphinxTestApp]) -> None:
    app = build('i18n', language='de', skill_matrix_role_pages='roles')
    translated = root_translations('de')
    page = html(app, 'roles/backend-engineer')
    data_dir = ROOTS / 'test-i18n' / 'data'
    texts = [names(data_dir, 'roles')['backend-engineer']]  # the page's title
    for skill in skills(data_dir).values():
        for cell in skill['roles'].get('backend-engineer', {}).values():
            texts += [skill['title'], folded(cell['description'])]
            shown = translated.get(folded(cell['description']))
            paragraph = page.find('p', string=shown or folded(cell['description']))
            assert paragraph is not None
            assert ('translated' if shown else 'untranslated') in paragraph['class']
    texts += list(names(data_dir, 'levels').values()) * 2  # the career path's rows, the tables' captions
    # the chart's axes: the role's domains
    texts += sorted(
        {skill['domain'] for skill in skills(data_dir).values() if 'backend-engineer' in skill['roles']}
    )
    done = sum(text in translated for text in texts)
    assert 0 < done < len(texts)  # the test root has both
    progress = page.select_one('.sidebar-languages .translation-progress')
    assert progress['title'] == f'{done} von {len(texts)} Texten dieser Seite sind übersetzt'


def test_markup_and_script_on_a_role_page_are_shown_as_written(tmp_path: Path) -> None:
    copy_root('roles', tmp_path)
    skill_file = tmp_path / 'data' / 'skills' / 'python.yaml'
    source = skill_file.read_text(encoding='utf-8')
    source = source.replace('title: Python', 'title: "<img src=x onerror=alert(1)> *Py* & co"')
    source = source.replace(
        'description: Writes scripts that read and clean CSV files.',
        # a description is Markdown: HTML and markup escaped with backslashes show as written
        'description: \'\\<script>alert(2)\\</script> "quoted" \\*\\*bold\\*\\* \\`code\\` @here =1+1\'',
    )
    skill_file.write_text(source, encoding='utf-8')
    app = sphinx_build(tmp_path)
    assert warnings(app) == ''
    written = (app.outdir / 'roles' / 'data-engineer.html').read_text(encoding='utf-8')
    assert '<script>alert(2)' not in written
    assert '<img src=x' not in written
    page = html(app, 'roles/data-engineer')
    row = page.select_one('#python-junior-data-engineer')
    assert text_of(row.select_one('th')) == '<img src=x onerror=alert(1)> *Py* & co'
    assert text_of(row.select('td')[1]) == '<script>alert(2)</script> "quoted" **bold** `code` @here =1+1'
    assert row.select('b, em, strong:not(.skill-flag strong), code, img, script') == []


# --- cards on narrow screens ------------------------------------------------------------------

EXPECTATION_TABLES = 'table[class*="skill-table-level-"], table[class*="skill-table-role-"], table.skill-grid'


@pytest.mark.parametrize(
    ('root', 'language', 'page_name'),
    [
        ('roles', 'en', 'layouts'),  # by role and grid
        ('roles', 'en', 'python'),  # by level
        ('roles', 'en', 'roles/data-engineer'),
        ('i18n', 'de', 'testing'),
        ('i18n', 'de', 'roles/backend-engineer'),
    ],
)
def test_cells_of_expectation_tables_name_their_column(
    build: Callable[..., SphinxTestApp], root: str, language: str, page_name: str
) -> None:
    """Each body cell carries its column's header (data-label) for the stacked cards of phones."""
    page = html(build(root, language=language, skill_matrix_role_pages='roles'), page_name)
    tables = page.select(EXPECTATION_TABLES)
    assert tables
    for table in tables:
        headers = [text_of(cell) for cell in table.select('thead th')]
        for row in table.select('tbody tr'):
            assert [cell.get('data-label') for cell in row.select('th, td')] == headers
    for table in page.select('table'):
        if table not in tables:  # the career path, the role index: tables as they are
            assert not table.select('[data-label]')
    if language == 'de':
        labels = {cell['data-label'] for cell in page.select('tr.skill-row > :is(th, td)')}
        assert labels == ({'Skill'} if page_name.startswith('roles/') else {'Rolle'}) | {
            'Pflicht',
            'Beschreibung',
        }


def test_a_level_name_cannot_break_out_of_its_label(tmp_path: Path) -> None:
    copy_root('roles', tmp_path)
    levels = tmp_path / 'data' / 'levels.yaml'
    levels.write_text(levels.read_text().replace('name: Lead', 'name: \'Lead "x" <b>&amp;\''))
    app = sphinx_build(tmp_path)
    for page in ('layouts', 'layouts_grid'):
        assert '<b>' not in (app.outdir / f'{page}.html').read_text(encoding='utf-8')
    grid = html(app, 'layouts_grid').select_one('table.skill-grid')
    header = text_of(grid.select('thead th')[4])  # Junior, Middle, Senior, Lead (with curly quotes)
    assert header.startswith('Lead ')
    assert header.endswith(' <b>&amp;')
    cells = grid.select('td.skill-level-lead')
    assert cells
    assert {cell['data-label'] for cell in cells} == {header}


def test_unknown_role_warns_at_the_directive(tmp_path: Path) -> None:
    copy_root('roles', tmp_path)
    (tmp_path / 'typo.rst').write_text('.. role-profile:: data-engneer\n', encoding='utf-8')
    app = sphinx_build(tmp_path)
    assert (
        "typo.rst:1: WARNING: unknown role 'data-engneer' (known: backend-engineer, data-engineer, "
        "qa-engineer, security-engineer); did you mean 'data-engineer'?"
    ) in warnings(app)


# --- incremental builds -----------------------------------------------------------------------


def test_editing_a_skill_rebuilds_the_role_pages(tmp_path: Path) -> None:
    app = sphinx_build(copy_root('roles', tmp_path))
    path = tmp_path / 'data' / 'skills' / 'python.yaml'
    path.write_text(path.read_text().replace('Chooses the team', 'Picks the team'))
    _added, changed, _removed = app.env.get_outdated_files(config_changed=False)
    # every page that reads python.yaml: its own, and each role page and the role index
    assert {'python', 'roles/index', 'roles/data-engineer', 'roles/backend-engineer'} <= set(changed)
    app = sphinx_build(tmp_path)
    assert "Picks the team's Python tooling." in text_of(html(app, 'roles/data-engineer'))


def test_a_new_skill_file_reaches_the_role_pages(tmp_path: Path) -> None:
    sphinx_build(copy_root('roles', tmp_path))
    skills_dir = tmp_path / 'data' / 'skills'
    text = (
        (skills_dir / 'sql.yaml')
        .read_text()
        .replace('id: sql', 'id: nosql')
        .replace('title: SQL', 'title: NoSQL')
    )
    (skills_dir / 'nosql.yaml').write_text(text)
    (tmp_path / 'nosql.rst').write_text('NoSQL\n=====\n\n.. skill-matrix:: nosql\n')
    app = sphinx_build(tmp_path)
    titles = [
        text_of(row.select_one('th')) for row in html(app, 'roles/data-engineer').select('tr.skill-row')
    ]
    assert titles[:3] == ['NoSQL', 'Python', 'SQL']


def test_roles_added_and_removed_get_and_lose_their_page(tmp_path: Path) -> None:
    """Each build is a new process (as sphinx-build runs), on the same source and environment."""
    sphinx_build(copy_root('roles', tmp_path))
    roles_yaml = tmp_path / 'data' / 'roles.yaml'
    original = roles_yaml.read_text()
    roles_yaml.write_text(original + '  - id: ml-engineer\n    name: ML Engineer\n')
    app = sphinx_build(tmp_path)
    assert heading(html(app, 'roles/ml-engineer')) == 'ML Engineer'
    assert 'ML Engineer' in text_of(html(app, 'roles/index').select_one('table.skill-role-index-table'))

    roles_yaml.write_text(original.replace('  - id: security-engineer\n    name: Security Engineer\n', ''))
    app = sphinx_build(tmp_path)
    assert warnings(app) == ''
    assert not (tmp_path / 'roles' / 'security-engineer.rst').exists()
    assert not (tmp_path / 'roles' / 'ml-engineer.rst').exists()
    index = text_of(html(app, 'roles/index').select_one('table.skill-role-index-table'))
    assert 'Security Engineer' not in index
    assert 'ML Engineer' not in index


def test_stub_pages_are_written_only_when_they_change(build: Callable[..., SphinxTestApp]) -> None:
    app = build('roles')
    stub = app.srcdir / 'roles' / 'qa-engineer.rst'
    written = stub.stat().st_mtime_ns
    from skill_matrix.roles import write_role_stubs

    write_role_stubs(app)
    assert stub.stat().st_mtime_ns == written
    assert stub.read_text(encoding='utf-8').endswith('.. role-profile:: qa-engineer\n')


@pytest.mark.parametrize('page_name', ['python', 'layouts', 'layouts_grid'])
def test_role_names_in_a_matrix_link_to_the_role_pages(app_roles: SphinxTestApp, page_name: str) -> None:
    page = html(app_roles, page_name)
    roles = names(ROLES_DATA, 'roles')
    holders = [
        *page.select('table[class*="skill-table-level-"] tr.skill-row > td:first-child'),  # by level
        *page.select('tr.skill-grid-row > :first-child'),  # grid
        *page.select('table[class*="skill-table-role-"] > caption'),  # by role
    ]
    assert holders
    assert not page.select('table[class*="skill-table-role-"] tbody a.skill-role-link')  # level names there
    for holder in holders:
        link = holder.select_one('a.skill-role-link')
        role = link['href'].removeprefix('roles/').removesuffix('.html')
        assert text_of(link) == roles[role]
        assert (app_roles.outdir / link['href']).is_file()


def test_without_role_pages_role_names_are_plain_text(build: Callable[..., SphinxTestApp]) -> None:
    assert not html(build('basic'), 'by_level').select('a.skill-role-link')
