"""Review cycles in the site: the baseline of a build, what changed since, and where it shows.

The baseline is ``skill_matrix_since`` (any git ref; ``conf.py`` takes it from the environment
variable ``SINCE``, which ``make html SINCE=origin/main`` sets), else the newest tag matching
``skill_matrix_review_tags`` (default ``review/*``), else none. It is resolved once per build,
when the builder starts, and the changes are computed then (only the data files whose git blob
ids differ are parsed, see :mod:`skill_matrix.data.changes`). Without a baseline nothing of
this module shows and nothing else is done.

With a baseline:

* the page with ``.. skill-changes::`` lists every change, old and new text redlined, the
  texts as the build language showed them then (the catalog at the baseline) and shows them now;
* every changed row of a skill matrix and of a role page gets the class ``skill-changed`` and a
  marker linking to its entry (:class:`MarkChangedRows`);
* HTML pages name the baseline in their footer (:mod:`skill_matrix.html.review`), the PDF on its
  title page and in a first chapter (:mod:`skill_matrix.latex_review`).

The changes are summed up in a key kept in the environment: when the baseline, the data or the
changes differ from the last build's, every page that shows skills or changes is read again, so
an incremental build equals a clean one.
"""

from __future__ import annotations

import hashlib
import json
import weakref
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from docutils import nodes
from sphinx.locale import init as init_locale
from sphinx.transforms import SphinxTransform
from sphinx.util import docname_join, logging
from sphinx.util.i18n import docname_to_domain

from skill_matrix import latex_review
from skill_matrix.data.baseline import (
    DEFAULT_TAG_PATTERN,
    Baseline,
    BaselineError,
    repository_root,
    resolve_baseline,
)
from skill_matrix.data.changes import Changes, changes_since, to_json
from skill_matrix.directives import SkillDataDirective
from skill_matrix.html import review as html_review
from skill_matrix.i18n.data_text import merged_catalog
from skill_matrix.i18n.labels import _, format_date
from skill_matrix.nodes.changes import (
    CHANGES_TARGET,
    build_changes_page,
    change_anchor,
    change_marker,
    no_baseline_page,
    skill_change_marker,
    skill_deleted,
    skill_inserted,
)
from skill_matrix.nodes.pagedata import skip_node
from skill_matrix.nodes.role_tables import level_rows, row_key, skill_level_rows
from skill_matrix.warning_types import REVIEW, WARNING_TYPE

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from skill_matrix.data.changes import CellChange
    from skill_matrix.domain import SkillDomain

logger = logging.getLogger(__name__)

KEY_ATTRIBUTE = 'skill_matrix_review_key'
"""The environment's record of the last build's changes (an empty string: no baseline)."""


@dataclass(frozen=True)
class Review:
    """The baseline of this build and what changed since."""

    baseline: Baseline
    changes: Changes
    language: str
    key: str
    changed_cells: Mapping[str, CellChange] = field(default_factory=dict)
    """The cells shown today that were added or changed since the baseline, by key."""
    _catalogs: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)

    def label(self) -> str:
        """``review/2026-h1 (30.6.2026)``: the ref and the date in the build language."""
        return f'{self.baseline.ref} ({format_date(self.baseline.date, self.language)})'

    def old_catalog(self, po_paths: tuple[str, ...]) -> dict[str, str]:
        """msgid → msgstr of the catalogs *po_paths* (from the repository's top) at the baseline."""
        cache_key = '\0'.join(po_paths)
        if cache_key not in self._catalogs:
            merged: dict[str, str] = {}
            for path in po_paths:
                merged = {**self.baseline.catalog(path), **merged}  # the first catalog wins
            self._catalogs[cache_key] = merged
        return self._catalogs[cache_key]


_REVIEWS: weakref.WeakKeyDictionary[BuildEnvironment, Review] = weakref.WeakKeyDictionary()


def review_of(env: BuildEnvironment) -> Review | None:
    """The review of the build that *env* belongs to, or ``None`` without a baseline."""
    return _REVIEWS.get(env)


