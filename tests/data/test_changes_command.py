"""`make changes` end to end: a git repository with review tags, then a round of edits."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import (
    GIT_DATE,
    REPO,
    ROOTS,
    commit_changes_since_review,
    edit,
    flip_principal_qa,
    git,
    git_environment,
    make_changes,
)

from skill_matrix.data.baseline import newest_tag, repository_root, resolve_baseline

if TYPE_CHECKING:
    from pathlib import Path

ROOT = ROOTS / 'test-i18n'


@pytest.fixture(scope='module')
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository: an older review, the review ``review/2026-h1`` of Jun 30, 2026, then a commit
    for each kind of change."""
    repo = tmp_path_factory.mktemp('changes') / 'repo'
    repo.mkdir()
    shutil.copytree(ROOT / 'data', repo / 'data')
    shutil.copytree(ROOT / 'locale', repo / 'locale')
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'first review', date='2025-12-19T17:00:00+01:00')
    git(repo, 'tag', 'review/2025-h2', date='2025-12-19T17:00:00+01:00')
    git(repo, 'tag', 'release-1', date='2026-08-01T00:00:00+00:00')  # not a review tag

    flip_principal_qa(repo, required=True)
    git(repo, 'commit', '-q', '-am', 'testing: principal QA required', date='2026-06-30T22:30:00+02:00')
    git(repo, 'tag', '-a', '-m', 'H1 review', 'review/2026-h1', date='2026-06-30T22:30:00+02:00')

    commit_changes_since_review(repo, principal_qa_required=False, translated=False)
    return repo


def python_in(repo: Path, arguments: list[str]) -> subprocess.CompletedProcess[str]:
    """This interpreter with *arguments*, git pinned on *repo*'s folder, the extension importable."""
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=REPO,
        env=git_environment(repo.parent, GIT_DATE) | {'PYTHONPATH': str(REPO / '_ext')},
        capture_output=True,
        text=True,
        check=False,
    )


EXPECTED = """\
## Changes since review/2026-h1 (Jun 30, 2026)

**Skills:** 1 added, 2 changed · **Cells:** 10 added, 5 removed, 2 changed (1 flag changed, \
1 description changed) · **Roles:** 1 changed

### Roles

- Role renamed (`qa-engineer`): <del>QA</del> Engineer → <ins>Quality</ins> Engineer

### Python (`python`): skill added (5 cells)

### SQL (`sql`): changed

- **Junior · Quality Engineer**: cell added (optional)
  - new: <ins>Checks query results in test fixtures.</ins>
- **Middle · Quality Engineer**: cell added (optional)
  - new: <ins>Seeds test databases from anonymised dumps.</ins>
- **Senior · Quality Engineer**: cell added (required)
  - new: <ins>Tests migrations forwards and back.</ins>
- **Lead · Quality Engineer**: cell added (optional)
  - new: <ins>Sets the test data policy.</ins>
- **Principal · Quality Engineer**: cell added (optional)
  - new: <ins>Owns data quality checks across teams.</ins>

### Automated Testing (`testing`): changed

- **Junior · Backend Engineer**: cell removed (was optional)
  - old: <del>Runs the existing test suite before every pull request.</del>
- **Middle · Backend Engineer**: cell removed (was required)
  - old: <del>Adds regression tests for each bug it fixes, using \\*args fixtures and &lt;mocks&gt;.</del>
- **Senior · Backend Engineer**: cell removed (was required)
  - old: <del>Keeps the suite fast; splits slow tests into a nightly \\| marked job.</del>
- **Lead · Backend Engineer**: cell removed (was optional)
  - old: <del>Coaches the team on test design &lt;T&gt;and&lt;/T&gt; review checklists.</del>
- **Principal · Backend Engineer**: cell removed (was optional)
  - old: <del>Aligns testing practice across services &amp; platforms.</del>
- **Senior · Quality Engineer**: description changed
  - old: Builds end-to-end test harnesses with stable, <del>isolated</del> test data.
  - new: Builds end-to-end test harnesses with stable, <ins>seeded</ins> test data.
- **Principal · Quality Engineer**: flag changed: required → **optional**
  - Shapes organisation-wide quality engineering and its tooling.

### Translations pending

""" + ''.join(
    f"""\
- **{language}**: 15 texts
  - `role:qa-engineer`: Quality Engineer
  - `python:title`: Python
  - `python:domain`: Software Engineering
  - `python:group`: Languages
  - `python-junior-data-engineer`: Writes small scripts with the standard library.
  - `python-middle-data-engineer`: Packages pipelines with typed interfaces.
  - `python-senior-data-engineer`: Profiles and speeds up data jobs.
  - `python-lead-data-engineer`: Sets the team's Python conventions.
  - `python-principal-data-engineer`: Chooses the platform's Python tooling.
  - `sql-junior-qa-engineer`: Checks query results in test fixtures.
  - `sql-middle-qa-engineer`: Seeds test databases from anonymised dumps.
  - `sql-senior-qa-engineer`: Tests migrations forwards and back.
  - `sql-lead-qa-engineer`: Sets the test data policy.
  - `sql-principal-qa-engineer`: Owns data quality checks across teams.
  - `testing-senior-qa-engineer`: Builds end-to-end test harnesses with stable, seeded test data.
"""
    for language in ('de', 'zh\\_CN')  # the catalogs lag: no message for any new text
)


