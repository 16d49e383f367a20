"""Rich text in cells: the small Markdown subset a description may use. No Sphinx here.

A description is parsed with markdown-it-py (the parser MyST-Parser uses) with only the rules
of the subset doing anything: paragraphs, bullet and numbered lists, ``*emphasis*``,
``**strong**``, ```code```, ``[links](https://…)`` and ``<https://…>``. Headings, tables, code
blocks, block quotes, rules, images and raw HTML are recognised so that the data check can
refuse them with their line. Underscores never make emphasis (``snake_case``, ``__init__``),
nor does an asterisk between letters or digits (``2*3*4``); entities (``&amp;``) stay as
written. A description that parses to one paragraph of plain text is a *plain* cell: it is
kept, shown and translated exactly as before (whitespace folded into single spaces).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

if TYPE_CHECKING:
    from markdown_it.rules_inline import StateInline

LINK_SCHEMES = ('http', 'https', 'mailto')
"""The schemes a link in a cell may use; relative links are refused (a cell is shown on many pages)."""

REFUSED = {
    'heading': 'a heading',
    'table': 'a table',
    'code_block': 'a code block',
    'fence': 'a code block',
    'html_block': 'raw HTML',
    'html_inline': 'raw HTML',
    'image': 'an image',
}

# Characters and line starts that can make Markdown: text without any of them is plain.
_MARKUP_CHARACTERS = re.compile(r'[*`\[\]<>\\#|!~]|\n[ \t]*\n')
_MARKUP_LINE_START = re.compile(r'^[ \t]*(?:[-+=*_]|\d{1,9}[.)])', re.MULTILINE)
# A line that is a reStructuredText directive or a MyST role: markup of another language.
_DIRECTIVE = re.compile(r'^\.\. [\w:-]+::|\{[\w:-]+\}`', re.MULTILINE)
_ESCAPABLE = re.compile(r'[!-/:-@\[-`{-~]')  # what CommonMark lets a backslash escape
_HTML_TAG = re.compile(r'</?([A-Za-z][A-Za-z0-9-]*)')
# Element names of HTML: ``<b>`` is raw HTML, ``List<String>`` or ``Optional<T>`` is text.
_HTML_ELEMENTS = frozenset(
    [
        'a',
        'abbr',
        'address',
        'area',
        'article',
        'aside',
        'audio',
        'b',
        'base',
        'bdi',
        'bdo',
        'blockquote',
        'body',
        'br',
        'button',
        'canvas',
        'caption',
        'center',
        'cite',
        'code',
        'col',
        'colgroup',
        'data',
        'datalist',
        'dd',
        'del',
        'details',
        'dfn',
        'dialog',
        'div',
        'dl',
        'dt',
        'em',
        'embed',
        'fieldset',
        'figcaption',
        'figure',
        'font',
        'footer',
        'form',
        'frame',
        'frameset',
        'h1',
        'h2',
        'h3',
        'h4',
        'h5',
        'h6',
        'head',
        'header',
        'hr',
        'html',
        'i',
        'iframe',
        'img',
        'input',
        'ins',
        'kbd',
        'label',
        'legend',
        'li',
        'link',
        'main',
        'map',
        'mark',
        'marquee',
        'math',
        'meta',
        'meter',
        'nav',
        'noscript',
        'object',
        'ol',
        'optgroup',
        'option',
        'output',
        'p',
        'param',
        'picture',
        'pre',
        'progress',
        'q',
        'rp',
        'rt',
        'ruby',
        's',
        'samp',
        'script',
        'section',
        'select',
        'slot',
        'small',
        'source',
        'span',
        'strike',
        'strong',
        'style',
        'sub',
        'summary',
        'sup',
        'svg',
        'table',
        'tbody',
        'td',
        'template',
        'textarea',
        'tfoot',
        'th',
        'thead',
        'time',
        'title',
        'tr',
        'track',
        'tt',
        'u',
        'ul',
        'var',
        'video',
        'wbr',
    ]
)


@dataclass(frozen=True, slots=True)
class MarkupProblem:
    """Markup a cell may not use: *line* counts from 0, the cell text's first line."""

    line: int
    message: str


