"""The review of a build: its baseline and what changed since, resolved once when the builder
starts and kept for this build process (:func:`review_of`)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from skill_matrix.data.baseline import BaselineError, repository_root, resolve_baseline
from skill_matrix.data.changes import changes_since, to_json
from skill_matrix.labels import format_date
from skill_matrix.state import REVIEW_SUMMARY, BuildState, ProcessSlot, ReviewSummary
from skill_matrix.warning_types import REVIEW, WARNING_TYPE

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from skill_matrix.data.baseline import Baseline
    from skill_matrix.data.changes import CellChange, Changes

logger = logging.getLogger(__name__)


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


REVIEW_SLOT: ProcessSlot[Review] = ProcessSlot('review')


def review_of(env: BuildEnvironment) -> Review | None:
    """The review of the build that *env* belongs to, or ``None`` without a baseline."""
    return BuildState(env).get(REVIEW_SLOT)


def resolve_review(app: Sphinx) -> None:
    """Find the baseline and compute the changes, once per build (``builder-inited``)."""
    state = BuildState(app.env)
    state.put(REVIEW_SLOT, None)
    state.put(REVIEW_SUMMARY, None)
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
    review = Review(
        baseline,
        changes,
        app.config.language or 'en',
        hashlib.sha256(summary.encode('utf-8')).hexdigest(),
        shown,
    )
    state.put(REVIEW_SLOT, review)
    changed = tuple(skill.id for skill in changes.skills if skill.kind != 'removed')
    state.put(REVIEW_SUMMARY, ReviewSummary(review.label(), changed))
