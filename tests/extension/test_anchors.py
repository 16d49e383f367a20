"""Links into the matrix (issue 17): one id per table and cell, a "link to this" for each, clashes found.

Expected ids are written out from the test roots' YAML (``<skill>-<level>-<role>`` …), never
computed by the extension.
"""

from __future__ import annotations

import collections
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest
from conftest import REPO, ROOTS, copy_root, html, read_yaml, sphinx_build, text_of, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

BASIC = ROOTS / 'test-basic' / 'data'
LEVELS = [level['id'] for level in read_yaml(BASIC / 'levels.yaml')['levels']]
ROLES = [role['id'] for role in read_yaml(BASIC / 'roles.yaml')['roles']]
TESTING_ROLES = [role for role in ROLES if role in read_yaml(BASIC / 'skills' / 'testing.yaml')['roles']]
ROLES_DATA = ROOTS / 'test-roles' / 'data'


def page_of(app: SphinxTestApp, docname: str) -> Any:
    """The built page, loosely typed: its elements are looked up by selectors known to match."""
    return html(app, docname)


def ids(page: Any) -> list[str]:
    return [str(element['id']) for element in page.select('[id]')]


def link_of(element: Any) -> tuple[str, str]:
    """The href and accessible name of the "link to this" that *element* holds."""
    (link,) = element.select('a.skill-link')
    assert link['aria-label'] == link['title']
    assert text_of(link) == ''  # the ¶ comes from the stylesheet: no text added to the cell
    return str(link['href']), str(link['aria-label'])


# --- ids and links, layout by layout ----------------------------------------------------------


def test_by_level_tables_and_rows(build: Callable[..., SphinxTestApp]) -> None:
    page = page_of(build('basic'), 'by_level')
    tables = page.select('table.skill-table')
    assert [table['id'] for table in tables] == [f'testing-{level}' for level in LEVELS]
    for table, level in zip(tables, LEVELS, strict=True):
        assert link_of(table.caption) == (f'#testing-{level}', 'Link to this table')
        rows = table.select('tbody tr')
        assert [row['id'] for row in rows] == [f'testing-{level}-{role}' for role in TESTING_ROLES]
        for row in rows:
            assert link_of(row.select_one(':scope > :first-child')) == (f'#{row["id"]}', 'Link to this row')
            assert len(row.select('a.skill-link')) == 1
    assert not page.select('a.headerlink[title="Link to this table"]:not(.skill-link)')  # Sphinx's own


def test_by_role_tables_and_rows(build: Callable[..., SphinxTestApp]) -> None:
    page = page_of(build('basic'), 'by_role')
    tables = page.select('table.skill-table')
    assert [table['id'] for table in tables] == [f'testing-{role}' for role in TESTING_ROLES]
    for table, role in zip(tables, TESTING_ROLES, strict=True):
        assert link_of(table.caption) == (f'#testing-{role}', 'Link to this table')
        assert [row['id'] for row in table.select('tbody tr')] == [
            f'testing-{level}-{role}' for level in LEVELS
        ]


def test_grid_table_and_cells(build: Callable[..., SphinxTestApp]) -> None:
    page = page_of(build('basic'), 'grid')
    (grid,) = page.select('table.skill-table')
    assert grid['id'] == 'testing-grid'
    assert link_of(grid.caption) == ('#testing-grid', 'Link to this table')
    assert text_of(grid.caption) == 'Every role at every level'
    cells = grid.select('td.skill-cell')
    assert [cell['id'] for cell in cells] == [
        f'testing-{level}-{role}' for role in TESTING_ROLES for level in LEVELS
    ]
    for cell in cells:
        assert link_of(cell) == (f'#{cell["id"]}', 'Link to this cell')
    assert not grid.select('tr[id]')


def test_a_selection_keeps_the_ids_of_the_whole_matrix(build: Callable[..., SphinxTestApp]) -> None:
    page = page_of(build('basic'), 'subset')  # :roles: qa-engineer, backend-engineer  :levels: senior lead
    assert [table['id'] for table in page.select('table.skill-table')] == ['testing-senior', 'testing-lead']
    assert [row['id'] for row in page.select('tr.skill-row')] == [
        'testing-senior-qa-engineer',
        'testing-senior-backend-engineer',
        'testing-lead-qa-engineer',
        'testing-lead-backend-engineer',
    ]


def test_no_page_has_an_id_twice(build: Callable[..., SphinxTestApp]) -> None:
    for root in ('basic', 'roles'):
        app = build(root)
        for path in sorted(app.outdir.glob('**/*.html')):
            page = page_of(app, str(path.relative_to(app.outdir).with_suffix('')))
            repeated = [name for name, count in collections.Counter(ids(page)).items() if count > 1]
            assert repeated == [], path


