"""The level picker and role filter of a skill page (``static/skill_explorer.js``).

At read time the directive adds an empty ``div.skill-explorer`` holding the skill's texts
(:mod:`skill_matrix.nodes.pagedata`). Once the doctree is resolved, the HTML builders get a JSON
block in that div with the level and role names, the expectations and the UI labels, all in
the page's language; the script builds the controls from it. Without JavaScript the div stays
empty and the page shows every table, as the PDF does. Other builders drop the div.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from docutils import nodes

from skill_matrix.i18n.labels import _, pgettext
from skill_matrix.nodes.pagedata import build_skill_data, read_skill_data, skill_data

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from skill_matrix.data.model import Definitions, Skill
    from skill_matrix.nodes.pagedata import SkillTexts

SCRIPT = 'skill_explorer.js'
STYLESHEET = 'skill_explorer.css'


def build_explorer(
    skill: Skill, definitions: Definitions, *, role_ids: tuple[str, ...], level_ids: tuple[str, ...]
) -> nodes.container:
    """The place of the controls, with the texts they need (translated with the page)."""
    return nodes.container(
        '',
        build_skill_data(skill, definitions, role_ids=role_ids, level_ids=level_ids),
        classes=['skill-explorer'],
    )


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
        'required': pgettext('flag', 'Required'),
        'optional': pgettext('flag', 'Optional'),
        'becomesRequired': _('Becomes required'),
        'becomesOptional': _('No longer required'),
        'caption': _('{current} compared with {target}'),
        'status': _(
            '{current} compared with {target}: the required flag changes for {count} of {total} roles.'
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
                'description': item.description,
            }
    return {
        'skill': texts.id,
        'levels': [{'id': level_id, 'name': level_names[level_id]} for level_id in texts.shown_level_ids],
        'roles': [{'id': role_id, 'name': names[role_id]} for role_id in texts.shown_role_ids],
        'expectations': expectations,
        'labels': labels(),
    }


def script_block(data: dict[str, Any]) -> nodes.raw:
    """*data* as a JSON block that no text in it can close early."""
    text = json.dumps(data, ensure_ascii=False, separators=(',', ':'))
    text = text.replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')
    html = f'<script type="application/json" class="skill-explorer-data">{text}</script>'
    return nodes.raw('', html, format='html')


def emit_explorer_data(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Fill each explorer with its JSON block (HTML), or drop it (other formats)."""
    html = app.builder.format == 'html'
    for explorer in list(doctree.findall(nodes.container)):
        if 'skill-explorer' not in explorer['classes']:
            continue
        data = explorer.next_node(skill_data)
        if not html or data is None:
            explorer.parent.remove(explorer)
            continue
        explorer += script_block(explorer_data(read_skill_data(data)))
