"""Each bad directive argument or option is one clear message at the page's line; other pages build."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import html, warnings

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

CASES = [
    ('bad_layout.rst:4', 'ERROR', '"grdi" unknown; choose from "by-level", "by-role", or "grid"'),
    (
        'bad_role.rst:6',
        'ERROR',
        ":roles: unknown role 'backend-enginer' (known: backend-engineer, data-engineer, qa-engineer); "
        "did you mean 'backend-engineer'?",
    ),
    (
        'role_without_skill.rst:4',
        'ERROR',
        ":roles: skill 'testing' has no role 'data-engineer' (it has: backend-engineer, qa-engineer)",
    ),
    (
        'bad_level.rst:4',
        'ERROR',
        ":levels: unknown level 'senoir' (known: junior, middle, senior, lead, principal); "
        "did you mean 'senior'?",
    ),
    ('empty_roles.rst:4', 'ERROR', 'expected one or more ids separated by commas'),
    ('repeated_level.rst:4', 'ERROR', "'lead' listed more than once"),
    ('unknown_option.rst:4', 'ERROR', 'unknown option: "colour"'),
    ('flag_with_value.rst:4', 'ERROR', 'no argument is allowed; "yes" supplied'),
    ('no_argument.rst:4', 'ERROR', '1 argument(s) required, 0 supplied'),
    (
        'unknown_skill.rst:4',
        'WARNING',
        "no skill 'testin' (no file data/skills/testin.yaml); did you mean 'testing'?",
    ),
    (
        'path_argument.rst:4',
        'WARNING',
        "'../data/skills/testing' is not a skill id: use lowercase letters and digits joined by hyphens",
    ),
    ('absolute_argument.rst:4', 'WARNING', "'/etc/passwd' is not a skill id"),
    ('bad_myst.md:4', 'WARNING', '"sideways" unknown; choose from "by-level", "by-role", or "grid"'),
]


@pytest.fixture
def app(build: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    return build('bad-options')


@pytest.mark.parametrize(('location', 'level', 'message'), CASES, ids=[case[0] for case in CASES])
def test_message_names_the_page_line_and_the_mistake(
    app: SphinxTestApp, location: str, level: str, message: str
) -> None:
    lines = [line for line in warnings(app).splitlines() if f'/{location}: ' in line]
    assert lines, f'no message at {location} in:\n{warnings(app)}'
    assert lines[0].split(f'/{location}: ', 1)[1].startswith(f'{level}: ')
    assert message in warnings(app).split(f'/{location}: ', 1)[1]


def test_no_traceback_and_every_page_is_built(app: SphinxTestApp) -> None:
    assert 'Traceback' not in warnings(app)
    for location, _level, _message in CASES:
        assert (app.outdir / location.split('.')[0]).with_suffix('.html').is_file()


def test_a_sibling_page_is_intact(app: SphinxTestApp) -> None:
    assert len(html(app, 'good').select('tr.skill-row')) == 10
