"""Every kind of bad input a contributor can write: one located message, nothing lost, nothing run.

Each case is a skill file placed next to valid data (the test-basic root). The standalone check
and the Sphinx build must both report it at its file, line and column; the valid pages must be
built exactly as without the bad file; no traceback, no file outside the project read, no raw
markup injected.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from conftest import copy_root, html, sphinx_build, warnings

from skill_matrix.data.check import main as check_main
from skill_matrix.data.yamlsource import MAX_DEPTH, MAX_FILE_BYTES

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def skill(skill_id: str, *, extra: str = '', description: str = 'Writes queries.') -> str:
    """A valid skill file for the test-basic roles and levels."""
    levels = ''.join(
        f'    {level}:\n      required: false\n      description: {description}\n'
        for level in ('junior', 'middle', 'senior', 'lead', 'principal')
    )
    return (
        f'id: {skill_id}\ntitle: Title of {skill_id}\ndomain: Data\ngroup: Databases\n'
        f'updated: 2024-01-31\n{extra}roles:\n  data-engineer:\n{levels}'
    )


# name -> (file content, [(line, column, message)]); the line/column are where an editor should jump.
CASES: dict[str, tuple[str | bytes, list[tuple[int, int, str]]]] = {
    'tabs': (
        skill('tabs').replace('  data-engineer:', '\tdata-engineer:'),
        [
            (
                7,
                1,
                'invalid YAML: found character that cannot start any token (a tab: YAML indents with spaces)',
            )
        ],
    ),
    'unclosed-quote': (
        skill('unclosed-quote').replace('title: Title of unclosed-quote', 'title: "Title'),
        [
            (
                23,
                1,
                'invalid YAML: found unexpected end of stream (while scanning a quoted scalar at line 2, column 8)',
            )
        ],
    ),
    'bad-indentation': (
        skill('bad-indentation').replace('domain: Data', ' domain: Data'),
        [(3, 8, 'invalid YAML: mapping values are not allowed in this context')],
    ),
    'empty': ('', [(1, 1, 'file is empty')]),
    'only-comments': ('# nothing here yet\n', [(1, 1, 'file is empty')]),
    'not-a-mapping': (
        '- id: not-a-mapping\n- title: x\n',
        [(1, 1, 'the document must be a mapping of keys to values, not a list')],
    ),
    'duplicate-nested-key': (
        skill('duplicate-nested-key').replace(
            '      required: false\n', '      required: false\n      required: true\n', 1
        ),
        [(10, 7, "duplicate key 'required' (first defined on line 9)")],
    ),
    'unknown-field': (
        skill('unknown-field').replace('group:', 'gruop:'),
        [
            (1, 1, "missing field 'group'"),
            (
                4,
                1,
                "unknown field 'gruop' (allowed: id, title, summary, domain, group, updated, roles); did you mean 'group'?",
            ),
        ],
    ),
    'wrong-types': (
        skill('wrong-types')
        .replace('title: Title of wrong-types', 'title: 42')
        .replace('required: false', 'required: "yes"', 1)
        .replace('description: Writes queries.', 'description: [Writes, queries]', 1)
        .replace('updated: 2024-01-31', 'updated: 31.01.2024'),
        [
            (2, 8, "'title' must be text, not the number 42"),
            (5, 10, "'updated' must be a date written YYYY-MM-DD, not '31.01.2024'"),
            (9, 17, "'roles.data-engineer.junior.required' must be true or false, not the text 'yes'"),
            (10, 20, "'roles.data-engineer.junior.description' must be text, not a list"),
        ],
    ),
    'blank-description': (
        skill('blank-description').replace('description: Writes queries.', 'description: "   "', 1),
        [(10, 20, "'roles.data-engineer.junior.description' must not be empty")],
    ),
    'unknown-role': (
        skill('unknown-role').replace('  data-engineer:', '  data-enginer:'),
        [
            (
                7,
                3,
                "unknown role 'data-enginer' (known: backend-engineer, data-engineer, qa-engineer); did you mean 'data-engineer'?",
            )
        ],
    ),
    'unknown-level': (
        skill('unknown-level').replace('    senior:', '    senoir:'),
        [
            (
                14,
                5,
                "unknown level 'senoir' (known: junior, middle, senior, lead, principal); did you mean 'senior'?",
            )
        ],
    ),
    'missing-level': (
        skill('missing-level').replace(
            '    lead:\n      required: false\n      description: Writes queries.\n', ''
        ),
        [
            (
                7,
                3,
                "role 'data-engineer' does not define level lead (every role defines all levels: junior, middle, senior, lead, principal)",
            )
        ],
    ),
    'id-mismatch': (
        skill('sql'),
        [(1, 5, "id 'sql' does not match the file name 'id-mismatch.yaml'; sql.yaml already has this id")],
    ),
    'not-utf8': (
        skill('not-utf8').replace('Databases', 'Datenbänke').encode('latin-1'),
        [(4, 14, 'file is not UTF-8 (byte 0xe4 at offset 64)')],
    ),
    'too-large': (
        skill('too-large', description='x' * 100) + '#' * MAX_FILE_BYTES,
        [(1, 1, 'file is larger than 1024 KiB')],
    ),
    'alias-bomb': (
        'a: &a ["lol", "lol", "lol"]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\n' + skill('alias-bomb'),
        [(1, 4, 'anchors and aliases (&name, *name) are not allowed')],
    ),
    'deep-nesting': (
        'x: ' + '[' * 5000 + ']' * 5000 + '\n',
        [(1, MAX_DEPTH + 4, f'nesting is deeper than {MAX_DEPTH} levels')],
    ),
    'python-tag': (
        skill('python-tag').replace(
            'title: Title of python-tag', 'title: !!python/object/apply:os.system ["touch pwned"]'
        ),
        [
            (
                2,
                8,
                "unsupported YAML tag '!!python/object/apply:os.system': only plain text, numbers, true/false, lists and mappings",
            )
        ],
    ),
    'custom-tag': (
        skill('custom-tag').replace('domain: Data', 'domain: !secret Data'),
        [(3, 9, "unsupported YAML tag '!secret': only plain text, numbers, true/false, lists and mappings")],
    ),
    'merge-key': (
        skill('merge-key').replace('    junior:\n', '    junior:\n      <<: {required: true}\n', 1),
        [(9, 7, "merge keys ('<<') are not allowed")],
    ),
    'old-extension': (
        skill('old-extension'),
        [(1, 1, "skill files end in '.yaml': rename it to old-extension.yaml")],
    ),
}
FILE_NAMES = {'old-extension': 'old-extension.yml'}

# Valid inputs that must build: a UTF-8 byte-order mark, and markup or script in every text.
VALID: dict[str, str | bytes] = {
    'with-bom': b'\xef\xbb\xbf' + skill('with-bom').encode(),
    'with-markup': skill(
        'with-markup',
        extra='summary: "**not bold** and `not code` <b>not bold</b>"\n',
        # Markdown and HTML escaped with backslashes (a description is Markdown): shown as written
        description=r'"\\<script>alert(1)\\</script> \\*args | \\`x\\` :ref:\\`y\\` .. note:: z"',
    ).replace('title: Title of with-markup', 'title: "<img src=x onerror=alert(1)> *Title*"'),
}


@pytest.fixture(scope='module')
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """test-basic plus every bad and tricky file, each with a page that shows it."""
    srcdir = copy_root('basic', tmp_path_factory.mktemp('bad-input'))
    skills = srcdir / 'data' / 'skills'
    contents: dict[str, str | bytes] = {name: content for name, (content, _expected) in CASES.items()}
    for name, content in {**contents, **VALID}.items():
        path = skills / FILE_NAMES.get(name, f'{name}.yaml')
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
        (srcdir / f'page-{name}.rst').write_text(f'Page {name}\n{"=" * 40}\n\n.. skill-matrix:: {name}\n')
    outside = srcdir.parent / f'{srcdir.name}-outside.yaml'
    outside.write_text(skill('linked'))
    os.symlink(outside, skills / 'linked.yaml')
    (srcdir / 'page-linked.rst').write_text('Linked\n======\n\n.. skill-matrix:: linked\n')
    return srcdir


@pytest.fixture(scope='module')
def built(project: Path) -> SphinxTestApp:
    return sphinx_build(project)


def expected_lines(name: str) -> list[str]:
    file_name = FILE_NAMES.get(name, f'{name}.yaml')
    return [f'data/skills/{file_name}:{line}:{column}: {message}' for line, column, message in CASES[name][1]]


@pytest.mark.parametrize('name', sorted(CASES))
def test_the_build_reports_it_at_file_line_and_column(built: SphinxTestApp, name: str) -> None:
    lines = [
        line
        for line in warnings(built).splitlines()
        if f'/data/skills/{FILE_NAMES.get(name, name + ".")}' in line
    ]
    for expected in expected_lines(name):
        location, message = expected.split(': ', 1)
        assert any(line.endswith(f'{location}: WARNING: {message} [skill_matrix.data]') for line in lines), (
            f'{expected!r} not in {lines}'
        )
    assert len(lines) == len(expected_lines(name)), lines


@pytest.mark.parametrize('name', sorted(CASES))
def test_the_check_command_reports_it_the_same_way(
    project: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check_main([str(project / 'data')]) == 1
    reported = capsys.readouterr().err.splitlines()
    for expected in expected_lines(name):
        assert any(line.endswith(expected) for line in reported), f'{expected!r} not in {reported}'


def test_a_link_outside_the_data_directory_is_not_read(built: SphinxTestApp) -> None:
    reported = warnings(built)
    assert (
        '/data/skills/linked.yaml:1:1: WARNING: the file links outside the skills folder: not read'
        in reported
    )
    assert "/page-linked.rst:4: WARNING: skill 'linked': its file links outside the skills folder" in reported
    assert 'Title of linked' not in (built.outdir / 'page-linked.html').read_text()
    assert 'Title of linked' not in (built.outdir / 'index.html').read_text()


def test_no_traceback_and_nothing_run(built: SphinxTestApp, project: Path) -> None:
    assert 'Traceback' not in warnings(built)
    assert not (project / 'pwned').exists()
    assert not list(project.parent.glob('pwned'))


def test_valid_pages_are_built_unchanged(built: SphinxTestApp, build: Callable[..., SphinxTestApp]) -> None:
    clean = build('basic')
    for page in ('by_level', 'by_role', 'grid', 'subset', 'sql', 'required_only'):
        assert str(html(built, page).select_one('.skill-matrix')) == str(
            html(clean, page).select_one('.skill-matrix')
        )


def test_every_page_of_a_broken_skill_is_built_and_says_so(built: SphinxTestApp) -> None:
    for name in CASES:
        if name not in FILE_NAMES:
            notice = html(built, f'page-{name}').select_one('.skill-matrix-unavailable')
            assert notice is not None, name
            assert 'could not be built: see the build warnings' in notice.get_text()


def test_bom_is_ignored(built: SphinxTestApp) -> None:
    assert len(html(built, 'page-with-bom').select('tr.skill-row')) == 5


def test_markup_and_script_are_shown_as_written_never_run(built: SphinxTestApp) -> None:
    page = html(built, 'page-with-markup')
    text = page.select_one('.skill-matrix').get_text()
    assert '<script>alert(1)</script> *args | `x` :ref:`y` .. note:: z' in text
    assert '**not bold** and `not code` <b>not bold</b>' in text
    source = (built.outdir / 'page-with-markup.html').read_text()
    assert '<script>alert(1)</script>' not in source
    assert '&lt;script&gt;alert(1)&lt;/script&gt;' in source
    assert '<img src=x' not in (built.outdir / 'index.html').read_text()
    assert page.select('.skill-matrix b, .skill-matrix em, .skill-matrix strong.not') == []
