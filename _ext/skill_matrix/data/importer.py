"""Import skill-profile page exports into the data directory: ``python -m skill_matrix.data.importer``.

Reads one or more exports (see :mod:`skill_matrix.data.exports`), merges the exports of one skill,
maps their level tables to ``levels.yaml`` in order and their roles to ``roles.yaml`` by name,
and writes ``<data>/skills/<id>.yaml`` (and a page ``skills/<id>.rst`` when no page shows the
skill yet). An existing skill file is updated in place with a round-trip YAML library, so
comments, key order, quoting and folded texts stay as they are and only changed values change.

Nothing is written unless everything passes: the exports' own checks, the merge, and the data
check on the files as they would be written. Exit status 0 on success, 1 on any problem.
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import re
import shutil
import sys
import tempfile
import textwrap
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)
from ruamel.yaml.util import load_yaml_guess_indent

from skill_matrix.data.exports import (
    Export,
    ExportError,
    ExportProblem,
    Row,
    Text,
    clean,
    read_export,
    role_key,
    slug,
)
from skill_matrix.data.loader import SKILL_ID, SKILLS_SUBDIR, load_definitions, load_skill
from skill_matrix.data.problems import DataError, Problem, display_path

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable, Iterable, Sequence

    from skill_matrix.data.model import Definitions, Skill

LINE_WIDTH = 96
"""Folded texts are wrapped like the hand-written files: at most 96 characters a line."""
PAGES_SUBDIR = 'skills'
ROLES_HEADER = (
    '# yaml-language-server: $schema=../_ext/skill_matrix/schemas/roles.schema.json\n'
    '# The roles a skill can list, in the order pages show them.\n'
)
SKILL_HEADER = '# yaml-language-server: $schema=../../_ext/skill_matrix/schemas/skill.schema.json\n'
_PAGE_SHOWS = re.compile(r'skill-matrix(?:::|\})[ \t]+([a-z0-9-]+)[ \t]*$', re.MULTILINE)


class ImportFailed(Exception):
    """Problems that stop the import; nothing has been written."""

    def __init__(self, problems: Iterable[ExportProblem | Problem | str]) -> None:
        self.problems = list(problems)
        super().__init__('\n'.join(map(str, self.problems)))


@dataclass(frozen=True, slots=True)
class Change:
    """A file the import writes: its text before (None for a new file) and after."""

    path: Path
    old: str | None
    new: str


@dataclass
class Plan:
    """What an import would do: the files to write and one report line per skill or role."""

    changes: list[Change] = field(default_factory=list)
    report: list[str] = field(default_factory=list)

    def diff(self) -> str:
        parts: list[str] = []
        for change in self.changes:
            name = display_path(change.path)
            parts += difflib.unified_diff(
                (change.old or '').splitlines(keepends=True),
                change.new.splitlines(keepends=True),
                fromfile=name if change.old is not None else '/dev/null',
                tofile=name,
            )
        return ''.join(parts)


# --- merging the exports of one skill ---------------------------------------------------------


@dataclass
class SkillImport:
    """Everything the exports of one skill say about it, merged."""

    id: str
    exports: Sequence[Export]
    title: str | None
    summary: str | None
    domain: str
    group: str
    updated: datetime.date
    role_names: list[str]
    cells: dict[tuple[str, int], Row]
    """(role key, level index) → the row."""


def _where(export: Export, line: int) -> str:
    return f'{display_path(export.path)}:{line}'


def merge(skill_id: str, exports: Sequence[Export], problems: list[ExportProblem]) -> SkillImport | None:
    """The exports of one skill as one; a disagreement between them is a problem naming both."""
    first = exports[0]
    count = len(problems)

    def agree(name: str, field_of: Callable[[Export], Text | None]) -> str | None:
        """The field's text, the same in every export that has it."""
        reference: tuple[Export, Text] | None = None
        for export in exports:
            value = field_of(export)
            if value is None:
                continue
            if reference is None:
                reference = (export, value)
            elif value.text != reference[1].text:
                problems.append(
                    ExportProblem(
                        export.path,
                        value.line,
                        f"the {name} '{value.text}' differs from '{reference[1].text}' in "
                        f'{_where(reference[0], reference[1].line)}',
                    )
                )
        return reference[1].text if reference else None

    title = agree('title', lambda export: export.title)
    summary = agree('summary', lambda export: export.summary)
    domain = agree('domain', lambda export: export.domain)
    group = agree('group', lambda export: export.group)
    agree('date', lambda export: Text(export.updated.isoformat(), export.updated_line))

    cells: dict[tuple[str, int], Row] = {}
    for level, table in enumerate(first.tables):
        for row in table.rows:
            cells[(role_key(row.role), level)] = row
    for export in exports[1:]:
        if len(export.tables) != len(first.tables):
            problems.append(
                ExportProblem(
                    export.path,
                    export.stats.levels.line,
                    f'this export has {len(export.tables)} level tables, '
                    f'{display_path(first.path)} has {len(first.tables)}',
                )
            )
            continue
        for level, table in enumerate(export.tables):
            keys = {role_key(row.role) for row in table.rows}
            for (key, at), reference in cells.items():
                if at == level and key not in keys:
                    problems.append(
                        ExportProblem(
                            export.path,
                            table.line,
                            f"level table {level + 1} has no row for '{reference.role}', which "
                            f'{_where(first, reference.line)} has',
                        )
                    )
            for row in table.rows:
                reference_row = cells.get((role_key(row.role), level))
                if reference_row is None:
                    problems.append(
                        ExportProblem(
                            export.path,
                            row.line,
                            f"the role '{row.role}' is not in {display_path(first.path)}",
                        )
                    )
                    continue
                _compare(export, row, first, reference_row, level, problems)
    if len(problems) > count:
        return None
    assert domain is not None
    assert group is not None
    return SkillImport(
        id=skill_id,
        exports=exports,
        title=title,
        summary=summary,
        domain=domain,
        group=group,
        updated=first.updated,
        role_names=list(first.role_names),
        cells=cells,
    )


