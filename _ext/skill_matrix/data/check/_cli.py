"""The command ``python -m skill_matrix.data.check [DATA_DIR]`` (``make check-data``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from skill_matrix.data.domains import load_catalog
from skill_matrix.data.loader import check_data_dir, skill_files
from skill_matrix.data.textcheck import character_problems, glyph_problems

DESCRIPTION = (
    'Validate a data directory without building the site: ``python -m skill_matrix.data.check data/``.'
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog='python -m skill_matrix.data.check', description=DESCRIPTION)
    parser.add_argument(
        'data_dir', nargs='?', default='data', type=Path, help='the data directory (default: data)'
    )
    args = parser.parse_args(argv)
    data_dir: Path = args.data_dir
    if not (data_dir / 'roles.yaml').is_file() or not (data_dir / 'levels.yaml').is_file():
        print(
            f'{data_dir}: not a data directory (it needs roles.yaml, levels.yaml and skills/)',
            file=sys.stderr,
        )
        return 2
    problems = check_data_dir(data_dir)
    problems += load_catalog(data_dir)[1]
    characters = character_problems(data_dir)
    problems += [problem for severity, problem in characters if severity == 'error']
    warnings = [problem for severity, problem in characters if severity == 'warning']
    warnings += [glyph.problem for glyph in glyph_problems(data_dir)]
    for problem in sorted(problems + warnings):
        print(problem, file=sys.stderr)
    if problems:
        files = len({problem.path for problem in problems})
        print(f'{len(problems)} problem(s) in {files} file(s)', file=sys.stderr)
        return 1
    count = len(skill_files(data_dir))
    print(f'{data_dir}: {count} skill{"" if count == 1 else "s"}, no problems')
    return 0
