"""The skill matrix: ``.. skill-matrix:: <skill id>`` (a skill's role × level expectations as
tables), ``.. skill-overview::``, ``.. skill-schema::``, and what every page of skills shares.

Every build validates the data directory once and reports each problem at its file and line;
the validated files are kept for the next build (:mod:`skill_matrix.data.store`). The ``skill``
domain (:mod:`skill_matrix.state`) records which page shows which skill. In HTML, a skill's
page offers its matrix as CSV and JSON (:mod:`skill_matrix.html.downloads`) and a level picker
(:mod:`skill_matrix.html.explorer`); its tables are accessible and every row can be linked
(:mod:`skill_matrix.html.accessibility`, :mod:`skill_matrix.html.anchors`). In the PDF the
tables fit the page and the fixed texts are in the build language (``_latex.py``).

Behind this face: ``_data.py`` (configuration, data problems, the store, pages to read again),
``_directives.py``, ``_html.py`` (assets of the pages that need them) and ``_latex.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.html import STATIC_DIR, static_dir
from skill_matrix.html.accessibility import depart_entry, visit_title
from skill_matrix.html.anchors import DropCopiedIds, depart_title, visit_entry
from skill_matrix.html.downloads import finish_downloads, write_downloads
from skill_matrix.html.explorer import emit_explorer_data
from skill_matrix.html.header import visit_skill_facts, visit_skill_stats
from skill_matrix.html.rows import OrdinaryNodes, resolve_matrix_rows, visit_skill_rows, visit_skill_table
from skill_matrix.matrix._data import (
    check_config,
    outdated_overviews,
    relinked_overviews,
    report_data_problems,
    report_skills_without_page,
    save_store,
)
from skill_matrix.matrix._directives import SkillMatrixDirective, SkillOverviewDirective, SkillSchemaDirective
from skill_matrix.matrix._html import add_page_assets
from skill_matrix.matrix._latex import LaTeXColumns, LaTeXMatrixTargets, localize_fixed_texts
from skill_matrix.matrix._transforms import HiddenTextsAsNodes, PlainRichText
from skill_matrix.nodes.matrix import skill_facts, skill_stats, skill_table
from skill_matrix.nodes.pagedata import drop_skill_data, level_data, skill_data, skip_node
from skill_matrix.nodes.rows import skill_rows
from skill_matrix.nodes.text import (
    depart_skill_examples_latex,
    depart_skill_name,
    skill_caption,
    skill_examples,
    skill_inline,
    skill_label,
    skill_name,
    skill_rich_text,
    skill_text,
    visit_skill_examples_html,
    visit_skill_examples_latex,
    visit_skill_name,
)
from skill_matrix.state import SkillDomain

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_matrix(app: Sphinx) -> None:
    """Register the skill matrix's configuration values, nodes, domain, directives and events."""
    app.add_config_value('skill_matrix_data_dir', 'data', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_default_layout', 'by-level', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_edit_url', None, 'env', types=frozenset({str, type(None)}))

    # Sphinx's translators render these as the paragraph and title they extend; registering
    # them makes docutils' own visitors treat them as ordinary nodes too.
    app.add_node(skill_text)
    app.add_node(skill_caption)
    app.add_node(skill_label)
    app.add_node(skill_inline)
    app.add_node(skill_rich_text)  # an example's, inside a list: docutils' list checker visits it
    app.add_node(skill_name, html=(visit_skill_name, depart_skill_name))
    app.add_node(
        skill_examples,
        html=(visit_skill_examples_html, None),
        latex=(visit_skill_examples_latex, depart_skill_examples_latex),
    )
    skip = (skip_node, None)
    app.add_node(level_data, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(skill_data, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    # the expectations of skill and role pages' tables, kept as data: HTML writes them from
    # the data, the other builders get table rows (OrdinaryNodes; role pages: skill_matrix.roles)
    app.add_node(skill_rows, html=(visit_skill_rows, None))
    # a skill page's level and role tables, short: HTML writes the ordinary table in their place,
    # the other builders get it (OrdinaryNodes)
    app.add_node(skill_table, html=(visit_skill_table, None))
    # a skill page's facts and numbers, kept as data: HTML writes their lists as strings, the
    # other builders get the lists (OrdinaryNodes)
    app.add_node(skill_facts, html=(visit_skill_facts, None))
    app.add_node(skill_stats, html=(visit_skill_stats, None))
    # <th> with a scope; a "link to this" in rows, cells and captions that have a link id
    app.add_node(nodes.entry, override=True, html=(visit_entry, depart_entry))
    app.add_node(nodes.title, override=True, html=(visit_title, depart_title))

    app.add_domain(SkillDomain)
    app.add_directive('skill-matrix', SkillMatrixDirective)
    app.add_directive('skill-overview', SkillOverviewDirective)
    app.add_directive('skill-schema', SkillSchemaDirective)
    app.add_post_transform(OrdinaryNodes)
    app.add_post_transform(HiddenTextsAsNodes)
    app.add_post_transform(LaTeXColumns)
    app.add_post_transform(LaTeXMatrixTargets)
    app.add_post_transform(PlainRichText)
    app.add_post_transform(DropCopiedIds)

    app.connect('config-inited', check_config)
    app.connect('builder-inited', report_data_problems)
    app.connect('builder-inited', static_dir(STATIC_DIR))
    app.connect('builder-inited', localize_fixed_texts)
    app.connect('env-get-outdated', outdated_overviews)
    app.connect('env-get-updated', relinked_overviews)
    app.connect('env-check-consistency', report_skills_without_page)
    app.connect('doctree-resolved', resolve_matrix_rows)
    app.connect('doctree-resolved', write_downloads)
    app.connect('doctree-resolved', emit_explorer_data)
    app.connect('doctree-resolved', drop_skill_data, priority=900)
    app.connect('html-page-context', add_page_assets)
    app.connect('build-finished', finish_downloads)
    app.connect('build-finished', save_store)