def test_make_changes_since_the_newest_review_tag(repo: Path, tmp_path: Path) -> None:
    head, status = git(repo, 'rev-parse', 'HEAD'), git(repo, 'status', '--porcelain')
    result = make_changes(repo, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ''
    assert result.stdout == EXPECTED
    assert (tmp_path / 'changes' / 'changes.md').read_text(encoding='utf-8') == EXPECTED
    # read from git only: the work tree, the index and HEAD are as they were
    assert (git(repo, 'rev-parse', 'HEAD'), git(repo, 'status', '--porcelain')) == (head, status)

    document = json.loads((tmp_path / 'changes' / 'changes.json').read_text(encoding='utf-8'))
    assert document['baseline'] == {
        'ref': 'review/2026-h1',
        'commit': git(repo, 'rev-parse', 'review/2026-h1^{commit}').strip(),
        'date': '2026-06-30',
        'label': 'review/2026-h1 (Jun 30, 2026)',
    }
    assert document['summary'] == {
        'skills_added': 1,
        'skills_removed': 0,
        'skills_renamed': 0,
        'skills_changed': 2,
        'cells_added': 10,
        'cells_removed': 5,
        'cells_changed': 2,
        'flags_changed': 1,
        'descriptions_changed': 1,
        'examples_changed': 0,
        'roles_changed': 1,
        'levels_changed': 0,
    }
    assert document['roles'] == [
        {
            'kind': 'renamed',
            'old_id': 'qa-engineer',
            'new_id': 'qa-engineer',
            'old_name': 'QA Engineer',
            'new_name': 'Quality Engineer',
        }
    ]
    assert document['levels'] == []
    assert document['warnings'] == []
    skills = {skill['id']: skill for skill in document['skills']}
    assert [(skill['id'], skill['kind']) for skill in document['skills']] == [
        ('python', 'added'),
        ('sql', 'changed'),
        ('testing', 'changed'),
    ]
    assert [cell['key'] for cell in skills['python']['cells']] == [
        f'python-{level}-data-engineer' for level in ('junior', 'middle', 'senior', 'lead', 'principal')
    ]
    flag, description = (
        {cell['key']: cell for cell in skills['testing']['cells']}[key]
        for key in ('testing-principal-qa-engineer', 'testing-senior-qa-engineer')
    )
    assert (flag['kind'], flag['flag_changed'], flag['description_changed']) == ('changed', True, False)
    assert (flag['old']['required'], flag['new']['required']) == (True, False)
    assert description['diff'] == [
        {'op': 'equal', 'text': 'Builds end-to-end test harnesses with stable, '},
        {'op': 'delete', 'text': 'isolated'},
        {'op': 'insert', 'text': 'seeded'},
        {'op': 'equal', 'text': ' test data.'},
    ]


def test_pending_translations_follow_the_catalogs_of_the_work_tree(repo: Path, tmp_path: Path) -> None:
    """A new text that a catalog translates is no longer pending; a fuzzy translation still is."""
    locale = tmp_path / 'locale'
    shutil.copytree(repo / 'locale', locale)
    seeded = 'Builds end-to-end test harnesses with stable, seeded test data.'
    with (locale / 'de' / 'LC_MESSAGES' / 'site.po').open('a', encoding='utf-8') as catalog:
        catalog.write(
            f'\nmsgid "{seeded}"\nmsgstr "Baut End-to-End-Testumgebungen mit erzeugten Testdaten."\n'
        )
        catalog.write('\nmsgid "Quality Engineer"\nmsgstr "Qualitätsingenieurin"\n')
    with (locale / 'zh_CN' / 'LC_MESSAGES' / 'site.po').open('a', encoding='utf-8') as catalog:
        catalog.write(
            f'\n#, fuzzy\nmsgid "{seeded}"\nmsgstr "使用稳定且隔离的测试数据构建端到端测试框架。"\n'
        )
    arguments = ['--data', str(repo / 'data'), '--locale', str(locale), '--out', str(tmp_path / 'out')]
    result = python_in(repo, ['-m', 'skill_matrix.data.changes', *arguments])
    assert result.returncode == 0, result.stderr
    document = json.loads((tmp_path / 'out' / 'changes.json').read_text(encoding='utf-8'))
    pending = {
        language: [text['where'] for text in texts]
        for language, texts in document['translations_pending'].items()
    }
    assert sorted(pending) == ['de', 'zh_CN']
    assert 'testing-senior-qa-engineer' not in pending['de']
    assert 'role:qa-engineer' not in pending['de']
    assert 'testing-senior-qa-engineer' in pending['zh_CN']  # fuzzy: not yet translated
    assert len(pending['de']) == 13
    assert {'skill': 'testing', 'where': 'testing-senior-qa-engineer', 'text': seeded} in document[
        'translations_pending'
    ]['zh_CN']
    assert '- **de**: 13 texts\n' in result.stdout


def test_since_an_older_review(repo: Path, tmp_path: Path) -> None:
    """At review/2025-h2 the principal QA cell was optional, as it is again: no flag change."""
    result = make_changes(repo, tmp_path, 'SINCE=review/2025-h2')
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('## Changes since review/2025-h2 (Dec 19, 2025)\n')
    assert 'flag changed' not in result.stdout
    assert (
        '  - new: Builds end-to-end test harnesses with stable, <ins>seeded</ins> test data.\n'
        in result.stdout
    )


def test_a_bad_ref_is_one_line_and_exit_1(repo: Path, tmp_path: Path) -> None:
    command = ['-m', 'skill_matrix.data.changes', '--since', 'review/2027-h1']
    result = python_in(repo, [*command, '--data', str(repo / 'data'), '--out', str(tmp_path)])
    assert (result.returncode, result.stdout) == (1, '')
    assert result.stderr == f"error: unknown git ref 'review/2027-h1': no commit of that name in {repo}\n"

    result = make_changes(repo, tmp_path, 'SINCE=review/2027-h1')
    assert result.returncode != 0
    assert result.stderr.splitlines()[0] == (
        f"error: unknown git ref 'review/2027-h1': no commit of that name in {repo}"
    )
    assert 'Traceback' not in result.stderr


def test_the_baselines_catalog(repo: Path) -> None:
    """The German text a site showed at the baseline, whatever the catalog says today."""
    catalog = repo / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po'
    edit(catalog, 'msgstr "QA Engineer"', 'msgstr "Qualitätsingenieurin"')
    try:
        baseline = resolve_baseline(repository_root(repo / 'data'))
        assert baseline is not None
        assert baseline.ref == 'review/2026-h1'
        old = baseline.catalog('locale/de/LC_MESSAGES/site.po')
        assert old['QA Engineer'] == 'QA Engineer'
        assert old['Backend Engineer'] == 'Backend-Entwicklerin'
        assert 'Writes unit tests for small functions with pytest fixtures.' not in old  # fuzzy
        assert baseline.catalog('locale/fr/LC_MESSAGES/site.po') == {}
    finally:
        edit(catalog, 'msgstr "Qualitätsingenieurin"', 'msgstr "QA Engineer"')


@pytest.fixture
def small_repo(tmp_path: Path) -> Path:
    repo = tmp_path / 'repo'
    shutil.copytree(ROOT / 'data', repo / 'data')
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'data', date='2026-06-30T12:00:00+00:00')
    return repo


