"""The changes model: two data sets read from the bytes of their files, and what changed between them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from skill_matrix.data import richtext
from skill_matrix.data.loader import SKILL_ID, definitions_from_texts, skill_from_document
from skill_matrix.data.model import Definitions, Level, Role, SourceText
from skill_matrix.data.problems import DataError
from skill_matrix.data.yamlsource import YamlDocument, parse_yaml

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping


FORMAT = 'skill-profiles-changes/1'
ROLES_FILE = 'roles.yaml'
LEVELS_FILE = 'levels.yaml'
FIELDS = ('title', 'summary', 'domain', 'group', 'updated')
"""A skill's fields that are compared, in the order they are reported."""
FIELD_LABELS = {
    'title': 'Title',
    'summary': 'Summary',
    'domain': 'Domain',
    'group': 'Group',
    'updated': 'Last updated',
}
RENAME_SIMILARITY = 0.5
"""The share of equal cells above which a removed and an added skill are one skill renamed."""

Op = Literal['equal', 'delete', 'insert']
Segment = tuple[Op, str]
"""A piece of a diff: text both versions share, or text only the old (delete) or new (insert) has."""


# --- the data sets --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cell:
    """One role × level expectation as far as it could be read (``None``: missing or unreadable)."""

    required: bool | None
    description: str | None
    examples: tuple[str, ...] = ()
    """The cell's examples as far as they could be read (texts folded as descriptions are)."""


@dataclass(frozen=True, slots=True)
class SkillData:
    """One skill file as far as it could be read."""

    id: str
    path: str
    """From the data folder, ``/``-separated: ``skills/sql.yaml``."""
    fields: Mapping[str, str | None]
    """Each of :data:`FIELDS`: its text with runs of white space folded, or ``None``."""
    cells: Mapping[tuple[str, str], Cell]
    """By (role id, level id)."""


@dataclass(frozen=True, slots=True)
class DataSet:
    """Roles, levels and (some) skills of one revision of a data folder."""

    roles: Mapping[str, str]
    """Role id → name, in display order."""
    levels: Mapping[str, str]
    """Level id → name, in display order."""
    skills: Mapping[str, SkillData]
    """By file path (as :attr:`SkillData.path`): only the files that were read."""
    warnings: tuple[str, ...] = ()


def load_dataset(texts: Mapping[str, bytes], origin: str = '') -> DataSet:
    """A data set from the bytes of its files, keyed by their path in the data folder
    (``roles.yaml``, ``levels.yaml``, ``skills/<id>.yaml``; other paths are ignored).

    Every file is checked against today's schema and cross-checks; each problem becomes a warning
    (*origin* + path, line, column, message) and the file is read as far as it can be. A skill that
    is not in *texts* is not in the data set.
    """
    warnings: list[str] = []

    def parse(path: str) -> YamlDocument | None:
        if path not in texts:
            warnings.append(f'{origin}{path}: missing; compared as empty')
            return None
        try:
            return parse_yaml(Path(path), texts[path])
        except DataError as error:
            warnings.extend(_warnings(origin, error))
            return None

    documents = {path: parse(path) for path in (ROLES_FILE, LEVELS_FILE)}
    roles = _named_ids(documents[ROLES_FILE], 'roles')
    levels = _named_ids(documents[LEVELS_FILE], 'levels')
    definitions = Definitions(
        tuple(Role(key, SourceText(name, Path(ROLES_FILE), 1)) for key, name in roles.items()),
        tuple(Level(key, SourceText(name, Path(LEVELS_FILE), 1)) for key, name in levels.items()),
    )
    if all(documents.values()):
        try:
            definitions = definitions_from_texts(
                {Path(path): texts[path] for path in documents}, Path(ROLES_FILE), Path(LEVELS_FILE)
            )
        except DataError as error:
            warnings.extend(_warnings(origin, error))

    skills: dict[str, SkillData] = {}
    for path in sorted(texts):
        if not is_skill_file(path):
            continue
        document = parse(path)
        if document is None:
            skills[path] = SkillData(PurePosixPath(path).stem, path, dict.fromkeys(FIELDS), {})
            continue
        try:
            skill_from_document(document, definitions, lambda other: other.as_posix() in texts)
        except DataError as error:
            warnings.extend(_warnings(origin, error))
        skills[path] = _skill_data(document, path)
    return DataSet(roles, levels, skills, tuple(warnings))


def _warnings(origin: str, error: DataError) -> Iterable[str]:
    for problem in error.problems:
        yield f'{origin}{problem.path.as_posix()}:{problem.line}:{problem.column}: {problem.message}'


def is_skill_file(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) == 2 and parts[0] == 'skills' and parts[1].endswith('.yaml')


def _description(value: object) -> str | None:
    """A description as the loader keeps it (and the catalogs hold it): a plain one folded, a
    rich one with its lines, so that its list items stay items (:func:`richtext.normalized`)."""
    return richtext.normalized(value) if isinstance(value, str) else _fold(value)


def _fold(value: object) -> str | None:
    """A text with runs of white space folded, as the loader does; other scalars as written."""
    if isinstance(value, str):
        return ' '.join(value.split())
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    return None


def _named_ids(document: YamlDocument | None, kind: str) -> dict[str, str]:
    """The ids and names of ``roles.yaml`` or ``levels.yaml``, as far as they can be read."""
    items = document.data.get(kind) if document is not None and isinstance(document.data, dict) else None
    named: dict[str, str] = {}
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get('id'), str) and item['id'] not in named:
            named[item['id']] = _fold(item.get('name')) or item['id']
    return named


