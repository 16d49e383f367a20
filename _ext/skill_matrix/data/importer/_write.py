"""Writing a plan: every file or none."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.data.exports import ExportProblem
from skill_matrix.data.importer._model import Change, ImportFailed

if TYPE_CHECKING:
    from collections.abc import Sequence


def write(changes: Sequence[Change]) -> None:
    """Write every change or none: each file is written beside its target first, then all are
    moved into place; a failure puts back what was already moved."""
    staged: list[tuple[Path, Change]] = []
    try:
        for change in changes:
            change.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = change.path.with_name(f'.{change.path.name}.importing')
            with temporary.open('w', encoding='utf-8', newline='\n') as file:
                file.write(change.new)
            staged.append((temporary, change))
            if change.old is not None:
                shutil.copymode(change.path, temporary)
        done: list[Change] = []
        try:
            for temporary, change in staged:
                os.replace(temporary, change.path)
                done.append(change)
        except OSError:
            for change in done:
                if change.old is None:
                    change.path.unlink(missing_ok=True)
                else:
                    change.path.write_text(change.old, encoding='utf-8')
            raise
    except OSError as exc:
        raise ImportFailed(
            [
                ExportProblem(
                    Path(exc.filename or '.'), 1, f'cannot write: {exc.strerror or exc}; nothing written'
                )
            ]
        ) from None
    finally:
        for temporary, _change in staged:
            temporary.unlink(missing_ok=True)
