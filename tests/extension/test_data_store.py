"""Each data file is read once per build; results kept between builds never go stale; a build
leaves the process as it found it (the garbage collector's thresholds)."""

from __future__ import annotations

import gc
from collections import Counter
from typing import TYPE_CHECKING

from conftest import copy_root, sphinx_build, sphinx_process

from skill_matrix.data import yamlsource

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

    from skill_matrix.data.yamlsource import YamlDocument


def test_each_data_file_is_read_once_per_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_root('basic', tmp_path / 'site')
    reads: Counter[str] = Counter()

    def counting_read_yaml(path: Path) -> YamlDocument:
        reads[path.name] += 1
        return yamlsource.read_yaml(path)

    monkeypatch.setattr('skill_matrix.data.loader.read_yaml', counting_read_yaml)
    sphinx_build(tmp_path / 'site')

    # 'testing' is shown by five pages and the overview, 'sql' by two and the overview
    assert reads == {'roles.yaml': 1, 'levels.yaml': 1, 'sql.yaml': 1, 'testing.yaml': 1}


def test_a_build_collects_garbage_less_often_and_gives_the_thresholds_back(tmp_path: Path) -> None:
    copy_root('basic', tmp_path / 'site')
    original = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults
    during: list[tuple[int, ...]] = []
    try:
        sphinx_build(tmp_path / 'site', on_resolved=lambda *_: during.append(gc.get_threshold()))
        after = gc.get_threshold()
    finally:
        gc.set_threshold(*original)
    assert set(during) == {(10_000, 20, 100)}  # every page was written with them
    assert after == (700, 10, 10)


def build_in_a_process(site: Path) -> str:
    """Build *site* in a new process, as make html does; its warnings."""
    return sphinx_process(site, site / '_build' / 'html', strict=False)


def test_later_builds_report_unchanged_problems_and_see_fixes(tmp_path: Path) -> None:
    site = tmp_path / 'site'
    copy_root('basic', site)
    sql = site / 'data' / 'skills' / 'sql.yaml'
    valid = sql.read_text(encoding='utf-8')
    sql.write_text(valid.replace('group: Databases', 'group: Databases\ncolour: blue'), encoding='utf-8')

    problem = "sql.yaml:5:1: WARNING: unknown field 'colour' (allowed:"
    assert problem in build_in_a_process(site)
    assert problem in build_in_a_process(site)  # nothing changed: the next build still reports it

    sql.write_text(valid.replace('Tunes slow queries', 'Reads query plans'), encoding='utf-8')
    assert 'sql.yaml' not in build_in_a_process(site)
    page = (site / '_build' / 'html' / 'sql.html').read_text(encoding='utf-8')
    assert 'Reads query plans from their execution plans.' in page
