"""The command ``python -m skill_matrix.catalogcheck stats|check -l LANG TEMPLATE.pot=LOCALE_DIR…``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.catalogcheck._report import format_stats, reports

if TYPE_CHECKING:
    from collections.abc import Sequence

DESCRIPTION = (
    'Translation statistics and the stale-catalog check, run by ``make intl-stats`` and ``make intl-check``.'
)


def _catalog_argument(value: str) -> tuple[Path, Path]:
    template, separator, locale_dir = value.partition('=')
    if not separator or not template.endswith('.pot'):
        raise argparse.ArgumentTypeError(f'expected TEMPLATE.pot=LOCALE_DIR, got {value!r}')
    if not Path(template).is_file():
        raise argparse.ArgumentTypeError(f'{template}: no such template (run make gettext first)')
    return Path(template), Path(locale_dir)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='python -m skill_matrix.catalogcheck', description=DESCRIPTION)
    parser.add_argument('command', choices=['stats', 'check'])
    parser.add_argument('-l', '--language', action='append', required=True, dest='languages')
    parser.add_argument('catalogs', nargs='+', type=_catalog_argument, metavar='TEMPLATE.pot=LOCALE_DIR')
    arguments = parser.parse_args(argv)
    results = reports(arguments.catalogs, arguments.languages)
    print(format_stats(results))
    if arguments.command == 'stats':
        return 0
    problems = [problem for result in results for problem in result.problems]
    for problem in problems:
        print(f'ERROR: {problem}', file=sys.stderr)
    if problems:
        print(
            f'{len(problems)} translation problem(s): every catalog must match the sources and be '
            '100 % translated (make intl-update, translate, make intl-check)',
            file=sys.stderr,
        )
        return 1
    print('Translations: every catalog matches the sources and is 100 % translated.')
    return 0
