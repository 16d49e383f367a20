"""Reading an export: its lines, the head above the tables (title, summary, stats, domain, group,
date), then its tables."""

from __future__ import annotations

import datetime
import re
import stat
from typing import TYPE_CHECKING, NoReturn

from skill_matrix.data.characters import line_errors, strip_pasted
from skill_matrix.data.exports._model import (
    DATE_EXAMPLES,
    LABELS,
    MAX_EXPORT_BYTES,
    NON_PRINTABLE,
    Export,
    ExportError,
    ExportProblem,
    Line,
    Reporter,
    Stat,
    Stats,
    Text,
    clean,
    header_labels,
    role_key,
    shorten,
)
from skill_matrix.data.exports._tables import check_tables, markdown_tables, plain_tables

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from pathlib import Path


def read_export(path: Path, known_roles: Iterable[str] = ()) -> Export:
    """The export in *path*; raises :class:`ExportError` with every problem found.

    *known_roles* are role names already defined: in a plain-text row, the role is the longest
    known name the row starts with, or else the words that head one row in every level's table.
    """
    lines = _read_lines(path)
    problems: list[ExportProblem] = []

    def problem(line: int, message: str) -> None:
        problems.append(ExportProblem(path, line, message))

    start = next((index for index, line in enumerate(lines) if header_labels(line.text)), None)
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
    labels = header_labels(lines[start].text)
    assert labels is not None
    head = [line for line in lines[:start] if line.text]
    fields = _Head(head, lines[start].number, problem)
    if layout == 'markdown':
        tables = markdown_tables(lines[start:], problem)
    else:
        tables = plain_tables(lines[start:], known_roles, problem)
    if fields.stats is not None and tables and not problems:  # else it would repeat them
        check_tables(tables, fields.stats, problem)
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


def _read_lines(path: Path) -> list[Line]:
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
    other = NON_PRINTABLE.search(text)
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
        Line(number, line.strip()) for number, line in enumerate(text.replace('\r\n', '\n').split('\n'), 1)
    ]


def _label(text: str) -> str:
    """A line compared with a label: Markdown heading marks, emphasis, a colon and case removed."""
    text = re.sub(r'^#{1,6}\s+', '', text).strip('*_ ')
    return role_key(text.removesuffix(':').removesuffix('：'))


def _is(text: str, *labels: str) -> bool:
    return _label(text) in {role_key(label) for label in labels}


class _Head:
    """The lines above the first table: title, summary, stats, domain, group, date."""

    def __init__(self, lines: Sequence[Line], table_line: int, problem: Reporter) -> None:
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
            date_line = Line(labelled['updated'].line, labelled['updated'].text)
        date = parse_date(date_line.text)
        if date is None:
            problem(
                date_line.number,
                f"unreadable date '{shorten(date_line.text)}': expected a date such as {DATE_EXAMPLES}",
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
                extra.number, f"unexpected text between the summary and the stats: '{shorten(extra.text)}'"
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
