"""The Sphinx side of the extension: configuration, events, directives, assets, catalogs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from docutils import nodes
from sphinx.errors import ConfigError
from sphinx.util import logging
from sphinx.util.i18n import CatalogInfo

from skill_matrix import __version__
from skill_matrix.catalog_pages import (
    DomainPageDirective,
    SkillCatalogDirective,
    outdated_domain_pages,
    write_domain_stubs,
)
from skill_matrix.data.domains import load_catalog
from skill_matrix.data.loader import check_data_dir, skill_files
from skill_matrix.data.store import STORE_FILE
from skill_matrix.directives import (
    SkillMatrixDirective,
    SkillOverviewDirective,
    SkillSchemaDirective,
)
from skill_matrix.domain import SkillDomain
from skill_matrix.html.accessibility import depart_entry, visit_title
from skill_matrix.html.anchors import DropCopiedIds, depart_title, visit_entry
from skill_matrix.html.catalog import depart_breadcrumb, depart_search, visit_breadcrumb, visit_search
from skill_matrix.html.downloads import write_downloads
from skill_matrix.html.explorer import SCRIPT, STYLESHEET, emit_explorer_data
from skill_matrix.html.pdf_link import setup_pdf_link
from skill_matrix.html.role_tables import visit_level_rows
from skill_matrix.i18n.data_text import CountLevelRowTexts, MarkTranslatedToctrees, TranslateDataText
from skill_matrix.i18n.labels import CATALOG, build_date, format_date
from skill_matrix.i18n.switcher import add_language_context, add_stylesheet, add_templates
from skill_matrix.i18n.translation_warnings import install as install_translation_warnings
from skill_matrix.latex import LaTeXColumns, LaTeXMatrixTargets, localize_fixed_texts
from skill_matrix.latex_unicode import LaTeXUnprintable, report_unprintable, unicode_elements
from skill_matrix.navigation import changed_navigation, use_furo_navigation, use_navigation
from skill_matrix.nodes.catalog import skill_breadcrumb, skill_search
from skill_matrix.nodes.matrix import LAYOUTS
from skill_matrix.nodes.pagedata import drop_skill_data, skill_data, skip_node
from skill_matrix.nodes.role_tables import skill_level_rows
from skill_matrix.nodes.text import skill_caption, skill_inline, skill_text
from skill_matrix.plan_page import GrowthPlanDirective, add_plan_assets, resolve_plan
from skill_matrix.review import setup_review
from skill_matrix.role_pages import (
    RoleIndexDirective,
    RoleProfileDirective,
    link_role_names,
    resolve_level_rows,
    write_role_stubs,
)
from skill_matrix.warning_types import CATALOG_ERROR, DATA_ERROR, DOMAINS, UNUSED_SKILL, WARNING_TYPE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config
    from sphinx.environment import BuildEnvironment
    from sphinx.util.typing import ExtensionMetadata

logger = logging.getLogger(__name__)

LOCALE_DIR = Path(__file__).parent / 'locale'
STATIC_DIR = Path(__file__).parent / 'html' / 'static'


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


def set_today(app: Sphinx, config: Config) -> None:
    """Write the build date (``|today|``, the PDF's title page) the way the pages write dates.

    Sphinx's default format pads the day ("Dec 01, 2026"). A ``today`` or ``today_fmt`` set in
    ``conf.py`` wins. Like any change of ``today``, a new day makes the next incremental build
    read every page again.
    """
    if not config.today and not config.today_fmt:
        config.today = format_date(build_date(), config.language)


def report_data_problems(app: Sphinx) -> None:
    """Validate the whole data directory once per build and warn about every problem.

    Files unchanged since the last build are answered from the saved store (see store.py).
    """
    store = cast('SkillDomain', app.env.domains['skill']).store
    if not app.fresh_env_used:
        store.read(Path(app.doctreedir, STORE_FILE))
    for problem in check_data_dir(data_dir(app), load=store.load):
        logger.warning(problem.message, location=problem.location, type=WARNING_TYPE, subtype=DATA_ERROR)
    for problem in load_catalog(data_dir(app), store.load)[1]:
        logger.warning(problem.message, location=problem.location, type=WARNING_TYPE, subtype=DOMAINS)


def save_store(app: Sphinx, exception: Exception | None) -> None:
    store = cast('SkillDomain', app.env.domains['skill']).store
    store.end_build()
    if exception is None:
        store.save(Path(app.doctreedir, STORE_FILE))


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


def relinked_overviews(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Write the overview pages again when a skill's page appears, goes or moves: they link
    every skill, and Sphinx resolves links only in the pages it writes."""
    domain = cast('SkillDomain', env.domains['skill'])
    targets = {skill_id: domain.page_of(skill_id) for skill_id in sorted(domain.pages)}
    targets = {skill_id: target for skill_id, target in targets.items() if target}
    if domain.data['targets'] == targets:
        return []
    domain.data['targets'] = targets
    return sorted(domain.overviews & env.found_docs)


def report_skills_without_page(app: Sphinx, env: BuildEnvironment) -> None:
    domain = cast('SkillDomain', env.domains['skill'])
    files = {path.stem: path for path in skill_files(data_dir(app))}
    for skill_id in domain.skills_without_page(files):
        logger.warning(
            f"skill '{skill_id}' has no page: add one with '.. skill-matrix:: {skill_id}'",
            location=f'{files[skill_id]}:1',
            type=WARNING_TYPE,
            subtype=UNUSED_SKILL,
        )


def add_static_dir(app: Sphinx) -> None:
    if app.builder.format == 'html':
        app.config.html_static_path.append(str(STATIC_DIR))


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """Only pages that need them load the extension's stylesheet and the level picker's script."""
    if doctree is None:
        return
    classes = {name for node in doctree.findall(nodes.Element) for name in node['classes']}
    if {
        'skill-matrix',
        'skill-overview',
        'skill-role-profile',
        'skill-role-index',
        'skill-domain-page',
        'skill-search',
    } & classes:
        app.add_css_file('skill_matrix.css')
    if 'skill-explorer' in classes:
        app.add_js_file(SCRIPT, loading_method='defer')
        app.add_css_file(STYLESHEET)


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> None:
    """Compile the extension's .po files to .mo when missing or older (Sphinx never does)."""
    for po_file in locale_dir.glob(f'*/LC_MESSAGES/{CATALOG}.po'):
        catalog = CatalogInfo(str(po_file.parent), CATALOG, 'utf-8')
        if catalog.is_outdated():
            try:
                catalog.write_mo(po_file.parent.parent.name)
            except OSError as error:
                logger.warning(f'cannot compile {po_file}: {error}', type=WARNING_TYPE, subtype=CATALOG_ERROR)


def setup(app: Sphinx) -> ExtensionMetadata:
    app.add_config_value('skill_matrix_data_dir', 'data', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_default_layout', 'by-level', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_edit_url', None, 'env', types=frozenset({str, type(None)}))
    app.add_config_value('skill_matrix_role_pages', '', 'env', types=frozenset({str}))
    # A page per domain (domains/<domain id>.rst), the catalog navigation, breadcrumbs; skill pages
    # are <skill_matrix_skill_pages>/<skill id> in the domain pages' navigation.
    app.add_config_value('skill_matrix_domain_pages', '', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_skill_pages', 'skills', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_plan_page', '', 'env', types=frozenset({str}))

    # Sphinx's translators render these as the paragraph and title they extend; registering
    # them makes docutils' own visitors treat them as ordinary nodes too.
    app.add_node(skill_text)
    app.add_node(skill_caption)
    app.add_node(skill_inline)
    skip = (skip_node, None)
    app.add_node(skill_data, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    app.add_node(
        skill_breadcrumb,
        html=(visit_breadcrumb, depart_breadcrumb),
        latex=skip,
        text=skip,
        man=skip,
        texinfo=skip,
    )
    app.add_node(
        skill_search, html=(visit_search, depart_search), latex=skip, text=skip, man=skip, texinfo=skip
    )
    # <th> with a scope; a "link to this" in rows, cells and captions that have a link id
    # a role page's level rows: HTML writes them from their data, the other builders get table
    # rows (resolve_level_rows) before they write
    app.add_node(skill_level_rows, html=(visit_level_rows, None))
    app.add_node(nodes.entry, override=True, html=(visit_entry, depart_entry))
    app.add_node(nodes.title, override=True, html=(visit_title, depart_title))

    app.add_domain(SkillDomain)
    app.add_directive('skill-matrix', SkillMatrixDirective)
    app.add_directive('skill-overview', SkillOverviewDirective)
    app.add_directive('skill-schema', SkillSchemaDirective)
    app.add_directive('role-profile', RoleProfileDirective)
    app.add_directive('role-index', RoleIndexDirective)
    app.add_directive('domain-page', DomainPageDirective)
    app.add_directive('skill-catalog', SkillCatalogDirective)
    app.add_directive('growth-plan', GrowthPlanDirective)
    app.add_transform(TranslateDataText)
    app.add_transform(MarkTranslatedToctrees)
    app.add_transform(CountLevelRowTexts)
    app.add_post_transform(LaTeXColumns)
    app.add_post_transform(LaTeXMatrixTargets)
    app.add_post_transform(LaTeXUnprintable)  # PDFs in any script: latex_unicode.py
    app.add_post_transform(DropCopiedIds)

    compile_catalogs()
    app.add_message_catalog(CATALOG, str(LOCALE_DIR))

    app.connect('config-inited', check_config)
    app.connect('config-inited', add_templates)
    app.connect('config-inited', set_today)
    app.connect('builder-inited', report_data_problems)
    app.connect('builder-inited', write_role_stubs)
    app.connect('builder-inited', write_domain_stubs)
    app.connect('builder-inited', add_static_dir)
    app.connect('builder-inited', add_stylesheet)
    app.connect('builder-inited', localize_fixed_texts)
    app.connect('config-inited', unicode_elements)
    app.connect('builder-inited', report_unprintable)
    app.connect('builder-inited', install_translation_warnings)
    app.connect('env-get-outdated', outdated_overviews)
    app.connect('env-get-outdated', outdated_domain_pages)
    app.connect('env-get-updated', changed_navigation)
    app.connect('env-get-updated', relinked_overviews)
    app.connect('env-check-consistency', report_skills_without_page)
    app.connect('doctree-resolved', write_downloads)
    app.connect('doctree-resolved', link_role_names)
    app.connect('doctree-resolved', resolve_level_rows, priority=400)  # before those that read the rows
    app.connect('doctree-resolved', emit_explorer_data)
    app.connect('doctree-resolved', resolve_plan)
    app.connect('doctree-resolved', drop_skill_data, priority=900)
    app.connect('html-page-context', use_navigation, priority=400)  # before the theme's handler
    app.connect('html-page-context', use_furo_navigation, priority=600)  # after furo's
    app.connect('html-page-context', add_page_assets)
    app.connect('html-page-context', add_language_context)
    app.connect('html-page-context', add_plan_assets)
    app.connect('build-finished', save_store)
    setup_review(app)  # review cycles: the baseline, the changes page, markers (review.py)
    setup_pdf_link(app)  # links to each language's PDF (html/pdf_link.py)
    return {
        'version': __version__,
        'env_version': 2,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
