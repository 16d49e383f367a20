"""``make bench-site``: the whole real site with 1,000 more skills against the limit (issue 26).

The real project (its pages, data, catalogs, guide, plan, role and domain pages, downloads,
search) is copied with N copies of its PyTorch skill spread over 5 domains of 8 groups each
(40 groups; :mod:`scale_site`, the copy ``make bench-check`` measures too), and built in English
as ``make html-en`` builds it (``-W --keep-going``, no review baseline). Right after it, on the
same machine, the limit of :mod:`run` is built: Sphinx and furo writing N pages of a title and
a paragraph. The builds alternate (site, limit, site, limit …) and the ratio of the medians is
the figure (target ≤ 3.0 at N = 1,000). With ``--languages en,de,zh_CN`` the same site is also
built in those languages at once, one ``sphinx-build`` per language as ``make -j3 html`` runs
them, against the one language's build (target ≤ 1.7 × on 2 cores) with the peak memory of the
whole process tree (target ≤ 2 GiB). The results are printed and written to
``bench/results/site-<timestamp>.json``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import shlex
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import BuildFailed, BuildResult, run_measured, sphinx_build, write_results
from run import RESULTS, machine, summary
from scale_site import make_site
from synthetic import REPO, Definitions, make_skills, write_limit_site

TARGET = 3.0
LANGUAGES_TARGET = 1.7  # all languages at once / one language, on 2 cores
MEMORY_TARGET_MIB = 2048
ENV = {'SINCE': '', 'REVIEW_TAGS': 'bench-no-review/*'}  # no review baseline, as make html without tags


def languages_build(site: Path, build: Path, languages: list[str]) -> BuildResult:
    """Build *site* in every one of *languages* at once, one ``sphinx-build`` each (``make -j3 html``)."""
    shutil.rmtree(build, ignore_errors=True)
    python = shlex.quote(sys.executable)
    script = ''.join(
        f'{python} -m sphinx -b html -D language={language} -W --keep-going'
        f' -d {build}/doctrees/{language} . {build}/html/{language} & pid{number}=$!\n'
        for number, language in enumerate(languages)
    )
    script += 'status=0\n' + ''.join(f'wait $pid{number} || status=1\n' for number in range(len(languages)))
    return run_measured(['sh', '-c', script + 'exit $status'], site, build / 'doctrees', build / 'html')


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        '--copies', type=int, default=1000, help='copies of the PyTorch skill (default: %(default)s)'
    )
    parser.add_argument('--repetitions', type=int, default=2, help='builds of each (default: %(default)s)')
    parser.add_argument(
        '--workdir', type=Path, default=REPO / '_build' / 'bench', help='where the sites are built'
    )
    parser.add_argument('--results', type=Path, default=RESULTS, help='directory for the JSON results')
    parser.add_argument('--languages', default='', help='also build in these languages at once (en,de,zh_CN)')
    args = parser.parse_args(argv)
    languages = [language for language in args.languages.split(',') if language]

    facts = machine()
    date = datetime.datetime.now(datetime.UTC)
    print(f'make bench-site: {args.copies} copies of PyTorch, load average {facts["load_average_at_start"]}')
    root = args.workdir / f'site-{args.copies}'
    shutil.rmtree(root, ignore_errors=True)
    make_site(root / 'site', args.copies)
    definitions = Definitions.from_repo()
    write_limit_site(root / 'limit', make_skills(args.copies, definitions))
    runs: dict[str, list[BuildResult]] = {'site': [], 'limit': [], 'languages': []}
    os.environ.update(ENV)
    try:
        for repetition in range(args.repetitions):
            for name in ('site', 'limit', 'languages') if languages else ('site', 'limit'):
                if name == 'languages':
                    result = languages_build(root / 'site', root / 'site' / '_build-languages', languages)
                else:
                    options = ['-D', 'language=en'] if name == 'site' else []
                    result = sphinx_build(root / name, root / name / '_build', options=options)
                runs[name].append(result)
                print(
                    f'  #{repetition + 1} {name:<5} {result.seconds:7.2f} s wall'
                    f' {result.cpu_seconds:7.2f} s CPU'
                )
    except BuildFailed as error:
        print(f'make bench-site: {error}', file=sys.stderr)
        return 1
    site, limit = summary(runs['site']), summary(runs['limit'])
    ratio = float(site['wall_s']) / float(limit['wall_s'])
    cpu_ratio = float(site['cpu_s']) / float(limit['cpu_s'])
    print(
        f'\nsite (html-en): {site["wall_s"]:.2f} s wall, {site["cpu_s"]:.2f} s CPU,'
        f' {site["docs_read"]:.0f} pages'
    )
    print(
        f'limit:          {limit["wall_s"]:.2f} s wall, {limit["cpu_s"]:.2f} s CPU,'
        f' {limit["docs_read"]:.0f} pages'
    )
    print(f'site / limit:   {ratio:.2f} wall, {cpu_ratio:.2f} CPU (target ≤ {TARGET})')
    print(f'  {"holds" if ratio <= TARGET else "MISSED"}  site / limit ≤ {TARGET}')
    together: dict[str, Any] = {}
    if languages:
        together = summary(runs['languages'])
        together['ratio'] = float(together['wall_s']) / float(site['wall_s'])
        together['cpu_ratio'] = float(together['cpu_s']) / float(site['cpu_s'])
        memory = max(result.tree_rss_mib for result in runs['languages'])
        print(
            f'{",".join(languages)} at once: {together["wall_s"]:.2f} s wall, {together["cpu_s"]:.2f} s CPU,'
            f' {together["ratio"]:.2f} × one language (CPU {together["cpu_ratio"]:.2f} ×), peak tree RSS'
            f' {memory:.0f} MiB, PSS {max(result.tree_pss_mib for result in runs["languages"]):.0f} MiB'
        )
        print(
            f'  {"holds" if together["ratio"] <= LANGUAGES_TARGET else "MISSED"}  ≤ {LANGUAGES_TARGET} × one'
        )
        print(
            f'  {"holds" if memory <= MEMORY_TARGET_MIB else "MISSED"}  peak memory ≤ {MEMORY_TARGET_MIB} MiB'
        )
        together['tree_pss_mib'] = max(result.tree_pss_mib for result in runs['languages'])
        together['languages'] = languages

    facts['load_average_at_end'] = os.getloadavg()
    write_results(
        args.results / f'site-{date:%Y-%m-%dT%H%M%SZ}.json',
        {
            'date': date.isoformat(timespec='seconds'),
            'machine': facts,
            'copies': args.copies,
            'site': site,
            'limit': limit,
            'ratio': ratio,
            'cpu_ratio': cpu_ratio,
            'target': TARGET,
            'languages_at_once': together,
        },
        REPO,
    )
    return 0


if __name__ == '__main__':
    sys.exit(main())
