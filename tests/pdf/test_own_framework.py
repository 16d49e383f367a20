"""The guide's "Start your own framework" (guide/own-framework.rst), followed as a newcomer follows
it: every ``code-block:: sh`` of the page, in order, run by bash in a fresh copy of the
repository that is a git clone with a review tag; then what they see: their levels on the built
pages, the fork in the level picker's data, the French level name, the PDFs, the located error
of the deliberate mistake, a clean commit. The commands come from the page itself, so the guide
cannot drift from what works."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup
from conftest import LANGUAGE_COMMAND_FILES, REPO, copy_site, git, git_environment

if TYPE_CHECKING:
    from pathlib import Path

GUIDE = REPO / 'guide' / 'own-framework.rst'
BLOCK = re.compile(
    r'^\.\. code-block:: (?P<language>\w+)\n(?P<options>(?:   :[\w-]+:.*\n)*)\n(?P<body>(?:(?:   .*)?\n)+)',
    re.MULTILINE,
)
# Every make of a block uses the suite's venv as it is, never a new one (make_into does the same).
USE_THIS_VENV = f'make() {{ command make -o "{sys.prefix}/.installed" VENV="{sys.prefix}" "$@"; }}\n'

pytestmark = pytest.mark.xdist_group('own-framework')  # one worker follows the guide once


@dataclass
class Step:
    """One command block of the page, what it printed, and the output the page shows after it."""

    commands: str
    fails: bool
    shown: str
    returncode: int = 0
    output: str = ''


def steps_of_the_guide() -> list[Step]:
    """The page's ``sh`` blocks in order, each with the ``text`` block that follows it, if any."""
    steps: list[Step] = []
    for block in BLOCK.finditer(GUIDE.read_text(encoding='utf-8')):
        body = re.sub(r'^   ', '', block['body'], flags=re.MULTILINE).rstrip('\n') + '\n'
        if block['language'] == 'sh':
            steps.append(Step(body, ':class: fails' in block['options'], ''))
        elif block['language'] == 'text' and steps and not steps[-1].shown:
            steps[-1].shown = body
    return steps


@pytest.fixture(scope='module')
def newcomer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Step]]:
    """A clone of the repository with a review tag, and the guide's steps run in it."""
    for tool in ('latexmk', 'lualatex', 'pdftotext', 'perl'):
        if shutil.which(tool) is None:
            pytest.skip(f'the guide needs {tool}: run tools/install-system-packages.sh')
    project = copy_site(
        tmp_path_factory.mktemp('own-framework') / 'clone', *LANGUAGE_COMMAND_FILES, '.gitignore'
    )
    git(project, 'init', '-q')
    git(project, 'add', '-A')
    git(project, 'commit', '-q', '-m', 'the seed framework')
    git(project, 'tag', '-a', 'review/2026-h1', '-m', 'the seed, approved')
    environment = git_environment(project.parent, '2026-12-01T08:00:00+00:00')
    for variable in ('SINCE', 'REVIEW_TAGS', 'BUILDDIR', 'VENV', 'MAKEFLAGS'):
        environment.pop(variable, None)
    steps = steps_of_the_guide()
    for step in steps:
        result = subprocess.run(
            ['bash', '-e', '-o', 'pipefail', '-c', USE_THIS_VENV + step.commands],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            check=False,
        )
        step.returncode, step.output = result.returncode, result.stdout + result.stderr
        assert (step.returncode != 0) == step.fails, f'{step.commands}\n{step.output[-3000:]}'
    return project, steps


def test_the_guide_has_the_steps_a_newcomer_needs() -> None:
    commands = ''.join(step.commands for step in steps_of_the_guide())
    for command in (
        'git rm -r -q skills data/skills',
        "git tag -l 'review/*'",
        'cat > data/levels.yaml',
        'cat > data/roles.yaml',
        'cat > data/domains.yaml',
        'cat > data/skills/',
        'make check-data',
        'make html-en',
        'make add-language LANG=fr',
        'make remove-language LANG=de',
        'make html',
        'make pdf',
        'git commit',
    ):
        assert command in commands, command


def test_each_command_prints_what_the_guide_shows(newcomer: tuple[Path, list[Step]]) -> None:
    _, steps = newcomer
    shown = [step for step in steps if step.shown]
    assert len(shown) >= 3
    for step in shown:
        for line in step.shown.splitlines():
            assert line in step.output.splitlines(), (
                f'{line!r} not in the output of\n{step.commands}{step.output}'
            )