def _compare(
    export: Export, row: Row, reference: Export, reference_row: Row, level: int, problems: list[ExportProblem]
) -> None:
    here = f'{row.role}, level table {level + 1}'
    if row.required != reference_row.required:
        problems.append(
            ExportProblem(
                export.path,
                row.line,
                f'{here}: {_flag_word(row.required)} here, but {_flag_word(reference_row.required)} in '
                f'{_where(reference, reference_row.line)}',
            )
        )
    if clean(row.description) != clean(reference_row.description):
        problems.append(
            ExportProblem(
                export.path,
                row.line,
                f'{here}: the description differs from {_where(reference, reference_row.line)}',
            )
        )


def _flag_word(required: bool) -> str:
    return 'required' if required else 'optional'


# --- YAML round trip --------------------------------------------------------------------------


def _yaml(text: str | None = None, path: Path | None = None) -> tuple[YAML, Any]:
    """A round-trip YAML instance indented like *text* (the file *path*), and *text*'s data."""
    round_trip = YAML()
    round_trip.preserve_quotes = True
    round_trip.width = 1 << 16  # never re-wrap plain or quoted texts
    indent, sequence_offset = 2, 2
    data = None
    if text is not None:
        try:
            _data, guessed, offset = load_yaml_guess_indent(text)
            if offset is not None:
                indent, sequence_offset = guessed - offset, offset
            elif guessed:
                indent = guessed
            data = round_trip.load(text)
        except YAMLError as error:  # the data check read it, so this is not expected
            raise ImportFailed(
                [ExportProblem(path or Path(), 1, f'cannot read the YAML for an update: {error}')]
            ) from None
    round_trip.indent(mapping=indent, sequence=indent + sequence_offset, offset=sequence_offset)
    return round_trip, data


def _dump(round_trip: YAML, data: Any) -> str:
    stream = io.StringIO()
    round_trip.dump(data, stream)
    return stream.getvalue()


