"""Translations pending: the new texts of the changes that a language's catalog does not translate
yet (no message, an empty or a fuzzy one), with the catalogs read from the work tree."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from skill_matrix.data.baseline import po_translations

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

    from skill_matrix.data.changes._model import Changes, SkillChange

TRANSLATED_FIELDS = ('title', 'summary', 'domain', 'group')
"""A skill's fields whose text the catalogs translate (``updated`` is a date)."""


@dataclass(frozen=True, slots=True)
class PendingText:
    """A new text of the changes that a catalog does not translate yet."""

    skill_id: str
    """The skill it belongs to (empty for a role's name)."""
    where: str
    """The cell's key (``<skill id>-<level id>-<role id>``), ``<skill id>:<field>`` or ``role:<role id>``."""
    text: str
    """The English text, as the data has it."""


def work_tree_catalogs(locale_dir: Path) -> dict[str, dict[str, str]]:
    """Language → the translations of every ``.po`` file in ``<locale_dir>/<language>/LC_MESSAGES``
    (msgid → msgstr, without fuzzy and untranslated messages). Empty without the folder."""
    catalogs: dict[str, dict[str, str]] = {}
    if not locale_dir.is_dir():
        return catalogs
    for folder in sorted(locale_dir.glob('*/LC_MESSAGES')):
        merged: dict[str, str] = {}
        for po_file in sorted(folder.glob('*.po')):
            merged |= po_translations(po_file.read_bytes())
        catalogs[folder.parent.name] = merged
    return catalogs


def pending_texts(changes: Changes, translations: Mapping[str, str]) -> list[PendingText]:
    """The new texts of *changes* (added or changed cells, fields and role names, every text of an
    added skill) that *translations* (msgid → msgstr) has no translation for, in display order."""
    seen: set[tuple[str, str]] = set()
    pending = []
    for text in _new_texts(changes):
        if not translations.get(text.text) and (text.where, text.text) not in seen:
            seen.add((text.where, text.text))
            pending.append(text)
    return pending


def _new_texts(changes: Changes) -> Iterator[PendingText]:
    for role in changes.roles:
        if role.kind in ('added', 'renamed') and role.new_name:
            yield PendingText('', f'role:{role.new_id}', role.new_name)
    for skill in changes.skills:
        if skill.kind == 'added':
            yield from _added_skill_texts(skill)
            continue
        if skill.kind == 'removed':
            continue
        for field in skill.fields:
            if field.field in TRANSLATED_FIELDS and field.new:
                yield PendingText(skill.id, f'{skill.id}:{field.field}', field.new)
        for cell in skill.cells:
            new = cell.new
            if new is not None and new.description and (cell.kind == 'added' or cell.description_changed):
                yield PendingText(skill.id, cell.key, new.description)
            added_examples = new.examples if new is not None and cell.kind == 'added' else ()
            for text in [*added_examples, *(example.new for example in cell.examples if example.new)]:
                yield PendingText(skill.id, f'{cell.key}:example', text)


def _added_skill_texts(skill: SkillChange) -> Iterator[PendingText]:
    if skill.new is None:
        return
    for name in TRANSLATED_FIELDS:
        value = skill.new.fields.get(name)
        if value:
            yield PendingText(skill.id, f'{skill.id}:{name}', value)
    for (role_id, level_id), cell in skill.new.cells.items():
        if cell.description:
            yield PendingText(skill.id, f'{skill.id}-{level_id}-{role_id}', cell.description)
        for example in cell.examples:
            yield PendingText(skill.id, f'{skill.id}-{level_id}-{role_id}:example', example)
