"""tools/import-export: page exports in, data/ YAML out, re-import with a minimal diff."""

from __future__ import annotations

import datetime
import difflib
import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import (
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    REPO,
    markdown_export,
    read_yaml,
    run_importer,
    seed,
    two_roles,
)

from skill_matrix.data.richtext import plain_text

if TYPE_CHECKING:
    from pathlib import Path

SEED_IDS = {
    '000': 'deep-learning-frameworks',
    '001': 'neural-network-architectures',
    '002': 'pytorch',
    '003': 'deep-learning-frameworks',
    '004': 'neural-network-architectures',
}
TITLES = {
    'deep-learning-frameworks': 'Deep Learning Frameworks',
    'neural-network-architectures': 'Neural Network Architectures',
}


def project(tmp_path: Path) -> Path:
    """A copy of the site's data and pages to import into."""
    shutil.copytree(REPO / 'data', tmp_path / 'data')
    shutil.copytree(REPO / 'skills', tmp_path / 'skills')
    return tmp_path


def snapshot(directory: Path) -> dict[str, tuple[int, bytes]]:
    """Every file below *directory* with its modification time and bytes."""
    return {
        str(path.relative_to(directory)): (path.stat().st_mtime_ns, path.read_bytes())
        for path in sorted(directory.rglob('*'))
        if path.is_file()
    }


# --- round trip and re-import of the seeds ------------------------------------------------------


def test_the_seeds_into_an_empty_data_directory_give_the_committed_data(tmp_path: Path) -> None:
    (tmp_path / 'data').mkdir()
    shutil.copy(REPO / 'data' / 'levels.yaml', tmp_path / 'data' / 'levels.yaml')
    outputs = [
        run_importer(seed('002'), cwd=tmp_path),
        run_importer(
            seed('000'),
            seed('003'),
            '--id',
            'deep-learning-frameworks',
            '--title',
            TITLES['deep-learning-frameworks'],
            cwd=tmp_path,
        ),
        run_importer(
            seed('001'),
            seed('004'),
            '--id',
            'neural-network-architectures',
            '--title',
            TITLES['neural-network-architectures'],
            cwd=tmp_path,
        ),
    ]
    for result in outputs:
        assert result.returncode == 0, result.stderr
    assert outputs[0].stdout.splitlines()[-1] == (
        'created pytorch (data/skills/pytorch.yaml): 5 roles, 25 cells, 19 required, date 2026-03-17; '
        'page skills/pytorch.rst created'
    )
    assert outputs[0].stdout.splitlines()[0] == (
        f"added role 'Computer Vision Engineer' as computer-vision-engineer to data/roles.yaml "
        f'(first in {seed("002")}:48)'
    )
    assert outputs[1].stdout == (
        'created deep-learning-frameworks (data/skills/deep-learning-frameworks.yaml): 2 roles, 10 cells, '
        '0 required, date 2026-02-22; page skills/deep-learning-frameworks.rst created\n'
    )
    assert read_yaml(tmp_path / 'data' / 'roles.yaml') == read_yaml(REPO / 'data' / 'roles.yaml')
    committed = sorted(path.name for path in (REPO / 'data' / 'skills').glob('*.yaml'))
    assert sorted(path.name for path in (tmp_path / 'data' / 'skills').iterdir()) == committed
    for name in committed:
        assert read_yaml(tmp_path / 'data' / 'skills' / name) == read_yaml(REPO / 'data' / 'skills' / name), (
            name
        )
    assert (
        tmp_path / 'skills' / 'pytorch.rst'
    ).read_text() == 'PyTorch\n=======\n\n.. skill-matrix:: pytorch\n'


@pytest.mark.parametrize('number', sorted(SEED_IDS))
def test_reimporting_a_seed_over_the_committed_data_touches_no_file(tmp_path: Path, number: str) -> None:
    site = project(tmp_path)
    before = snapshot(site)
    arguments = [] if number == '002' else ['--id', SEED_IDS[number]]
    result = run_importer(seed(number), *arguments, cwd=site)
    assert result.returncode == 0, result.stderr
    skill_id = SEED_IDS[number]
    assert result.stdout == f'unchanged {skill_id} (data/skills/{skill_id}.yaml)\n'
    assert snapshot(site) == before


