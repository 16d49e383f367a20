"""Editing a YAML file rebuilds the pages that show it; the extension runs in parallel builds."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from conftest import copy_root, html, sphinx_build, text_of, warnings

if TYPE_CHECKING:
    from pathlib import Path


def test_editing_a_skill_rebuilds_its_pages_and_the_overview(tmp_path: Path) -> None:
    app = sphinx_build(copy_root('basic', tmp_path))
    path = app.srcdir / 'data' / 'skills' / 'sql.yaml'
    path.write_text(
        path.read_text().replace('Tunes slow queries from their execution plans.', 'Reads plans.')
    )

    added, changed, removed = app.env.get_outdated_files(config_changed=False)
    assert sorted(changed) == ['index', 'required_only', 'sql']  # the pages showing sql, nothing else
    assert not added
    assert not removed

    app = sphinx_build(tmp_path)
    assert 'Reads plans.' in text_of(html(app, 'sql'))


def test_a_new_skill_file_reaches_the_overview(tmp_path: Path) -> None:
    sphinx_build(copy_root('basic', tmp_path))
    skills = tmp_path / 'data' / 'skills'
    shutil.copy(skills / 'sql.yaml', skills / 'nosql.yaml')
    (skills / 'nosql.yaml').write_text((skills / 'nosql.yaml').read_text().replace('id: sql', 'id: nosql'))

    app = sphinx_build(tmp_path)
    assert len(html(app, 'index').select('tr.skill-overview-row')) == 3
    assert (
        "nosql.yaml:1: WARNING: skill 'nosql' has no page: add one with '.. skill-matrix:: nosql'"
        in warnings(app)
    )


def test_parallel_build_matches_serial(tmp_path: Path) -> None:
    app = sphinx_build(copy_root('basic', tmp_path), parallel=2)
    assert warnings(app) == ''
    assert len(html(app, 'by_level').select('tr.skill-row')) == 10
    assert (
        html(app, 'index')
        .select_one('tr.skill-overview-row a.reference')['href']
        .startswith('by_level.html#')
    )
