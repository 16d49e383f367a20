"""Level names are content: eight levels named with digits and parentheses, three of them in the
German catalog. German pages show those three translated and the others in English, marked and
counted as untranslated, wherever a level name shows; the .pot and ``make intl-check`` name each
one at its line in ``levels.yaml``."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po
from conftest import ROOTS, html, read_yaml, text_of

from skill_matrix.catalogcheck import compare

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from sphinx.testing.util import SphinxTestApp

ROOT = ROOTS / 'test-levels'
LEVELS = read_yaml(ROOT / 'data' / 'levels.yaml')['levels']
NAMES = [level['name'] for level in LEVELS]
with (ROOT / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po').open('rb') as po:
    GERMAN = {str(message.id): str(message.string) for message in read_po(po) if message.id}


def shown(name: str) -> str:
    return GERMAN.get(name, name)


def marked(element: object) -> bool:
    return 'untranslated' in element.get('class', [])  # type: ignore[attr-defined]


def test_the_root_has_translated_and_untranslated_level_names() -> None:
    assert 0 < sum(name in GERMAN for name in NAMES) < len(NAMES)
    assert all(re.search(r'\d', name) and '(' in name for name in NAMES)


def test_skill_page_shows_each_level_name_translated_or_marked(build: Callable[..., SphinxTestApp]) -> None:
    app = build('levels', 'html', language='de')
    page = html(app, 'index')
    names = page.select('table.skill-table tbody tr > :first-child p')  # by role: a row per level
    assert [text_of(name) for name in names] == [shown(name) for name in NAMES]
    assert [marked(name) for name in names] == [name not in GERMAN for name in NAMES]
    intro = page.select_one('.skill-tables-intro')
    assert shown(NAMES[0]) in text_of(intro)
    assert shown(NAMES[-1]) in text_of(intro)
    script = page.select_one('script.skill-explorer-data')
    assert script is not None
    picker = json.loads(str(script.string))
    assert [level['name'] for level in picker['levels']] == [shown(name) for name in NAMES]
    grid = html(app, 'grid')
    headers = grid.select('table.skill-table thead th')[1:]
    assert [text_of(header) for header in headers] == [shown(name) for name in NAMES]


def test_untranslated_level_names_count_in_the_progress(build: Callable[..., SphinxTestApp]) -> None:
    page = html(build('levels', 'html', language='de'), 'index')
    progress = page.select_one('.translation-progress')
    assert progress is not None
    # The page's texts: title, domain, group (untranslated), the role's caption, 8 descriptions,
    # 8 level names in the rows and 2 in the sentence above the tables.
    translated = sum(name in GERMAN for name in NAMES) + (NAMES[0] in GERMAN) + (NAMES[-1] in GERMAN)
    assert progress['title'] == f'{translated} von {4 + 8 + 8 + 2} Texten dieser Seite sind übersetzt'


def test_role_page_shows_translated_level_names(build: Callable[..., SphinxTestApp]) -> None:
    page = html(build('levels', 'html', language='de'), 'roles/data-engineer')
    captions = [text_of(caption) for caption in page.select('table.skill-table caption .caption-text')]
    expected = [shown(name) for name in NAMES]
    assert captions[-len(NAMES) :] == expected  # after the career path, a table per level
    career = page.select('table.skill-career-path tbody th p')
    assert [text_of(name) for name in career] == expected
    assert [marked(name) for name in career] == [name not in GERMAN for name in NAMES]


def level_lines() -> dict[str, int]:
    lines = (ROOT / 'data' / 'levels.yaml').read_text(encoding='utf-8').splitlines()
    return {
        line.split('name:', 1)[1].strip(): number for number, line in enumerate(lines, 1) if 'name:' in line
    }


def test_level_names_are_extracted_at_their_line(build: Callable[..., SphinxTestApp]) -> None:
    pot = build('levels', 'gettext').outdir / 'site.pot'
    with pot.open('rb') as file:
        messages = {message.id: message for message in read_po(file) if message.id}
    for name, line in level_lines().items():
        assert any(path.endswith('data/levels.yaml') and at == line for path, at in messages[name].locations)


def test_the_catalog_check_names_each_untranslated_level_with_file_and_line(
    build: Callable[..., SphinxTestApp], tmp_path: Path
) -> None:
    pot = build('levels', 'gettext').outdir / 'site.pot'
    problems = compare(pot, ROOT / 'locale' / 'de' / 'LC_MESSAGES' / 'site.po').problems
    for name, line in level_lines().items():
        about = [problem for problem in problems if f'"{name}"' in problem]
        if name in GERMAN:
            assert about == []
        else:
            assert len(about) == 1, about
            assert re.search(rf'data/levels\.yaml:{line}\b', about[0]), about
