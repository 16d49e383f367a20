"""Profile a full serial build of the synthetic catalog site with cProfile (``make bench-profile``).

The catalog site has the real site's structure (start page, domain pages, role pages);
``--orphans`` profiles the orphan skill pages without them.

Prints where the time goes: by package (own time), the extension's entry points (cumulative),
and the most expensive functions; the raw profile is saved for ``python -m pstats``.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sphinx.cmd.build import build_main
from synthetic import REPO, Definitions, make_skills, write_site

# The extension's hooks, directives and transforms: their cumulative time is what it costs.
ENTRY_POINTS = (
    '_directives.py:.*run',  # every feature's directives
    '_data.py:.*(report_data_problems|outdated_overviews|relinked_overviews|report_skills_without_page)',
    '_transforms.py:.*apply',
    'state.py:.*(resolve_xref|merge_domaindata|clear_doc|get_objects)',
)


def package_of(filename: str) -> str:
    if '/skill_matrix/' in filename:
        return 'skill_matrix (ours)'
    if 'site-packages/' in filename:
        return filename.split('site-packages/', 1)[1].split('/', 1)[0]
    if filename.startswith('~') or filename.startswith('<'):
        return 'builtins'
    return 'stdlib'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--skills', type=int, default=1000, help='number of skills (default: %(default)s)')
    parser.add_argument(
        '--workdir', type=Path, default=REPO / '_build' / 'bench', help='where the site is built'
    )
    parser.add_argument('--top', type=int, default=25, help='functions to list (default: %(default)s)')
    parser.add_argument(
        '--orphans',
        action='store_true',
        help='profile the orphan-page site (no catalog, no role pages) instead of the catalog site',
    )
    args = parser.parse_args(argv)

    site = args.workdir / f'profile-n{args.skills}'
    shutil.rmtree(site, ignore_errors=True)
    definitions = Definitions.from_repo()
    catalog = not args.orphans  # the real site's structure: catalog, domain and role pages
    write_site(
        'ours', site, make_skills(args.skills, definitions), definitions, roles=catalog, catalog=catalog
    )

    profiler = cProfile.Profile(time.process_time)  # CPU time: other processes on the machine do not count
    status = profiler.runcall(
        build_main,
        [
            '-q',
            '-W',
            '-b',
            'html',
            '-d',
            str(site / '_build' / 'doctrees'),
            str(site),
            str(site / '_build' / 'html'),
        ],
    )
    if status:
        print(f'the build failed ({status})', file=sys.stderr)
        return 1
    output = site / 'build.prof'
    profiler.dump_stats(output)
    stats = pstats.Stats(profiler)
    total = max(cumulative for _cc, _nc, _tt, cumulative, _callers in stats.stats.values())  # type: ignore[attr-defined]

    own: dict[str, float] = defaultdict(float)
    for (filename, _line, _name), (_cc, _nc, own_time, _cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        own[package_of(filename)] += own_time
    print(f'profiled full serial build of {args.skills} skills: {total:.1f} s of CPU time (under cProfile)\n')
    print('own time by package:')
    for package, seconds in sorted(own.items(), key=lambda item: -item[1])[:12]:
        print(f'  {seconds:8.1f} s  {100 * seconds / total:5.1f} %  {package}')

    print('\nthe extension (cumulative, including what it calls in Sphinx and docutils):')
    for pattern in ENTRY_POINTS:
        print(_capture(stats, 'cumulative', pattern, 10))
    print(f'the {args.top} functions with the most own time:')
    print(_capture(stats, 'tottime', args.top))
    print(f'raw profile: {output}  (python -m pstats {output})')
    return 0


def _capture(stats: pstats.Stats, key: str, *restrictions: str | int) -> str:
    buffer = io.StringIO()
    stats.stream = buffer  # type: ignore[attr-defined]
    stats.sort_stats(key).print_stats(*restrictions)
    text = buffer.getvalue()
    return text[text.index('   ncalls') :] if '   ncalls' in text else '  (not called)\n'


if __name__ == '__main__':
    sys.exit(main())
