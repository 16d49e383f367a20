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


DATA_LAYER = REPO / '_ext' / 'skill_matrix' / 'data'


def test_data_layer_imports_neither_sphinx_nor_docutils() -> None:
    """The data check runs without Sphinx: every data-layer module imports with both blocked."""
    modules = sorted(f'skill_matrix.data.{path.stem}' for path in DATA_LAYER.glob('*.py'))
    assert 'skill_matrix.data.loader' in modules
    script = (
        'import sys, importlib\n'
        "sys.modules.update(dict.fromkeys(['sphinx', 'docutils'], None))\n"
        f'for name in {modules!r}:\n'
        '    importlib.import_module(name)\n'
    )
    result = subprocess.run(
        [sys.executable, '-c', script],
        cwd=REPO,
        env={'PYTHONPATH': str(REPO / '_ext'), 'PATH': ''},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_data_layer_source_names_neither_sphinx_nor_docutils() -> None:
    """What the README's one-line check finds: no such import line, even one not run."""
    offending = [
        f'{path.relative_to(REPO)}:{number}: {line.strip()}'
        for path in sorted(DATA_LAYER.rglob('*.py'))
        for number, line in enumerate(path.read_text(encoding='utf-8').splitlines(), 1)
        if line.lstrip().startswith(('import sphinx', 'from sphinx', 'import docutils', 'from docutils'))
    ]
    assert offending == []