def test_the_deliberate_mistake_is_named_with_file_line_and_column(newcomer: tuple[Path, list[Step]]) -> None:
    _, steps = newcomer
    (mistake,) = [step for step in steps if step.fails]
    located = r"^data/levels\.yaml:\d+:\d+: .*unknown level 'engineering-manger'"
    assert re.search(located + r".*did you mean 'engineering-manager'", mistake.output, re.MULTILINE)
    assert 'Traceback' not in mistake.output


def test_the_english_pages_show_the_new_levels_and_the_fork(newcomer: tuple[Path, list[Step]]) -> None:
    project, _ = newcomer
    html = project / '_build' / 'html'
    page = BeautifulSoup((html / 'en/skills/code-review.html').read_text(encoding='utf-8'), 'html.parser')
    text = page.get_text(' ')
    for name in ('Engineer 1', 'Engineer 2', 'Senior Engineer', 'Staff Engineer', 'Engineering Manager'):
        assert name in text
    for seed in ('Junior', 'Principal', 'PyTorch'):
        assert seed not in text
    explorer = page.select_one('script.skill-explorer-data')
    assert explorer is not None
    data = json.loads(explorer.get_text())
    assert data['next']['senior-engineer'] == ['staff-engineer', 'engineering-manager']
    assert data['next']['staff-engineer'] == []
    assert sorted(path.name for path in (html / 'en/roles').glob('*.html')) == [
        'backend-engineer.html',
        'frontend-engineer.html',
        'index.html',
    ]
    assert [path.name for path in (html / 'en/domains').glob('*.html')] == ['engineering-practice.html']
    start = (html / 'en/index.html').read_text(encoding='utf-8')
    assert 'What each role of our engineering teams is expected to know and do' in start
    assert 'Changes since' not in start  # the seed's review tag is gone


def test_the_french_pages_show_the_translated_level_name_and_mark_the_rest(
    newcomer: tuple[Path, list[Step]],
) -> None:
    project, _ = newcomer
    html = project / '_build' / 'html'
    assert sorted(path.name for path in html.iterdir()) == ['en', 'fr', 'index.html']
    page = BeautifulSoup((html / 'fr/skills/code-review.html').read_text(encoding='utf-8'), 'html.parser')
    assert page.html is not None
    assert page.html['lang'] == 'fr'
    assert 'Ingénieur confirmé' in page.get_text(' ')
    marked = {element.get_text(' ', strip=True) for element in page.select('.untranslated')}
    assert 'Staff Engineer' in marked
    assert 'Ingénieur confirmé' not in marked
    landing = (html / 'index.html').read_text(encoding='utf-8')
    assert 'href="fr/index.html"' in landing
    assert 'href="de/index.html"' not in landing
    assert 'Choisir une langue' in landing
    assert 'Sprache wählen' not in landing


def test_the_pdfs_hold_the_new_framework(newcomer: tuple[Path, list[Step]]) -> None:
    project, _ = newcomer
    pdfs = project / '_build' / 'pdf'
    assert sorted(path.name for path in pdfs.glob('*.pdf')) == [  # the book and one per domain
        'skill-profiles-en-domain-engineering-practice.pdf',
        'skill-profiles-en.pdf',
        'skill-profiles-fr-domain-engineering-practice.pdf',
        'skill-profiles-fr.pdf',
    ]
    texts = {
        language: subprocess.run(
            ['pdftotext', '-enc', 'UTF-8', str(pdfs / f'skill-profiles-{language}.pdf'), '-'],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for language in ('en', 'fr')
    }
    assert 'Engineering Manager' in texts['en']
    assert 'Reviews a teammate' in texts['en']
    assert 'Ingénieur confirmé' in texts['fr']


def test_the_commit_holds_the_framework_and_nothing_built(newcomer: tuple[Path, list[Step]]) -> None:
    project, _ = newcomer
    assert git(project, 'status', '--porcelain') == ''
    tracked = git(project, 'ls-files').splitlines()
    assert 'data/skills/code-review.yaml' in tracked
    assert 'skills/code-review.rst' in tracked
    assert 'locale/fr/LC_MESSAGES/skill-profiles.po' in tracked
    seed_or_built = ('locale/de/', 'skills/pytorch', '_build/', 'domains/', 'roles/')
    assert not [path for path in tracked if path.startswith(seed_or_built) or path.endswith('.mo')]
    assert git(project, 'tag', '-l', 'review/*') == ''
