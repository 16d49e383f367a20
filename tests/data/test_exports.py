"""Reading page exports (skill_matrix.data.exports) and the importer's plan, without a subprocess."""

from __future__ import annotations

import datetime
import itertools
import shutil
from typing import TYPE_CHECKING

import docutils.core
import docutils.nodes
import pytest
from conftest import REPO, markdown_export, seed, two_roles
from hypothesis import HealthCheck, given, settings, strategies as st

from skill_matrix.data.exports import ExportError, ExportProblem, parse_date, read_export
from skill_matrix.data.importer import Importer, ImportFailed, write
from skill_matrix.data.loader import load_definitions, load_skill
from skill_matrix.data.richtext import plain_text

if TYPE_CHECKING:
    from pathlib import Path

_counter = itertools.count()


def test_the_plain_text_seed() -> None:
    export = read_export(seed('002'))  # no known roles: each is the name that heads a row in every table
    assert (export.layout, export.language) == ('plain', 'de')
    assert export.title is not None
    assert (export.title.text, export.title.line) == ('PyTorch', 3)
    assert export.summary is not None
    assert (
        export.summary.text == 'PyTorch: tensors, autograd, DataLoader, custom models, distributed training'
    )
    assert (export.domain.text, export.group.text) == ('Machine Learning & AI', 'Deep Learning')
    assert (export.updated, export.updated_line) == (datetime.date(2026, 3, 17), 37)
    assert export.role_names == (
        'Computer Vision Engineer',
        'Data Scientist',
        'LLM Engineer',
        'ML Engineer',
        'NLP Engineer',
    )
    assert [(row.role, row.required) for row in export.tables[0].rows][3:] == [
        ('ML Engineer', True),
        ('NLP Engineer', True),
    ]
    assert export.tables[0].rows[3].description.startswith('Trains neural networks in PyTorch')


@pytest.mark.parametrize(('number', 'language'), [('000', 'de'), ('003', 'zh_CN'), ('004', 'en')])
def test_the_markdown_seeds(number: str, language: str) -> None:
    export = read_export(seed(number))
    assert (export.layout, export.language, export.title, export.summary) == (
        'markdown',
        language,
        None,
        None,
    )
    assert export.updated == datetime.date(2026, 2, 22)
    assert (export.stats.roles.value, export.stats.mandatory.value, export.stats.optional.value) == (2, 0, 10)
    assert len(export.tables) == 5
    first = export.tables[0].rows[0]
    assert (first.role, first.required, first.line) == ('Data Scientist', False, 21)


@pytest.mark.parametrize(
    ('text', 'date'),
    [
        ('2/22/2026', datetime.date(2026, 2, 22)),
        ('22.2.2026', datetime.date(2026, 2, 22)),
        ('2026/2/22', datetime.date(2026, 2, 22)),
        ('2026年2月22日', datetime.date(2026, 2, 22)),
        ('2026-02-22', datetime.date(2026, 2, 22)),
        ('12/1/2026', datetime.date(2026, 12, 1)),
        ('1.12.2026', datetime.date(2026, 12, 1)),
        ('22/2/2026', None),
        ('2026-2-22', None),
        ('yesterday', None),
        ('٢/٢٢/٢٠٢٦', None),
    ],
)
def test_dates_as_each_language_writes_them(text: str, date: datetime.date | None) -> None:
    assert parse_date(text) == date


def test_line_ends_bom_trailing_spaces_and_escaped_pipes_do_not_matter(tmp_path: Path) -> None:
    tables = two_roles()
    tables[1][0] = ('Data Scientist', False, 'Uses a | b and c.')
    clean = markdown_export(tables)
    plain = tmp_path / 'plain.md'
    plain.write_text(clean.replace('a | b', 'a \\| b'), encoding='utf-8')
    messy = tmp_path / 'messy.md'
    messy.write_bytes(b'\xef\xbb\xbf' + clean.replace('a | b', 'a \\| b').replace('\n', '  \r\n').encode())
    first, second = read_export(plain), read_export(messy)
    assert first.tables == second.tables
    assert first.tables[1].rows[0].description == 'Uses a | b and c.'


# --- properties -------------------------------------------------------------------------------

