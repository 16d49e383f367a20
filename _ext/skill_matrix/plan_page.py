"""The personal growth plan: ``.. growth-plan::`` and the links to it from role and skill pages.

The directive makes the page's title, an introduction, what readers without JavaScript need
(links to the role pages), and a hidden :class:`~skill_matrix.nodes.pagedata.skill_data` node
per skill, so that every text is translated with the page. Once the doctree is resolved, the
HTML builders of websites write one data script per role (:mod:`skill_matrix.html.plan_data`)
and put a small JSON block (roles, levels, labels) in the page: the page itself does not grow
with the number of skills. Other builders drop the plan and the links to it.

``skill_matrix_plan_page`` names the plan's page (``'plan'`` on this site); role and skill
pages link to it when it is set and the page exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from docutils import nodes
from sphinx.util.nodes import make_id
from sphinx.util.osutil import relative_uri

from skill_matrix.data.loader import skill_files
from skill_matrix.directives import SkillDataDirective
from skill_matrix.html.downloads import offers_downloads
from skill_matrix.html.explorer import script_block
from skill_matrix.html.plan_data import (
    DATA_DIR,
    FORMAT_VERSION,
    LINK_CLASS,
    PlanSkill,
    as_script,
    labels,
    role_data,
    slug,
    text_hash,
    write_role_scripts,
)
from skill_matrix.i18n.labels import _, level_name
from skill_matrix.nodes.pagedata import build_skill_data, read_skill_data, skill_data
from skill_matrix.nodes.text import label, make_text, wrap_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec

    from skill_matrix.domain import SkillDomain

PLAN_CLASS = 'skill-growth-plan'
SCRIPT = 'skill_plan.js'
STYLESHEET = 'skill_plan.css'


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
        plan = nodes.container(
            '',
            classes=[PLAN_CLASS],
            plan_levels=[(level.id, level_name(level.name)) for level in definitions.levels],
        )
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


def resolve_plan(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Point the links at the plan's page (or drop them); write the plan's data (or drop it)."""
    page = app.config.skill_matrix_plan_page
    html = offers_downloads(app.builder) and bool(page) and page in app.env.found_docs
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if LINK_CLASS not in paragraph['classes']:
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
    domain = cast('SkillDomain', app.env.domains['skill'])
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
    scripts = {role['id']: as_script(role_data(role['id'], skills, language)) for role in roles}
    write_role_scripts(Path(app.outdir), scripts)
    config = {
        'version': FORMAT_VERSION,
        'language': language,
        'roles': roles,
        'levels': [{'id': level_id, 'name': name} for level_id, name in plan['plan_levels']],
        'data': relative_uri(app.builder.get_target_uri(docname), f'{DATA_DIR}/'),
        'labels': labels(language),
    }
    plan += script_block(config, 'skill-plan-config')


def add_plan_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """The plan's page loads the plan's script and stylesheet (and the extension's, for print)."""
    if doctree is not None and any(
        PLAN_CLASS in node['classes'] for node in doctree.findall(nodes.container)
    ):
        app.add_js_file(SCRIPT, loading_method='defer')
        app.add_css_file(STYLESHEET)
        app.add_css_file('skill_matrix.css')
