"""What changed between two data sets: texts diffed word by word (CJK character by character),
roles, levels and skills matched, renames recognised."""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from skill_matrix.data import richtext
from skill_matrix.data.changes._model import (
    FIELDS,
    NO_SKILL,
    RENAME_SIMILARITY,
    Cell,
    CellChange,
    CellKind,
    Changes,
    DataSet,
    DefinitionChange,
    ExampleChange,
    FieldChange,
    RenamedBy,
    Segment,
    SkillChange,
    SkillData,
    SkillKind,
)

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence


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
    skill_id = (new or old or NO_SKILL).id
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
        diff = _diff(_shown(before.description), _shown(after.description)) if before and after else ()
        examples = example_changes(before.examples, after.examples) if before and after else ()
        changes.append(
            CellChange(
                f'{skill_id}-{level_id}-{role_id}', role_id, level_id, kind, before, after, diff, examples
            )
        )
    return changes


def example_changes(old: Sequence[str], new: Sequence[str]) -> tuple[ExampleChange, ...]:
    """The examples that differ between two lists: matched in order (unchanged ones anchor the
    match), a replaced one paired with the one in its place and diffed word by word."""
    changes: list[ExampleChange] = []
    matcher = SequenceMatcher(None, list(old), list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == 'equal':
            continue
        before, after = old[i1:i2], new[j1:j2]
        for index in range(max(len(before), len(after))):
            was = before[index] if index < len(before) else None
            now = after[index] if index < len(after) else None
            kind: CellKind = 'added' if was is None else 'removed' if now is None else 'changed'
            changes.append(ExampleChange(kind, was, now, _diff(_shown(was), _shown(now))))
    return tuple(changes)


def _shown(description: str | None) -> str | None:
    """A description as the pages show it: a rich one as plain text (reviewers never read markup)."""
    return None if description is None else richtext.plain_text(description)


def _diff(old: str | None, new: str | None) -> tuple[Segment, ...]:
    """The word diff of two texts that both exist and differ, else nothing."""
    return word_diff(old, new) if old is not None and new is not None and old != new else ()
