"""The catalog by domain and group: domain pages, the start page, navigation, breadcrumbs,
"did you mean" for misspelt names, and incremental builds that keep the navigation current.

The test root has skills in listed domains and groups (``data/domains.yaml``), in a group
``domains.yaml`` does not list (Streaming), a misspelt group (Pipelnes) and a misspelt
domain (Programing), and a domain nobody lists (Quality).
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, ROOTS, copy_root, html, sphinx_build, text_of, warnings
from furo.navigation import get_navigation_tree  # type: ignore[import-untyped]

from skill_matrix.data.domains import load_catalog, slug
from skill_matrix.html.navigation import Navigation

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


@pytest.fixture(scope='module')
def built(build: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    return build('catalog', 'html')


DOMAINS = ['Programming', 'Data', 'Programing', 'Quality']
GROUPS = {
    'programming': [('languages', 'Languages', ['Go', 'Python']), ('tooling', 'Tooling', ['Git'])],
    'data': [
        ('databases', 'Databases', ['PostgreSQL', 'SQL']),
        ('pipelnes', 'Pipelnes', ['Airflow']),
        ('streaming', 'Streaming', ['Kafka']),
    ],
    'programing': [('languages', 'Languages', ['Rust'])],
    'quality': [('testing', 'Testing', ['Automated Testing'])],
}


@pytest.mark.parametrize(
    ('name', 'expected'),
    [
        ('Machine Learning & AI', 'machine-learning-ai'),
        ('  C++ / C#  ', 'c-c'),
        ('Datenqualität', 'datenqualitat'),
        ('MLOps', 'mlops'),
        ('Deep  Learning--2', 'deep-learning-2'),
    ],
)
def test_ids_are_slugs_of_the_english_names(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_a_name_without_ascii_letters_gets_a_stable_hashed_id() -> None:
    assert slug('数据工程') == 'x-' + hashlib.sha256('数据工程'.encode()).hexdigest()[:8]
    assert slug('数据工程') != slug('数据管道')


def test_misspelt_domain_and_group_get_a_located_did_you_mean_warning(built: SphinxTestApp) -> None:
    lines = sorted(line for line in warnings(built).splitlines() if 'WARNING' in line)
    assert len(lines) == 2
    assert lines[0].endswith(
        "data/skills/airflow.yaml:4:8: WARNING: group 'Pipelnes' is not in the groups of 'Data' in "
        "domains.yaml; did you mean 'Pipelines'? [skill_matrix.domains]"
    )
    assert lines[1].endswith(
        "data/skills/rust.yaml:3:9: WARNING: domain 'Programing' is not in domains.yaml; "
        "did you mean 'Programming'? [skill_matrix.domains]"
    )


def test_the_data_check_reports_the_same_problems() -> None:
    problems = load_catalog(ROOTS / 'test-catalog' / 'data')[1]
    assert [(problem.path.name, problem.line, problem.column) for problem in problems] == [
        ('airflow.yaml', 4, 8),
        ('rust.yaml', 3, 9),
    ]


def test_start_page_lists_domains_groups_and_skills_with_counts(built: SphinxTestApp) -> None:
    page = html(built, 'index')
    domains = page.select('.skill-catalog-domain')
    assert [text_of(domain.select_one('a')) for domain in domains] == DOMAINS
    assert [text_of(domain.select_one('.skill-count')) for domain in domains] == [
        '3 skills',
        '4 skills',
        '1 skill',
        '1 skill',
    ]
    lists = page.select('ul.skill-catalog-groups')
    for (domain_id, groups), group_list in zip(GROUPS.items(), lists, strict=True):
        items = group_list.select(':scope > li')
        assert [text_of(item.select_one('.skill-catalog-group a')) for item in items] == [
            name for _id, name, _skills in groups
        ]
        for item, (group_id, _name, skills) in zip(items, groups, strict=True):
            assert item.select_one('.skill-catalog-group a')['href'] == f'domains/{domain_id}.html#{group_id}'
            assert text_of(item.select_one('.skill-count')) == f'{len(skills)} skill{"s" * (len(skills) > 1)}'
            assert [text_of(link) for link in item.select('.skill-catalog-skills a')] == skills
    assert page.select_one('.skill-catalog-roles a')['href'] == 'roles/index.html'
    form = page.select_one('form.skill-search')
    assert form['action'] == 'search.html'
    assert form.select_one('input[name=q]')['aria-label'] == 'Search the skills'
    assert page.select('.skill-overview-row') == []  # no flat table of every skill


@pytest.mark.parametrize('domain_id', list(GROUPS))
def test_domain_page_has_a_section_and_a_table_per_group(built: SphinxTestApp, domain_id: str) -> None:
    page = html(built, f'domains/{domain_id}')
    assert text_of(page.select_one('h1')).rstrip(' ¶') == DOMAINS[list(GROUPS).index(domain_id)]
    sections = page.select('section.skill-group')
    assert [section['id'] for section in sections] == [group_id for group_id, _n, _s in GROUPS[domain_id]]
    for section, (_id, name, skills) in zip(sections, GROUPS[domain_id], strict=True):
        assert text_of(section.select_one('h2')).rstrip(' ¶') == name
        table = section.select_one('table.skill-group-table')
        headers = [text_of(th) for th in table.select('thead th')]
        assert headers == ['Skill', 'Roles', 'Levels', 'Required', 'Optional', 'Last updated']
        assert [text_of(row.select_one('td')) for row in table.select('tbody tr')] == skills


def test_domain_page_rows_and_descriptions(built: SphinxTestApp) -> None:
    page = html(built, 'domains/data')
    assert text_of(page.select_one('.skill-domain-description')) == 'Storing and moving data.'
    databases = page.select_one('section#databases')
    assert text_of(databases.select_one('.skill-group-description')) == 'Storing and querying data.'
    assert databases.select_one('.skill-group-count').get_text() == '2 skills'
    sql = [text_of(cell) for cell in databases.select_one('tr.skill-overview-sql').select('td')]
    assert sql == ['SQL', '1', '2', '2', '0', 'Mar 3, 2025']
    assert page.select_one('section#streaming .skill-group-description') is None  # not listed


def test_every_catalog_link_leads_to_an_existing_page_and_anchor(built: SphinxTestApp) -> None:
    pages = ['index', *(f'domains/{domain_id}' for domain_id in GROUPS), 'skills/python', 'skills/kafka']
    checked = 0
    for name in pages:
        for link in html(built, name).select('article a.reference.internal'):
            target, _hash, anchor = link['href'].partition('#')
            path = (built.outdir / name).parent / target if target else built.outdir / f'{name}.html'
            assert path.is_file(), (name, link['href'])
            if anchor:
                soup = BeautifulSoup(path.read_text(encoding='utf-8'), 'html.parser')
                assert soup.find(id=anchor) is not None, (name, link['href'])
            checked += 1
    assert checked > 30


@pytest.mark.parametrize(
    ('skill', 'trail'),
    [
        (
            'python',
            [
                ('Programming', '../domains/programming.html'),
                ('Languages', '../domains/programming.html#languages'),
            ],
        ),
        (
            'rust',
            [
                ('Programing', '../domains/programing.html'),
                ('Languages', '../domains/programing.html#languages'),
            ],
        ),
        ('kafka', [('Data', '../domains/data.html'), ('Streaming', '../domains/data.html#streaming')]),
    ],
)
def test_skill_pages_have_a_breadcrumb(
    built: SphinxTestApp, skill: str, trail: list[tuple[str, str]]
) -> None:
    crumb = html(built, f'skills/{skill}').select_one('nav.skill-breadcrumb')
    assert crumb['aria-label'] == 'Breadcrumb'
    assert [(text_of(link), link['href']) for link in crumb.select('a')] == trail
    title = text_of(html(built, f'skills/{skill}').select_one('h1')).rstrip(' ¶')
    assert text_of(crumb) == ' › '.join([name for name, _href in trail] + [title])


def sidebar(app: SphinxTestApp, name: str) -> list[str]:
    return [text_of(link) for link in html(app, name).select('.sidebar-tree a')]


def test_skill_page_sidebar_shows_domains_its_domains_groups_and_its_groups_skills(
    built: SphinxTestApp,
) -> None:
    assert sidebar(built, 'skills/python') == [
        'Programming',
        'Languages',
        'Go',
        'Python',
        'Tooling',
        'Data',
        'Programing',
        'Quality',
        'Roles',
    ]
    assert sidebar(built, 'skills/kafka') == [
        'Programming',
        'Data',
        'Databases',
        'Pipelnes',
        'Streaming',
        'Kafka',
        'Programing',
        'Quality',
        'Roles',
    ]
    current = html(built, 'skills/python').select_one('.sidebar-tree li.current-page a')
    assert (text_of(current), current['href']) == ('Python', '#')


def test_domain_page_sidebar_shows_its_groups_but_no_skill(built: SphinxTestApp) -> None:
    assert sidebar(built, 'domains/data') == [
        'Programming',
        'Data',
        'Databases',
        'Pipelnes',
        'Streaming',
        'Programing',
        'Quality',
        'Roles',
    ]
    assert sidebar(built, 'index') == [*DOMAINS, 'Roles']


# --- incremental builds -----------------------------------------------------------------------


def _add_skill(srcdir: Path) -> None:
    """A new skill in Data › Streaming (next to Kafka), with its page."""
    kafka = (srcdir / 'data' / 'skills' / 'kafka.yaml').read_text(encoding='utf-8')
    (srcdir / 'data' / 'skills' / 'flink.yaml').write_text(
        kafka.replace('id: kafka', 'id: flink').replace('Kafka', 'Flink'), encoding='utf-8'
    )
    (srcdir / 'skills' / 'flink.rst').write_text(
        'Flink\n=====\n\n.. skill-matrix:: flink\n', encoding='utf-8'
    )


def _pages(outdir: Path) -> dict[str, str]:
    return {
        path.relative_to(outdir).as_posix(): path.read_text(encoding='utf-8')
        for path in sorted(outdir.rglob('*.html'))
    }


def _clean_build(tmp_path: Path, change: Callable[[Path], None]) -> dict[str, str]:
    clean = tmp_path / 'clean'
    change(copy_root('catalog', clean))
    return _pages(sphinx_build(clean).outdir)


def test_adding_a_skill_rewrites_exactly_the_pages_that_show_it(tmp_path: Path) -> None:
    incremental = tmp_path / 'incremental'
    copy_root('catalog', incremental)
    outdir = sphinx_build(incremental).outdir
    before = {path: path.stat().st_mtime_ns for path in outdir.rglob('*.html')}
    _add_skill(incremental)
    app = sphinx_build(incremental)
    written = sorted(
        path.relative_to(outdir).as_posix()
        for path in outdir.rglob('*.html')
        if before.get(path) != path.stat().st_mtime_ns
    )

    assert _pages(outdir) == _clean_build(tmp_path, _add_skill)
    # The new page, the start page, the domain page, the skill pages of its group (Kafka) and
    # the one before it (Airflow, whose "next" link now leads to Flink), the role pages (they
    # list every skill), and the index pages Sphinx always writes.
    assert written == [
        'domains/data.html',
        'genindex.html',
        'index.html',
        'roles/backend-engineer.html',
        'roles/data-engineer.html',
        'roles/index.html',
        'search.html',
        'skills/airflow.html',
        'skills/flink.html',
        'skills/kafka.html',
    ]
    assert 'Flink' in sidebar(app, 'skills/kafka')
    assert 'Flink' not in sidebar(app, 'skills/sql')


def _remove_go(srcdir: Path) -> None:
    (srcdir / 'data' / 'skills' / 'go.yaml').unlink()
    (srcdir / 'skills' / 'go.rst').unlink()


def test_removing_a_skill_rewrites_its_group_and_domain(tmp_path: Path) -> None:
    incremental = tmp_path / 'incremental'
    copy_root('catalog', incremental)
    sphinx_build(incremental)
    _remove_go(incremental)
    app = sphinx_build(incremental)
    pages = _pages(app.outdir)
    assert 'Go' in text_of(BeautifulSoup(pages.pop('skills/go.html'), 'html.parser').h1)  # Sphinx leaves it
    assert pages == _clean_build(tmp_path, _remove_go)
    assert 'Go' not in sidebar(app, 'skills/python')


def test_the_real_site_lists_its_domains() -> None:
    catalog = load_catalog(REPO / 'data')[0]
    assert [domain.id for domain in catalog.domains] == ['machine-learning-ai']


# --- domains.yaml problems ----------------------------------------------------------------------


def _data_with_listing(tmp_path: Path, listing: str) -> Path:
    data = tmp_path / 'data'
    shutil.copytree(ROOTS / 'test-catalog' / 'data', data)
    (data / 'domains.yaml').write_text(listing, encoding='utf-8')
    return data


def test_a_misspelt_field_in_domains_yaml_is_located(tmp_path: Path) -> None:
    data = _data_with_listing(tmp_path, 'domains:\n  - name: Data\n    descripton: Storing data.\n')
    assert [str(problem) for problem in load_catalog(data)[1]] == [
        f"{data / 'domains.yaml'}:3:5: unknown field 'descripton' in 'domains.0' "
        "(allowed: name, description, groups); did you mean 'description'?"
    ]


def test_names_listed_twice_are_located(tmp_path: Path) -> None:
    listing = (
        'domains:\n'
        '  - name: Programming\n'
        '    groups:\n'
        '      - name: Languages\n'
        '      - name: Languages\n'
        '  - name: programming\n'
    )
    data = _data_with_listing(tmp_path, listing)
    assert [problem.message for problem in load_catalog(data)[1]] == [
        "group 'Languages' is listed twice (first on line 4)",
        "domain 'programming' has the same id 'programming' as 'Programming' (line 2): list it once",
    ]
    assert [(problem.line, problem.column) for problem in load_catalog(data)[1]] == [(5, 15), (6, 11)]


def test_a_broken_domains_yaml_is_a_warning_and_every_page_still_builds(tmp_path: Path) -> None:
    srcdir = tmp_path / 'site'
    copy_root('catalog', srcdir)
    (srcdir / 'data' / 'domains.yaml').write_text(
        'domains:\n  - name: Data\n    colour: blue\n', encoding='utf-8'
    )
    app = sphinx_build(srcdir)
    assert (
        "domains.yaml:3:5: WARNING: unknown field 'colour' in 'domains.0' "
        '(allowed: name, description, groups)' in warnings(app)
    )
    # Without the listing, domains come by name; the misspelt names are then not reported.
    assert [text_of(item.select_one('a')) for item in html(app, 'index').select('.skill-catalog-domain')] == [
        'Data',
        'Programing',
        'Programming',
        'Quality',
    ]
    assert (app.outdir / 'skills' / 'python.html').is_file()


def test_previous_and_next_pages_follow_the_catalog(built: SphinxTestApp) -> None:
    def neighbours(name: str) -> tuple[str | None, str | None]:
        page = html(built, name)
        found = [page.select_one(f'.{kind}-page .title') for kind in ('prev', 'next')]
        return tuple(text_of(item) if item else None for item in found)  # type: ignore[return-value]

    assert neighbours('skills/python') == ('Go', 'Git')
    assert neighbours('skills/git') == ('Python', 'Data')
    assert neighbours('domains/data') == ('Git', 'PostgreSQL')
    assert neighbours('skills/testing') == ('Quality', 'Roles')


def _rename_kafka(srcdir: Path) -> None:
    """Kafka becomes Apache Kafka, in its data and on its page."""
    for path in (srcdir / 'data' / 'skills' / 'kafka.yaml', srcdir / 'skills' / 'kafka.rst'):
        text = path.read_text(encoding='utf-8')
        path.write_text(
            text.replace('Kafka\n=====', 'Apache Kafka\n============').replace('Kafka', 'Apache Kafka')
        )


def _list_streaming_first(srcdir: Path) -> None:
    """domains.yaml lists Streaming first among Data's groups, with a description."""
    path = srcdir / 'data' / 'domains.yaml'
    text = path.read_text(encoding='utf-8')
    path.write_text(
        text.replace(
            '    groups:\n      - name: Pipelines',
            '    groups:\n      - name: Streaming\n        description: Events as they happen.\n'
            '      - name: Pipelines',
        ),
        encoding='utf-8',
    )


