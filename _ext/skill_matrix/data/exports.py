"""Read skill-profile page exports (plain text or Markdown) into plain data. No Sphinx here.

An export is a skill's page saved from the skills site, with its labels in English, German or
Chinese. Two layouts exist:

* **Markdown**: the stats, then the domain, the group and the date on lines of their own, then
  one table per level (``| Role | Required | Description |``). The export has no title.
* **Plain text**: the title and the summary, the stats, labelled fields (domain, group, last
  updated), then per level a header line (``Role Required Description``) and one line per role:
  the role's name, the flag word when the cell is required, the description.

:func:`read_export` checks what an export says about itself (its stats against its tables,
every role in every level's table) and reports every problem as ``file:line: message``.
"""

from __future__ import annotations

import datetime
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, NoReturn

from skill_matrix.data.characters import line_errors, strip_pasted
from skill_matrix.data.problems import display_path

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence
    from pathlib import Path

    _Reporter = Callable[[int, str], None]

MAX_EXPORT_BYTES = 1024 * 1024
_NON_PRINTABLE = re.compile('[\x80-\x84\x86-\x9f\ufffe\uffff]')
"""Characters that no YAML file can hold (the C0 controls are found in the bytes before)."""
MAX_ROLE_WORDS = 8
"""Role names in plain-text rows are looked for among the first words of a row only."""


@dataclass(frozen=True, slots=True)
class Labels:
    """The fixed texts of the skills site's pages in one language, as the exports show them."""

    language: str
    domain: str
    group: tuple[str, ...]
    updated: str
    profile: str
    profile_text: str
    roles: str
    levels: str
    mandatory: str
    optional: re.Pattern[str]
    columns: tuple[str, str, str]
    """Role, Required, Description."""
    required_flag: str
    optional_flag: str


LABELS = (
    Labels(
        language='en',
        domain='Domain',
        group=('Group', 'skills.group'),
        updated='Last updated',
        profile='Skill Profile',
        profile_text='This skill defines expectations across roles and levels.',
        roles='Roles',
        levels='Levels',
        mandatory='Mandatory requirements',
        optional=re.compile(r'the other (\d+) optional', re.IGNORECASE),
        columns=('Role', 'Required', 'Description'),
        required_flag='Required',
        optional_flag='Optional',
    ),
    Labels(
        language='de',
        domain='Domäne',
        group=('Gruppe', 'skills.group'),
        updated='Zuletzt aktualisiert',
        profile='Skill-Profil',
        profile_text='Dieser Skill definiert Erwartungen über Rollen und Level.',
        roles='Rollen',
        levels='Stufen',
        mandatory='Pflichtanforderungen',
        optional=re.compile(r'die anderen (\d+) optional', re.IGNORECASE),
        columns=('Rolle', 'Pflicht', 'Beschreibung'),
        required_flag='Pflicht',
        optional_flag='Optional',
    ),
    Labels(
        language='zh_CN',
        domain='领域',
        group=('分组', 'skills.group'),
        updated='最后更新',
        profile='技能档案',
        profile_text='此技能定义了各角色和级别的期望。',
        roles='角色数',
        levels='级别数',
        mandatory='必要要求',
        optional=re.compile(r'其余\s*(\d+)\s*个可选'),
        columns=('角色', '必要性', '描述'),
        required_flag='必要',
        optional_flag='可选',
    ),
)
DATE_EXAMPLES = '2/22/2026, 22.2.2026, 2026/2/22 or 2026-02-22'


# --- what an export holds -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Text:
    """A text of the export and the line it stands on."""

    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Stat:
    value: int
    line: int


@dataclass(frozen=True, slots=True)
class Stats:
    """The page's own counts: roles, levels, mandatory and optional cells."""

    roles: Stat
    levels: Stat
    mandatory: Stat
    optional: Stat


@dataclass(frozen=True, slots=True)
class Row:
    """One role's cell in one level's table."""

    role: str
    required: bool
    description: str
    line: int


@dataclass(frozen=True, slots=True)
class LevelTable:
    line: int
    """The line of the table's header."""
    rows: tuple[Row, ...]


