"""Skill matrices for Sphinx: role × level expectations of a skill, read from YAML.

Sphinx loads this package as the extension ``skill_matrix``. Its Sphinx parts are imported
only by :func:`setup`, so the data tools (``python -m skill_matrix.data.check``) need nothing but
PyYAML and jsonschema.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = '0.1.0'


def setup(app: Sphinx) -> ExtensionMetadata:
    from skill_matrix.extension import setup as setup_extension

    metadata = setup_extension(app)
    metadata['version'] = __version__
    return metadata
