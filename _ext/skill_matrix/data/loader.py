"""Load and validate the data directory: JSON Schema first, then cross-checks. No Sphinx here.

Layout of a data directory::

    roles.yaml          the roles, in display order
    levels.yaml         the levels, from the first to the last (and which follows which: tracks)
    skills/<id>.yaml    one file per skill

Every role a skill lists must define every level: a missing level is an error, so a
published matrix never has holes.
"""

from __future__ import annotations

import datetime
import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import jsonschema

from skill_matrix.data import richtext
from skill_matrix.data.anchors import Anchor, clashes, role_page_anchors, skill_anchors
from skill_matrix.data.model import Definitions, Expectation, Level, Role, Skill, SourceText
from skill_matrix.data.problems import DataError, Problem, did_you_mean, display_path, known
from skill_matrix.data.tracks import successors, track_problems, uses_tracks
from skill_matrix.data.yamlsource import Path_, YamlDocument, parse_yaml, read_yaml

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

SCHEMA_DIR = Path(__file__).parent.parent / 'schemas'
SKILL_ID = re.compile(r'^[a-z0-9]+(?:-[a-z0-9]+)*$')
SKILLS_SUBDIR = 'skills'


def skill_path(data_dir: Path, skill_id: str) -> Path:
    """The file of skill *skill_id*, which must be an id (not a path) with a file inside *data_dir*.

    Raises :class:`LookupError` with a reader-facing message otherwise.
    """
    if not SKILL_ID.match(skill_id):
        raise LookupError(
            f"'{skill_id}' is not a skill id: use lowercase letters and digits joined by "
            'hyphens (a skill id, not a path)'
        )
    skills_dir = data_dir / SKILLS_SUBDIR
    path = skills_dir / f'{skill_id}.yaml'
    if not path.is_file():
        hint = did_you_mean(skill_id, (p.stem for p in skill_files(data_dir)))
        raise LookupError(
            f"no skill '{skill_id}' (no file {data_dir.name}/{SKILLS_SUBDIR}/{path.name}){hint}"
        )
    if not _inside(path, skills_dir.resolve()):
        raise LookupError(f"skill '{skill_id}': its file links outside the skills folder")
    return path


def skill_files(data_dir: Path) -> list[Path]:
    """Every skill file in *data_dir*, sorted by name; links that lead outside it are left out."""
    skills_dir = (data_dir / SKILLS_SUBDIR).resolve()
    files = sorted(
        (data_dir / SKILLS_SUBDIR).glob('*.yaml'), key=lambda path: path.name
    )  # one folder: as Paths sort
    return [path for path in files if _entry_inside(path, skills_dir)]


def _inside(path: Path, directory: Path) -> bool:
    return path.resolve().is_relative_to(directory)


def _entry_inside(entry: Path, directory: Path) -> bool:
    """Whether *entry*, listed in the folder *directory* (resolved), stays inside it: only a link can
    lead out (resolving every file costs a system call per folder of its path)."""
    return not entry.is_symlink() or _inside(entry, directory)


def load_definitions(data_dir: Path) -> Definitions:
    """Roles and levels from *data_dir*; raises :class:`DataError`."""
    paths = (data_dir / 'roles.yaml', data_dir / 'levels.yaml')
    return _load_definitions(*(_cache_key(path) for path in paths))


def load_skill(path: Path, definitions: Definitions) -> Skill:
    """The skill in *path*, validated against *definitions*; raises :class:`DataError`."""
    return _load_skill(_cache_key(path), definitions)


def definitions_from_texts(texts: Mapping[Path, bytes], roles: Path, levels: Path) -> Definitions:
    """Like :func:`load_definitions`, from the files' bytes in *texts* (e.g. as read from git):
    *roles* and *levels* are the keys of ``roles.yaml`` and ``levels.yaml``; raises :class:`DataError`.
    """
    return _definitions(lambda path: parse_yaml(path, texts[path]), roles, levels)