@pytest.mark.parametrize('change', [_rename_kafka, _list_streaming_first])
def test_renaming_or_reordering_keeps_every_page_equal_to_a_clean_build(
    tmp_path: Path, change: Callable[[Path], None]
) -> None:
    incremental = tmp_path / 'incremental'
    copy_root('catalog', incremental)
    sphinx_build(incremental)
    change(incremental)
    app = sphinx_build(incremental)
    assert _pages(app.outdir) == _clean_build(tmp_path, change)


def test_a_new_domains_yaml_reorders_the_start_page_and_the_domain_pages(tmp_path: Path) -> None:
    listing = (ROOTS / 'test-catalog' / 'data' / 'domains.yaml').read_text(encoding='utf-8')

    def without_listing(srcdir: Path) -> None:
        (srcdir / 'data' / 'domains.yaml').unlink()

    def with_listing(srcdir: Path) -> None:
        (srcdir / 'data' / 'domains.yaml').write_text(listing, encoding='utf-8')

    incremental = tmp_path / 'incremental'
    copy_root('catalog', incremental)
    without_listing(incremental)
    sphinx_build(incremental)
    with_listing(incremental)
    app = sphinx_build(incremental)
    assert _pages(app.outdir) == _clean_build(tmp_path, lambda srcdir: None)
    assert [
        text_of(item.select_one('a')) for item in html(app, 'index').select('.skill-catalog-domain')
    ] == DOMAINS


