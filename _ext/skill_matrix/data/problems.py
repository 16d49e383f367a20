"""Located problems in data files, reported like a compiler's diagnostics."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file, with its 1-based line and column."""

    path: Path
    line: int
    column: int
    message: str

    @property
    def location(self) -> str:
        return f'{display_path(self.path)}:{self.line}:{self.column}'

    def __str__(self) -> str:
        return f'{self.location}: {self.message}'


class DataError(Exception):
    """One or more problems that keep a data file from being used."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__('\n'.join(map(str, self.problems)))

    @classmethod
    def at(cls, path: Path, line: int, column: int, message: str) -> DataError:
        return cls([Problem(path, line, column, message)])


def display_path(path: Path) -> str:
    """*path* relative to the working directory when it lies below it, as compilers print it."""
    try:
        return os.path.relpath(path) if Path(path).resolve().is_relative_to(Path.cwd()) else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A "did you mean" hint for *word*, or an empty string when nothing is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ''


def known(choices: Iterable[str]) -> str:
    return ', '.join(choices)
