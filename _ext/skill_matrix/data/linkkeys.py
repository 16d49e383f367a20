"""Short names of skills and texts in a growth plan's link, collision-free for a whole catalog.

A skill is named in a plan's link by a **key**: the shortest prefix, at least
:data:`MIN_KEY_LENGTH` characters, of its **reference** (base-36 digits of the SHA-256 of its
id) that no other skill's reference starts with. The keys of one catalog are therefore unique
and prefix-free (no key starts another), whatever the number of skills; most stay at 4
characters, and only skills whose references share a prefix get longer keys.

Nothing is stored between builds: a key depends only on the skill ids of the catalog. Adding a
skill lengthens the keys of the skills whose 4-character prefix it shares (about 1 in 1,700
for each skill at 1,000 skills), removing one may shorten them again; a link written before
still reads, because the plan's script finds a skill by any prefix of its reference (at least 4
characters) and tells the rare skills that share the link's prefix apart by the hashes of the
ticked texts (:func:`text_hash`). The data scripts hold each skill's key and
:data:`REFERENCE_LENGTH` characters of its reference for that.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'
MIN_KEY_LENGTH = 4
REFERENCE_LENGTH = 12
TEXT_HASH_LENGTH = 2
SHORT_LENGTH = 16
"""Digits of the references compared first: two alike in 16 digits are as good as never seen."""
FULL_LENGTH = 49
"""Base-36 digits that a SHA-256 digest always has (36**49 < 2**256)."""


def base36(data: bytes, length: int) -> str:
    """*length* base-36 digits of *data* read as a number, the lowest digit first."""
    number = int.from_bytes(data, 'big')
    digits = []
    for _index in range(length):
        number, digit = divmod(number, 36)
        digits.append(DIGITS[digit])
    return ''.join(digits)


def skill_reference(skill_id: str, length: int = FULL_LENGTH) -> str:
    """*length* base-36 digits of the SHA-256 of the skill id; the first 4 are the key of old links."""
    return base36(hashlib.sha256(skill_id.encode('utf-8')).digest(), length)


def link_keys(skill_ids: Iterable[str]) -> dict[str, str]:
    """Each skill id's key: the shortest prefix (at least 4 characters) of its reference that no
    other skill's reference starts with. Keys are unique and prefix-free."""
    ids = set(skill_ids)
    keys = shortest_prefixes(ids, SHORT_LENGTH)
    if keys is None:  # two references alike in 16 digits: compare every digit
        keys = shortest_prefixes(ids, FULL_LENGTH)
    assert keys is not None, 'two skill ids with the same SHA-256'
    return keys


def shortest_prefixes(skill_ids: set[str], length: int) -> dict[str, str] | None:
    """Each id's shortest prefix (at least 4 characters) of the first *length* digits of its
    reference that no other id's reference starts with; None if two are alike in all of them."""
    references = {skill_id: skill_reference(skill_id, length) for skill_id in skill_ids}
    ordered = sorted(references.items(), key=lambda pair: pair[1])
    keys = {}
    for index, (skill_id, reference) in enumerate(ordered):
        # The longest prefix shared with a neighbour in sorted order is the longest shared with any.
        shared = max(
            (
                common_prefix(reference, ordered[other][1])
                for other in (index - 1, index + 1)
                if 0 <= other < len(ordered)
            ),
            default=0,
        )
        if shared == length:
            return None
        keys[skill_id] = reference[: max(MIN_KEY_LENGTH, shared + 1)]
    return keys


def common_prefix(first: str, second: str) -> int:
    """The number of leading characters *first* and *second* share."""
    length = 0
    for one, other in zip(first, second, strict=False):
        if one != other:
            break
        length += 1
    return length


def text_hash(required: bool, description: str) -> str:
    """2 base-36 digits of a hash of a cell's English text and flag (whitespace collapsed)."""
    text = f'{int(required)}:{" ".join(description.split())}'
    return base36(hashlib.sha256(text.encode('utf-8')).digest(), TEXT_HASH_LENGTH)
