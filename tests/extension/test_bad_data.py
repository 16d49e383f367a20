"""Broken data files: one located message per mistake, the other pages intact, no traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import html, text_of, warnings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

EXPECTED = [
    "data/skills/duplicate-key.yaml:6:1: WARNING: duplicate key 'title' (first defined on line 2)",
    "data/skills/typo-level.yaml:15:5: WARNING: unknown level 'senoir' "
    "(known: junior, middle, senior, lead, principal); did you mean 'senior'?",
    "data/skills/typo-level.yaml:31:5: WARNING: unknown level 'senoir' "
    "(known: junior, middle, senior, lead, principal); did you mean 'senior'?",
    "data/skills/wrong-type.yaml:8:24: WARNING: 'roles.data-engineer.junior.required' must be true or false, "
    "not the text 'yes'",
    "data/skills/wrong-type.yaml:9:44: WARNING: 'roles.data-engineer.middle.description' must be text, "
    'not a list',
    "data/skills/wrong-type.yaml:10:13: WARNING: missing field 'description' in 'roles.data-engineer.senior'",
    "data/skills/wrong-type.yaml:10:31: WARNING: unknown field 'descripton' in 'roles.data-engineer.senior' "
    "(allowed: required, description, examples); did you mean 'description'?",
    "data/skills/wrong-type.yaml:11:42: WARNING: 'roles.data-engineer.lead.description' must not be empty",
]


@pytest.fixture
def app(build: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    return build('bad-data')


def test_each_mistake_is_reported_once_with_file_line_and_column(app: SphinxTestApp) -> None:
    lines = [line for line in warnings(app).splitlines() if 'data/skills/' in line]
    assert len(lines) == len(EXPECTED), warnings(app)
    for line, expected in zip(lines, EXPECTED, strict=True):
        assert line.endswith(f'{expected} [skill_matrix.data]'), line
    assert 'Traceback' not in warnings(app)


def test_the_valid_skill_still_builds_and_broken_pages_say_so(app: SphinxTestApp) -> None:
    assert len(html(app, 'sql').select('tr.skill-row')) == 5  # one role × five levels
    for broken in ('typo-level', 'duplicate-key', 'wrong-type'):
        notice = html(app, broken).select_one('.skill-matrix-unavailable')
        assert 'could not be built' in text_of(notice)
    assert [text_of(row.td) for row in html(app, 'index').select('tr.skill-overview-row')] == ['SQL']
