"""Level tracks in the build: bad track data is a located warning, and the build goes on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from conftest import copy_root, sphinx_process

if TYPE_CHECKING:
    from pathlib import Path


def test_a_cycle_is_a_located_warning_and_no_traceback(tmp_path: Path) -> None:
    source = copy_root('tracks', tmp_path / 'src')
    levels = source / 'data' / 'levels.yaml'
    text = levels.read_text(encoding='utf-8')
    assert text.count('    next: []\n') == 1
    levels.write_text(text.replace('    next: []\n', '    next: [staff-ic]\n'), encoding='utf-8')
    stderr = sphinx_process(source, tmp_path / 'html', '--keep-going', strict=False)
    assert (
        'levels.yaml:16:12: WARNING: the levels go round in a cycle: staff-ic → principal-ic → staff-ic; '
        "a track must end (a last level has 'next: []') [skill_matrix.data]"
    ) in stderr
    assert 'Traceback' not in stderr
    assert (tmp_path / 'html' / 'index.html').is_file()
