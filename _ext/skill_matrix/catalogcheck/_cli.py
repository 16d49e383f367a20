"""The command ``python -m skill_matrix.catalogcheck stats|check -l LANG TEMPLATE.pot=LOCALE_DIR…``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.catalogcheck._report import format_stats, problems_above, reports
from skill_matrix.data.languages import LanguagesError, read_languages

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
    parser.add_argument(
        '--thresholds',
        type=Path,
        metavar='languages.yaml',
        help="each language's threshold (%% translated) from this list, else 100 %%",
    )
    parser.add_argument('catalogs', nargs='+', type=_catalog_argument, metavar='TEMPLATE.pot=LOCALE_DIR')
    arguments = parser.parse_args(argv)
    thresholds: dict[str, float] = {}
    if arguments.thresholds:
        try:
            languages = read_languages(arguments.thresholds.parent)
        except LanguagesError as error:
            parser.error(str(error))
        thresholds = {
            language.code: language.threshold for language in languages if language.threshold is not None
        }
    results = reports(arguments.catalogs, arguments.languages)
    print(format_stats(results))
    if arguments.command == 'stats':
        return 0
    per_language = len(arguments.catalogs)
    problems = [
        problem
        for index, result in enumerate(results)
        for problem in problems_above(result, thresholds.get(arguments.languages[index // per_language], 100))
    ]
    for result in results:
        for warning in result.warnings:
            print(f'WARNING: {warning}', file=sys.stderr)
    for problem in problems:
        print(f'ERROR: {problem}', file=sys.stderr)
    partial = {code: threshold for code, threshold in thresholds.items() if threshold < 100}
    rule = '100 % translated' + (
        f' ({", ".join(f"{code} at least {threshold:g} %" for code, threshold in partial.items())})'
        if partial
        else ''
    )
    if problems:
        print(
            f'{len(problems)} translation problem(s): every catalog must match the sources and be {rule} '
            '(make intl-update, translate, make intl-check)',
            file=sys.stderr,
        )
        return 1
    print(f'Translations: every catalog matches the sources and is {rule}.')
    return 0
