"""Nodes of the catalog: a group's table of skills, the start page's list, a skill's breadcrumb.

Links to domain pages and their group sections are ``skill:catalog`` cross-references
(``<domain id>`` or ``<domain id>#<group id>``), resolved by the skill domain when domain
pages are built; names and titles stay translatable nodes inside them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.addnodes import pending_xref

from skill_matrix.data.domains import slug
from skill_matrix.labels import _, format_date, ngettext, pgettext
from skill_matrix.nodes.matrix import number_paragraph, table
from skill_matrix.nodes.rows import table_row
from skill_matrix.nodes.text import label, make_text, skill_inline, skill_label, wrap_text

if TYPE_CHECKING:
    from skill_matrix.data.domains import Catalog, Group
    from skill_matrix.data.model import Definitions, Skill


class skill_breadcrumb(nodes.General, nodes.Element):
    """Domain › Group › Skill above a skill's matrix (HTML only: a ``<nav>`` landmark)."""


class skill_search(nodes.General, nodes.Element):
    """A search form leading to the site's search page (HTML only)."""


def catalog_link(target: str, docname: str, *children: nodes.Node) -> pending_xref:
    return pending_xref(
        '',
        *children,
        refdomain='skill',
        reftype='catalog',
        reftarget=target,
        refdoc=docname,
        refexplicit=True,
    )


def skill_link(skill: Skill, node: nodes.TextElement) -> nodes.Element:
    reference = pending_xref('', refdomain='skill', reftype='ref', reftarget=skill.id, refexplicit=True)
    return wrap_text(node, reference)


def count_label(count: int) -> nodes.inline:
    """The count "3 skills", already translated (a plain inline: Sphinx never extracts or translates it)."""
    text = ngettext('{count} skill', '{count} skills', count).format(count=count)
    return nodes.inline(text, text, classes=['skill-count'])


def group_table(group: Group, definitions: Definitions, language: str) -> nodes.table:
    """The group's skills: title (linked), roles, levels, required, optional, last updated."""
    rows = []
    for skill in group.skills:
        required = sum(item.required for item in skill.expectations)
        cells = [
            skill_link(skill, make_text(skill.title)),
            number_paragraph(len(skill.role_ids)),
            number_paragraph(len(definitions.levels)),
            number_paragraph(required),
            number_paragraph(len(skill.expectations) - required),
            label(format_date(skill.updated, language), classes=['skill-updated']),
        ]
        rows.append(table_row(cells, classes=['skill-overview-row', f'skill-overview-{skill.id}']))
    headers = [
        _('Skill'),
        _('Roles'),
        _('Levels'),
        pgettext('count', 'Required'),
        pgettext('count', 'Optional'),
        _('Last updated'),
    ]
    return table(None, headers, [40, 10, 10, 10, 10, 20], rows, ['skill-overview', 'skill-group-table'])


def catalog_list(catalog: Catalog, docname: str) -> list[nodes.Element]:
    """Every domain with its groups and their skills, with counts, linked to the domain pages."""
    result: list[nodes.Element] = []
    for domain in catalog.domains:
        heading = nodes.rubric(
            '',
            '',
            catalog_link(domain.id, docname, make_text(domain.name, skill_inline)),
            nodes.Text(' '),
            count_label(len(domain.skills)),
            classes=['skill-catalog-domain', f'skill-domain-{domain.id}'],
            translatable=False,
        )
        result.append(heading)
        if domain.description:
            result.append(make_text(domain.description, classes=['skill-catalog-description']))
        groups = nodes.bullet_list(classes=['skill-catalog-groups'])
        for group in domain.groups:
            line = skill_label(
                '',
                '',
                catalog_link(f'{domain.id}#{group.id}', docname, make_text(group.name, skill_inline)),
                nodes.Text(' '),
                count_label(len(group.skills)),
                classes=['skill-catalog-group'],
                translatable=False,
            )
            skills = skill_label(classes=['skill-catalog-skills'], translatable=False)
            for index, skill in enumerate(group.skills):
                if index:
                    skills += nodes.Text(' · ')
                skills += skill_link(skill, make_text(skill.title, skill_inline))
            groups += nodes.list_item('', line, skills, classes=[f'skill-group-{group.id}'])
        result.append(groups)
    return result


def breadcrumb(skill: Skill, docname: str) -> skill_breadcrumb:
    """Domain › Group › Skill: links to the domain page and to the group's section on it."""
    domain_id, group_id = slug(skill.domain.text), slug(skill.group.text)
    separator = ' › '
    line = skill_label(
        '',
        '',
        catalog_link(domain_id, docname, make_text(skill.domain, skill_inline)),
        nodes.Text(separator),
        catalog_link(f'{domain_id}#{group_id}', docname, make_text(skill.group, skill_inline)),
        nodes.Text(separator),
        make_text(skill.title, skill_inline, classes=['skill-breadcrumb-current']),
        translatable=False,
    )
    return skill_breadcrumb('', line, classes=['skill-breadcrumb'])
