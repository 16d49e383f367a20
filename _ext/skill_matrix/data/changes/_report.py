"""The changes as Markdown (for a pull request or a review e-mail) and as JSON (``changes.json``,
its format in :mod:`skill_matrix.data.changes`)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from skill_matrix.data import richtext
from skill_matrix.data.changes._diff import word_diff
from skill_matrix.data.changes._model import (
    FIELD_LABELS,
    FORMAT,
    NO_SKILL,
    Cell,
    CellChange,
    Changes,
    DefinitionChange,
    ExampleChange,
    FieldChange,
    Segment,
    SkillChange,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from skill_matrix.data.baseline import Baseline
    from skill_matrix.data.changes._pending import PendingText


def no_changes_line(baseline: Baseline) -> str:
    return f'No changes since {baseline.label}'


def no_baseline_line(tag_pattern: str) -> str:
    return (
        f"No baseline: no SINCE given and no tag matches '{tag_pattern}'; "
        'nothing to compare (make changes SINCE=<git ref>)'
    )


def to_markdown(
    changes: Changes, baseline: Baseline, pending: Mapping[str, Sequence[PendingText]] | None = None
) -> str:
    """The summary for a pull request's description or a review e-mail; *pending*: language →
    the new texts its catalog does not translate yet.

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
    lines += _pending_lines(pending or {})
    if changes.warnings:
        lines += ['', '### Warnings', '', *(f'- {_md(warning)}' for warning in changes.warnings)]
    return '\n'.join(lines) + '\n'


def _pending_lines(pending: Mapping[str, Sequence[PendingText]]) -> list[str]:
    """``### Translations pending``: per language, the new texts its catalog does not translate yet."""
    if not any(pending.values()):
        return []
    lines = ['', '### Translations pending', '']
    for language, texts in pending.items():
        if texts:
            lines.append(f'- **{_md(language)}**: {len(texts)} text{"s" if len(texts) != 1 else ""}')
            lines += [f'  - `{_md(text.where)}`: {_md(text.text)}' for text in texts]
    return lines


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
        for key, word in (
            ('flags_changed', 'flag'),
            ('descriptions_changed', 'description'),
            ('examples_changed', 'example list'),
        )
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
    old, new = skill.old or NO_SKILL, skill.new or NO_SKILL
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
            f'  - new: <ins>{_shown(new.description)}</ins>',
        ]
    if cell.kind == 'removed':
        old = cell.old or Cell(None, None)
        return [
            f'{head}: cell removed (was {_flag(old.required)})',
            f'  - old: <del>{_shown(old.description)}</del>',
        ]
    old, new = cell.old or Cell(None, None), cell.new or Cell(None, None)
    what = []
    if cell.flag_changed:
        what.append(f'flag changed: {_flag(old.required)} → **{_flag(new.required)}**')
    if cell.description_changed:
        what.append('description changed')
    if cell.examples_changed:
        what.append('examples changed')
    lines = [f'{head}: {", ".join(what) or "changed"}']
    if cell.diff:
        lines += [f'  - old: {_old_text(cell.diff)}', f'  - new: {_new_text(cell.diff)}']
    elif cell.description_changed:
        lines += [
            f'  - old: <del>{_shown(old.description)}</del>',
            f'  - new: <ins>{_shown(new.description)}</ins>',
        ]
    elif not cell.examples_changed:
        lines.append(f'  - {_shown(new.description)}')
    return lines + [_example_line(example) for example in cell.examples]


def _example_line(example: ExampleChange) -> str:
    if example.kind == 'added':
        return f'  - example added: <ins>{_shown(example.new)}</ins>'
    if example.kind == 'removed':
        return f'  - example removed: <del>{_shown(example.old)}</del>'
    return f'  - example changed: {_old_text(example.diff)} → {_new_text(example.diff)}'


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


def _shown(description: str | None) -> str:
    """A description as the pages show it (a rich one as plain text, its lines kept), in Markdown."""
    return '<br>'.join(_md(line) for line in richtext.plain_text(description or '').splitlines())


def _md(text: str) -> str:
    """*text* shown as written in Markdown: HTML escaped, Markdown's punctuation backslash-escaped."""
    text = text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    return _MARKDOWN_SPECIAL.sub(r'\\\1', text)


def to_json(
    changes: Changes, baseline: Baseline | None, pending: Mapping[str, Sequence[PendingText]] | None = None
) -> dict[str, Any]:
    """The JSON twin of :func:`to_markdown` (see the README's "Review cycles" for its fields)."""
    return {
        'format': FORMAT,
        'baseline': _baseline_json(baseline),
        'summary': changes.counts(),
        'roles': [_definition_json(change) for change in changes.roles],
        'levels': [_definition_json(change) for change in changes.levels],
        'skills': [_skill_json(skill, changes) for skill in changes.skills],
        'translations_pending': {
            language: [{'skill': text.skill_id, 'where': text.where, 'text': text.text} for text in texts]
            for language, texts in (pending or {}).items()
        },
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
                'examples_changed': cell.examples_changed,
                'examples': [
                    {
                        'kind': example.kind,
                        'old': example.old,
                        'new': example.new,
                        'diff': _diff_json(example.diff),
                    }
                    for example in cell.examples
                ],
            }
            for cell in skill.cells
        ],
    }


def _cell_json(cell: Cell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {'required': cell.required, 'description': cell.description, 'examples': list(cell.examples)}


def _diff_json(diff: Iterable[Segment]) -> list[dict[str, str]]:
    return [{'op': op, 'text': text} for op, text in diff]


def empty_json() -> dict[str, Any]:
    """:func:`to_json` of no changes and no baseline (what ``make changes`` writes without one)."""
    return to_json(Changes((), (), (), {}, {}, ()), None)
