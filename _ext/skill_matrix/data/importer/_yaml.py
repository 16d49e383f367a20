"""The YAML round trip: existing files updated in place, so that comments, key order, quoting and
folded texts stay as they are and only changed values change."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

from skill_matrix.data.exports import ExportProblem
from skill_matrix.data.importer._model import LINE_WIDTH, ImportFailed


def round_trip_yaml(text: str | None = None, path: Path | None = None) -> tuple[YAML, Any]:
    """A round-trip YAML instance indented like *text* (the file *path*), and *text*'s data."""
    round_trip = YAML()
    round_trip.preserve_quotes = True
    round_trip.width = 1 << 16  # never re-wrap plain or quoted texts
    indent, sequence_offset = 2, 2
    data = None
    if text is not None:
        try:
            _data, guessed, offset = load_yaml_guess_indent(text)
            if offset is not None:
                indent, sequence_offset = guessed - offset, offset
            elif guessed:
                indent = guessed
            data = round_trip.load(text)
        except YAMLError as error:  # the data check read it, so this is not expected
            raise ImportFailed(
                [ExportProblem(path or Path(), 1, f'cannot read the YAML for an update: {error}')]
            ) from None
    round_trip.indent(mapping=indent, sequence=indent + sequence_offset, offset=sequence_offset)
    return round_trip, data


def dump(round_trip: YAML, data: Any) -> str:
    stream = io.StringIO()
    round_trip.dump(data, stream)
    return stream.getvalue()


def scalar(text: str) -> str:
    """*text* for a YAML value: plain when it can be, else double-quoted; also quoted when the data
    check's YAML 1.1 reader would take it for something else than text (yes, on, 1:20, 2026-01-01)."""
    plain = dump(round_trip_yaml()[0], {'x': text})
    if plain != f'x: {text}\n' or yaml.safe_load(plain) != {'x': text}:
        quoted: str = DoubleQuotedScalarString(text)
        return quoted
    return text


def folded(text: str, indent: int) -> FoldedScalarString:
    """*text* as a folded block, wrapped so that no line is longer than :data:`LINE_WIDTH`."""
    lines = textwrap.wrap(text, max(LINE_WIDTH - indent, 20), break_long_words=False, break_on_hyphens=False)
    folded: FoldedScalarString = FoldedScalarString(' '.join(lines))
    positions, offset = [], 0
    for line in lines[:-1]:
        offset += len(line)
        positions.append(offset)
        offset += 1
    folded.fold_pos = positions  # type: ignore[attr-defined]  # in __slots__, not annotated
    return folded


def restyled(old: Any, text: str, indent: int) -> Any:
    """*text* in the style of the value it replaces (folded, quoted or plain)."""
    if isinstance(old, FoldedScalarString):
        return folded(text, indent)
    for style in (LiteralScalarString, DoubleQuotedScalarString, SingleQuotedScalarString):
        if isinstance(old, style):
            return style(text)
    return scalar(text)
