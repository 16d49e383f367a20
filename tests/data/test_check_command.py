"""The standalone data check: what `make check-data` and the pre-commit hook run."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import yaml
from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path


def hook_command() -> list[str]:
    """The pre-commit hook's command line, as .pre-commit-config.yaml declares it."""
    config = yaml.safe_load((REPO / '.pre-commit-config.yaml').read_text())
    (hook,) = [hook for repo in config['repos'] if repo['repo'] == 'local' for hook in repo['hooks']]
    assert hook['language'] == 'python'
    assert not hook['pass_filenames']
    entry = hook['entry'].split()
    assert entry[0] == 'python'
    return [sys.executable, *entry[1:], *hook['args']]


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, 'PYTHONPATH': str(REPO / '_ext')}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False, env=environment)


def test_hook_passes_on_the_seed_data() -> None:
    result = run(hook_command(), REPO)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == 'data: 3 skills, no problems'


def test_hook_fails_on_a_typo_with_a_compiler_style_message(tmp_path: Path) -> None:
    shutil.copytree(REPO / 'data', tmp_path / 'data')
    shutil.copytree(REPO / 'tools', tmp_path / 'tools')
    shutil.copytree(REPO / '_ext', tmp_path / '_ext')
    pytorch = tmp_path / 'data' / 'skills' / 'pytorch.yaml'
    lines = pytorch.read_text().splitlines(keepends=True)
    line = next(number for number, text in enumerate(lines, 1) if text == '    senior:\n')
    lines[line - 1] = '    senoir:\n'
    pytorch.write_text(''.join(lines))

    result = run(hook_command(), tmp_path)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"data/skills/pytorch.yaml:{line}:5: unknown level 'senoir' "
        "(known: junior, middle, senior, lead, principal); did you mean 'senior'?"
    )
    assert result.stderr.splitlines()[-1] == '1 problem(s) in 1 file(s)'


def test_module_form_needs_no_sphinx() -> None:
    code = (
        'import sys; sys.modules["sphinx"] = None; sys.path.insert(0, "_ext"); '
        'from skill_matrix.data.check import main; sys.exit(main(["data"]))'
    )
    result = run([sys.executable, '-c', code], REPO)
    assert result.returncode == 0, result.stderr


def test_not_a_data_directory(tmp_path: Path) -> None:
    result = run([sys.executable, '-m', 'skill_matrix.data.check', str(tmp_path)], REPO)
    assert result.returncode == 2
    assert 'not a data directory' in result.stderr
