"""The extension and the tests stay ruff- and mypy-clean (the house style)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import REPO

CHECKS = {
    'ruff check': ['-m', 'ruff', 'check', '_ext', 'tests', 'bench', 'conf.py'],
    'ruff format': ['-m', 'ruff', 'format', '--check', '_ext', 'tests', 'bench', 'conf.py'],
    'mypy': ['-m', 'mypy'],
}


@pytest.mark.parametrize('command', sorted(CHECKS))
def test_clean(command: str) -> None:
    result = subprocess.run(
        [sys.executable, *CHECKS[command]], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
