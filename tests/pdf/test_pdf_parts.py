"""``make pdf-changes``: in a review cycle, a PDF of only what changed, on a copy of the real site
with one skill edited since a review tag: the redlined change and that skill's chapter, no other
skill. (The PDFs per domain and the full build's PDF of the changes: test_review_pdf.py; their
links on the site: test_pdf.py.)"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import GIT_DATE, copy_site, edit, git, git_environment, read_yaml, source_date_epoch

if TYPE_CHECKING:
    from pathlib import Path

TOOLS = ('latexmk', 'lualatex', 'pdftotext')
EDITED = 'Builds basic CNNs in PyTorch'
REWORDED = 'Builds small CNNs in PyTorch'


@pytest.fixture(scope='session')
def changes_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English PDF of only the changes: PyTorch's first description reworded since review/test."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f'PDF tests need {", ".join(missing)}: run tools/install-system-packages.sh')
    folder = tmp_path_factory.mktemp('pdf-changes')
    project = copy_site(
        folder / 'project', '_ext', '_templates', 'locale', 'changes.rst', 'Makefile', 'requirements.txt'
    )
    git(project, 'init', '-q')
    git(project, 'add', '.')
    git(project, 'commit', '-q', '-m', 'reviewed')
    git(project, 'tag', 'review/test')
    edit(project / 'data' / 'skills' / 'pytorch.yaml', EDITED, REWORDED)
    builddir = folder / 'build'
    result = subprocess.run(
        [
            'make',
            '--no-print-directory',
            '-o',
            f'{sys.prefix}/.installed',
            f'VENV={sys.prefix}',
            'pdf-changes-en',
            f'BUILDDIR={builddir}',
            'SINCE=review/test',
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=os.environ
        | git_environment(folder, GIT_DATE)
        | {'SOURCE_DATE_EPOCH': source_date_epoch('2026-12-01T08:00:00')},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert 'WARNING' not in result.stderr, result.stderr
    return builddir / 'pdf' / 'skill-profiles-en-changes.pdf'


def test_the_changes_pdf_holds_the_redlined_change_and_only_the_changed_skill(changes_pdf: Path) -> None:
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(changes_pdf), '-'], capture_output=True, text=True, check=True
    ).stdout
    flat = ' '.join(text.split())
    assert 'Review draft — changes since review/test' in flat
    assert f'Before: {EDITED}' in flat
    assert f'Now: {REWORDED}' in flat
    assert re.search(r'^\s*2\s+PyTorch\s*$', text, re.MULTILINE)  # the skill's chapter
    others = [
        read_yaml(path)
        for path in sorted((changes_pdf.parents[2] / 'project' / 'data' / 'skills').glob('*.yaml'))
        if path.stem != 'pytorch'
    ]
    assert others
    for skill in others:
        assert skill['title'] not in flat
        description = next(iter(next(iter(skill['roles'].values())).values()))['description']
        assert ' '.join(description.split()[:6]) not in flat
    tex = (changes_pdf.parents[1] / 'latex' / 'changes-en' / 'skill-profiles-changes.tex').read_text(
        encoding='utf-8'
    )
    assert r'\skillins{small}' in tex
    assert r'\skilldel{basic}' in tex