def skill_from_document(
    document: YamlDocument, definitions: Definitions, is_file: Callable[[Path], bool] = Path.is_file
) -> Skill:
    """Like :func:`load_skill`, from a parsed document (e.g. of a file read from git).

    *is_file* tells whether a file exists, for the hint when the id names another file.
    """
    path = document.path
    data = document.data
    problems = _validate(document, 'skill.schema.json')
    if problems:
        raise DataError(problems)

    if data['id'] != path.stem:
        message = f"id '{data['id']}' does not match the file name '{path.name}'"
        if is_file(path.with_name(f'{data["id"]}.yaml')):
            message += f'; {data["id"]}.yaml already has this id'
        problems.append(document.problem(('id',), message))

    expectations: list[Expectation] = []
    role_ids = [role_id for role_id in definitions.role_ids if role_id in data['roles']]
    for role_id in data['roles']:
        if role_id not in definitions.role_ids:
            message = f"unknown role '{role_id}' (known: {known(definitions.role_ids)})"
            problems.append(
                document.problem(
                    ('roles', role_id), message + did_you_mean(role_id, definitions.role_ids), key=True
                )
            )
    for role_id in role_ids:
        levels = data['roles'][role_id]
        unknown = [level_id for level_id in levels if level_id not in definitions.level_ids]
        for level_id in unknown:
            message = f"unknown level '{level_id}' (known: {known(definitions.level_ids)})"
            where = ('roles', role_id, level_id)
            problems.append(
                document.problem(where, message + did_you_mean(level_id, definitions.level_ids), key=True)
            )
        if unknown:
            continue  # a misspelt level would also be reported as missing
        missing = [level_id for level_id in definitions.level_ids if level_id not in levels]
        if missing:
            problems.append(
                document.problem(
                    ('roles', role_id),
                    f"role '{role_id}' does not define level{'s' if len(missing) > 1 else ''} "
                    f'{known(missing)} (every role defines all levels: {known(definitions.level_ids)})',
                    key=True,
                )
            )
            continue
        for level_id in definitions.level_ids:
            where = ('roles', role_id, level_id)
            expectations.append(
                Expectation(
                    role_id,
                    level_id,
                    levels[level_id]['required'],
                    _description(document, (*where, 'description'), problems),
                    tuple(
                        _description(document, (*where, 'examples', index), problems, 'an example')
                        for index in range(len(levels[level_id].get('examples', ())))
                    ),
                )
            )
    if problems:
        raise DataError(problems)
    return Skill(
        id=data['id'],
        path=path,
        id_line=document.position(('id',))[0],
        title=_text(document, ('title',)),
        summary=_text(document, ('summary',)) if 'summary' in data else None,
        domain=_text(document, ('domain',)),
        group=_text(document, ('group',)),
        updated=datetime.date.fromisoformat(data['updated']),
        role_ids=tuple(role_ids),
        expectations=tuple(expectations),
    )


def check_data_dir(data_dir: Path, load: Callable[[Path, Definitions], Skill] = load_skill) -> list[Problem]:
    """Every problem in the data directory: definitions, each skill file (read with *load*), stray
    and linked files.

    Skill ids are unique because each must equal its file's name. Skills whose link ids would
    clash with another skill's (on a page showing both, or on a role page) are reported too.
    """
    try:
        definitions = load_definitions(data_dir)
    except DataError as error:
        return list(error.problems)
    skills_dir = data_dir / SKILLS_SUBDIR
    if not skills_dir.is_dir():
        return [Problem(skills_dir, 1, 1, 'the skills folder is missing')]
    problems: list[Problem] = []
    skills: list[Skill] = []
    resolved_dir = skills_dir.resolve()
    for path in sorted(skills_dir.iterdir()):
        if path.suffix == '.yml':
            problems.append(Problem(path, 1, 1, f"skill files end in '.yaml': rename it to {path.stem}.yaml"))
        elif path.suffix != '.yaml':
            continue
        elif not _entry_inside(path, resolved_dir):
            problems.append(Problem(path, 1, 1, 'the file links outside the skills folder: not read'))
        else:
            try:
                skills.append(load(path, definitions))
            except DataError as error:
                problems.extend(error.problems)
    return problems + anchor_problems(definitions, skills)