@dataclass(frozen=True, slots=True)
class Export:
    path: Path
    layout: str
    """'markdown' or 'plain'."""
    language: str
    """The language of the table headers: 'en', 'de' or 'zh_CN'."""
    title: Text | None
    summary: Text | None
    domain: Text
    group: Text
    updated: datetime.date
    updated_line: int
    stats: Stats
    tables: tuple[LevelTable, ...]

    @property
    def role_names(self) -> tuple[str, ...]:
        """The roles' names as written, in the order of the first table."""
        return tuple(row.role for row in self.tables[0].rows)


@dataclass(frozen=True, order=True, slots=True)
class ExportProblem:
    """A problem in an input file of the importer, at a 1-based line."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f'{display_path(self.path)}:{self.line}: {self.message}'


class ExportError(Exception):
    """One or more problems that keep an export (or several) from being imported."""

    def __init__(self, problems: Iterable[ExportProblem]) -> None:
        self.problems = tuple(sorted(problems))
        super().__init__('\n'.join(map(str, self.problems)))


def role_key(name: str) -> str:
    """A role name compared case and spacing insensitively."""
    return ' '.join(name.split()).casefold()


def clean(text: str) -> str:
    """*text* with its whitespace collapsed, as the data files' texts are compared."""
    return ' '.join(text.split())


# --- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str


def read_export(path: Path, known_roles: Iterable[str] = ()) -> Export:
    """The export in *path*; raises :class:`ExportError` with every problem found.

    *known_roles* are role names already defined: in a plain-text row, the role is the longest
    known name the row starts with, or else the words that head one row in every level's table.
    """
    lines = _read_lines(path)
    problems: list[ExportProblem] = []

    def problem(line: int, message: str) -> None:
        problems.append(ExportProblem(path, line, message))

    start = next((index for index, line in enumerate(lines) if _header(line.text)), None)
    if start is None:
        raise ExportError(
            [
                ExportProblem(
                    path,
                    1,
                    'no level tables: expected a header line such as '
                    "'| Role | Required | Description |' (Markdown) or 'Role Required Description' "
                    '(plain text), in English, German or Chinese',
                )
            ]
        )
    layout = 'markdown' if lines[start].text.startswith('|') else 'plain'
    labels = _header(lines[start].text)
    assert labels is not None
    head = [line for line in lines[:start] if line.text]
    fields = _Head(head, lines[start].number, problem)
    if layout == 'markdown':
        tables = _markdown_tables(lines[start:], problem)
    else:
        tables = _plain_tables(lines[start:], known_roles, problem)
    if fields.stats is not None and tables and not problems:  # else it would repeat them
        _check_tables(tables, fields.stats, problem)
    if problems:
        raise ExportError(problems)
    assert fields.stats
    assert fields.domain
    assert fields.group
    assert fields.updated
    return Export(
        path=path,
        layout=layout,
        language=labels.language,
        title=fields.title,
        summary=fields.summary,
        domain=fields.domain,
        group=fields.group,
        updated=fields.updated[0],
        updated_line=fields.updated[1],
        stats=fields.stats,
        tables=tuple(tables),
    )