def test_no_changes(small_repo: Path, tmp_path: Path) -> None:
    git(small_repo, 'tag', 'review/2026-h1')
    result = make_changes(small_repo, tmp_path / 'build')
    assert (result.returncode, result.stdout) == (0, 'No changes since review/2026-h1 (Jun 30, 2026)\n')
    document = json.loads((tmp_path / 'build' / 'changes' / 'changes.json').read_text(encoding='utf-8'))
    assert (document['baseline']['ref'], document['skills']) == ('review/2026-h1', [])


def test_no_baseline(small_repo: Path, tmp_path: Path) -> None:
    result = make_changes(small_repo, tmp_path / 'build')
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "No baseline: no SINCE given and no tag matches 'review/*'; nothing to compare "
        '(make changes SINCE=<git ref>)\n'
    )
    document = json.loads((tmp_path / 'build' / 'changes' / 'changes.json').read_text(encoding='utf-8'))
    assert (document['baseline'], document['skills']) == (None, [])


def test_old_data_not_valid_today_is_a_warning(small_repo: Path, tmp_path: Path) -> None:
    sql = small_repo / 'data' / 'skills' / 'sql.yaml'
    edit(sql, 'group: Databases\n', 'group: Databases\nowner: data-team\n')
    git(small_repo, 'commit', '-q', '-am', 'an owner (a field of the old schema)')
    git(small_repo, 'tag', 'old-schema')
    edit(sql, 'owner: data-team\n', '')  # not committed: the work tree is compared, as in a pull request
    edit(sql, 'from their execution plans', 'from their plans')
    result = make_changes(small_repo, tmp_path, 'SINCE=old-schema')
    assert result.returncode == 0
    assert result.stderr == (
        "warning: old-schema:data/skills/sql.yaml:5:1: unknown field 'owner' (allowed: id, title, summary, "
        'domain, group, updated, roles)\n'
    )
    assert '  - old: Tunes slow queries from their <del>execution </del>plans.\n' in result.stdout
    assert result.stdout.endswith(
        '### Warnings\n\n'
        "- old-schema:data/skills/sql.yaml:5:1: unknown field 'owner' (allowed: id, title, summary, domain, "
        'group, updated, roles)\n'
    )