def edited_pytorch_seed(directory: Path) -> Path:
    """The PyTorch export with one description, one flag (Data Scientist, Senior: no longer
    required, and the stats to match) and the date changed, saved with CRLF line ends and a BOM."""
    text = seed('002').read_text(encoding='utf-8')
    edits = [
        ('Uses torchmetrics for evaluation.', 'Uses torchmetrics and TensorBoard for evaluation.'),
        ('Data Scientist Pflicht Architects complex', 'Data Scientist Architects complex'),
        ('\n19\n', '\n18\n'),
        ('die anderen 6 optional', 'die anderen 7 optional'),
        ('17.3.2026', '1.4.2026'),
    ]
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = directory / 'pytorch-edited.txt'
    path.write_bytes(b'\xef\xbb\xbf' + text.replace('\n', ' \r\n').encode('utf-8'))
    return path


def test_an_edited_export_changes_exactly_those_lines(tmp_path: Path) -> None:
    site = project(tmp_path / 'site')
    export = edited_pytorch_seed(tmp_path)
    target = site / 'data' / 'skills' / 'pytorch.yaml'
    before = target.read_text().splitlines()
    others = {name: data for name, data in snapshot(site).items() if name != 'data/skills/pytorch.yaml'}

    result = run_importer(export, cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        'updated pytorch (data/skills/pytorch.yaml): 2 cells changed, 1 flag changed, '
        'date 2026-03-17 → 2026-04-01\n'
    )
    after = target.read_text().splitlines()
    changes = [line for line in difflib.unified_diff(before, after, lineterm='', n=0) if line[:1] in '+-']
    assert changes == [
        '--- ',
        '+++ ',
        '-updated: 2026-03-17',
        '+updated: 2026-04-01',
        '-      required: true',
        '+      required: false',
        # The description is wrapped as before up to the edit (at most 96 characters a line).
        '-        shapes, device management (CPU/GPU) and model checkpointing. Uses torchmetrics for',
        '-        evaluation.',
        '+        shapes, device management (CPU/GPU) and model checkpointing. Uses torchmetrics and',
        '+        TensorBoard for evaluation.',
    ]
    assert {
        name: data for name, data in snapshot(site).items() if name != 'data/skills/pytorch.yaml'
    } == others


def test_a_reimport_keeps_the_cells_examples(tmp_path: Path) -> None:
    """Exports have no examples: re-importing a skill updates its cells and keeps their examples."""
    site = project(tmp_path / 'site')
    target = site / 'data' / 'skills' / 'pytorch.yaml'
    examples = '      examples:\n        - Fine-tuned a *ResNet* on 200 photos.\n'
    text = target.read_text(encoding='utf-8')
    target.write_text(
        text.replace('        training loop basics.\n', '        training loop basics.\n' + examples, 1),
        encoding='utf-8',
    )
    result = run_importer(edited_pytorch_seed(tmp_path), cwd=site)
    assert result.returncode == 0, result.stderr
    assert '2 cells changed' in result.stdout
    after = target.read_text(encoding='utf-8')
    assert after.count(examples) == 1
    assert 'Uses torchmetrics and\n        TensorBoard for evaluation.' in after


def test_dry_run_prints_the_diff_and_writes_nothing(tmp_path: Path) -> None:
    site = project(tmp_path / 'site')
    export = edited_pytorch_seed(tmp_path)
    before = snapshot(site)
    result = run_importer('--dry-run', export, cwd=site)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        'updated pytorch (data/skills/pytorch.yaml): 2 cells changed, 1 flag changed, '
        'date 2026-03-17 → 2026-04-01'
    )
    assert lines[1:3] == ['--- data/skills/pytorch.yaml', '+++ data/skills/pytorch.yaml']
    assert '-updated: 2026-03-17' in lines
    assert '+updated: 2026-04-01' in lines
    assert lines[-1] == 'dry run: nothing written'
    assert snapshot(site) == before


