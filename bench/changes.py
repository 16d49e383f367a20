"""``make bench-changes``: how long ``make changes`` takes at N = 1,000 skills.

A git repository with N synthetic skills (:mod:`synthetic`) is committed and tagged
``review/bench``; then K skills are edited in the work tree (a description reworded and a flag
flipped in each). ``python -m skill_matrix.data.changes`` runs against it several times, as
``make changes`` runs it; so does a bare ``python -c 'import skill_matrix.data.changes'`` (the
interpreter and the imports, the floor of any run). Medians are printed and written to
``bench/results/changes-<timestamp>.json``.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import REPO, Definitions, make_skills, write_data

RESULTS = Path(__file__).resolve().parent / 'results'
GIT_ENVIRONMENT = {
    'GIT_CONFIG_NOSYSTEM': '1',
    'GIT_CONFIG_GLOBAL': os.devnull,
    'GIT_AUTHOR_NAME': 'Bench',
    'GIT_AUTHOR_EMAIL': 'bench@example.org',
    'GIT_COMMITTER_NAME': 'Bench',
    'GIT_COMMITTER_EMAIL': 'bench@example.org',
    'GIT_AUTHOR_DATE': '2026-06-30T12:00:00+00:00',
    'GIT_COMMITTER_DATE': '2026-06-30T12:00:00+00:00',
}


def git(repo: Path, *arguments: str) -> None:
    subprocess.run(
        ['git', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', *arguments],
        cwd=repo,
        env=os.environ | GIT_ENVIRONMENT,
        check=True,
        capture_output=True,
    )


def make_repository(repo: Path, skills: int, edited: int) -> None:
    """N skills committed and tagged, then *edited* of them changed in the work tree."""
    write_data(repo, make_skills(skills, Definitions.from_repo()))
    git(repo, 'init', '-q')
    git(repo, 'add', '.')
    git(repo, 'commit', '-q', '-m', 'review')
    git(repo, 'tag', 'review/bench')
    edit_skills(repo, edited)


def edit_skills(repo: Path, edited: int) -> None:
    """In *edited* skills spread over the data, a description reworded and a flag flipped."""
    files = sorted((repo / 'data' / 'skills').glob('*.yaml'))
    for path in files[:: max(1, len(files) // edited)][:edited]:
        text = path.read_text(encoding='utf-8')
        text = text.replace('description: >-\n        ', 'description: >-\n        Reworded: ', 1)
        start = text.index('required: ') + len('required: ')
        flipped = 'false' if text.startswith('true', start) else 'true'
        end = start + (4 if flipped == 'false' else 5)
        path.write_text(text[:start] + flipped + text[end:], encoding='utf-8')


def timed(command: list[str], cwd: Path) -> float:
    environment = os.environ | {'PYTHONPATH': str(REPO / '_ext')}
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=environment, check=True, capture_output=True)
    return time.perf_counter() - start


def arguments(description: str | None, repetitions: int) -> argparse.ArgumentParser:
    """The options of a review benchmark: N, the skills edited since the review, runs, results."""
    parser = argparse.ArgumentParser(
        description=description, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument('--skills', type=int, default=1000, help='N (default: 1000)')
    parser.add_argument('--edited', type=int, default=10, help='skills edited since the review (default: 10)')
    parser.add_argument('--repetitions', type=int, default=repetitions)
    parser.add_argument('--results', type=Path, default=RESULTS, help='directory for the JSON results')
    return parser


def save_record(results: Path, kind: str, record: dict[str, Any]) -> None:
    """Write *record* to ``results/<kind>-<UTC time>.json``."""
    stamp = datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%dT%H%M%SZ')
    results.mkdir(parents=True, exist_ok=True)
    (results / f'{kind}-{stamp}.json').write_text(json.dumps(record, indent=2) + '\n', encoding='utf-8')


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, repetitions=7).parse_args(argv)
    with tempfile.TemporaryDirectory(prefix='bench-changes-') as directory:
        repo = Path(directory)
        make_repository(repo, args.skills, args.edited)
        changes = [
            sys.executable,
            '-m',
            'skill_matrix.data.changes',
            '--out',
            str(repo / '_build' / 'changes'),
        ]
        imports = [sys.executable, '-c', 'import skill_matrix.data.changes']
        figures: dict[str, list[float]] = {'make changes': [], 'python + imports': []}
        for _ in range(args.repetitions):
            figures['make changes'].append(timed(changes, repo))
            figures['python + imports'].append(timed(imports, repo))
        output = repo / '_build' / 'changes' / 'changes.json'
        summary = json.loads(output.read_text(encoding='utf-8'))['summary']
    found = (summary['skills_changed'], summary['descriptions_changed'], summary['flags_changed'])
    if found != (args.edited,) * 3:
        print(f'unexpected changes: {summary}', file=sys.stderr)
        return 1
    medians = {name: statistics.median(values) for name, values in figures.items()}
    for name, value in medians.items():
        print(f'{name:18} median {value:.3f} s  (min {min(figures[name]):.3f} s, {args.repetitions} runs)')
    save_record(
        args.results,
        'changes',
        {'skills': args.skills, 'edited': args.edited, 'seconds': figures, 'median_seconds': medians},
    )
    return 0


if __name__ == '__main__':
    sys.exit(main())