def resolve_review(app: Sphinx) -> None:
    """Find the baseline and compute the changes, once per build (``builder-inited``)."""
    _REVIEWS.pop(app.env, None)
    since: str | None = app.config.skill_matrix_since or None
    try:
        repo = repository_root(Path(app.srcdir))
    except BaselineError as error:
        if since:  # asked for a baseline outside git: say why there is none
            logger.warning(f'skill_matrix_since = {since!r}: {error}', type=WARNING_TYPE, subtype=REVIEW)
        return
    try:
        baseline = resolve_baseline(repo, since, app.config.skill_matrix_review_tags)
        if baseline is None:
            return
        changes = changes_since(baseline, Path(app.srcdir, app.config.skill_matrix_data_dir))
    except BaselineError as error:
        logger.warning(f'skill_matrix_since: {error}', type=WARNING_TYPE, subtype=REVIEW)
        return
    for warning in changes.warnings:
        location, _, message = warning.partition(': ')
        logger.warning(message, location=location, type=WARNING_TYPE, subtype=REVIEW)
    summary = json.dumps(to_json(changes, baseline), sort_keys=True, ensure_ascii=False)
    shown = {
        cell.key: cell
        for skill in changes.skills
        for cell in skill.cells
        if cell.kind != 'removed' and skill.kind != 'removed'
    }
    _REVIEWS[app.env] = Review(
        baseline,
        changes,
        app.config.language or 'en',
        hashlib.sha256(summary.encode('utf-8')).hexdigest(),
        shown,
    )
    if app.builder.format == 'latex':
        latex_review.add_review_preamble(app, _REVIEWS[app.env])


def outdated_review_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Read again every page that shows skills or changes when the changes differ from the last
    build's (another baseline, other data, a baseline found or gone)."""
    review = review_of(env)
    key = review.key if review else ''
    previous = getattr(env, KEY_ATTRIBUTE, '')
    setattr(env, KEY_ATTRIBUTE, key)
    if previous == key:
        return []
    domain = cast('SkillDomain', env.domains['skill'])
    pages = {docname for shown in domain.pages.values() for docname in shown} | domain.overviews
    return sorted(pages & env.found_docs - removed)


class SkillChangesDirective(SkillDataDirective):
    """``.. skill-changes::``: every change since the baseline, redlined, in the build language.

    It makes the page's title ("Changes since review/2026-h1 (30.6.2026)"). Without a baseline
    the page says that there is none.
    """

    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        self.domain.note_overview(self.env.docname)  # read again when the changes differ
        for name in ('roles.yaml', 'levels.yaml'):
            self.env.note_dependency(self.data_dir / name)
        review = review_of(self.env)
        if review is None:
            section = no_baseline_page(self.config.skill_matrix_review_tags)
        else:
            section = build_changes_page(
                review.changes,
                review.label(),
                old_text=self._translator(review.old_catalog(self._po_paths(review))),
                new_text=self._translator(self._current_catalog()),
            )
        section['ids'].insert(0, CHANGES_TARGET)
        section['names'].append(CHANGES_TARGET)  # a label: markers and footers find the page by it
        self.state.document.note_explicit_target(section)
        self.set_source_info(section)
        return [section]

    def _domain_name(self) -> str:
        return docname_to_domain(self.env.docname, self.config.gettext_compact)

    def _current_catalog(self) -> dict[str, str]:
        """The page's catalog as :class:`~skill_matrix.i18n.data_text.TranslateDataText` reads it."""
        if not self.config.language or self.config.language == 'en':
            return {}
        dirs = [self.env.srcdir / directory for directory in self.config.locale_dirs]
        catalog, has_catalog = init_locale(dirs, self.config.language, self._domain_name())
        return merged_catalog(catalog) if has_catalog else {}

    def _po_paths(self, review: Review) -> tuple[str, ...]:
        """The page's catalog files in the repository, as at the baseline."""
        if not self.config.language or self.config.language == 'en':
            return ()
        paths = []
        for directory in self.config.locale_dirs:
            folder = Path(self.env.srcdir, directory, self.config.language, 'LC_MESSAGES')
            try:
                relative = folder.resolve().relative_to(review.baseline.repo.resolve())
            except ValueError:
                continue
            paths.append((relative / f'{self._domain_name()}.po').as_posix())
        return tuple(paths)

    @staticmethod
    def _translator(catalog: Mapping[str, str]) -> Callable[[str], str]:
        def translate(text: str) -> str:
            return ' '.join(catalog.get(text, text).split()) if catalog.get(text) else text

        return translate