def test_a_parallel_build_writes_the_same_pages(tmp_path: Path, built: SphinxTestApp) -> None:
    srcdir = tmp_path / 'parallel'
    copy_root('catalog', srcdir)
    app = sphinx_build(srcdir, parallel=2)
    assert _pages(app.outdir) == _pages(built.outdir)


def test_the_sidebar_is_what_furo_makes_of_the_navigation(built: SphinxTestApp) -> None:
    """The extension writes furo's sidebar itself (furo would parse it again on every page):
    the same HTML as furo's own ``get_navigation_tree`` makes of the plain navigation."""
    navigation = Navigation(built.env, built.builder.tags)
    names = sorted(built.env.found_docs)
    assert len(names) == 17
    for name in names:
        uri = functools.partial(built.builder.get_relative_uri, name)
        furo_tree = get_navigation_tree(navigation.render(name, uri))
        assert navigation.render(name, uri, furo=True) == furo_tree, name
        page = (built.outdir / f'{name}.html').read_text(encoding='utf-8')
        assert furo_tree in page, name
    assert 'current-page' in navigation.render('skills/kafka', lambda target: target, furo=True)


def _add_kafka_page_later(srcdir: Path) -> None:
    (srcdir / 'skills' / 'kafka.rst').write_text(
        'Kafka\n=====\n\n.. skill-matrix:: kafka\n', encoding='utf-8'
    )


