"""Links into the real site (issue 17): the same ids in every language, every cell linkable, ids that
stay when skills and roles are added, valid HTML (Nu HTML Checker), no broken link or anchor
(make check-links).

Expected ids come from data/ (``<skill>-<level>-<role>``), read by conftest without the extension.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import (
    REPO,
    SITE_LANGUAGES,
    SITE_LEVEL_IDS,
    SITE_ROLE_IDS,
    SITE_SKILLS,
    check_links,
    copy_site,
    link_summary,
    sphinx_process,
)

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

VNU_JAR = REPO / 'tools' / 'axe' / 'node_modules' / 'vnu-jar' / 'build' / 'dist' / 'vnu.jar'
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


# --- links and anchors (make check-links: lychee) ----------------------------------------------


def test_every_link_and_anchor_of_every_language_leads_somewhere(site: Path) -> None:
    result = check_links(site.parent)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr
    links, errors = link_summary(result.stdout)
    assert errors == 0
    cell_links = sum(1 for _ in cells()) * 2 * len(SITE_LANGUAGES)  # a row's link, on two pages each
    assert links > cell_links


def test_a_missing_cell_anchor_and_a_broken_link_are_named_with_their_pages(
    site: Path, tmp_path: Path
) -> None:
    """The check above can fail: in a copy of the built site, the German role page loses one
    cell's id and an English skill page links a page that does not exist."""
    copy = tmp_path / 'html'
    shutil.copytree(site, copy)
    skill_id, level_id, role_id = next(cells())
    cell = f'{skill_id}-{level_id}-{role_id}'
    role_page = copy / 'de' / 'roles' / f'{role_id}.html'
    text = role_page.read_text(encoding='utf-8')
    assert text.count(f'id="{cell}"') == 1
    role_page.write_text(text.replace(f'id="{cell}"', 'id="renamed"'), encoding='utf-8')
    skill_page = copy / 'en' / 'skills' / f'{skill_id}.html'
    text = skill_page.read_text(encoding='utf-8')
    skill_page.write_text(text.replace('href="../plan.html', 'href="../plans.html', 1), encoding='utf-8')

    result = check_links(tmp_path)
    assert result.returncode != 0
    errors = result.stdout[result.stdout.index('Errors in') :]
    missing_anchor = f'file://{copy}/de/roles/{role_id}.html#{cell} (at '
    blocks = re.split(r'^Errors in ', errors, flags=re.MULTILINE)[1:]
    linking_pages = {block.split('\n', 1)[0] for block in blocks if missing_anchor in block}
    assert f'{copy}/de/roles/{role_id}.html' in linking_pages  # the row's own link (¶)
    assert all(page.startswith(f'{copy}/de/') for page in linking_pages), linking_pages
    assert re.search(rf'{re.escape(missing_anchor)}\d+:\d+\) \| Cannot find fragment', errors)
    (block,) = [block for block in blocks if block.startswith(f'{skill_page}\n')]
    assert re.search(
        rf'^\[ERROR\] file://{re.escape(str(copy))}/en/plans\.html \(at \d+:\d+\) \| File not found',
        block,
        re.M,
    )
