"""The "Suggest a change" link leads to the skill's YAML in the repository; off when unset."""

from __future__ import annotations

import shutil
from io import StringIO
from typing import TYPE_CHECKING

import pytest
from conftest import ROOTS, html, text_of
from sphinx.errors import ConfigError
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path


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
    shutil.copytree(ROOTS / 'test-edit-link', tmp_path / 'src')
    with pytest.raises(
        ConfigError, match=r"skill_matrix_edit_url = 'https://example.com/': give a URL with \{path\}"
    ):
        SphinxTestApp(
            'html',
            srcdir=tmp_path / 'src',
            confoverrides={'skill_matrix_edit_url': 'https://example.com/'},
            status=StringIO(),
            warning=StringIO(),
        )
