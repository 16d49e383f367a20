"""Rich text in cells: the Markdown subset of descriptions in HTML, text, search, downloads, the
growth plan and the picker; refused markup and broken translations reported with their lines."""

from __future__ import annotations

import csv
import json
import shutil
from typing import TYPE_CHECKING

from conftest import ROOTS, copy_root, git, html, review_build, run_data_check, text_of, warnings

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp


def cell(page: object, row_id: str) -> object:
    return page.select(f'tr#{row_id} td')[-1]  # type: ignore[attr-defined]  # the description, in any language


def test_lists_emphasis_code_and_links_are_elements(build: Callable[..., SphinxTestApp]) -> None:
    app = build('richtext')
    assert warnings(app) == ''
    page = html(app, 'craft')
    junior = cell(page, 'craft-junior-backend-engineer')
    items = [text_of(li) for li in junior.select('ol > li')]  # type: ignore[attr-defined]
    assert items == [
        'Writes well-tested code for small test solutions.',
        'Uses tooling such as pytest and linters daily.',
    ]
    assert text_of(junior.select_one('li code')) == 'pytest'  # type: ignore[attr-defined]
    assert text_of(junior.select_one('li em')) == 'linters'  # type: ignore[attr-defined]
    assert '*' not in text_of(junior)
    assert '`' not in text_of(junior)
    middle = cell(page, 'craft-middle-backend-engineer')
    assert [text_of(li) for li in middle.select('ul > li')] == ['designs its API', 'reads the style guide']  # type: ignore[attr-defined]
    link = middle.select_one('a.reference.external')  # type: ignore[attr-defined]
    assert link['href'] == 'https://example.org/style?a=1&b=2'
    assert text_of(middle.select_one('strong')) == 'designs'  # type: ignore[attr-defined]


def test_plain_cells_stay_plain(build: Callable[..., SphinxTestApp]) -> None:
    page = html(build('richtext'), 'craft')
    lead = cell(page, 'craft-lead-backend-engineer')
    assert text_of(lead) == 'Keeps snake_case_names, torch.nn.Module, __init__ and 2*3*4 as written.'
    assert lead.select('em, strong, div') == []  # type: ignore[attr-defined]
    principal = cell(page, 'craft-principal-backend-engineer')
    assert str(principal.p) == '<p>Shapes the engineering culture of the organisation.</p>'  # type: ignore[attr-defined]


def test_role_page_rows_show_the_lists(build: Callable[..., SphinxTestApp]) -> None:
    page = html(build('richtext'), 'roles/backend-engineer')
    row = page.select_one('tr#craft-junior-backend-engineer')
    assert row is not None
    assert len(row.select('ol > li')) == 2
    assert text_of(row.select_one('code')) == 'pytest'


def test_search_downloads_plan_and_picker(build: Callable[..., SphinxTestApp]) -> None:
    app = build('richtext')
    searchindex = (app.outdir / 'searchindex.js').read_text(encoding='utf-8')
    assert '"linter"' in searchindex or '"linters"' in searchindex
    downloads = app.outdir / '_downloads' / 'skill-matrix'
    rows = list(
        csv.reader((downloads / 'craft.csv').read_text(encoding='utf-8-sig').splitlines(keepends=True))
    )
    junior = next(row for row in rows if row[:2] == ['backend-engineer', 'junior'])
    assert junior[-1].splitlines() == [
        '1. Writes well-tested code for small test solutions.',
        '2. Uses tooling such as pytest and linters daily.',
    ]
    middle_row = next(row for row in rows if row[:2] == ['backend-engineer', 'middle'])
    assert middle_row[-1].splitlines() == [
        'Owns a service end to end:',
        '- designs its API',
        '- reads the style guide (https://example.org/style?a=1&b=2)',
    ]
    for mark in ('*', '`', ']('):
        assert mark not in junior[-1] + middle_row[-1]
    document = json.loads((downloads / 'craft.json').read_text(encoding='utf-8'))
    middle = next(
        item
        for item in document['expectations']
        if (item['role'], item['level']) == ('backend-engineer', 'middle')
    )
    assert middle['description'].startswith('Owns a service end to end:\n\n- **designs** its API\n')
    assert middle['description_text'] == (
        'Owns a service end to end:\n- designs its API\n- reads the style guide (https://example.org/style?a=1&b=2)'
    )
    plan = (app.outdir / 'plan-data' / 'backend-engineer.js').read_text(encoding='utf-8')
    assert '1. Writes well-tested code for small test solutions.\\n2. Uses tooling' in plan
    picker = html(app, 'craft').select_one('script.skill-explorer-data')
    assert picker is not None
    assert (
        '- designs its API'
        in json.loads(str(picker.string))['expectations']['backend-engineer']['middle']['description']
    )