FRAGMENTS = [
    '| Role | Required | Description |',
    '| Rolle | Pflicht | Beschreibung |',
    'Rolle Pflicht Beschreibung',
    '|---|---|---|',
    '| Data Scientist | Required | Does it. |',
    '| Data Scientist | Does it. | |',
    '| | x |',
    'Data Scientist Pflicht Does it.',
    'Roles',
    'Levels',
    'Mandatory requirements',
    'the other 3 optional',
    'Domain',
    'Last updated',
    'skills.group',
    'Skill Profile',
    '2',
    '2/22/2026',
    '',
    '\\|',
]
lines = st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(lines, max_size=40), st.sampled_from(['\n', '\r\n']))
def test_any_text_is_an_export_or_located_problems(tmp_path: Path, content: list[str], newline: str) -> None:
    path = tmp_path / f'export-{next(_counter)}.md'
    text = newline.join(content)
    path.write_bytes(text.encode('utf-8', 'surrogatepass'))
    # A generated line may hold line breaks itself: count the file's lines, every break counted.
    last_line = len(text.splitlines()) + 1
    problems: tuple[ExportProblem, ...] = ()
    try:
        assert read_export(path, ['Data Scientist']).tables
    except ExportError as error:
        problems = error.problems
        assert problems
    for problem in problems:
        assert 1 <= problem.line <= last_line
        assert str(problem).startswith(f'{path}:{problem.line}: ')


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_are_an_export_or_located_problems(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp('bytes') / 'export.txt'
    path.write_bytes(data)
    with pytest.raises(ExportError):
        read_export(path)


# Not: bidirectional controls and tag characters (the importer refuses them, the loader shows them
# as [U+202E]), zero-width spaces and byte-order marks (the importer drops them); see
# tests/test_unicode_corpus.py.
IMPORTED_OTHERWISE = '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff'
texts = st.text(
    st.characters(blacklist_categories=('Cc', 'Cs'), blacklist_characters=IMPORTED_OTHERWISE),
    min_size=1,
    max_size=120,
).filter(
    lambda text: (
        text.strip()
        and text.strip().casefold() not in ('required', 'optional', 'pflicht', '必要', '可选')
        and not any(0xE0000 <= ord(character) <= 0xE007F for character in text)
    )
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(texts, min_size=10, max_size=10), texts)
def test_any_text_reads_back_as_imported(tmp_path: Path, descriptions: list[str], title: str) -> None:
    """Whatever the descriptions and the title hold (markup, quotes, YAML syntax, any script),
    the descriptions show as written and the new page's title shows them as written."""
    site = tmp_path / f'site-{next(_counter)}'
    (site / 'data').mkdir(parents=True)
    shutil.copy(REPO / 'data' / 'levels.yaml', site / 'data' / 'levels.yaml')
    shutil.copy(REPO / 'data' / 'roles.yaml', site / 'data' / 'roles.yaml')
    tables = two_roles()
    cells = iter(descriptions)
    tables = [[(role, flag, next(cells)) for role, flag, _text in table] for table in tables]
    export = site / 'export.md'
    export.write_text(
        markdown_export([[(r, f, d.replace('|', '\\|')) for r, f, d in table] for table in tables]),
        encoding='utf-8',
    )
    try:
        plan = Importer(site / 'data', 'any-text', title).plan([export])
    except ImportFailed as failure:  # texts longer than the schema allows once cleaned, say
        pytest.fail('\n'.join(map(str, failure.problems)))
    write(plan.changes)
    skill = load_skill(site / 'data' / 'skills' / 'any-text.yaml', load_definitions(site / 'data'))
    expected = [' '.join(d.split()) for table in tables for _r, _f, d in table]
    # a description is Markdown: what would not show as written is escaped, and shows as written
    shown = {(item.role_id, item.level_id): plain_text(item.description.text) for item in skill.expectations}
    levels = ['junior', 'middle', 'senior', 'lead', 'principal']
    assert [
        shown[(role, level)] for level in levels for role in ('data-scientist', 'ml-engineer')
    ] == expected
    assert skill.title.text == ' '.join(title.split())
    page = (site / 'skills' / 'any-text.rst').read_text(encoding='utf-8').replace('.. skill-matrix::', '..')
    doctree = docutils.core.publish_doctree(page, settings_overrides={'report_level': 5, 'halt_level': 5})
    heading = doctree.next_node(docutils.nodes.title)
    assert heading is not None
    assert heading.astext() == ' '.join(title.split())


def test_markdown_columns_in_another_order(tmp_path: Path) -> None:
    text = markdown_export(two_roles()).replace(
        '| Role | Required | Description |', '| Description | Role | Required |'
    )
    lines = []
    for line in text.splitlines():
        if line.startswith('| ') and 'Description' not in line:
            role, flag, description = (cell.strip() for cell in line.strip('|').split('|'))
            if flag != 'Required':
                flag, description = '', flag
            line = f'| {description} | {role} | {flag} |'
        lines.append(line)
    path = tmp_path / 'order.md'
    path.write_text('\n'.join(lines), encoding='utf-8')
    assert read_export(path).tables == read_export(write_export(tmp_path, two_roles())).tables


def write_export(directory: Path, tables: list[list[tuple[str, bool, str]]]) -> Path:
    path = directory / 'export.md'
    path.write_text(markdown_export(tables), encoding='utf-8')
    return path


def test_markdown_export_takes_no_title_from_other_text(tmp_path: Path) -> None:
    """The Markdown layout has no title: a line the importer does not know (another wording of
    the profile text, say) is not taken for one; only a Markdown heading is."""
    text = markdown_export(two_roles()).replace(
        'This skill defines expectations across roles and levels.', 'Expectations by role and level.'
    )
    path = tmp_path / 'reworded.md'
    path.write_text(text, encoding='utf-8')
    assert read_export(path).title is None
    path.write_text(text.replace('Expectations by role and level.', '# Data Pipelines'), encoding='utf-8')
    export = read_export(path)
    assert export.title is not None
    assert (export.title.text, export.title.line) == ('Data Pipelines', 4)
