"""Review cycles in the site: the baseline of a build, what changed since, and where it shows.

The baseline is ``skill_matrix_since`` (any git ref; ``conf.py`` takes it from the environment
variable ``SINCE``, which ``make html SINCE=origin/main`` sets), else the newest tag matching
``skill_matrix_review_tags`` (default ``review/*``), else none. It is resolved once per build,
when the builder starts, and the changes are computed then (only the data files whose git blob
ids differ are parsed, see :mod:`skill_matrix.data.changes`). Without a baseline nothing of
this package shows and nothing else is done.

With a baseline:

* the page with ``.. skill-changes::`` lists every change, old and new text redlined, the
  texts as the build language showed them then (the catalog at the baseline) and shows them now;
* every changed row of a skill matrix and of a role page gets the class ``skill-changed`` and a
  marker linking to its entry (``_transforms.py``);
* HTML pages name the baseline in their footer (``_html.py``, ``static/``), the PDF on its
  title page and in a first chapter (``_latex.py``).

Behind this face: ``_state.py`` (the review of a build), ``_directives.py`` (the changes page),
``_transforms.py``, ``_html.py``, ``_latex.py``; the nodes are in :mod:`skill_matrix.nodes.changes`
(role tables mark their rows with them too), the changes themselves in
:mod:`skill_matrix.data.changes`.

The changes are summed up in a key kept in the environment: when the baseline, the data or the
changes differ from the last build's, every page that shows skills or changes is read again, so
an incremental build equals a clean one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.data.baseline import DEFAULT_TAG_PATTERN
from skill_matrix.html import add_templates, static_dir
from skill_matrix.nodes.changes import skill_change_marker, skill_deleted, skill_inserted, skill_line_break
from skill_matrix.nodes.pagedata import skip_node
from skill_matrix.review import _html, _latex
from skill_matrix.review._directives import (
    SkillChangesDirective,
    SkillChangesTocDirective,
    outdated_review_pages,
)
from skill_matrix.review._state import resolve_review
from skill_matrix.review._transforms import MarkChangedRows

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / 'static'


def visit_plain(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    """Text, manual page, Texinfo: deletions and insertions as plain text."""


def depart_plain(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    pass


def setup_review(app: Sphinx) -> None:
    """Register the configuration values, nodes, directives, transform and events of review cycles."""
    app.add_config_value('skill_matrix_since', None, 'env', types=frozenset({str, type(None)}))
    app.add_config_value('skill_matrix_review_tags', DEFAULT_TAG_PATTERN, 'env', types=frozenset({str}))
    text = (visit_plain, depart_plain)
    app.add_node(
        skill_deleted,
        html=(_html.visit_deleted, _html.depart_deleted),
        latex=(_latex.visit_deleted, None),
        text=text,
        man=text,
        texinfo=text,
    )
    app.add_node(
        skill_inserted,
        html=(_html.visit_inserted, _html.depart_inserted),
        latex=(_latex.visit_inserted, None),
        text=text,
        man=text,
        texinfo=text,
    )
    app.add_node(
        skill_line_break,
        html=(_html.visit_line_break, None),
        latex=(_latex.visit_line_break, None),
        text=text,
        man=text,
        texinfo=text,
    )
    skip = (skip_node, None)
    app.add_node(
        skill_change_marker,
        html=(_html.visit_marker, _html.depart_marker),
        latex=(_latex.visit_marker, None),
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_directive('skill-changes', SkillChangesDirective)
    app.add_directive('skill-changes-toctree', SkillChangesTocDirective)
    app.add_transform(MarkChangedRows)
    app.connect('config-inited', add_templates)  # page.html: the baseline in the footer
    app.connect('builder-inited', static_dir(STATIC_DIR))
    app.connect('builder-inited', resolve_review)
    app.connect('builder-inited', _latex.add_review_preamble)  # after resolve_review
    app.connect('env-get-outdated', outdated_review_pages)
    app.connect('html-page-context', _html.html_page_context)
