"""Invisible and dangerous characters in data files: which are reported, where, and what to do.

Text in any script, symbols, emoji (with their zero-width joiners), combining marks and
variation selectors is ordinary text. What is reported, with its file, line and column:

* **errors** (the text is not what it looks like, or cannot be written everywhere):
  bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069, the
  "Trojan Source" class), control characters (Unicode category Cc except tab and line breaks:
  NUL, backspace, escape, DEL, C1 controls), unpaired surrogates, and tag characters outside an
  emoji flag;
* **warnings** (invisible, usually pasted by accident): zero-width space, word joiner, a
  byte-order mark inside text, a zero-width joiner or non-joiner that stands between no letters
  or emoji, and every other format character (category Cf: soft hyphen, direction marks, …),
  line and paragraph separators.

Every output shows the text: :func:`visible` replaces what is an error by a visible stand-in
(control pictures such as ␀ for C0 controls, ``[U+202E]`` for the rest), at load time, so the
HTML, the PDFs, the text builders and the exports all show the same; warnings stay in the text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import yaml

from skill_matrix.data.problems import Problem

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

Severity = Literal['error', 'warning']

BIDI_CONTROLS = frozenset('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069')
ZERO_WIDTH_JOINER = '\u200d'
ZERO_WIDTH_NON_JOINER = '\u200c'
TAG_CHARACTERS = range(0xE0000, 0xE0080)
WAVING_BLACK_FLAG = '\U0001f3f4'  # the base of the emoji tag sequences (subdivision flags)
# Characters that have a fix of their own; every other Cf character is "invisible formatting".
ADVICE = {
    '\u200b': 'delete it, or replace it with a space if two words run together',
    '\u2060': 'delete it',
    '\ufeff': 'delete it (a byte-order mark belongs only at the start of a file)',
    '\u00ad': 'delete it: the PDFs hyphenate by themselves',
    '\u2028': 'replace it with a space',
    '\u2029': 'replace it with a space',
}
CONTROL_NAMES = {'\0': 'NULL', '\b': 'BACKSPACE', '\x1b': 'ESCAPE', '\x7f': 'DELETE'}
LINE_BREAKS = frozenset('\t\n\r')
# PyYAML refuses these in a file (C0 and C1 controls, DEL, U+FFFE, U+FFFF); read_yaml shows them.
UNREADABLE = re.compile('[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]')
# The characters that can be errors (see _judge): bidirectional controls, category Cc but tab and
# line breaks, surrogates, tag characters. A text without any is shown as it is.
ERROR_CANDIDATES = re.compile(
    '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\U000e0000-\U000e007f]'
)
ESCAPE = re.compile(r'\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0abtnvfreN_LP "/\\])')


@dataclass(frozen=True)
class Finding:
    """One reported character at *index* of a text."""

    index: int
    character: str
    severity: Severity
    advice: str

    @property
    def message(self) -> str:
        return f'{self.severity}: {describe(self.character)}: {self.advice}'


def describe(character: str) -> str:
    """``U+202E RIGHT-TO-LEFT OVERRIDE``: the code point and its Unicode name."""
    code = ord(character)
    name = unicodedata.name(character, '') or _unnamed(character)
    return f'U+{code:04X} {name}'.rstrip()


def _unnamed(character: str) -> str:
    if character in CONTROL_NAMES:
        return CONTROL_NAMES[character]
    category = unicodedata.category(character)
    return {'Cc': 'control character', 'Cs': 'unpaired surrogate'}.get(category, '')


def findings(text: str) -> Iterator[Finding]:
    """The characters of *text* to report, in order."""
    for index, character in enumerate(text):
        finding = _judge(text, index, character)
        if finding is not None:
            yield finding


def _judge(text: str, index: int, character: str) -> Finding | None:
    category = unicodedata.category(character)
    if character in BIDI_CONTROLS:
        advice = 'it makes the text display differently from what it is: delete it'
        return Finding(index, character, 'error', advice)
    if category == 'Cc' and character not in LINE_BREAKS:
        return Finding(index, character, 'error', 'delete it')
    if category == 'Cs':
        return Finding(index, character, 'error', 'delete it (half of a character, it cannot be written)')
    if ord(character) in TAG_CHARACTERS:
        if _in_flag(text, index):
            return None
        return Finding(index, character, 'error', 'invisible tag characters can hide text: delete it')
    if character in (ZERO_WIDTH_JOINER, ZERO_WIDTH_NON_JOINER):
        if _joins(text, index):
            return None
        return Finding(index, character, 'warning', 'it joins nothing here: delete it')
    if character in ADVICE:
        return Finding(index, character, 'warning', ADVICE[character])
    if category == 'Cf':
        return Finding(index, character, 'warning', 'invisible formatting: delete it unless it is meant')
    return None


def _joins(text: str, index: int) -> bool:
    """Whether the joiner at *index* stands between two letters or two emoji (ZWJ sequences,
    Persian or Indic words), skipping marks, variation selectors and skin tones before it."""
    before = index - 1
    while before >= 0 and (_is_mark(text[before]) or _is_emoji_modifier(text[before])):
        before -= 1
    if before < 0 or index + 1 >= len(text):
        return False
    left, right = text[before], text[index + 1]
    if _is_letter(left) and (_is_letter(right) or _is_mark(right)):
        return True
    return _is_emoji(left) and _is_emoji(right)


def _is_letter(character: str) -> bool:
    return unicodedata.category(character).startswith('L')


def _is_mark(character: str) -> bool:
    return unicodedata.category(character).startswith('M')


def _is_emoji_modifier(character: str) -> bool:
    return 0x1F3FB <= ord(character) <= 0x1F3FF


def _is_emoji(character: str) -> bool:
    """A pictograph (emoji, dingbat, arrow, symbol): what a ZWJ sequence joins."""
    code = ord(character)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2190 <= code <= 0x21FF
        or 0x2B00 <= code <= 0x2BFF
        or code in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x2640, 0x2642, 0x2695)
    )


def _in_flag(text: str, index: int) -> bool:
    """Whether the tag character at *index* belongs to a flag: 🏴 followed by tags up to U+E007F."""
    start = index
    while start > 0 and ord(text[start - 1]) in TAG_CHARACTERS:
        start -= 1
    end = index
    while end + 1 < len(text) and ord(text[end + 1]) in TAG_CHARACTERS:
        end += 1
    return start > 0 and text[start - 1] == WAVING_BLACK_FLAG and text[end] == '\U000e007f'


def visible(text: str) -> str:
    """*text* with every character that is an error replaced by a visible stand-in: a C0
    control by its control picture (U+0000 → ␀), any other by ``[U+XXXX]``."""
    if not ERROR_CANDIDATES.search(text):  # most texts: checking each character costs 5 % of a build
        return text
    parts = []
    for index, character in enumerate(text):
        finding = _judge(text, index, character)
        parts.append(character if finding is None or finding.severity != 'error' else stand_in(character))
    return ''.join(parts)


def stand_in(character: str) -> str:
    """What the outputs show instead of *character*: ␀ for NUL, ␡ for DEL, else ``[U+XXXX]``."""
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return '\u2421'
    return f'[U+{code:04X}]'


def readable(text: str) -> str:
    """*text* with the characters YAML refuses in a file made visible, one character for one
    (C0 controls as control pictures, the others as U+FFFD), so that every column stays put."""
    return UNREADABLE.sub(lambda match: _picture(match.group()), text)


def _picture(character: str) -> str:
    code = ord(character)
    return chr(0x2400 + code) if code < 0x20 else '\u2421' if code == 0x7F else '\ufffd'


PASTED = str.maketrans('', '', '\u200b\ufeff')


def strip_pasted(text: str) -> str:
    """*text* without zero-width spaces and byte-order marks, which pasted exports carry."""
    return text.translate(PASTED)


def line_errors(text: str) -> Iterator[tuple[int, int, str]]:
    """The line, column and message of every character of *text* that is an error."""
    for number, line in enumerate(text.split('\n'), 1):
        for finding in findings(line):
            if finding.severity == 'error':
                yield number, finding.index + 1, finding.message


# --- files -------------------------------------------------------------------------------------


def file_problems(path: Path, text: str) -> list[tuple[Severity, Problem]]:
    """Every reported character of the file *path* (its decoded *text*), with its severity.

    Characters as they stand in the file are found at their line and column, comments
    included; characters written as escapes in double-quoted YAML (``"\\u202e"``) at the escape.
    """
    found: list[tuple[Severity, Problem]] = []
    for number, line_text in enumerate(text.split('\n'), 1):
        for finding in findings(line_text):
            found.append((finding.severity, Problem(path, number, finding.index + 1, finding.message)))
    for number, column, context in _escaped(text):
        escaped = _judge(context, 1, context[1])
        if escaped is not None:
            message = f'{escaped.message} (written as an escape)'
            found.append((escaped.severity, Problem(path, number, column, message)))
    return found


def _escaped(text: str) -> Iterator[tuple[int, int, str]]:
    """The line and column of each escape in the double-quoted scalars of *text*, with the
    character it stands for between the characters before and after it."""
    if not ESCAPE.search(text):
        return  # nothing to scan for (scanning a large file costs seconds)
    try:
        tokens = list(yaml.scan(readable(text), Loader=yaml.SafeLoader))
    except yaml.YAMLError:
        return  # the loader reports the syntax; characters as they stand are found all the same
    offsets = [0]
    for line in text.split('\n'):
        offsets.append(offsets[-1] + len(line) + 1)
    for token in tokens:
        if not isinstance(token, yaml.ScalarToken) or token.style != '"':
            continue
        start, end = token.start_mark.index, token.end_mark.index
        for match in ESCAPE.finditer(text, start, end):
            character = _unescape(match.group())
            if character is None:
                continue
            row = bisect.bisect_right(offsets, match.start()) - 1
            context = (
                text[match.start() - 1 : match.start()] + character + text[match.end() : match.end() + 1]
            )
            yield row + 1, match.start() - offsets[row] + 1, context.rjust(3)


def _unescape(escape: str) -> str | None:
    if escape[1] in 'xuU':
        return chr(int(escape[2:], 16))
    return {'0': '\0', 'a': '\a', 'b': '\b', 'v': '\v', 'f': '\f', 'e': '\x1b', 'N': '\x85'}.get(
        escape[1], {'L': '\u2028', 'P': '\u2029'}.get(escape[1])
    )
