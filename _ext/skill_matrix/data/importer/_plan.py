"""The plan of an import: every file it would write, checked as the data check would read it."""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from skill_matrix.data import richtext
from skill_matrix.data.exports import Export, ExportError, ExportProblem, clean, read_export, role_key, slug
from skill_matrix.data.importer._merge import SkillImport, merge, where
from skill_matrix.data.importer._model import (
    PAGES_SUBDIR,
    ROLES_HEADER,
    SKILL_HEADER,
    Change,
    ImportFailed,
    Plan,
)
from skill_matrix.data.importer._yaml import dump, folded, restyled, round_trip_yaml, scalar
from skill_matrix.data.loader import SKILL_ID, SKILLS_SUBDIR, load_definitions, load_skill
from skill_matrix.data.problems import DataError, Problem, display_path

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from skill_matrix.data.model import Definitions, Skill


PAGE_SHOWS = re.compile(r'skill-matrix(?:::|\})[ \t]+([a-z0-9-]+)[ \t]*$', re.MULTILINE)
"""A page that shows a skill: ``.. skill-matrix:: <id>`` (or MyST's fence)."""


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
                new[key] = (role_id, clean(name), where(export, row.line))
        if problems:
            raise ImportFailed(problems)
        return new

    def _roles_text(self, roles_path: Path, new_roles: dict[str, tuple[str, str, str]]) -> str:
        if roles_path.is_file():
            old = _read_text(roles_path)
            if not new_roles:
                return old
            round_trip, data = round_trip_yaml(old, roles_path)
        else:
            round_trip, data = round_trip_yaml()
            data = CommentedMap(roles=CommentedSeq())
        for role_id, name, _where_seen in new_roles.values():
            data['roles'].append(CommentedMap(id=role_id, name=scalar(name)))
        text = dump(round_trip, data)
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
                f'{definitions.levels[0].name.text} first',
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
        round_trip, _ = round_trip_yaml()
        data = CommentedMap(id=skill.id)
        for name in ('title', 'summary', 'domain', 'group'):
            if texts[name]:
                data[name] = scalar(str(texts[name]))
        data['updated'] = skill.updated
        data['roles'] = CommentedMap()
        by_id = {ids[role_key(name)]: role_key(name) for name in skill.role_names}
        for role_id in definitions.role_ids:
            if role_id in by_id:
                data['roles'][role_id] = self._role(skill, by_id[role_id], definitions, 4 * 2)
        return SKILL_HEADER + dump(round_trip, data)

    def _role(self, skill: SkillImport, key: str, definitions: Definitions, indent: int) -> CommentedMap:
        levels = CommentedMap()
        for index, level_id in enumerate(definitions.level_ids):
            row = skill.cells[(key, index)]
            levels[level_id] = CommentedMap(
                required=row.required, description=folded(richtext.literal(clean(row.description)), indent)
            )
        return levels

    def _update(self, skill: SkillImport, old: str, definitions: Definitions, ids: dict[str, str]) -> str:
        round_trip, data = round_trip_yaml(old, self.data_dir / SKILLS_SUBDIR / f'{skill.id}.yaml')
        indent = (round_trip.map_indent or 2) * 4
        for name, text in self._texts(skill).items():
            if text is None:
                continue  # an export without a title or summary leaves them as they are
            if name not in data:  # only the summary is optional: it follows the title
                data.insert(list(data).index('title') + 1, name, scalar(text))
            elif clean(str(data[name])) != text:
                data[name] = restyled(data[name], text, indent)
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
                description = richtext.literal(clean(row.description))
                if clean(str(cell['description'])) != description:
                    cell['description'] = restyled(cell['description'], description, indent)
        return dump(round_trip, data)

    def _page(self, skill: SkillImport, loaded: Skill) -> Change | None:
        pages = self.data_dir.resolve().parent / PAGES_SUBDIR
        if pages.is_dir():
            for page in sorted([*pages.glob('*.rst'), *pages.glob('*.md')]):
                try:
                    if skill.id in PAGE_SHOWS.findall(page.read_text(encoding='utf-8', errors='replace')):
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
            if cell.required != row.required or cell.description.text != richtext.literal(
                clean(row.description)
            ):
                raise ImportFailed(
                    [
                        ExportProblem(
                            path,
                            cell.description.line,
                            f'the text of {where(skill.exports[0], row.line)} does not read back as '
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
