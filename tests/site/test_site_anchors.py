"""Links into the real site (issue 17): the same ids in every language, every cell linkable, ids that
stay when skills and roles are added, valid HTML (Nu HTML Checker) and no broken link (LinkChecker).

Expected ids come from data/ (``<skill>-<level>-<role>``), read by conftest without the extension.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import (
    REPO,
    SITE_LANGUAGES,
    SITE_LEVEL_IDS,
    SITE_ROLE_IDS,
    SITE_SKILLS,
    copy_site,
    sphinx_process,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

VNU_JAR = REPO / 'tools' / 'axe' / 'node_modules' / 'vnu-jar' / 'build' / 'dist' / 'vnu.jar'
LINKCHECKER = Path(sys.executable).parent / 'linkchecker'
PAGES = [
    *(f'skills/{skill_id}' for skill_id in sorted(SITE_SKILLS)),
    'roles/index',
    *(f'roles/{role_id}' for role_id in SITE_ROLE_IDS),
]


def read(site: Path, language: str, name: str) -> Any:
    return BeautifulSoup((site / language / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')


def ids(page: Any) -> list[str]:
    return [str(element['id']) for element in page.select('[id]')]


def cells() -> Iterator[tuple[str, str, str]]:
    """(skill, level, role) of every cell in data/."""
    for skill_id, skill in sorted(SITE_SKILLS.items()):
        for role_id, levels in skill['roles'].items():
            for level_id in levels:
                yield skill_id, level_id, role_id


@pytest.mark.parametrize('name', PAGES)
def test_every_language_has_the_same_ids(site: Path, name: str) -> None:
    english = ids(read(site, 'en', name))
    assert len(english) == len(set(english))
    for language in SITE_LANGUAGES[1:]:
        assert ids(read(site, language, name)) == english, language


@pytest.mark.parametrize('language', SITE_LANGUAGES)
def test_every_cell_has_its_id_on_its_skill_page_and_its_role_page(site: Path, language: str) -> None:
    pages = {name: read(site, language, name) for name in PAGES}
    found = 0
    for skill_id, level_id, role_id in cells():
        cell_id = f'{skill_id}-{level_id}-{role_id}'
        for page in (pages[f'skills/{skill_id}'], pages[f'roles/{role_id}']):
            row = page.select_one(f'tr#{cell_id}')
            assert row is not None, (cell_id, language)
            assert {f'skill-level-{level_id}', f'skill-role-{role_id}'} <= set(row['class'])
            assert row.select_one(f'a.skill-link[href="#{cell_id}"]') is not None
            found += 1
    assert found == 2 * sum(
        len(levels) for skill in SITE_SKILLS.values() for levels in skill['roles'].values()
    )
    for skill_id in SITE_SKILLS:
        tables = pages[f'skills/{skill_id}'].select('table.skill-table')
        assert [table['id'] for table in tables] == [f'{skill_id}-{level_id}' for level_id in SITE_LEVEL_IDS]


def test_a_new_skill_and_a_new_role_keep_every_id(site: Path, tmp_path: Path) -> None:
    """The site with a role before all others and a skill whose title sorts first, built in English."""
    copy_site(tmp_path, '_ext', 'locale')
    roles = tmp_path / 'data' / 'roles.yaml'
    roles.write_text(
        roles.read_text(encoding='utf-8').replace(
            'roles:\n', 'roles:\n  - id: a-new-role\n    name: A New Role\n', 1
        ),
        encoding='utf-8',
    )
    pytorch = (REPO / 'data' / 'skills' / 'pytorch.yaml').read_text(encoding='utf-8')
    new_skill = pytorch.replace('id: pytorch', 'id: aaa-new').replace('title: PyTorch', 'title: AAA New')
    new_skill = new_skill.replace('  ml-engineer:', '  a-new-role:', 1)
    assert new_skill.count('aaa-new') == 1
    assert 'a-new-role' in new_skill
    (tmp_path / 'data' / 'skills' / 'aaa-new.yaml').write_text(new_skill, encoding='utf-8')
    (tmp_path / 'skills' / 'aaa-new.rst').write_text('AAA New\n=======\n\n.. skill-matrix:: aaa-new\n')
    out = tmp_path / '_build' / 'html'
    sphinx_process(tmp_path, out)
    assert (out / 'roles' / 'a-new-role.html').is_file()
    for name in PAGES:
        before = ids(read(site, 'en', name))
        after = ids(BeautifulSoup((out / f'{name}.html').read_text(encoding='utf-8'), 'html.parser'))
        assert set(before) <= set(after), (name, sorted(set(before) - set(after)))
        assert len(after) == len(set(after)), name
    new_rows = BeautifulSoup((out / 'roles' / 'a-new-role.html').read_text(encoding='utf-8'), 'html.parser')
    assert [row['id'] for row in new_rows.select('tr.skill-row')] == [
        f'aaa-new-{level_id}-a-new-role' for level_id in SITE_LEVEL_IDS
    ]


# --- the Nu HTML Checker ----------------------------------------------------------------------


def vnu(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """The files the Nu HTML Checker read under *path*, and its error messages."""
    if shutil.which('java') is None:
        pytest.skip('Java is missing: run tools/install-system-packages.sh (default-jre-headless)')
    if not VNU_JAR.is_file():
        pytest.skip(f'vnu-jar is missing ({VNU_JAR}): run make axe (needs npm)')
    result = subprocess.run(
        [
            'java',
            '-jar',
            str(VNU_JAR),
            '--errors-only',
            '--skip-non-html',
            '--format',
            'json',
            '--verbose',
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    output = result.stdout + result.stderr
    report = json.loads(next(line for line in output.splitlines() if line.startswith('{')))
    files = [line for line in output.splitlines() if line.endswith('.html')]
    errors = [message for message in report['messages'] if message['type'] == 'error']
    assert (result.returncode != 0) is bool(errors), output[-2000:]
    return files, errors


def test_the_nu_html_checker_finds_no_error_on_any_page(site: Path) -> None:
    files, errors = vnu(site)
    assert [f'{message.get("url")}: {message["message"]}' for message in errors] == []
    pages = sorted(site.glob('**/*.html'))
    assert len(files) == len(pages) > 3 * len(PAGES)


def test_the_nu_html_checker_sees_a_duplicate_id(tmp_path: Path) -> None:
    """The check above can fail: the error furo's table wrappers used to cause."""
    (tmp_path / 'page.html').write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<div id="a"><table id="a"><tr><td>x</td></tr></table></div></body></html>',
        encoding='utf-8',
    )
    _files, errors = vnu(tmp_path)
    assert [message['message'] for message in errors] == ['Duplicate ID “a”.']