def is_plain(text: str) -> bool:
    """Whether *text* is one paragraph of plain text, shown exactly as written (folded)."""
    if not _MARKUP_CHARACTERS.search(text) and not _MARKUP_LINE_START.search(text):
        return True
    root = _parse(text)
    if len(root.children) != 1 or root.children[0].type != 'paragraph':
        return False
    inline = root.children[0].children[0]
    shown = ''.join(_plain_inline(child, links=False) for child in inline.children)
    return all(_is_text(child) for child in inline.children) and ' '.join(shown.split()) == ' '.join(
        text.split()
    )


def normalized(text: str) -> str:
    """The cell's text as kept and translated: a plain cell folded into one line (as always), a
    rich one with its lines (trailing spaces and blank-line runs removed)."""
    if is_plain(text):
        return ' '.join(text.split())
    lines = [line.rstrip() for line in text.strip().splitlines()]
    kept = [line for index, line in enumerate(lines) if line or (index and lines[index - 1])]
    return '\n'.join(kept)


def problems(text: str, field: str = 'a description') -> list[MarkupProblem]:
    """What *text* uses beyond the subset, each at its line within the text; the messages name
    what *text* is (*field*: 'a description', 'an example')."""
    found = [
        MarkupProblem(
            text.count('\n', 0, match.start()),
            f'{_quoted(match.group())}: directives and roles are not allowed in {field} ({_SUBSET})',
        )
        for match in _DIRECTIVE.finditer(text)
    ]
    if is_plain(text):
        return found
    first_line = text.count('\n', 0, len(text) - len(text.lstrip()))  # blank lines before the text
    for node, block_line in _walk(_parse(text)):
        line = first_line + block_line
        if node.type in REFUSED and not _is_text(node):
            found.append(MarkupProblem(line, f'{REFUSED[node.type]} is not allowed in {field} ({_SUBSET})'))
        elif node.type == 'link':
            href = str(node.attrs.get('href', ''))
            if not _allowed_link(href):
                found.append(
                    MarkupProblem(
                        line,
                        f'link target {_quoted(href)} is not allowed: only {_SCHEMES} links '
                        '(absolute, as a cell is shown on many pages)',
                    )
                )
    return sorted(set(found), key=lambda problem: (problem.line, problem.message))


def translation_problem(original: str, translation: str) -> str | None:
    """Why *translation* breaks the markup of the rich cell *original*, or None."""
    refused = problems(translation)
    if refused:
        return refused[0].message
    if _shape(original) != _shape(translation):
        return 'the translation has other paragraphs or list items than the original'
    if sorted(links(original)) != sorted(links(translation)):
        return f'the translation links {sorted(links(translation))}, the original {sorted(links(original))}'
    return None


def links(text: str) -> list[str]:
    """Every link target in *text*."""
    return [str(node.attrs.get('href', '')) for node, _line in _walk(parse(text)) if node.type == 'link']


@functools.lru_cache(maxsize=1024)
def plain_text(text: str) -> str:
    """*text* as readable plain text: list items on their own lines (``- `` or ``1. ``),
    emphasis and code as their words, a link as its text and its target in parentheses.
    (Kept for the last texts: a page's downloads and level picker ask for each of its texts.)"""
    if is_plain(text):
        return ' '.join(text.split())
    return '\n'.join(_plain_blocks(parse(text), ''))


def literal(text: str) -> str:
    """*text* written so that it shows as written: unchanged when it does (a plain cell), else
    with every ASCII punctuation character backslash-escaped (for text that is not Markdown,
    such as an imported page export)."""
    return text if is_plain(text) and not problems(text) else _ESCAPABLE.sub(r'\\\g<0>', text)


def parse(text: str) -> SyntaxTreeNode:
    """*text*'s syntax tree (markdown-it-py's), as the subset reads it."""
    return _parse(text)


def is_text(node: SyntaxTreeNode) -> bool:
    """Whether *node* (inline) shows as text: a text token, or ``<T>``-like text that is no HTML."""
    return _is_text(node)


def allowed_link(href: str) -> bool:
    return _allowed_link(href)


# --- the parser ---------------------------------------------------------------------------------

_SCHEMES = ', '.join(f'{scheme}:' for scheme in LINK_SCHEMES)
_SUBSET = 'allowed: paragraphs, lists, *emphasis*, **strong**, `code`, [links](https://…)'


@functools.cache
def _markdown() -> MarkdownIt:
    markdown = MarkdownIt('commonmark', {'html': True})  # HTML is parsed to be refused
    markdown.enable('table')
    markdown.disable(['entity', 'reference', 'blockquote', 'hr'])  # '> 5 years', '---': text
    markdown.inline.ruler.before('emphasis', 'literal_underscore', _literal_underscore)
    markdown.inline.ruler.before('emphasis', 'intraword_asterisk', _intraword_asterisk)
    markdown.validateLink = lambda url: True  # type: ignore[method-assign]  # refused by problems(), with a message
    return markdown


