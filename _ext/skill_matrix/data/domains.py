"""The catalog: skills by domain and group, in the order of the optional ``domains.yaml``. No Sphinx here.

Every skill file names its domain and group (``Machine Learning & AI`` › ``Deep Learning``).
``domains.yaml`` may list domains and their groups, in the order pages show them, with a
one-paragraph description of each::

    domains:
      - name: Machine Learning & AI
        description: Building, training and serving models.
        groups:
          - name: Deep Learning
            description: Neural networks and the frameworks that train them.

Listed domains come first, in the file's order, then the domains only skills name, by name;
the same for the groups of each domain. Domains and groups without a skill are not shown.
A skill naming a domain (or a group of a listed domain) that is not listed but close to a
listed name (a small edit distance, or the same id) gets a "did you mean" problem at the
skill file's line; listing the new name in ``domains.yaml`` is how to keep it.

Ids are slugs of the English names (:func:`slug`): ``Machine Learning & AI`` →
``machine-learning-ai``.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from skill_matrix.data.loader import load_definitions, load_skill, read_valid, skill_files, source_text
from skill_matrix.data.problems import DataError, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Mapping, Sequence
    from pathlib import Path

    from skill_matrix.data.model import Definitions, Skill, SourceText

DOMAINS_FILE = 'domains.yaml'
_NOT_SLUG = re.compile(r'[^a-z0-9]+')


@functools.lru_cache(maxsize=4096)  # a catalog names each domain and group once per skill
def slug(name: str) -> str:
    """The id of a domain or group *name*: lower-case ASCII letters and digits joined by ``-``.

    Accents are dropped first (``Datenqualität`` → ``datenqualitat``), then every other
    character becomes ``-``, runs collapse and the ends are stripped. A name with no ASCII
    letter or digit left (``数据工程``) gets ``x-`` and the first 8 hex digits of the SHA-256
    of its UTF-8 text (NFC): stable across builds, machines and languages, as the English
    names are the source.
    """
    normalized = unicodedata.normalize('NFC', name.strip())
    decomposed = unicodedata.normalize('NFKD', normalized)
    ascii_only = ''.join(char for char in decomposed if not unicodedata.combining(char))
    result = _NOT_SLUG.sub('-', ascii_only.lower().encode('ascii', 'ignore').decode('ascii')).strip('-')
    if result:
        return result
    return 'x-' + hashlib.sha256(normalized.encode('utf-8')).hexdigest()[:8]


def edit_distance(first: str, second: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions that turn one into the other."""
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, 1):
        current = [row]
        for column, other in enumerate(second, 1):
            current.append(
                min(previous[column] + 1, current[column - 1] + 1, previous[column - 1] + (char != other))
            )
        previous = current
    return previous[-1]


