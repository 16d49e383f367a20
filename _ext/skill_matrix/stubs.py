"""Generated stub pages (role pages, domain pages), written when a build starts as autosummary
writes its stubs: only files whose content changes are written, and generated files that are
no longer wanted are deleted."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path


def write_stubs(directory: Path, stubs: dict[str, str], marker: str) -> None:
    """Write each of *stubs* (file name → text, starting with *marker*) into *directory* when it
    changed; delete the ``.rst`` files there that start with *marker* and are not in *stubs*."""
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in stubs.items():
        path = directory / name
        if not path.is_file() or path.read_text(encoding='utf-8') != text:
            # Each language builds in its own process: replace atomically, never half-written.
            temporary = path.with_name(f'.{name}.{os.getpid()}.tmp')
            temporary.write_text(text, encoding='utf-8')
            temporary.replace(path)
    for path in directory.glob('*.rst'):
        if path.name not in stubs and path.read_text(encoding='utf-8').startswith(marker):
            path.unlink(missing_ok=True)
