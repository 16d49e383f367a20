"""The changes model on its own: hand-made pairs of data sets, compared, rendered as Markdown and JSON."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from skill_matrix.data.baseline import Baseline
from skill_matrix.data.changes import (
    Cell,
    Changes,
    DataSet,
    compare,
    load_dataset,
    to_json,
    to_markdown,
    tokens,
    word_diff,
)

LEVELS = ['junior', 'senior']
ROLES = {'backend-engineer': 'Backend Engineer', 'qa-engineer': 'QA Engineer'}
BASELINE = Baseline('review/2026-h1', 'c0ffee' * 6 + 'c0ff', datetime.date(2026, 6, 30), Path('/repo'))


def cells(
    role: str, junior: str, senior: str, *, required: tuple[bool, bool] = (False, True)
) -> dict[str, Any]:
    return {
        role: {
            'junior': {'required': required[0], 'description': junior},
            'senior': {'required': required[1], 'description': senior},
        }
    }


def skill(skill_id: str = 'sql', **fields: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        'id': skill_id,
        'title': 'SQL',
        'domain': 'Data',
        'group': 'Databases',
        'updated': '2026-01-31',
        'roles': cells(
            'backend-engineer', 'Writes SELECT queries.', 'Tunes slow queries from their execution plans.'
        ),
    }
    data.update(fields)
    return data


def data_set(
    skills: dict[str, dict[str, Any] | str], roles: dict[str, str] | None = None, origin: str = ''
) -> DataSet:
    """A data set from skills by file name (a mapping is written as YAML, a string as it is)."""
    roles = ROLES if roles is None else roles
    texts = {
        'roles.yaml': yaml.safe_dump({'roles': [{'id': key, 'name': name} for key, name in roles.items()]}),
        'levels.yaml': yaml.safe_dump({'levels': [{'id': key, 'name': key.capitalize()} for key in LEVELS]}),
    }
    for name, content in skills.items():
        texts[f'skills/{name}'] = (
            content
            if isinstance(content, str)
            else yaml.safe_dump(content, allow_unicode=True, sort_keys=False)
        )
    return load_dataset({path: text.encode() for path, text in texts.items()}, origin)


def only(items: Any) -> Any:
    (item,) = items
    return item


# --- word diff ----------------------------------------------------------------------------


def test_word_diff_marks_whole_words() -> None:
    assert word_diff(
        'Tunes slow queries from their execution plans.', 'Tunes slow queries from their plans and indexes.'
    ) == (
        ('equal', 'Tunes slow queries from their '),
        ('delete', 'execution '),
        ('equal', 'plans'),
        ('insert', ' and indexes'),
        ('equal', '.'),
    )


def test_word_diff_takes_the_space_between_two_changes_into_one() -> None:
    assert word_diff('one two three four', 'one 2 3 four') == (
        ('equal', 'one '),
        ('delete', 'two three'),
        ('insert', '2 3'),
        ('equal', ' four'),
    )


def test_chinese_is_diffed_character_by_character() -> None:
    assert tokens('用PyTorch训练 模型，v2') == ['用', 'PyTorch', '训', '练', ' ', '模', '型', '，', 'v2']
    assert word_diff('编写单元测试。', '编写集成测试。') == (
        ('equal', '编写'),
        ('delete', '单元'),
        ('insert', '集成'),
        ('equal', '测试。'),
    )
    assert word_diff('使用 PyTorch 训练神经网络模型', '使用 PyTorch 训练和部署神经网络模型') == (
        ('equal', '使用 PyTorch 训练'),
        ('insert', '和部署'),
        ('equal', '神经网络模型'),
    )


# --- skills -------------------------------------------------------------------------------


def test_equal_data_sets_have_no_changes() -> None:
    changes = compare(data_set({'sql.yaml': skill()}), data_set({'sql.yaml': skill()}))
    assert changes.empty
    assert to_markdown(changes, BASELINE) == 'No changes since review/2026-h1 (Jun 30, 2026)\n'


def test_skill_fields_changed_added_and_removed() -> None:
    old = data_set({'sql.yaml': skill(summary='Queries and schemas')})
    new = data_set(
        {'sql.yaml': skill(title='SQL databases', domain='Data Engineering', updated='2026-07-02')}
    )
    change = only(compare(old, new).skills)
    assert change.kind == 'changed'
    assert [(field.field, field.old, field.new) for field in change.fields] == [
        ('title', 'SQL', 'SQL databases'),
        ('summary', 'Queries and schemas', None),
        ('domain', 'Data', 'Data Engineering'),
        ('updated', '2026-01-31', '2026-07-02'),
    ]
    assert change.fields[0].diff == (('equal', 'SQL'), ('insert', ' databases'))
    assert change.fields[1].diff == ()
    assert change.cells == ()


def test_skill_added_and_removed_with_all_their_cells() -> None:
    other = skill('python', title='Python', roles=cells('qa-engineer', 'Scripts checks.', 'Builds tools.'))
    changes = compare(data_set({'sql.yaml': skill()}), data_set({'python.yaml': other}))
    added, removed = changes.skills
    assert (added.kind, added.id, added.title) == ('added', 'python', 'Python')
    assert [(cell.key, cell.kind) for cell in added.cells] == [
        ('python-junior-qa-engineer', 'added'),
        ('python-senior-qa-engineer', 'added'),
    ]
    assert (removed.kind, removed.id) == ('removed', 'sql')
    assert [(cell.key, cell.kind, cell.old) for cell in removed.cells] == [
        ('sql-junior-backend-engineer', 'removed', Cell(False, 'Writes SELECT queries.')),
        (
            'sql-senior-backend-engineer',
            'removed',
            Cell(True, 'Tunes slow queries from their execution plans.'),
        ),
    ]
    assert changes.counts() == {
        'skills_added': 1,
        'skills_removed': 1,
        'skills_renamed': 0,
        'skills_changed': 0,
        'cells_added': 2,
        'cells_removed': 2,
        'cells_changed': 0,
        'flags_changed': 0,
        'descriptions_changed': 0,
        'examples_changed': 0,
        'roles_changed': 0,
        'levels_changed': 0,
    }


def test_file_and_id_renamed_together_is_a_rename_with_the_remaining_changes() -> None:
    renamed = skill('structured-query-language')
    renamed['roles']['backend-engineer']['senior']['required'] = False
    changes = compare(data_set({'sql.yaml': skill()}), data_set({'structured-query-language.yaml': renamed}))
    change = only(changes.skills)
    assert (change.kind, change.renamed_by, change.similarity) == ('renamed', 'file-and-id', 0.5)
    assert (change.old.id, change.new.id) == ('sql', 'structured-query-language')
    assert (change.old.path, change.new.path) == ('skills/sql.yaml', 'skills/structured-query-language.yaml')
    cell = only(change.cells)
    assert (cell.key, cell.flag_changed, cell.description_changed) == (
        'structured-query-language-senior-backend-engineer',
        True,
        False,
    )
    assert '### SQL (`structured-query-language`): renamed from `sql` (skills/sql.yaml → ' in to_markdown(
        changes, BASELINE
    )


def test_a_skill_too_different_is_removed_and_added_not_renamed() -> None:
    other = skill('postgres', roles=cells('backend-engineer', 'Runs psql.', 'Tunes the planner.'))
    kinds = [
        (change.kind, change.id)
        for change in compare(data_set({'sql.yaml': skill()}), data_set({'postgres.yaml': other})).skills
    ]
    assert kinds == [('added', 'postgres'), ('removed', 'sql')]


def test_id_changed_in_the_same_file_is_a_rename_and_a_warning() -> None:
    changes = compare(data_set({'sql.yaml': skill()}), data_set({'sql.yaml': skill('databases')}))
    change = only(changes.skills)
    assert (change.kind, change.renamed_by, change.old.id, change.new.id) == (
        'renamed',
        'id',
        'sql',
        'databases',
    )
    assert change.cells == ()
    assert changes.warnings == (
        "skills/sql.yaml:1:5: id 'databases' does not match the file name 'sql.yaml'",
    )


def test_file_renamed_with_the_same_id_is_a_rename_by_file() -> None:
    changes = compare(data_set({'sql.yaml': skill()}), data_set({'databases.yaml': skill()}))
    change = only(changes.skills)
    assert (change.kind, change.renamed_by, change.id) == ('renamed', 'file', 'sql')
    assert (change.old.path, change.new.path) == ('skills/sql.yaml', 'skills/databases.yaml')


# --- cells --------------------------------------------------------------------------------


def test_each_kind_of_cell_change() -> None:
    old = skill(
        roles={
            **cells('backend-engineer', 'Writes SELECT queries.', 'Tunes plans.'),
            **cells('qa-engineer', 'Checks results.', 'Seeds test databases.'),
        }
    )
    new = skill(
        roles={
            **cells('data-engineer', 'Loads.', 'Models.'),
            **cells(
                'backend-engineer',
                'Writes SELECT queries with joins.',
                'Tunes query plans.',
                required=(True, True),
            ),
        }
    )
    roles = {'data-engineer': 'Data Engineer', **ROLES}  # today's order: data, backend, qa
    changes = compare(data_set({'sql.yaml': old}), data_set({'sql.yaml': new}, roles=roles))
    change = only(changes.skills)
    summary = [(cell.key, cell.kind, cell.flag_changed, cell.description_changed) for cell in change.cells]
    assert summary == [
        ('sql-junior-data-engineer', 'added', False, False),
        ('sql-senior-data-engineer', 'added', False, False),
        ('sql-junior-backend-engineer', 'changed', True, True),
        ('sql-senior-backend-engineer', 'changed', False, True),
        ('sql-junior-qa-engineer', 'removed', False, False),
        ('sql-senior-qa-engineer', 'removed', False, False),
    ]
    junior = change.cells[2]
    assert (junior.old, junior.new) == (
        Cell(False, 'Writes SELECT queries.'),
        Cell(True, 'Writes SELECT queries with joins.'),
    )
    assert junior.diff == (('equal', 'Writes SELECT queries'), ('insert', ' with joins'), ('equal', '.'))
    assert [(role.kind, role.new_id, role.new_name) for role in changes.roles] == [
        ('added', 'data-engineer', 'Data Engineer')
    ]
    counts = changes.counts()
    assert (counts['cells_added'], counts['cells_removed'], counts['cells_changed']) == (2, 2, 2)
    assert (counts['flags_changed'], counts['descriptions_changed']) == (1, 2)


def test_a_flag_flipped_alone() -> None:
    flipped = skill()
    flipped['roles']['backend-engineer']['junior']['required'] = True
    change = only(compare(data_set({'sql.yaml': skill()}), data_set({'sql.yaml': flipped})).skills)
    cell = only(change.cells)
    assert (cell.flag_changed, cell.description_changed, cell.diff) == (True, False, ())
    markdown = to_markdown(
        compare(data_set({'sql.yaml': skill()}), data_set({'sql.yaml': flipped})), BASELINE
    )
    assert (
        '- **Junior · Backend Engineer**: flag changed: optional → **required**\n  - Writes SELECT queries.\n'
        in (markdown)
    )


# --- roles and levels ---------------------------------------------------------------------


def test_role_renamed_in_roles_yaml() -> None:
    changes = compare(
        data_set({'sql.yaml': skill()}),
        data_set({'sql.yaml': skill()}, roles={**ROLES, 'qa-engineer': 'Quality Engineer'}),
    )
    role = only(changes.roles)
    assert (role.kind, role.old_id, role.new_id, role.old_name, role.new_name) == (
        'renamed',
        'qa-engineer',
        'qa-engineer',
        'QA Engineer',
        'Quality Engineer',
    )
    assert changes.skills == ()
    assert (
        '- Role renamed (`qa-engineer`): <del>QA</del> Engineer → <ins>Quality</ins> Engineer\n'
        in to_markdown(changes, BASELINE)
    )


def test_role_id_changed_is_followed_into_the_skills() -> None:
    moved = skill(roles=cells('backend', 'Writes SELECT queries.', 'Tunes slow queries from their plans.'))
    changes = compare(
        data_set({'sql.yaml': skill()}),
        data_set({'sql.yaml': moved}, roles={'backend': 'Backend Engineer', 'qa-engineer': 'QA Engineer'}),
    )
    role = only(changes.roles)
    assert (role.kind, role.old_id, role.new_id) == ('id-changed', 'backend-engineer', 'backend')
    cell = only(only(changes.skills).cells)  # only the text that changed, not ten cells moved
    assert (cell.key, cell.kind) == ('sql-senior-backend', 'changed')


# --- data that is not valid today ---------------------------------------------------------


def test_old_data_invalid_under_todays_schema_is_a_warning_and_still_compared() -> None:
    old = (
        'id: sql\n'
        'title: SQL\n'
        'owner: data-team\n'  # a field today's schema does not know
        'domain: Data\n'
        'group: Databases\n'
        'updated: 2026-01-31\n'
        'roles:\n'
        '  backend-engineer:\n'
        '    junior:\n'
        '      required: "yes"\n'  # not a boolean
        '      description: Writes SELECT queries.\n'
        '    senior:\n'
        '      required: true\n'
        '      description: Tunes slow queries from their execution plans.\n'
    )
    new = skill()
    new['roles']['backend-engineer']['senior']['description'] = 'Tunes slow queries from their plans.'
    changes = compare(data_set({'sql.yaml': old}, origin='review/2026-h1:data/'), data_set({'sql.yaml': new}))
    assert changes.warnings == (
        "review/2026-h1:data/skills/sql.yaml:3:1: unknown field 'owner' "
        '(allowed: id, title, summary, domain, group, updated, roles)',
        "review/2026-h1:data/skills/sql.yaml:10:17: 'roles.backend-engineer.junior.required' must be true or "
        "false, not the text 'yes'",
    )
    junior, senior = only(changes.skills).cells
    assert (junior.key, junior.old, junior.new, junior.flag_changed) == (
        'sql-junior-backend-engineer',
        Cell(None, 'Writes SELECT queries.'),
        Cell(False, 'Writes SELECT queries.'),
        True,  # "yes" (unreadable today) → false
    )
    assert senior.diff == (
        ('equal', 'Tunes slow queries from their '),
        ('delete', 'execution '),
        ('equal', 'plans.'),
    )


def test_unreadable_old_file_is_a_warning_and_compared_as_empty() -> None:
    changes = compare(data_set({'sql.yaml': 'id: sql\n\ttitle: SQL\n'}), data_set({'sql.yaml': skill()}))
    assert changes.warnings == (
        'skills/sql.yaml:2:1: invalid YAML: found a tab character that violates indentation (a tab: '
        'YAML indents with spaces)',
    )
    change = only(changes.skills)
    assert change.kind == 'changed'
    assert [cell.kind for cell in change.cells] == ['added', 'added']


# --- Markdown and JSON --------------------------------------------------------------------


def changed_description() -> Changes:
    new = skill(title='SQL <b>databases</b>')
    new['roles']['backend-engineer']['senior']['description'] = 'Tunes *args queries from their `plans`.'
    return compare(data_set({'sql.yaml': skill()}), data_set({'sql.yaml': new}))


def test_markdown_marks_deletions_and_insertions_and_escapes_the_data() -> None:
    assert to_markdown(changed_description(), BASELINE) == (
        '## Changes since review/2026-h1 (Jun 30, 2026)\n'
        '\n'
        '**Skills:** 1 changed · **Cells:** 1 changed (1 description changed)\n'
        '\n'
        '### SQL &lt;b&gt;databases&lt;/b&gt; (`sql`): changed\n'
        '\n'
        '- **Title**: SQL → SQL<ins> &lt;b&gt;databases&lt;/b&gt;</ins>\n'
        '- **Senior · Backend Engineer**: description changed\n'
        '  - old: Tunes <del>slow</del> queries from their <del>execution </del>plans.\n'
        '  - new: Tunes <ins>\\*args</ins> queries from their plans.\n'  # `plans` is code: its word
    )


def test_json_twin() -> None:
    document = to_json(changed_description(), BASELINE)
    assert json.loads(json.dumps(document)) == document
    assert document['format'] == 'skill-profiles-changes/1'
    assert document['baseline'] == {
        'ref': 'review/2026-h1',
        'commit': BASELINE.commit,
        'date': '2026-06-30',
        'label': 'review/2026-h1 (Jun 30, 2026)',
    }
    (entry,) = document['skills']
    assert {key: entry[key] for key in ('id', 'kind', 'title', 'old_path', 'new_path', 'renamed_by')} == {
        'id': 'sql',
        'kind': 'changed',
        'title': 'SQL <b>databases</b>',
        'old_path': 'skills/sql.yaml',
        'new_path': 'skills/sql.yaml',
        'renamed_by': None,
    }
    assert entry['fields'] == [
        {
            'field': 'title',
            'old': 'SQL',
            'new': 'SQL <b>databases</b>',
            'diff': [{'op': 'equal', 'text': 'SQL'}, {'op': 'insert', 'text': ' <b>databases</b>'}],
        }
    ]
    assert entry['cells'] == [
        {
            'key': 'sql-senior-backend-engineer',
            'role_id': 'backend-engineer',
            'level_id': 'senior',
            'role_name': 'Backend Engineer',
            'level_name': 'Senior',
            'kind': 'changed',
            'old': {
                'required': True,
                'description': 'Tunes slow queries from their execution plans.',
                'examples': [],
            },
            'new': {
                'required': True,
                'description': 'Tunes *args queries from their `plans`.',
                'examples': [],
            },
            'flag_changed': False,
            'description_changed': True,
            'diff': [
                {'op': 'equal', 'text': 'Tunes '},
                {'op': 'delete', 'text': 'slow'},
                {'op': 'insert', 'text': '*args'},
                {'op': 'equal', 'text': ' queries from their '},
                {'op': 'delete', 'text': 'execution '},
                {'op': 'equal', 'text': 'plans.'},  # the text as shown: `plans` is code
            ],
            'examples_changed': False,
            'examples': [],
        }
    ]


@pytest.mark.parametrize(
    ('old', 'new'),
    [
        ('a b c', 'a c'),
        ('Tunes slow queries.', 'Tunes queries, fast.'),
        ('编写单元测试', '编写 unit 测试'),
        ('', 'new text'),
        ('same', 'same'),
    ],
)
def test_diff_rebuilds_both_texts(old: str, new: str) -> None:
    diff = word_diff(old, new)
    assert ''.join(text for op, text in diff if op != 'insert') == old
    assert ''.join(text for op, text in diff if op != 'delete') == new


def test_level_renamed_and_a_skill_renamed_alone_in_markdown() -> None:
    old = data_set({'sql.yaml': skill()})
    texts = {
        'roles.yaml': yaml.safe_dump({'roles': [{'id': key, 'name': name} for key, name in ROLES.items()]}),
        'levels.yaml': 'levels:\n  - id: junior\n    name: Junior\n  - id: senior\n    name: Expert\n',
        'skills/databases.yaml': yaml.safe_dump(skill('databases'), sort_keys=False),
    }
    new = load_dataset({path: text.encode() for path, text in texts.items()})
    changes = compare(old, new)
    assert [(level.kind, level.new_id, level.old_name, level.new_name) for level in changes.levels] == [
        ('renamed', 'senior', 'Senior', 'Expert')
    ]
    assert to_markdown(changes, BASELINE) == (
        '## Changes since review/2026-h1 (Jun 30, 2026)\n'
        '\n'
        '**Skills:** 1 renamed · **Levels:** 1 changed\n'
        '\n'
        '### Levels\n'
        '\n'
        '- Level renamed (`senior`): <del>Senior</del> → <ins>Expert</ins>\n'
        '\n'
        '### SQL (`databases`): renamed from `sql` (skills/sql.yaml → skills/databases.yaml, '
        '100 % of the cells alike)\n'
    )
