"""The changes since a baseline: the baseline's files from git, today's from the work tree; only the
files whose git blob ids differ are read and parsed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from skill_matrix.data.baseline import Baseline, BaselineError
from skill_matrix.data.changes._diff import compare
from skill_matrix.data.changes._model import LEVELS_FILE, ROLES_FILE, Changes, is_skill_file, load_dataset
from skill_matrix.data.loader import skill_files


def changes_since(baseline: Baseline, data_dir: Path) -> Changes:
    """The changes in the data folder *data_dir* (in the work tree, inside the baseline's
    repository) since *baseline*. Only the files whose git blob ids differ are read and parsed.

    Raises :class:`~skill_matrix.data.baseline.BaselineError` when git fails or *data_dir* is outside
    the repository.
    """
    try:
        folder = data_dir.resolve().relative_to(baseline.repo.resolve()).as_posix()
    except ValueError:
        raise BaselineError(f'{data_dir} is not inside the git repository {baseline.repo}') from None
    then = {path: blob for path, blob in baseline.files(folder).items() if _is_data_file(path)}
    now = {
        path: (data_dir / path).read_bytes()
        for path in (ROLES_FILE, LEVELS_FILE)
        if (data_dir / path).is_file()
    }
    now |= {f'skills/{path.name}': path.read_bytes() for path in skill_files(data_dir) if path.is_file()}
    hash_name = 'sha256' if len(baseline.commit) == 64 else 'sha1'
    changed = {ROLES_FILE, LEVELS_FILE} | {
        path for path in {*then, *now} if then.get(path) != _blob_id(now.get(path), hash_name)
    }
    prefix = '' if folder == '.' else f'{folder}/'
    old_texts = baseline.read(f'{prefix}{path}' for path in sorted(changed) if path in then)
    old = load_dataset(
        {path[len(prefix) :]: raw for path, raw in old_texts.items()}, f'{baseline.ref}:{prefix}'
    )
    new = load_dataset({path: raw for path, raw in now.items() if path in changed}, f'{_shown(data_dir)}/')
    return compare(old, new)


def _is_data_file(path: str) -> bool:
    return path in (ROLES_FILE, LEVELS_FILE) or is_skill_file(path)


def _blob_id(raw: bytes | None, hash_name: str) -> str | None:
    """The id git gives a file with the contents *raw* (when no filter rewrites it)."""
    if raw is None:
        return None
    return hashlib.new(hash_name, b'blob %d\0' % len(raw) + raw).hexdigest()


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
