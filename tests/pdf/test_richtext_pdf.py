"""Rich text in a cell of the PDF: list items on their own lines, no Markdown syntax, the link's
text; a changed rich cell redlined in the review's chapter a list item per line."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from conftest import build_review_pdf, copy_site, make_into

if TYPE_CHECKING:
    from pathlib import Path

RICH = """      description: |
        1. Writes well-tested code for small test solutions.
        2. Uses tooling such as `ruff` and *analysers* daily.

        - Reads the [PyTorch docs](https://pytorch.org/docs/) weekly.
"""


def needs_pdf_tools() -> None:
    for tool in ('latexmk', 'lualatex', 'pdftotext'):
        if shutil.which(tool) is None:
            pytest.skip(f'the PDF needs {tool}: run tools/install-system-packages.sh')


def pdf_lines(pdf: Path) -> list[str]:
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], capture_output=True, text=True, check=True
    ).stdout
    return [' '.join(line.split()) for line in text.splitlines()]


def test_list_items_are_lines_of_the_pdf(tmp_path: Path) -> None:
    needs_pdf_tools()
    project = copy_site(
        tmp_path / 'site', '_ext', '_templates', 'locale', 'changes.rst', 'Makefile', 'requirements.txt'
    )
    skill = project / 'data' / 'skills' / 'pytorch.yaml'
    lines = skill.read_text(encoding='utf-8').splitlines(keepends=True)
    assert lines[11] == '      description: >-\n'
    assert lines[16] == '    middle:\n'
    skill.write_text(''.join([*lines[:11], RICH, *lines[16:]]), encoding='utf-8')
    make_into('pdf-en', project / '_build', project=project)
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(project / '_build' / 'pdf' / 'skill-profiles-en.pdf'), '-'],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shown = [' '.join(line.split()) for line in text.splitlines()]
    assert any(line.startswith('1. Writes well-tested code') for line in shown), text[:3000]
    assert any(line.startswith('2. Uses tooling such as ruff and analysers') for line in shown)
    assert any('Reads the PyTorch docs weekly.' in line for line in shown)
    assert '*analysers*' not in text  # the guide's own examples are in the PDF: other words here
    assert '`ruff`' not in text
    assert '](https://pytorch.org' not in text


def test_a_changed_rich_cell_is_redlined_a_list_item_per_line(
    rich_review_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    out = build_review_pdf(rich_review_repo, tmp_path_factory.mktemp('rich-review-pdf'), 'en')
    shown = pdf_lines(out / 'rich.pdf')
    # the old text is only in the redline: its list items on lines of their own
    assert 'Before: 1. Writes well-tested code for small test solutions.' in shown, shown
    assert '2. Uses tooling such as pytest and linters daily.' in shown
    assert 'Now: 1. Writes well-tested code for small test solutions.' in shown
    assert '3. Reviews pull requests within a day.' in shown
    assert not any(mark in line for line in shown for mark in ('**', '`', '*ruff*', '*linters*'))
