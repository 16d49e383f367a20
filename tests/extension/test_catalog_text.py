"""make intl-check on what a translation holds: a rich description's Markdown broken (a list
that became a paragraph, a link that lost its target, raw HTML) and dangerous characters, each
at its line (and column) in the .po file."""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import REPO

from skill_matrix.catalogcheck import compare

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Language: de\\n"\n\n'
JUNIOR = (
    'msgid ""\n'
    '"1. Writes well-tested code for small test solutions.\\n"\n'
    '"2. Uses tooling such as `pytest` and *linters* daily."\n'
)
MIDDLE = (
    'msgid ""\n'
    '"Owns a service end to end:\\n"\n'
    '"\\n"\n'
    '"- **designs** its API\\n"\n'
    '"- reads the [style guide](https://example.org/style?a=1&b=2)"\n'
)
GOOD_MIDDLE = (
    'msgstr ""\n'
    '"Verantwortet einen Dienst vollständig:\\n"\n'
    '"\\n"\n'
    '"- **entwirft** seine API\\n"\n'
    '"- liest den [Styleguide](https://example.org/style?a=1&b=2)"\n'
)


def template(build: Callable[..., SphinxTestApp]) -> Path:
    return build('richtext', 'gettext').outdir / 'site.pot'


def write_po(tmp_path: Path, *entries: str) -> tuple[Path, list[str]]:
    po_file = tmp_path / 'de' / 'LC_MESSAGES' / 'site.po'
    po_file.parent.mkdir(parents=True, exist_ok=True)
    text = HEADER + '\n'.join(entries)
    po_file.write_text(text, encoding='utf-8')
    return po_file, text.split('\n')


def line_of(lines: list[str], text: str) -> int:
    return lines.index(text) + 1


@pytest.mark.parametrize(
    ('msgid', 'msgstr', 'reason'),
    [
        pytest.param(
            JUNIOR,
            'msgstr "Schreibt gut getesteten Code. Nutzt täglich `pytest` und *Linter*."\n',
            'other paragraphs or list items',
            id='a list became a paragraph',
        ),
        pytest.param(
            MIDDLE,
            GOOD_MIDDLE.replace('(https://example.org/style?a=1&b=2)', ''),
            "links [], the original ['https://example.org/style?a=1&b=2']",
            id='a link lost its target',
        ),
        pytest.param(
            JUNIOR,
            'msgstr ""\n"1. Schreibt <b>gut</b> getesteten Code.\\n"\n"2. Nutzt täglich `pytest`."\n',
            'raw HTML is not allowed in a description',
            id='raw HTML appeared',
        ),
    ],
)
def test_a_translation_that_breaks_the_markup_is_named_at_its_line(
    build: Callable[..., SphinxTestApp], tmp_path: Path, msgid: str, msgstr: str, reason: str
) -> None:
    po_file, lines = write_po(tmp_path, msgid + msgstr)
    report = compare(template(build), po_file)
    msgstr_line = max(number for number, line in enumerate(lines, 1) if line.startswith('msgstr'))
    broken = [problem for problem in report.problems if 'breaks its Markdown' in problem]
    assert len(broken) == 1, report.problems
    assert broken[0].startswith(f'{po_file}:{msgstr_line}: the translation of "')
    assert 'data/skills/craft.yaml:' in broken[0]
    assert reason in broken[0]


def test_a_translation_that_keeps_the_markup_passes(
    build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    good_junior = (
        'msgstr ""\n'
        '"1. Schreibt gut getesteten Code für kleine Testlösungen.\\n"\n'
        '"2. Nutzt täglich Werkzeuge wie `pytest` und *Linter*."\n'
    )
    plain = 'msgid "Writes unit tests with pytest fixtures."\nmsgstr "1. Schreibt <b>Unit-Tests</b>."\n'
    po_file, _lines = write_po(tmp_path, JUNIOR + good_junior, MIDDLE + GOOD_MIDDLE, plain)
    report = compare(template(build), po_file)
    # a plain English text's translation is shown as plain text, whatever it holds: not compared
    assert [problem for problem in report.problems if 'Markdown' in problem] == []
    assert report.translated == 3


def test_dangerous_characters_in_a_translation_are_located(
    build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    entries = (
        'msgid "Designs integration suites."\nmsgstr "Entwirft \u202eIntegrations\u202c-Suiten."\n',
        'msgid "Builds end-to-end harnesses."\nmsgstr "Baut End-to-End-\bTestumgebungen\x00."\n',
        'msgid "Sets the testing strategy."\nmsgstr "Legt die Test\u200bstrategie fest."\n',
        # in an English text (checked by make check-data where it comes from): not the translator's
        'msgid "Shapes quality \u202eengineering."\nmsgstr "Prägt die Qualitätssicherung."\n',
    )
    po_file, lines = write_po(tmp_path, *entries)
    report = compare(template(build), po_file)
    override = next(number for number, line in enumerate(lines, 1) if line.startswith('msgstr "Entwirft'))
    backspace, space = override + 3, override + 6

    def at(line: int, character: str) -> str:
        return f'{po_file}:{line}:{lines[line - 1].index(character) + 1}'

    expected_errors = [
        f'{at(override, chr(0x202E))}: error: U+202E RIGHT-TO-LEFT OVERRIDE: ',
        f'{at(override, chr(0x202C))}: error: U+202C POP DIRECTIONAL FORMATTING: ',
        f'{at(backspace, chr(8))}: error: U+0008 BACKSPACE: delete it',
        f'{at(backspace, chr(0))}: error: U+0000 NULL: delete it',
    ]
    for start in expected_errors:
        assert any(problem.startswith(start) for problem in report.problems), (start, report.problems)
    assert [warning.split(': ')[0:2] for warning in report.warnings] == [[at(space, chr(0x200B)), 'warning']]
    english = space + 2  # the msgid's override is not the translator's
    assert not any(
        problem.startswith(f'{po_file}:{english}:') and 'U+202E' in problem for problem in report.problems
    )


def test_make_intl_check_fails_naming_the_line(build: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    po_file, lines = write_po(
        tmp_path,
        JUNIOR + 'msgstr "Schreibt Code, nutzt pytest."\n',
        'msgid "Designs integration suites."\nmsgstr "Entwirft \u202eIntegrations-Suiten."\n',
    )
    result = subprocess.run(
        [
            sys.executable,
            '-m',
            'skill_matrix.catalogcheck',
            'check',
            '-l',
            'de',
            f'{template(build)}={tmp_path}',
        ],
        capture_output=True,
        text=True,
        check=False,
        env={'PYTHONPATH': str(REPO / '_ext')},
    )
    assert result.returncode == 1
    junior = max(number for number, line in enumerate(lines, 1) if line.startswith('msgstr "Schreibt'))
    override = line_of(lines, 'msgstr "Entwirft \u202eIntegrations-Suiten."')
    errors = [line for line in result.stderr.splitlines() if line.startswith('ERROR: ')]
    assert any(
        line.startswith(f'ERROR: {po_file}:{junior}: the translation of "1. Writes') for line in errors
    )
    assert f'ERROR: {po_file}:{override}:18: error: U+202E RIGHT-TO-LEFT OVERRIDE' in result.stderr
    assert 'Traceback' not in result.stderr
