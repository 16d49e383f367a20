"""``python -m skill_matrix.data.languages add|remove CODE`` and ``landing TEMPLATE``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.data.languages import LanguagesError, read_languages
from skill_matrix.data.languages._edit import add_language, landing_page, remove_language

if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog='python -m skill_matrix.data.languages', description='Add or remove a language of the site.'
    )
    parser.add_argument('--project', type=Path, default=Path(), help='the project folder (default: here)')
    commands = parser.add_subparsers(dest='command', required=True)
    commands.add_parser('add', help='make a language a full member of the site').add_argument('code')
    commands.add_parser('remove', help='remove a language and its catalogs').add_argument('code')
    commands.add_parser('landing', help='print the landing page').add_argument('template', type=Path)
    arguments = parser.parse_args(argv)
    try:
        if arguments.command == 'landing':
            template = arguments.template.read_text(encoding='utf-8')
            sys.stdout.write(landing_page(template, read_languages(arguments.project)))
            return 0
        edit = add_language if arguments.command == 'add' else remove_language
        lines = edit(arguments.project.resolve(), arguments.code.strip())
    except (LanguagesError, OSError) as error:
        print(f'{arguments.command}-language: {error}', file=sys.stderr)
        print(f'{arguments.command}-language: nothing was changed', file=sys.stderr)
        return 2
    print('\n'.join(lines))
    return 0