@functools.lru_cache(maxsize=4096)
def _parse(text: str) -> SyntaxTreeNode:
    """The tree of *text* without its outer whitespace (a leading tab is no code block)."""
    return SyntaxTreeNode(_markdown().parse(text.strip()))


def _literal_underscore(state: StateInline, silent: bool) -> bool:
    """``_`` is always a character: no emphasis in ``snake_case`` or ``__init__``."""
    if state.src[state.pos] != '_':
        return False
    if not silent:
        state.pending += '_'
    state.pos += 1
    return True


def _intraword_asterisk(state: StateInline, silent: bool) -> bool:
    """Asterisks between letters or digits (``2*3*4``) are characters."""
    start = end = state.pos
    source = state.src
    if source[start] != '*' or start == 0 or not source[start - 1].isalnum():
        return False
    while end < state.posMax and source[end] == '*':
        end += 1
    if end >= state.posMax or not source[end].isalnum():
        return False
    if not silent:
        state.pending += source[start:end]
    state.pos = end
    return True


def _is_text(node: SyntaxTreeNode) -> bool:
    if node.type in {'text', 'softbreak', 'hardbreak'}:
        return True
    if node.type in {'html_inline', 'html_block'}:
        match = _HTML_TAG.match(node.content)
        starts_like_markup = node.content.startswith(('<!--', '<?', '<!', '<![CDATA['))
        return not starts_like_markup and not (match and match.group(1).lower() in _HTML_ELEMENTS)
    return False


def _allowed_link(href: str) -> bool:
    scheme, colon, rest = href.partition(':')
    return bool(colon and rest) and scheme.lower() in LINK_SCHEMES


def _quoted(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:57] + '...')


def _walk(root: SyntaxTreeNode) -> list[tuple[SyntaxTreeNode, int]]:
    """Every node below *root* with the line (from 0) of the block it is in."""
    found: list[tuple[SyntaxTreeNode, int]] = []

    def visit(node: SyntaxTreeNode, line: int) -> None:
        for child in node.children:
            child_line = child.map[0] if child.map else line
            found.append((child, child_line))
            visit(child, child_line)

    visit(root, 0)
    return found


def _shape(text: str) -> list[str]:
    """The blocks of *text*: paragraphs and lists with their number of items, in order."""
    if is_plain(text):
        return ['paragraph']
    return [
        f'{node.type}:{len(node.children)}'
        for node, _line in _walk(parse(text))
        if node.type in {'paragraph', 'bullet_list', 'ordered_list'}
    ]


def _plain_blocks(node: SyntaxTreeNode, indent: str) -> list[str]:
    lines: list[str] = []
    for block in node.children:
        if block.type == 'paragraph':
            text = ''.join(_plain_inline(child) for child in block.children[0].children)
            lines.append(indent + ' '.join(text.split()))
        elif block.type in {'bullet_list', 'ordered_list'}:
            start = int(str(block.attrs.get('start', 1)))
            for number, item in enumerate(block.children, start):
                marker = f'{number}. ' if block.type == 'ordered_list' else '- '
                item_lines = _plain_blocks(item, indent + ' ' * len(marker))
                if item_lines:
                    item_lines[0] = indent + marker + item_lines[0].removeprefix(indent + ' ' * len(marker))
                lines.extend(item_lines or [indent + marker.rstrip()])
        elif block.type == 'inline':
            lines.append(indent + ''.join(_plain_inline(child) for child in block.children))
        else:  # refused markup (reported by the data check): its text, never its syntax
            lines.append(indent + ' '.join(block.content.split()) if block.content else '')
    return [line for line in lines if line.strip()]


def _plain_inline(node: SyntaxTreeNode, *, links: bool = True) -> str:
    if node.type in {'softbreak', 'hardbreak'}:
        return ' '
    if node.type in {'text', 'code_inline', 'html_inline'}:
        return node.content
    text = ''.join(_plain_inline(child, links=links) for child in node.children)
    if node.type == 'link' and links:
        href = str(node.attrs.get('href', ''))
        if href not in {text, f'mailto:{text}'}:
            return f'{text} ({href})'
    return text
