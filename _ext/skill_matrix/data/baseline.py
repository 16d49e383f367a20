"""The baseline of a review: a git revision whose data and catalogs are read straight from git.

A review is a git tag matching a pattern (default ``review/*``, e.g. ``review/2026-h1``). The
baseline is the revision given (any git ref: a tag, a branch, ``origin/main``, a commit), else the
newest review tag, else none. Its files are read with git's plumbing commands (``git ls-tree``,
``git cat-file --batch``) in subprocesses: the work tree, the index and HEAD are never touched, and
nothing is checked out or cloned. No Sphinx here.
"""

from __future__ import annotations

import datetime
import fnmatch
import io
import subprocess
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po

if TYPE_CHECKING:
    from collections.abc import Iterable

DEFAULT_TAG_PATTERN = 'review/*'


class BaselineError(Exception):
    """The baseline cannot be used: not a git repository, an unknown ref, a failing git.

    Its message is one line for the reader.
    """


@dataclass(frozen=True, slots=True)
class Baseline:
    """One git revision of the repository *repo*."""

    ref: str
    """As given (``origin/main``) or the review tag found (``review/2026-h1``)."""
    commit: str
    """The full commit id the ref names."""
    date: datetime.date
    """The commit's committer date, in the committer's time zone."""
    repo: Path
    """The repository's top-level folder."""

    @property
    def label(self) -> str:
        """``review/2026-h1 (Jun 30, 2026)``: how outputs name the baseline."""
        return f'{self.ref} ({format_date(self.date)})'

    def files(self, folder: str) -> dict[str, str]:
        """Every file below *folder* (a path from the repository's top, ``/``-separated) at this
        revision: its path below *folder* → its blob id. Empty when the folder did not exist."""
        prefix = str(PurePosixPath(folder)).strip('/')
        output = _git(self.repo, 'ls-tree', '-r', '-z', '--full-tree', self.commit, '--', prefix)
        files: dict[str, str] = {}
        for entry in output.split(b'\0'):
            if not entry:
                continue
            meta, _, name = entry.partition(b'\t')
            _mode, kind, blob = meta.decode('ascii').split(' ')
            path = name.decode('utf-8', 'surrogateescape')
            if kind == 'blob' and (prefix == '.' or path.startswith(f'{prefix}/')):
                files[path if prefix == '.' else path[len(prefix) + 1 :]] = blob
        return files

    def read(self, paths: Iterable[str]) -> dict[str, bytes]:
        """The contents of the files *paths* (from the repository's top) at this revision, in one
        ``git cat-file --batch``; a path that did not exist then is left out."""
        wanted = [path for path in dict.fromkeys(paths) if '\n' not in path]  # one request a line
        if not wanted:
            return {}
        request = ''.join(f'{self.commit}:{path}\n' for path in wanted).encode('utf-8', 'surrogateescape')
        output = _git(self.repo, 'cat-file', '--batch', stdin=request)
        contents: dict[str, bytes] = {}
        position = 0
        for path in wanted:
            end = output.index(b'\n', position)
            header = output[position:end].split(b' ')
            position = end + 1
            if header[-1] == b'missing' or len(header) != 3:
                continue
            size = int(header[2])
            if header[1] == b'blob':
                contents[path] = output[position : position + size]
            position += size + 1  # the object, then a newline
        return contents

    def catalog(self, path: str) -> dict[str, str]:
        """The translations of the gettext catalog *path* (a ``.po`` file, from the repository's
        top) at this revision: msgid → msgstr, without fuzzy and untranslated messages, as gettext
        uses them. Empty when the catalog did not exist then."""
        raw = self.read([path]).get(path)
        return {} if raw is None else po_translations(raw)


def po_translations(raw: bytes) -> dict[str, str]:
    """The translations of a ``.po`` file's bytes: msgid → msgstr, without fuzzy and untranslated
    messages, as gettext uses them."""
    catalog = read_po(io.BytesIO(raw))
    return {
        message.id: message.string
        for message in catalog
        if isinstance(message.id, str)
        and message.id
        and isinstance(message.string, str)
        and message.string
        and not message.fuzzy
    }