def _scalar(text: str) -> str:
    """*text* for a YAML value: plain when it can be, else double-quoted; also quoted when the data
    check's YAML 1.1 reader would take it for something else than text (yes, on, 1:20, 2026-01-01)."""
    plain = _dump(_yaml()[0], {'x': text})
    if plain != f'x: {text}\n' or yaml.safe_load(plain) != {'x': text}:
        quoted: str = DoubleQuotedScalarString(text)
        return quoted
    return text


def _folded(text: str, indent: int) -> FoldedScalarString:
    """*text* as a folded block, wrapped so that no line is longer than :data:`LINE_WIDTH`."""
    lines = textwrap.wrap(text, max(LINE_WIDTH - indent, 20), break_long_words=False, break_on_hyphens=False)
    folded: FoldedScalarString = FoldedScalarString(' '.join(lines))
    positions, offset = [], 0
    for line in lines[:-1]:
        offset += len(line)
        positions.append(offset)
        offset += 1
    folded.fold_pos = positions  # type: ignore[attr-defined]  # in __slots__, not annotated
    return folded


def _restyled(old: Any, text: str, indent: int) -> Any:
    """*text* in the style of the value it replaces (folded, quoted or plain)."""
    if isinstance(old, FoldedScalarString):
        return _folded(text, indent)
    for style in (LiteralScalarString, DoubleQuotedScalarString, SingleQuotedScalarString):
        if isinstance(old, style):
            return style(text)
    return _scalar(text)


# --- the plan ---------------------------------------------------------------------------------


