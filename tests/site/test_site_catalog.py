"""The real site's catalog (issue 13), built by `make html`: the domain page, translated names,
breadcrumbs and a sidebar that shows only the current group's skills."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import SITE_LANGUAGES as LANGUAGES, SITE_SKILLS as SKILLS, text_of

if TYPE_CHECKING:
    from pathlib import Path

# The seeds' domain and group, and what the content catalogs make of them.
NAMES = {
    'en': ('Machine Learning & AI', 'Deep Learning'),
    'de': ('Maschinelles Lernen & KI', 'Deep Learning'),
    'zh_CN': ('机器学习与人工智能', '深度学习'),
}
TITLES = {
    'en': ['Deep Learning Frameworks', 'Neural Network Architectures', 'PyTorch'],
    'de': ['Architekturen neuronaler Netze', 'Deep-Learning-Frameworks', 'PyTorch'],
    'zh_CN': ['深度学习框架', '神经网络架构', 'PyTorch'],
}


def page(site: Path, language: str, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / language / f'{name}.html').read_text(encoding='utf-8'), 'html.parser')


def skill_id_of(row: BeautifulSoup) -> str:
    return next(name.removeprefix('skill-overview-') for name in row['class'] if name != 'skill-overview-row')


def heading(element: BeautifulSoup) -> str:
    for permalink in element.select('a.headerlink'):
        permalink.decompose()
    return text_of(element)


@pytest.mark.parametrize('language', LANGUAGES)
def test_machine_learning_domain_page_has_the_deep_learning_group(site: Path, language: str) -> None:
    html = page(site, language, 'domains/machine-learning-ai')
    domain, group = NAMES[language]
    assert heading(html.select_one('section > h1')) == domain
    (section,) = html.select('section.skill-group')
    assert section['id'] == 'deep-learning'
    assert heading(section.select_one('h2')) == group
    rows = section.select('table.skill-group-table tbody tr')
    assert sorted(skill_id_of(row) for row in rows) == sorted(SKILLS)
    titles = [text_of(row.select_one('td')) for row in rows]
    assert sorted(titles) == sorted(TITLES[language])
    assert html.select('.untranslated') == []  # the descriptions of domains.yaml too
    for row in rows:
        skill = SKILLS[skill_id_of(row)]
        cells = [text_of(cell) for cell in row.select('td')[1:5]]
        flags = [cell['required'] for levels in skill['roles'].values() for cell in levels.values()]
        assert cells == [str(len(skill['roles'])), '5', str(sum(flags)), str(len(flags) - sum(flags))]
        target, anchor = row.select_one('a')['href'].split('#')
        assert target == f'../skills/{skill_id_of(row)}.html'
        assert page(site, language, f'skills/{skill_id_of(row)}').find(id=anchor) is not None


@pytest.mark.parametrize('language', LANGUAGES)
@pytest.mark.parametrize('skill_id', sorted(SKILLS))
def test_skill_page_breadcrumb_and_sidebar(site: Path, language: str, skill_id: str) -> None:
    html = page(site, language, f'skills/{skill_id}')
    crumb = html.select_one('nav.skill-breadcrumb')
    domain, group = NAMES[language]
    links = [(text_of(link), link['href']) for link in crumb.select('a')]
    assert links == [
        (domain, '../domains/machine-learning-ai.html'),
        (group, '../domains/machine-learning-ai.html#deep-learning'),
    ]
    title = heading(html.select_one('section > h1'))
    assert text_of(crumb.select_one('.skill-breadcrumb-current')) == title
    tree = html.select_one('.sidebar-tree')
    assert [text_of(link) for link in tree.select('li.toctree-l1 > a')] == [
        domain,
        *(
            {'en': 'Roles', 'de': 'Rollen', 'zh_CN': '角色'}[language],
            {'en': 'Growth plan', 'de': 'Entwicklungsplan', 'zh_CN': '成长计划'}[language],
            {'en': 'Contributing', 'de': 'Mitwirken', 'zh_CN': '参与贡献'}[language],
        ),
    ]
    assert [text_of(link) for link in tree.select('li.toctree-l2 > a')] == [group]
    assert sorted(text_of(link) for link in tree.select('li.toctree-l3 > a')) == sorted(TITLES[language])
    assert text_of(tree.select_one('li.current-page > a')) == title


@pytest.mark.parametrize('language', LANGUAGES)
def test_start_page_is_the_catalog(site: Path, language: str) -> None:
    html = page(site, language, 'index')
    domain, group = NAMES[language]
    assert [text_of(item.select_one('a')) for item in html.select('.skill-catalog-domain')] == [domain]
    assert [text_of(item.select_one('a')) for item in html.select('.skill-catalog-group')] == [group]
    assert sorted(text_of(link) for link in html.select('.skill-catalog-skills a')) == sorted(
        TITLES[language]
    )
    assert html.select_one('form.skill-search')['action'] == 'search.html'
    assert html.select_one('.skill-catalog-roles a')['href'] == 'roles/index.html'
    assert html.select('table.skill-overview') == []
    assert html.select('.untranslated') == []