class SkillChangesTocDirective(SkillDataDirective):
    """``.. skill-changes-toctree:: changes``: with a baseline, a toctree (captioned "Review") of
    the changes page, so that it leads the navigation and is the PDF's first chapter; without one,
    nothing (the changes page is then an orphan: give it ``:orphan:``)."""

    required_arguments = 1
    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        self.domain.note_overview(self.env.docname)  # read again when a baseline comes or goes
        if review_of(self.env) is None:
            return []
        target = docname_join(self.env.docname, self.arguments[0])
        # the caption, a UI label already translated: no rawcaption for gettext to extract
        return [self.toctree([target], hidden=False, maxdepth=1, caption=_('Review'))]


class MarkChangedRows(SphinxTransform):
    """Mark each row (and grid cell) of a skill matrix or a role page that changed since the
    baseline: the class ``skill-changed`` and a marker linking to its entry of the changes page."""

    default_priority = 880  # after the translation of the texts (15-25)

    def apply(self, **kwargs: Any) -> None:
        review = review_of(self.env)
        if review is None or not review.changed_cells:
            return
        for body in self.document.findall(skill_level_rows):
            body['rows'] = tuple(
                replace(row, changed=True) if row_key(body, row) in review.changed_cells else row
                for row in level_rows(body)
            )
        for element in list(self.document.findall(nodes.Element)):
            if not isinstance(element, nodes.row | nodes.entry):
                continue
            classes = element['classes']
            if not ('skill-row' in classes or ('skill-cell' in classes and 'skill-omitted' not in classes)):
                continue
            key = _cell_key(element)
            if key is None or key not in review.changed_cells:
                continue
            element['classes'].append('skill-changed')
            cell = element if isinstance(element, nodes.entry) else element.children[-1]
            holder = cell.children[-1] if cell.children else None
            if isinstance(holder, nodes.paragraph):
                holder += nodes.Text(' ')
                holder += change_marker(change_anchor(key))


def _cell_key(element: nodes.Element) -> str | None:
    """``<skill>-<level>-<role>`` of a row or grid cell, from its classes and its matrix."""
    values = {}
    for prefix in ('skill-of-', 'skill-role-', 'skill-level-'):
        values[prefix] = next(
            (name.removeprefix(prefix) for name in element['classes'] if name.startswith(prefix)), None
        )
    skill_id = values['skill-of-']
    parent = element.parent
    while skill_id is None and parent is not None:
        if isinstance(parent, nodes.Element) and parent.get('skill'):
            skill_id = parent['skill']
        parent = parent.parent
    if skill_id is None or values['skill-role-'] is None or values['skill-level-'] is None:
        return None
    return f'{skill_id}-{values["skill-level-"]}-{values["skill-role-"]}'


def html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    review = review_of(app.env)
    if review is not None:
        html_review.add_review_context(app, review, pagename, context, doctree)


def _visit_text(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    """Text, manual page, Texinfo: deletions and insertions as plain text."""


def _depart_text(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    pass


def setup_review(app: Sphinx) -> None:
    """Register the configuration values, nodes, directive, transform and events of review cycles."""
    app.add_config_value('skill_matrix_since', None, 'env', types=frozenset({str, type(None)}))
    app.add_config_value('skill_matrix_review_tags', DEFAULT_TAG_PATTERN, 'env', types=frozenset({str}))
    text = (_visit_text, _depart_text)
    app.add_node(
        skill_deleted,
        html=(html_review.visit_deleted, html_review.depart_deleted),
        latex=(latex_review.visit_deleted, None),
        text=text,
        man=text,
        texinfo=text,
    )
    app.add_node(
        skill_inserted,
        html=(html_review.visit_inserted, html_review.depart_inserted),
        latex=(latex_review.visit_inserted, None),
        text=text,
        man=text,
        texinfo=text,
    )
    skip = (skip_node, None)
    app.add_node(
        skill_change_marker,
        html=(html_review.visit_marker, html_review.depart_marker),
        latex=(latex_review.visit_marker, None),
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_directive('skill-changes', SkillChangesDirective)
    app.add_directive('skill-changes-toctree', SkillChangesTocDirective)
    app.add_transform(MarkChangedRows)
    app.connect('config-inited', html_review.add_review_templates)
    app.connect('builder-inited', resolve_review)
    app.connect('env-get-outdated', outdated_review_pages)
    app.connect('html-page-context', html_page_context)