@dataclass
class Importer:
    data_dir: Path
    skill_id: str | None = None
    title: str | None = None
    summary: str | None = None

    def plan(self, paths: Sequence[Path]) -> Plan:
        """Everything the import would write, checked; raises :class:`ImportFailed`."""
        roles_path, levels_path = self.data_dir / 'roles.yaml', self.data_dir / 'levels.yaml'
        existing = self._existing_definitions(roles_path, levels_path)
        known = [role.name.text for role in existing.roles] if existing else []

        problems: list[ExportProblem] = []
        exports: list[Export] = []
        for path in paths:
            try:
                exports.append(read_export(path, known))
            except ExportError as error:
                problems.extend(error.problems)
        if problems:
            raise ImportFailed(problems)

        skills = [
            skill
            for skill_id, group in self._group(exports).items()
            if (skill := merge(skill_id, group, problems)) is not None
        ]
        if problems:
            raise ImportFailed(problems)

        ids = {role_key(role.name.text): role.id for role in existing.roles} if existing else {}
        new_roles = self._new_roles(skills, ids, {role.id for role in existing.roles} if existing else set())

        plan = Plan()
        with tempfile.TemporaryDirectory(prefix='skill-import-') as staging:
            stage = Path(staging)
            (stage / SKILLS_SUBDIR).mkdir()
            roles_text = self._roles_text(roles_path, new_roles)
            old_roles = _read_text(roles_path) if roles_path.is_file() else None
            (stage / 'roles.yaml').write_text(roles_text, encoding='utf-8')
            shutil.copyfile(levels_path, stage / 'levels.yaml')
            staged = {stage / 'roles.yaml': roles_path, stage / 'levels.yaml': levels_path}
            try:
                definitions = load_definitions(stage)
            except DataError as error:
                raise ImportFailed(_unstaged(error.problems, staged)) from None
            if roles_text != old_roles:
                plan.changes.append(Change(roles_path, old_roles, roles_text))
                for role_id, name, where in new_roles.values():
                    plan.report.append(
                        f"added role '{name}' as {role_id} to {display_path(roles_path)} (first in {where})"
                    )
            self._check_levels(skills, definitions)
            role_ids = ids | {key: role_id for key, (role_id, _name, _where) in new_roles.items()}
            for skill in skills:
                self._plan_skill(plan, skill, definitions, role_ids, staged, stage / SKILLS_SUBDIR)
        return plan

    def _plan_skill(
        self,
        plan: Plan,
        skill: SkillImport,
        definitions: Definitions,
        role_ids: dict[str, str],
        staged: dict[Path, Path],
        stage: Path,
    ) -> None:
        """Add the skill's file (and page) to *plan*, checked by the data check in *stage*."""
        path = self.data_dir / SKILLS_SUBDIR / f'{skill.id}.yaml'
        staged_path = stage / path.name
        staged[staged_path] = path
        old = _read_text(path) if path.exists() else None
        if old is None:
            new = self._create(skill, definitions, role_ids)
        else:
            self._check_existing(path, definitions)
            new = self._update(skill, old, definitions, role_ids)
        staged_path.write_text(new, encoding='utf-8')
        try:
            loaded = load_skill(staged_path, definitions)
        except DataError as error:
            raise ImportFailed(_unstaged(error.problems, staged)) from None
        _check_read_back(loaded, skill, definitions, role_ids, path)
        where = f'{skill.id} ({display_path(path)})'
        if old is None:
            line = f'created {where}: {_counts(skill)}, date {skill.updated.isoformat()}'
        elif new != old:
            line = f'updated {where}: {_changes(old, new)}'
        else:
            line = f'unchanged {where}'
        if new != old:
            plan.changes.append(Change(path, old, new))
        page = self._page(skill, loaded)
        if page is not None:
            plan.changes.append(page)
            line += f'; page {display_path(page.path)} created'
        plan.report.append(line)

    # -- steps

    def _existing_definitions(self, roles_path: Path, levels_path: Path) -> Definitions | None:
        if not levels_path.is_file():
            raise ImportFailed(
                [
                    ExportProblem(
                        levels_path,
                        1,
                        'no levels file: the importer maps the level tables of an export to the levels '
                        'defined here, in order',
                    )
                ]
            )
        if not roles_path.exists():
            return None  # created with the roles the exports bring
        try:
            return load_definitions(self.data_dir)
        except DataError as error:
            raise ImportFailed(error.problems) from None

    def _group(self, exports: Sequence[Export]) -> dict[str, list[Export]]:
        problems: list[ExportProblem] = []
        if self.skill_id is not None:
            if not SKILL_ID.match(self.skill_id):
                _fail(
                    f"--id '{self.skill_id}' is not a skill id: use lowercase letters and digits joined "
                    'by hyphens'
                )
            return {self.skill_id: list(exports)}
        if self.title is not None or self.summary is not None:
            _fail('--title and --summary name one skill: give its --id too')
        groups: dict[str, list[Export]] = {}
        for export in exports:
            if export.title is None:
                problems.append(
                    ExportProblem(
                        export.path,
                        1,
                        'this export has no title (Markdown exports have none): give --id for an '
                        'existing skill, or --id and --title for a new one',
                    )
                )
                continue
            skill_id = slug(export.title.text)
            if not skill_id or len(skill_id) > 80:
                problems.append(
                    ExportProblem(
                        export.path,
                        export.title.line,
                        f"no skill id can be made from the title '{export.title.text}': give --id",
                    )
                )
                continue
            groups.setdefault(skill_id, []).append(export)
        if problems:
            raise ImportFailed(problems)
        return groups

    def _new_roles(
        self, skills: Sequence[SkillImport], ids: dict[str, str], taken: set[str]
    ) -> dict[str, tuple[str, str, str]]:
        """Role key → (id, name, where first seen) of the roles that roles.yaml does not have."""
        new: dict[str, tuple[str, str, str]] = {}
        problems: list[ExportProblem] = []
        for skill in skills:
            for name in skill.role_names:
                key = role_key(name)
                if key in ids or key in new:
                    continue
                row, export = skill.cells[(key, 0)], skill.exports[0]  # the first export's first table
                role_id = slug(name)
                if not role_id or len(role_id) > 80:
                    problems.append(
                        ExportProblem(
                            export.path,
                            row.line,
                            f"no role id can be made from the new role '{name}': add it to "
                            f'{display_path(self.data_dir / "roles.yaml")} with an id first',
                        )
                    )
                    continue
                if role_id in taken:
                    problems.append(
                        ExportProblem(
                            export.path,
                            row.line,
                            f"the new role '{name}' would get the id '{role_id}', which another role has: "
                            f'add it to {display_path(self.data_dir / "roles.yaml")} with another id first',
                        )
                    )
                    continue
                taken.add(role_id)
                new[key] = (role_id, clean(name), _where(export, row.line))
        if problems:
            raise ImportFailed(problems)
        return new

    def _roles_text(self, roles_path: Path, new_roles: dict[str, tuple[str, str, str]]) -> str:
        if roles_path.is_file():
            old = _read_text(roles_path)
            if not new_roles:
                return old
            round_trip, data = _yaml(old, roles_path)
        else:
            round_trip, data = _yaml()
            data = CommentedMap(roles=CommentedSeq())
        for role_id, name, _where_seen in new_roles.values():
            data['roles'].append(CommentedMap(id=role_id, name=_scalar(name)))
        text = _dump(round_trip, data)
        return text if roles_path.is_file() else ROLES_HEADER + text

    def _check_levels(self, skills: Sequence[SkillImport], definitions: Definitions) -> None:
        levels = definitions.level_ids
        problems = [
            ExportProblem(
                export.path,
                export.stats.levels.line,
                f'the export has {len(export.tables)} level tables, but '
                f'{display_path(self.data_dir / "levels.yaml")} defines {len(levels)} levels '
                f'({", ".join(levels)}); the tables map to the levels in order, '
                f'{definitions.levels[0].name} first',
            )
            for skill in skills
            for export in skill.exports
            if len(export.tables) != len(levels)
        ]
        if problems:
            raise ImportFailed(problems)

    def _check_existing(self, path: Path, definitions: Definitions) -> None:
        try:
            load_skill(path, definitions)
        except DataError as error:
            raise ImportFailed(error.problems) from None

    def _texts(self, skill: SkillImport) -> dict[str, str | None]:
        title = self.title if self.title is not None else skill.title
        summary = self.summary if self.summary is not None else skill.summary
        return {
            'title': clean(title) if title is not None else None,
            'summary': clean(summary) if summary is not None else None,
            'domain': skill.domain,
            'group': skill.group,
        }

    def _create(self, skill: SkillImport, definitions: Definitions, ids: dict[str, str]) -> str:
        texts = self._texts(skill)
        if not texts['title']:
            raise ImportFailed(
                [
                    ExportProblem(
                        skill.exports[0].path,
                        1,
                        f"skill '{skill.id}' is new (no {display_path(self.data_dir / SKILLS_SUBDIR)}/"
                        f'{skill.id}.yaml) and its export has no title: give --title too',
                    )
                ]
            )
        round_trip, _ = _yaml()
        data = CommentedMap(id=skill.id)
        for name in ('title', 'summary', 'domain', 'group'):
            if texts[name]:
                data[name] = _scalar(str(texts[name]))
        data['updated'] = skill.updated
        data['roles'] = CommentedMap()
        by_id = {ids[role_key(name)]: role_key(name) for name in skill.role_names}
        for role_id in definitions.role_ids:
            if role_id in by_id:
                data['roles'][role_id] = self._role(skill, by_id[role_id], definitions, 4 * 2)
        return SKILL_HEADER + _dump(round_trip, data)

    def _role(self, skill: SkillImport, key: str, definitions: Definitions, indent: int) -> CommentedMap:
        levels = CommentedMap()
        for index, level_id in enumerate(definitions.level_ids):
            row = skill.cells[(key, index)]
            levels[level_id] = CommentedMap(
                required=row.required, description=_folded(clean(row.description), indent)
            )
        return levels

    def _update(self, skill: SkillImport, old: str, definitions: Definitions, ids: dict[str, str]) -> str:
        round_trip, data = _yaml(old, self.data_dir / SKILLS_SUBDIR / f'{skill.id}.yaml')
        indent = (round_trip.map_indent or 2) * 4
        for name, text in self._texts(skill).items():
            if text is None:
                continue  # an export without a title or summary leaves them as they are
            if name not in data:  # only the summary is optional: it follows the title
                data.insert(list(data).index('title') + 1, name, _scalar(text))
            elif clean(str(data[name])) != text:
                data[name] = _restyled(data[name], text, indent)
        if data['updated'] != skill.updated:
            data['updated'] = skill.updated
        roles = data['roles']
        wanted = {ids[role_key(name)]: role_key(name) for name in skill.role_names}
        for role_id in [role_id for role_id in roles if role_id not in wanted]:
            del roles[role_id]
        for role_id in definitions.role_ids:
            if role_id not in wanted:
                continue
            if role_id not in roles:
                position = sum(
                    1
                    for other in roles
                    if definitions.role_ids.index(other) < definitions.role_ids.index(role_id)
                )
                roles.insert(position, role_id, self._role(skill, wanted[role_id], definitions, indent))
                continue
            for index, level_id in enumerate(definitions.level_ids):
                row = skill.cells[(wanted[role_id], index)]
                cell = roles[role_id][level_id]
                if cell['required'] != row.required:
                    cell['required'] = row.required
                if clean(str(cell['description'])) != clean(row.description):
                    cell['description'] = _restyled(cell['description'], clean(row.description), indent)
        return _dump(round_trip, data)

    def _page(self, skill: SkillImport, loaded: Skill) -> Change | None:
        pages = self.data_dir.resolve().parent / PAGES_SUBDIR
        if pages.is_dir():
            for page in sorted([*pages.glob('*.rst'), *pages.glob('*.md')]):
                try:
                    if skill.id in _PAGE_SHOWS.findall(page.read_text(encoding='utf-8', errors='replace')):
                        return None
                except OSError:
                    continue
        path = pages / f'{skill.id}.rst'
        if path.exists() or path.is_symlink():
            raise ImportFailed(
                [
                    ExportProblem(
                        path,
                        1,
                        f"this page does not show skill '{skill.id}' and the importer does not overwrite it: "
                        f'add the directive .. skill-matrix:: {skill.id}, or rename the page',
                    )
                ]
            )
        title = _rst_text(loaded.title.text)
        text = f'{title}\n{"=" * _width(title)}\n\n.. skill-matrix:: {skill.id}\n'
        return Change(path, None, text)