def _read_lines(path: Path) -> list[_Line]:
    """The file's lines, numbered from 1, without line ends and trailing spaces; UTF-8 only."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise ExportError([ExportProblem(path, 1, 'not a regular file')])
        with path.open('rb') as file:
            raw = file.read(MAX_EXPORT_BYTES + 1)
    except OSError as exc:
        raise ExportError([ExportProblem(path, 1, f'cannot read the file: {exc.strerror or exc}')]) from None
    if len(raw) > MAX_EXPORT_BYTES:
        raise ExportError([ExportProblem(path, 1, f'file is larger than {MAX_EXPORT_BYTES // 1024} KiB')])

    def fail(offset: int, message: str) -> NoReturn:
        raise ExportError([ExportProblem(path, raw.count(b'\n', 0, offset) + 1, message)])

    if raw.startswith((b'\xff\xfe', b'\xfe\xff')):
        fail(0, 'not UTF-8 text (a UTF-16 byte-order mark): save the export as UTF-8')
    start = 3 if raw.startswith(b'\xef\xbb\xbf') else 0
    try:
        text = raw[start:].decode('utf-8')
    except UnicodeDecodeError as exc:
        offset = start + exc.start
        fail(
            offset, f'not UTF-8 text (byte 0x{raw[offset]:02x} at offset {offset}): save the export as UTF-8'
        )
    control = re.search(rb'[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]', raw)
    if control:
        offset = control.start()
        fail(offset, f'binary data (byte 0x{raw[offset]:02x} at offset {offset}): not a text export')
    other = _NON_PRINTABLE.search(text)
    if other:
        offset = start + len(text[: other.start()].encode('utf-8'))
        fail(offset, f'binary data (character U+{ord(other[0]):04X} at offset {offset}): not a text export')
    # Unicode: zero-width spaces and byte-order marks are dropped, dangerous characters refused.
    text = strip_pasted(text)
    if errors := list(line_errors(text)):
        raise ExportError(
            [ExportProblem(path, line, f'column {column}: {message}') for line, column, message in errors]
        )
    if not text.strip():
        raise ExportError([ExportProblem(path, 1, 'file is empty')])
    return [
        _Line(number, line.strip()) for number, line in enumerate(text.replace('\r\n', '\n').split('\n'), 1)
    ]


def _label(text: str) -> str:
    """A line compared with a label: Markdown heading marks, emphasis, a colon and case removed."""
    text = re.sub(r'^#{1,6}\s+', '', text).strip('*_ ')
    return role_key(text.removesuffix(':').removesuffix('：'))


def _is(text: str, *labels: str) -> bool:
    return _label(text) in {role_key(label) for label in labels}


def _header(text: str) -> Labels | None:
    """The labels of a level table's header line, or None for another line: the column labels of
    one language, the Role column among them (first in the plain-text layout)."""
    markdown = text.startswith('|')
    keys = [role_key(cell) for cell in (_cells(text) if markdown else text.split()) if cell.strip()]
    for labels in LABELS:
        columns = [role_key(column) for column in labels.columns]
        role_at = keys.index(columns[0]) if columns[0] in keys else -1
        if len(keys) >= 2 and set(keys) <= set(columns) and (role_at == 0 or (markdown and role_at > 0)):
            return labels
    return None


def _cells(text: str) -> list[str]:
    """The cells of a Markdown table row; ``\\|`` is a pipe inside a cell."""
    inner = text.strip()
    inner = inner.removeprefix('|')
    if inner.endswith('|') and not inner.endswith('\\|'):
        inner = inner[:-1]
    return [clean(cell.replace('\\|', '|')) for cell in re.split(r'(?<!\\)\|', inner)]


class _Head:
    """The lines above the first table: title, summary, stats, domain, group, date."""

    def __init__(self, lines: Sequence[_Line], table_line: int, problem: _Reporter) -> None:
        self.title: Text | None = None
        self.summary: Text | None = None
        self.domain: Text | None = None
        self.group: Text | None = None
        self.updated: tuple[datetime.date, int] | None = None
        self.stats: Stats | None = None
        self._lines = lines
        self._problem = problem

        found = self._stats(table_line)
        if found is None:
            return
        begin, end = found
        labelled = self._labelled()
        markdown = end < len(lines) and not _is_label(lines[end].text)
        if markdown:
            # Markdown layout: the domain, the group and the date follow the stats, unlabelled.
            positional = lines[end : end + 3]
            if len(positional) < 3:
                problem(lines[end - 1].number, 'expected the domain, the group and the date after the stats')
                return
            self.domain = Text(clean(positional[0].text), positional[0].number)
            self.group = Text(clean(positional[1].text), positional[1].number)
            date_line = positional[2]
            top = labelled.get('domain')
            if top is not None and role_key(top.text) != role_key(self.domain.text):
                problem(
                    self.domain.line,
                    f"the domain '{self.domain.text}' differs from '{top.text}' on line {top.line}",
                )
        else:
            for name in ('domain', 'group', 'updated'):
                if name not in labelled:
                    problem(
                        lines[end - 1].number,
                        f'no {_label_names(name)} line with its value after the stats',
                    )
            if not {'domain', 'group', 'updated'} <= labelled.keys():
                return
            self.domain, self.group = labelled['domain'], labelled['group']
            date_line = _Line(labelled['updated'].line, labelled['updated'].text)
        date = parse_date(date_line.text)
        if date is None:
            problem(
                date_line.number,
                f"unreadable date '{_shorten(date_line.text)}': expected a date such as {DATE_EXAMPLES}",
            )
        else:
            self.updated = (date, date_line.number)
        self._title(begin, headings_only=markdown)

    def _stats(self, table_line: int) -> tuple[int, int] | None:
        """The stats: the index of their first line and the index after their last, or None."""
        lines = self._lines
        found: dict[str, Stat] = {}
        used: list[int] = []
        for index in range(len(lines) - 1):
            number = lines[index + 1]
            if not (number.text.isascii() and number.text.isdigit()):
                continue
            name = next(
                (
                    name
                    for name in _STATS
                    if name not in found and _is(lines[index].text, *_label_texts(name))
                ),
                None,
            )
            if name is None:
                continue
            found[name] = Stat(int(number.text), number.number)
            used += [index, index + 1]
            after = lines[index + 2] if index + 2 < len(lines) else None
            if name == 'mandatory':
                optional = _optional(after.text) if after else None
                if after is None or optional is None:
                    self._problem(
                        number.number,
                        'expected the number of optional cells on the line after this stat '
                        "('the other N optional', 'die anderen N optional' or '其余 N 个可选')",
                    )
                    return None
                found['optional'] = Stat(optional, after.number)
                used.append(index + 2)
            elif after is not None and _is(after.text, *_label_texts(f'{name}_caption')):
                used.append(index + 2)
        missing = [name for name in _STATS if name not in found]
        if missing:
            self._problem(
                table_line,
                'the stats before the first level table are incomplete: no '
                + ', '.join(_label_names(name) for name in missing)
                + ' line followed by its number',
            )
            return None
        self.stats = Stats(found['roles'], found['levels'], found['mandatory'], found['optional'])
        return min(used), max(used) + 1

    def _labelled(self) -> dict[str, Text]:
        """Domain, group and date written as a label line followed by the value's line."""
        found: dict[str, Text] = {}
        for index in range(len(self._lines) - 1):
            value = self._lines[index + 1]
            for name in ('domain', 'group', 'updated'):
                if name not in found and _is(self._lines[index].text, *_label_texts(name)):
                    found[name] = Text(clean(value.text), value.number)
        return found

    def _title(self, stats_begin: int, *, headings_only: bool) -> None:
        """The title and the summary between the profile label and the stats.

        The Markdown layout has no title: there only a Markdown heading (``# PyTorch``) is taken
        for one, never the page's other text, so that such an export needs ``--id``.
        """
        lines = self._lines[:stats_begin]
        start = next(
            (index for index, line in enumerate(lines) if _is(line.text, *_label_texts('profile'))), None
        )
        if start is None:
            return
        assert self.domain is not None
        assert self.group is not None
        domain_group = role_key(f'{self.domain.text} {self.group.text}')
        texts = [
            line
            for line in lines[start + 1 :]
            if not _is(line.text, *_label_texts('profile_text'))
            and role_key(line.text) != domain_group
            and not _is_label(line.text)
        ]
        if headings_only:
            texts = [line for line in texts if re.match(r'#{1,6}\s', line.text)]
        if texts:
            self.title = Text(_heading(texts[0].text), texts[0].number)
        if len(texts) > 1:
            self.summary = Text(clean(texts[1].text), texts[1].number)
        for extra in texts[2:]:
            self._problem(
                extra.number, f"unexpected text between the summary and the stats: '{_shorten(extra.text)}'"
            )


