"""Doctree nodes for text taken from data files, and the catalog messages that translate them."""

from __future__ import annotations

from string import Formatter
from typing import TYPE_CHECKING, Any, TypeVar

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import init as init_locale, translators

from skill_matrix.data import richtext
from skill_matrix.labels import ngettext

if TYPE_CHECKING:
    from collections.abc import Sequence
    from gettext import NullTranslations
    from os import PathLike

    from markdown_it.tree import SyntaxTreeNode

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
        leaf.parent.replace(leaf, nodes.Text(shown_translation(self, original_message, translated_message)))
        self['translated'] = True  # type: ignore[index]


def shown_translation(node: PlainTranslatable, original: str, translated: str) -> str:
    """*translated* as kept: folded into one line, or with its lines when *node* holds a rich
    description (:func:`make_description`; the Markdown subset of :mod:`skill_matrix.data.richtext`)."""
    return shown_text(original, translated, markdown=bool(node.get('markdown')))  # type: ignore[attr-defined]


def shown_text(original: str, translated: str, *, markdown: bool) -> str:
    """*translated* as kept: folded into one line, or with its lines when *original* is a rich
    text (*markdown*, and not plain)."""
    if markdown and not richtext.is_plain(original):
        return richtext.normalized(translated)
    return ' '.join(translated.split())


# Special (for docutils, an internal element): the smart quotes transform skips these at once,
# instead of going through each text to leave it as it is (``support_smartquotes`` is false).
class skill_text(nodes.paragraph, nodes.Special, PlainTranslatable):
    """A paragraph of text from a data file."""


class skill_label(nodes.paragraph, addnodes.translatable):
    """A paragraph of UI text (already translated through the extension's catalog), a number or
    a line of links: never a message of the page catalogs. Being one of Sphinx's translatable
    nodes, it answers at once that it has no message; an ordinary paragraph marked
    ``translatable=False`` was first written out as XML for a debug line, on every page of a
    translated build (a twentieth of a German build at 1,000 skills)."""

    def preserve_original_messages(self) -> None:
        pass

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        pass  # never asked: there is no message

    def extract_original_messages(self) -> Sequence[str]:
        return []


class skill_caption(nodes.title, nodes.Special, PlainTranslatable):
    """A table caption taken from a data file (a role name, say)."""


class skill_inline(nodes.inline, PlainTranslatable):
    """A name from a data file inside a line of other text (a breadcrumb, a list of links)."""


class skill_rich_text(nodes.container, PlainTranslatable):
    """A description in the Markdown subset: its paragraphs, lists, emphasis, code and links as
    docutils nodes, so that every writer shows them in its own way and escapes them itself."""

    def apply_translated_message(self, original_message: str, translated_message: str) -> None:
        self.children = []
        self['shown_message'] = richtext.normalized(translated_message)
        self.extend(rich_nodes(self['shown_message']))
        self['translated'] = True


def make_description(source: SourceText, **attributes: Any) -> nodes.Element:
    """A cell's description: a plain paragraph as any text (:func:`make_text`), or, written in
    the Markdown subset, a :class:`skill_rich_text` translated as one message."""
    if richtext.is_plain(source.text):
        paragraph: skill_text = make_text(source, **attributes)
        return paragraph
    node = skill_rich_text(
        source.text,
        *rich_nodes(source.text),
        original_message=source.text,
        markdown=True,
        support_smartquotes=False,
        **attributes,
    )
    node['classes'].append('skill-rich-text')
    node.source, node.line = str(source.path), source.line
    return node


class skill_examples(nodes.container):
    """A cell's examples under its description: a summary ("Examples (2)") and a list, one item
    per example. HTML shows them collapsed (``<details>``), the PDF smaller, text builders as a
    list; without a visitor of its own a builder treats it as the container it is."""


def make_examples(examples: Sequence[SourceText]) -> list[nodes.Element]:
    """The nodes to put under a cell's description (:func:`make_description`): none without
    examples, else a :class:`skill_examples` whose items are translated one by one."""
    if not examples:
        return []
    return [examples_node([make_description(example) for example in examples])]


def examples_node(items: Sequence[nodes.Element]) -> skill_examples:
    """A :class:`skill_examples` of *items* (each an example's paragraph or rich text)."""
    summary = examples_summary(len(items))
    listing = nodes.bullet_list('', *(nodes.list_item('', item) for item in items), bullet='-')
    return skill_examples(
        '', label(summary, classes=['skill-examples-summary']), listing, classes=['skill-examples']
    )


