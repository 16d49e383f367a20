"""The growth plan's data: one script per role in the page's language (``plan-data/<role id>.js``).

The plan page (:mod:`skill_matrix.plan_page`) holds only the roles, the levels and its labels;
its script (``static/skill_plan.js``) loads the chosen role's data by adding a ``<script src>``
for ``plan-data/<role id>.js``, which hands the data to ``window.skillPlan.receive``. A script
element works where ``fetch`` does not: from a local file (``file://``) too.

Every cell carries a short hash of its English source text and flag (:func:`text_hash`), the
same in every language, so that a plan's link knows, in any language, whether the text of a
ticked item changed since it was ticked. A skill is named in the link by a short hash of its
id (:func:`skill_key`): a tick stays with its skill when other skills come and go.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes

from skill_matrix.i18n.labels import NUMERIC_DATE_LANGUAGES, _, ngettext, pgettext
from skill_matrix.nodes.text import label

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from skill_matrix.nodes.pagedata import SkillTexts

DATA_DIR = 'plan-data'
LINK_CLASS = 'skill-plan-link'
CALLBACK = 'window.skillPlan.receive'
FORMAT_VERSION = 2  # the page's script reads only data of its own version
SKILL_KEY_LENGTH = 4
HASH_LENGTH = 2
DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz'


def base36(data: bytes, length: int) -> str:
    number = int.from_bytes(data, 'big')
    digits = []
    for _index in range(length):
        number, digit = divmod(number, 36)
        digits.append(DIGITS[digit])
    return ''.join(digits)


def skill_key(skill_id: str) -> str:
    """The skill's name in a plan's link: 4 base-36 digits of a hash of its id."""
    return base36(hashlib.sha256(skill_id.encode('utf-8')).digest(), SKILL_KEY_LENGTH)


def text_hash(required: bool, description: str) -> str:
    """2 base-36 digits of a hash of a cell's English text and flag (whitespace collapsed)."""
    text = f'{int(required)}:{" ".join(description.split())}'
    return base36(hashlib.sha256(text.encode('utf-8')).digest(), HASH_LENGTH)


def slug(text: str) -> str:
    """The id of a domain: its English name in lower case, words joined by hyphens."""
    return re.sub(r'[^a-z0-9]+', '-', text.casefold()).strip('-')


@dataclass(frozen=True)
class PlanSkill:
    """A skill as the plan shows it: its texts in the page's language, and where it is from."""

    texts: SkillTexts
    domain_id: str
    hashes: dict[str, dict[str, str]]
    """role id → level id → :func:`text_hash` of the English cell."""
    href: str | None


def role_data(role_id: str, skills: list[PlanSkill], language: str) -> dict[str, Any]:
    """Everything the plan needs about one role: its skills, sorted by domain, group and title.

    Each skill names its domain and group by their index in ``domains`` (name and id) and
    ``groups``; each cell is ``[required (0/1), description, text hash]``, level by level.
    """
    chosen = [skill for skill in skills if role_id in skill.hashes]
    chosen.sort(
        key=lambda skill: (
            skill.texts.domain.casefold(),
            skill.texts.group.casefold(),
            skill.texts.title.casefold(),
        )
    )
    domains: dict[tuple[str, str], int] = {}
    groups: dict[str, int] = {}
    entries = []
    for skill in chosen:
        texts = skill.texts
        cells = {
            item.level_id: [int(item.required), item.description, skill.hashes[role_id][item.level_id]]
            for item in texts.expectations
            if item.role_id == role_id
        }
        entry: dict[str, Any] = {
            'id': texts.id,
            'key': skill_key(texts.id),
            'title': texts.title,
            'domain': domains.setdefault((texts.domain, skill.domain_id), len(domains)),
            'group': groups.setdefault(texts.group, len(groups)),
            'cells': [cells[level.id] for level in texts.levels],
        }
        if skill.href:
            entry['href'] = skill.href
        entries.append(entry)
    return {
        'version': FORMAT_VERSION,
        'language': language,
        'role': role_id,
        'domains': [list(domain) for domain in domains],
        'groups': list(groups),
        'skills': entries,
    }


