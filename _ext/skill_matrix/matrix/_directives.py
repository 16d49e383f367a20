"""The skill matrix's directives: ``skill-matrix`` (a skill's role × level expectations),
``skill-overview`` (every skill with its stats) and ``skill-schema`` (the data format)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_id

from skill_matrix.data.loader import skill_files, skill_path
from skill_matrix.data.problems import did_you_mean, known
from skill_matrix.directives import SkillDataDirective
from skill_matrix.nodes.catalog import breadcrumb
from skill_matrix.nodes.matrix import (
    LAYOUTS,
    MatrixView,
    build_matrix,
    build_overview,
    overview_skills,
)
from skill_matrix.nodes.placeholders import build_download_links, build_explorer, plan_link
from skill_matrix.nodes.schema_table import SCHEMAS, build_schema_table, schema_path
from skill_matrix.warning_types import DUPLICATE_ANCHOR, UNKNOWN_REFERENCE, WARNING_TYPE

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx.util.typing import OptionSpec

    from skill_matrix.data.model import Skill

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
    """``.. skill-overview::``: every skill in the data directory with its stats, linked.

    Its page is not read again whenever a skill file changes, only when what the table shows
    changes (:func:`~skill_matrix.nodes.matrix.overview_digest`, compared in ``_data.py``): an
    edited description leaves the table of 1,000 skills as it was."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {'class': directives.class_option}

    def run(self) -> list[nodes.Node]:
        definitions = self.definitions()
        if definitions is None:
            return []
        loaded = (self.skill(path, definitions, depends=False) for path in skill_files(self.data_dir))
        skills = overview_skills(skill for skill in loaded if skill is not None)
        self.domain.note_overview(self.env.docname)
        table = build_overview(skills, definitions)
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
