"""make intl-stats / make intl-check: catalogs measured against the sources, stale translations caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
from io import StringIO
from typing import TYPE_CHECKING

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from conftest import REPO, ROOTS
from sphinx.testing.util import SphinxTestApp

from skill_matrix.catalogcheck import compare

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

CHANGED_FROM = 'Runs the existing test suite before every pull request.'
CHANGED_TO = 'Runs the whole test suite before every pull request and after every merge.'


def template(build: Callable[..., SphinxTestApp]) -> Path:
    return build('i18n', 'gettext', gettext_compact='site').outdir / 'site.pot'


def complete_catalog(pot: Path, po_file: Path) -> None:
    """A .po file that translates every message of *pot* (written test-side with Babel)."""
    with pot.open('rb') as file:
        catalog = read_po(file, locale='de')
    for message in catalog:
        if message.id:
            message.string = f'DE {message.id}'
            message.flags.discard('fuzzy')
    po_file.parent.mkdir(parents=True, exist_ok=True)
    with po_file.open('wb') as file:
        write_po(file, catalog)


def changed_template(tmp_path: Path) -> Path:
    """The test root's template after one English description changed."""
    srcdir = tmp_path / 'changed'
    shutil.copytree(ROOTS / 'test-i18n', srcdir)
    skill = srcdir / 'data' / 'skills' / 'testing.yaml'
    skill.write_text(skill.read_text(encoding='utf-8').replace(CHANGED_FROM, CHANGED_TO), encoding='utf-8')
    app = SphinxTestApp(
        'gettext',
        srcdir=srcdir,
        confoverrides={'gettext_compact': 'site'},
        status=StringIO(),
        warning=StringIO(),
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app.outdir / 'site.pot'


def test_a_complete_catalog_passes(build: Callable[..., SphinxTestApp], tmp_path: Path) -> None:
    po_file = tmp_path / 'de' / 'LC_MESSAGES' / 'site.po'
    complete_catalog(template(build), po_file)
    report = compare(template(build), po_file)
    assert report.problems == []
    assert (report.translated, report.fuzzy, report.untranslated, report.percent) == (
        report.total,
        0,
        0,
        100.0,
    )
    assert report.total > 20


def test_a_changed_english_text_fails_and_is_named(
    build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    po_file = tmp_path / 'de' / 'LC_MESSAGES' / 'site.po'
    complete_catalog(template(build), po_file)
    report = compare(changed_template(tmp_path), po_file)
    new = [problem for problem in report.problems if CHANGED_TO in problem]
    old = [problem for problem in report.problems if CHANGED_FROM in problem]
    assert len(new) == 1
    assert new[0].startswith(f'{po_file}: no entry for the English text "{CHANGED_TO}"')
    assert 'data/skills/testing.yaml:' in new[0]
    assert len(old) == 1
    assert old[0].startswith(f'{po_file}:')
    assert 'no longer contain' in old[0]
    assert report.percent < 100


def test_fuzzy_and_missing_entries_are_named_with_their_line(build: Callable[..., SphinxTestApp]) -> None:
    po_file = ROOTS / 'test-i18n' / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po'
    report = compare(template(build), po_file)
    fuzzy = 'Writes unit tests for small functions with pytest fixtures.'
    line = next(
        number
        for number, text in enumerate(po_file.read_text(encoding='utf-8').splitlines(), 1)
        if text == f'msgid "{fuzzy}"'
    )
    assert f'{po_file}:{line}: fuzzy: "{fuzzy}"' in '\n'.join(report.problems)
    assert report.fuzzy == 1
    assert any(CHANGED_FROM in problem and 'no entry' in problem for problem in report.problems)
    assert report.untranslated > 0


def test_obsolete_entries_and_lost_placeholders_fail(tmp_path: Path) -> None:
    pot = Catalog()
    pot.add('the other {count} optional', flags=['python-brace-format'])
    po = Catalog(locale='de')
    po.add('the other {count} optional', 'die anderen optional', flags=['python-brace-format'])
    po.obsolete['An old text'] = Message('An old text', 'Ein alter Text')
    for catalog, path in ((pot, tmp_path / 'ui.pot'), (po, tmp_path / 'de' / 'ui.po')):
        path.parent.mkdir(exist_ok=True)
        with path.open('wb') as file:
            write_po(file, catalog)
    report = compare(tmp_path / 'ui.pot', tmp_path / 'de' / 'ui.po')
    text = '\n'.join(report.problems)
    assert 'obsolete entry "An old text"' in text
    assert 'must keep the placeholders {count}: "die anderen optional"' in text
    assert report.obsolete == 1


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
        'locale/zh_CN/LC_MESSAGES/skill-profiles.po',
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
    skill.write_text(source.replace('Uses torchmetrics for\n', 'Uses torchmetrics and\n'), encoding='utf-8')
    result = make('intl-check', tmp_path / 'build', cwd=site_copy)
    assert result.returncode != 0
    changed = 'model checkpointing. Uses torchmetrics and evaluation."'
    for language in ('de', 'zh_CN'):
        named = [
            line
            for line in result.stderr.splitlines()
            if line.startswith(f'ERROR: locale/{language}/LC_MESSAGES/skill-profiles.po: no entry')
        ]
        assert len(named) == 1, result.stderr
        assert changed in named[0]
        assert 'data/skills/pytorch.yaml:' in named[0]
