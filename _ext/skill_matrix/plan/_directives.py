"""The growth plan's page: ``.. growth-plan::``, and the hashes that name skills and texts in a plan.

The directive makes the page's title, an introduction, what readers without JavaScript need
(links to the role pages), and a hidden :class:`~skill_matrix.nodes.pagedata.skill_data` node
per skill, so that every text is translated with the page. Once the doctree is resolved, the
HTML builders of websites write one data script per role (``_html.py``) and put a small JSON
block (roles, levels, labels) in the page: the page itself does not grow with the number of
skills.

Every cell carries a short hash of its English source text and flag
(:func:`~skill_matrix.data.linkkeys.text_hash`), the same in every language, so that a plan's
link knows, in any language, whether the text of a ticked item changed since it was ticked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.util.nodes import make_id

from skill_matrix.data.linkkeys import text_hash
from skill_matrix.data.loader import skill_files
from skill_matrix.directives import SkillDataDirective
from skill_matrix.labels import _
from skill_matrix.nodes.pagedata import build_level_data, build_skill_data
from skill_matrix.nodes.text import label, make_text, wrap_text

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

PLAN_CLASS = 'skill-growth-plan'


def slug(text: str) -> str:
    """The id of a domain: its English name in lower case, words joined by hyphens."""
    return re.sub(r'[^a-z0-9]+', '-', text.casefold()).strip('-')


class GrowthPlanDirective(SkillDataDirective):
    """``.. growth-plan::``: the plan's page: title, introduction, and the texts of every skill."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        definitions = self.definitions()
        if definitions is None:
            return []
        self.domain.note_overview(self.env.docname)  # added or removed skill files rebuild it
        skills = [skill for path in skill_files(self.data_dir) if (skill := self.skill(path, definitions))]
        plan = nodes.container('', build_level_data(definitions), classes=[PLAN_CLASS])
        if (next_levels := definitions.next_levels()) is not None:
            plan['plan_next'] = next_levels
        plan += label(
            _(
                'Choose your role, your current level and the level you aim for: the plan lists, '
                'skill by skill, what changes between them. Tick what you have covered; the link '
                'of this page keeps your plan.'
            ),
            classes=['skill-plan-intro'],
        )
        without_script = nodes.container('', classes=['skill-plan-noscript'])
        without_script += label(
            _(
                'The plan needs JavaScript, which is off or not available. '
                'Every expectation is also on the role pages:'
            )
        )
        directory = self.config.skill_matrix_role_pages
        items = nodes.bullet_list()
        for role in definitions.roles:
            name: nodes.paragraph = make_text(role.name, plan_role=role.id)
            if directory:
                wrap_text(name, self.doc_reference(f'{directory}/{role.id}'))
            items += nodes.list_item('', name)
        without_script += items
        plan += without_script
        for skill in skills:
            data = build_skill_data(
                skill, definitions, role_ids=skill.role_ids, level_ids=definitions.level_ids
            )
            data['plan_domain'] = slug(skill.domain.text)
            data['plan_hashes'] = {
                role_id: {
                    item.level_id: text_hash(item.required, item.description.text)
                    for item in skill.expectations
                    if item.role_id == role_id
                }
                for role_id in skill.role_ids
            }
            plan += data
        title = label(_('Growth plan'), nodes.title)
        section = nodes.section('', title, plan, classes=['skill-plan-page'])
        section['ids'].append(make_id(self.env, self.state.document, '', title.astext()))
        section['names'].append(nodes.fully_normalize_name(title.astext()))
        self.state.document.note_implicit_target(section)
        self.set_source_info(section)
        self.set_source_info(plan)
        return [section]
