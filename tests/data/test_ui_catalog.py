"""The extension compiles its own UI-label catalogs when the .mo files are missing or stale."""

from __future__ import annotations

import gettext
import os
import shutil
from typing import TYPE_CHECKING

from conftest import REPO

from skill_matrix.labels import compile_catalogs

if TYPE_CHECKING:
    from pathlib import Path

LOCALE = REPO / '_ext' / 'skill_matrix' / 'locale'


def test_missing_mo_files_are_compiled(tmp_path: Path) -> None:
    shutil.copytree(LOCALE, tmp_path / 'locale', ignore=shutil.ignore_patterns('*.mo'))
    compile_catalogs(tmp_path / 'locale')
    german = gettext.translation('skill_matrix', tmp_path / 'locale', ['de'])
    chinese = gettext.translation('skill_matrix', tmp_path / 'locale', ['zh_CN'])
    assert german.pgettext('column', 'Role') == 'Rolle'
    assert chinese.gettext('Growth plan') == '成长计划'


def test_a_stale_mo_file_is_recompiled(tmp_path: Path) -> None:
    shutil.copytree(LOCALE, tmp_path / 'locale')
    compile_catalogs(tmp_path / 'locale')
    po = tmp_path / 'locale' / 'de' / 'LC_MESSAGES' / 'skill_matrix.po'
    po.write_text(
        po.read_text(encoding='utf-8').replace('msgstr "Rolle"', 'msgstr "Funktion"'), encoding='utf-8'
    )
    mo = po.with_suffix('.mo')
    os.utime(po, (mo.stat().st_mtime + 10, mo.stat().st_mtime + 10))
    compile_catalogs(tmp_path / 'locale')
    assert (
        gettext.translation('skill_matrix', tmp_path / 'locale', ['de']).pgettext('column', 'Role')
        == 'Funktion'
    )
