"""The level picker of skill and role pages, the role filter of skill pages (``static/skill_explorer.js``).

At read time the skill-matrix directive adds an empty ``div.skill-explorer`` holding the skill's
texts (:mod:`skill_matrix.nodes.placeholders`); the role-profile directive adds one that names the
role, whose texts are those of the page's own level tables. Once the doctree is resolved, the
HTML builders get a JSON block in that div with the level names (and, with level tracks, each
level's next levels), the rows of the comparison
(a skill page's roles, a role page's skills), the expectations and the UI labels, all in the
page's language; the script builds the controls from it. Without JavaScript the div stays
empty and the page shows every table, as the PDF does. Other builders drop the div.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from docutils import nodes

from skill_matrix.data import richtext
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.pagedata import read_skill_data, skill_data
from skill_matrix.nodes.role_tables import read_level_tables
from skill_matrix.nodes.text import examples_summary

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from skill_matrix.nodes.pagedata import SkillTexts
    from skill_matrix.nodes.role_tables import LevelTableTexts

SCRIPT = 'skill_explorer.js'
STYLESHEET = 'skill_explorer.css'


def labels() -> dict[str, str]:
    """The controls' words in the build language (the script fills in the {placeholders})."""
    return {
        'intro': _(
            'Choose your current level and compare expectations. '
            'The items below show what to cover to advance to the next level.'
        ),
        'current': _('Current level'),
        'target': _('Target level'),
        'allLevels': _('All levels (no comparison)'),
        'noTarget': _('none: {level} is the highest level'),
        'roles': pgettext('heading', 'Roles'),
        'role': pgettext('column', 'Role'),
        'skill': _('Skill'),
        'required': pgettext('flag', 'Required'),
        'optional': pgettext('flag', 'Optional'),
        'becomesRequired': _('Becomes required'),
        'becomesOptional': _('No longer required'),
        'caption': _('{current} compared with {target}'),
        'status': _(
            '{current} compared with {target}: the required flag changes for {count} of {total} roles.'
        ),
        'statusSkills': _(
            '{current} compared with {target}: the required flag changes for {count} of {total} skills.'
        ),
        'statusSingle': _('{current} is the highest level.'),
        'statusAll': _('Every level is shown.'),
        'reset': _('Show everything'),
        'linkedRow': _('The linked row ({name}, {level}) is shown, although your choice would hide it.'),
        'linkedTable': _('The linked table is shown, although your choice would hide it.'),
    }


def explorer_data(texts: SkillTexts) -> dict[str, Any]:
    """What the script needs about the skill, restricted to the roles and levels the page shows."""
    names = {role.id: role.name for role in texts.roles}
    level_names = {level.id: level.name for level in texts.levels}
    expectations: dict[str, dict[str, dict[str, Any]]] = {}
    for item in texts.expectations:
        if item.role_id in texts.shown_role_ids and item.level_id in texts.shown_level_ids:
            expectations.setdefault(item.role_id, {})[item.level_id] = {
                'required': item.required,
                'description': richtext.plain_text(item.description),
                **examples_data(item.examples),
            }
    return {
        'skill': texts.id,
        'levels': [{'id': level_id, 'name': level_names[level_id]} for level_id in texts.shown_level_ids],
        'roles': [{'id': role_id, 'name': names[role_id]} for role_id in texts.shown_role_ids],
        'expectations': expectations,
        'labels': labels(),
    }


def role_explorer_data(role_id: str, tables: list[LevelTableTexts]) -> dict[str, Any]:
    """What the script needs on a role page: every skill of the role, level by level, as the
    page's tables show it (the skill names link to the skill pages)."""
    skills: dict[str, dict[str, str]] = {}
    expectations: dict[str, dict[str, dict[str, Any]]] = {}
    for table in tables:
        for row in table.rows:
            skill = skills.setdefault(row.skill_id, {'id': row.skill_id, 'name': row.title})
            if href := table.hrefs.get(row.skill_id):
                skill['href'] = href
            expectations.setdefault(row.skill_id, {})[table.level_id] = {
                'required': row.required,
                'description': richtext.plain_text(row.description),
                **examples_data([example.text for example in row.examples]),
            }
    return {
        'role': role_id,
        'levels': [{'id': table.level_id, 'name': table.name} for table in tables],
        'skills': list(skills.values()),
        'expectations': expectations,
        'labels': labels(),
    }


def examples_data(examples: Sequence[str]) -> dict[str, Any]:
    """A cell's examples for the comparison, as its table shows them collapsed: the summary
    ("Examples (2)") and each example's plain text; nothing for a cell without examples."""
    if not examples:
        return {}
    items = [richtext.plain_text(text) for text in examples]
    return {'examples': {'summary': examples_summary(len(examples)), 'items': items}}


def script_block(data: dict[str, Any], class_name: str = 'skill-explorer-data') -> nodes.raw:
    """*data* as a JSON block that no text in it can close early."""
    text = json.dumps(data, ensure_ascii=False, separators=(',', ':'))
    text = text.replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')
    html = f'<script type="application/json" class="{class_name}">{text}</script>'
    return nodes.raw('', html, format='html')


def emit_explorer_data(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill each explorer with its JSON block (HTML), or drop it (other formats)."""
    html = app.builder.format == 'html'
    for explorer in list(doctree.findall(nodes.container)):
        if 'skill-explorer' not in explorer['classes']:
            continue
        role_id = explorer.get('explorer_role')
        texts = explorer.next_node(skill_data)
        if html and role_id:
            data = role_explorer_data(role_id, read_level_tables(explorer.parent))
        elif html and texts is not None:
            data = explorer_data(read_skill_data(texts))
        else:
            explorer.parent.remove(explorer)
            continue
        if 'explorer_next' in explorer:
            data['next'] = explorer['explorer_next']
        explorer += script_block(data)
