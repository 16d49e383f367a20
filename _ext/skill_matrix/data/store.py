"""Validated skill files kept from one build to the next.

Reading and validating every skill file (YAML, JSON Schema, cross-checks) is most of what an
incremental build costs with many skills: a build validates the whole data directory to report
its problems, and the pages that show every skill (role pages, the overview) read them all. The
store keeps each file's result (the skill or its problems) in the doctree directory, next to Sphinx's
environment, keyed by the file's modification time and size, so a build validates only the
files that changed. It starts empty whenever Sphinx starts from a fresh environment, or when
the extension's code or schemas change.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.data.loader import SCHEMA_DIR, load_skill
from skill_matrix.data.problems import DataError

if TYPE_CHECKING:
    from skill_matrix.data.model import Definitions, Skill
    from skill_matrix.data.problems import Problem

STORE_FILE = 'skill_matrix-data.pickle'
_DATA_LAYER = Path(__file__).parent

_FileKey = tuple[int, int]
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, ValueError, TypeError, AttributeError, ImportError)


@dataclass(frozen=True, slots=True)
class _Entry:
    key: _FileKey
    definitions: Definitions
    skill: Skill | None
    problems: tuple[Problem, ...]


def _file_key(path: Path) -> _FileKey:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_mtime_ns, stat.st_size)


def _same(kept: Definitions, now: Definitions) -> bool:
    """Whether the definitions are the same: at once when they are the same object, as within a
    build (comparing them field by field, at each of a build's thousands of loads, cost more)."""
    return kept is now or kept == now


def _code_version() -> tuple[tuple[str, int, int], ...]:
    """The data layer's modules and the schemas as they are now: results of other code are stale."""
    files = sorted([*_DATA_LAYER.glob('*.py'), *SCHEMA_DIR.glob('*.json')])
    return tuple((path.name, *_file_key(path)) for path in files)


class SkillStore:
    """Skills by file, valid while the file and the definitions stay the same."""

    def __init__(self) -> None:
        self._entries: dict[Path, _Entry] = {}
        self._used: set[Path] = set()  # the files this build asked for: what save() keeps
        self._checked: set[Path] = set()  # the files whose key this build has looked up
        self._changed = False

    def load(self, path: Path, definitions: Definitions) -> Skill:
        """Like :func:`~skill_matrix.data.loader.load_skill`, which it calls for new or changed files."""
        entry = self._entries.get(path)
        if path in self._checked and entry is not None:
            key = entry.key  # a build reads every page against the files as they were at its start
        else:
            key = _file_key(path)
            self._checked.add(path)
        self._used.add(path)
        if entry is None or entry.key != key or not _same(entry.definitions, definitions):
            try:
                entry = _Entry(key, definitions, load_skill(path, definitions), ())
            except DataError as error:
                entry = _Entry(key, definitions, None, error.problems)
            self._entries[path] = entry
            self._changed = True
        if entry.skill is None:
            raise DataError(entry.problems)
        return entry.skill

    def read(self, file: Path) -> None:
        """Take the entries saved in *file*, unless it is missing, unreadable or stale."""
        try:
            with file.open('rb') as stream:
                version, entries = pickle.load(stream)  # written by save(), trusted like Sphinx's environment
        except (
            OSError,
            EOFError,
            pickle.UnpicklingError,
            ValueError,
            TypeError,
            AttributeError,
            ImportError,
        ):
            return
        if version == _code_version() and isinstance(entries, dict):
            self._entries = {**entries, **self._entries}

    def end_build(self) -> None:
        """Look at the files again in the next build (a test may build one project twice)."""
        self._checked.clear()

    def save(self, file: Path) -> None:
        """Write the entries of the files this build used to *file*, when any was new or changed."""
        if not self._changed and self._used == set(self._entries):
            return
        keep = {path: self._entries[path] for path in self._used if self._entries[path].key != (-1, -1)}
        temporary = file.with_name(f'{file.name}.tmp')
        try:
            with temporary.open('wb') as stream:
                pickle.dump((_code_version(), keep), stream, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(file)
        except OSError:
            return  # only a cache: the next build validates every file again
        self._changed = False