def test_furo_wrappers_do_not_repeat_the_tables_ids(build: Callable[..., SphinxTestApp]) -> None:
    app = build('basic', html_theme='furo')
    page = page_of(app, 'by_level')
    wrappers = page.select('div.table-wrapper')
    assert len(wrappers) == len(LEVELS)
    assert all(not wrapper.get('id') for wrapper in wrappers)
    assert [wrapper.table['id'] for wrapper in wrappers] == [f'testing-{level}' for level in LEVELS]
    assert collections.Counter(ids(page)).most_common(1)[0][1] == 1


def test_links_are_named_in_the_pages_language(build: Callable[..., SphinxTestApp]) -> None:
    page = page_of(build('basic', language='de'), 'by_level')
    assert link_of(page.select_one('table.skill-table caption'))[1] == 'Link zu dieser Tabelle'
    assert link_of(page.select_one('tr.skill-row'))[1] == 'Link zu dieser Zeile'
    assert page.select_one('table.skill-table')['id'] == f'testing-{LEVELS[0]}'  # ids stay ids
    grid = page_of(build('basic', language='zh_CN'), 'grid')
    assert link_of(grid.select_one('td.skill-cell'))[1] == '链接到此单元格'


def test_other_builders_get_no_links(build: Callable[..., SphinxTestApp]) -> None:
    app = build('basic', 'text')
    text = (app.outdir / 'by_level.txt').read_text(encoding='utf-8')
    assert '¶' not in text
    assert 'Link to this' not in text


def test_role_pages_use_the_same_cell_ids(build: Callable[..., SphinxTestApp]) -> None:
    app = build('roles')
    levels = [level['id'] for level in read_yaml(ROLES_DATA / 'levels.yaml')['levels']]
    skills = {path.stem: read_yaml(path) for path in (ROLES_DATA / 'skills').glob('*.yaml')}
    for role in (role['id'] for role in read_yaml(ROLES_DATA / 'roles.yaml')['roles']):
        having = sorted(
            (skill for skill in skills.values() if role in skill['roles']), key=lambda s: s['title']
        )
        if not having:
            continue
        page = page_of(app, f'roles/{role}')
        tables = page.select('table.skill-table')
        assert [table['id'] for table in tables] == [
            f'{role}-career-path',
            *(f'{role}-{level}' for level in levels),
        ]
        for table, level in zip(tables[1:], levels, strict=True):
            assert link_of(table.caption)[0] == f'#{role}-{level}'
            rows = table.select('tbody tr')
            assert [row['id'] for row in rows] == [f'{skill["id"]}-{level}-{role}' for skill in having]
            for row in rows:
                assert link_of(row.th)[0] == f'#{row["id"]}'
        for skill in having:  # the same id on the skill's own page
            assert html(app, skill['id']).select_one(f'tr#{skill["id"]}-{levels[0]}-{role}') is not None


# --- ids that stay, clashes that are reported -----------------------------------------------


def page_with(tmp_path: Path, name: str, text: str) -> SphinxTestApp:
    """test-basic with one more page, *name*, built."""
    (copy_root('basic', tmp_path) / f'{name}.rst').write_text(text, encoding='utf-8')
    return sphinx_build(tmp_path)


def test_a_skill_shown_twice_on_a_page_warns(tmp_path: Path) -> None:
    app = page_with(
        tmp_path,
        'twice',
        'Twice\n=====\n\n.. skill-matrix:: testing\n\n.. skill-matrix:: testing\n   :layout: grid\n',
    )
    assert (
        "twice.rst:6: WARNING: this page shows skill 'testing' twice: only the first matrix gets link ids "
        "('testing-<level id>-<role id>'); show it once, or on separate pages [skill_matrix.anchor]"
    ) in warnings(app)
    page = page_of(app, 'twice')
    assert page.select_one('table.skill-grid').get('id') != 'testing-grid'  # Sphinx numbers it: id1
    assert not page.select('table.skill-grid td[id], table.skill-grid td a.skill-link')
    assert [table['id'] for table in page.select('table.skill-table[id^="testing-"]')] == [
        f'testing-{level}' for level in LEVELS
    ]
    assert collections.Counter(ids(page)).most_common(1)[0][1] == 1


def test_headings_and_numbered_tables_do_not_move_the_ids(tmp_path: Path) -> None:
    """A heading after the matrix whose id would be a table's, and a captioned table before it."""
    text = (
        'Page\n====\n\n'
        '.. table:: First table\n\n   ===  ===\n   a    b\n   ===  ===\n\n'
        '.. skill-matrix:: testing\n\n'
        'Testing senior\n--------------\n\nText.\n'
    )
    app = page_with(tmp_path, 'prose', text)
    assert warnings(app) == ''
    page = page_of(app, 'prose')
    assert page.select_one('table.skill-table')['id'] == f'testing-{LEVELS[0]}'
    assert page.select_one('table#testing-senior.skill-table') is not None
    assert page.select('section section')[0]['id'] != 'testing-senior'  # the heading steps aside
    assert collections.Counter(ids(page)).most_common(1)[0][1] == 1


