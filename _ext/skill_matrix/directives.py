"""The base of the extension's directives: the data directory, the page's dependencies, its
link ids, sections, links and toctrees made as reStructuredText would make them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from skill_matrix.data.loader import load_definitions
from skill_matrix.data.problems import DataError
from skill_matrix.nodes.rows import data_rows, skill_rows
from skill_matrix.state import BuildState
from skill_matrix.warning_types import DUPLICATE_ANCHOR, WARNING_TYPE

if TYPE_CHECKING:
    from skill_matrix.data.model import Definitions, Skill
    from skill_matrix.state import SkillDomain

logger = logging.getLogger(__name__)


class SkillDataDirective(SphinxDirective):
    """Shared access to the data directory, with the page's dependencies noted."""

    @property
    def data_dir(self) -> Path:
        return Path(self.env.srcdir, str(self.config.skill_matrix_data_dir))

    def definitions(self) -> Definitions | None:
        """Roles and levels, or None when they are broken (reported once per build)."""
        for name in ('roles.yaml', 'levels.yaml'):
            self.env.note_dependency(self.data_dir / name)
        try:
            return load_definitions(self.data_dir)
        except DataError:
            return None

    def skill(self, path: Path, definitions: Definitions, *, depends: bool = True) -> Skill | None:
        """The skill in *path*, or None when it is broken (reported once per build). With
        *depends*, the page is read again whenever the file changes."""
        if depends:
            self.env.note_dependency(path)
        try:
            return BuildState(self.env).store.load(path, definitions)
        except DataError:
            return None

    @property
    def domain(self) -> SkillDomain:
        """Which page shows which skill (:mod:`skill_matrix.state`)."""
        return BuildState(self.env).domain

    def section(self, title: nodes.title, section_id: str, classes: list[str]) -> nodes.section:
        """A section titled *title* with the id *section_id*, noted as the page's target."""
        section = nodes.section('', title, ids=[section_id], classes=classes)
        section['names'].append(nodes.fully_normalize_name(title.astext()))
        self.state.document.note_implicit_target(section)
        self.set_source_info(section)
        return section

    def doc_reference(self, docname: str) -> addnodes.pending_xref:
        """A link to the page *docname* (from the source folder), resolved as ``:doc:`/docname```."""
        return addnodes.pending_xref(
            '',
            refdomain='std',
            reftype='doc',
            reftarget=f'/{docname}',
            refexplicit=True,
            refdoc=self.env.docname,
        )

    def toctree(
        self,
        docnames: list[str],
        *,
        hidden: bool = True,
        maxdepth: int = -1,
        caption: str | None = None,
        skill_caption: str | None = None,
    ) -> nodes.compound:
        """What ``.. toctree::`` listing *docnames* makes (``:hidden:`` unless told otherwise).

        A *skill_caption* (a UI label, already translated) captions the entries in the catalog's
        navigation without being a ``caption``, which Sphinx would extract into the page catalogs.
        """
        toctree = addnodes.toctree(
            parent=self.env.docname,
            entries=[(None, docname) for docname in docnames],
            includefiles=list(docnames),
            maxdepth=maxdepth,
            caption=caption,
            glob=False,
            hidden=hidden,
            includehidden=False,
            numbered=0,
            titlesonly=False,
            skill_caption=skill_caption,
        )
        self.set_source_info(toctree)
        return nodes.compound('', toctree, classes=['toctree-wrapper'])

    def note_anchors(self, node: nodes.Element) -> None:
        """Register the link ids of the tables and cells in *node* with the page.

        Docutils then gives no other element these ids (its automatic ``id1`` … and the ids of
        later headings step aside), so they stay the same whatever else the page holds. An id that
        an earlier element of the page already has is left out, with a warning.
        """
        for element in node.findall(nodes.Element):
            element['ids'] = [anchor_id for anchor_id in element['ids'] if self._claim(anchor_id, element)]
            if isinstance(element, skill_rows):
                element['rows'] = tuple(
                    row
                    if row.anchor is None or self._claim(row.anchor, element)
                    else replace(row, anchor=None)
                    for row in data_rows(element)
                )

    def _claim(self, anchor_id: str, element: nodes.Element) -> bool:
        """Make *anchor_id* *element*'s on the page; False, with a warning, when it is taken."""
        owner = self.state.document.ids.setdefault(anchor_id, element)
        if owner is element:
            return True
        title = owner.next_node(nodes.title) if isinstance(owner, nodes.section) else None
        other = f"the heading '{title.astext()}'" if title else f'a {owner.tagname} element'
        logger.warning(
            f"the link id '{anchor_id}' is already the id of {other} on this page: "
            'the element shown here goes without it; rename the other element',
            location=self.get_location(),
            type=WARNING_TYPE,
            subtype=DUPLICATE_ANCHOR,
        )
        return False
