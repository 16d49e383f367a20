"""make intl-stats / make intl-check: catalogs measured against the sources, stale translations caught."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po
from conftest import ROOTS, copy_root, sphinx_build

from skill_matrix.catalogcheck import compare

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

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
    srcdir = copy_root('i18n', tmp_path / 'changed')
    skill = srcdir / 'data' / 'skills' / 'testing.yaml'
    skill.write_text(skill.read_text(encoding='utf-8').replace(CHANGED_FROM, CHANGED_TO), encoding='utf-8')
    return sphinx_build(srcdir, 'gettext', gettext_compact='site').outdir / 'site.pot'


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
