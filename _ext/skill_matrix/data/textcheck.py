"""The character pass of the data check over every data file, as it stands on disk.

Invisible and dangerous characters (see characters.py) anywhere in a file, and characters no
font of the PDFs has (see fonts.py) in its texts, each at its line and column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

import yaml

from skill_matrix.data.characters import Severity, describe, file_problems, readable
from skill_matrix.data.fonts import pictured, unprintable
from skill_matrix.data.loader import skill_files
from skill_matrix.data.problems import Problem
from skill_matrix.data.yamlsource import MAX_FILE_BYTES

if TYPE_CHECKING:
    from pathlib import Path

DEFINITION_FILES = ('roles.yaml', 'levels.yaml', 'domains.yaml')


def data_files(data_dir: Path) -> list[Path]:
    """The YAML files of *data_dir* that hold text: definitions, domains and skills."""
    files = [data_dir / name for name in DEFINITION_FILES if (data_dir / name).is_file()]
    return files + skill_files(data_dir)


def read_text(path: Path) -> str | None:
    """The text of *path*, or None when the loader reports it as unreadable."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    if len(raw) > MAX_FILE_BYTES:
        return None
    try:
        return raw.decode('utf-8-sig')
    except UnicodeDecodeError:
        return None


def character_problems(data_dir: Path) -> list[tuple[Severity, Problem]]:
    """Every invisible or dangerous character in the data files of *data_dir*."""
    found: list[tuple[Severity, Problem]] = []
    for path in data_files(data_dir):
        text = read_text(path)
        if text is not None:
            found += file_problems(path, text)
    return found


class GlyphProblem(NamedTuple):
    """A character of a data file that the PDFs cannot print as text, at its place."""

    character: str
    problem: Problem


def glyph_problems(data_dir: Path) -> list[GlyphProblem]:
    """Every character in a text of the data files that no font of the PDFs has (the PDFs show
    ``[U+XXXX]``) or that only a picture font has (readers see it, the PDF's text lacks it).

    Warnings, not errors: the PDFs still build and show a visible stand-in or the picture.
    """
    found: list[GlyphProblem] = []
    for path in data_files(data_dir):
        text = read_text(path)
        if text is None or not (unprintable(text) or pictured(text)):  # scan the YAML only to locate
            continue
        for line, column, character, has_picture in _scalar_characters(text):
            if has_picture:
                advice = (
                    'the PDFs print it as a colour picture: readers see it, but searching or copying '
                    "the PDF's text does not find it"
                )
            else:
                advice = (
                    f'no font of the PDFs has it: the PDFs show [U+{ord(character):04X}] instead; write it '
                    'another way, or add a font to _ext/skill_matrix/data/fonts.py'
                )
            message = f'warning: {describe(character)}: {advice}'
            found.append(GlyphProblem(character, Problem(path, line, column, message)))
    return found


def _scalar_characters(text: str) -> list[tuple[int, int, str, bool]]:
    """The line, column and character of each character in the texts (not the comments) of the
    YAML *text* that the PDFs cannot print as text, and whether they print it as a picture."""
    try:
        tokens = list(yaml.scan(readable(text), Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return []
    found = []
    for token in tokens:
        if not isinstance(token, yaml.ScalarToken):
            continue
        start, end = token.start_mark, token.end_mark
        source = text[start.index : end.index]
        pictures = set(pictured(source))
        for index in sorted({*unprintable(source), *pictures}):
            before = source[:index]
            line = start.line + 1 + before.count('\n')
            column = index - before.rfind('\n') if '\n' in before else start.column + index + 1
            found.append((line, column, source[index], index in pictures))
    return found
