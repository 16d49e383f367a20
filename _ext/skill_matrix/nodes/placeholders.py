"""Places on a page for what only HTML readers get: the download links, the level picker and the
links to the growth plan. Directives put them in while a page is read; once the doctree is
resolved, the HTML builders of websites fill them (:mod:`skill_matrix.html.downloads`,
:mod:`skill_matrix.html.explorer`, :mod:`skill_matrix.plan`) and the other builders drop them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.labels import _
from skill_matrix.nodes.pagedata import build_skill_data
from skill_matrix.nodes.text import label

if TYPE_CHECKING:
    from skill_matrix.data.model import Definitions, Skill

DOWNLOAD_FORMATS = ('csv', 'json')
PLAN_LINK_CLASS = 'skill-plan-link'


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
