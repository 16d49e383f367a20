"""The link ids of tables and cells: built from ids only, so the same fragment works in every language.

A cell (skill, level, role) is ``<skill>-<level>-<role>`` wherever it is shown: a row of a level
or role table, a cell of the grid, a row of the role's page. A skill's tables are
``<skill>-<level>`` (by level), ``<skill>-<role>`` (by role) and ``<skill>-grid``; a role page's
tables are ``<role>-<level>`` and ``<role>-career-path``. Ids never depend on what else the site
holds, so adding a skill, a role or a page changes no existing id.

Ids join ids with hyphens, and ids contain hyphens, so two different things can get the same id
(a role ``senior`` and a level ``senior``; a level ``a-b`` with a role ``c`` and a level ``a`` with a
role ``b-c``). :func:`clashes` finds them; the loader reports them as data problems. No Sphinx here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

GRID = 'grid'
CAREER_PATH = 'career-path'


def cell_id(skill_id: str, level_id: str, role_id: str) -> str:
    return f'{skill_id}-{level_id}-{role_id}'


def level_table_id(skill_id: str, level_id: str) -> str:
    return f'{skill_id}-{level_id}'


def role_table_id(skill_id: str, role_id: str) -> str:
    return f'{skill_id}-{role_id}'


def grid_id(skill_id: str) -> str:
    return f'{skill_id}-{GRID}'


def role_level_table_id(role_id: str, level_id: str) -> str:
    """A role page's table of one level."""
    return f'{role_id}-{level_id}'


def career_path_id(role_id: str) -> str:
    return f'{role_id}-{CAREER_PATH}'


class Anchor(NamedTuple):
    """What an id links to, named by ids: ``kind`` is 'cell', 'level table', 'role table', 'grid',
    'role page table' or 'career path'; the ids it does not use are empty."""

    kind: str
    skill_id: str = ''
    level_id: str = ''
    role_id: str = ''

    def __str__(self) -> str:
        parts = [
            f"{name} '{value}'"
            for name, value in (('skill', self.skill_id), ('level', self.level_id), ('role', self.role_id))
            if value
        ]
        return f'the {self.kind} of {", ".join(parts)}' if parts else f'the {self.kind}'


def skill_anchors(
    skill_id: str, level_ids: Iterable[str], role_ids: Iterable[str]
) -> Iterator[tuple[str, Anchor]]:
    """Every id a matrix of *skill_id* can give, in any layout."""
    level_ids, role_ids = tuple(level_ids), tuple(role_ids)
    yield grid_id(skill_id), Anchor('grid', skill_id)
    for level_id in level_ids:
        yield level_table_id(skill_id, level_id), Anchor('level table', skill_id, level_id)
    for role_id in role_ids:
        yield role_table_id(skill_id, role_id), Anchor('role table', skill_id, role_id=role_id)
        for level_id in level_ids:
            yield cell_id(skill_id, level_id, role_id), Anchor('cell', skill_id, level_id, role_id)


def role_page_anchors(
    role_id: str, level_ids: Iterable[str], skill_ids: Iterable[str]
) -> Iterator[tuple[str, Anchor]]:
    """Every id of *role_id*'s page, which shows the role's cell of every skill in *skill_ids*."""
    level_ids = tuple(level_ids)
    yield career_path_id(role_id), Anchor('career path', role_id=role_id)
    for level_id in level_ids:
        yield (
            role_level_table_id(role_id, level_id),
            Anchor('role page table', level_id=level_id, role_id=role_id),
        )
    for skill_id in skill_ids:
        for level_id in level_ids:
            yield cell_id(skill_id, level_id, role_id), Anchor('cell', skill_id, level_id, role_id)


def clashes(anchors: Iterable[tuple[str, Anchor]]) -> Iterator[tuple[str, Anchor, Anchor]]:
    """Each id that *anchors* give to two different things: the id, the first thing, the other."""
    first: dict[str, Anchor] = {}
    for anchor_id, anchor in anchors:
        seen = first.setdefault(anchor_id, anchor)
        if seen != anchor:
            yield anchor_id, seen, anchor
