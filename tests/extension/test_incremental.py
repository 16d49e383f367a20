"""Editing a YAML file rebuilds the pages that show it; the extension runs in parallel builds."""

from __future__ import annotations

import re
import shutil
from typing import TYPE_CHECKING

from conftest import copy_root, html, sphinx_build, text_of, warnings

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def test_an_edited_skill_rereads_its_pages_and_the_overview_when_its_table_changes(tmp_path: Path) -> None:
    app = sphinx_build(copy_root('basic', tmp_path))
    path = app.srcdir / 'data' / 'skills' / 'sql.yaml'
    path.write_text(
        path.read_text().replace('Tunes slow queries from their execution plans.', 'Reads plans.')
    )

    added, changed, removed = app.env.get_outdated_files(config_changed=False)
    assert sorted(changed) == ['required_only', 'sql']  # the pages showing sql's cells, nothing else
    assert not added
    assert not removed

    app = sphinx_build(tmp_path)
    assert 'Reads plans.' in text_of(html(app, 'sql'))
    assert pages_read(app) == ['required_only', 'sql']  # the overview shows no description

    # what the overview shows: a title (and its place in the file), a group, the numbers
    path.write_text(path.read_text().replace('title: SQL', 'title: Structured Query Language'))
    app = sphinx_build(tmp_path)
    assert pages_read(app) == ['index', 'required_only', 'sql']
    assert 'Structured Query Language' in text_of(html(app, 'index').select_one('tr.skill-overview-sql'))

    before = overview_row(app)
    path.write_text(path.read_text().replace('required: false', 'required: true', 1))
    app = sphinx_build(tmp_path)
    assert pages_read(app) == ['index', 'required_only', 'sql']
    assert overview_row(app) != before  # one more required, one less optional
    assert overview_row(app) == overview_row(sphinx_build(tmp_path, builddir=tmp_path / 'clean'))


def overview_row(app: SphinxTestApp) -> list[str]:
    """The texts of the sql skill's row in the overview."""
    return [text_of(cell) for cell in html(app, 'index').select('tr.skill-overview-sql td')]


def pages_read(app: SphinxTestApp) -> list[str]:
    """The pages the build read, from its progress output."""
    output = re.sub(r'\x1b\[[\d;]*m', '', app.status.getvalue())  # without its colours
    return sorted(re.findall(r'reading sources\.\.\. \[[ \d]+%\] (\S+)', output))


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
