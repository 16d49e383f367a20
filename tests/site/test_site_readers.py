"""The real site's role pages, downloads and level-picker data in every language (built by `make html`).

Texts in de and zh_CN are whatever the content catalogs make of them: each is checked against
the same text on the skill page of that language, and counts and flags against the YAML.
"""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest
from bs4 import BeautifulSoup
from conftest import (
    REPO,
    SITE_LANGUAGES as LANGUAGES,
    SITE_LEVEL_IDS as LEVEL_IDS,
    SITE_ROLE_IDS as ROLE_IDS,
    SITE_SKILLS as SKILLS,
    text_of,
)

if TYPE_CHECKING:
    from pathlib import Path

SCHEMA = json.loads((REPO / '_ext' / 'skill_matrix' / 'schemas' / 'download.schema.json').read_text('utf-8'))
# The seed pages' wording of the level picker's invitation.
INVITATION = {
    'en': 'Choose your current level and compare expectations. '
    'The items below show what to cover to advance to the next level.',
    'de': 'Wählen Sie Ihr aktuelles Level und vergleichen Sie die Erwartungen.',
    'zh_CN': '选择当前级别并对比期望。下方卡片显示晋升所需掌握的内容。',
}


def page(site: Path, language: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / language / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')


def heading(html: BeautifulSoup) -> str:
    """The page's title as shown, without the theme's permalink sign."""
    title = html.select_one('section > h1')
    for permalink in title.select('a.headerlink'):
        permalink.decompose()
    return text_of(title)


def classes_of(row: Any, prefix: str) -> str:
    classes: list[str] = row['class']
    return next(name.removeprefix(prefix) for name in classes if name.startswith(prefix))


def skill_page_texts(site: Path, language: str, skill_id: str) -> dict[str, Any]:
    """What the skill page shows in *language*: level names, role names, descriptions."""
    html = page(site, language, f'skills/{skill_id}')
    rows = html.select('tr.skill-row')
    return {
        'levels': [text_of(caption) for caption in html.select('table.skill-table > caption .caption-text')],
        'roles': {classes_of(row, 'skill-role-'): text_of(row.select('td')[0]) for row in rows},
        'descriptions': {
            (classes_of(row, 'skill-role-'), classes_of(row, 'skill-level-')): text_of(row.select('td')[2])
            for row in rows
        },
        'title': heading(html),
    }


@pytest.mark.parametrize('role', ROLE_IDS)
@pytest.mark.parametrize('language', LANGUAGES)
def test_role_page_lists_the_role_in_every_skill_level_by_level(site: Path, language: str, role: str) -> None:
    having = [skill_id for skill_id, skill in SKILLS.items() if role in skill['roles']]
    shown = {skill_id: skill_page_texts(site, language, skill_id) for skill_id in having}
    html = page(site, language, f'roles/{role}')
    if not having:
        assert html.select_one('.skill-empty') is not None
        return
    any_skill = shown[having[0]]
    assert heading(html) == any_skill['roles'][role]

    career = html.select('table.skill-career-path tbody tr')
    assert [[text_of(cell) for cell in row.select('th, td')] for row in career] == [
        [
            name,
            str(sum(SKILLS[skill]['roles'][role][level]['required'] for skill in having)),
            str(sum(not SKILLS[skill]['roles'][role][level]['required'] for skill in having)),
        ]
        for level, name in zip(LEVEL_IDS, any_skill['levels'], strict=True)
    ]

    tables = html.select('table.skill-table:not(.skill-career-path)')
    assert [text_of(table.select_one('caption .caption-text')) for table in tables] == any_skill['levels']
    for table, level in zip(tables, LEVEL_IDS, strict=True):
        rows = table.select('tbody tr')
        assert sorted(classes_of(row, 'skill-of-') for row in rows) == sorted(having)
        for row in rows:
            skill = classes_of(row, 'skill-of-')
            assert text_of(row.select('td')[1]) == shown[skill]['descriptions'][(role, level)]
            required = SKILLS[skill]['roles'][role][level]['required']
            assert ('skill-required' if required else 'skill-optional') in row['class']
            link = row.select_one('th a.reference')
            assert link['href'].startswith(f'../skills/{skill}.html#')
            assert text_of(link) == shown[skill]['title']


@pytest.mark.parametrize('language', LANGUAGES)
def test_role_index_links_every_role_page(site: Path, language: str) -> None:
    rows = page(site, language, 'roles/index').select('table.skill-role-index-table tbody tr')
    assert [row.select_one('a.reference')['href'] for row in rows] == [f'{role}.html' for role in ROLE_IDS]
    for row, role in zip(rows, ROLE_IDS, strict=True):
        assert text_of(row.select_one('td')) == str(sum(role in skill['roles'] for skill in SKILLS.values()))
    sidebar = {link['href'] for link in page(site, language, 'index').select('a.reference')}
    assert 'roles/index.html' in sidebar


@pytest.mark.parametrize('skill_id', sorted(SKILLS))
@pytest.mark.parametrize('language', LANGUAGES)
def test_downloads_hold_the_pages_texts(site: Path, language: str, skill_id: str) -> None:
    html = page(site, language, f'skills/{skill_id}')
    links = {text_of(link): link['href'] for link in html.select('a.skill-download')}
    assert sorted(links) == ['CSV', 'JSON']
    files = {kind: (site / language / 'skills' / href).resolve() for kind, href in links.items()}
    shown = skill_page_texts(site, language, skill_id)
    skill = SKILLS[skill_id]

    document = json.loads(files['JSON'].read_text(encoding='utf-8'))
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(document)
    assert document['language'] == language
    assert [level['name'] for level in document['levels']] == shown['levels']
    assert {role['id']: role['name'] for role in document['roles']} == shown['roles']
    assert {(e['role'], e['level']): e['description'] for e in document['expectations']} == shown[
        'descriptions'
    ]
    assert {(e['role'], e['level']): e['required'] for e in document['expectations']} == {
        (role, level): cell['required']
        for role, cells in skill['roles'].items()
        for level, cell in cells.items()
    }

    with files['CSV'].open(encoding='utf-8-sig', newline='') as file:
        rows = list(csv.reader(file))
    assert [text_of(th) for th in html.select('table.skill-table thead th')][:1] == rows[0][2:3]
    assert {(row[0], row[1]): row[5] for row in rows[1:]} == shown['descriptions']
    assert {row[2] for row in rows[1:]} == set(shown['roles'].values())


@pytest.mark.parametrize('language', LANGUAGES)
def test_level_picker_speaks_the_pages_language(site: Path, language: str) -> None:
    for skill_id in SKILLS:
        block = page(site, language, f'skills/{skill_id}').select_one('script.skill-explorer-data')
        data = json.loads(block.string)
        shown = skill_page_texts(site, language, skill_id)
        assert data['labels']['intro'] == INVITATION[language]
        assert [level['name'] for level in data['levels']] == shown['levels']
        assert {role['id']: role['name'] for role in data['roles']} == shown['roles']
    for role in ROLE_IDS:  # the role pages' level picker: the same words, the skills' own titles
        having = [skill_id for skill_id, skill in SKILLS.items() if role in skill['roles']]
        block = page(site, language, f'roles/{role}').select_one('script.skill-explorer-data')
        if not having:
            assert block is None  # nothing to compare
            continue
        data = json.loads(block.string)
        shown = {skill_id: skill_page_texts(site, language, skill_id) for skill_id in having}
        assert data['labels']['intro'] == INVITATION[language]
        assert [level['name'] for level in data['levels']] == shown[having[0]]['levels']
        assert {skill['id']: skill['name'] for skill in data['skills']} == {
            skill_id: texts['title'] for skill_id, texts in shown.items()
        }
        for skill_id, texts in shown.items():
            for level in LEVEL_IDS:
                description = data['expectations'][skill_id][level]['description']
                assert description == texts['descriptions'][(role, level)]


@pytest.mark.parametrize('language', LANGUAGES)
def test_role_names_on_skill_pages_lead_to_the_role_pages(site: Path, language: str) -> None:
    for skill_id in SKILLS:
        rows = page(site, language, f'skills/{skill_id}').select('tr.skill-row')
        assert rows
        for row in rows:
            link = row.select_one('td:first-child a.skill-role-link')
            assert link['href'] == f'../roles/{classes_of(row, "skill-role-")}.html'