_STATS = ('roles', 'levels', 'mandatory')
_CAPTIONS = {
    'roles_caption': ('where this skill appears', 'wo dieser Skill vorkommt', '包含此技能的角色'),
    'levels_caption': ('structured growth path', 'strukturierter Entwicklungspfad', '结构化成长路径'),
}


def _heading(text: str) -> str:
    return clean(re.sub(r'^#{1,6}\s+', '', text))


def _label_texts(name: str) -> tuple[str, ...]:
    if name in _CAPTIONS:
        return _CAPTIONS[name]
    if name == 'group':
        return tuple(label for labels in LABELS for label in labels.group)
    return tuple(getattr(labels, name) for labels in LABELS)


def _label_names(name: str) -> str:
    return ' / '.join(f"'{label}'" for label in dict.fromkeys(_label_texts(name)))


def _is_label(text: str) -> bool:
    return any(_is(text, *_label_texts(name)) for name in ('domain', 'group', 'updated'))


def _optional(text: str) -> int | None:
    for labels in LABELS:
        match = labels.optional.fullmatch(clean(text))
        if match:
            return int(match.group(1))
    return None


def parse_date(text: str) -> datetime.date | None:
    """A date as an English, German or Chinese page writes it (2/22/2026, 22.2.2026, 2026/2/22,
    2026年2月22日), or ISO 2026-02-22; None when it is none of these or no real day."""
    text = text.strip()
    patterns = (
        (r'(\d{1,2})/(\d{1,2})/(\d{4})', (3, 1, 2)),
        (r'(\d{1,2})\.(\d{1,2})\.(\d{4})', (3, 2, 1)),
        (r'(\d{4})/(\d{1,2})/(\d{1,2})', (1, 2, 3)),
        (r'(\d{4})年(\d{1,2})月(\d{1,2})日', (1, 2, 3)),
        (r'(\d{4})-(\d{2})-(\d{2})', (1, 2, 3)),
    )
    for pattern, (year, month, day) in patterns:
        match = re.fullmatch(pattern, text, re.ASCII)
        if match:
            try:
                return datetime.date(int(match[year]), int(match[month]), int(match[day]))
            except ValueError:
                return None
    return None


