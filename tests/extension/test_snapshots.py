"""Doctree snapshots: each layout of ``skill-matrix`` and each kind of page, in English and German,
as the pretty-printed doctree of the page once resolved (what the HTML writer gets), compared
with the reference files in ``test_snapshots/``.

A change of output fails with a diff of the two trees. When the change is meant, write the new
references with ``pytest tests/extension/test_snapshots.py --force-regen``, read the diff
(``git diff tests/extension/test_snapshots``) and commit it with the change. Only the temporary
source path is normalised (``<srcdir>``).
"""

from __future__ import annotations

import os
import shutil
from typing import TYPE_CHECKING

import pytest
from conftest import (
    GIT_DATE,
    REVIEW_BUILD_EPOCH,
    copy_root,
    git_environment,
    sphinx_build,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from docutils import nodes
    from pytest_regressions.file_regression import FileRegressionFixture
    from sphinx.application import Sphinx

LANGUAGES = ('en', 'de')
LAYOUTS = [  # test-basic: one page per layout and option of the skill-matrix directive
    'by_level',  # the default layout, a table per level
    'by_role',
    'grid',
    'subset',  # :roles: and :levels: choose and order
    'required_only',
    'sql',  # a MyST page
]
PAGE_KINDS = [  # (test root, page)
    ('basic', 'index'),  # the overview (skill-overview)
    ('basic', 'links'),  # the skill:ref role
    ('catalog', 'index'),  # the catalog start page (skill-catalog)
    ('catalog', 'domains/data'),  # a domain page
    ('catalog', 'skills/kafka'),  # a skill page in the catalog: breadcrumb, facts, tables
    ('roles', 'roles/data-engineer'),  # a role page
    ('roles', 'roles/index'),  # the role index
    ('plan', 'plan'),  # the growth plan
    ('schema', 'index'),  # the data format (skill-schema)
]


def resolved_pages(srcdir: Path, language: str) -> dict[str, str]:
    """Build *srcdir* in *language*: each page's resolved doctree, pretty-printed."""
    pages: dict[str, str] = {}

    def keep(_app: Sphinx, doctree: nodes.document, docname: str) -> None:
        pages[docname] = doctree.pformat().replace(str(srcdir), '<srcdir>')

    sphinx_build(srcdir, language=language, on_resolved=keep)
    return pages


@pytest.fixture(scope='session')
def pages_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, str], dict[str, str]]:
    """``pages_of('basic', 'de')``: the test root's resolved pages in German, built once a session."""
    cache: dict[tuple[str, str], dict[str, str]] = {}

    def built(root: str, language: str) -> dict[str, str]:
        if (root, language) not in cache:
            srcdir = copy_root(root, tmp_path_factory.mktemp(f'snapshots-{root}-{language}'))
            cache[root, language] = resolved_pages(srcdir, language)
        return cache[root, language]

    return built


def reference_name(root: str, page: str, language: str) -> str:
    return f'{root}-{page.replace("/", "-")}-{language}'


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('page', LAYOUTS)
def test_each_layout(
    pages_of: Callable[[str, str], dict[str, str]],
    file_regression: FileRegressionFixture,
    page: str,
    language: str,
) -> None:
    file_regression.check(
        pages_of('basic', language)[page], basename=reference_name('layout', page, language), extension='.xml'
    )


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize(('root', 'page'), PAGE_KINDS)
def test_each_kind_of_page(
    pages_of: Callable[[str, str], dict[str, str]],
    file_regression: FileRegressionFixture,
    root: str,
    page: str,
    language: str,
) -> None:
    file_regression.check(
        pages_of(root, language)[page], basename=reference_name(root, page, language), extension='.xml'
    )


@pytest.fixture(scope='session')
def review_pages(review_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """The review repository's resolved pages in each language, built against its review tag
    with git's environment and the build date pinned."""
    pages = {}
    for language in LANGUAGES:
        srcdir = tmp_path_factory.mktemp(f'snapshots-review-{language}') / 'repo'
        shutil.copytree(review_repo, srcdir, symlinks=True)  # with its history
        pinned = git_environment(srcdir.parent, GIT_DATE) | {'SOURCE_DATE_EPOCH': REVIEW_BUILD_EPOCH}
        with pytest.MonkeyPatch.context() as environment:
            for name in set(os.environ) - set(pinned):
                environment.delenv(name)
            for name, value in pinned.items():
                environment.setenv(name, value)
            pages[language] = resolved_pages(srcdir, language)
    return pages


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('page', ['changes', 'skills/testing'])
def test_the_changes_page_and_a_changed_skill_page_with_a_baseline(
    review_pages: dict[str, dict[str, str]], file_regression: FileRegressionFixture, page: str, language: str
) -> None:
    file_regression.check(
        review_pages[language][page], basename=reference_name('review', page, language), extension='.xml'
    )