# --- a new skill with a new role, built in every language ----------------------------------------


def test_a_new_skill_and_its_new_role_are_added(
    imported_site: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    site, result = imported_site
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "added role 'Data Engineer' as data-engineer to data/roles.yaml (first in data-pipelines.md:21)",
        'created data-pipelines (data/skills/data-pipelines.yaml): 2 roles, 10 cells, 3 required, '
        'date 2026-02-22; page skills/data-pipelines.rst created',
    ]
    roles = read_yaml(site / 'data' / 'roles.yaml')['roles']
    assert roles[-1] == {'id': 'data-engineer', 'name': 'Data Engineer'}
    assert roles[:-1] == read_yaml(REPO / 'data' / 'roles.yaml')['roles']
    skill = read_yaml(site / 'data' / 'skills' / 'data-pipelines.yaml')
    assert skill['title'] == HOSTILE_TITLE
    assert skill['summary'] == 'Batch: yes'
    assert skill['updated'] == datetime.date(2026, 2, 22)
    assert list(skill['roles']) == ['data-scientist', 'data-engineer']  # roles.yaml order
    cell = skill['roles']['data-engineer']['junior']
    assert cell['required'] is False
    # a description is Markdown: the export's text is escaped so that it shows as written
    assert plain_text(cell['description']) == HOSTILE_TEXT.replace('\\|', '|')
    assert skill['roles']['data-engineer']['senior']['required'] is True
    # The comments and entries of roles.yaml before the new role are kept as they were.
    committed = (REPO / 'data' / 'roles.yaml').read_text()
    assert (site / 'data' / 'roles.yaml').read_text().startswith(committed)


# --- malformed input: file:line: message, exit 1, nothing written ---------------------------------


def fails(tmp_path: Path, *args: str | Path) -> list[str]:
    """Run the importer on a copy of the site; it must fail, write nothing and say why."""
    site = project(tmp_path / 'site')
    before = snapshot(site)
    result = run_importer(*args, cwd=site)
    assert result.returncode == 1, result.stdout
    assert result.stdout == ''
    assert snapshot(site) == before
    lines = result.stderr.splitlines()
    assert lines[-1] == f'{len(lines) - 1} problem(s); nothing written'
    return lines[:-1]


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding='utf-8')
    return path


def test_no_level_tables(tmp_path: Path) -> None:
    export = write(tmp_path, 'empty.md', markdown_export(two_roles()).split('| Role')[0])
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f"{export}:1: no level tables: expected a header line such as '| Role | Required | Description |' "
        "(Markdown) or 'Role Required Description' (plain text), in English, German or Chinese"
    ]


def test_a_row_without_a_role(tmp_path: Path) -> None:
    text = markdown_export(two_roles()).replace(
        '| ML Engineer | ML Engineer at Senior.', '|  | ML Engineer at Senior.'
    )
    export = write(tmp_path, 'no-role.md', text)
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f'{export}:30: a row without a role: its Role cell is empty'
    ]


def test_a_row_without_a_role_in_the_plain_text_layout(tmp_path: Path) -> None:
    text = (
        seed('002')
        .read_text(encoding='utf-8')
        .replace('\nNLP Engineer Pflicht Designs complex', '\nDesigns complex')
    )
    export = write(tmp_path, 'no-role.txt', text)
    assert fails(tmp_path, export) == [
        f'{export}:64: a row without a role: it starts with no known role and with no name that heads a '
        "row in every level table: 'Designs complex NLP architectures with PyTorch: multi-task…'"
    ]


def test_a_table_with_a_missing_column(tmp_path: Path) -> None:
    lines = markdown_export(two_roles()).splitlines(keepends=True)
    assert lines[26] == '| Role | Required | Description |\n'
    lines[26] = '| Role | Description |\n'
    export = write(tmp_path, 'column.md', ''.join(lines))
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f"{export}:27: the level table has no 'Required' column "
        '(expected the columns Role | Required | Description)'
    ]


