"""What an import writes (:class:`Change`, :class:`Plan`) and what stops it (:class:`ImportFailed`)."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from skill_matrix.data.problems import Problem, display_path

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from skill_matrix.data.exports import ExportProblem


LINE_WIDTH = 96
"""Folded texts are wrapped like the hand-written files: at most 96 characters a line."""
PAGES_SUBDIR = 'skills'
ROLES_HEADER = (
    '# yaml-language-server: $schema=../_ext/skill_matrix/schemas/roles.schema.json\n'
    '# The roles a skill can list, in the order pages show them.\n'
)
SKILL_HEADER = '# yaml-language-server: $schema=../../_ext/skill_matrix/schemas/skill.schema.json\n'


class ImportFailed(Exception):
    """Problems that stop the import; nothing has been written."""

    def __init__(self, problems: Iterable[ExportProblem | Problem | str]) -> None:
        self.problems = list(problems)
        super().__init__('\n'.join(map(str, self.problems)))


@dataclass(frozen=True, slots=True)
class Change:
    """A file the import writes: its text before (None for a new file) and after."""

    path: Path
    old: str | None
    new: str


@dataclass
class Plan:
    """What an import would do: the files to write and one report line per skill or role."""

    changes: list[Change] = field(default_factory=list)
    report: list[str] = field(default_factory=list)

    def diff(self) -> str:
        parts: list[str] = []
        for change in self.changes:
            name = display_path(change.path)
            parts += difflib.unified_diff(
                (change.old or '').splitlines(keepends=True),
                change.new.splitlines(keepends=True),
                fromfile=name if change.old is not None else '/dev/null',
                tofile=name,
            )
        return ''.join(parts)
