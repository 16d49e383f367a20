"""The ``skill`` domain: which page shows which skill, so that links to skills resolve."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain, ObjType
from sphinx.roles import XRefRole
from sphinx.util.nodes import make_refnode

from skill_matrix.data.store import SkillStore

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Set

    from sphinx.addnodes import pending_xref
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import RoleFunction

    from skill_matrix.navigation import Navigation


class SkillDomain(Domain):
    """Records every page that shows a skill matrix; ``:skill:ref:`id``` links to it."""

    name = 'skill'
    label = 'Skills'
    object_types: ClassVar[dict[str, ObjType]] = {'skill': ObjType('skill', 'ref')}
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {'ref': XRefRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        'pages': {},  # skill id -> {docname: (node id, title, shows the whole matrix)}
        'overviews': set(),  # docnames that list every skill
        'files': [],  # skill file names seen by the last build, to spot added or removed ones
        'catalog': {},  # domain id -> what its page showed in the last build (catalog_pages.py)
        'navigation': {},  # docname -> its navigation in the last build (navigation.py)
        'targets': {},  # skill id -> where links to it led in the last build
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.store = SkillStore()
        """The validated skill files of this build (kept in memory, saved by the extension)."""
        self.navigation: Navigation | None = None
        """The site's navigation in this build (navigation.py), once the pages are read."""

    @property
    def pages(self) -> dict[str, dict[str, tuple[str, str, bool]]]:
        pages: dict[str, dict[str, tuple[str, str, bool]]] = self.data['pages']
        return pages

    @property
    def overviews(self) -> set[str]:
        overviews: set[str] = self.data['overviews']
        return overviews

    def note_page(self, skill_id: str, docname: str, node_id: str, title: str, *, whole: bool) -> None:
        self.pages.setdefault(skill_id, {}).setdefault(docname, (node_id, title, whole))

    def note_overview(self, docname: str) -> None:
        self.overviews.add(docname)

    def page_of(self, skill_id: str) -> tuple[str, str, str] | None:
        """The page that links to *skill_id* lead to: its docname, node id and title.

        A page showing the whole matrix wins over one showing a selection; then the first by name.
        """
        pages = self.pages.get(skill_id)
        if not pages:
            return None
        docname = min(pages, key=lambda name: (not pages[name][2], name))
        node_id, title, _whole = pages[docname]
        return docname, node_id, title

    def clear_doc(self, docname: str) -> None:
        for pages in self.pages.values():
            pages.pop(docname, None)
        self.overviews.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for skill_id, pages in otherdata['pages'].items():
            for docname, entry in pages.items():
                if docname in docnames:
                    self.pages.setdefault(skill_id, {})[docname] = entry
        self.overviews.update(docname for docname in otherdata['overviews'] if docname in docnames)

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        if typ == 'catalog':
            return self._resolve_catalog(fromdocname, builder, target, contnode)
        page = self.page_of(target)
        if page is None:
            return None
        docname, node_id, title = page
        if not node.get('refexplicit'):
            contnode = nodes.inline(title, title, classes=['skill-ref'])
        return make_refnode(builder, fromdocname, docname, node_id, contnode)

    def _resolve_catalog(
        self, fromdocname: str, builder: Builder, target: str, contnode: nodes.Element
    ) -> nodes.reference | None:
        """``<domain id>`` or ``<domain id>#<group id>``: the domain page or a group's section on it."""
        directory = self.env.config.skill_matrix_domain_pages
        domain_id, _sep, group_id = target.partition('#')
        docname = f'{directory}/{domain_id}'
        if not directory or docname not in self.env.all_docs or builder.format != 'html':
            return None  # the PDFs have no domain pages
        return make_refnode(builder, fromdocname, docname, group_id, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        reference = self.resolve_xref(env, fromdocname, builder, 'ref', target, node, contnode)
        return [('skill:ref', reference)] if reference else []

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        for skill_id in sorted(self.pages):
            page = self.page_of(skill_id)
            if page:
                docname, node_id, title = page
                yield skill_id, title, 'skill', docname, node_id, 1

    def skills_without_page(self, skill_ids: Iterable[str]) -> list[str]:
        return [skill_id for skill_id in skill_ids if not self.pages.get(skill_id)]