def test_an_unreadable_date(tmp_path: Path) -> None:
    export = write(tmp_path, 'date.md', markdown_export(two_roles(), date='2/30/2026'))
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f"{export}:16: unreadable date '2/30/2026': expected a date such as "
        '2/22/2026, 22.2.2026, 2026/2/22 or 2026-02-22'
    ]


def test_binary_bytes(tmp_path: Path) -> None:
    text = markdown_export(two_roles()).encode('utf-8').replace(b'Middle level', b'Middle\x00level')
    export = write(tmp_path, 'binary.md', text)
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f'{export}:25: binary data (byte 0x00 at offset {text.index(0)}): not a text export'
    ]


def test_bytes_that_are_not_utf_8(tmp_path: Path) -> None:
    text = markdown_export(two_roles()).replace('Lead level', 'Lead lével').encode('latin-1')
    export = write(tmp_path, 'latin1.md', text)
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f'{export}:33: not UTF-8 text (byte 0xe9 at offset {text.index(0xE9)}): save the export as UTF-8'
    ]


def test_stats_that_do_not_match_the_tables(tmp_path: Path) -> None:
    export = write(tmp_path, 'stats.md', markdown_export(two_roles(), roles=3, mandatory=2))
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f'{export}:6: the stats say 3 roles, but the tables have 2 roles',
        f'{export}:12: the stats say 2 mandatory requirements, but the tables have 3 required cells',
    ]


def test_merged_exports_that_disagree(tmp_path: Path) -> None:
    first = write(tmp_path, 'a.md', markdown_export(two_roles()))
    tables = two_roles()
    tables[3][1] = ('ML Engineer', False, 'Something else entirely.')
    second = write(tmp_path, 'b.md', markdown_export(tables, date='22.2.2026'))
    assert fails(tmp_path, first, second, '--id', 'pytorch') == [
        f'{second}:34: ML Engineer, level table 4: the description differs from {first}:34'
    ]


def test_a_level_count_that_differs_from_levels_yaml(tmp_path: Path) -> None:
    export = write(tmp_path, 'four.md', markdown_export(two_roles()[:4]))
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f'{export}:9: the export has 4 level tables, but data/levels.yaml defines 5 levels '
        '(junior, middle, senior, lead, principal); the tables map to the levels in order, Junior first'
    ]


def test_an_export_without_a_title_needs_an_id(tmp_path: Path) -> None:
    export = write(tmp_path, 'untitled.md', markdown_export(two_roles()))
    assert fails(tmp_path, export) == [
        f'{export}:1: this export has no title (Markdown exports have none): give --id for an existing '
        'skill, or --id and --title for a new one'
    ]


def test_a_new_skill_without_a_title_needs_one(tmp_path: Path) -> None:
    export = write(tmp_path, 'untitled.md', markdown_export(two_roles()))
    assert fails(tmp_path, export, '--id', 'data-pipelines') == [
        f"{export}:1: skill 'data-pipelines' is new (no data/skills/data-pipelines.yaml) and its export "
        'has no title: give --title too'
    ]


def test_an_id_that_is_no_id(tmp_path: Path) -> None:
    export = write(tmp_path, 'untitled.md', markdown_export(two_roles()))
    assert fails(tmp_path, export, '--id', '../x') == [
        "import-export: --id '../x' is not a skill id: use lowercase letters and digits joined by hyphens"
    ]


def test_the_module_form_and_make_import(tmp_path: Path) -> None:
    site = project(tmp_path)
    module = subprocess.run(
        [sys.executable, '-m', 'skill_matrix.data.importer', '--help'],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, 'PYTHONPATH': str(REPO / '_ext')},
        cwd=site,
    )
    assert module.returncode == 0
    assert module.stdout.startswith('usage: import-export [-h] [--id SKILL_ID] [--title TITLE]')
    make = subprocess.run(
        ['make', '-s', '-C', str(REPO), 'import', f'VENV={sys.prefix}'],
        capture_output=True,
        text=True,
        check=False,
    )
    assert make.returncode != 0
    assert 'make import needs FILES=' in make.stdout