def close_to(name: str, listed: str) -> bool:
    """Whether *name* looks like a misspelling of *listed*: the same id, or at most one edit in six
    characters (at least one), ignoring case."""
    if slug(name) == slug(listed):
        return True
    edits = max(1, len(listed) // 6)
    first, second = name.casefold(), listed.casefold()
    if abs(len(first) - len(second)) > edits:  # at least that many insertions or deletions
        return False
    return edit_distance(first, second) <= edits


# --- domains.yaml -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ListedGroup:
    name: SourceText
    description: SourceText | None


@dataclass(frozen=True, slots=True)
class ListedDomain:
    name: SourceText
    description: SourceText | None
    groups: tuple[ListedGroup, ...]


def load_listing(data_dir: Path) -> tuple[ListedDomain, ...] | None:
    """The domains of *data_dir*/domains.yaml, or None without that file; raises :class:`DataError`."""
    path = data_dir / DOMAINS_FILE
    if not path.exists():
        return None
    stat = path.stat()
    return _load_listing(path, stat.st_mtime_ns, stat.st_size)


@functools.cache
def _load_listing(path: Path, _mtime: int, _size: int) -> tuple[ListedDomain, ...]:
    document = read_valid(path, 'domains.schema.json')
    problems: list[Problem] = []
    domains: list[ListedDomain] = []
    seen_domains: dict[str, SourceText] = {}
    for index, item in enumerate(document.data['domains']):
        where = ('domains', index)
        name = source_text(document, (*where, 'name'))
        if (first := seen_domains.get(slug(name.text))) is not None:
            problems.append(_repeated(name, first, 'domain'))
            continue
        seen_domains[slug(name.text)] = name
        groups: list[ListedGroup] = []
        seen_groups: dict[str, SourceText] = {}
        for group_index, group in enumerate(item.get('groups', ())):
            group_where = (*where, 'groups', group_index)
            group_name = source_text(document, (*group_where, 'name'))
            if (first := seen_groups.get(slug(group_name.text))) is not None:
                problems.append(_repeated(group_name, first, 'group'))
                continue
            seen_groups[slug(group_name.text)] = group_name
            description = (
                source_text(document, (*group_where, 'description')) if 'description' in group else None
            )
            groups.append(ListedGroup(group_name, description))
        description = source_text(document, (*where, 'description')) if 'description' in item else None
        domains.append(ListedDomain(name, description, tuple(groups)))
    if problems:
        raise DataError(problems)
    return tuple(domains)


def _repeated(name: SourceText, first: SourceText, kind: str) -> Problem:
    if name.text == first.text:
        message = f"{kind} '{name.text}' is listed twice (first on line {first.line})"
    else:
        message = (
            f"{kind} '{name.text}' has the same id '{slug(name.text)}' as '{first.text}' "
            f'(line {first.line}): list it once'
        )
    return Problem(name.path, name.line, name.column, message)


# --- the catalog ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Group:
    id: str
    name: SourceText
    """Where it is listed in domains.yaml, else as the first skill (by file name) names it."""
    description: SourceText | None
    skills: tuple[Skill, ...]
    """By title."""
    listed: bool


@dataclass(frozen=True, slots=True)
class Domain:
    id: str
    name: SourceText
    description: SourceText | None
    groups: tuple[Group, ...]
    listed: bool

    @property
    def skills(self) -> tuple[Skill, ...]:
        return tuple(skill for group in self.groups for skill in group.skills)


@dataclass(frozen=True, slots=True)
class Catalog:
    domains: tuple[Domain, ...]

    def domain(self, domain_id: str) -> Domain | None:
        return next((domain for domain in self.domains if domain.id == domain_id), None)

    @property
    def skill_count(self) -> int:
        return sum(len(domain.skills) for domain in self.domains)


def build_catalog(
    skills: Iterable[Skill], listing: Sequence[ListedDomain] | None
) -> tuple[Catalog, list[Problem]]:
    """*skills* by domain and group, in *listing*'s order, and the names that look misspelt."""
    problems: list[Problem] = []
    listing = listing or ()
    listed_domains = {slug(domain.name.text): domain for domain in listing}
    # domain id -> (name, group id -> (name, skills))
    found: dict[str, tuple[SourceText, dict[str, tuple[SourceText, list[Skill]]]]] = {}
    for skill in sorted(skills, key=lambda skill: skill.path.name):
        domain_id = slug(skill.domain.text)
        listed = listed_domains.get(domain_id)
        if listed is None:
            problems += _misspelt(skill.domain, [domain.name for domain in listing], 'domain', DOMAINS_FILE)
        elif listed.name.text != skill.domain.text:
            problems.append(_hint(skill.domain, listed.name, 'domain', DOMAINS_FILE))
        domain_name, groups = found.setdefault(domain_id, (listed.name if listed else skill.domain, {}))
        if not listed and domain_name.text != skill.domain.text:
            problems.append(_spelt_differently(skill.domain, domain_name, 'domain'))
        listed_groups = {slug(group.name.text): group for group in listed.groups} if listed else {}
        group_id = slug(skill.group.text)
        listed_group = listed_groups.get(group_id)
        where = f"the groups of '{domain_name.text}' in {DOMAINS_FILE}"
        if listed and listed_group is None:
            problems += _misspelt(skill.group, [group.name for group in listed.groups], 'group', where)
        elif listed_group is not None and listed_group.name.text != skill.group.text:
            problems.append(_hint(skill.group, listed_group.name, 'group', where))
        group_name, group_skills = groups.setdefault(
            group_id, (listed_group.name if listed_group else skill.group, [])
        )
        if not listed_group and group_name.text != skill.group.text:
            problems.append(_spelt_differently(skill.group, group_name, 'group'))
        group_skills.append(skill)

    def by_title(members: list[Skill]) -> tuple[Skill, ...]:
        return tuple(sorted(members, key=lambda skill: (skill.title.text.casefold(), skill.id)))

    domains: list[Domain] = []
    order = [domain_id for domain_id in listed_domains if domain_id in found]
    order += sorted(
        (domain_id for domain_id in found if domain_id not in listed_domains), key=_name_key(found)
    )
    for domain_id in order:
        name, groups = found[domain_id]
        listed = listed_domains.get(domain_id)
        listed_groups = {slug(group.name.text): group for group in listed.groups} if listed else {}
        group_order = [group_id for group_id in listed_groups if group_id in groups]
        group_order += sorted(
            (group_id for group_id in groups if group_id not in listed_groups), key=_name_key(groups)
        )
        domains.append(
            Domain(
                domain_id,
                name,
                listed.description if listed else None,
                tuple(
                    Group(
                        group_id,
                        groups[group_id][0],
                        listed_groups[group_id].description if group_id in listed_groups else None,
                        by_title(groups[group_id][1]),
                        group_id in listed_groups,
                    )
                    for group_id in group_order
                ),
                listed is not None,
            )
        )
    return Catalog(tuple(domains)), problems


def _name_key(found: Mapping[str, tuple[SourceText, object]]) -> Callable[[str], tuple[str, str]]:
    return lambda item_id: (found[item_id][0].text.casefold(), item_id)


def _misspelt(name: SourceText, listed: Sequence[SourceText], kind: str, where: str) -> list[Problem]:
    closest = _closest(name.text, tuple(item.text for item in listed))
    if closest is None:
        return []
    return [_hint(name, listed[closest], kind, where)]


@functools.lru_cache(maxsize=1024)
def _closest(name: str, listed: tuple[str, ...]) -> int | None:
    """The index of the name in *listed* that *name* looks like a misspelling of, if any: asked once
    per name (hundreds of skills name the same domain and group)."""
    close = [index for index, text in enumerate(listed) if close_to(name, text)]
    return min(close, key=lambda index: edit_distance(name, listed[index])) if close else None


def _hint(name: SourceText, listed: SourceText, kind: str, where: str) -> Problem:
    return Problem(
        name.path,
        name.line,
        name.column,
        f"{kind} '{name.text}' is not in {where}; did you mean '{listed.text}'?",
    )


def _spelt_differently(name: SourceText, first: SourceText, kind: str) -> Problem:
    return Problem(
        name.path,
        name.line,
        name.column,
        f"{kind} '{name.text}' has the same id '{slug(name.text)}' as '{first.text}' "
        f'({first.path.name}:{first.line}): write it the same way',
    )


# --- reading and checking a data directory ----------------------------------------------------


def load_catalog(
    data_dir: Path, load: Callable[[Path, Definitions], Skill] = load_skill
) -> tuple[Catalog, list[Problem]]:
    """The catalog of the valid skills in *data_dir* (each read with *load*) and its problems:
    those of domains.yaml and the names that look misspelt. Problems of the skill files
    themselves are :func:`~skill_matrix.data.loader.check_data_dir`'s."""
    try:
        listing = load_listing(data_dir)
        listing_problems: list[Problem] = []
    except DataError as error:
        listing, listing_problems = None, list(error.problems)
    try:
        definitions = load_definitions(data_dir)
    except DataError:
        return Catalog(()), listing_problems
    skills: list[Skill] = []
    for path in skill_files(data_dir):
        try:
            skills.append(load(path, definitions))
        except DataError:
            continue
    catalog, problems = build_catalog(skills, listing)
    return catalog, listing_problems + problems