def _skill_data(document: YamlDocument, path: str) -> SkillData:
    data: dict[str, Any] = document.data if isinstance(document.data, dict) else {}
    skill_id = data.get('id')
    if not isinstance(skill_id, str) or not SKILL_ID.match(skill_id):
        skill_id = PurePosixPath(path).stem
    cells: dict[tuple[str, str], Cell] = {}
    roles = data.get('roles')
    for role_id, levels in roles.items() if isinstance(roles, dict) else ():
        for level_id, cell in levels.items() if isinstance(levels, dict) else ():
            if isinstance(cell, dict):
                required = cell.get('required')
                examples = cell.get('examples')
                cells[role_id, level_id] = Cell(
                    required if isinstance(required, bool) else None,
                    _description(cell.get('description')),
                    tuple(
                        text
                        for example in (examples if isinstance(examples, list) else ())
                        if (text := _description(example)) is not None
                    ),
                )
    return SkillData(skill_id, path, {field: _fold(data.get(field)) for field in FIELDS}, cells)


# --- the changes ----------------------------------------------------------------------------

DefinitionKind = Literal['added', 'removed', 'renamed', 'id-changed']
SkillKind = Literal['added', 'removed', 'renamed', 'changed']
CellKind = Literal['added', 'removed', 'changed']
RenamedBy = Literal['id', 'file', 'file-and-id']


@dataclass(frozen=True, slots=True)
class DefinitionChange:
    """A role or level added, removed, renamed (its name) or given another id."""

    kind: DefinitionKind
    old_id: str | None
    new_id: str | None
    old_name: str | None
    new_name: str | None


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A skill's field (one of :data:`FIELDS`) with another text, added or removed (``None``)."""

    field: str
    old: str | None
    new: str | None
    diff: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class ExampleChange:
    """One example of a cell added, removed or changed (its word diff)."""

    kind: CellKind
    old: str | None
    new: str | None
    diff: tuple[Segment, ...]


@dataclass(frozen=True, slots=True)
class CellChange:
    key: str
    """``<skill id>-<level id>-<role id>`` with today's ids (the baseline's for a removed skill)."""
    role_id: str
    level_id: str
    kind: CellKind
    old: Cell | None
    new: Cell | None
    diff: tuple[Segment, ...]
    """The descriptions' word diff when both exist and differ, else empty."""
    examples: tuple[ExampleChange, ...] = ()
    """The examples added, removed or changed, in the new order (the removed where they stood)."""

    @property
    def flag_changed(self) -> bool:
        return (
            self.kind == 'changed'
            and self.old is not None
            and self.new is not None
            and (self.old.required != self.new.required)
        )

    @property
    def description_changed(self) -> bool:
        return (
            self.kind == 'changed'
            and self.old is not None
            and self.new is not None
            and (self.old.description != self.new.description)
        )

    @property
    def examples_changed(self) -> bool:
        return self.kind == 'changed' and bool(self.examples)


@dataclass(frozen=True, slots=True)
class SkillChange:
    kind: SkillKind
    old: SkillData | None
    new: SkillData | None
    renamed_by: RenamedBy | None
    """How a renamed skill was recognised (see the module's description)."""
    similarity: float | None
    """For ``renamed_by="file-and-id"``: the share of equal cells."""
    fields: tuple[FieldChange, ...]
    cells: tuple[CellChange, ...]

    @property
    def id(self) -> str:
        """Today's id (the baseline's for a removed skill)."""
        return (self.new or self.old or NO_SKILL).id

    @property
    def title(self) -> str:
        skill = self.new or self.old or NO_SKILL
        return skill.fields.get('title') or skill.id


NO_SKILL = SkillData('', '', {}, {})


@dataclass(frozen=True, slots=True)
class Changes:
    """Everything that changed from one data set to the other, in display order."""

    roles: tuple[DefinitionChange, ...]
    levels: tuple[DefinitionChange, ...]
    skills: tuple[SkillChange, ...]
    """By today's id (the baseline's for a removed skill)."""
    role_names: Mapping[str, str]
    """Every role id of either data set (today's id when it changed) → its name, today's first."""
    level_names: Mapping[str, str]
    warnings: tuple[str, ...]

    @property
    def empty(self) -> bool:
        return not (self.roles or self.levels or self.skills)

    def counts(self) -> dict[str, int]:
        """The numbers a summary states (see :func:`to_json`)."""
        cells = [cell for skill in self.skills for cell in skill.cells]
        counts = {f'skills_{kind}': 0 for kind in ('added', 'removed', 'renamed', 'changed')}
        for skill in self.skills:
            counts[f'skills_{skill.kind}'] += 1
        counts |= {f'cells_{kind}': sum(cell.kind == kind for cell in cells) for kind in ('added', 'removed')}
        counts['cells_changed'] = sum(cell.kind == 'changed' for cell in cells)
        counts['flags_changed'] = sum(cell.flag_changed for cell in cells)
        counts['descriptions_changed'] = sum(cell.description_changed for cell in cells)
        counts['examples_changed'] = sum(cell.examples_changed for cell in cells)
        counts['roles_changed'] = len(self.roles)
        counts['levels_changed'] = len(self.levels)
        return counts