def test_level_tables_without_rows(tmp_path: Path) -> None:
    rows = [
        line
        for line in markdown_export(two_roles()).splitlines()
        if line.startswith('| ') and 'Role' not in line
    ]
    text = '\n'.join(line for line in markdown_export(two_roles()).splitlines() if line not in rows)
    export = write(tmp_path, 'rows.md', text)
    assert fails(tmp_path, export, '--id', 'pytorch') == [f'{export}:19: the level tables have no rows']


def test_merged_exports_that_disagree_on_a_flag_and_a_role(tmp_path: Path) -> None:
    first = write(tmp_path, 'a.md', markdown_export(two_roles()))
    tables = two_roles(other='NLP Engineer')
    tables[2][0] = ('Data Scientist', False, 'Data Scientist works at Senior level.')
    second = write(tmp_path, 'b.md', markdown_export(tables, mandatory=3))
    problems = fails(tmp_path, first, second, '--id', 'pytorch')
    assert (
        f'{second}:12: the stats say 3 mandatory requirements, but the tables have 2 required cells'
        in problems
    )
    second.write_text(markdown_export(tables), encoding='utf-8')
    assert fails(tmp_path / 'again', first, second, '--id', 'pytorch') == [
        f"{second}:19: level table 1 has no row for 'ML Engineer', which {first}:22 has",
        f"{second}:22: the role 'NLP Engineer' is not in {first}",
        f"{second}:23: level table 2 has no row for 'ML Engineer', which {first}:26 has",
        f"{second}:26: the role 'NLP Engineer' is not in {first}",
        f"{second}:27: level table 3 has no row for 'ML Engineer', which {first}:30 has",
        f'{second}:29: Data Scientist, level table 3: optional here, but required in {first}:29',
        f"{second}:30: the role 'NLP Engineer' is not in {first}",
        f"{second}:31: level table 4 has no row for 'ML Engineer', which {first}:34 has",
        f"{second}:34: the role 'NLP Engineer' is not in {first}",
        f"{second}:35: level table 5 has no row for 'ML Engineer', which {first}:38 has",
        f"{second}:38: the role 'NLP Engineer' is not in {first}",
    ]


def test_a_reimport_adds_and_removes_roles(tmp_path: Path) -> None:
    """An updated export with a role replaced: the old role's cells go, the new role's come in
    roles.yaml's order, and nothing else in the file changes."""
    site = project(tmp_path / 'site')
    export = write(
        tmp_path, 'dlf.md', markdown_export(two_roles('Data Scientist', 'NLP Engineer'), date='2026-02-22')
    )
    target = site / 'data' / 'skills' / 'deep-learning-frameworks.yaml'
    committed = read_yaml(target)
    result = run_importer(export, '--id', 'deep-learning-frameworks', cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        'updated deep-learning-frameworks (data/skills/deep-learning-frameworks.yaml): 15 cells changed, '
        '3 flags changed, date 2026-02-22, roles added: nlp-engineer, roles removed: llm-engineer, '
        'domain changed, group changed\n'
    )
    updated = read_yaml(target)
    assert list(updated['roles']) == ['data-scientist', 'nlp-engineer']
    assert updated['roles']['nlp-engineer']['lead'] == {
        'required': False,
        'description': 'NLP Engineer at Lead.',
    }
    assert updated['roles']['data-scientist']['senior'] == {
        'required': True,
        'description': 'Data Scientist works at Senior level.',
    }
    assert (updated['title'], updated['domain'], updated['group']) == (
        committed['title'],
        'Data',
        'Pipelines',
    )
    assert target.read_text().startswith(
        '# yaml-language-server: $schema=../../_ext/skill_matrix/schemas/skill.schema.json\n'
    )


