"""Links into the matrix in HTML: a "link to this" for each table and row, each id once per page.

* Tables, rows (and grid cells) that carry a link id (:mod:`skill_matrix.data.anchors`) get a
  link to themselves in the style of Sphinx's headerlinks: ``a.headerlink`` with a ¶ (drawn by
  the stylesheet, so that the cell's text stays the cell's text), an accessible name in the
  page's language, reachable with the keyboard. Sphinx's own link on these tables' captions is
  replaced by the same link, since the theme hides it from the keyboard and names it in English.
* Themes that wrap each table in a ``div`` for scrolling (furo) copy the table's ids onto the
  wrapper, so that every id would be on the page twice: the copies are dropped, after the theme.

Registered for the HTML builders only.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from skill_matrix.html.accessibility import visit_entry as visit_entry_with_scope
from skill_matrix.labels import _

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

LINK_CLASS = 'skill-link'
ANCHORED_TABLE = 'skill-table'


class DropCopiedIds(SphinxPostTransform):
    """Remove from a wrapper the ids its only child has (furo's table wrapper copies them)."""

    default_priority = 510  # after furo's WrapTableAndMathInAContainerTransform (500)
    formats = ('html',)

    def run(self, **kwargs: Any) -> None:
        for wrapper in self.document.findall(nodes.container):
            if len(wrapper.children) == 1 and isinstance(wrapper[0], nodes.Element) and wrapper['ids']:
                wrapper['ids'] = [name for name in wrapper['ids'] if name not in wrapper[0]['ids']]


def permalinks(translator: HTML5Translator) -> bool:
    return bool(translator.config.html_permalinks and translator.builder.add_permalinks)


def link_to(anchor_id: str, label: str) -> str:
    """The ``a.headerlink`` to *anchor_id*: its name is *label*, its ¶ comes from the stylesheet."""
    label = html.escape(label)
    return (
        f'<a class="headerlink {LINK_CLASS}" href="#{html.escape(anchor_id)}" '
        f'title="{label}" aria-label="{label}"></a>'
    )


def visit_entry(translator: HTML5Translator, node: nodes.entry) -> None:
    """A grid cell with an id, or the first cell of a row with an id, starts with its link."""
    visit_entry_with_scope(translator, node)
    if not permalinks(translator):
        return
    row = node.parent
    if node['ids'] and 'skill-cell' in node['classes']:
        translator.body.append(link_to(node['ids'][0], _('Link to this cell')))
    elif row['ids'] and 'skill-row' in row['classes'] and row.index(node) == 0:
        translator.body.append(link_to(row['ids'][0], _('Link to this row')))


def depart_title(translator: HTML5Translator, node: nodes.title) -> None:
    """The caption of a table with a link id ends with the extension's link instead of Sphinx's."""
    start = len(translator.body)
    type(translator).depart_title(translator, node)
    table = node.parent
    if not (isinstance(table, nodes.table) and ANCHORED_TABLE in table['classes'] and table['ids']):
        return
    sphinx_link = f'<a class="headerlink" href="#{table["ids"][0]}"'
    for index in range(start, len(translator.body)):
        if translator.body[index].startswith(sphinx_link):
            translator.body[index] = link_to(table['ids'][0], _('Link to this table'))
