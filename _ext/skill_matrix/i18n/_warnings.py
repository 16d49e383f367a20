"""Point warnings about a translated message at the message's entry in its ``.po`` file.

Sphinx parses each translated paragraph as reStructuredText and reports broken markup at
``page.rst:4:<translated>:1``, which tells a translator neither the catalog nor the entry.
This filter on Sphinx's warning handler looks the page line up in the catalog's location
comments (``#: ../../page.rst:4``, written by ``make gettext``) and reports the warning at
the entry's ``msgstr`` line, naming the page line in the message.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po
from sphinx.util.i18n import docname_to_domain
from sphinx.util.logging import NAMESPACE, WarningLogRecordTranslator, WarningStreamHandler

if TYPE_CHECKING:
    from babel.messages.catalog import Message
    from sphinx.application import Sphinx

_TRANSLATED = re.compile(r'(?P<source>.+):(?P<line>\d+):<translated>:\d+')


class TranslationLocationFilter(logging.Filter):
    """Rewrite ``page.rst:4:<translated>:1`` locations to ``locale/…/x.po:LINE``."""

    def __init__(self, app: Sphinx) -> None:
        super().__init__()
        self.app = app
        self._catalogs: dict[Path, tuple[float, list[Message]]] = {}
        self._reported: set[tuple[str, str]] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        location = getattr(record, 'location', None)
        if isinstance(location, str) and (match := _TRANSLATED.fullmatch(location)):
            found = self.find_entry(Path(match['source']), int(match['line']))
            if found is not None:
                location = record.location = found
                record.msg = f'{record.msg} (translation of {match["source"]}:{match["line"]})'
            # Sphinx parses a translation twice (titles first, then the rest): report it once.
            reported = (location, str(record.msg))
            if reported in self._reported:
                return False
            self._reported.add(reported)
        return True

    def find_entry(self, source: Path, line: int) -> str | None:
        """``<po file>:<msgstr line>`` of the message extracted from *source* at *line*."""
        srcdir = Path(self.app.srcdir)
        try:
            relative = source.resolve().relative_to(srcdir.resolve()).as_posix()
        except ValueError:
            return None
        docname = self.app.env.path2doc(source)
        if docname is None:
            return None
        domain = docname_to_domain(docname, self.app.config.gettext_compact)
        for directory in self.app.config.locale_dirs:
            po_file = srcdir / directory / self.app.config.language / 'LC_MESSAGES' / f'{domain}.po'
            for message in self._messages(po_file):
                if (relative, line) in {(_page_path(path), number) for path, number in message.locations}:
                    return f'{po_file}:{_msgstr_line(po_file, message.lineno or 1)}'
        return None

    def _messages(self, po_file: Path) -> list[Message]:
        try:
            mtime = po_file.stat().st_mtime
        except OSError:
            return []
        cached = self._catalogs.get(po_file)
        if cached is None or cached[0] != mtime:
            with po_file.open('rb') as po:
                messages = [message for message in read_po(po) if message.id and message.string]
            cached = self._catalogs[po_file] = (mtime, messages)
        return cached[1]


def message_location(locale_dirs: list[Path], language: str, domain: str, msgid: str) -> str | None:
    """``<po file>:<msgstr line>`` of *msgid*'s translation in the catalogs of *domain*, or None."""
    for directory in locale_dirs:
        po_file = Path(directory) / language / 'LC_MESSAGES' / f'{domain}.po'
        try:
            with po_file.open('rb') as po:
                catalog = read_po(po)
        except OSError:
            continue
        message = catalog.get(msgid)
        if message is not None and message.lineno:
            return f'{po_file}:{_msgstr_line(po_file, message.lineno)}'
    return None


def _page_path(location: str) -> str:
    """A location comment's path relative to the source directory: ``../../a/b.rst`` → ``a/b.rst``."""
    parts = posixpath.normpath(location).split('/')
    while parts and parts[0] == '..':
        parts.pop(0)
    return '/'.join(parts)


def _msgstr_line(po_file: Path, msgid_line: int) -> int:
    lines = po_file.read_text(encoding='utf-8').splitlines()
    for number in range(msgid_line, len(lines) + 1):
        if lines[number - 1].startswith('msgstr'):
            return number
    return msgid_line


def install(app: Sphinx) -> None:
    """Add the filter to the handler that writes this build's warnings, before Sphinx adds the type."""
    for handler in logging.getLogger(NAMESPACE).handlers:
        if isinstance(handler, WarningStreamHandler):
            position = next(
                (
                    index
                    for index, existing in enumerate(handler.filters)
                    if isinstance(existing, WarningLogRecordTranslator)
                ),
                len(handler.filters),
            )
            handler.filters.insert(position, TranslationLocationFilter(app))