def test_an_earlier_heading_with_a_tables_id_warns(tmp_path: Path) -> None:
    text = 'Page\n====\n\nTesting senior\n--------------\n\n.. skill-matrix:: testing\n'
    app = page_with(tmp_path, 'prose', text)
    assert (
        "prose.rst:7: WARNING: the link id 'testing-senior' is already the id of the heading "
        "'Testing senior' on this page: "
        'the element shown here goes without it; rename the other element [skill_matrix.anchor]'
    ) in warnings(app)


def check_data(data_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, '-m', 'skill_matrix.data.check', 'data'],
        cwd=data_dir.parent,
        capture_output=True,
        text=True,
        check=False,
        env={'PYTHONPATH': str(REPO / '_ext'), 'PATH': '/usr/bin:/bin'},
    )


def copy_data(tmp_path: Path) -> Path:
    data = tmp_path / 'data'
    shutil.copytree(BASIC, data)
    return data


def append(path: Path, text: str) -> int:
    """Append *text* to *path*; the line number where it starts."""
    before = path.read_text(encoding='utf-8')
    path.write_text(before + text, encoding='utf-8')
    return before.count('\n') + 1


def test_a_role_id_equal_to_a_level_id_is_a_located_error(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    line = append(data / 'roles.yaml', '  - id: senior\n    name: Senior Engineer\n')
    result = check_data(data)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"data/roles.yaml:{line}:9: the link id '<skill id>-senior' would name both the level table of "
        "level 'senior' and the role table of role 'senior' on every skill's page: "
        "give role 'senior' another id",
        '1 problem(s) in 1 file(s)',
    ]


def test_a_level_that_joins_a_level_and_a_role_is_a_located_error(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    line = append(data / 'levels.yaml', '  - id: lead-qa-engineer\n    name: Lead QA\n')
    result = check_data(data)
    assert result.returncode == 1
    assert (
        f"data/levels.yaml:{line}:9: the link id '<skill id>-lead-qa-engineer' would name both the level "
        "table of level 'lead-qa-engineer' and the cell of level 'lead', role 'qa-engineer' "
        "on every skill's page: give level 'lead-qa-engineer' another id"
    ) in result.stderr.splitlines()


@pytest.mark.parametrize('level', ['grid', 'career-path'])
def test_levels_named_like_a_fixed_part_are_located_errors(tmp_path: Path, level: str) -> None:
    data = copy_data(tmp_path)
    line = append(data / 'levels.yaml', f'  - id: {level}\n    name: Odd\n')
    result = check_data(data)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0].startswith(f"data/levels.yaml:{line}:9: the link id '")
    assert f"give level '{level}' another id" in result.stderr


def test_skills_whose_ids_clash_are_a_located_error(tmp_path: Path) -> None:
    """Skill 'testing-senior' by role has the table 'testing-senior-qa-engineer': skill 'testing''s cell."""
    data = copy_data(tmp_path)
    text = (data / 'skills' / 'testing.yaml').read_text(encoding='utf-8')
    (data / 'skills' / 'testing-senior.yaml').write_text(text.replace('id: testing', 'id: testing-senior'))
    id_line = text.splitlines().index('id: testing') + 1
    result = check_data(data)
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f'data/skills/testing.yaml:{id_line}:1: ') or first.startswith(
        f'data/skills/testing-senior.yaml:{id_line}:1: '
    )
    assert "'testing-senior-" in first
    assert 'rename one of the skills' in first


def test_the_sites_data_has_no_clash() -> None:
    assert check_data(REPO / 'data').returncode == 0


def test_a_skill_row_that_takes_a_role_page_tables_id_is_a_located_error(tmp_path: Path) -> None:
    """Role 'ml''s page: its table of level 'x-senior-ml' and skill 'ml-x''s row at level 'senior'."""
    data = tmp_path / 'data'
    (data / 'skills').mkdir(parents=True)
    (data / 'roles.yaml').write_text('roles:\n  - id: ml\n    name: ML\n')
    (data / 'levels.yaml').write_text(
        'levels:\n  - id: senior\n    name: Senior\n  - id: x-senior-ml\n    name: Odd\n'
    )
    cell = '      required: true\n      description: Does it.\n'
    (data / 'skills' / 'ml-x.yaml').write_text(
        'id: ml-x\ntitle: ML X\ndomain: D\ngroup: G\nupdated: 2026-01-01\n'
        f'roles:\n  ml:\n    senior:\n{cell}    x-senior-ml:\n{cell}'
    )
    result = check_data(data)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "data/skills/ml-x.yaml:1:1: on the page of role 'ml', the link id 'ml-x-senior-ml' would name both "
        "the cell of skill 'ml-x', level 'senior', role 'ml' and the role page table of level 'x-senior-ml', "
        "role 'ml': rename the skill"
    )
