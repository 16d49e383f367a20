"""Level tracks in levels.yaml: which level follows which, and the located problems of bad tracks."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import REPO

from skill_matrix.data.loader import check_data_dir, load_definitions
from skill_matrix.data.problems import DataError

if TYPE_CHECKING:
    from pathlib import Path

TRACKS_DATA = REPO / 'tests' / 'roots' / 'test-tracks' / 'data'


def data_dir(tmp_path: Path, levels: str) -> Path:
    """The tracks root's data with *levels* as levels.yaml (skills keep their eight levels)."""
    target = tmp_path / 'data'
    shutil.copytree(TRACKS_DATA, target)
    (target / 'levels.yaml').write_text(levels, encoding='utf-8')
    return target


def messages(data: Path) -> list[str]:
    return [
        f'{problem.path.name}:{problem.line}:{problem.column}: {problem.message}'
        for problem in check_data_dir(data)
    ]


def levels_text(*entries: str) -> str:
    """levels.yaml with one entry per level: 'id' or 'id next a,b' (next: [a, b]) or 'id next' ([])."""
    lines = ['levels:']
    for entry in entries:
        level_id, *rest = entry.split(' next')
        lines += [f'  - id: {level_id}', f'    name: {level_id.title()}']
        if rest:
            lines.append(f'    next: [{rest[0].strip()}]')
    return '\n'.join(lines) + '\n'


EIGHT = (
    'associate',
    'engineer',
    'senior-1 next senior-2-ic, senior-2-pm',
    'senior-2-ic',
    'staff-ic',
    'principal-ic next',
    'senior-2-pm',
    'manager-pm',
)


def test_the_tracks_root_forks_after_senior_1() -> None:
    definitions = load_definitions(TRACKS_DATA)
    assert definitions.tracks
    assert definitions.next_levels() == {
        'associate': ['engineer'],
        'engineer': ['senior-1'],
        'senior-1': ['senior-2-ic', 'senior-2-pm'],
        'senior-2-ic': ['staff-ic'],
        'staff-ic': ['principal-ic'],
        'principal-ic': [],
        'senior-2-pm': ['manager-pm'],
        'manager-pm': [],
    }
    assert [level.id for level in definitions.levels][3:5] == ['senior-2-ic', 'staff-ic']  # file order kept


def test_without_next_the_levels_are_one_path_in_file_order() -> None:
    definitions = load_definitions(REPO / 'data')
    assert not definitions.tracks
    assert definitions.next_levels() is None
    assert [level.next for level in definitions.levels] == [
        ('middle',),
        ('senior',),
        ('lead',),
        ('principal',),
        (),
    ]


def test_tracks_may_join_again(tmp_path: Path) -> None:
    text = levels_text(
        'associate',
        'engineer',
        'senior-1 next senior-2-ic, senior-2-pm',
        'senior-2-ic',
        'staff-ic next manager-pm',
        'principal-ic next',
        'senior-2-pm next manager-pm',
        'manager-pm next principal-ic',
    )
    assert messages(data_dir(tmp_path, text)) == []
    definitions = load_definitions(tmp_path / 'data')
    assert definitions.next_levels()['staff-ic'] == ['manager-pm']  # type: ignore[index]


def test_an_unknown_level_in_next(tmp_path: Path) -> None:
    text = levels_text(*EIGHT).replace('next: [senior-2-ic, senior-2-pm]', 'next: [senior-2-ic, senior-2-mp]')
    assert messages(data_dir(tmp_path, text)) == [
        "levels.yaml:8:25: 'next' of level 'senior-1' names the unknown level 'senior-2-mp' "
        '(known: associate, engineer, senior-1, senior-2-ic, staff-ic, principal-ic, '
        'senior-2-pm, manager-pm); '
        "did you mean 'senior-2-pm'?"
    ]


def test_a_cycle(tmp_path: Path) -> None:
    text = levels_text(*EIGHT).replace('next: []', 'next: [senior-2-ic]')
    assert messages(data_dir(tmp_path, text)) == [
        'levels.yaml:15:12: the levels go round in a cycle: '
        'senior-2-ic → staff-ic → principal-ic → senior-2-ic; '
        "a track must end (a last level has 'next: []')"
    ]


def test_a_level_that_follows_itself(tmp_path: Path) -> None:
    text = levels_text(*EIGHT).replace('next: []', 'next: [principal-ic]')
    assert messages(data_dir(tmp_path, text)) == [
        "levels.yaml:15:12: level 'principal-ic' cannot follow itself"
    ]


def test_a_level_no_path_reaches(tmp_path: Path) -> None:
    text = levels_text(*EIGHT).replace('next: [senior-2-ic, senior-2-pm]', 'next: [senior-2-ic]')
    assert messages(data_dir(tmp_path, text)) == [
        "levels.yaml:16:9: no path from the first level 'associate' reaches level 'senior-2-pm': name it in "
        "the 'next' of the level before it"
    ]


def test_a_track_that_never_ends(tmp_path: Path) -> None:
    text = levels_text(*(entry.replace('principal-ic next', 'principal-ic') for entry in EIGHT))
    assert messages(data_dir(tmp_path, text)) == [
        "levels.yaml:13:9: the track of level 'principal-ic' never ends: without 'next' it runs on into "
        "'senior-2-pm', which starts a track of 'senior-1'; write 'next: []' to end the track at "
        "'principal-ic', or 'next: [senior-2-pm]' if it leads there"
    ]


@pytest.mark.parametrize(
    ('next_value', 'message'),
    [
        ('senior-2-ic', "'levels.2.next' must be a list, not the text 'senior-2-ic'"),
        ('[senior-2-ic, senior-2-ic]', "'levels.2.next' names an item twice"),
        ('[Senior 2]', "'levels.2.next.0' 'Senior 2' must be lowercase letters and digits joined by hyphens"),
    ],
)
def test_next_that_is_not_a_list_of_ids(tmp_path: Path, next_value: str, message: str) -> None:
    text = levels_text(*EIGHT).replace('next: [senior-2-ic, senior-2-pm]', f'next: {next_value}')
    with pytest.raises(DataError) as caught:
        load_definitions(data_dir(tmp_path, text))
    assert [problem.message for problem in caught.value.problems] == [message]
    assert [problem.line for problem in caught.value.problems] == [8]


def test_check_data_reports_a_cycle_with_its_location(tmp_path: Path) -> None:
    text = levels_text(*EIGHT).replace('next: []', 'next: [staff-ic]')
    data = data_dir(tmp_path, text)
    result = subprocess.run(
        [sys.executable, '-m', 'skill_matrix.data.check', str(data)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env={'PYTHONPATH': str(REPO / '_ext'), 'PATH': '/usr/bin:/bin'},
    )
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        'data/levels.yaml:15:12: the levels go round in a cycle: staff-ic → principal-ic → staff-ic; '
        "a track must end (a last level has 'next: []')"
    )
