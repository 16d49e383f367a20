"""``make bench-review``: what a review baseline costs a full HTML build, at N = 1,000 skills.

The benchmark's site of N synthetic skills (:mod:`synthetic`, the extension's kind) with a
changes page is committed and tagged ``review/bench``; then K skills are edited in the work
tree (a description reworded and a flag flipped in each). The same full build (fresh
environment, ``-W``) runs alternately with the tag as baseline and without a baseline (a tag
pattern nothing matches). Medians of wall and CPU time are printed and written to
``bench/results/review-<timestamp>.json``. The issue's target: with baseline / without ≤ 1.05.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from changes import arguments, edit_skills, git, save_record
from synthetic import Definitions, make_skills, write_site

VARIANTS = {
    'with baseline': [],
    'without baseline': ['-D', 'skill_matrix_review_tags=no-review-here/*'],
}


def build(site: Path, options: list[str]) -> tuple[float, float]:
    """A full build: wall and CPU seconds (the sphinx-build process and its children)."""
    out = site / '_build'
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, '-m', 'sphinx', '-q', '-b', 'html', '-W', '--keep-going', *options]
    command += ['-D', 'include_patterns=index.rst,skills/**,changes.rst']
    command += ['-d', str(out / 'doctrees'), str(site), str(out / 'html')]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=site, env=os.environ | {'LC_ALL': 'C.UTF-8'})
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f'sphinx-build failed with {options}')
    return wall, usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, repetitions=2).parse_args(argv)
    figures: dict[str, dict[str, list[float]]] = {name: {'wall': [], 'cpu': []} for name in VARIANTS}
    with tempfile.TemporaryDirectory(prefix='bench-review-') as directory:
        site = Path(directory) / 'site'
        write_site('ours', site, make_skills(args.skills, Definitions.from_repo()), Definitions.from_repo())
        (site / 'changes.rst').write_text(':orphan:\n\n.. skill-changes::\n', encoding='utf-8')
        (site / '.gitignore').write_text('_build/\n', encoding='utf-8')
        git(site, 'init', '-q')
        git(site, 'add', '.')
        git(site, 'commit', '-q', '-m', 'review')
        git(site, 'tag', 'review/bench')
        edit_skills(site, args.edited)
        for _ in range(args.repetitions):
            for name, options in VARIANTS.items():
                wall, cpu = build(site, options)
                page = (site / '_build' / 'html' / 'changes.html').read_text(encoding='utf-8')
                shown = page.count('class="skill-changes-skill"')
                if shown != (args.edited if options == [] else 0):
                    raise SystemExit(f'{name}: the changes page shows {shown} skills')
                figures[name]['wall'].append(wall)
                figures[name]['cpu'].append(cpu)
                print(f'{name:17} {wall:7.2f} s wall {cpu:7.2f} s CPU', flush=True)
    medians = {
        name: {kind: statistics.median(values) for kind, values in f.items()} for name, f in figures.items()
    }
    ratios = {
        kind: medians['with baseline'][kind] / medians['without baseline'][kind] for kind in ('wall', 'cpu')
    }
    print(f'with / without baseline: {ratios["wall"]:.3f} (wall), {ratios["cpu"]:.3f} (CPU)')
    record: dict[str, Any] = {
        'skills': args.skills,
        'edited': args.edited,
        'seconds': figures,
        'median_seconds': medians,
        'ratio_with_to_without': ratios,
    }
    save_record(args.results, 'review', record)
    return 0


if __name__ == '__main__':
    sys.exit(main())
