"""``make bench-check``: ``make check`` on the real site with 1,000 more skills, step by step.

The site is the project with N copies of the PyTorch skill (:mod:`scale_site`: 5 domains, 40
groups, catalogs translated). ``make`` runs there as in the repository, with this venv, from a
clean ``_build``, each step of ``make check`` on its own and timed:

* ``check-data``;
* ``html``: the strict builds of every language side by side (``make -j JOBS html``);
* ``intl-check``: the gettext build of the whole site and the catalogs against it;
* ``check-html``: the Nu HTML Checker over every page (the pages built above, ``-o html``);
* ``check-links``: lychee over every link and #anchor of every page (likewise).

Then, with ``--whole``, ``make -j JOBS check`` once more from a clean ``_build``: the gate as a
contributor runs it, the steps overlapping where make can. Wall time and CPU time (user +
system of make and everything it ran, from ``wait4``) per step, the load average before and
after; printed and written to ``bench/results/check-<timestamp>.json``. Targets (issue #26):
check-links ≤ 300 s with exit 0, the whole gate ≤ 15 minutes.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from changes import save_record
from scale_site import make_site

RESULTS = Path(__file__).resolve().parent / 'results'
LINK_TARGET_SECONDS = 300
GATE_TARGET_SECONDS = 15 * 60


def run_make(site: Path, arguments: list[str]) -> dict[str, Any]:
    """``make <arguments>`` in *site* with this venv: exit status, wall and CPU seconds, output's tail."""
    # This venv and the node modules as they are: never installed again (-o).
    command = ['make', '--no-print-directory', '-o', f'{sys.prefix}/.installed', f'VENV={sys.prefix}']
    command += ['-o', 'tools/axe/node_modules/.installed']
    command += ['SINCE=', 'REVIEW_TAGS=no-review-in-bench/*', *arguments]
    with tempfile.TemporaryFile('w+', encoding='utf-8') as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=site, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    return {
        'command': ' '.join(['make', *arguments]),
        'exit': os.waitstatus_to_exitcode(status),
        'wall_s': round(wall, 1),
        'cpu_s': round(usage.ru_utime + usage.ru_stime, 1),
        'output_tail': text[-1500:],
    }


def steps(jobs: int) -> list[tuple[str, list[str]]]:
    built = ['-o', 'html']  # the pages of the html step, not built again
    return [
        ('check-data', ['check-data']),
        (f'html (-j {jobs})', [f'-j{jobs}', 'html']),
        ('intl-check', ['intl-check']),
        ('check-html', [*built, 'check-html']),
        ('check-links', [*built, 'check-links']),
    ]


def line(name: str, result: dict[str, Any]) -> str:
    status = f'exit {result["exit"]}' if 'exit' in result else ''
    return f'{name:<18} {status:<9} wall {result["wall_s"]:>7.1f} s  CPU {result["cpu_s"]:>7.1f} s'


def page_count(site: Path) -> int:
    return sum(1 for _ in (site / '_build' / 'html').rglob('*.html'))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--copies', type=int, default=1000, help='copies of the PyTorch skill (default 1000)')
    parser.add_argument(
        '--jobs', type=int, default=3, help="make's jobs for the builds (default 3: a language each)"
    )
    parser.add_argument('--whole', action='store_true', help='also make -j JOBS check from clean, in one go')
    parser.add_argument('--workdir', type=Path, help='keep the site here (default: a temporary folder)')
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix='bench-check-'))
    site = workdir / 'site'
    shutil.rmtree(site, ignore_errors=True)
    make_site(site, args.copies)
    record: dict[str, Any] = {
        'copies': args.copies,
        'jobs': args.jobs,
        'machine': {
            'cpus': os.cpu_count(),
            'python': platform.python_version(),
            'system': platform.platform(),
        },
        'started': datetime.datetime.now(datetime.UTC).isoformat(timespec='seconds'),
        'load_average_before': os.getloadavg(),
        'steps': {},
    }
    failed = False
    for name, arguments in steps(args.jobs):
        result = run_make(site, arguments)
        record['steps'][name] = result
        print(line(name, result), flush=True)
        failed |= result['exit'] != 0
        if result['exit'] != 0:
            print(result['output_tail'])
    record['pages'] = page_count(site)
    record['steps_wall_s'] = round(sum(step['wall_s'] for step in record['steps'].values()), 1)
    record['steps_cpu_s'] = round(sum(step['cpu_s'] for step in record['steps'].values()), 1)
    totals = {'wall_s': record['steps_wall_s'], 'cpu_s': record['steps_cpu_s']}
    print(line('all steps', totals), f'({record["pages"]} pages)')
    if args.whole:
        shutil.rmtree(site / '_build')
        whole = run_make(site, [f'-j{args.jobs}', 'check'])
        record['whole'] = whole
        failed |= whole['exit'] != 0
        print(line(f'make -j{args.jobs} check', whole))
    record['load_average_after'] = os.getloadavg()
    links = record['steps']['check-links']
    gate = record.get('whole', {}).get('wall_s', record['steps_wall_s'])
    record['targets'] = {
        'check-links ≤ 300 s, exit 0': links['exit'] == 0 and links['wall_s'] <= LINK_TARGET_SECONDS,
        'make check ≤ 15 min': gate <= GATE_TARGET_SECONDS and not failed,
    }
    for target, holds in record['targets'].items():
        print(f'{target}: {"holds" if holds else "DOES NOT HOLD"}')
    print(f'load average before {record["load_average_before"]}, after {record["load_average_after"]}')
    save_record(RESULTS, 'check', record)
    print(f'written to {RESULTS}/check-<UTC time>.json')
    if not args.workdir:
        shutil.rmtree(workdir)
    return 1 if failed else 0


if __name__ == '__main__':
    raise SystemExit(main())
