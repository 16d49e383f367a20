"""Rich descriptions in the text builders: their plain text, a line per paragraph or list item."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from skill_matrix.data import richtext
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