def examples_summary(count: int) -> str:
    """The line that heads a cell's *count* examples ("Examples (2)"), wherever they are shown."""
    return ngettext('Example ({count})', 'Examples ({count})', count).format(count=count)


def visit_skill_examples_html(translator: nodes.NodeVisitor, node: skill_examples) -> None:
    """``<details>`` with the summary as its ``<summary>``: collapsed until the reader opens it."""
    body: list[str] = translator.body  # type: ignore[attr-defined]
    body.append(translator.starttag(node, 'details', ''))  # type: ignore[attr-defined]
    body.append(f'<summary>{translator.encode(node[0].astext())}</summary>\n')  # type: ignore[attr-defined]
    for child in node.children[1:]:
        child.walkabout(translator)
    body.append('</details>\n')
    raise nodes.SkipNode


def visit_skill_examples_latex(translator: nodes.NodeVisitor, node: skill_examples) -> None:
    """Smaller than the description, under it."""
    translator.body.append('\n\\begingroup\\small\n')  # type: ignore[attr-defined]


def depart_skill_examples_latex(translator: nodes.NodeVisitor, node: skill_examples) -> None:
    translator.body.append('\n\\par\\endgroup\n')  # type: ignore[attr-defined]


def rich_nodes(text: str) -> list[nodes.Element]:
    """The blocks of *text* (Markdown subset) as docutils nodes; links only to allowed schemes."""
    return [_block(block) for block in richtext.parse(text).children]


def _block(block: SyntaxTreeNode) -> nodes.Element:
    if block.type in {'bullet_list', 'ordered_list'}:
        items = [nodes.list_item('', *[_block(child) for child in item.children]) for item in block.children]
        if block.type == 'bullet_list':
            return nodes.bullet_list('', *items, bullet='-')
        listing = nodes.enumerated_list('', *items, enumtype='arabic', prefix='', suffix='.')
        start = int(str(block.attrs.get('start', 1)))
        if start != 1:
            listing['start'] = start
        return listing
    if block.type == 'paragraph':
        return nodes.paragraph('', '', *_inlines(block.children[0].children))
    return nodes.paragraph('', block.content.strip())  # refused by the data check: shown as text


def _inlines(children: list[SyntaxTreeNode]) -> list[nodes.Node]:
    made: list[nodes.Node] = []
    for child in children:
        if child.type in {'softbreak', 'hardbreak'}:
            made.append(nodes.Text(' '))
        elif child.type == 'em':
            made.append(nodes.emphasis('', '', *_inlines(child.children)))
        elif child.type == 'strong':
            made.append(nodes.strong('', '', *_inlines(child.children)))
        elif child.type == 'code_inline':
            made.append(nodes.literal(child.content, child.content))
        elif child.type == 'link' and richtext.allowed_link(str(child.attrs.get('href', ''))):
            href = str(child.attrs['href'])
            made.append(nodes.reference('', '', *_inlines(child.children), refuri=href))
        elif child.children:
            made.extend(_inlines(child.children))
        else:
            made.append(nodes.Text(child.content))
    return made


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


def label_with_names(template: str, node_class: type[_Node] = skill_label, **names: SourceText) -> _Node:  # type: ignore[assignment]
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


def label(text: str, node_class: type[_Node] = skill_label, **attributes: Any) -> _Node:  # type: ignore[assignment]
    """A UI label: already translated through the extension's catalog, never extracted."""
    return node_class(text, text, translatable=False, **attributes)


def page_catalog(
    locale_dirs: Sequence[str | PathLike[str]], language: str, domain: str
) -> dict[str, str] | None:
    """Every message of the page catalog *domain* in *language* (None without one), as Sphinx's
    ``Locale`` transform sees them.

    Sphinx's ``sphinx.locale.init`` adds the catalog once more as a fallback of itself at every
    call, and ``Locale`` calls it for every page read: the chain, and every lookup that misses,
    grew with the pages read (quadratic: a German build of 1,000 skill pages took twice the
    English one). The chain is started afresh here, before ``Locale``'s call for the same page;
    gettext parses each ``.mo`` file once per process.
    """
    translators.pop(('general', domain), None)
    catalog, has_catalog = init_locale(locale_dirs, language, domain)
    if not has_catalog:
        return None
    merged: dict[str, str] = {}
    link: NullTranslations | None = catalog
    while link is not None:
        merged = {**getattr(link, '_catalog', {}), **merged}
        link = link._fallback  # type: ignore[attr-defined]
    return merged
