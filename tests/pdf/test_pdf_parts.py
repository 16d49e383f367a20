"""``make pdf-changes``: in a review cycle, a PDF of only what changed, on a copy of the real site
with one skill edited since a review tag: the redlined change and that skill's chapter with only
its table that holds the change, no other skill; with ten skills edited, in en, de and zh_CN, a
few pages whatever the catalog's size; only the fonts its text needs. (The PDFs per domain and
the full build's PDF of the changes: test_review_pdf.py; their links on the site: test_pdf.py.)"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest
from conftest import (
    GIT_DATE,
    REPO,
    copy_site,
    edit,
    git,
    git_environment,
    read_yaml,
    source_date_epoch,
    translations,
)

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

TOOLS = ('latexmk', 'lualatex', 'pdftotext')
EDITED = 'Builds basic CNNs in PyTorch'
REWORDED = 'Builds small CNNs in PyTorch'


def reviewed_project(folder: Path, copies: int = 0) -> Path:
    """A copy of the real site, with *copies* copies of the PyTorch skill more (each with its
    page), committed and tagged review/test."""
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f'PDF tests need {", ".join(missing)}: run tools/install-system-packages.sh')
    project = copy_site(folder, '_ext', '_templates', 'locale', 'changes.rst', 'Makefile', 'requirements.txt')
    pytorch = (project / 'data' / 'skills' / 'pytorch.yaml').read_text(encoding='utf-8')
    for number in range(1, copies + 1):
        skill_id = f'pytorch-{number:02}'
        (project / 'data' / 'skills' / f'{skill_id}.yaml').write_text(
            pytorch.replace('id: pytorch', f'id: {skill_id}').replace(
                'title: PyTorch', f'title: PyTorch {number:02}'
            ),
            encoding='utf-8',
        )
        heading = f'PyTorch {number:02}'
        (project / 'skills' / f'{skill_id}.rst').write_text(
            f'{heading}\n{"=" * len(heading)}\n\n.. skill-matrix:: {skill_id}\n', encoding='utf-8'
        )
    git(project, 'init', '-q')
    git(project, 'add', '.')
    git(project, 'commit', '-q', '-m', 'reviewed')
    git(project, 'tag', 'review/test')
    return project


def build_changes_pdf(project: Path, builddir: Path, language: str) -> Path:
    """``make pdf-changes-<language> SINCE=review/test``: the PDF of only the changes."""
    result = subprocess.run(
        [
            'make',
            '--no-print-directory',
            '-o',
            f'{sys.prefix}/.installed',
            f'VENV={sys.prefix}',
            f'pdf-changes-{language}',
            f'BUILDDIR={builddir}',
            'SINCE=review/test',
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env=os.environ
        | git_environment(project.parent, GIT_DATE)
        | {'SOURCE_DATE_EPOCH': source_date_epoch('2026-12-01T08:00:00')},
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert 'WARNING' not in result.stderr, result.stderr
    return builddir / 'pdf' / f'skill-profiles-{language}-changes.pdf'


@pytest.fixture(scope='session')
def changes_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English PDF of only the changes: PyTorch's first description reworded since review/test."""
    folder = tmp_path_factory.mktemp('pdf-changes')
    project = reviewed_project(folder / 'project')
    edit(project / 'data' / 'skills' / 'pytorch.yaml', EDITED, REWORDED)
    return build_changes_pdf(project, folder / 'build', 'en')


