"""Skill matrices for Sphinx: role × level expectations of a skill, read from YAML."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.i18n import CatalogInfo

from skill_matrix.datanodes import skill_caption, skill_text
from skill_matrix.directives import WARNING_TYPE, SkillMatrixDirective, SkillOverviewDirective
from skill_matrix.domain import SkillDomain
from skill_matrix.i18n import TranslateDataText
from skill_matrix.labels import CATALOG
from skill_matrix.loader import check_data_dir, skill_files
from skill_matrix.render import LAYOUTS
from skill_matrix.store import STORE_FILE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

__version__ = '0.1.0'

logger = logging.getLogger(__name__)

LOCALE_DIR = Path(__file__).parent / 'locale'
STATIC_DIR = Path(__file__).parent / 'static'


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
    if config.skill_matrix_default_layout not in LAYOUTS:
        raise ConfigError(
            f'skill_matrix_default_layout = {config.skill_matrix_default_layout!r}: '
            f'choose one of {", ".join(LAYOUTS)}'
        )


def report_data_problems(app: Sphinx) -> None:
    """Validate the whole data directory once per build and warn about every problem.

    Files unchanged since the last build are answered from the saved store (see store.py).
    """
    store = cast('SkillDomain', app.env.domains['skill']).store
    if not app.fresh_env_used:
        store.read(Path(app.doctreedir, STORE_FILE))
    for problem in check_data_dir(data_dir(app), load=store.load):
        logger.warning(problem.message, location=problem.location, type=WARNING_TYPE, subtype='data')


def save_store(app: Sphinx, exception: Exception | None) -> None:
    if exception is None:
        cast('SkillDomain', app.env.domains['skill']).store.save(Path(app.doctreedir, STORE_FILE))


def outdated_overviews(
    app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """Rebuild the overview pages when skill files are added or removed."""
    files = [path.name for path in skill_files(data_dir(app))]
    domain = cast('SkillDomain', env.domains['skill'])
    if domain.data.get('files') == files:
        return []
    domain.data['files'] = files
    return sorted(domain.overviews - removed)


def report_skills_without_page(app: Sphinx, env: BuildEnvironment) -> None:
    domain = cast('SkillDomain', env.domains['skill'])
    for path in skill_files(data_dir(app)):
        if domain.skills_without_page([path.stem]):
            logger.warning(
                f"skill '{path.stem}' has no page: add one with '.. skill-matrix:: {path.stem}'",
                location=f'{path}:1',
                type=WARNING_TYPE,
                subtype='unused',
            )


def add_static_dir(app: Sphinx) -> None:
    if app.builder.format == 'html':
        app.config.html_static_path.append(str(STATIC_DIR))


def add_assets_to_matrix_pages(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """Only pages that show a matrix or the overview load the stylesheet."""
    if doctree is not None and doctree.next_node(
        lambda node: (
            isinstance(node, nodes.Element)
            and bool({'skill-matrix', 'skill-overview'} & set(node['classes']))
        )
    ):
        app.add_css_file('skill_matrix.css')


def compile_catalogs() -> None:
    """Compile the extension's .po files to .mo when they are newer (Sphinx never does)."""
    for po_file in LOCALE_DIR.glob(f'*/LC_MESSAGES/{CATALOG}.po'):
        catalog = CatalogInfo(str(po_file.parent), CATALOG, 'utf-8')
        if catalog.is_outdated():
            try:
                catalog.write_mo(po_file.parent.parent.name)
            except OSError as error:
                logger.warning(f'cannot compile {po_file}: {error}', type=WARNING_TYPE, subtype='catalog')


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value('skill_matrix_data_dir', 'data', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_default_layout', 'by-level', 'env', types=frozenset({str}))
    # Sphinx's translators render these as the paragraph and title they extend; registering
    # them makes docutils' own visitors treat them as ordinary nodes too.
    app.add_node(skill_text)
    app.add_node(skill_caption)
    app.add_domain(SkillDomain)
    app.add_transform(TranslateDataText)
    app.add_directive('skill-matrix', SkillMatrixDirective)
    app.add_directive('skill-overview', SkillOverviewDirective)
    compile_catalogs()
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))
    app.connect('config-inited', check_config)
    app.connect('builder-inited', report_data_problems)
    app.connect('builder-inited', add_static_dir)
    app.connect('html-page-context', add_assets_to_matrix_pages)
    app.connect('env-get-outdated', outdated_overviews)
    app.connect('env-check-consistency', report_skills_without_page)
    app.connect('build-finished', save_store)
    return {
        'version': __version__,
        'env_version': 1,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
