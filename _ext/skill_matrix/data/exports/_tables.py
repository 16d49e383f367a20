"""The level tables of an export, Markdown or plain text, checked against its stats."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from skill_matrix.data.exports._model import (
    LABELS,
    MAX_ROLE_WORDS,
    Labels,
    LevelTable,
    Line,
    Reporter,
    Row,
    Stats,
    header_labels,
    role_key,
    row_cells,
    shorten,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence


def _flag(text: str) -> bool | None:
    """True for a required flag word, False for an optional one, None for other text."""
    key = role_key(text)
    if any(key == role_key(labels.required_flag) for labels in LABELS):
        return True
    if any(key == role_key(labels.optional_flag) for labels in LABELS):
        return False
    return None


def markdown_tables(lines: Sequence[Line], problem: Reporter) -> list[LevelTable]:
    tables: list[LevelTable] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        labels = header_labels(line.text) if line.text.startswith('|') else None
        if labels is None:
            index += 1
            continue
        columns = _columns(line, labels, problem)
        rows: list[Row] = []
        index += 1
        while (
            index < len(lines) and lines[index].text.startswith('|') and not header_labels(lines[index].text)
        ):
            cells = row_cells(lines[index].text)
            if not all(re.fullmatch(r':?-+:?', cell) for cell in cells):
                row = _markdown_row(lines[index], cells, columns, problem)
                if row:
                    rows.append(row)
            index += 1
        tables.append(LevelTable(line.number, tuple(rows)))
    return tables


def _columns(line: Line, labels: Labels, problem: Reporter) -> tuple[int, int, int]:
    """Where the Role, Required and Description columns are; a missing one is reported."""
    cells = [
        role_key(cell) for cell in (row_cells(line.text) if line.text.startswith('|') else line.text.split())
    ]
    positions = []
    for column in labels.columns:
        if role_key(column) in cells:
            positions.append(cells.index(role_key(column)))
        else:
            problem(
                line.number,
                f"the level table has no '{column}' column "
                f'(expected the columns {" | ".join(labels.columns)})',
            )
            positions.append(-1)
    return positions[0], positions[1], positions[2]


def _markdown_row(
    line: Line, cells: list[str], columns: tuple[int, int, int], problem: Reporter
) -> Row | None:
    if -1 in columns:
        return None  # the header's missing column is reported once
    role_at, required_at, description_at = columns
    cell = dict(enumerate(cells))
    role = cell.get(role_at, '')
    if not role:
        problem(line.number, 'a row without a role: its Role cell is empty')
        return None
    if len(cells) < 2:
        problem(line.number, f"the row for '{role}' has no other column than the role")
        return None
    flag_text, description = cell.get(required_at, ''), cell.get(description_at, '')
    extra = [text for at, text in cell.items() if at not in columns and text]
    if extra:
        problem(line.number, f"the row for '{role}' has more columns than the table's header")
        return None
    flag = _flag(flag_text) if flag_text else False
    if flag is None and not description:
        # As the seeds show it: the description in the Required column, the last one empty.
        flag, description = False, flag_text
    elif flag is None:
        problem(
            line.number,
            f"the Required column of '{role}' holds '{flag_text}', neither a required flag word "
            f'({", ".join(labels.required_flag for labels in LABELS)}) nor empty',
        )
        return None
    if not description:
        problem(line.number, f"the row for '{role}' has no description")
        return None
    return Row(role, flag, description, line.number)


def plain_tables(lines: Sequence[Line], known_roles: Iterable[str], problem: Reporter) -> list[LevelTable]:
    """Header lines and the row lines under each, up to a blank line or the next header."""
    blocks: list[tuple[Line, list[Line]]] = []
    current: list[Line] | None = None
    for line in lines:
        labels = header_labels(line.text)
        if labels is not None and not line.text.startswith('|'):
            _columns(line, labels, problem)
            current = []
            blocks.append((line, current))
        elif not line.text:
            current = None
        elif current is not None:
            current.append(line)
    words = [[line.text.split() for line in rows] for _header_line, rows in blocks]
    known = {tuple(role_key(name).split()) for name in known_roles}
    longest_known = max((len(name) for name in known), default=0)
    # For every word prefix of a row, in how many tables it heads exactly one row.
    heads: Counter[tuple[str, ...]] = Counter()
    for table in words:
        counts = Counter(prefix for row in table for prefix in _prefixes(row))
        heads.update(prefix for prefix, count in counts.items() if count == 1)
    tables = []
    for (header_line, rows), table_words in zip(blocks, words, strict=True):
        parsed = []
        for line, row_words in zip(rows, table_words, strict=True):
            keys = [role_key(word) for word in row_words]
            size = next(
                (size for size in range(min(longest_known, len(keys)), 0, -1) if tuple(keys[:size]) in known),
                0,
            )
            if not size:
                size = next(
                    (
                        prefix_size
                        for prefix_size in range(len(_prefixes(row_words)), 0, -1)
                        if heads[tuple(keys[:prefix_size])] == len(blocks)
                    ),
                    0,
                )
            rest = row_words[size:]
            required = bool(rest) and _flag(rest[0]) is True
            description = ' '.join(rest[1:] if required else rest)
            if not size:
                problem(
                    line.number,
                    'a row without a role: it starts with no known role and with no name that heads '
                    f"a row in every level table: '{shorten(line.text)}'",
                )
            elif not description:
                problem(line.number, f"the row for '{' '.join(row_words[:size])}' has no description")
            else:
                parsed.append(Row(' '.join(row_words[:size]), required, description, line.number))
        tables.append(LevelTable(header_line.number, tuple(parsed)))
    return tables


def _prefixes(words: list[str]) -> list[tuple[str, ...]]:
    """The word prefixes of a plain-text row that could be a role's name: before any flag word,
    leaving at least one word for the description, at most :data:`MAX_ROLE_WORDS`."""
    keys = [role_key(word) for word in words[: MAX_ROLE_WORDS + 1]]
    limit = next((index for index, word in enumerate(keys) if _flag(word) is True), len(words) - 1)
    return [tuple(keys[:size]) for size in range(1, min(limit, MAX_ROLE_WORDS) + 1)]


def check_tables(tables: Sequence[LevelTable], stats: Stats, problem: Reporter) -> None:
    """Every role once in every table, and the stats equal to what the tables hold."""
    if not any(table.rows for table in tables):
        problem(tables[0].line, 'the level tables have no rows')
        return
    first_rows: dict[str, Row] = {}
    for number, table in enumerate(tables, 1):
        seen: dict[str, Row] = {}
        for row in table.rows:
            key = role_key(row.role)
            if key in seen:
                problem(
                    row.line,
                    f"a second row for '{row.role}' in level table {number} (first on line {seen[key].line})",
                )
            seen[key] = row
            first_rows.setdefault(key, row)
        for key, row in first_rows.items():
            if key not in seen:
                problem(
                    table.line,
                    f"level table {number} has no row for '{row.role}' (every role needs one in every "
                    f'level table; it has one on line {row.line})',
                )
    cells = [row for table in tables for row in table.rows]
    required = sum(row.required for row in cells)
    checks = (
        (stats.roles, len(first_rows), 'roles', 'the tables have {} roles'),
        (stats.levels, len(tables), 'levels', 'the export has {} level tables'),
        (stats.mandatory, required, 'mandatory requirements', 'the tables have {} required cells'),
        (stats.optional, len(cells) - required, 'optional', 'the tables have {} optional cells'),
    )
    for stat_, actual, name, says in checks:
        if stat_.value != actual:
            problem(stat_.line, f'the stats say {stat_.value} {name}, but {says.format(actual)}')


def slug(text: str) -> str:
    """An id made from *text*: ASCII lowercase letters and digits joined by hyphens ('' if none)."""
    ascii_text = unicodedata.normalize('NFKD', text).encode('ascii', 'ignore').decode('ascii')
    return '-'.join(re.findall(r'[a-z0-9]+', ascii_text.lower()))