def _fail(message: str) -> NoReturn:
    raise ImportFailed([f'import-export: {message}'])


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding='utf-8-sig')
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFailed([ExportProblem(path, 1, f'cannot read the file: {exc}')]) from None


def _unstaged(problems: Iterable[Problem], staged: dict[Path, Path]) -> list[Problem]:
    """The data check's problems in staged files, named by the files they would be written to."""
    return [
        Problem(staged.get(problem.path, problem.path), problem.line, problem.column, problem.message)
        for problem in problems
    ]


def _check_read_back(
    loaded: Skill, skill: SkillImport, definitions: Definitions, ids: dict[str, str], path: Path
) -> None:
    """The written file must read back as imported: a guard against texts the YAML would alter."""
    for name in skill.role_names:
        for index, level_id in enumerate(definitions.level_ids):
            row = skill.cells[(role_key(name), index)]
            cell = loaded.expectation(ids[role_key(name)], level_id)
            if cell.required != row.required or cell.description.text != clean(row.description):
                raise ImportFailed(
                    [
                        ExportProblem(
                            path,
                            cell.description.line,
                            f'the text of {_where(skill.exports[0], row.line)} does not read back as '
                            'written; nothing was imported',
                        )
                    ]
                )


def _counts(skill: SkillImport) -> str:
    cells = skill.cells.values()
    required = sum(row.required for row in cells)
    return f'{len(skill.role_names)} roles, {len(cells)} cells, {required} required'