def anchor_problems(definitions: Definitions, skills: list[Skill]) -> list[Problem]:
    """Skills whose link ids clash with another skill's ids, or with a role page's tables.

    Clashes within one skill depend only on the roles and levels: :func:`load_definitions` reports them.
    """
    files = {skill.id: skill for skill in skills}
    problems: dict[tuple[Path, int], str] = {}
    every_skill = (
        item for skill in skills for item in skill_anchors(skill.id, definitions.level_ids, skill.role_ids)
    )
    for anchor_id, first, other in clashes(every_skill):
        where = (files[other.skill_id].path, files[other.skill_id].id_line)
        problems.setdefault(
            where,
            f"skill '{other.skill_id}' gives the link id '{anchor_id}' to {other}, which is already "
            f'{first} ({display_path(files[first.skill_id].path)}): rename one of the skills',
        )
    for role_id in definitions.role_ids:
        having = [skill.id for skill in skills if role_id in skill.role_ids]
        for anchor_id, first, other in clashes(role_page_anchors(role_id, definitions.level_ids, having)):
            cell = other if other.kind == 'cell' else first
            table = first if cell is other else other
            where = (files[cell.skill_id].path, files[cell.skill_id].id_line)
            problems.setdefault(
                where,
                f"on the page of role '{role_id}', the link id '{anchor_id}' would name both {cell} "
                f'and {table}: rename the skill',
            )
    return [Problem(path, line, 1, message) for (path, line), message in problems.items()]


# --- caching: each file is read and validated once per process, until it changes -------------

_CacheKey = tuple[Path, int, int]


