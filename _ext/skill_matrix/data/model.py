"""The validated data model: definitions of roles and levels, and skills. No Sphinx here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import datetime
    from pathlib import Path


def _by_fields(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Pickle as the class and its fields: the ``__getstate__`` that ``dataclass(slots=True)``
    writes looks the fields up at every call (a large build pickles 100,000s of these)."""
    return (type(self), tuple([getattr(self, name) for name in self.__slots__]))


@dataclass(frozen=True, slots=True)
class SourceText:
    """Text taken from a data file, with where it stands (for warnings and gettext)."""

    __reduce__ = _by_fields

    text: str
    path: Path
    line: int
    column: int = 1


@dataclass(frozen=True, slots=True)
class Level:
    __reduce__ = _by_fields

    id: str
    name: SourceText
    """English display name: content, translated through the page catalogs like every data text."""
    next: tuple[str, ...] = ()
    """The levels one steps up to from this one (:mod:`skill_matrix.data.tracks`); none: a last level."""


@dataclass(frozen=True, slots=True)
class Role:
    __reduce__ = _by_fields

    id: str
    name: SourceText


@dataclass(frozen=True, slots=True)
class Definitions:
    """The roles and levels every skill refers to, in display order."""

    __reduce__ = _by_fields

    roles: tuple[Role, ...]
    levels: tuple[Level, ...]
    tracks: bool = False
    """Whether ``levels.yaml`` says which level follows which (else: one path in file order)."""

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(role.id for role in self.roles)

    @property
    def level_ids(self) -> tuple[str, ...]:
        return tuple(level.id for level in self.levels)

    def next_levels(self) -> dict[str, list[str]] | None:
        """Each level's next levels, for the pages' scripts; None without tracks (file order)."""
        return {level.id: list(level.next) for level in self.levels} if self.tracks else None

    def role(self, role_id: str) -> Role:
        return next(role for role in self.roles if role.id == role_id)

    def level(self, level_id: str) -> Level:
        return next(level for level in self.levels if level.id == level_id)


@dataclass(frozen=True, slots=True)
class Expectation:
    """What one role is expected to do at one level of one skill."""

    __reduce__ = _by_fields

    role_id: str
    level_id: str
    required: bool
    description: SourceText
    examples: tuple[SourceText, ...] = ()
    """What meeting the cell looks like (optional): each in the description's Markdown subset."""


@dataclass(frozen=True, slots=True)
class Skill:
    __reduce__ = _by_fields

    id: str
    path: Path
    id_line: int
    """The line of the ``id`` field, where problems with the skill's id are reported."""
    title: SourceText
    summary: SourceText | None
    domain: SourceText
    group: SourceText
    updated: datetime.date
    role_ids: tuple[str, ...]
    """The roles that have this skill, in the definitions' order."""
    expectations: tuple[Expectation, ...]
    """One per role and level, role by role in :attr:`role_ids` order, levels in order."""

    def expectation(self, role_id: str, level_id: str) -> Expectation:
        return next(
            item for item in self.expectations if item.role_id == role_id and item.level_id == level_id
        )
