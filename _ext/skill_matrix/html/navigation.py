"""Site navigation that does not grow with the catalog, and stays current in incremental builds.

With domain pages (``skill_matrix_domain_pages``), the sidebar of a page shows the top-level
entries (the domains, the role pages, the guide), and below them only the branch that leads
to the page: the groups of the current domain and the skills of the current group. A skill
page's HTML therefore does not grow with the skills of other groups. The themes' ``toctree()``
(furo's sidebar calls it) is answered from a tree built once per build from the toctrees in
Sphinx's environment, instead of resolving every toctree of the site on every page.

Sphinx rewrites only the pages it read again, so a page whose sidebar shows a skill that was
added, removed or renamed kept the old sidebar. After reading, :func:`changed_navigation`
renders every page's navigation (and its previous and next page), compares it with the last
build's and sends exactly the pages whose navigation changed to be written again.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _ as sphinx_label  # Sphinx's own words for its relation links

from skill_matrix.labels import _
from skill_matrix.state import BuildState, ProcessSlot

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from sphinx.application import Sphinx
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.tags import Tags

CAPTION_LEVEL = 2  # the aria-level of the sidebar's captions (see html/accessibility.py)


@dataclass(eq=False)
class Entry:
    """A page (no anchor) or a section of a page with pages below it, or an external link."""

    title: str
    docname: str
    anchor: str = ''
    url: str = ''
    children: list[Entry] = field(default_factory=list)


class Navigation:
    """The site's navigation tree: captioned groups of top-level entries."""

    def __init__(self, env: BuildEnvironment, tags: Tags) -> None:
        self._env = env
        self._tags = tags
        self.groups: list[tuple[str | None, list[Entry]]] = []
        root = env.config.root_doc
        for toctree in self._toctrees(env.tocs.get(root)):
            if entries := self._toctree_entries(toctree, [root]):
                self.groups.append((toctree.get('caption') or toctree.get('skill_caption'), entries))
        self.paths: dict[str, list[Entry]] = {}
        self.order: list[str] = [root]
        """The pages in the order of the navigation, for the previous and next links."""
        for _caption, entries in self.groups:
            for entry in entries:
                self._note_paths(entry, [])
        self._position = {docname: index for index, docname in enumerate(self.order)}
        self.rendered_titles: dict[str, str] = {}
        """Page titles as HTML, for the previous and next links (filled as pages are written)."""

    # --- building ---------------------------------------------------------------------------

    def _toctrees(self, node: nodes.Node | None) -> Iterator[addnodes.toctree]:
        """The toctrees in a page's table of contents, in order, in ``only`` blocks that apply."""
        if isinstance(node, addnodes.toctree):
            yield node
        elif isinstance(node, addnodes.only) and not self._tags.eval_condition(node['expr']):
            return
        elif isinstance(node, nodes.Element):
            for child in node.children:
                yield from self._toctrees(child)

    def _toctree_entries(self, toctree: addnodes.toctree, parents: list[str]) -> list[Entry]:
        entries = []
        for title, ref in toctree['entries']:
            if '://' in ref:
                entries.append(Entry(title or ref, '', url=ref))
            elif ref in self._env.tocs and ref not in parents:
                entries.append(self._page(ref, title, parents))
        return entries

    def _page(self, docname: str, title: str | None, parents: list[str]) -> Entry:
        entry = Entry(title or self._env.titles[docname].astext(), docname)
        for child in self._children(self._env.tocs[docname].children, [*parents, docname]):
            if child.docname == docname and not child.anchor and not child.url:
                entry.children += child.children  # the page's own title section
            else:
                entry.children.append(child)
        return entry

    def _children(self, items: Iterable[nodes.Node], parents: list[str]) -> list[Entry]:
        """Pages below *items* of a table of contents, in the sections that hold them."""
        found: list[Entry] = []
        for child in items:
            if isinstance(child, addnodes.toctree):
                found += self._toctree_entries(child, parents)
            elif isinstance(child, addnodes.only):
                if self._tags.eval_condition(child['expr']):
                    found += self._children(child.children, parents)
            elif isinstance(child, nodes.list_item):
                reference = child.next_node(nodes.reference)
                below = self._children(child.children, parents)
                if below and reference is not None:
                    anchor = str(reference['anchorname']).lstrip('#')
                    found.append(Entry(reference.astext(), parents[-1], anchor, children=below))
            elif isinstance(child, nodes.bullet_list):
                found += self._children(child.children, parents)
        return found

    def _note_paths(self, entry: Entry, above: list[Entry]) -> None:
        path = [*above, entry]
        if entry.docname and not entry.anchor and entry.docname not in self.paths:
            self.paths[entry.docname] = path
            self.order.append(entry.docname)
        for child in entry.children:
            self._note_paths(child, path)

    def neighbours(self, pagename: str) -> tuple[str | None, str | None]:
        """The pages before and after *pagename* in the navigation's order."""
        index = self._position.get(pagename)
        if index is None:
            return None, None
        before = self.order[index - 1] if index else None
        return before, self.order[index + 1] if index + 1 < len(self.order) else None

    def parents(self, pagename: str) -> list[str]:
        """The pages above *pagename*, the nearest first, the start page last (as Sphinx's)."""
        if pagename not in self.paths:
            return []
        above = [entry.docname for entry in self.paths[pagename][:-1] if not entry.anchor]
        return [*reversed(above), self.order[0]]

    def _deepest(self, pagename: str) -> Entry | None:
        """The last entry of the path to *pagename*: the page's own entry."""
        path = self.paths.get(pagename)
        return path[-1] if path else None

    # --- rendering --------------------------------------------------------------------------

    def render(self, pagename: str, relative_uri: Callable[[str], str], *, furo: bool = False) -> str:
        """The sidebar's tree for *pagename*, collapsed to the branch that leads to the page.

        In the HTML of Sphinx's ``toctree()``; with *furo*, as furo's ``get_navigation_tree``
        turns it into its sidebar (a checkbox and a label to each entry with entries below it,
        ``current-page`` on the page's own entry), without parsing it again for every page.
        """
        path = {id(entry) for entry in self.paths.get(pagename, [])}
        state = _Rendering(pagename, path, relative_uri, furo, deepest=self._deepest(pagename))
        html: list[str] = []
        for caption, entries in self.groups:
            if caption:
                html.append(
                    f'<p aria-level="{CAPTION_LEVEL}" class="caption" role="heading">'
                    f'<span class="caption-text">{_text(caption)}</span></p>\n'
                )
            self._render_list(entries, 1, state, html)
        return ''.join(html)

    def _render_list(self, entries: list[Entry], depth: int, state: _Rendering, html: list[str]) -> None:
        current = any(id(entry) in state.path for entry in entries)
        html.append('<ul class="current">\n' if current else '<ul>\n')
        for entry in entries:
            on_path = id(entry) in state.path
            if entry.url:
                href, kind = entry.url, 'external'
            else:
                page = '' if entry.docname == state.pagename else state.relative_uri(entry.docname)
                href, kind = (page + (f'#{entry.anchor}' if entry.anchor else '')) or '#', 'internal'
            expanded = on_path and bool(entry.children)
            classes = [f'toctree-l{depth}', *(['current'] if on_path else [])]
            if state.furo and expanded:
                classes.append('has-children')
            if state.furo and on_path and entry is state.deepest:
                classes.append('current-page')
            link_class = f'current reference {kind}' if on_path else f'reference {kind}'
            html.append(f'<li class="{" ".join(classes)}"><a class="{link_class}" href="{_attribute(href)}">')
            html.append(f'{_text(entry.title)}</a>')
            if state.furo and expanded:
                state.checkboxes += 1
                name = f'toctree-checkbox-{state.checkboxes}'
                toggle = _('Toggle navigation of {title}').format(title=entry.title)
                html.append(
                    f'<input aria-label="{_attribute(toggle)}" checked="" '
                    f'class="toctree-checkbox" id="{name}" name="{name}" role="switch" type="checkbox"/>'
                    f'<label for="{name}"><span class="icon"><svg><use href="#svg-arrow-right"></use>'
                    '</svg></span></label>'
                )
            if expanded:
                self._render_list(entry.children, depth + 1, state, html)
            html.append('</li>\n')
        html.append('</ul>\n')


