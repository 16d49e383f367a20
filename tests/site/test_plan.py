"""The growth plan as built: its page in every language, the links to it, one data script per role.

Expected texts come from the YAML files and the site's catalogs (read here with Babel), never
from the extension. The browser side (controls, ticks, the link, downloads) is in
tests/browser/test_plan_browser.py.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

import pytest
from bs4 import BeautifulSoup
from conftest import (
    PLAN_CONTROLS as CONTROLS,
    SITE_LANGUAGES as LANGUAGES,
    SITE_ROLE_IDS as ROLE_IDS,
    SITE_SKILLS as SKILLS,
    in_language,
    read_plan_script,
    site_catalog,
    squeeze,
)

if TYPE_CHECKING:
    from pathlib import Path


TITLES = {'en': 'Growth plan', 'de': 'Entwicklungsplan', 'zh_CN': '成长计划'}
PLAN_LINKS = {
    'en': ('Plan your growth in this role', 'Plan your growth across your skills'),
    'de': ('Ihre Entwicklung in dieser Rolle planen', 'Ihre Entwicklung über alle Skills planen'),
    'zh_CN': ('规划您在此角色中的成长', '规划您在各项技能上的成长'),
}


def page(site: Path, language: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / language / name).read_text(encoding='utf-8'), 'html.parser')


def plan_config(soup: BeautifulSoup) -> dict[str, Any]:
    block = soup.select_one('script.skill-plan-config')
    assert block is not None
    config: dict[str, Any] = json.loads(block.get_text())
    return config


# --- the real site ----------------------------------------------------------------------------


@pytest.mark.parametrize('language', LANGUAGES)
def test_plan_page_in_every_language(site: Path, language: str) -> None:
    soup = page(site, language, 'plan.html')
    title = soup.select_one('h1')
    assert title is not None
    assert squeeze(title.get_text()).rstrip('¶#').strip() == TITLES[language]
    config = plan_config(soup)
    labels = config['labels']
    assert (labels['role'], labels['current'], labels['target']) == CONTROLS[language]
    assert [role['id'] for role in config['roles']] == ROLE_IDS
    assert [level['id'] for level in config['levels']] == ['junior', 'middle', 'senior', 'lead', 'principal']
    # The page holds no skill's text: each role's data is a file of its own.
    html = (site / language / 'plan.html').read_text(encoding='utf-8')
    for skill in SKILLS.values():
        for levels in skill['roles'].values():
            for cell in levels.values():
                assert in_language(cell['description'], language) not in html
    # Without JavaScript: a word on what the page needs, and a link to every role page.
    links = [link['href'] for link in soup.select('.skill-plan-noscript a')]
    assert links == [f'roles/{role}.html' for role in ROLE_IDS]


@pytest.mark.parametrize('language', LANGUAGES)
def test_start_role_and_skill_pages_link_to_the_plan(site: Path, language: str) -> None:
    start = page(site, language, 'index.html')
    assert start.select('.body a[href="plan.html"], article a[href="plan.html"]')
    for role in ROLE_IDS:
        links = page(site, language, f'roles/{role}.html').select(f'a[href="../plan.html?role={role}"]')
        assert [squeeze(link.get_text()) for link in links] == [PLAN_LINKS[language][0]]
    for skill in SKILLS:
        links = page(site, language, f'skills/{skill}.html').select(
            'p.skill-plan-link a[href="../plan.html"]'
        )
        assert [squeeze(link.get_text()) for link in links] == [PLAN_LINKS[language][1]]


@pytest.mark.parametrize('language', LANGUAGES)
def test_one_data_script_per_role_in_the_page_language(site: Path, language: str) -> None:
    assert sorted(path.name for path in (site / language / 'plan-data').iterdir()) == sorted(
        f'{role}.js' for role in ROLE_IDS
    )
    found: dict[str, dict[str, Any]] = {}
    for role in ROLE_IDS:
        data = read_plan_script(site / language / 'plan-data' / f'{role}.js')
        assert data['role'] == role
        assert data['language'] == language
        expected = sorted(skill_id for skill_id, skill in SKILLS.items() if role in skill['roles'])
        assert sorted(skill['id'] for skill in data['skills']) == expected
        for skill in data['skills']:
            source = SKILLS[skill['id']]
            assert skill['title'] == in_language(source['title'], language)
            domain, domain_id = data['domains'][skill['domain']]
            assert domain == in_language(source['domain'], language)
            assert domain_id == 'machine-learning-ai'  # the slug of the English domain name
            assert data['groups'][skill['group']] == in_language(source['group'], language)
            cells = source['roles'][role]
            assert [[cell[0], squeeze(cell[1])] for cell in skill['cells']] == [
                [int(cells[level]['required']), in_language(cells[level]['description'], language)]
                for level in ('junior', 'middle', 'senior', 'lead', 'principal')
            ]
            assert skill['href'] == f'skills/{skill["id"]}.html#skill-{skill["id"]}'
        found[role] = data
    # The text hashes (what a ticked item remembers) are the same in every language.
    for role in ROLE_IDS:
        en = read_plan_script(site / 'en' / 'plan-data' / f'{role}.js')
        hashes = {skill['id']: [cell[2] for cell in skill['cells']] for skill in found[role]['skills']}
        assert hashes == {skill['id']: [cell[2] for cell in skill['cells']] for skill in en['skills']}


def test_ml_engineer_pytorch_senior_in_chinese(site: Path) -> None:
    data = read_plan_script(site / 'zh_CN' / 'plan-data' / 'ml-engineer.js')
    pytorch = next(skill for skill in data['skills'] if skill['id'] == 'pytorch')
    english = SKILLS['pytorch']['roles']['ml-engineer']['senior']['description']
    assert pytorch['cells'][2][1] == site_catalog('zh_CN')[squeeze(english)]
    assert re.search('[\u4e00-\u9fff]', pytorch['cells'][2][1])
