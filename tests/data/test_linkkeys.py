"""The growth plan's skill keys (data/linkkeys.py): collision-free for a whole catalog of 10,000
synthetic skills, each a prefix of the skill's reference, stable where nothing collides.

The reference is restated here from the link format the plan's script documents (base-36 digits of
the SHA-256 of the skill id, the lowest digit first), so that a change of it fails a test."""

from __future__ import annotations

import hashlib
import itertools
import random
from collections import Counter

import pytest

from skill_matrix.data.linkkeys import link_keys, skill_reference

SKILLS = 10_000
DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def reference(skill_id: str, length: int = 12) -> str:
    number = int.from_bytes(hashlib.sha256(skill_id.encode('utf-8')).digest(), 'big')
    digits = ''
    for _index in range(length):
        number, digit = divmod(number, 36)
        digits += DIGITS[digit]
    return digits


@pytest.fixture(scope='module')
def catalog() -> list[str]:
    generator = random.Random(27)
    words = ['data', 'ml', 'platform', 'security', 'kubernetes', 'rust', 'sql', 'python', 'k8s', '数据', 'ü']
    ids = {f'{generator.choice(words)}-{number}-{generator.randrange(10**6)}' for number in range(SKILLS)}
    return sorted(ids)


@pytest.fixture(scope='module')
def references(catalog: list[str]) -> dict[str, str]:
    return {skill_id: reference(skill_id) for skill_id in catalog}


def test_keys_are_unique_and_prefix_free_at_ten_thousand_skills(
    catalog: list[str], references: dict[str, str]
) -> None:
    keys = link_keys(catalog)
    assert set(keys) == set(catalog)
    values = sorted(keys.values())
    assert len(set(values)) == len(catalog)
    # sorted, a key that starts another would stand right before it
    assert not any(after.startswith(before) for before, after in itertools.pairwise(values))
    # the 4-character prefixes of the old links do collide at this size: the keys lengthen
    shared = Counter(value[:4] for value in references.values())
    colliding = [skill_id for skill_id in catalog if shared[references[skill_id][:4]] > 1]
    assert colliding
    assert all(len(keys[skill_id]) > 4 for skill_id in colliding)


def test_a_key_is_the_shortest_unshared_prefix_of_the_reference(
    catalog: list[str], references: dict[str, str]
) -> None:
    keys = link_keys(catalog)
    for skill_id, key in keys.items():
        assert len(key) >= 4
        assert references[skill_id].startswith(key)
        assert skill_reference(skill_id, 12) == references[skill_id]
    prefixes = Counter(value[:length] for value in references.values() for length in range(4, 8))
    for key in keys.values():
        if len(key) > 4:  # one character less is the prefix of another skill's reference too
            assert prefixes[key[:-1]] > 1
    assert sum(len(key) == 4 for key in keys.values()) > 0.98 * len(catalog)  # links stay short


def test_keys_depend_on_the_set_of_ids_only(catalog: list[str]) -> None:
    shuffled = list(catalog)
    random.Random(1).shuffle(shuffled)
    assert link_keys(shuffled) == link_keys(catalog)
    assert link_keys([*catalog, catalog[0]]) == link_keys(catalog)


def test_a_new_skill_changes_only_the_keys_that_share_its_prefix(
    catalog: list[str], references: dict[str, str]
) -> None:
    before = link_keys(catalog)
    prefixes = Counter(value[:4] for value in references.values())
    # a new id whose 4-character prefix one skill has and no other: that skill's key grows
    lone = {value[:4]: skill_id for skill_id, value in references.items() if prefixes[value[:4]] == 1}
    new = next(f'new-{number}' for number in range(10**6) if reference(f'new-{number}')[:4] in lone)
    after = link_keys([*catalog, new])
    changed = {skill_id for skill_id in catalog if after[skill_id] != before[skill_id]}
    assert changed == {lone[reference(new)[:4]]}
    assert len(after[new]) > 4
    # removing it again gives the old keys back
    assert link_keys(catalog) == before
