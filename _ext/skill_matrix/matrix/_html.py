"""The skill matrix in HTML: the stylesheet and the level picker's script, on the pages that need them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.html.explorer import SCRIPT, STYLESHEET

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """Only pages that need them load the extension's stylesheet and the level picker's script."""
    if doctree is None:
        return
    classes = {name for node in doctree.findall(nodes.Element) for name in node['classes']}
    if {
        'skill-matrix',
        'skill-overview',
        'skill-role-profile',
        'skill-role-index',
        'skill-domain-page',
        'skill-search',
    } & classes:
        app.add_css_file('skill_matrix.css')
    if 'skill-explorer' in classes:
        app.add_js_file(SCRIPT, loading_method='defer')
        app.add_css_file(STYLESHEET)
