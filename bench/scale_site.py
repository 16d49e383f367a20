"""The real site at scale: a copy of the project with N more skills, copies of the PyTorch skill.

Issue #26 measures the real site (role pages, domain pages, plan data, downloads, search, all
languages) this way: the seed site plus N copies of ``data/skills/pytorch.yaml``, each with its
own id, title and page, spread over 5 domains and 40 groups (8 groups per domain, the first
being PyTorch's own). The copies keep PyTorch's descriptions, which the catalogs translate; the
new names (titles, domains, groups) get catalog entries in every translated language (the
English text with the language's code), so that ``make intl-check`` holds at 100 % and every
language builds like the real one.

``python bench/scale_site.py DEST [--copies N]`` writes such a copy into DEST; ``make`` then
works there as in the repository (``VENV=`` this repository's venv).
"""

from __future__ import annotations

import argparse
import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# What the project's make targets read (tests/conftest.py copies the same for its site copies).
PROJECT_FILES = (
    'Makefile',
    'conf.py',
    'docutils.conf',
    'index.rst',
    'plan.rst',
    'pdfs.rst',
    'changes.rst',
    'languages.yaml',
    'requirements.txt',
    'skills',
    'data',
    'guide',
    'locale',
    '_ext',
    '_templates',
)
TEMPLATE_SKILL = 'pytorch'
DOMAINS = (
    'Machine Learning & AI',  # PyTorch's own
    'Data Engineering',
    'Software Engineering',
    'Infrastructure & Operations',
    'Security & Privacy',
)
GROUPS_PER_DOMAIN = 8


def copy_project(destination: Path) -> None:
    """The project's sources in *destination*; ``tools/`` with its node modules linked, not copied."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, destination / name, ignore=shutil.ignore_patterns('*.mo', '__pycache__'))
        else:
            shutil.copy(source, destination / name)
    tools = destination / 'tools'
    shutil.copytree(REPO / 'tools', tools, ignore=shutil.ignore_patterns('node_modules', '__pycache__'))
    if (REPO / 'tools' / 'axe' / 'node_modules').is_dir():
        (tools / 'axe' / 'node_modules').symlink_to(REPO / 'tools' / 'axe' / 'node_modules')


def groups() -> list[tuple[str, str]]:
    """(domain, group) of every group, 8 per domain; the first is PyTorch's own."""
    pairs = []
    for number, domain in enumerate(DOMAINS):
        for index in range(GROUPS_PER_DOMAIN):
            name = 'Deep Learning' if (number, index) == (0, 0) else f'{domain.split()[0]} Area {index + 1}'
            pairs.append((domain, name))
    return pairs


def add_copies(site: Path, count: int) -> list[str]:
    """*count* copies of the PyTorch skill in *site* (YAML and page); the new names they bring."""
    template = (REPO / 'data' / 'skills' / f'{TEMPLATE_SKILL}.yaml').read_text(encoding='utf-8')
    all_groups = groups()
    names: set[str] = {name for pair in all_groups for name in pair}
    for number in range(1, count + 1):
        skill_id, title = f'{TEMPLATE_SKILL}-copy-{number:04d}', f'PyTorch {number:04d}'
        domain, group = all_groups[number % len(all_groups)]
        text = template
        for key, value in (('id', skill_id), ('title', title), ('domain', domain), ('group', group)):
            text, replaced = re.subn(rf'^{key}: .*$', f'{key}: {value}', text, count=1, flags=re.MULTILINE)
            assert replaced == 1, f'{TEMPLATE_SKILL}.yaml has no top-level {key}'
        (site / 'data' / 'skills' / f'{skill_id}.yaml').write_text(text, encoding='utf-8')
        page = f'{title}\n{"=" * len(title)}\n\n.. skill-matrix:: {skill_id}\n'
        (site / 'skills' / f'{skill_id}.rst').write_text(page, encoding='utf-8')
        names.add(title)
    return sorted(names)


def _po_string(text: str) -> str:
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


def add_translations(site: Path, names: list[str]) -> None:
    """A catalog entry for each new name in every translated language's page catalog."""
    for catalog in sorted((site / 'locale').glob('*/LC_MESSAGES/skill-profiles.po')):
        language = catalog.parent.parent.name
        existing = catalog.read_text(encoding='utf-8')
        entries = [
            f'\nmsgid {_po_string(name)}\nmsgstr {_po_string(f"{name} ({language})")}\n'
            for name in names
            if f'\nmsgid {_po_string(name)}\n' not in existing
        ]
        catalog.write_text(existing + ''.join(entries), encoding='utf-8')


def make_site(destination: Path, copies: int) -> None:
    """The project in *destination* with *copies* more skills and their translations."""
    copy_project(destination)
    add_translations(destination, add_copies(destination, copies))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('destination', type=Path, help='an empty or new folder')
    parser.add_argument('--copies', type=int, default=1000, help='copies of the PyTorch skill (default 1000)')
    args = parser.parse_args(argv)
    if args.destination.exists() and any(args.destination.iterdir()):
        parser.error(f'{args.destination} is not empty')
    make_site(args.destination, args.copies)
    print(f'{args.destination}: the project with {args.copies} copies of {TEMPLATE_SKILL}')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
