"""Role pages: one role's expectations in every skill, level by level, and an index of roles.

With ``skill_matrix_role_pages = 'roles'`` the extension writes a stub page per role of
``roles.yaml`` (``roles/<role id>.rst``: ``.. role-profile:: <role id>``) and ``roles/index.rst``
(``.. role-index::``) when a build starts, as autosummary writes its stubs: only files whose
content changes are written, and stubs of removed roles are deleted. In HTML, each role's name
in a skill matrix links to its page.

A level table keeps its rows as data (:class:`~skill_matrix.nodes.rows.skill_rows`): the HTML
builders write them straight from it (:mod:`skill_matrix.html.rows`), the others get ordinary rows.

A role page starts with a chart of the role's required skills per domain, level by level
(``html/static/skill_chart.js``, which the growth plan uses too; websites only).

Behind this face: ``_directives.py`` (the stubs and the two directives) and ``_html.py`` (the
rows in the output, the chart's data, the links to role pages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill_matrix.roles._directives import RoleIndexDirective, RoleProfileDirective, write_role_stubs
from skill_matrix.roles._html import add_chart_assets, emit_role_charts, link_role_names, resolve_level_rows

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ['setup_roles', 'write_role_stubs']


def setup_roles(app: Sphinx) -> None:
    """Register the role pages' configuration value, node, directives and events."""
    app.add_config_value('skill_matrix_role_pages', '', 'env', types=frozenset({str}))
    app.add_directive('role-profile', RoleProfileDirective)
    app.add_directive('role-index', RoleIndexDirective)
    app.connect('builder-inited', write_role_stubs)
    app.connect('doctree-resolved', link_role_names)
    # a role page's level rows: their links (HTML), or table rows for the other builders
    app.connect('doctree-resolved', resolve_level_rows, priority=400)  # before those that read the rows
    app.connect('doctree-resolved', emit_role_charts)
    app.connect('html-page-context', add_chart_assets)
