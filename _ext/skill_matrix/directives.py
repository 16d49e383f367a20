"""The ``skill-matrix`` and ``skill-overview`` directives: glue between pages, data and nodes."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, cast

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from skill_matrix.data.loader import load_definitions, skill_files, skill_path
from skill_matrix.data.problems import DataError, did_you_mean, known
from skill_matrix.html.downloads import build_download_links
from skill_matrix.html.explorer import build_explorer
from skill_matrix.html.plan_data import plan_link
from skill_matrix.nodes.catalog import breadcrumb
from skill_matrix.nodes.matrix import LAYOUTS, MatrixView, build_matrix, build_overview
from skill_matrix.nodes.role_tables import level_rows, skill_level_rows
from skill_matrix.nodes.schema_table import SCHEMAS, build_schema_table, schema_path
from skill_matrix.warning_types import DUPLICATE_ANCHOR, UNKNOWN_REFERENCE, WARNING_TYPE

if TYPE_CHECKING:
    from sphinx.util.typing import OptionSpec

    from skill_matrix.data.model import Definitions, Skill
    from skill_matrix.domain import SkillDomain

logger = logging.getLogger(__name__)


def id_list(argument: str | None) -> tuple[str, ...]:
    """Option converter: ids separated by commas or spaces, at least one, no repeats."""
    ids = tuple(part for part in re.split(r'[\s,]+', argument or '') if part)
    if not ids:
        raise ValueError('expected one or more ids separated by commas')
    repeated = sorted({item for item in ids if ids.count(item) > 1})
    if repeated:
        raise ValueError(f'{known(repr(item) for item in repeated)} listed more than once')
    return ids


def layout(argument: str | None) -> str:
    return directives.choice(argument or '', LAYOUTS)


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

    def skill(self, path: Path, definitions: Definitions) -> Skill | None:
        """The skill in *path*, or None when it is broken (reported once per build)."""
        self.env.note_dependency(path)
        try:
            return self.domain.store.load(path, definitions)
        except DataError:
            return None

    @property
    def domain(self) -> SkillDomain:
        return cast('SkillDomain', self.env.domains['skill'])

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
            if isinstance(element, skill_level_rows):
                element['rows'] = tuple(
                    row
                    if row.anchor is None or self._claim(row.anchor, element)
                    else replace(row, anchor=None)
                    for row in level_rows(element)
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


class SkillMatrixDirective(SkillDataDirective):
    """``.. skill-matrix:: <skill id>``: a skill's role × level expectations as tables."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[OptionSpec] = {
        'roles': id_list,
        'levels': id_list,
        'layout': layout,
        'required-only': directives.flag,
        'class': directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        skill_id = self.arguments[0]
        try:
            path = skill_path(self.data_dir, skill_id)
        except LookupError as error:
            logger.warning(
                str(error), location=self.get_location(), type=WARNING_TYPE, subtype=UNKNOWN_REFERENCE
            )
            return []
        node_id = make_id(self.env, self.state.document, 'skill', skill_id)
        definitions = self.definitions()
        skill = self.skill(path, definitions) if definitions else None
        shown_before = self.env.docname in self.domain.pages.get(skill_id, {})
        if shown_before:
            logger.warning(
                f"this page shows skill '{skill_id}' twice: only the first matrix gets link ids "
                f"('{skill_id}-<level id>-<role id>'); show it once, or on separate pages",
                location=self.get_location(),
                type=WARNING_TYPE,
                subtype=DUPLICATE_ANCHOR,
            )
        self.domain.note_page(
            skill_id,
            self.env.docname,
            node_id,
            skill.title.text if skill else skill_id,
            whole=not {'roles', 'levels', 'required-only'} & set(self.options),
        )
        if definitions is None or skill is None:
            return [self._unavailable(node_id)]

        view = MatrixView(
            role_ids=self._selection('roles', skill.role_ids, definitions.role_ids, skill),
            level_ids=self._selection('levels', definitions.level_ids, definitions.level_ids, skill),
            layout=self.options.get('layout', self.config.skill_matrix_default_layout),
            required_only='required-only' in self.options,
            anchors=not shown_before,
        )
        matrix = build_matrix(
            skill,
            definitions,
            view,
            language=self.config.language,
            node_id=node_id,
            edit_url=self._edit_url(path),
        )
        matrix['classes'] += self.options.get('class', [])
        if self.config.skill_matrix_domain_pages:  # Domain › Group › Skill, linked to the domain page
            matrix.insert(0, breadcrumb(skill, self.env.docname))
        # For HTML readers, before the tables: the download links and the level picker.
        tables_at = next(
            index
            for index, child in enumerate(matrix.children)
            if isinstance(child, nodes.Element) and 'skill-tables-intro' in child['classes']
        )
        matrix[tables_at:tables_at] = [
            build_download_links(skill.id),
            plan_link(),
            build_explorer(skill, definitions, role_ids=view.role_ids, level_ids=view.level_ids),
        ]
        self.set_source_info(matrix)
        self.state.document.note_explicit_target(matrix)
        self.note_anchors(matrix)
        return [matrix]

    def _selection(
        self, option: str, default: tuple[str, ...], defined: tuple[str, ...], skill: Skill
    ) -> tuple[str, ...]:
        """The ids named by *option* (checked against the data), or *default*."""
        chosen: tuple[str, ...] = self.options.get(option, default)
        kind = option[:-1]
        for item in chosen:
            if item not in defined:
                hint = did_you_mean(item, defined)
                raise self.error(f":{option}: unknown {kind} '{item}' (known: {known(defined)}){hint}")
            if item not in default:
                raise self.error(
                    f":{option}: skill '{skill.id}' has no {kind} '{item}' (it has: {known(default)})"
                )
        return chosen

    def _edit_url(self, path: Path) -> str | None:
        """Where contributors change this skill: ``skill_matrix_edit_url`` with the file's path."""
        pattern: str | None = self.config.skill_matrix_edit_url
        if not pattern:
            return None
        return pattern.format(path=path.relative_to(self.env.srcdir).as_posix())

    def _unavailable(self, node_id: str) -> nodes.Element:
        message = f'The skill matrix for {self.arguments[0]!r} could not be built: see the build warnings.'
        node = nodes.paragraph(
            message, message, ids=[node_id], classes=['skill-matrix-unavailable'], translatable=False
        )
        self.state.document.note_explicit_target(node)
        return node


class SkillOverviewDirective(SkillDataDirective):
    """``.. skill-overview::``: every skill in the data directory with its stats, linked."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {'class': directives.class_option}

    def run(self) -> list[nodes.Node]:
        definitions = self.definitions()
        if definitions is None:
            return []
        skills = [skill for path in skill_files(self.data_dir) if (skill := self.skill(path, definitions))]
        self.domain.note_overview(self.env.docname)
        table = build_overview(sorted(skills, key=lambda skill: skill.title.text.casefold()), definitions)
        table['classes'] += self.options.get('class', [])
        self.set_source_info(table)
        return [table]


class SkillSchemaDirective(SphinxDirective):
    """``.. skill-schema:: skill|roles|levels|domains``: the data format, generated from its JSON Schema."""

    required_arguments = 1
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        name = self.arguments[0]
        if name not in SCHEMAS:
            raise self.error(
                f"unknown schema '{name}' (known: {known(SCHEMAS)}){did_you_mean(name, SCHEMAS)}"
            )
        self.env.note_dependency(schema_path(name))
        schema_table = build_schema_table(name)
        self.set_source_info(schema_table)
        return [schema_table]
