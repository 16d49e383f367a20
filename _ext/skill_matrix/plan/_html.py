"""The growth plan's data: one script per role in the page's language (``plan-data/<role id>.js``).

The plan page (``_directives.py``) holds only the roles, the levels and its labels; its
script (``html/static/skill_plan.js``) loads the chosen role's data by adding a ``<script src>``
for ``plan-data/<role id>.js``, which hands the data to ``window.skillPlan.receive``. A script
element works where ``fetch`` does not: from a local file (``file://``) too.

Once a doctree is resolved, the links to the plan (:func:`~skill_matrix.nodes.placeholders.plan_link`)
get their target, and the plan's page its data; builders other than those of websites drop both.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.osutil import relative_uri

from skill_matrix.data import richtext
from skill_matrix.data.linkkeys import REFERENCE_LENGTH, link_keys, skill_reference
from skill_matrix.html.charts import add_chart_files, has_container
from skill_matrix.html.downloads import offers_downloads
from skill_matrix.html.explorer import script_block
from skill_matrix.labels import NUMERIC_DATE_LANGUAGES, _, ngettext, pgettext
from skill_matrix.nodes.pagedata import level_data, read_level_data, read_skill_data, skill_data
from skill_matrix.nodes.placeholders import PLAN_LINK_CLASS
from skill_matrix.plan._directives import PLAN_CLASS
from skill_matrix.state import BuildState

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx

    from skill_matrix.nodes.pagedata import SkillTexts

DATA_DIR = 'plan-data'
CALLBACK = 'window.skillPlan.receive'
FORMAT_VERSION = 3  # the page's script reads only data of its own version
SCRIPT = 'skill_plan.js'
STYLESHEET = 'skill_plan.css'


@dataclass(frozen=True)
class PlanSkill:
    """A skill as the plan shows it: its texts in the page's language, and where it is from."""

    texts: SkillTexts
    domain_id: str
    hashes: dict[str, dict[str, str]]
    """role id → level id → :func:`text_hash` of the English cell."""
    href: str | None


def role_data(role_id: str, skills: list[PlanSkill], language: str, keys: dict[str, str]) -> dict[str, Any]:
    """Everything the plan needs about one role: its skills, sorted by domain, group and title.

    Each skill names its domain and group by their index in ``domains`` (name and id) and
    ``groups``; each cell is ``[required (0/1), description, text hash]``, level by level, and
    the cell's examples (a list) as a fourth item when it has some.
    ``key`` is the skill's name in links (*keys*: every skill of the build, collision-free),
    ``ref`` the start of its reference, by which links written before read (``data/linkkeys.py``).
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
            item.level_id: [
                int(item.required),
                richtext.plain_text(item.description),
                skill.hashes[role_id][item.level_id],
                *([[richtext.plain_text(example) for example in item.examples]] if item.examples else []),
            ]
            for item in texts.expectations
            if item.role_id == role_id
        }
        entry: dict[str, Any] = {
            'id': texts.id,
            'key': keys[texts.id],
            'ref': skill_reference(texts.id, max(REFERENCE_LENGTH, len(keys[texts.id]))),
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
        **comparison_labels(),
        **chart_labels(),
    }


def comparison_labels() -> dict[str, str]:
    """The words of a second assessment beside the plan's own (a manager's, say)."""
    return {
        'firstDefault': _('Me'),
        'secondDefault': _('Manager'),
        'compareTitle': _('Compare with a second assessment'),
        'firstName': _('Name of this assessment'),
        'secondLink': _('Link of the second assessment'),
        'secondName': _('Name of the second assessment'),
        'secondCurrent': _('Current level of the second assessment'),
        'compare': _('Compare'),
        'removeSecond': _('Remove the second assessment'),
        'onlyDiffer': _('Only where the two differ'),
        'onlyBlocking': _('Only what blocks the target'),
        'differs': _('Differs'),
        'levelsDiffer': _('Levels differ: {first} {firstLevel}, {second} {secondLevel}'),
        'ticksDiffer': _('Ticked items differ'),
        'notOnPath': _('{name}: not on the way to the target'),
        'sideText': _('{name}: {text}'),
        'compared': _('compared: {first} {firstLevel}, {second} {secondLevel}'),
        'noneShown': _('Nothing to show with these filters.'),
        'secondUnreadable': _('the second link is not the link of a growth plan'),
        'secondOtherRole': _('the second link is a plan for {other}, not for {name}'),
        'secondOtherTarget': _('the second assessment aims at {level}; both are compared towards {target}'),
        'skillCurrentOf': _('Current level in {skill} ({name})'),
    }


def chart_labels() -> dict[str, str]:
    """The words of the plan's chart."""
    return {
        'chartDomains': _('Profile by domain'),
        'chartGroups': _('Profile by group'),
        'chartNote': _(
            'Average level reached per skill ({first} = 1): the current level, raised by each '
            'level on the way whose items are all ticked.'
        ),
        'targetSeries': _('Target ({level})'),
        'skills': _('Skills'),
    }