def _changes(old: str, new: str) -> str:
    """What changed between two versions of a skill file, cell by cell."""
    before, after = yaml.safe_load(old), yaml.safe_load(new)
    cells = flags = 0
    roles_before, roles_after = before['roles'], after['roles']
    for role_id in roles_before.keys() | roles_after.keys():
        if role_id not in roles_before or role_id not in roles_after:
            cells += len(roles_before.get(role_id) or roles_after[role_id])
            continue
        for level_id, cell in roles_after[role_id].items():
            old_cell = roles_before[role_id][level_id]
            flags += old_cell['required'] != cell['required']
            cells += old_cell['required'] != cell['required'] or clean(old_cell['description']) != clean(
                cell['description']
            )
    parts = [_plural(cells, 'cell') + ' changed', _plural(flags, 'flag') + ' changed']
    old_date, new_date = str(before['updated']), str(after['updated'])
    parts.append(f'date {old_date} → {new_date}' if old_date != new_date else f'date {new_date}')
    added = sorted(roles_after.keys() - roles_before.keys())
    removed = sorted(roles_before.keys() - roles_after.keys())
    if added:
        parts.append('roles added: ' + ', '.join(added))
    if removed:
        parts.append('roles removed: ' + ', '.join(removed))
    parts += [
        f'{name} changed'
        for name in ('title', 'summary', 'domain', 'group')
        if before.get(name) != after.get(name)
    ]
    return ', '.join(parts)


