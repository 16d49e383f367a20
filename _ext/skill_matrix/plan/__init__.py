"""The personal growth plan: ``.. growth-plan::`` and the links to it from role and skill pages.

``skill_matrix_plan_page`` names the plan's page (``'plan'`` on this site); role and skill pages
link to it when it is set and the page exists. The page holds the roles, levels and labels; each
role's expectations are a script of their own (``plan-data/<role id>.js``) that the page's
script loads when a reader picks the role. Builders other than those of websites drop the plan
and the links to it.

Behind this face: ``_directives.py`` (the page, and the hashes that name skills and texts in a
plan's link) and ``_html.py`` (the data scripts, the page's JSON block, its assets). The script
and stylesheet are ``html/static/skill_plan.{js,css}``, where the contributor guide (part of
the site, translated) names them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill_matrix.plan._directives import GrowthPlanDirective
from skill_matrix.plan._html import add_plan_assets, as_script, resolve_plan

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ['as_script', 'setup_plan']


def setup_plan(app: Sphinx) -> None:
    """Register the plan's configuration value, directive, assets and events."""
    app.add_config_value('skill_matrix_plan_page', '', 'env', types=frozenset({str}))
    app.add_directive('growth-plan', GrowthPlanDirective)
    app.connect('doctree-resolved', resolve_plan)
    app.connect('html-page-context', add_plan_assets)
