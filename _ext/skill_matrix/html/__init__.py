"""HTML that every feature shares: accessible tables and their links, downloads, the level
picker, the site's navigation, the link to the PDF, the common stylesheet and script
(``static/``) and the page templates (``templates/``).

``templates/`` holds furo's ``page.html`` with the review's footer and the sidebar's
``skill_matrix/pdf.html``. It stays here, one folder for both: ``templates_path`` is part of the
configuration that every ``.buildinfo`` records, so moving it would change the built site.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.application import Sphinx
    from sphinx.config import Config

STATIC_DIR = Path(__file__).parent / 'static'
TEMPLATES_DIR = Path(__file__).parent / 'templates'


def add_templates(app: Sphinx, config: Config) -> None:
    """Add ``templates/`` to ``templates_path`` (once, whichever feature asks first).

    The folder is relative to the configuration directory: an absolute path in
    ``templates_path`` would make builds of one commit in two directories differ.
    """
    folder = os.path.relpath(TEMPLATES_DIR, app.confdir)
    if folder not in config.templates_path:
        config.templates_path = [*config.templates_path, folder]


def static_dir(directory: Path) -> Callable[[Sphinx], None]:
    """A ``builder-inited`` handler that adds a feature's *directory* of static files for HTML."""

    def add_static_dir(app: Sphinx) -> None:
        if app.builder.format == 'html':
            app.config.html_static_path.append(str(directory))

    return add_static_dir