def test_the_command_needs_neither_sphinx_nor_docutils(repo: Path, tmp_path: Path) -> None:
    code = (
        'import sys; sys.modules["sphinx"] = None; sys.modules["docutils"] = None; '
        'from skill_matrix.data.changes import main; '
        f'sys.exit(main(["--data", {str(repo / "data")!r}, "--out", {str(tmp_path)!r}]))'
    )
    result = python_in(repo, ['-c', code])
    assert (result.returncode, result.stderr) == (0, '')
    assert result.stdout == EXPECTED


def test_the_newest_review_tag_by_date_then_by_name(small_repo: Path) -> None:
    git(small_repo, 'tag', '-a', '-m', 'late', 'review/a-late', date='2026-07-01T08:00:00+00:00')
    git(small_repo, 'tag', '-a', '-m', 'early', 'review/z-early', date='2026-06-01T08:00:00+00:00')
    assert newest_tag(small_repo) == 'review/a-late'
    git(small_repo, 'tag', '-a', '-m', 'late too', 'review/b-late', date='2026-07-01T08:00:00+00:00')
    assert newest_tag(small_repo) == 'review/b-late'
    assert newest_tag(small_repo, 'review/*-early') == 'review/z-early'
    assert newest_tag(small_repo, 'audit/*') is None


def test_a_translated_rich_cell_is_not_pending(rich_review_repo: Path, tmp_path: Path) -> None:
    """The catalog holds a rich description with its lines: a changed list whose new text is
    translated is no longer pending (it was, while the changes folded it into one line)."""
    locale = tmp_path / 'locale'
    shutil.copytree(rich_review_repo / 'locale', locale)
    arguments = [
        '--data',
        str(rich_review_repo / 'data'),
        '--locale',
        str(locale),
        '--out',
        str(tmp_path / 'out'),
    ]

    def pending() -> list[str]:
        result = python_in(rich_review_repo, ['-m', 'skill_matrix.data.changes', *arguments])
        assert result.returncode == 0, result.stderr
        document = json.loads((tmp_path / 'out' / 'changes.json').read_text(encoding='utf-8'))
        return [text['where'] for text in document['translations_pending'].get('de', [])]

    assert pending() == ['craft-junior-backend-engineer']
    with (locale / 'de' / 'LC_MESSAGES' / 'site.po').open('a', encoding='utf-8') as catalog:
        catalog.write(
            '\nmsgid ""\n'
            '"1. Writes well-tested code for small test solutions.\\n"\n'
            '"2. Uses tooling such as `pytest`, *ruff* and **mypy** daily.\\n"\n'
            '"3. Reviews pull requests within a day."\n'
            'msgstr ""\n'
            '"1. Schreibt gut getesteten Code für kleine Testlösungen.\\n"\n'
            '"2. Nutzt täglich Werkzeuge wie `pytest`, *ruff* und **mypy**.\\n"\n'
            '"3. Prüft Pull-Requests innerhalb eines Tages."\n'
        )
    assert pending() == []
