"""Property-based: whatever a file holds, the loader returns a valid skill or a located DataError."""

from __future__ import annotations

import itertools
import string
from typing import TYPE_CHECKING, Any

import yaml
from conftest import ROOTS
from hypothesis import HealthCheck, given, settings, strategies as st

from skill_matrix.data.loader import load_definitions, load_skill
from skill_matrix.data.model import Skill
from skill_matrix.data.problems import DataError

if TYPE_CHECKING:
    from pathlib import Path

DATA = ROOTS / 'test-basic' / 'data'
DEFINITIONS = load_definitions(DATA)
FIELDS = ['id', 'title', 'summary', 'domain', 'group', 'updated', 'roles', 'required', 'description']
IDS = ['sample', *DEFINITIONS.role_ids, *DEFINITIONS.level_ids]
_counter = itertools.count()

scalars = st.one_of(
    st.text(max_size=30),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.none(),
    st.dates().map(str),
    st.sampled_from(IDS),
)
keys = st.one_of(
    st.sampled_from(FIELDS + IDS), st.text(alphabet=string.ascii_lowercase + '-_', min_size=1, max_size=12)
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=8)),
    max_leaves=60,
)


def skill_like() -> st.SearchStrategy[dict[str, Any]]:
    """Documents close to a real skill, so that the cross-checks are reached too."""
    cell = st.fixed_dictionaries(
        {
            'required': st.one_of(st.booleans(), scalars),
            'description': st.one_of(st.text(max_size=40), scalars),
        },
        optional={'extra': scalars},
    )
    levels = st.dictionaries(st.sampled_from([*DEFINITIONS.level_ids, 'senoir']), cell, max_size=6)
    roles = st.dictionaries(st.sampled_from([*DEFINITIONS.role_ids, 'qa-enginer']), levels, max_size=4)
    return st.fixed_dictionaries(
        {
            'id': st.sampled_from(['sample', 'other', 'Sample']),
            'title': st.text(max_size=20),
            'domain': st.text(max_size=20),
            'group': st.text(max_size=20),
            'updated': st.one_of(st.dates().map(str), st.text(max_size=10)),
            'roles': roles,
        },
        optional={'summary': scalars, 'unknown': scalars},
    )


def load(tmp_path: Path, content: bytes) -> Skill | DataError:
    path = tmp_path / f'{next(_counter)}' / 'sample.yaml'
    path.parent.mkdir()
    path.write_bytes(content)
    try:
        return load_skill(path, DEFINITIONS)
    except DataError as error:
        caught = error
    assert caught.problems, 'a DataError names at least one problem'
    for problem in caught.problems:
        assert problem.path == path
        assert problem.line >= 1
        assert problem.column >= 1
        assert problem.message
    return caught


common = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@common
@given(documents)
def test_random_yaml_documents(tmp_path: Path, document: Any) -> None:
    load(tmp_path, yaml.safe_dump(document, allow_unicode=True).encode())


@common
@given(skill_like())
def test_documents_shaped_like_a_skill(tmp_path: Path, document: dict[str, Any]) -> None:
    result = load(tmp_path, yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode())
    if isinstance(result, Skill):
        assert result.id == 'sample'
        assert len(result.expectations) == len(result.role_ids) * len(DEFINITIONS.levels)


@common
@given(st.binary(max_size=400))
def test_random_bytes(tmp_path: Path, content: bytes) -> None:
    load(tmp_path, content)


@common
@given(st.text(alphabet=string.printable + 'äß中\t', max_size=300))
def test_random_text(tmp_path: Path, content: str) -> None:
    load(tmp_path, content.encode())
