"""Places on a page for what only HTML readers get: the download links, the level picker, the
links to the growth plan and the role pages' chart. Directives put them in while a page is
read; once the doctree is resolved, the HTML builders of websites fill them
(:mod:`skill_matrix.html.downloads`, :mod:`skill_matrix.html.explorer`, :mod:`skill_matrix.plan`,
:mod:`skill_matrix.roles`) and the other builders drop them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.labels import _
from skill_matrix.nodes.pagedata import build_level_data, build_skill_data
from skill_matrix.nodes.text import label, make_text

if TYPE_CHECKING:
    from collections.abc import Sequence

    from skill_matrix.data.domains import Domain
    from skill_matrix.data.model import Definitions, Skill

DOWNLOAD_FORMATS = ('csv', 'json')
PLAN_LINK_CLASS = 'skill-plan-link'
ROLE_CHART_CLASS = 'skill-chart-box'


def build_download_links(skill_id: str) -> nodes.paragraph:
    """ "Download this matrix: CSV · JSON"; the links get their target when the page is written."""
    paragraph: nodes.paragraph = label(_('Download this matrix:'), classes=['skill-downloads'])
    for index, kind in enumerate(DOWNLOAD_FORMATS):
        paragraph += nodes.Text(' · ' if index else ' ')
        paragraph += nodes.reference(
            kind.upper(),
            kind.upper(),
            refuri='',
            skill_download=kind,
            skill=skill_id,
            classes=['skill-download'],
        )
    return paragraph


def build_explorer(
    skill: Skill, definitions: Definitions, *, role_ids: tuple[str, ...], level_ids: tuple[str, ...]
) -> nodes.container:
    """The place of the level picker's controls, with the texts they need (translated with the page)."""
    explorer = nodes.container(
        '',
        build_skill_data(skill, definitions, role_ids=role_ids, level_ids=level_ids),
        classes=['skill-explorer'],
    )
    return with_tracks(explorer, definitions)


def build_role_explorer(role_id: str, definitions: Definitions) -> nodes.container:
    """The place of a role page's controls; the texts come from the page's level tables."""
    return with_tracks(nodes.container('', classes=['skill-explorer'], explorer_role=role_id), definitions)


def with_tracks(explorer: nodes.container, definitions: Definitions) -> nodes.container:
    """*explorer*, noting which level follows which when the levels have tracks."""
    next_levels = definitions.next_levels()
    if next_levels is not None:
        explorer['explorer_next'] = next_levels
    return explorer


def plan_link(role_id: str | None = None) -> nodes.paragraph:
    """A small link to the plan (for *role_id*); its target is set when the page is written."""
    text = _('Plan your growth in this role') if role_id else _('Plan your growth across your skills')
    paragraph: nodes.paragraph = label('', classes=[PLAN_LINK_CLASS])
    paragraph += nodes.reference(text, text, refuri='', internal=True, plan_role=role_id or '')
    return paragraph


def build_role_chart(role_id: str, domains: Sequence[Domain], definitions: Definitions) -> nodes.container:
    """The place of a role page's chart: per domain (name translated with the page), the number of
    the role's skills and, level by level, how many of them the role requires."""
    chart = nodes.container('', classes=[ROLE_CHART_CLASS])
    counts = []
    for domain in domains:
        expectations = [
            skill.expectation(role_id, level.id) for skill in domain.skills for level in definitions.levels
        ]
        required = {level.id: 0 for level in definitions.levels}
        for item in expectations:
            required[item.level_id] += item.required
        counts.append(
            {'skills': len(domain.skills), 'required': [required[level.id] for level in definitions.levels]}
        )
        chart += make_text(domain.name, chart_axis=domain.id)
    chart += build_level_data(definitions)
    chart['chart_counts'] = counts
    return chart