def as_script(data: dict[str, Any]) -> str:
    """*data* as a call of the plan's callback; no text in it can end the script or the string."""
    text = json.dumps(data, ensure_ascii=False, separators=(',', ':'))
    for character, escaped in (
        ('<', '\\u003c'),
        ('>', '\\u003e'),
        ('&', '\\u0026'),
        ('\u2028', '\\u2028'),
        ('\u2029', '\\u2029'),
    ):
        text = text.replace(character, escaped)
    return f'{CALLBACK}({text});\n'


def write_role_scripts(outdir: Path, scripts: dict[str, str]) -> None:
    """Write ``plan-data/<role id>.js`` where changed; delete the scripts of removed roles."""
    directory = outdir / DATA_DIR
    directory.mkdir(parents=True, exist_ok=True)
    for role_id, text in scripts.items():
        path = directory / f'{role_id}.js'
        if path.is_file() and path.read_text(encoding='utf-8') == text:
            continue
        temporary = path.with_name(f'.{role_id}.{os.getpid()}.tmp')
        temporary.write_text(text, encoding='utf-8', newline='')
        temporary.replace(path)
    for path in directory.glob('*.js'):
        if path.stem not in scripts:
            path.unlink(missing_ok=True)


def plan_link(role_id: str | None = None) -> nodes.paragraph:
    """A small link to the plan (for *role_id*); its target is set when the page is written."""
    text = _('Plan your growth in this role') if role_id else _('Plan your growth across your skills')
    paragraph: nodes.paragraph = label('', classes=[LINK_CLASS])
    paragraph += nodes.reference(text, text, refuri='', internal=True, plan_role=role_id or '')
    return paragraph


def plural(translate: Callable[[int], str]) -> dict[str, str]:
    """The forms for one and for more (*translate* calls ``ngettext``), which the script picks
    from with ``Intl.PluralRules``: enough for the site's languages (Chinese has one form)."""
    return {'one': translate(1), 'other': translate(2)}


def labels(language: str) -> dict[str, Any]:
    """The plan's words in the build language (the script fills in the {placeholders})."""
    return {
        'role': pgettext('column', 'Role'),
        'current': _('Current level'),
        'target': _('Target level'),
        'chooseRole': _('Choose a role'),
        'skillCurrent': _('Current level in {skill}'),
        'sameAsRole': _('As for the role ({level})'),
        'covered': _('covered'),
        'progress': plural(
            lambda n: ngettext('{covered} of {total} covered', '{covered} of {total} covered', n)
        ),
        'hint': plural(
            lambda n: ngettext(
                '{covered} of {total} {level} expectation covered',
                '{covered} of {total} {level} expectations covered',
                n,
            )
        ),
        'changed': _('changed since you ticked it'),
        'becomesRequired': _('Becomes required'),
        'becomesOptional': _('No longer required'),
        'required': pgettext('flag', 'Required'),
        'optional': pgettext('flag', 'Optional'),
        'nothing': _('Nothing to cover: {current} and {target} expect the same.'),
        'atTarget': _('Nothing to cover: the current level is not below {target}.'),
        'noSkills': _('No skill lists this role yet.'),
        'loading': _('Loading the expectations of {name}…'),
        'loadFailed': _('The expectations of {name} could not be loaded.'),
        'summary': _('{name}: from {current} to {target}'),
        'date': _('Date: {date}'),
        'title': _('Growth plan'),
        'downloadMarkdown': _('Download Markdown'),
        'copyMarkdown': _('Copy as Markdown'),
        'copied': _('The plan is copied as Markdown.'),
        'copyFailed': _('The browser did not allow copying: use Download Markdown.'),
        'downloadCsv': _('Download CSV'),
        'skill': _('Skill'),
        'domain': _('Domain'),
        'group': _('Group'),
        'level': pgettext('column', 'Level'),
        'description': pgettext('column', 'Description'),
        'previous': _('Before ({level})'),
        'next': _('Now ({level})'),
        'ignored': _('Some of this link could not be read and was ignored: {parts}.'),
        'ignoredRole': _('the unknown role “{value}”'),
        'ignoredLevel': _('the unknown level “{value}”'),
        'ignoredTicks': plural(
            lambda n: ngettext('{count} unreadable ticked item', '{count} unreadable ticked items', n)
        ),
        'ignoredOverrides': plural(
            lambda n: ngettext(
                '{count} unreadable level of a skill', '{count} unreadable levels of skills', n
            )
        ),
        'numericDate': language.replace('-', '_').split('_')[0] in NUMERIC_DATE_LANGUAGES,
    }