NAVIGATION: ProcessSlot[Navigation] = ProcessSlot('navigation')
"""The site's navigation in this build, once the pages are read."""


@dataclass
class _Rendering:
    pagename: str
    path: set[int]
    relative_uri: Callable[[str], str]
    furo: bool
    checkboxes: int = 0
    deepest: Entry | None = None


def _text(text: str) -> str:
    """Text escaped as furo's HTML parser writes it back (quotes stay as they are)."""
    return text.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def _attribute(text: str) -> str:
    return _text(text).replace('"', '&quot;')


# --- Sphinx events ----------------------------------------------------------------------------


def _enabled(app: Sphinx) -> bool:
    return bool(app.config.skill_matrix_domain_pages) and app.builder.format == 'html'


def changed_navigation(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The pages whose navigation (sidebar, previous and next page) differs from the last build's."""
    if not _enabled(app):
        return []
    state = BuildState(env)
    navigation = Navigation(env, app.builder.tags)
    state.put(NAVIGATION, navigation)
    previous = state.last_navigation
    signatures: dict[str, str] = {}
    for docname in sorted(env.found_docs):
        sidebar = navigation.render(docname, str)  # the pages it links to: their URIs follow from the names
        related = [*navigation.neighbours(docname), *navigation.parents(docname)]
        titles = [f'{name}:{env.titles[name].astext()}' for name in related if name and name in env.titles]
        text = '\n'.join([sidebar, *map(str, related), *titles])
        signatures[docname] = hashlib.sha256(text.encode('utf-8')).hexdigest()
    state.last_navigation = signatures
    return sorted(name for name, signature in signatures.items() if previous.get(name) != signature)


def use_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Answer the theme's ``toctree()`` with the collapsed catalog navigation of this page.

    Connected before the theme's handlers. Furo's handler would parse that HTML again on every
    page to add its checkboxes: it gets an empty tree here, and :func:`use_furo_navigation`
    puts the finished sidebar in place afterwards.
    """
    if not _enabled(app) or 'toctree' not in context:
        return
    navigation = _navigation(app)
    if _furo(app):
        context['toctree'] = lambda **_options: ''
    else:
        context['toctree'] = _toctree(app, navigation, pagename)
    _relations(app, pagename, context, navigation)
    # Sphinx found the page's previous, next and parent pages in its own relations and rendered
    # their titles (four partial renders a page), only for _relations to replace them: without
    # them, Sphinx skips that work for the pages written after this one.
    cast('StandaloneHTMLBuilder', app.builder).relations = {}


def use_furo_navigation(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """After furo's handler: its sidebar tree, and ``toctree()`` for the templates."""
    if not _enabled(app) or 'toctree' not in context or not _furo(app):
        return
    navigation = _navigation(app)
    uri = functools.partial(app.builder.get_relative_uri, pagename)
    context['furo_navigation_tree'] = navigation.render(pagename, uri, furo=True)
    context['toctree'] = _toctree(app, navigation, pagename)


def _navigation(app: Sphinx) -> Navigation:
    state = BuildState(app.env)
    navigation = state.get(NAVIGATION)
    if navigation is None:
        navigation = Navigation(app.env, app.builder.tags)
        state.put(NAVIGATION, navigation)
    return navigation


def _furo(app: Sphinx) -> bool:
    theme = getattr(app.builder, 'theme', None)
    return getattr(theme, 'name', None) == 'furo'


def _toctree(app: Sphinx, navigation: Navigation, pagename: str) -> Callable[..., str]:
    def toctree(**_options: Any) -> str:
        return navigation.render(pagename, functools.partial(app.builder.get_relative_uri, pagename))

    return toctree


def _relations(app: Sphinx, pagename: str, context: dict[str, Any], navigation: Navigation) -> None:
    """Previous, next and parent pages in the order of the catalog navigation.

    Sphinx takes them from every toctree, including the PDF's flat list of skill pages
    (``only:: latex``), which comes first in the start page.
    """
    builder = cast('StandaloneHTMLBuilder', app.builder)

    def link(docname: str | None) -> dict[str, str] | None:
        if docname is None or docname not in app.env.titles:
            return None
        if docname not in navigation.rendered_titles:  # each title rendered once per build
            navigation.rendered_titles[docname] = builder.render_partial(app.env.titles[docname])['title']
        return {
            'link': builder.get_relative_uri(pagename, docname),
            'title': navigation.rendered_titles[docname],
        }

    before, after = navigation.neighbours(pagename)
    context['prev'], context['next'] = link(before), link(after)
    context['parents'] = [item for name in reversed(navigation.parents(pagename)) if (item := link(name))]
    rellinks = [item for item in context.get('rellinks', []) if item[2] not in ('N', 'P')]
    if context['next']:
        rellinks.append((after, context['next']['title'], 'N', sphinx_label('next')))
    if context['prev']:
        rellinks.append((before, context['prev']['title'], 'P', sphinx_label('previous')))
    context['rellinks'] = rellinks
