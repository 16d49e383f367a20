"""The "Suggest a change" link leads to the skill's YAML in the repository; off when unset."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import copy_root, html, sphinx_build, text_of
from sphinx.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def test_link_to_the_yaml_file(build: Callable[..., SphinxTestApp]) -> None:
    link = html(build('edit-link'), 'sql').select_one('.skill-edit a')
    assert text_of(link) == 'Suggest a change'
    assert link['href'] == 'https://git.example.com/org/skills/-/edit/main/data/skills/sql.yaml'


def test_link_label_is_translated(build: Callable[..., SphinxTestApp]) -> None:
    link = html(build('edit-link', 'html', language='de'), 'sql').select_one('.skill-edit a')
    assert text_of(link) == 'Änderung vorschlagen'


def test_no_link_when_unset(build: Callable[..., SphinxTestApp]) -> None:
    assert html(build('basic'), 'sql').select('.skill-edit') == []


def test_config_error_names_the_setting(tmp_path: Path) -> None:
    srcdir = copy_root('edit-link', tmp_path)
    with pytest.raises(
        ConfigError, match=r"skill_matrix_edit_url = 'https://example.com/': give a URL with \{path\}"
    ):
        sphinx_build(srcdir, skill_matrix_edit_url='https://example.com/')
