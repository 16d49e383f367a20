"""The catalog: a page per domain (a section per group), the catalog on the start page, the
breadcrumb of skill pages and the navigation that follows Domain › Group › Skill.

With ``skill_matrix_domain_pages = 'domains'`` the extension writes a stub page per domain
(``domains/<domain id>.rst``: ``.. domain-page:: <domain id>``) when a build starts, as it does
for role pages. A domain page shows each group's skills in a table, and holds a hidden toctree
of the group's skill pages (``<skill_matrix_skill_pages>/<skill id>``) inside the group's
section, so that the navigation goes Domain › Group › Skill. ``.. skill-catalog::`` (the start
page) lists domains, groups and skills with counts and holds the toctree of the domain pages.
The sidebar shows only the branch that leads to a page (:mod:`skill_matrix.html.navigation`).

A domain page depends on its own skills' files only; when a skill is added, removed, renamed
or moves to another domain or group, the domain pages whose content changes are read again.

Behind this face: ``_directives.py`` (stubs, directives, pages to read again) and ``_html.py``
(the breadcrumb and the search form).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill_matrix.catalog._directives import (
    DomainPageDirective,
    SkillCatalogDirective,
    outdated_domain_pages,
    write_domain_stubs,
)
from skill_matrix.catalog._html import depart_breadcrumb, depart_search, visit_breadcrumb, visit_search
from skill_matrix.html.navigation import changed_navigation, use_furo_navigation, use_navigation
from skill_matrix.nodes.catalog import skill_breadcrumb, skill_search
from skill_matrix.nodes.pagedata import skip_node

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_catalog(app: Sphinx) -> None:
    """Register the catalog's configuration values, nodes, directives and events."""
    # A page per domain (domains/<domain id>.rst), the catalog navigation, breadcrumbs; skill pages
    # are <skill_matrix_skill_pages>/<skill id> in the domain pages' navigation.
    app.add_config_value('skill_matrix_domain_pages', '', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_skill_pages', 'skills', 'env', types=frozenset({str}))
    skip = (skip_node, None)
    app.add_node(
        skill_breadcrumb,
        html=(visit_breadcrumb, depart_breadcrumb),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_node(
        skill_search, html=(visit_search, depart_search), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.add_directive('domain-page', DomainPageDirective)
    app.add_directive('skill-catalog', SkillCatalogDirective)
    app.connect('builder-inited', write_domain_stubs)
    app.connect('env-get-outdated', outdated_domain_pages)
    app.connect('env-get-updated', changed_navigation)
    app.connect('html-page-context', use_navigation, priority=400)  # before the theme's handler
    app.connect('html-page-context', use_furo_navigation, priority=600)  # after furo's
