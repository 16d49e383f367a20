"""Examples per cell in the PDF (roots/test-examples, LuaLaTeX as the site builds it): under the
description, each example an item of a list, no Markdown syntax."""

from __future__ import annotations

import shutil
import subprocess
from typing import TYPE_CHECKING

import pytest
from conftest import copy_root, sphinx_process

if TYPE_CHECKING:
    from pathlib import Path


def test_examples_are_a_list_under_the_description(tmp_path: Path) -> None:
    for tool in ('latexmk', 'lualatex', 'pdftotext'):
        if shutil.which(tool) is None:
            pytest.skip(f'the PDF needs {tool}: run tools/install-system-packages.sh')
    out = tmp_path / 'latex'
    sphinx_process(
        copy_root('examples', tmp_path / 'src'),
        out,
        '-D',
        'latex_engine=lualatex',
        '-D',
        'project=Examples',  # examples.tex
        builder='latex',
    )
    tex = (out / 'examples.tex').read_text(encoding='utf-8')
    start = tex.index('Asks for feedback on their own work.')
    assert tex.index('\\small', start) < tex.index('Examples (2)', start)  # smaller than the description
    subprocess.run(
        ['make', '-C', str(out), 'all-pdf', 'LATEXMKOPTS=-silent'],
        capture_output=True,
        check=True,
        env={'PATH': '/usr/bin:/bin', 'HOME': str(tmp_path)},
    )
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(out / 'examples.pdf'), '-'],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    shown = [' '.join(line.split()) for line in text.splitlines()]
    description = shown.index('Asks for feedback on their own work.')
    after = shown[description + 1 :]
    assert after[0] == 'Examples (2)'
    assert after[1].startswith('• Asked for a review of a small change')
    assert any(line.startswith('• Wrote a short design note with:') for line in after[:6])
    assert any(line.endswith('the problem') for line in after[:8])
    assert any('Followed the review guide in every review.' in line for line in shown)
    assert '*small*' not in text
    assert '`trade-offs`' not in text
