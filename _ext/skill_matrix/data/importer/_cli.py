"""The command ``python -m skill_matrix.data.importer`` (``make import``, ``tools/import-export``)."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import NoReturn

from skill_matrix.data.importer._model import ImportFailed
from skill_matrix.data.importer._plan import Importer
from skill_matrix.data.importer._write import write

DESCRIPTION = (
    'Import skill-profile page exports into the data directory: ``python -m skill_matrix.data.importer``.'
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(1, f'{self.prog}: {message}\n')


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog='import-export', description=DESCRIPTION)
    parser.add_argument('exports', nargs='+', type=Path, metavar='EXPORT', help='page exports (.txt or .md)')
    parser.add_argument('--id', dest='skill_id', help='the skill id (needed for exports without a title)')
    parser.add_argument('--title', help="the skill's title (needed for a new skill whose export has none)")
    parser.add_argument('--summary', help="the skill's one-line summary")
    parser.add_argument('--data', type=Path, default=Path('data'), help='the data directory (default: data)')
    parser.add_argument(
        '--dry-run', action='store_true', help='print what would change and the diff; write nothing'
    )
    args = parser.parse_args(argv)
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors='backslashreplace')

    importer = Importer(args.data, args.skill_id, args.title, args.summary)
    try:
        plan = importer.plan(args.exports)
        if not args.dry_run:
            write(plan.changes)
    except ImportFailed as failure:
        for problem in failure.problems:
            print(problem, file=sys.stderr)
        print(f'{len(failure.problems)} problem(s); nothing written', file=sys.stderr)
        return 1
    except OSError as exc:  # the staging directory, say: before anything is written
        print(f'import-export: {exc}; nothing written', file=sys.stderr)
        return 1
    for line in plan.report:
        print(line)
    if args.dry_run:
        print(plan.diff(), end='')
        print('dry run: nothing written')
    return 0