def test_the_changes_pdf_holds_the_redlined_change_and_only_the_changed_skill(changes_pdf: Path) -> None:
    text = subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(changes_pdf), '-'], capture_output=True, text=True, check=True
    ).stdout
    flat = ' '.join(text.split())
    assert 'Review draft — changes since review/test' in flat
    assert f'Before: {EDITED}' in flat
    assert f'Now: {REWORDED}' in flat
    assert re.search(r'^\s*2\s+PyTorch\s*$', text, re.MULTILINE)  # the skill's chapter
    others = [
        read_yaml(path)
        for path in sorted((changes_pdf.parents[2] / 'project' / 'data' / 'skills').glob('*.yaml'))
        if path.stem != 'pytorch'
    ]
    assert others
    for skill in others:
        assert skill['title'] not in flat
        description = next(iter(next(iter(skill['roles'].values())).values()))['description']
        assert ' '.join(description.split()[:6]) not in flat
    tex = (changes_pdf.parents[1] / 'latex' / 'changes-en' / 'skill-profiles-changes.tex').read_text(
        encoding='utf-8'
    )
    assert r'\skillins{small}' in tex
    assert r'\skilldel{basic}' in tex


def test_a_pdf_without_right_to_left_text_loads_no_right_to_left_locale(changes_pdf: Path) -> None:
    """The English changes of PyTorch hold no Arabic or Hebrew character, so their PDF's preamble
    does not load babel's Arabic and Hebrew locales (each looks at every glyph: time per page);
    the PDFs that hold such text keep them (test_unicode_corpus.py shows its Arabic and Hebrew)."""
    tex = (changes_pdf.parents[1] / 'latex' / 'changes-en' / 'skill-profiles-changes.tex').read_text(
        encoding='utf-8'
    )
    assert not any('\u0590' <= character <= '\u06ff' for character in tex)
    for locale in ('arabic', 'hebrew'):
        assert rf'\babelprovide[import, onchar=ids fonts]{{{locale}}}' not in tex
        assert rf'\babelfont[{locale}]' not in tex
    assert r'\setmainfont{FreeSerif}' in tex


# --- what the changes' PDF shows of a changed skill: the tables that hold a change ------------

PYTORCH = read_yaml(REPO / 'data' / 'skills' / 'pytorch.yaml')
LEVELS = {level['id']: level['name'] for level in read_yaml(REPO / 'data' / 'levels.yaml')['levels']}
EDITED_LEVEL = 'junior'  # the level of EDITED (computer-vision-engineer)
UNCHANGED_LINE = {
    'en': 'Unchanged, not shown here:',
    'de': 'Unverändert, hier nicht gezeigt:',
    'zh_CN': '未更改，此处不显示：',
}
CHANGED_SKILLS = 10


def pdf_text(pdf: Path) -> str:
    return subprocess.run(
        ['pdftotext', '-enc', 'UTF-8', str(pdf), '-'], capture_output=True, text=True, check=True
    ).stdout


def squeezed(text: str) -> str:
    """*text* without white space and hyphens: line breaks (between words, inside a hyphenated
    word, between Chinese characters) do not matter."""
    return re.sub(r'[\s\-\u00ad]+', '', text)


def descriptions(level_id: str, language: str) -> list[str]:
    """PyTorch's descriptions at *level_id*, one per role, as the PDF in *language* shows them."""
    catalog = (
        {}
        if language == 'en'
        else translations(REPO / 'locale' / language / 'LC_MESSAGES' / 'skill-profiles.po')
    )
    texts = [' '.join(cells[level_id]['description'].split()) for cells in PYTORCH['roles'].values()]
    return [catalog.get(text, text) for text in texts]


def test_the_changes_pdf_shows_the_changed_table_and_names_the_unchanged_ones(changes_pdf: Path) -> None:
    """Of PyTorch, whose junior Computer Vision Engineer changed: the junior table, every row of it
    (the changed one reworded), and one line naming the other levels' tables, which are left out."""
    text = pdf_text(changes_pdf)
    skill_chapter = squeezed(text.split('Domain', 1)[1])  # the skill's facts open its chapter
    assert squeezed(' '.join(REWORDED.split()[:4])) in skill_chapter
    for description in descriptions(EDITED_LEVEL, 'en')[1:]:  # the first is the changed cell's
        assert squeezed(' '.join(description.split()[:5])) in skill_chapter, description
    others = [name for level_id, name in LEVELS.items() if level_id != EDITED_LEVEL]
    line = (
        f'Unchanged, not shown here: {", ".join(others)}. '
        'The book, the PDF of the domain and the site show them.'
    )
    assert line in ' '.join(text.split())
    for level_id in LEVELS.keys() - {EDITED_LEVEL}:
        for description in descriptions(level_id, 'en'):
            assert squeezed(' '.join(description.split()[:6])) not in squeezed(text), description
    flat = ' '.join(text.split())
    assert 'Mandatory requirements' not in flat  # the whole skill's counts are the book's
    assert 'The table shows how skill depth grows' not in flat


