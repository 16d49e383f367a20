"""What an export holds, its labels in English, German and Chinese, and the lines it is read from."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skill_matrix.data.problems import display_path

if TYPE_CHECKING:
    import datetime
    from collections.abc import Iterable
    from pathlib import Path


MAX_EXPORT_BYTES = 1024 * 1024
NON_PRINTABLE = re.compile('[\x80-\x84\x86-\x9f\ufffe\uffff]')
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


# --- the lines of an export ------------------------------------------------------------------

Reporter = Callable[[int, str], None]
"""Reports a problem at a line of the export."""


@dataclass(frozen=True, slots=True)
class Line:
    number: int
    text: str


def header_labels(text: str) -> Labels | None:
    """The labels of a level table's header line, or None for another line: the column labels of
    one language, the Role column among them (first in the plain-text layout)."""
    markdown = text.startswith('|')
    keys = [role_key(cell) for cell in (row_cells(text) if markdown else text.split()) if cell.strip()]
    for labels in LABELS:
        columns = [role_key(column) for column in labels.columns]
        role_at = keys.index(columns[0]) if columns[0] in keys else -1
        if len(keys) >= 2 and set(keys) <= set(columns) and (role_at == 0 or (markdown and role_at > 0)):
            return labels
    return None


def row_cells(text: str) -> list[str]:
    """The cells of a Markdown table row; ``\\|`` is a pipe inside a cell."""
    inner = text.strip()
    inner = inner.removeprefix('|')
    if inner.endswith('|') and not inner.endswith('\\|'):
        inner = inner[:-1]
    return [clean(cell.replace('\\|', '|')) for cell in re.split(r'(?<!\\)\|', inner)]


def shorten(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + '…'
