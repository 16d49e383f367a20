"""What a translation may not hold, each at its place in the ``.po`` file: markup that breaks a
rich description of the data (:mod:`skill_matrix.data.richtext`), and invisible or dangerous
characters (:mod:`skill_matrix.data.characters`, the same rules as ``make check-data``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill_matrix.data import richtext
from skill_matrix.data.characters import findings

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence
    from pathlib import Path

    from babel.messages.catalog import Message

    from skill_matrix.data.characters import Severity

DATA_SUFFIXES = ('.yaml', '.yml')


def is_data_text(template_message: Message) -> bool:
    """Whether the template extracted *template_message* from a data file (its ``#:`` comments)."""
    return any(str(path).endswith(DATA_SUFFIXES) for path, _line in template_message.locations)


def markup_problem(original: str, translations: Sequence[str]) -> str | None:
    """Why a translation of the data text *original* breaks its Markdown, or None.

    Only a rich text (:func:`~skill_matrix.data.richtext.is_plain` false) is compared: a plain
    text's translation is shown as plain text whatever it holds."""
    if richtext.is_plain(original):
        return None
    for translation in translations:
        if translation and (problem := richtext.translation_problem(original, translation)):
            return problem
    return None


def msgstr_line(lines: Sequence[str], msgid_line: int) -> int:
    """The line of the ``msgstr`` of the entry whose ``msgid`` is at *msgid_line* (from 1)."""
    for number in range(max(msgid_line, 1), len(lines) + 1):
        if lines[number - 1].startswith('msgstr'):
            return number
    return msgid_line


def character_findings(po_file: Path, lines: Sequence[str]) -> Iterator[tuple[Severity, str]]:
    """Every invisible or dangerous character in the translations (``msgstr`` lines and their
    continuations) of *lines*, *po_file*'s text split at ``\\n`` only, as ``file:line:col: …``."""
    in_translation = False
    for number, line in enumerate(lines, 1):
        if line.startswith('msgstr'):
            in_translation = True
        elif not line.startswith('"'):
            in_translation = False
        if not in_translation:
            continue
        for finding in findings(line.removesuffix('\r')):
            yield finding.severity, f'{po_file}:{number}:{finding.index + 1}: {finding.message}'
