"""A skill page's facts and numbers (:class:`~skill_matrix.nodes.matrix.skill_facts`,
:class:`~skill_matrix.nodes.matrix.skill_stats`), written by the HTML builders as strings.

The markup is the field list and the bullet list the other builders get (:class:`HeaderAsNodes`),
as Sphinx's HTML writer writes them: the same classes, Sphinx's alternating field classes, every
text escaped; the domain's and the group's names are written by the translator from their
(translated) nodes. Their words go into the search index as those lists' did
(:func:`index_header_words`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from skill_matrix.html.rows import fast_encoder
from skill_matrix.nodes.matrix import facts_list, skill_facts, skill_stats, stats_list

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


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


def index_header_words(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """For HTML, give the search index the words of the facts' names and of the numbers (read by
    the search index only: the visitors skip them)."""
    if app.builder.format != 'html':
        return
    for facts in doctree.findall(skill_facts):
        facts += nodes.Text('\n'.join(facts['names']))
    for stats in doctree.findall(skill_stats):
        stats += nodes.Text(
            '\n'.join(f'{value}\n{name}\n{caption}' for _kind, value, name, caption in stats['stats'])
        )


class HeaderAsNodes(SphinxPostTransform):
    """For the builders other than HTML, a skill page's facts and numbers become the field list
    and bullet list they stand for, before any other post-transform sees the page."""

    default_priority = 1

    def is_supported(self) -> bool:
        return self.env._builder_cls.format != 'html'  # what Sphinx's own is_supported reads

    def run(self, **kwargs: Any) -> None:
        for facts in list(self.document.findall(skill_facts)):
            facts.replace_self(facts_list(facts))
        for stats in list(self.document.findall(skill_stats)):
            stats.replace_self(stats_list(stats))
