"""The data directory in a build: the configuration checked, every file validated once and its
problems reported, the validated files kept for the next build, and the pages that list every
skill read or written again when skill files or their pages come and go."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.errors import ConfigError
from sphinx.util import logging

from skill_matrix.data.domains import load_catalog
from skill_matrix.data.loader import check_data_dir, load_definitions, skill_files
from skill_matrix.data.problems import DataError
from skill_matrix.data.store import STORE_FILE
from skill_matrix.nodes.matrix import LAYOUTS, overview_digest, overview_skills
from skill_matrix.state import BuildState
from skill_matrix.warning_types import DATA_ERROR, DOMAINS, UNUSED_SKILL, WARNING_TYPE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def data_dir(app: Sphinx) -> Path:
    return Path(app.srcdir, app.config.skill_matrix_data_dir)


def check_config(app: Sphinx, config: Config) -> None:
    """Fail early, with the setting's name, on a configuration that cannot work."""
    directory = Path(app.srcdir, config.skill_matrix_data_dir)
    if not (directory / 'roles.yaml').is_file() or not (directory / 'levels.yaml').is_file():
        raise ConfigError(
            f'skill_matrix_data_dir = {config.skill_matrix_data_dir!r}: {directory} must hold '
            'roles.yaml, levels.yaml and a skills/ folder'
        )
    edit_url = config.skill_matrix_edit_url
    if edit_url and (not isinstance(edit_url, str) or '{path}' not in edit_url):
        raise ConfigError(
            f"skill_matrix_edit_url = {edit_url!r}: give a URL with {{path}} where the data file's path "
            "goes, e.g. 'https://git.example.com/org/repo/-/edit/main/{path}', or None to show no link"
        )
    if config.skill_matrix_default_layout not in LAYOUTS:
        raise ConfigError(
            f'skill_matrix_default_layout = {config.skill_matrix_default_layout!r}: '
            f'choose one of {", ".join(LAYOUTS)}'
        )


def report_data_problems(app: Sphinx) -> None:
    """Validate the whole data directory once per build and warn about every problem.

    Files unchanged since the last build are answered from the saved store (see store.py).
    """
    store = BuildState(app.env).store
    if not app.fresh_env_used:
        store.read(Path(app.doctreedir, STORE_FILE))
    for problem in check_data_dir(data_dir(app), load=store.load):
        logger.warning(problem.message, location=problem.location, type=WARNING_TYPE, subtype=DATA_ERROR)
    for problem in load_catalog(data_dir(app), store.load)[1]:
        logger.warning(problem.message, location=problem.location, type=WARNING_TYPE, subtype=DOMAINS)


def save_store(app: Sphinx, exception: Exception | None) -> None:
    store = BuildState(app.env).store
    store.end_build()
    if exception is None:
        store.save(Path(app.doctreedir, STORE_FILE))


def outdated_overviews(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Rebuild the pages that list every skill when skill files are added or removed, or when
    what a ``skill-overview`` table shows has changed (the overview notes no skill file as its
    dependency: an edited description leaves it as it was)."""
    paths = skill_files(data_dir(app))
    files = [path.name for path in paths]
    state = BuildState(env)
    digest = _overview_digest(state, paths, data_dir(app))
    if state.last_skill_files == files and state.last_overview == digest:
        return []
    state.last_skill_files = files
    state.last_overview = digest
    return sorted(state.domain.overviews - removed)


def _overview_digest(state: BuildState, paths: list[Path], directory: Path) -> str | None:
    """The digest of what a ``skill-overview`` table shows now (None: no roles or levels)."""
    try:
        definitions = load_definitions(directory)
    except DataError:
        return None
    skills = []
    for path in paths:
        try:
            skills.append(state.store.load(path, definitions))
        except DataError:
            continue  # not shown, as in the directive
    return overview_digest(overview_skills(skills), definitions)


def relinked_overviews(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Write the overview pages again when a skill's page appears, goes or moves: they link
    every skill, and Sphinx resolves links only in the pages it writes."""
    state = BuildState(env)
    domain = state.domain
    found = {skill_id: domain.page_of(skill_id) for skill_id in sorted(domain.pages)}
    targets = {skill_id: target for skill_id, target in found.items() if target}
    if state.last_link_targets == targets:
        return []
    state.last_link_targets = targets
    return sorted(domain.overviews & env.found_docs)


def report_skills_without_page(app: Sphinx, env: BuildEnvironment) -> None:
    domain = BuildState(env).domain
    files = {path.stem: path for path in skill_files(data_dir(app))}
    for skill_id in domain.skills_without_page(files):
        logger.warning(
            f"skill '{skill_id}' has no page: add one with '.. skill-matrix:: {skill_id}'",
            location=f'{files[skill_id]}:1',
            type=WARNING_TYPE,
            subtype=UNUSED_SKILL,
        )
