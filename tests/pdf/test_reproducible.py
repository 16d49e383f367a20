"""Reproducible builds: the same sources and SOURCE_DATE_EPOCH give the same bytes.

The project (its files as git sees them: tracked and new, not ignored) is copied into two
directories of different names and depths; each copy runs ``make html pdf`` with the same
SOURCE_DATE_EPOCH. Every file of the HTML trees (downloads and search index included) and the
three PDFs (pdfTeX for en and de, XeTeX for zh_CN) must be byte for byte the same.
"""

from __future__ import annotations

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest
from conftest import REPO, SITE_LANGUAGES, make_into, source_date_epoch
from test_pdf import require_tools

if TYPE_CHECKING:
    from pathlib import Path

BUILT_ON = '2026-12-31T23:59:59'


def project_files() -> list[str]:
    listed = subprocess.run(
        ['git', 'ls-files', '-z', '--cached', '--others', '--exclude-standard'],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.decode('utf-8')
    return [name for name in listed.split('\0') if name and (REPO / name).is_file()]


@pytest.fixture(scope='session')
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The build directories of the two copies, both built with ``make html pdf``."""
    require_tools()
    projects = (
        tmp_path_factory.mktemp('first') / 'skill-profiles',
        tmp_path_factory.mktemp('second') / 'elsewhere' / 'checkout',
    )
    for project in projects:
        for name in project_files():
            (project / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, project / name)
    environment = {'SOURCE_DATE_EPOCH': source_date_epoch(BUILT_ON)}

    def build(project: Path) -> None:
        make_into(('html', 'pdf'), project / '_build', project=project, env=environment)

    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(build, projects))  # re-raises a failed build
    return projects[0] / '_build', projects[1] / '_build'


def files(tree: Path) -> list[str]:
    return sorted(str(path.relative_to(tree)) for path in tree.rglob('*') if path.is_file())


def first_difference(tree: Path, other: Path) -> str | None:
    """Where the two trees first differ: a file only one holds, or a file's first other byte."""
    names, other_names = files(tree), files(other)
    if names != other_names:
        return f'{sorted(set(names) ^ set(other_names))[0]} is in one build only'
    for name in names:
        one, two = (tree / name).read_bytes(), (other / name).read_bytes()
        if one == two:
            continue
        offset = next(
            (i for i, (a, b) in enumerate(zip(one, two, strict=False)) if a != b), min(len(one), len(two))
        )
        line = one.count(b'\n', 0, offset) + 1
        begin = max(one.rfind(b'\n', 0, offset) + 1, offset - 60)  # the line, from at most 60 bytes before
        shown = (one[begin : offset + 60], two[begin : offset + 60])
        return f'{name} differs at byte {offset} (line {line}): {shown[0]!r} != {shown[1]!r}'
    return None


@pytest.mark.parametrize('language', SITE_LANGUAGES)
def test_html_is_the_same_byte_for_byte(two_builds: tuple[Path, Path], language: str) -> None:
    first, second = (build / 'html' / language for build in two_builds)
    assert (first / '_downloads' / 'skill-matrix').is_dir()
    assert (first / 'searchindex.js').is_file()
    assert first_difference(first, second) is None


def test_html_holds_no_path_of_the_build(two_builds: tuple[Path, Path]) -> None:
    for build in two_builds:
        project = str(build.parent).encode()
        holding = [name for name in files(build / 'html') if project in (build / 'html' / name).read_bytes()]
        assert holding == []


def test_pdfs_are_the_same_byte_for_byte(two_builds: tuple[Path, Path]) -> None:
    first, second = (build / 'pdf' for build in two_builds)
    books = [f'skill-profiles-{language}.pdf' for language in SITE_LANGUAGES]
    domains = [f'skill-profiles-{language}-domain-machine-learning-ai.pdf' for language in SITE_LANGUAGES]
    assert files(first) == sorted(books + domains)  # the book and the seed site's one domain
    assert first_difference(first, second) is None