def _cache_key(path: Path) -> _CacheKey:
    try:
        stat = path.stat()
    except OSError:
        return (path, -1, -1)
    return (path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _load_definitions(roles_key: _CacheKey, levels_key: _CacheKey) -> Definitions:
    return _definitions(read_yaml, roles_key[0], levels_key[0])


def _definitions(read: Callable[[Path], YamlDocument], roles_path: Path, levels_path: Path) -> Definitions:
    problems: list[Problem] = []
    roles: list[Role] = []
    levels: list[Level] = []
    tracks = False
    id_problem: dict[str, Callable[[str], Problem]] = {}  # 'role'/'level' → problem at that id
    for path, kind in ((roles_path, 'roles'), (levels_path, 'levels')):
        try:
            document = read(path)
        except DataError as error:
            problems.extend(error.problems)
            continue
        invalid = _validate(document, f'{kind}.schema.json')
        if invalid:
            problems.extend(invalid)
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(document.data[kind]):
            where: Path_ = (kind, index, 'id')
            if item['id'] in seen:
                problems.append(
                    document.problem(where, f"duplicate id '{item['id']}' (first on line {seen[item['id']]})")
                )
                continue
            seen[item['id']] = document.position(where)[0]
            id_problem[f'{kind[:-1]}:{item["id"]}'] = functools.partial(document.problem, where)
            if kind == 'roles':
                roles.append(Role(item['id'], _text(document, (kind, index, 'name'))))
            else:
                levels.append(Level(item['id'], _text(document, (kind, index, 'name'))))
        if kind == 'levels' and not problems:
            items = document.data['levels']
            tracks = uses_tracks(items)
            problems += track_problems(document, items)
            following = successors(items)
            levels = [Level(level.id, level.name, following[level.id]) for level in levels]
    if not problems:
        problems = _anchor_clashes([role.id for role in roles], [level.id for level in levels], id_problem)
    if problems:
        raise DataError(problems)
    return Definitions(tuple(roles), tuple(levels), tracks)


def _anchor_clashes(
    role_ids: list[str], level_ids: list[str], id_problem: dict[str, Callable[[str], Problem]]
) -> list[Problem]:
    """Roles and levels whose link ids clash on every skill's page or on a role's page.

    A skill's ids all start with the skill's id, so whether they clash depends only on the roles
    and levels: a role id equal to a level id, a level or role id that is another level joined to a
    role, a level and a role that join like another pair.
    """
    placeholder = '<skill id>'
    found = [
        (clash, "on every skill's page") for clash in clashes(skill_anchors(placeholder, level_ids, role_ids))
    ]
    for role_id in role_ids:
        found += [
            (clash, f"on the page of role '{role_id}'")
            for clash in clashes(role_page_anchors(role_id, level_ids, ()))
        ]
    problems = []
    for (anchor_id, first, other), page in found:
        kind, blamed = _blamed(first, other)
        first, other = first._replace(skill_id=''), other._replace(skill_id='')
        problems.append(
            id_problem[f'{kind}:{blamed}'](
                f"the link id '{anchor_id}' would name both {first} and {other} {page}: "
                f"give {kind} '{blamed}' another id"
            )
        )
    return problems


def _blamed(first: Anchor, other: Anchor) -> tuple[str, str]:
    """The role or level to rename when *first* and *other* get the same link id.

    The thing named by fewer ids holds the odd id (level 'lead-qa-engineer' beside the cell of
    level 'lead' and role 'qa-engineer'); of the two, the later one. Its role is blamed before its
    level, and only an id that the other thing does not share.
    """

    def ids(anchor: Anchor) -> int:
        return sum(bool(value) for value in (anchor.level_id, anchor.role_id)) or 3

    suspect, innocent = (first, other) if ids(first) < ids(other) else (other, first)
    for anchor, against in ((suspect, innocent), (innocent, suspect)):
        for kind, value, theirs in (
            ('role', anchor.role_id, against.role_id),
            ('level', anchor.level_id, against.level_id),
        ):
            if value and value != theirs:
                return kind, value
    raise AssertionError(f'{first} and {other} differ in a role or a level')


@functools.cache
def _load_skill(key: _CacheKey, definitions: Definitions) -> Skill:
    return skill_from_document(read_yaml(key[0]), definitions)


def _text(document: YamlDocument, where: Path_) -> SourceText:
    value = document.data
    for step in where:
        value = value[step]
    line, column = document.position(where)
    return SourceText(' '.join(value.split()), document.path, line, column)


def _description(
    document: YamlDocument, where: Path_, problems: list[Problem], field: str = 'a description'
) -> SourceText:
    """A cell's text (its description or an example, *field*) in the Markdown subset
    (:mod:`~skill_matrix.data.richtext`); what it may not use is added to *problems*, each at
    its line in the file."""
    value: Any = document.data
    for step in where:
        value = value[step]
    line, column = document.position(where)
    first_line = line + (1 if where in document.block_scalars else 0)
    problems.extend(
        Problem(document.path, first_line + found.line, column, found.message)
        for found in richtext.problems(value, field)
    )
    return SourceText(richtext.normalized(value), document.path, line, column)


# --- schema validation ------------------------------------------------------------------------


@functools.cache
def _validator(schema_name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / schema_name).read_text(encoding='utf-8'))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(_inline_refs(schema), format_checker=validator_class.FORMAT_CHECKER)


def _inline_refs(
    node: Any, definitions: Mapping[str, Any] | None = None, inlining: frozenset[str] = frozenset()
) -> Any:
    """*node* (a schema) with each ``{"$ref": "#/$defs/<name>"}`` replaced by that definition's
    keywords: the same errors, twice as fast (jsonschema resolves a reference at every value it
    checks). A definition that refers to itself keeps its reference (``$defs`` stays for it)."""
    if definitions is None:
        definitions = node.get('$defs', {}) if isinstance(node, dict) else {}
    if isinstance(node, list):
        return [_inline_refs(item, definitions, inlining) for item in node]
    if not isinstance(node, dict):
        return node
    result: dict[str, Any] = {}
    for key, value in node.items():
        name = value.removeprefix('#/$defs/') if key == '$ref' and isinstance(value, str) else None
        if name is not None and name != value and name in definitions and name not in inlining:
            result.update(_inline_refs(definitions[name], definitions, inlining | {name}))
        else:
            result[key] = _inline_refs(value, definitions, inlining)
    return result