def test_text_builder_shows_plain_text(build: Callable[..., SphinxTestApp]) -> None:
    text = (build('richtext', 'text').outdir / 'craft.txt').read_text(encoding='utf-8')
    words = ' '.join(text.replace('|', ' ').split())
    assert (
        '1. Writes well-tested code for small test solutions. 2. Uses tooling such as pytest and linters'
        in words
    )
    assert '*linters*' not in text
    assert '`pytest`' not in text


def test_translation_keeps_the_markup_or_is_reported(build: Callable[..., SphinxTestApp]) -> None:
    app = build('richtext', 'html', language='de')
    page = html(app, 'craft')
    junior = cell(page, 'craft-junior-backend-engineer')
    items = [li.get_text() for li in junior.select('ol > li')]  # type: ignore[attr-defined]
    assert items[1] == 'Nutzt täglich Werkzeuge wie pytest und Linter.'
    # the middle cell's translation lost a list item and changed the link: reported, English shown
    po_file = ROOTS / 'test-richtext' / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po'
    lines = po_file.read_text(encoding='utf-8').splitlines()
    broken = lines.index('"- **entwirft** seine API und liest den [Styleguide](https://evil.example/)"')
    msgstr_line = max(number for number, line in enumerate(lines[:broken], 1) if line.startswith('msgstr'))
    reported = warnings(app)
    assert (
        f'site.po:{msgstr_line}: WARNING: the translation of this description breaks its markup' in reported
    )
    middle = cell(page, 'craft-middle-backend-engineer')
    assert 'https://evil.example/' not in str(middle)
    assert len(middle.select('ul > li')) == 2  # type: ignore[attr-defined]


def test_rich_rows_are_marked_like_plain_rows(build: Callable[..., SphinxTestApp]) -> None:
    """Skill page and role page alike: a translated rich cell has Sphinx's ``translated`` class,
    one shown in English (its translation broke the markup) ``untranslated``, the "EN" mark."""
    app = build('richtext', 'html', language='de')
    for name in ('craft', 'roles/backend-engineer'):
        page = html(app, name)
        junior = cell(page, 'craft-junior-backend-engineer')
        translated = junior.select_one('.translated')  # type: ignore[attr-defined]
        assert translated is not None, name
        assert len(translated.select('ol > li')) == 2, name
        assert junior.select('.untranslated') == [], name  # type: ignore[attr-defined]
        middle = cell(page, 'craft-middle-backend-engineer')
        english = middle.select_one('.untranslated')  # type: ignore[attr-defined]
        assert english is not None, name
        items = [text_of(li) for li in english.select('ul > li')]
        assert items == ['designs its API', 'reads the style guide'], name
        lead = cell(page, 'craft-lead-backend-engineer')  # a plain cell without a translation
        assert lead.select_one('p.untranslated') is not None, name  # type: ignore[attr-defined]


def test_a_bidi_override_in_a_translation_is_shown_not_obeyed(build: Callable[..., SphinxTestApp]) -> None:
    """The de catalog translates a cell with U+202E ... U+202C in it (make intl-check names them):
    the pages show them as stand-ins, as they show such characters from the YAML."""
    app = build('richtext', 'html', language='de')
    for name in ('craft', 'roles/qa-engineer'):
        page = html(app, name)
        assert (
            text_of(cell(page, 'craft-middle-qa-engineer')) == 'Entwirft [U+202E]Integrations[U+202C]-Suiten.'
        )
        assert '\u202e' not in str(page), name