def test_a_page_added_for_a_listed_skill_joins_the_navigation(tmp_path: Path) -> None:
    incremental = tmp_path / 'incremental'
    copy_root('catalog', incremental)
    (incremental / 'skills' / 'kafka.rst').unlink()
    first = sphinx_build(incremental)
    assert "skill 'kafka' has no page" in warnings(first)
    _add_kafka_page_later(incremental)
    app = sphinx_build(incremental)
    assert 'Kafka' in sidebar(app, 'skills/kafka')
    assert _pages(app.outdir) == _clean_build(tmp_path, lambda srcdir: None)


def test_make_check_data_reports_the_misspelt_names(tmp_path: Path) -> None:
    shutil.copytree(ROOTS / 'test-catalog' / 'data', tmp_path / 'data')
    result = subprocess.run(
        [sys.executable, '-m', 'skill_matrix.data.check', 'data'],
        cwd=tmp_path,
        env={**os.environ, 'PYTHONPATH': str(REPO / '_ext')},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "data/skills/airflow.yaml:4:8: group 'Pipelnes' is not in the groups of 'Data' in domains.yaml; "
        "did you mean 'Pipelines'?",
        "data/skills/rust.yaml:3:9: domain 'Programing' is not in domains.yaml; did you mean 'Programming'?",
        '2 problem(s) in 2 file(s)',
    ]