# --- tables -----------------------------------------------------------------------------------


def _flag(text: str) -> bool | None:
    """True for a required flag word, False for an optional one, None for other text."""
    key = role_key(text)
    if any(key == role_key(labels.required_flag) for labels in LABELS):
        return True
    if any(key == role_key(labels.optional_flag) for labels in LABELS):
        return False
    return None


def _markdown_tables(lines: Sequence[_Line], problem: _Reporter) -> list[LevelTable]:
    tables: list[LevelTable] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        labels = _header(line.text) if line.text.startswith('|') else None
        if labels is None:
            index += 1
            continue
        columns = _columns(line, labels, problem)
        rows: list[Row] = []
        index += 1
        while index < len(lines) and lines[index].text.startswith('|') and not _header(lines[index].text):
            cells = _cells(lines[index].text)
            if not all(re.fullmatch(r':?-+:?', cell) for cell in cells):
                row = _markdown_row(lines[index], cells, columns, problem)
                if row:
                    rows.append(row)
            index += 1
        tables.append(LevelTable(line.number, tuple(rows)))
    return tables


def _columns(line: _Line, labels: Labels, problem: _Reporter) -> tuple[int, int, int]:
    """Where the Role, Required and Description columns are; a missing one is reported."""
    cells = [
        role_key(cell) for cell in (_cells(line.text) if line.text.startswith('|') else line.text.split())
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
    line: _Line, cells: list[str], columns: tuple[int, int, int], problem: _Reporter
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


def _plain_tables(lines: Sequence[_Line], known_roles: Iterable[str], problem: _Reporter) -> list[LevelTable]:
    """Header lines and the row lines under each, up to a blank line or the next header."""
    blocks: list[tuple[_Line, list[_Line]]] = []
    current: list[_Line] | None = None
    for line in lines:
        labels = _header(line.text)
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
                    f"a row in every level table: '{_shorten(line.text)}'",
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


def _shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + '…'


def _check_tables(tables: Sequence[LevelTable], stats: Stats, problem: _Reporter) -> None:
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
