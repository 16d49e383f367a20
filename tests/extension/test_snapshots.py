"""Doctree snapshots: each layout of ``skill-matrix`` and each kind of page, in English and German,
as the pretty-printed doctree of the page once resolved (what the HTML writer gets), compared
with the reference files in ``test_snapshots/``.

A change of output fails with a diff of the two trees. When the change is meant, write the new
references with ``pytest tests/extension/test_snapshots.py --force-regen``, read the diff
(``git diff tests/extension/test_snapshots``) and commit it with the change. Only the temporary
source path is normalised (``<srcdir>``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import ReviewSite, RootBuilds
    from pytest_regressions.file_regression import FileRegressionFixture

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


def in_language(language: str) -> dict[str, str]:
    """The configuration overrides for *language*: none for English, so that the builds are the
    ones the other tests read."""
    return {} if language == 'en' else {'language': language}


def reference_name(root: str, page: str, language: str) -> str:
    return f'{root}-{page.replace("/", "-")}-{language}'


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('page', LAYOUTS)
def test_each_layout(
    root_builds: RootBuilds,
    file_regression: FileRegressionFixture,
    page: str,
    language: str,
) -> None:
    file_regression.check(
        root_builds.doctrees('basic', **in_language(language))[page],
        basename=reference_name('layout', page, language),
        extension='.xml',
    )


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize(('root', 'page'), PAGE_KINDS)
def test_each_kind_of_page(
    root_builds: RootBuilds,
    file_regression: FileRegressionFixture,
    root: str,
    page: str,
    language: str,
) -> None:
    file_regression.check(
        root_builds.doctrees(root, **in_language(language))[page],
        basename=reference_name(root, page, language),
        extension='.xml',
    )


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('page', ['changes', 'skills/testing'])
def test_the_changes_page_and_a_changed_skill_page_with_a_baseline(
    review_site: ReviewSite, file_regression: FileRegressionFixture, page: str, language: str
) -> None:
    file_regression.check(
        review_site.doctrees[language][page],
        basename=reference_name('review', page, language),
        extension='.xml',
    )
