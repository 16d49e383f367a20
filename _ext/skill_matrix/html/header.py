"""A skill page's facts and numbers (:class:`~skill_matrix.nodes.matrix.skill_facts`,
:class:`~skill_matrix.nodes.matrix.skill_stats`), written by the HTML builders as strings.

The markup is the field list and the bullet list the other builders get
(:class:`~skill_matrix.html.rows.OrdinaryNodes`), as Sphinx's HTML writer writes them: the same
classes, Sphinx's alternating field classes, every text escaped; the domain's and the group's
names are written by the translator from their (translated) nodes. The nodes' other words are a
text child that only the search index reads.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.html.rows import fast_encoder

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from skill_matrix.nodes.matrix import skill_facts, skill_stats


def visit_skill_facts(translator: HTML5Translator, node: skill_facts) -> None:
    encode = fast_encoder(translator)
    translator.body.append('<dl class="skill-facts field-list">\n')
    values = [child for child in node.children if isinstance(child, nodes.Element)]
    for number, (name, value) in enumerate(zip(node['names'], values, strict=True), start=1):
        parity = 'field-odd' if number % 2 else 'field-even'
        translator.body.append(
            f'<dt class="{parity}">{encode(name)}<span class="colon">:</span></dt>\n<dd class="{parity}">'
        )
        value.walkabout(translator)
        translator.body.append('</dd>\n')
    translator.body.append('</dl>\n')
    raise nodes.SkipNode


def visit_skill_stats(translator: HTML5Translator, node: skill_stats) -> None:
    encode = fast_encoder(translator)
    items = ''.join(
        f'<li class="skill-stat skill-stat-{kind}"><p><strong class="skill-stat-value">{value}</strong> '
        f'<span class="skill-stat-name">{encode(name)}</span></p>\n'
        f'<p class="skill-stat-caption">{encode(caption)}</p>\n</li>\n'
        for kind, value, name, caption in node['stats']
    )
    translator.body.append(f'<ul class="skill-stats">\n{items}</ul>\n')
    raise nodes.SkipNode
