"""make intl-stats and make intl-check on the real site's catalogs (and on a copy with a changed
description); the catalog comparison itself: tests/extension/test_catalogcheck.py."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from babel.messages.pofile import read_po
from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path


def make(target: str, builddir: Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ['make', '--no-print-directory', target, f'BUILDDIR={builddir}', f'VENV={sys.prefix}'],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_site_catalogs_are_complete_for_make_intl_stats_and_check(tmp_path: Path) -> None:
    for language in ('de', 'zh_CN'):
        with (REPO / 'locale' / language / 'LC_MESSAGES' / 'skill-profiles.po').open('rb') as file:
            catalog = read_po(file)
        messages = [message for message in catalog if message.id]
        assert messages
        assert [m.id for m in messages if m.fuzzy or not m.string] == []
        assert not catalog.obsolete
    stats = make('intl-stats', tmp_path / 'build')
    assert stats.returncode == 0, stats.stderr[-3000:]
    rows = [line.split() for line in stats.stdout.splitlines() if '.po ' in line]
    assert sorted(row[0] for row in rows) == [
        '_ext/skill_matrix/locale/de/LC_MESSAGES/skill_matrix.po',
        '_ext/skill_matrix/locale/zh_CN/LC_MESSAGES/skill_matrix.po',
        'locale/de/LC_MESSAGES/skill-profiles.po',
        'locale/de/LC_MESSAGES/sphinx.po',  # the theme's strings
        'locale/zh_CN/LC_MESSAGES/skill-profiles.po',
        'locale/zh_CN/LC_MESSAGES/sphinx.po',
    ]
    for row in rows:
        assert row[2:6] == ['0', '0', '0', '100.0'], row
    check = make('intl-check', tmp_path / 'build')
    assert check.returncode == 0, check.stderr[-3000:]


@pytest.fixture
def site_copy(tmp_path: Path) -> Path:
    """The site's sources, catalogs and Makefile, without build output or the venv."""
    copy = tmp_path / 'site'
    shutil.copytree(
        REPO,
        copy,
        ignore=shutil.ignore_patterns('.venv', '_build', '.git', 'tests', '.*_cache', '__pycache__'),
    )
    return copy


def test_make_intl_check_fails_on_a_changed_description_and_names_it(site_copy: Path, tmp_path: Path) -> None:
    skill = site_copy / 'data' / 'skills' / 'pytorch.yaml'
    source = skill.read_text(encoding='utf-8')
    assert 'Uses torchmetrics for\n        evaluation.' in source
    source = source.replace('Uses torchmetrics for\n', 'Uses torchmetrics and\n')
    # a new example (each is a message of its own) is named too, at its line
    source = source.replace(
        '        training loop basics.\n    middle:\n',
        '        training loop basics.\n'
        '      examples:\n        - Fine-tuned a *ResNet* on 200 photos.\n    middle:\n',
        1,
    )
    skill.write_text(source, encoding='utf-8')
    example_line = source.splitlines().index('        - Fine-tuned a *ResNet* on 200 photos.') + 1
    result = make('intl-check', tmp_path / 'build', cwd=site_copy)
    assert result.returncode != 0
    changed = 'model checkpointing. Uses torchmetrics and evaluation."'
    for language in ('de', 'zh_CN'):
        named = [
            line
            for line in result.stderr.splitlines()
            if line.startswith(f'ERROR: locale/{language}/LC_MESSAGES/skill-profiles.po: no entry')
        ]
        assert len(named) == 2, result.stderr
        description = next(line for line in named if changed in line)
        assert 'data/skills/pytorch.yaml:' in description
        example = next(line for line in named if '"Fine-tuned a *ResNet* on 200 photos."' in line)
        assert f'data/skills/pytorch.yaml:{example_line})' in example
