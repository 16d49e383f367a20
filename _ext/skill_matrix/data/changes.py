"""What changed in the data since a baseline: the changes model, its Markdown and JSON, and the
command ``python -m skill_matrix.data.changes --since REF`` (``make changes``). No Sphinx here.

The model compares two data sets, each read from the files' bytes: the baseline's (from git, see
:mod:`skill_matrix.data.baseline`) and today's (the work tree). Only the files whose contents differ
are parsed: unchanged files are recognised by their git blob ids.

* **Skills** are matched by file: a file in both data sets is the same skill, and when its ``id``
  changed, the skill was *renamed* ``by="id"``. A file only in the baseline and a file only today
  are the same skill *renamed* ``by="file"`` when they have the same ``id`` (the file was
  renamed), else ``by="file-and-id"`` when at least half of their cells (role × level: the flag
  and the description) are the same (the file was renamed and its ``id`` with it); otherwise the
  one was *removed* and the other *added*. A skill's fields (title, summary, domain, group, last
  updated) and its cells are compared.
* **Cells** are keyed ``<skill id>-<level id>-<role id>`` (today's ids; the HTML anchor of the
  row): *added*, *removed* or *changed* (the required flag, the description or both).
* **Roles and levels** (``roles.yaml``, ``levels.yaml``): *added*, *removed*, *renamed* (same id,
  another name) or *id-changed* (another id, the same name). A changed role or level id is
  followed into the skills, so their cells are compared under today's id.
* **Texts** are diffed word by word (Chinese and Japanese text character by character).

Data that is not valid under today's schema (an old file from before a schema change, or a
broken file today) gives a warning with file and line and is compared as far as it can be read.

The JSON twin, ``changes.json`` (``"format": "skill-profiles-changes/1"``) holds ``baseline``
(``ref``, ``commit``, ``date`` as ``YYYY-MM-DD``, ``label``; ``null`` without a baseline),
``summary`` (counts: ``skills_added``, ``skills_removed``, ``skills_renamed``, ``skills_changed``,
``cells_added``, ``cells_removed``, ``cells_changed``, ``flags_changed``, ``descriptions_changed``,
``roles_changed``, ``levels_changed``), ``roles`` and ``levels`` (``kind``: ``added``, ``removed``,
``renamed``, ``id-changed``; ``old_id``, ``new_id``, ``old_name``, ``new_name``), ``skills`` and
``warnings``. Each skill has ``id`` (today's; the baseline's when removed), ``kind`` (``added``,
``removed``, ``renamed``, ``changed``), ``title``, ``old_id``, ``new_id``, ``old_path``,
``new_path`` (from the data folder), ``renamed_by``, ``similarity``, ``fields`` (``field``, ``old``,
``new``, ``diff``) and ``cells``. Each cell has ``key`` (``<skill id>-<level id>-<role id>``, the
row's anchor), ``role_id``, ``level_id``, ``role_name``, ``level_name``, ``kind`` (``added``,
``removed``, ``changed``), ``old`` and ``new`` (``required``, ``description``; ``null`` when the
cell is missing; ``null`` values for what could not be read), ``flag_changed``,
``description_changed`` and ``diff``: a list of ``{"op": "equal" | "delete" | "insert", "text": …}``
whose ``equal`` and ``delete`` texts make the old text and whose ``equal`` and ``insert`` texts make
the new one.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Literal

from skill_matrix.data.baseline import (
    DEFAULT_TAG_PATTERN,
    Baseline,
    BaselineError,
    repository_root,
    resolve_baseline,
)
from skill_matrix.data.loader import SKILL_ID, definitions_from_texts, skill_files, skill_from_document
from skill_matrix.data.model import Definitions, Level, Role, SourceText
from skill_matrix.data.problems import DataError
from skill_matrix.data.yamlsource import YamlDocument, parse_yaml

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

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
        tuple(Level(key, name) for key, name in levels.items()),
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
        if not _is_skill_file(path):
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


def _is_skill_file(path: str) -> bool:
    parts = PurePosixPath(path).parts
    return len(parts) == 2 and parts[0] == 'skills' and parts[1].endswith('.yaml')


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
                cells[role_id, level_id] = Cell(
                    required if isinstance(required, bool) else None, _fold(cell.get('description'))
                )
    return SkillData(skill_id, path, {field: _fold(data.get(field)) for field in FIELDS}, cells)


# --- diffs ----------------------------------------------------------------------------------

_CJK = (
    '\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf'
    '\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003134f'
)
_TOKEN = re.compile(rf'[{_CJK}]|(?:(?![{_CJK}])[^\W_])+|\s+|.', re.DOTALL)
"""A Chinese or Japanese character, a word (letters and digits), a run of white space, any other
character (punctuation)."""


def tokens(text: str) -> list[str]:
    """*text* cut into the units a diff compares: words, white space, punctuation, and each CJK
    character on its own (Chinese and Japanese do not separate words by spaces)."""
    return _TOKEN.findall(text)


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """The difference between *old* and *new*, word by word (CJK character by character).

    Joining the ``equal`` and ``delete`` texts gives *old*, the ``equal`` and ``insert`` texts
    *new*. A change is a deletion followed by an insertion; white space between two changes is
    taken into them, so that ``a b`` → ``x y`` reads as one change, not two.
    """
    a, b = tokens(old), tokens(new)
    blocks: list[list[str]] = []  # ['=', text] or ['~', deleted, inserted]
    for tag, i1, i2, j1, j2 in SequenceMatcher(str.isspace, a, b, autojunk=False).get_opcodes():
        if tag == 'equal':
            blocks.append(['=', ''.join(a[i1:i2])])
            continue
        deleted, inserted = ''.join(a[i1:i2]), ''.join(b[j1:j2])
        if len(blocks) >= 2 and blocks[-1][0] == '=' and not blocks[-1][1].strip() and blocks[-2][0] == '~':
            space = blocks.pop()[1]
            blocks[-1][1] += space + deleted
            blocks[-1][2] += space + inserted
        elif blocks and blocks[-1][0] == '~':
            blocks[-1][1] += deleted
            blocks[-1][2] += inserted
        else:
            blocks.append(['~', deleted, inserted])
    for index, block in enumerate(blocks):
        if block[0] == '~' and (not block[1] or not block[2]) and 0 < index < len(blocks) - 1:
            _slide(blocks[index - 1], block, blocks[index + 1])
    segments: list[Segment] = []
    for block in blocks:
        if block[0] == '=':
            segments.extend([('equal', block[1])] if block[1] else [])
        else:
            segments.extend(segment for segment in (('delete', block[1]), ('insert', block[2])) if segment[1])
    return tuple(segments)


def _slide(before: list[str], change: list[str], after: list[str]) -> None:
    """Move a lone deletion or insertion that starts with white space right, past the same space in
    the text after it (``their<del> execution</del> plans`` → ``their <del>execution </del>plans``):
    one diff, however the matcher aligned it."""
    side = 1 if change[1] else 2
    while change[side][:1].isspace() and after[1][:1] == change[side][:1]:
        before[1] += after[1][0]
        change[side] = change[side][1:] + after[1][0]
        after[1] = after[1][1:]


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
        return (self.new or self.old or _NO_SKILL).id

    @property
    def title(self) -> str:
        skill = self.new or self.old or _NO_SKILL
        return skill.fields.get('title') or skill.id


_NO_SKILL = SkillData('', '', {}, {})


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
        counts['roles_changed'] = len(self.roles)
        counts['levels_changed'] = len(self.levels)
        return counts


def compare(old: DataSet, new: DataSet) -> Changes:
    """The changes from the data set *old* to *new* (see the module's description)."""
    roles, role_ids = _definition_changes(old.roles, new.roles)
    levels, level_ids = _definition_changes(old.levels, new.levels)
    mapped = {path: _renamed_ids(skill, role_ids, level_ids) for path, skill in old.skills.items()}

    pairs: list[tuple[SkillData | None, SkillData | None, RenamedBy | None, float | None]] = []
    removed = [skill for path, skill in mapped.items() if path not in new.skills]
    added = [skill for path, skill in new.skills.items() if path not in mapped]
    for path, skill in new.skills.items():
        if path in mapped:
            pairs.append((mapped[path], skill, 'id' if mapped[path].id != skill.id else None, None))
    for before in list(removed):  # a file renamed, the id kept
        after = next((skill for skill in added if skill.id == before.id), None)
        if after is not None:
            pairs.append((before, after, 'file', None))
            removed.remove(before)
            added.remove(after)
    for score, before, after in _alike(removed, added):  # the file and the id renamed, most alike first
        if before in removed and after in added:
            pairs.append((before, after, 'file-and-id', score))
            removed.remove(before)
            added.remove(after)
    pairs += [(skill, None, None, None) for skill in removed] + [(None, skill, None, None) for skill in added]

    role_order = [*new.roles, *(role_ids.get(key, key) for key in old.roles)]
    level_order = [*new.levels, *(level_ids.get(key, key) for key in old.levels)]
    skills = [
        change
        for before, after, renamed_by, similarity in pairs
        if (change := _skill_change(before, after, renamed_by, similarity, role_order, level_order))
    ]
    skills.sort(key=lambda change: (change.id, change.kind))
    return Changes(
        tuple(roles),
        tuple(levels),
        tuple(skills),
        _names(new.roles, old.roles, role_ids),
        _names(new.levels, old.levels, level_ids),
        (*old.warnings, *new.warnings),
    )


def _definition_changes(
    old: Mapping[str, str], new: Mapping[str, str]
) -> tuple[list[DefinitionChange], dict[str, str]]:
    """The changes between two id → name mappings, and the old ids that changed → the new ones."""
    changes: list[DefinitionChange] = []
    removed = [key for key in old if key not in new]
    added = [key for key in new if key not in old]
    moved: dict[str, str] = {}  # old id → new id
    for old_id in removed:
        taken = moved.values()
        new_id = next((key for key in added if new[key] == old[old_id] and key not in taken), None)
        if new_id is not None:
            moved[old_id] = new_id
    moved_from = {new_id: old_id for old_id, new_id in moved.items()}
    for key, name in new.items():
        if key in old and old[key] != name:
            changes.append(DefinitionChange('renamed', key, key, old[key], name))
        elif key in moved_from:
            changes.append(DefinitionChange('id-changed', moved_from[key], key, old[moved_from[key]], name))
        elif key not in old:
            changes.append(DefinitionChange('added', None, key, None, name))
    changes += [DefinitionChange('removed', key, None, old[key], None) for key in removed if key not in moved]
    return changes, moved


def _names(new: Mapping[str, str], old: Mapping[str, str], moved: Mapping[str, str]) -> dict[str, str]:
    names = dict(new)
    for key, name in old.items():
        names.setdefault(moved.get(key, key), name)
    return names


def _renamed_ids(skill: SkillData, role_ids: Mapping[str, str], level_ids: Mapping[str, str]) -> SkillData:
    """*skill* with the role and level ids that changed replaced by today's."""
    if not role_ids and not level_ids:
        return skill
    cells = {
        (role_ids.get(role, role), level_ids.get(level, level)): cell
        for (role, level), cell in skill.cells.items()
    }
    return SkillData(skill.id, skill.path, skill.fields, cells)


def _alike(
    removed: Sequence[SkillData], added: Sequence[SkillData]
) -> list[tuple[float, SkillData, SkillData]]:
    """The pairs of a removed and an added skill of which at least :data:`RENAME_SIMILARITY` of the
    cells are equal (the share of the larger skill's cells), most alike first, then by path.

    Cells are looked up, not compared pair by pair, so thousands of skills cost little.
    """
    holders: dict[tuple[tuple[str, str], Cell], list[int]] = {}
    for index, skill in enumerate(removed):
        for item in skill.cells.items():
            holders.setdefault(item, []).append(index)
    found: list[tuple[float, str, str, int, int]] = []
    for position, after in enumerate(added):
        equal = Counter(index for item in after.cells.items() for index in holders.get(item, ()))
        for index, count in equal.items():
            share = count / max(len(removed[index].cells), len(after.cells))
            if share >= RENAME_SIMILARITY:
                found.append((-share, removed[index].path, after.path, index, position))
    return [
        (round(-share, 3), removed[index], added[position]) for share, _, _, index, position in sorted(found)
    ]


def _skill_change(
    old: SkillData | None,
    new: SkillData | None,
    renamed_by: RenamedBy | None,
    similarity: float | None,
    role_order: Sequence[str],
    level_order: Sequence[str],
) -> SkillChange | None:
    fields = _field_changes(old, new) if old is not None and new is not None else []
    cells = _cell_changes(old, new, role_order, level_order)
    kind: SkillKind
    if old is None:
        kind = 'added'
    elif new is None:
        kind = 'removed'
    elif renamed_by is not None:
        kind = 'renamed'
    elif fields or cells:
        kind = 'changed'
    else:
        return None
    return SkillChange(kind, old, new, renamed_by, similarity, tuple(fields), tuple(cells))


def _field_changes(old: SkillData, new: SkillData) -> list[FieldChange]:
    return [
        FieldChange(
            field,
            old.fields.get(field),
            new.fields.get(field),
            _diff(old.fields.get(field), new.fields.get(field)),
        )
        for field in FIELDS
        if old.fields.get(field) != new.fields.get(field)
    ]


def _cell_changes(
    old: SkillData | None, new: SkillData | None, role_order: Sequence[str], level_order: Sequence[str]
) -> list[CellChange]:
    """The cells that differ, role by role in *role_order*, level by level in *level_order*."""
    skill_id = (new or old or _NO_SKILL).id
    old_cells = old.cells if old is not None else {}
    new_cells = new.cells if new is not None else {}
    role_rank = {key: index for index, key in reversed(list(enumerate(role_order)))}
    level_rank = {key: index for index, key in reversed(list(enumerate(level_order)))}
    keys = sorted(
        {*old_cells, *new_cells},
        key=lambda key: (
            role_rank.get(key[0], len(role_rank)),
            key[0],
            level_rank.get(key[1], len(level_rank)),
            key[1],
        ),
    )
    changes: list[CellChange] = []
    for role_id, level_id in keys:
        before, after = old_cells.get((role_id, level_id)), new_cells.get((role_id, level_id))
        if before == after:
            continue
        kind: CellKind = 'added' if before is None else 'removed' if after is None else 'changed'
        diff = _diff(before.description, after.description) if before and after else ()
        changes.append(
            CellChange(f'{skill_id}-{level_id}-{role_id}', role_id, level_id, kind, before, after, diff)
        )
    return changes


def _diff(old: str | None, new: str | None) -> tuple[Segment, ...]:
    """The word diff of two texts that both exist and differ, else nothing."""
    return word_diff(old, new) if old is not None and new is not None and old != new else ()


# --- from git and the work tree -------------------------------------------------------------


def changes_since(baseline: Baseline, data_dir: Path) -> Changes:
    """The changes in the data folder *data_dir* (in the work tree, inside the baseline's
    repository) since *baseline*. Only the files whose git blob ids differ are read and parsed.

    Raises :class:`~skill_matrix.data.baseline.BaselineError` when git fails or *data_dir* is outside
    the repository.
    """
    try:
        folder = data_dir.resolve().relative_to(baseline.repo.resolve()).as_posix()
    except ValueError:
        raise BaselineError(f'{data_dir} is not inside the git repository {baseline.repo}') from None
    then = {path: blob for path, blob in baseline.files(folder).items() if _is_data_file(path)}
    now = {
        path: (data_dir / path).read_bytes()
        for path in (ROLES_FILE, LEVELS_FILE)
        if (data_dir / path).is_file()
    }
    now |= {f'skills/{path.name}': path.read_bytes() for path in skill_files(data_dir) if path.is_file()}
    hash_name = 'sha256' if len(baseline.commit) == 64 else 'sha1'
    changed = {ROLES_FILE, LEVELS_FILE} | {
        path for path in {*then, *now} if then.get(path) != _blob_id(now.get(path), hash_name)
    }
    prefix = '' if folder == '.' else f'{folder}/'
    old_texts = baseline.read(f'{prefix}{path}' for path in sorted(changed) if path in then)
    old = load_dataset(
        {path[len(prefix) :]: raw for path, raw in old_texts.items()}, f'{baseline.ref}:{prefix}'
    )
    new = load_dataset({path: raw for path, raw in now.items() if path in changed}, f'{_shown(data_dir)}/')
    return compare(old, new)


def _is_data_file(path: str) -> bool:
    return path in (ROLES_FILE, LEVELS_FILE) or _is_skill_file(path)


def _blob_id(raw: bytes | None, hash_name: str) -> str | None:
    """The id git gives a file with the contents *raw* (when no filter rewrites it)."""
    if raw is None:
        return None
    return hashlib.new(hash_name, b'blob %d\0' % len(raw) + raw).hexdigest()


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


# --- Markdown and JSON ----------------------------------------------------------------------


def no_changes_line(baseline: Baseline) -> str:
    return f'No changes since {baseline.label}'


def no_baseline_line(tag_pattern: str) -> str:
    return (
        f"No baseline: no SINCE given and no tag matches '{tag_pattern}'; "
        'nothing to compare (make changes SINCE=<git ref>)'
    )


def to_markdown(changes: Changes, baseline: Baseline) -> str:
    """The summary for a pull request's description or a review e-mail.

    Every text from the data is escaped (Markdown and HTML); deletions are marked ``<del>…</del>``
    and insertions ``<ins>…</ins>``, which GitHub and GitLab show struck through and underlined.
    """
    if changes.empty:
        lines = [no_changes_line(baseline)]
        if changes.warnings:
            lines += ['', '### Warnings', '', *(f'- {_md(warning)}' for warning in changes.warnings)]
        return '\n'.join(lines) + '\n'
    counts = changes.counts()
    lines = [f'## Changes since {_md(baseline.label)}', '', _summary_line(counts)]
    for kind, items in (('Roles', changes.roles), ('Levels', changes.levels)):
        if items:
            lines += ['', f'### {kind}', '']
            lines += [f'- {_definition_line(item, kind[:-1].lower())}' for item in items]
    for skill in changes.skills:
        lines += ['', f'### {_md(skill.title)} (`{skill.id}`): {_skill_headline(skill)}']
        if skill.kind in ('added', 'removed'):
            continue  # the headline counts the cells; the pull request's diff shows the file
        if skill.fields or skill.cells:
            lines.append('')
        for field in skill.fields:
            lines.append(f'- **{FIELD_LABELS[field.field]}**: {_field_text(field)}')
        for cell in skill.cells:
            lines += _cell_lines(cell, changes)
    if changes.warnings:
        lines += ['', '### Warnings', '', *(f'- {_md(warning)}' for warning in changes.warnings)]
    return '\n'.join(lines) + '\n'


def _summary_line(counts: Mapping[str, int]) -> str:
    def part(label: str, items: Iterable[tuple[str, str]]) -> str:
        said = [f'{counts[key]} {word}' for key, word in items if counts[key]]
        return f'**{label}:** {", ".join(said)}' if said else ''

    skills = part('Skills', [(f'skills_{kind}', kind) for kind in ('added', 'removed', 'renamed', 'changed')])
    cells = part(
        'Cells', [('cells_added', 'added'), ('cells_removed', 'removed'), ('cells_changed', 'changed')]
    )
    details = [
        f'{counts[key]} {word}{"s" if counts[key] != 1 else ""} changed'
        for key, word in (('flags_changed', 'flag'), ('descriptions_changed', 'description'))
        if counts[key]
    ]
    if cells and details:
        cells += f' ({", ".join(details)})'
    definitions = (
        part('Roles', [('roles_changed', 'changed')]),
        part('Levels', [('levels_changed', 'changed')]),
    )
    return ' · '.join(text for text in (skills, cells, *definitions) if text)


def _definition_line(change: DefinitionChange, kind: str) -> str:
    if change.kind == 'added':
        return f'{kind.capitalize()} added: <ins>{_md(change.new_name or "")}</ins> (`{change.new_id}`)'
    if change.kind == 'removed':
        return f'{kind.capitalize()} removed: <del>{_md(change.old_name or "")}</del> (`{change.old_id}`)'
    if change.kind == 'renamed':
        diff = word_diff(change.old_name or '', change.new_name or '')
        return f'{kind.capitalize()} renamed (`{change.new_id}`): {_old_text(diff)} → {_new_text(diff)}'
    name = _md(change.new_name or '')
    return f'{kind.capitalize()} id changed: `{change.old_id}` → `{change.new_id}` ({name})'


def _skill_headline(skill: SkillChange) -> str:
    if skill.kind == 'added':
        return f'skill added ({_cells(len(skill.new.cells if skill.new else ()))})'
    if skill.kind == 'removed':
        return f'skill removed ({_cells(len(skill.old.cells if skill.old else ()))})'
    if skill.kind == 'changed':
        return 'changed'
    old, new = skill.old or _NO_SKILL, skill.new or _NO_SKILL
    alike = round((skill.similarity or 0) * 100)
    how = {
        'id': f'id `{old.id}` → `{new.id}` in {new.path}',
        'file': f'file {old.path} → {new.path}, same id',
        'file-and-id': f'{old.path} → {new.path}, {alike} % of the cells alike',
    }[skill.renamed_by or 'id']
    return f'renamed from `{old.id}` ({how})'


def _cells(count: int) -> str:
    return f'{count} cell{"s" if count != 1 else ""}'


def _field_text(field: FieldChange) -> str:
    if field.old is None:
        return f'added: <ins>{_md(field.new or "")}</ins>'
    if field.new is None:
        return f'removed: <del>{_md(field.old)}</del>'
    return f'{_old_text(field.diff)} → {_new_text(field.diff)}'


def _cell_lines(cell: CellChange, changes: Changes) -> list[str]:
    role = _md(changes.role_names.get(cell.role_id, cell.role_id))
    level = _md(changes.level_names.get(cell.level_id, cell.level_id))
    head = f'- **{level} · {role}**'
    if cell.kind == 'added':
        new = cell.new or Cell(None, None)
        return [
            f'{head}: cell added ({_flag(new.required)})',
            f'  - new: <ins>{_md(new.description or "")}</ins>',
        ]
    if cell.kind == 'removed':
        old = cell.old or Cell(None, None)
        return [
            f'{head}: cell removed (was {_flag(old.required)})',
            f'  - old: <del>{_md(old.description or "")}</del>',
        ]
    old, new = cell.old or Cell(None, None), cell.new or Cell(None, None)
    what = []
    if cell.flag_changed:
        what.append(f'flag changed: {_flag(old.required)} → **{_flag(new.required)}**')
    if cell.description_changed:
        what.append('description changed')
    lines = [f'{head}: {", ".join(what) or "changed"}']
    if cell.diff:
        lines += [f'  - old: {_old_text(cell.diff)}', f'  - new: {_new_text(cell.diff)}']
    elif cell.description_changed:
        lines += [
            f'  - old: <del>{_md(old.description or "")}</del>',
            f'  - new: <ins>{_md(new.description or "")}</ins>',
        ]
    else:
        lines.append(f'  - {_md(new.description or "")}')
    return lines


def _flag(required: bool | None) -> str:
    return {True: 'required', False: 'optional', None: 'flag unreadable'}[required]


def _old_text(diff: Iterable[Segment]) -> str:
    return ''.join(
        _md(text) if op == 'equal' else f'<del>{_md(text)}</del>' for op, text in diff if op != 'insert'
    )


def _new_text(diff: Iterable[Segment]) -> str:
    return ''.join(
        _md(text) if op == 'equal' else f'<ins>{_md(text)}</ins>' for op, text in diff if op != 'delete'
    )


_MARKDOWN_SPECIAL = re.compile(r'([\\`*_\[\]|~$])')


def _md(text: str) -> str:
    """*text* shown as written in Markdown: HTML escaped, Markdown's punctuation backslash-escaped."""
    text = text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    return _MARKDOWN_SPECIAL.sub(r'\\\1', text)


def to_json(changes: Changes, baseline: Baseline | None) -> dict[str, Any]:
    """The JSON twin of :func:`to_markdown` (see the README's "Review cycles" for its fields)."""
    return {
        'format': FORMAT,
        'baseline': _baseline_json(baseline),
        'summary': changes.counts(),
        'roles': [_definition_json(change) for change in changes.roles],
        'levels': [_definition_json(change) for change in changes.levels],
        'skills': [_skill_json(skill, changes) for skill in changes.skills],
        'warnings': list(changes.warnings),
    }


def _baseline_json(baseline: Baseline | None) -> dict[str, str] | None:
    if baseline is None:
        return None
    return {
        'ref': baseline.ref,
        'commit': baseline.commit,
        'date': baseline.date.isoformat(),
        'label': baseline.label,
    }


def _definition_json(change: DefinitionChange) -> dict[str, Any]:
    return {
        'kind': change.kind,
        'old_id': change.old_id,
        'new_id': change.new_id,
        'old_name': change.old_name,
        'new_name': change.new_name,
    }


def _skill_json(skill: SkillChange, changes: Changes) -> dict[str, Any]:
    return {
        'id': skill.id,
        'kind': skill.kind,
        'title': skill.title,
        'old_id': skill.old.id if skill.old else None,
        'new_id': skill.new.id if skill.new else None,
        'old_path': skill.old.path if skill.old else None,
        'new_path': skill.new.path if skill.new else None,
        'renamed_by': skill.renamed_by,
        'similarity': skill.similarity,
        'fields': [
            {'field': field.field, 'old': field.old, 'new': field.new, 'diff': _diff_json(field.diff)}
            for field in skill.fields
        ],
        'cells': [
            {
                'key': cell.key,
                'role_id': cell.role_id,
                'level_id': cell.level_id,
                'role_name': changes.role_names.get(cell.role_id, cell.role_id),
                'level_name': changes.level_names.get(cell.level_id, cell.level_id),
                'kind': cell.kind,
                'old': _cell_json(cell.old),
                'new': _cell_json(cell.new),
                'flag_changed': cell.flag_changed,
                'description_changed': cell.description_changed,
                'diff': _diff_json(cell.diff),
            }
            for cell in skill.cells
        ],
    }


def _cell_json(cell: Cell | None) -> dict[str, Any] | None:
    return None if cell is None else {'required': cell.required, 'description': cell.description}


def _diff_json(diff: Iterable[Segment]) -> list[dict[str, str]]:
    return [{'op': op, 'text': text} for op, text in diff]


def empty_json() -> dict[str, Any]:
    """:func:`to_json` of no changes and no baseline (what ``make changes`` writes without one)."""
    return to_json(Changes((), (), (), {}, {}, ()), None)


# --- the command ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog='python -m skill_matrix.data.changes',
        description='What changed in the data since a baseline: prints a Markdown summary and writes '
        'it with a JSON twin to --out (changes.md, changes.json).',
    )
    parser.add_argument('--since', metavar='REF', help='any git ref (default: the newest review tag)')
    parser.add_argument('--data', metavar='DIR', type=Path, default=Path('data'), help='default: data')
    parser.add_argument('--out', metavar='DIR', type=Path, default=Path('_build/changes'))
    parser.add_argument(
        '--tag-pattern', default=DEFAULT_TAG_PATTERN, help=f'review tags (default: {DEFAULT_TAG_PATTERN})'
    )
    args = parser.parse_args(argv)
    data_dir: Path = args.data
    if not (data_dir / ROLES_FILE).is_file() or not (data_dir / LEVELS_FILE).is_file():
        print(
            f'error: {data_dir}: not a data directory (it needs roles.yaml, levels.yaml and skills/)',
            file=sys.stderr,
        )
        return 1
    try:
        baseline = resolve_baseline(repository_root(data_dir), args.since or None, args.tag_pattern)
        changes = changes_since(baseline, data_dir) if baseline is not None else None
    except BaselineError as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    if baseline is None or changes is None:
        markdown, document = no_baseline_line(args.tag_pattern) + '\n', empty_json()
    else:
        markdown, document = to_markdown(changes, baseline), to_json(changes, baseline)
        for warning in changes.warnings:
            print(f'warning: {warning}', file=sys.stderr)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / 'changes.md').write_text(markdown, encoding='utf-8')
    (out / 'changes.json').write_text(
        json.dumps(document, ensure_ascii=False, indent=2) + '\n', encoding='utf-8'
    )
    if isinstance(sys.stdout, io.TextIOWrapper):  # a terminal that cannot show → or 中文 gets escapes
        sys.stdout.reconfigure(errors='backslashreplace')
    sys.stdout.write(markdown)
    return 0


if __name__ == '__main__':
    sys.exit(main())
