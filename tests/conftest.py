"""Shared fixtures: Sphinx's testing plugin, test roots, and the data the roots hold."""

from __future__ import annotations

import datetime
import functools
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
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from playwright.sync_api import Browser, Page

pytest_plugins = ('sphinx.testing.fixtures',)

ROOTS = Path(__file__).parent / 'roots'
REPO = Path(__file__).parent.parent

# CI sets this so that a test skipped for a missing system package fails instead.
STRICT_SKIPS = os.environ.get('SKILL_PROFILES_NO_SKIPS') == '1'


@pytest.fixture(scope='session')
def rootdir() -> Path:
    return ROOTS


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    outcome = yield
    report = outcome.get_result()
    if STRICT_SKIPS and report.skipped and call.when in ('setup', 'call'):
        report.outcome = 'failed'
        report.longrepr = f'skipped, but SKILL_PROFILES_NO_SKIPS=1 forbids skips: {report.longrepr}'


@pytest.fixture(scope='session')
def build(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """Build a test root once per session and keep the result for every test that reads it.

    ``build('basic', 'html', language='de')`` copies ``roots/test-basic`` and builds it with
    those configuration overrides. Each build's global state is cleaned up before the next.
    """
    cache: dict[tuple[Any, ...], SphinxTestApp] = {}

    def _build(testroot: str, buildername: str = 'html', **confoverrides: Any) -> SphinxTestApp:
        key = (testroot, buildername, *sorted(confoverrides.items()))
        if key not in cache:
            srcdir = tmp_path_factory.mktemp(f'{testroot}-{buildername}')
            shutil.copytree(ROOTS / f'test-{testroot}', srcdir, dirs_exist_ok=True)
            app = SphinxTestApp(
                buildername, srcdir=srcdir, confoverrides=confoverrides, status=StringIO(), warning=StringIO()
            )
            try:
                app.build()
            finally:
                app.cleanup()
            cache[key] = app
        return cache[key]

    return _build


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


def warnings(app: SphinxTestApp) -> str:
    """The build's warnings, without colour codes."""
    return re.sub(r'\x1b\[[0-9;]*m', '', app.warning.getvalue())


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


@pytest.fixture(scope='session')
def server(browser: Browser, site: Path) -> Iterator[str]:
    """The built site over HTTP on the loopback interface, for as long as the session runs."""
    httpd = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f'http://127.0.0.1:{httpd.server_address[1]}'
    httpd.shutdown()
    httpd.server_close()
    thread.join(timeout=10)


@pytest.fixture
def page(browser: Browser, server: str) -> Iterator[Page]:
    """A fresh browser tab; any script error on the page fails the test."""
    context = browser.new_context(base_url=f'{server}/', viewport={'width': 1280, 'height': 900})
    tab = context.new_page()
    errors: list[str] = []
    tab.on('pageerror', lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == [], errors
