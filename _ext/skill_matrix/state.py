"""Per-build state in one home: what the environment keeps for the next build, and what this
build process knows. Every module reads and writes it through :class:`BuildState`.

* **Kept** with the environment (pickled between incremental builds, in the ``skill`` domain's
  data): which page shows which skill and which pages list every skill (merged after parallel
  reading), and the records of the last build that the next one compares with: the skill
  files, where links to skills led, what each domain page and each page's navigation showed,
  and the review's changes.
* **This process only** (never pickled): the validated data files
  (:class:`~skill_matrix.data.store.SkillStore`) and what a feature computes once per build and
  names with a :class:`ProcessSlot` of its own (the navigation tree, the review).

The ``skill`` domain lives here because Sphinx keeps a domain's data with the environment; it
also resolves ``:skill:ref:`id``` to the page that shows the skill.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar, Generic, NamedTuple, TypeVar, cast

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

T = TypeVar('T')

Targets = dict[str, tuple[str, str, str]]
"""Skill id → the docname, node id and title that links to the skill lead to."""


class SkillDomain(Domain):
    """Records every page that shows a skill matrix; ``:skill:ref:`id``` links to it."""

    name = 'skill'
    label = 'Skills'
    object_types: ClassVar[dict[str, ObjType]] = {'skill': ObjType('skill', 'ref')}
    roles: ClassVar[dict[str, RoleFunction | XRefRole]] = {'ref': XRefRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        'pages': {},  # skill id -> {docname: (node id, title, shows the whole matrix)}
        'overviews': set(),  # docnames that list every skill
        'overview': '',  # a digest of what a skill-overview table showed in the last build
        'files': [],  # skill file names seen by the last build, to spot added or removed ones
        'catalog': {},  # domain id -> what its page showed in the last build
        'navigation': {},  # docname -> its navigation in the last build
        'targets': {},  # skill id -> where links to it led in the last build
        'review': '',  # the last build's review changes, summed up ('': no baseline)
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self.store = SkillStore()
        """The validated skill files of this build (kept in memory, saved at the build's end)."""
        self.in_process: dict[str, object] = {}
        """What features compute once per build process, by :class:`ProcessSlot` name."""
        self._skills_by_page: tuple[object, dict[str, set[str]]] | None = None
        """The ids of the skills each page shows (``pages`` turned around), with the ``pages`` it was
        made from: clearing a page touches its own skills, not every skill (quadratic at 1,000)."""

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
        self._shown_on().setdefault(docname, set()).add(skill_id)

    def _shown_on(self) -> dict[str, set[str]]:
        """Page → the ids of the skills it shows, made again when ``pages`` is another dict."""
        pages = self.pages
        if self._skills_by_page is None or self._skills_by_page[0] is not pages:
            shown: dict[str, set[str]] = {}
            for skill_id, docnames in pages.items():
                for docname in docnames:
                    shown.setdefault(docname, set()).add(skill_id)
            self._skills_by_page = (pages, shown)
        return self._skills_by_page[1]

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
        for skill_id in self._shown_on().pop(docname, ()):
            self.pages.get(skill_id, {}).pop(docname, None)
        self.overviews.discard(docname)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for skill_id, pages in otherdata['pages'].items():
            for docname, entry in pages.items():
                if docname in docnames:
                    self.pages.setdefault(skill_id, {})[docname] = entry
        self.overviews.update(docname for docname in otherdata['overviews'] if docname in docnames)
        self._skills_by_page = None

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


class ProcessSlot(Generic[T]):
    """The name of something one build process computes once and shares, declared by the module
    that owns it (``NAVIGATION: ProcessSlot[Navigation] = ProcessSlot('navigation')``)."""

    def __init__(self, name: str) -> None:
        self.name = name


class ReviewSummary(NamedTuple):
    """What the build's review baseline changed, for what lies outside the review package (the
    PDF of only the changes): the baseline as the build language writes it ("review/2026-h1
    (30.6.2026)") and the ids of the skills added or changed since, in display order."""

    baseline: str
    skills: tuple[str, ...]


REVIEW_SUMMARY: ProcessSlot[ReviewSummary] = ProcessSlot('review-summary')
"""Put by the review when the builder starts; absent without a baseline."""


class BuildState:
    """Typed access to the extension's state of the build that *env* belongs to."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.domain = cast('SkillDomain', env.domains['skill'])
        """Which page shows which skill, which pages list every skill (kept)."""

    # --- this build process only --------------------------------------------------------------

    @property
    def store(self) -> SkillStore:
        """The validated data files (saved next to the environment by the extension)."""
        return self.domain.store

    def get(self, slot: ProcessSlot[T]) -> T | None:
        return cast('T | None', self.domain.in_process.get(slot.name))

    def put(self, slot: ProcessSlot[T], value: T | None) -> None:
        """Keep *value* for the rest of this build (``None`` forgets it)."""
        if value is None:
            self.domain.in_process.pop(slot.name, None)
        else:
            self.domain.in_process[slot.name] = value

    # --- kept for the next build: what this one saw -------------------------------------------

    @property
    def last_skill_files(self) -> list[str]:
        """The skill files' names, to spot added or removed ones."""
        return cast('list[str]', self.domain.data['files'])

    @last_skill_files.setter
    def last_skill_files(self, names: list[str]) -> None:
        self.domain.data['files'] = names

    @property
    def last_link_targets(self) -> Targets:
        """Where links to each skill led."""
        return cast('Targets', self.domain.data['targets'])

    @last_link_targets.setter
    def last_link_targets(self, targets: Targets) -> None:
        self.domain.data['targets'] = targets

    @property
    def last_overview(self) -> str | None:
        """A digest of what a ``skill-overview`` table showed (``''``: an environment pickled
        before this record was kept here)."""
        return cast('str | None', self.domain.data.get('overview', ''))

    @last_overview.setter
    def last_overview(self, digest: str | None) -> None:
        self.domain.data['overview'] = digest

    @property
    def last_domain_pages(self) -> dict[str, tuple[object, ...]]:
        """Domain id → what its page showed besides its skills' own texts."""
        return cast('dict[str, tuple[object, ...]]', self.domain.data['catalog'])

    @last_domain_pages.setter
    def last_domain_pages(self, signatures: dict[str, tuple[object, ...]]) -> None:
        self.domain.data['catalog'] = signatures

    @property
    def last_navigation(self) -> dict[str, str]:
        """Docname → a digest of its sidebar, previous, next and parent pages."""
        return cast('dict[str, str]', self.domain.data['navigation'])

    @last_navigation.setter
    def last_navigation(self, signatures: dict[str, str]) -> None:
        self.domain.data['navigation'] = signatures

    @property
    def last_review(self) -> str:
        """A digest of the review's baseline and changes (``''``: no baseline, or an environment
        pickled before this record was kept here)."""
        return cast('str', self.domain.data.get('review', ''))

    @last_review.setter
    def last_review(self, key: str) -> None:
        self.domain.data['review'] = key
