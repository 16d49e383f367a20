"""The review's pages: ``.. skill-changes::`` (every change, redlined, in the build language), the
toctree that lists it only when there is a baseline, and the pages read again when the changes
differ from the last build's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from sphinx.util import docname_join
from sphinx.util.i18n import docname_to_domain

from skill_matrix.data import richtext
from skill_matrix.data.characters import visible
from skill_matrix.directives import SkillDataDirective
from skill_matrix.labels import _
from skill_matrix.nodes.changes import (
    CHANGES_TARGET,
    Texts,
    build_changes_page,
    no_baseline_page,
    source_texts,
)
from skill_matrix.nodes.text import page_catalog
from skill_matrix.review._state import review_of
from skill_matrix.state import BuildState

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import OptionSpec

    from skill_matrix.review._state import Review

DATA_LANGUAGE = 'en'
"""The language the data is written in: what the catalogs translate from."""


def outdated_review_pages(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Read again every page that shows skills or changes when the changes differ from the last
    build's (another baseline, other data, a baseline found or gone)."""
    review = review_of(env)
    key = review.key if review else ''
    state = BuildState(env)
    previous = state.last_review
    state.last_review = key
    if previous == key:
        return []
    domain = state.domain
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
            section = build_changes_page(review.changes, review.label(), self._texts(review))
        section['ids'].insert(0, CHANGES_TARGET)
        section['names'].append(CHANGES_TARGET)  # a label: markers and footers find the page by it
        self.state.document.note_explicit_target(section)
        self.set_source_info(section)
        return [section]

    def _domain_name(self) -> str:
        return docname_to_domain(self.env.docname, self.config.gettext_compact)

    def _current_catalog(self) -> dict[str, str]:
        """The page's catalog as the translation of data texts reads it (:mod:`skill_matrix.i18n`)."""
        if not self.config.language or self.config.language == 'en':
            return {}
        dirs = [self.env.srcdir / directory for directory in self.config.locale_dirs]
        return page_catalog(dirs, self.config.language, self._domain_name()) or {}

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

    def _texts(self, review: Review) -> Texts:
        """The data's texts in the build language: the catalog at the baseline for the old ones,
        today's for the new; a text without a translation there is pending."""
        if not self.config.language or self.config.language == DATA_LANGUAGE:
            return source_texts(DATA_LANGUAGE)
        old = review.old_catalog(self._po_paths(review))
        return Texts(self._lookup(old), self._lookup(self._current_catalog()), DATA_LANGUAGE)

    @staticmethod
    def _lookup(catalog: Mapping[str, str]) -> Callable[[str], str | None]:
        def translate(text: str) -> str | None:
            translation = catalog.get(text)
            return (
                richtext.normalized(visible(translation)) if translation else None
            )  # a rich text keeps its lines

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