# --- LinkChecker ------------------------------------------------------------------------------


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def linkchecker(directory: Path, start: str) -> tuple[int, str]:
    """LinkChecker with the project's settings, from *start* over *directory* served on 127.0.0.1.

    Over HTTP, since as root LinkChecker reads as the user nobody, who cannot read pytest's
    temporary folders.
    """
    if not LINKCHECKER.is_file():
        pytest.skip(f'LinkChecker is missing ({LINKCHECKER}): make venv (requirements.txt pins it)')
    httpd = ThreadingHTTPServer(('127.0.0.1', 0), functools.partial(_QuietHandler, directory=str(directory)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        result = subprocess.run(
            [
                str(LINKCHECKER),
                '--config',
                str(REPO / 'tools' / 'linkcheckerrc'),
                '--no-status',
                f'http://127.0.0.1:{httpd.server_address[1]}/{start}',
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=600,
        )
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)
    return result.returncode, result.stdout


def summary(output: str) -> tuple[int, int, int]:
    """Links checked, warnings, errors: LinkChecker's last line."""
    match = re.search(
        r'(\d+) links? in \d+ URLs? checked\. (\d+) warnings? found\. (\d+) errors? found', output
    )
    assert match is not None, output[-2000:]
    links, warnings, errors = map(int, match.groups())
    return links, warnings, errors


def test_linkchecker_finds_no_broken_link_or_anchor(site: Path) -> None:
    returncode, output = linkchecker(site, 'index.html')
    links, warnings, errors = summary(output)
    assert (warnings, errors) == (0, 0), output[-5000:]
    assert returncode == 0
    cell_links = sum(1 for _ in cells()) * 2 * len(SITE_LANGUAGES)  # a row's link, on two pages each
    assert links > cell_links


def test_linkchecker_reports_a_missing_anchor(tmp_path: Path) -> None:
    """The check above can fail: a link to an id that the page does not have."""
    (tmp_path / 'index.html').write_text(
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body>'
        '<a href="page.html#pytorch-senior-ml-engineer">row</a></body></html>',
        encoding='utf-8',
    )
    (tmp_path / 'page.html').write_text(
        '<!DOCTYPE html><html lang="en"><head><title>p</title></head>'
        '<body><p id="pytorch">x</p></body></html>',
        encoding='utf-8',
    )
    returncode, output = linkchecker(tmp_path, 'index.html')
    assert returncode == 1
    assert summary(output)[1:] == (1, 0)
    assert "Anchor `pytorch-senior-ml-engineer'" in output
    assert 'not found' in output