def resolve_plan(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point the links at the plan's page (or drop them); write the plan's data (or drop it)."""
    page = app.config.skill_matrix_plan_page
    html = offers_downloads(app.builder) and bool(page) and page in app.env.found_docs
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if PLAN_LINK_CLASS not in paragraph['classes']:
            continue
        if not html:
            paragraph.parent.remove(paragraph)
            continue
        for link in paragraph.findall(nodes.reference):
            role_id = link.get('plan_role')
            uri = app.builder.get_relative_uri(docname, page)
            link['refuri'] = f'{uri}?role={role_id}' if role_id else uri
    for plan in list(doctree.findall(nodes.container)):
        if PLAN_CLASS not in plan['classes']:
            continue
        if offers_downloads(app.builder):
            write_plan(app, plan, docname)
        else:
            plan.parent.remove(plan)


def write_plan(app: Sphinx, plan: nodes.container, docname: str) -> None:
    """Write each role's data script from the plan's (translated) texts; add the page's JSON block.

    Each skill links to the page that shows its whole matrix, relative to the plan's page.
    """
    domain = BuildState(app.env).domain
    levels = next(child for child in plan.children if isinstance(child, level_data))
    skills = []
    for data in plan.findall(skill_data):
        found = domain.page_of(data['skill'])
        href = None
        if found:
            target, node_id, _title = found
            href = f'{app.builder.get_relative_uri(docname, target)}#{node_id}'
        skills.append(PlanSkill(read_skill_data(data), data['plan_domain'], data['plan_hashes'], href))
    roles = [
        {'id': node['plan_role'], 'name': node.astext()}
        for node in plan.findall(nodes.Element)
        if node.get('plan_role') and isinstance(node, nodes.paragraph)
    ]
    language = app.config.language
    keys = link_keys(skill.texts.id for skill in skills)
    scripts = {role['id']: as_script(role_data(role['id'], skills, language, keys)) for role in roles}
    write_role_scripts(Path(app.outdir), scripts)
    plan_labels = labels(language)
    if 'plan_next' in plan:
        plan_labels['via'] = _('via {path}')
    if any(item.examples for skill in skills for item in skill.texts.expectations):
        plan_labels['examples'] = plural(lambda n: ngettext('Example ({count})', 'Examples ({count})', n))
        plan_labels['examplesColumn'] = pgettext('column', 'Examples')  # the CSV's, as in the downloads
    config = {
        'version': FORMAT_VERSION,
        'language': language,
        'roles': roles,
        'levels': [{'id': level.id, 'name': level.name} for level in read_level_data(levels)],
        'data': relative_uri(app.builder.get_target_uri(docname), f'{DATA_DIR}/'),
        'labels': plan_labels,
    }
    if 'plan_next' in plan:
        config['next'] = plan['plan_next']
    plan += script_block(config, 'skill-plan-config')


def add_plan_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """The plan's page loads the chart's files, the plan's script and stylesheet (and the
    extension's, for print)."""
    if has_container(doctree, PLAN_CLASS):
        add_chart_files(app)
        app.add_js_file(SCRIPT, loading_method='defer')
        app.add_css_file(STYLESHEET)
        app.add_css_file('skill_matrix.css')