def format_date(date: datetime.date) -> str:
    """``Jun 30, 2026``: English, whatever the machine's locale, as the English pages write dates."""
    return f'{_MONTHS[date.month - 1]} {date.day}, {date.year}'


_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec')


def repository_root(path: Path) -> Path:
    """The top-level folder of the git repository that holds *path*; raises :class:`BaselineError`."""
    if not path.is_dir():
        raise BaselineError(f'{path}: no such folder')
    return Path(_git(path, 'rev-parse', '--show-toplevel').decode('utf-8', 'surrogateescape').strip())


def resolve_baseline(
    repo: Path, since: str | None = None, tag_pattern: str = DEFAULT_TAG_PATTERN
) -> Baseline | None:
    """The baseline in the repository *repo*: the revision *since* when given, else the newest tag
    matching *tag_pattern*, else ``None``.

    The newest tag is the one with the latest date (the tagger's date of an annotated tag, the
    commit's date of a lightweight one); among tags of the same date, the greatest name. *tag_pattern*
    is a shell pattern (``*`` matches ``/`` too). Raises :class:`BaselineError` for a ref that names
    no commit.
    """
    if since is None:
        since = newest_tag(repo, tag_pattern)
        if since is None:
            return None
    if not since or since.startswith('-') or any(char in since for char in '\0\n'):
        raise BaselineError(f"'{since}' is not a git ref")
    commit = _git(
        repo, 'rev-parse', '--verify', '--quiet', '--end-of-options', f'{since}^{{commit}}', quiet=True
    )
    if not commit:
        raise BaselineError(f"unknown git ref '{since}': no commit of that name in {repo}")
    commit_id = commit.decode('ascii').strip()
    return Baseline(since, commit_id, _commit_date(repo, commit_id), repo)


def newest_tag(repo: Path, tag_pattern: str = DEFAULT_TAG_PATTERN) -> str | None:
    """The newest tag matching *tag_pattern*, as :func:`resolve_baseline` chooses it, or ``None``."""
    output = _git(repo, 'for-each-ref', '--format=%(creatordate:unix) %(refname:strip=2)', 'refs/tags/')
    tags: list[tuple[int, str]] = []
    for line in output.decode('utf-8', 'surrogateescape').splitlines():
        stamp, _, name = line.partition(' ')
        if fnmatch.fnmatchcase(name, tag_pattern):
            tags.append((int(stamp or 0), name))
    return max(tags)[1] if tags else None


def _commit_date(repo: Path, commit: str) -> datetime.date:
    """The committer date of *commit* in the committer's time zone, from the commit object itself."""
    text = _git(repo, 'cat-file', 'commit', commit).decode('utf-8', 'replace')
    for line in text.splitlines():
        if not line:
            break  # the end of the headers
        if line.startswith('committer '):
            stamp, offset = line.rsplit(' ', 2)[1:]
            sign = -1 if offset.startswith('-') else 1
            zone = datetime.timezone(
                sign * datetime.timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5]))
            )
            return datetime.datetime.fromtimestamp(int(stamp), zone).date()
    raise BaselineError(f'commit {commit} has no committer')


def _git(repo: Path, *arguments: str, stdin: bytes | None = None, quiet: bool = False) -> bytes:
    """Run git in *repo*; its output, or raise :class:`BaselineError` with git's first error line.

    With *quiet*, a failure returns empty output instead (for ``rev-parse --verify --quiet``).
    """
    try:
        result = subprocess.run(
            ['git', '-C', str(repo), *arguments], input=stdin, capture_output=True, check=False
        )
    except OSError as error:
        raise BaselineError(f'cannot run git: {error.strerror or error}') from None
    if result.returncode != 0:
        if quiet:
            return b''
        message = result.stderr.decode('utf-8', 'replace').strip().splitlines()
        reason = message[0].removeprefix('fatal: ') if message else f'exit status {result.returncode}'
        raise BaselineError(f'git {arguments[0]} failed in {repo}: {reason}')
    return result.stdout
