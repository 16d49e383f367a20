"""HTML that assistive technology reads correctly, for every page of the site.

* Header cells say what they head: ``scope="col"`` in table heads, ``scope="row"`` in stub
  columns (docutils writes ``<th>`` without ``scope``; screen readers then guess).
* Toctree captions (``<p role="heading">`` in the sidebar) get the ``aria-level`` that the
  heading role requires; without it an accessibility audit reports a critical violation.

Registered for the HTML builders only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

TOCTREE_CAPTION_LEVEL = 2


def visit_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    type(translator).visit_entry(translator, node)
    start_tag = translator.body[-1]
    if start_tag.startswith('<th'):
        scope = 'col' if isinstance(node.parent.parent, nodes.thead) else 'row'
        translator.body[-1] = start_tag.replace('<th', f'<th scope="{scope}"', 1)


def depart_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    type(translator).depart_entry(translator, node)


def visit_title(translator: HTML5Translator, node: nodes.title) -> None:
    start = len(translator.body)
    type(translator).visit_title(translator, node)
    if isinstance(node.parent, addnodes.compact_paragraph) and node.parent.get('toctree'):
        for index in range(start, len(translator.body)):
            if 'role="heading"' in translator.body[index]:
                translator.body[index] = translator.body[index].replace(
                    'role="heading"', f'role="heading" aria-level="{TOCTREE_CAPTION_LEVEL}"', 1
                )
