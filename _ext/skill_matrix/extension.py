"""The Sphinx side of the extension: each feature registers itself, in an order that keeps each
event's handlers in the order the output depends on (stylesheets and scripts of a page, the
PDF's preamble)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill_matrix.catalog import setup_catalog
from skill_matrix.garbage import setup_garbage_collection
from skill_matrix.html.pdf_link import setup_pdf_link
from skill_matrix.i18n import setup_i18n
from skill_matrix.matrix import setup_matrix
from skill_matrix.pdf import setup_pdf
from skill_matrix.plan import setup_plan
from skill_matrix.review import setup_review
from skill_matrix.roles import setup_roles

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata


def setup(app: Sphinx) -> ExtensionMetadata:
    setup_garbage_collection(app)  # fewer collections while a build runs
    setup_matrix(app)  # the skill matrix, the data checks and what every page of skills shares
    setup_roles(app)  # role pages
    setup_catalog(app)  # domain pages, the start page's catalog, the navigation
    setup_i18n(app)  # translation of data texts, the language switcher, the UI-label catalog
    setup_plan(app)  # the growth plan
    setup_review(app)  # review cycles: the baseline, the changes page, markers
    setup_pdf_link(app)  # links to each language's PDF
    setup_pdf(app)  # PDFs in any script: LuaLaTeX, babel, fallback fonts
    return {  # the top package's setup() adds the version
        # Raise it when what is pickled with the environment changes shape (rows kept as data,
        # #26: 3), so that Sphinx rereads every page instead of failing on an old doctree.
        # It is written into searchindex.js: a new version changes the site.
        'env_version': 3,
        'parallel_read_safe': True,
        'parallel_write_safe': True,
    }
