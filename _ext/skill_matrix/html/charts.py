"""The profile charts' files (``static/skill_chart.{js,css}``): plain SVG drawn in the browser
from a JSON description, used by the growth plan and the role pages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SCRIPT = 'skill_chart.js'
STYLESHEET = 'skill_chart.css'


def has_container(doctree: nodes.document | None, class_name: str) -> bool:
    """Whether the page holds a container of *class_name*."""
    return doctree is not None and any(
        class_name in node['classes'] for node in doctree.findall(nodes.container)
    )


def add_chart_files(app: Sphinx) -> None:
    """The page loads the chart's script (deferred, before the scripts that draw with it) and stylesheet."""
    app.add_js_file(SCRIPT, loading_method='defer')
    app.add_css_file(STYLESHEET)