@pytest.fixture(scope='session')
def ten_changes(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, int], Path]:
    """The PDF of only the changes in a language, of a catalog with *copies* copies of PyTorch more,
    the first ten of them edited (EDITED reworded) since review/test; each built once."""
    projects: dict[int, Path] = {}
    built: dict[tuple[str, int], Path] = {}

    def changes_pdf(language: str, copies: int) -> Path:
        if copies not in projects:
            project = reviewed_project(tmp_path_factory.mktemp(f'ten-changes-{copies}') / 'project', copies)
            for number in range(1, CHANGED_SKILLS + 1):
                edit(project / 'data' / 'skills' / f'pytorch-{number:02}.yaml', EDITED, REWORDED)
            projects[copies] = project
        if (language, copies) not in built:
            project = projects[copies]
            built[language, copies] = build_changes_pdf(
                project, project.parent / f'build-{language}', language
            )
        return built[language, copies]

    return changes_pdf


def pages(pdf: Path) -> int:
    info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r'^Pages:\s+(\d+)', info, re.MULTILINE)
    assert match, info
    return int(match[1])


def test_ten_changed_skills_fit_in_a_few_pages_whatever_the_catalog_s_size(
    ten_changes: Callable[[str, int], Path],
) -> None:
    """Ten skills of five roles × five levels, one cell changed in each: the title page and the
    contents, then per skill its entry in the changes chapter (about a quarter of a page) and its
    chapter (the facts, the line naming the unchanged tables, the one level table of five rows:
    under a page), so at most 2 + 1.5 pages per changed skill (whole chapters took about 2.5
    each, 30 pages in all). The pages follow the changes: 30 unchanged skills more, the same."""
    small = ten_changes('en', CHANGED_SKILLS)
    large = ten_changes('en', CHANGED_SKILLS + 30)
    assert pages(small) <= 2 + 1.5 * CHANGED_SKILLS
    assert pages(large) == pages(small)
    text = pdf_text(large)
    for number in range(1, CHANGED_SKILLS + 1):
        assert f'PyTorch {number:02}' in text
    assert 'PyTorch 11' not in text  # unchanged: not in the changes' PDF
    assert text.count(UNCHANGED_LINE['en']) == CHANGED_SKILLS


@pytest.mark.parametrize('language', ['de', 'zh_CN'])
def test_the_changes_pdf_in_german_and_chinese_shows_the_changed_tables_only(
    ten_changes: Callable[[str, int], Path], language: str
) -> None:
    """The same in German and Chinese: the line in the PDF's language, once per changed skill; the
    changed row (its new English text: the catalog has no translation of it yet) and the other
    rows of its table translated; the unchanged levels' rows not shown."""
    pdf = ten_changes(language, CHANGED_SKILLS + 30)
    text = pdf_text(pdf)
    assert squeezed(text).count(squeezed(UNCHANGED_LINE[language])) == CHANGED_SKILLS
    assert squeezed(text).count(squeezed(' '.join(REWORDED.split()[:4]))) >= CHANGED_SKILLS
    shown = descriptions(EDITED_LEVEL, language)
    for description in shown[1:]:  # the first is the changed cell's
        assert squeezed(description[:24]) in squeezed(text), description
    for level_id in LEVELS.keys() - {EDITED_LEVEL}:
        for description in descriptions(level_id, language):
            assert squeezed(description[:24]) not in squeezed(text), description
    assert pages(pdf) <= 2 + 1.5 * CHANGED_SKILLS