def test_gettext_keeps_one_message_per_cell(build: Callable[..., SphinxTestApp]) -> None:
    pot = (build('richtext', 'gettext').outdir / 'site.pot').read_text(encoding='utf-8')
    assert (
        'msgid "1. Writes well-tested code for small test solutions.\\n"\n'
        '"2. Uses tooling such as `pytest` and *linters* daily."'
    ) in pot
    assert 'msgid "Shapes the engineering culture of the organisation."' in pot
    assert 'msgid "Writes well-tested code' not in pot  # no message per list item


def test_check_data_refuses_markup_outside_the_subset(tmp_path: Path) -> None:
    data = tmp_path / 'data'
    shutil.copytree(ROOTS / 'test-richtext' / 'data', data, symlinks=False)
    path = data / 'skills' / 'craft.yaml'
    text = path.read_text(encoding='utf-8')
    text = text.replace(
        '      description: Writes unit tests with pytest fixtures.\n',
        ('      description: |\n        Fine first line\n\n        <script>alert(1)</script>\n'),
    )
    text = text.replace('description: Designs integration suites.', 'description: "[x](javascript:alert(1))"')
    text = text.replace(
        'description: Builds end-to-end harnesses.', 'description: "![logo](https://example.org/a.png)"'
    )
    text = text.replace(
        'description: Sets the testing strategy.', 'description: |\n        # Strategy\n        Sets it.'
    )
    path.write_text(text, encoding='utf-8')
    lines = text.splitlines()
    result = run_data_check(data)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert 'Traceback' not in output
    script = lines.index('        <script>alert(1)</script>') + 1
    javascript = next(number for number, line in enumerate(lines, 1) if 'javascript:' in line)
    image = next(number for number, line in enumerate(lines, 1) if 'logo' in line)
    heading = lines.index('        # Strategy') + 1
    expected = {
        script: 'raw HTML is not allowed in a description',
        javascript: "link target 'javascript:alert(1)' is not allowed",
        image: 'an image is not allowed in a description',
        heading: 'a heading is not allowed in a description',
    }
    for line, message in expected.items():
        assert any(
            reported.startswith(f'{path}:{line}:') and message in reported for reported in output.splitlines()
        ), (line, message, output)


def test_a_changed_rich_cell_is_marked_on_the_skill_page(tmp_path: Path) -> None:
    """A skill page's rows are written from data (#26): a rich description changed since the
    review gets the change bar's class and, after its blocks, the marker linking to its entry on
    the changes page, as a role page's row does (a docutils row had no place for the marker
    after a list)."""
    repo = copy_root('richtext', tmp_path / 'repo')
    (repo / 'changes.rst').write_text(':orphan:\n\n.. skill-changes::\n', encoding='utf-8')
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'reviewed')
    git(repo, 'tag', '-a', '-m', 'review', 'review/2026-h1')
    skill = repo / 'data' / 'skills' / 'craft.yaml'
    skill.write_text(
        skill.read_text(encoding='utf-8').replace('Writes well-tested code', 'Writes reviewed code'),
        encoding='utf-8',
    )
    git(repo, 'commit', '-q', '-am', 'craft: junior backend changed')
    page = html(review_build(repo, tmp_path / 'out', 'en'), 'craft')
    row = page.select_one('tr#craft-junior-backend-engineer')
    assert row is not None
    assert 'skill-changed' in row['class']
    first_item = row.select_one('ol > li')
    assert first_item is not None
    assert text_of(first_item) == 'Writes reviewed code for small test solutions.'
    marker = row.select('td')[-1].select('p')[-1].select_one('a.skill-change-marker')
    assert marker is not None
    assert marker['href'] == 'changes.html#change-craft-junior-backend-engineer'
    unchanged = page.select_one('tr#craft-middle-backend-engineer')
    assert unchanged is not None
    assert 'skill-changed' not in unchanged['class']
    assert unchanged.select_one('a.skill-change-marker') is None