def test_a_plain_text_export_with_a_role_not_in_roles_yaml(tmp_path: Path) -> None:
    """A new role in the plain-text layout is the name that heads a row in every level table."""
    text = seed('002').read_text(encoding='utf-8')
    text = text.replace('\nComputer Vision Engineer ', '\nMLOps Platform Engineer ')
    export = write(tmp_path, 'pytorch.txt', text)
    site = project(tmp_path / 'site')
    result = run_importer('--dry-run', export, cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == [
        "added role 'MLOps Platform Engineer' as mlops-platform-engineer to data/roles.yaml "
        f'(first in {export}:48)',
        'updated pytorch (data/skills/pytorch.yaml): 10 cells changed, 0 flags changed, date 2026-03-17, '
        'roles added: mlops-platform-engineer, roles removed: computer-vision-engineer',
    ]
    assert '+  - id: mlops-platform-engineer\n+    name: MLOps Platform Engineer\n' in result.stdout


def test_the_importer_needs_neither_sphinx_nor_docutils(tmp_path: Path) -> None:
    site = project(tmp_path)
    code = (
        'import sys; sys.modules["sphinx"] = None; sys.modules["docutils"] = None; '
        f'sys.path.insert(0, {str(REPO / "_ext")!r}); '
        'from skill_matrix.data.importer import main; sys.exit(main(sys.argv[1:]))'
    )
    export = write(tmp_path, 'untitled.md', markdown_export(two_roles()))
    result = subprocess.run(
        [sys.executable, '-c', code, '--dry-run', '--id', 'pytorch', str(export)],
        cwd=site,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('updated pytorch (data/skills/pytorch.yaml): ')


def test_an_export_saved_as_utf_16(tmp_path: Path) -> None:
    export = write(tmp_path, 'utf16.md', markdown_export(two_roles()).encode('utf-16'))
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f'{export}:1: not UTF-8 text (a UTF-16 byte-order mark): save the export as UTF-8'
    ]


def test_characters_no_text_file_holds(tmp_path: Path) -> None:
    text = markdown_export(two_roles()).replace('Lead level', 'Lead\ufffelevel').encode('utf-8')
    export = write(tmp_path, 'noncharacter.md', b'\xef\xbb\xbf' + text)
    offset = 3 + text.index('\ufffe'.encode())
    assert fails(tmp_path, export, '--id', 'pytorch') == [
        f'{export}:33: binary data (character U+FFFE at offset {offset}): not a text export'
    ]


def test_role_names_match_regardless_of_case_and_spacing(tmp_path: Path) -> None:
    text = seed('004').read_text(encoding='utf-8')
    text = text.replace('| Data Scientist |', '| data   SCIENTIST |').replace(
        '| LLM Engineer |', '|  llm engineer |'
    )
    export = write(tmp_path, 'nna.md', text)
    site = project(tmp_path / 'site')
    before = snapshot(site)
    result = run_importer(export, '--id', 'neural-network-architectures', cwd=site)
    assert result.returncode == 0, result.stderr
    assert (
        result.stdout
        == 'unchanged neural-network-architectures (data/skills/neural-network-architectures.yaml)\n'
    )
    assert snapshot(site) == before


def test_a_page_of_that_name_that_shows_something_else_is_not_overwritten(tmp_path: Path) -> None:
    site = project(tmp_path / 'site')
    (site / 'skills' / 'data-pipelines.rst').write_text('Data pipelines\n==============\n\nHand-written.\n')
    export = write(tmp_path, 'new.md', markdown_export(two_roles()))
    before = snapshot(site)
    result = run_importer(export, '--id', 'data-pipelines', '--title', 'Data Pipelines', cwd=site)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        "skills/data-pipelines.rst:1: this page does not show skill 'data-pipelines' and the importer does "
        'not overwrite it: add the directive .. skill-matrix:: data-pipelines, or rename the page'
    )
    assert snapshot(site) == before
