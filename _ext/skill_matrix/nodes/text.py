"""Doctree nodes for text taken from data files, and the catalog messages that translate them."""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING, Any, TypeVar

from docutils import nodes
from sphinx import addnodes

if TYPE_CHECKING:
    from collections.abc import Sequence
    from gettext import NullTranslations

    from skill_matrix.data.model import SourceText


_Node = TypeVar('_Node', bound=nodes.TextElement)


class PlainTranslatable(addnodes.translatable):
    """Text from a data file: translated through the page catalogs, never parsed as markup.

    Sphinx re-parses an ordinary paragraph's translation as reStructuredText; these nodes
    take the translated message as plain text (see :mod:`skill_matrix.i18n`), so ``*args``
    or ``<b>`` stay as written.
    """

    def preserve_original_messages(self) -> None:
        pass  # the original lives in self['original_message'] from the start

    def extract_original_messages(self) -> Sequence[str]:
        if self.get('translation_applied'):  # type: ignore[attr-defined]
            return []  # already translated as plain text: Sphinx's Locale must not re-parse it
        return [self['original_message']]  # type: ignore[index]

    def mark_applied(self) -> None:
        self['translation_applied'] = True  # type: ignore[index]

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        leaf = next(self.findall(nodes.Text))
        leaf.parent.replace(leaf, nodes.Text(' '.join(translated_message.split())))
        self['translated'] = True  # type: ignore[index]


class skill_text(nodes.paragraph, PlainTranslatable):
    """A paragraph of text from a data file."""


class skill_caption(nodes.title, PlainTranslatable):
    """A table caption taken from a data file (a role name, say)."""


class skill_inline(nodes.inline, PlainTranslatable):
    """A name from a data file inside a line of other text (a breadcrumb, a list of links)."""


class skill_name(nodes.inline, PlainTranslatable):
    """A name from a data file inside a UI sentence (a level name, say): HTML writes it as bare
    text, in a ``<span>`` only when it has a class (``untranslated``) or an id."""


def visit_skill_name(translator: nodes.NodeVisitor, node: skill_name) -> None:
    if node['classes'] or node['ids']:
        translator.body.append(translator.starttag(node, 'span', ''))  # type: ignore[attr-defined]


def depart_skill_name(translator: nodes.NodeVisitor, node: skill_name) -> None:
    if node['classes'] or node['ids']:
        translator.body.append('</span>')  # type: ignore[attr-defined]


def make_text(source: SourceText, node_class: type[_Node] = skill_text, **attributes: Any) -> _Node:  # type: ignore[assignment]
    """A translatable node holding *source*, located in its data file."""
    node = node_class(
        source.text,
        nodes.Text(source.text),
        original_message=source.text,
        support_smartquotes=False,  # shown as written: no curly quotes or dashes
        **attributes,
    )
    node.source, node.line = str(source.path), source.line
    return node


def label_with_names(template: str, node_class: type[_Node] = nodes.paragraph, **names: SourceText) -> _Node:  # type: ignore[assignment]
    """A UI label (already translated) whose ``{placeholders}`` are *names* from data files, each
    translated through the page catalogs (and marked when it falls back to English)."""
    parts: list[nodes.Node] = []
    for literal, field, _spec, _conversion in Formatter().parse(template):
        if literal:
            parts.append(nodes.Text(literal))
        if field is not None:
            parts.append(make_text(names[field], skill_name))
    return node_class('', '', *parts, translatable=False)


def wrap_text(node: nodes.Element, wrapper: nodes.Element) -> nodes.Element:
    """Move *node*'s children into *wrapper* (a link, say) so translation still reaches them."""
    wrapper.extend(node.children)
    node.children = []
    node.append(wrapper)
    return node


def label(text: str, node_class: type[_Node] = nodes.paragraph, **attributes: Any) -> _Node:  # type: ignore[assignment]
    """A UI label: already translated through the extension's catalog, never extracted."""
    return node_class(text, text, translatable=False, **attributes)


def merged_catalog(catalog: NullTranslations) -> dict[str, str]:
    """Every message of *catalog* and its fallbacks, as Sphinx's ``Locale`` transform sees them."""
    merged: dict[str, str] = {}
    chain: NullTranslations | None = catalog
    while chain is not None:
        merged = {**getattr(chain, '_catalog', {}), **merged}
        chain = chain._fallback  # type: ignore[attr-defined]
    return merged
