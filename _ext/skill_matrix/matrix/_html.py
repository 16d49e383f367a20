"""The skill matrix in HTML: the stylesheet and the level picker's script, on the pages that need them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.html.explorer import SCRIPT, STYLESHEET

if TYPE_CHECKING:
    from sphinx.application import Sphinx


STYLED_CLASSES = frozenset(
    {
        'skill-matrix',
        'skill-overview',
        'skill-role-profile',
        'skill-role-index',
        'skill-domain-page',
        'skill-search',
    }
)
"""The classes of the elements that the extension's stylesheet styles: a page with one loads it."""


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """Only pages that need them load the extension's stylesheet and the level picker's script."""
    if doctree is None:
        return
    styled = explorer = False
    for node in doctree.findall(nodes.Element):  # until both are found: early on a skill page
        classes = node['classes']
        styled = styled or not STYLED_CLASSES.isdisjoint(classes)
        explorer = explorer or 'skill-explorer' in classes
        if styled and explorer:
            break
    if styled:
        app.add_css_file('skill_matrix.css')
    if explorer:
        app.add_js_file(SCRIPT, loading_method='defer')
        app.add_css_file(STYLESHEET)