def _plural(count: int, word: str) -> str:
    return f'{count} {word}{"" if count == 1 else "s"}'


def _rst_text(text: str) -> str:
    """*text* for a reStructuredText title: inline markup characters escaped, so that it shows
    as written."""
    text = re.sub(r'([\\*`|_])', r'\\\1', text)
    if (not text[:1].isalnum() and not text.startswith('\\')) or re.match(r'\w+[.)](\s|$)', text):
        text = '\\' + text  # not a list item, comment, field or option list
    return text


def _width(text: str) -> int:
    """Columns *text* takes in a fixed-width editor (East Asian wide characters take two)."""
    return sum(2 if unicodedata.east_asian_width(char) in 'WF' else 1 for char in text)


# --- writing ----------------------------------------------------------------------------------


def write(changes: Sequence[Change]) -> None:
    """Write every change or none: each file is written beside its target first, then all are
    moved into place; a failure puts back what was already moved."""
    staged: list[tuple[Path, Change]] = []
    try:
        for change in changes:
            change.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = change.path.with_name(f'.{change.path.name}.importing')
            with temporary.open('w', encoding='utf-8', newline='\n') as file:
                file.write(change.new)
            staged.append((temporary, change))
            if change.old is not None:
                shutil.copymode(change.path, temporary)
        done: list[Change] = []
        try:
            for temporary, change in staged:
                os.replace(temporary, change.path)
                done.append(change)
        except OSError:
            for change in done:
                if change.old is None:
                    change.path.unlink(missing_ok=True)
                else:
                    change.path.write_text(change.old, encoding='utf-8')
            raise
    except OSError as exc:
        raise ImportFailed(
            [
                ExportProblem(
                    Path(exc.filename or '.'), 1, f'cannot write: {exc.strerror or exc}; nothing written'
                )
            ]
        ) from None
    finally:
        for temporary, _change in staged:
            temporary.unlink(missing_ok=True)


# --- command line -----------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f'{self.prog}: {message}\n')


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog='import-export', description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument('exports', nargs='+', type=Path, metavar='EXPORT', help='page exports (.txt or .md)')
    parser.add_argument('--id', dest='skill_id', help='the skill id (needed for exports without a title)')
    parser.add_argument('--title', help="the skill's title (needed for a new skill whose export has none)")
    parser.add_argument('--summary', help="the skill's one-line summary")
    parser.add_argument('--data', type=Path, default=Path('data'), help='the data directory (default: data)')
    parser.add_argument(
        '--dry-run', action='store_true', help='print what would change and the diff; write nothing'
    )
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors='backslashreplace')

    importer = Importer(args.data, args.skill_id, args.title, args.summary)
    try:
        plan = importer.plan(args.exports)
        if not args.dry_run:
            write(plan.changes)
    except ImportFailed as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        print(f'{len(failure.problems)} problem(s); nothing written', file=sys.stderr)
        return 1
    except OSError as exc:  # the staging directory, say: before anything is written
        print(f'import-export: {exc}; nothing written', file=sys.stderr)
        return 1
    for line in plan.report:
        print(line)
    if args.dry_run:
        print(plan.diff(), end='')
        print('dry run: nothing written')
    return 0


if __name__ == '__main__':
    sys.exit(main())
