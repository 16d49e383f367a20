"""Header cells that say what they head: ``scope="col"`` in table heads, ``scope="row"`` in stubs.

Docutils writes ``<th>`` without ``scope``; screen readers then guess which cells a header
applies to. Registered for the HTML builders only, for every table of the site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator


def visit_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    type(translator).visit_entry(translator, node)
    start_tag = translator.body[-1]
    if start_tag.startswith('<th'):
        scope = 'col' if isinstance(node.parent.parent, nodes.thead) else 'row'
        translator.body[-1] = start_tag.replace('<th', f'<th scope="{scope}"', 1)


def depart_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    type(translator).depart_entry(translator, node)