def _validate(document: YamlDocument, schema_name: str) -> list[Problem]:
    errors = sorted(
        _validator(schema_name).iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path))
    )
    return [problem for error in errors for problem in _describe(document, error)]


def _describe(document: YamlDocument, error: jsonschema.ValidationError) -> Iterator[Problem]:
    """Turn a schema error into messages a contributor can act on."""
    where: Path_ = tuple(error.absolute_path)
    name = _field_name(where)
    instance = error.instance
    if error.validator == 'required':
        for field in cast('list[str]', error.validator_value):
            if isinstance(instance, dict) and field not in instance:
                yield document.problem(where, f"missing field '{field}'{_in(where)}")
    elif error.validator == 'additionalProperties' and isinstance(instance, dict):
        allowed = list(cast('dict[str, Any]', error.schema).get('properties', {}))
        for field in instance:
            if field not in allowed:
                hint = did_you_mean(field, allowed)
                yield document.problem(
                    (*where, field),
                    f"unknown field '{field}'{_in(where)} (allowed: {known(allowed)}){hint}",
                    key=True,
                )
    elif error.validator == 'type':
        expected = _TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
        yield document.problem(where, f'{name} must be {expected}, not {_describe_value(instance)}')
    elif error.validator == 'pattern' and error.validator_value == '\\S':
        yield document.problem(where, f'{name} must not be empty')
    elif error.validator == 'pattern':
        yield document.problem(
            where, f"{name} '{instance}' must be lowercase letters and digits joined by hyphens"
        )
    elif error.validator == 'format':
        yield document.problem(where, f"{name} must be a date written YYYY-MM-DD, not '{instance}'")
    elif error.validator in ('minProperties', 'minItems'):
        yield document.problem(where, f'{name} must not be empty')
    elif error.validator == 'uniqueItems':
        yield document.problem(where, f'{name} names an item twice')
    elif error.validator == 'maxLength':
        yield document.problem(where, f'{name} is longer than {error.validator_value} characters')
    else:
        yield document.problem(where, f'{name}: {error.message}')


_TYPE_NAMES = {
    'string': 'text',
    'boolean': 'true or false',
    'object': 'a mapping of keys to values',
    'array': 'a list',
    'integer': 'a whole number',
}


def _describe_value(value: Any) -> str:
    if isinstance(value, bool):
        return f'the boolean {str(value).lower()}'
    if value is None:
        return 'empty (null)'
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) <= 40 else 'text'
    if isinstance(value, int | float):
        return f'the number {value}'
    if isinstance(value, list):
        return 'a list'
    return 'a mapping'


def _field_name(where: Path_) -> str:
    return f"'{'.'.join(map(str, where))}'" if where else 'the document'


def _in(where: Path_) -> str:
    return f' in {_field_name(where)}' if where else ''


# --- for the other data files (domains.yaml) --------------------------------------------------


def read_valid(path: Path, schema_name: str) -> YamlDocument:
    """The YAML file *path*, checked against the JSON Schema *schema_name* of :data:`SCHEMA_DIR`;
    raises :class:`DataError` with located, reworded problems as for the skill files."""
    document = read_yaml(path)
    problems = _validate(document, schema_name)
    if problems:
        raise DataError(problems)
    return document


def source_text(document: YamlDocument, where: Path_) -> SourceText:
    """The text at *where* in *document* (blanks collapsed), with its line and column."""
    return _text(document, where)
