"""Post-transforms of the matrix for the builders other than HTML: rich descriptions as plain text
in the text builders, the hidden texts of :class:`~skill_matrix.nodes.pagedata.skill_data` as
translatable nodes (the message catalogs extract them)."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from skill_matrix.data import richtext
from skill_matrix.nodes.pagedata import hidden_text_nodes, skill_data
from skill_matrix.nodes.text import skill_rich_text


class PlainRichText(SphinxPostTransform):
    """Show each rich description as :func:`~skill_matrix.data.richtext.plain_text`: the text
    writer would run a cell's list items together and show emphasis as asterisks."""

    default_priority = 400
    formats = ('text',)

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(skill_rich_text)):
            text = richtext.plain_text(_markdown(node))
            lines = [nodes.line(line, line) for line in text.splitlines()]
            node.replace_self(nodes.line_block('', *lines))


def _markdown(node: skill_rich_text) -> str:
    """The (translated) Markdown the node shows."""
    return str(node.get('shown_message') or node['original_message'])


class HiddenTextsAsNodes(SphinxPostTransform):
    """For the builders other than HTML, the texts each :class:`skill_data` node keeps as data
    become the translatable nodes (located in their data files) the message catalogs extract."""

    default_priority = 1

    def is_supported(self) -> bool:
        return self.env._builder_cls.format != 'html'  # what Sphinx's own is_supported reads

    def run(self, **kwargs: Any) -> None:
        for data in self.document.findall(skill_data):
            data.extend(hidden_text_nodes(data))
