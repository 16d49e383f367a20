"""``make bench``: the extension against the list-table floor and a peer, at 10 → 1,000 skills.

For each N the three sites of :mod:`synthetic` are generated from the same YAML and built side
by side, in turns (the order rotates every repetition), several times:

* ``ours``: the skill-matrix extension, serial, and ``ours -j 2``;
* ``floor``: the same pages as plain ``list-table`` reST;
* ``peer``: sphinxcontrib-datatemplates rendering the same YAML;
* ``limit``: Sphinx and furo writing one page per skill with only a title and a paragraph
  (no extension): what any Sphinx site of N pages costs; ``ours + catalog`` / ``limit`` is the
  issue's headline ratio (≤ 2.0 at N = 1,000, stretch 1.5);
* ``incremental``: after each serial build of ours, one skill's YAML is edited and the site
  rebuilt; the documents read again must be that skill's page and the index, nothing else;
* ``ours + toctree`` (small N only): ours with the glob toctree the real site had before
  issue 13, which the theme renders into every page's sidebar;
* ``ours + roles``: ours (orphan skill pages) with the real site's role pages, which show every
  skill again (5 roles: as much text as all skill pages together);
* ``ours + catalog``: ours with the real site's structure since issue 13 (catalog start page,
  domain pages, collapsed sidebar, role pages), compared with ``ours + roles`` and with ``ours``
  (orphan pages without role pages);
  ``catalog incremental`` edits one skill there: the documents read again must be its page, its
  domain page, the start page and the role pages. The size of a skill page is recorded at
  every N, with and without its own group's entries in the sidebar.

Before any figure counts, the pages of all sites must show the same text and table rows.
Medians and ratios are printed and written to ``bench/results/<timestamp>.json``.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from compare import same_tables
from measure import BuildFailed, BuildResult, sphinx_build, write_results
from synthetic import REPO, SITES, Definitions, SyntheticSkill, make_skills, write_limit_site, write_site

sys.path.insert(0, str(REPO / '_ext'))
from skill_matrix.data.domains import slug  # the extension's ids of domain pages

SIZES = (10, 100, 1000)
REPETITIONS = {10: 5, 100: 3, 1000: 2}  # a build of 1,000 skills takes 1 to 2.5 minutes
TOCTREE_SIZES = (10, 100)  # the real site's sidebar toctree grows as N²: small N only
BUDGET_SECONDS = 19 * 60  # make bench must finish within 20 minutes on 2 cores
RESULTS = Path(__file__).resolve().parent / 'results'

# name -> (site directory, build directory, jobs)
VARIANTS = {
    'ours': ('ours', 'serial', 1),
    'ours -j 2': ('ours', 'parallel', 2),
    'floor': ('floor', 'serial', 1),
    'peer': ('peer', 'serial', 1),
    'limit': ('limit', 'serial', 1),
}
LIMIT_TARGET = 2.0  # ours + catalog / limit at N = 1,000 (issue 26; stretch 1.5)


class BenchError(RuntimeError):
    """The sites differ, or an incremental build read the wrong documents."""


def machine() -> dict[str, Any]:
    with open('/proc/meminfo', encoding='ascii') as meminfo:
        total_kib = int(next(line for line in meminfo if line.startswith('MemTotal')).split()[1])
    cpu = next(
        (
            line.split(':', 1)[1].strip()
            for line in Path('/proc/cpuinfo').read_text().splitlines()
            if line.startswith('model name')
        ),
        platform.processor(),
    )
    return {
        'cores': os.cpu_count(),
        'cpu': cpu,
        'ram_gib': round(total_kib / 1024 / 1024, 1),
        'kernel': platform.release(),
        'python': platform.python_version(),
        'packages': {
            name: metadata.version(name)
            for name in ('sphinx', 'docutils', 'furo', 'sphinxcontrib-datatemplates', 'PyYAML', 'jsonschema')
        },
        'load_average_at_start': os.getloadavg(),
    }


def edit_skill(path: Path, edit: int) -> str:
    """Put a sentence before the first description of the skill file at *path*; return it."""
    sentence = f'Revised in edit {edit}.'
    lines = path.read_text(encoding='utf-8').splitlines()
    lines.insert(lines.index('      description: >-') + 1, f'        {sentence}')
    path.write_text('\n'.join(lines) + '\n', encoding='utf-8')
    return sentence


def incremental(site: Path, skill: SyntheticSkill, edit: int) -> BuildResult:
    """Edit *skill*'s YAML, rebuild the serial build of *site*, check what was read again."""
    sentence = edit_skill(site / 'data' / 'skills' / f'{skill.id}.yaml', edit)
    result = sphinx_build(site, site / '_build' / 'serial', clean=False)
    # the overview (index) shows no description: it is read again only when its table changes
    expected = [f'skills/{skill.id}']
    if result.docs_read != expected:
        raise BenchError(f'incremental build read {result.docs_read}, expected {expected}')
    page = (site / '_build' / 'serial' / 'html' / 'skills' / f'{skill.id}.html').read_text(encoding='utf-8')
    if sentence not in page:
        raise BenchError(f'the edit {sentence!r} did not reach skills/{skill.id}.html')
    return result


def incremental_catalog(
    site: Path, skill: SyntheticSkill, definitions: Definitions, edit: int
) -> BuildResult:
    """Edit *skill*'s YAML in the catalog site and rebuild: what must be read again, and no more."""
    edit_skill(site / 'data' / 'skills' / f'{skill.id}.yaml', edit)
    result = sphinx_build(site, site / '_build' / 'serial', clean=False)
    roles = ['roles/index', *(f'roles/{role_id}' for role_id, _name in definitions.roles)]
    expected = sorted(['index', f'skills/{skill.id}', f'domains/{slug(skill.domain)}', *roles])
    if result.docs_read != expected:
        raise BenchError(f'catalog incremental build read {result.docs_read}, expected {expected}')
    return result


def page_size(outdir: Path, skill: SyntheticSkill) -> dict[str, int]:
    """Bytes of *skill*'s page, and without the sidebar entries of its own group's skills."""
    text = (outdir / 'skills' / f'{skill.id}.html').read_text(encoding='utf-8')
    size = len(text.encode('utf-8'))
    own = sum(len(line.encode('utf-8')) + 1 for line in text.splitlines() if '<li class="toctree-l3' in line)
    return {'bytes': size, 'without_own_group_bytes': size - own}


def summary(results: list[BuildResult]) -> dict[str, Any]:
    return {
        'runs': len(results),
        'wall_s': statistics.median(r.seconds for r in results),
        'cpu_s': statistics.median(r.cpu_seconds for r in results),
        'wall_s_all': [round(r.seconds, 2) for r in results],
        'cpu_s_all': [round(r.cpu_seconds, 2) for r in results],
        'tree_rss_mib': max(r.tree_rss_mib for r in results),
        'max_process_rss_mib': max(r.max_process_rss_mib for r in results),
        'tree_pss_mib': max(r.tree_pss_mib for r in results),
        'docs_read': statistics.median(len(r.docs_read) for r in results),
        'docs_written': statistics.median(len(r.docs_written) for r in results),
    }


def bench_size(
    count: int, workdir: Path, definitions: Definitions, repetitions: int, deadline: float, *, warm_up: bool
) -> dict[str, Any]:
    skills = make_skills(count, definitions)
    root = workdir / f'n{count}'
    shutil.rmtree(root, ignore_errors=True)
    for kind in SITES:
        write_site(kind, root / kind, skills, definitions)
    write_limit_site(root / 'limit', skills)
    variants = dict(VARIANTS)
    write_site('ours', root / 'ours-roles', skills, definitions, roles=True)
    variants['ours + roles'] = ('ours-roles', 'serial', 1)
    write_site('ours', root / 'ours-catalog', skills, definitions, roles=True, catalog=True)
    variants['ours + catalog'] = ('ours-catalog', 'serial', 1)
    if count in TOCTREE_SIZES:
        write_site('ours', root / 'ours-toctree', skills, definitions, toctree=True)
        variants['ours + toctree'] = ('ours-toctree', 'serial', 1)

    results: dict[str, list[BuildResult]] = {
        name: [] for name in [*variants, 'incremental', 'catalog incremental']
    }
    rows: dict[str, int] = {}
    notes: list[str] = []
    names = list(variants)
    if warm_up:  # the first builds of the run load Python and the packages from disk: not timed
        for site, build, jobs in variants.values():
            sphinx_build(root / site, root / site / '_build' / build, jobs=jobs)
    for repetition in range(repetitions):
        started = time.monotonic()
        order = names[repetition % len(names) :] + names[: repetition % len(names)]
        for name in order:
            site, build, jobs = variants[name]
            result = sphinx_build(root / site, root / site / '_build' / build, jobs=jobs)
            results[name].append(result)
            print(f'  N={count:<5} #{repetition + 1} {name:<15} {result.seconds:7.2f} s wall', flush=True)
        if repetition == 0:
            outdirs = {
                name: root / site / '_build' / build / 'html' for name, (site, build, _) in variants.items()
            }
            docnames = ['index'] + [f'skills/{skill.id}' for skill in skills]
            catalog_outdir = outdirs.pop('ours + catalog')
            del outdirs['ours + roles']
            del outdirs['limit']
            size = page_size(catalog_outdir, skills[0])
            try:
                rows, notes = same_tables(outdirs, docnames)
            except AssertionError as error:
                raise BenchError(f'the sites do not show the same tables: {error}') from None
            for note in notes:
                print(f'  note: {note}')
        skill = skills[(repetition * 7919) % count]
        result = incremental(root / 'ours', skill, repetition + 1)
        results['incremental'].append(result)
        print(
            f'  N={count:<5} #{repetition + 1} {"incremental":<15} {result.seconds:7.2f} s wall', flush=True
        )
        result = incremental_catalog(root / 'ours-catalog', skill, definitions, repetition + 1)
        results['catalog incremental'].append(result)
        print(
            f'  N={count:<5} #{repetition + 1} {"catalog incr.":<15} {result.seconds:7.2f} s wall', flush=True
        )
        elapsed = time.monotonic() - started
        if repetition + 1 < repetitions and time.monotonic() + elapsed > deadline:
            print(f'  N={count}: stopping after {repetition + 1} repetitions to stay within the time budget')
            break

    figures = {name: summary(runs) for name, runs in results.items() if runs}
    wall = {name: figure['wall_s'] for name, figure in figures.items()}
    cpu = {name: figure['cpu_s'] for name, figure in figures.items()}
    return {
        'skills': count,
        'repetitions': len(results['ours']),
        'table_rows': rows,
        'differences_outside_tables': notes,
        'incremental_docs_read': results['incremental'][0].docs_read,
        'catalog_incremental_docs_read': results['catalog incremental'][0].docs_read,
        'catalog_skill_page': size,
        'variants': figures,
        'ratios': {
            'ours / floor': wall['ours'] / wall['floor'],
            'ours / peer': wall['ours'] / wall['peer'],
            '-j 2 / serial': wall['ours -j 2'] / wall['ours'],
            'incremental / full': wall['incremental'] / wall['ours'],
            'catalog / orphan': wall['ours + catalog'] / wall['ours + roles'],
            'catalog / ours': wall['ours + catalog'] / wall['ours'],
            'catalog incremental / full': wall['catalog incremental'] / wall['ours + catalog'],
            'catalog / limit': wall['ours + catalog'] / wall['limit'],
            'ours / limit': wall['ours'] / wall['limit'],
            'floor / limit': wall['floor'] / wall['limit'],
        },
        'cpu_ratios': {
            'ours / floor': cpu['ours'] / cpu['floor'],
            'ours / peer': cpu['ours'] / cpu['peer'],
            'catalog / orphan': cpu['ours + catalog'] / cpu['ours + roles'],
            'catalog / ours': cpu['ours + catalog'] / cpu['ours'],
            'catalog incremental / full': cpu['catalog incremental'] / cpu['ours + catalog'],
            'catalog / limit': cpu['ours + catalog'] / cpu['limit'],
            'ours / limit': cpu['ours'] / cpu['limit'],
            'floor / limit': cpu['floor'] / cpu['limit'],
        },
    }


def print_tables(sizes: list[dict[str, Any]]) -> None:
    print()
    print('medians of the wall and CPU (user + system, whole process tree) seconds; memory: the')
    print('largest of the runs, MiB (tree RSS: summed over sphinx-build and its workers, sampled;')
    print('tree PSS: the same with shared pages split; max proc: largest single process, exact)')
    print(
        f'{"N":>5}  {"build":<15} {"runs":>4} {"wall s":>8} {"cpu s":>8} {"tree RSS":>9} {"tree PSS":>9} '
        f'{"max proc":>9} {"read":>5} {"written":>8}'
    )
    for size in sizes:
        for name, figure in size['variants'].items():
            print(
                f'{size["skills"]:>5}  {name:<15} {figure["runs"]:>4} {figure["wall_s"]:>8.2f} '
                f'{figure["cpu_s"]:>8.2f} {figure["tree_rss_mib"]:>9.0f} {figure["tree_pss_mib"]:>9.0f} '
                f'{figure["max_process_rss_mib"]:>9.0f} {figure["docs_read"]:>5.0f} '
                f'{figure["docs_written"]:>8.0f}'
            )
    print()
    print('catalog site: skill page of the first skill, bytes (and without its own group in the sidebar)')
    for size in sizes:
        page = size['catalog_skill_page']
        print(f'{size["skills"]:>5}  {page["bytes"]:>9} {page["without_own_group_bytes"]:>9}')
    print()
    print('ratios of the wall-time medians (cpu: of the CPU-time medians)')
    print(
        f'{"N":>5}  {"ours/floor":>10} {"ours/peer":>10} {"-j2/serial":>10} {"incr/full":>10}'
        f' {"cat/orphan":>10} {"cat/ours":>9} {"cat incr":>9}  {"cpu ours/floor":>14} {"cpu ours/peer":>13}'
        f' {"cpu cat/orphan":>14} {"cpu cat/ours":>12} {"cpu cat incr":>12}'
    )
    for size in sizes:
        ratios, cpu = size['ratios'], size['cpu_ratios']
        print(
            f'{size["skills"]:>5}  {ratios["ours / floor"]:>10.3f} {ratios["ours / peer"]:>10.3f} '
            f'{ratios["-j 2 / serial"]:>10.3f} {ratios["incremental / full"]:>10.3f}'
            f' {ratios["catalog / orphan"]:>10.3f} {ratios["catalog / ours"]:>9.3f}'
            f' {ratios["catalog incremental / full"]:>9.3f}'
            f'  {cpu["ours / floor"]:>14.3f} {cpu["ours / peer"]:>13.3f} {cpu["catalog / orphan"]:>14.3f}'
            f' {cpu["catalog / ours"]:>12.3f} {cpu["catalog incremental / full"]:>12.3f}'
        )


def print_limit_ratios(sizes: list[dict[str, Any]]) -> None:
    print()
    print(
        'against the limit (Sphinx + furo, N pages of a title and a paragraph;'
        f' target ≤ {LIMIT_TARGET} at N = 1,000)'
    )
    print(
        f'{"N":>5}  {"limit s":>8} {"cat/limit":>10} {"ours/limit":>10} {"floor/limit":>11}'
        f'  {"cpu cat/limit":>13} {"cpu ours/limit":>14} {"cpu floor/limit":>15}'
    )
    for size in sizes:
        ratios, cpu = size['ratios'], size['cpu_ratios']
        print(
            f'{size["skills"]:>5}  {size["variants"]["limit"]["wall_s"]:>8.2f}'
            f' {ratios["catalog / limit"]:>10.3f}'
            f' {ratios["ours / limit"]:>10.3f} {ratios["floor / limit"]:>11.3f}'
            f'  {cpu["catalog / limit"]:>13.3f} {cpu["ours / limit"]:>14.3f} {cpu["floor / limit"]:>15.3f}'
        )


def targets(sizes: list[dict[str, Any]]) -> list[tuple[str, bool]]:
    """The issue's targets that this run can check (those for N = 1,000 need that size)."""
    checks = [
        (f'ours / floor ≤ 1.05 at N = {size["skills"]}', size['ratios']['ours / floor'] <= 1.05)
        for size in sizes
    ]
    checks += [(f'ours < peer at N = {size["skills"]}', size['ratios']['ours / peer'] < 1) for size in sizes]
    checks += [
        (f'catalog / orphan ≤ 1.10 at N = {size["skills"]}', size['ratios']['catalog / orphan'] <= 1.10)
        for size in sizes
    ]
    checks += [
        (
            f'catalog (with role pages) / orphan pages without role pages ≤ 1.10 at N = {size["skills"]}',
            size['ratios']['catalog / ours'] <= 1.10,
        )
        for size in sizes
    ]
    if len(sizes) > 1:
        smallest, largest = sizes[0], sizes[-1]
        first = smallest['catalog_skill_page']['without_own_group_bytes']
        last = largest['catalog_skill_page']['without_own_group_bytes']
        checks.append(
            (
                f'skill page without its own group within 5 % at N = {largest["skills"]} '
                f'of N = {smallest["skills"]}',
                abs(last - first) <= 0.05 * first,
            )
        )
    for size in sizes:
        if size['skills'] == 1000:
            checks += [
                ('incremental / full ≤ 0.10 at N = 1000', size['ratios']['incremental / full'] <= 0.10),
                (
                    'catalog: one skill edited / full ≤ 0.10 at N = 1000',
                    size['ratios']['catalog incremental / full'] <= 0.10,
                ),
                ('-j 2 / serial ≤ 0.65 at N = 1000', size['ratios']['-j 2 / serial'] <= 0.65),
                (
                    f'ours + catalog / limit ≤ {LIMIT_TARGET} at N = 1000',
                    size['ratios']['catalog / limit'] <= LIMIT_TARGET,
                ),
                (
                    'peak memory (tree RSS) ≤ 1 GiB at N = 1000',
                    max(variant['tree_rss_mib'] for variant in size['variants'].values()) <= 1024,
                ),
            ]
    return checks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        '--sizes', default=','.join(map(str, SIZES)), help='numbers of skills (default: %(default)s)'
    )
    parser.add_argument('--repetitions', type=int, help='repetitions at every size (default: 5, 3, 2)')
    parser.add_argument(
        '--workdir', type=Path, default=REPO / '_build' / 'bench', help='where the sites are built'
    )
    parser.add_argument(
        '--budget', type=float, default=BUDGET_SECONDS, help='seconds; fewer repetitions beyond it'
    )
    parser.add_argument('--results', type=Path, default=RESULTS, help='directory for the JSON results')
    args = parser.parse_args(argv)
    counts = [int(part) for part in args.sizes.split(',')]

    started = time.monotonic()
    deadline = started + args.budget
    definitions = Definitions.from_repo()
    facts = machine()
    date = datetime.datetime.now(datetime.UTC)
    print(
        f'make bench: {facts["cores"]} cores, {facts["ram_gib"]} GiB, Python {facts["python"]}, '
        f'Sphinx {facts["packages"]["sphinx"]}, load average {facts["load_average_at_start"]}'
    )
    sizes: list[dict[str, Any]] = []
    for count in counts:
        repetitions = args.repetitions or REPETITIONS.get(count, 3)
        print(f'N = {count}: {repetitions} repetitions', flush=True)
        try:
            sizes.append(
                bench_size(count, args.workdir, definitions, repetitions, deadline, warm_up=not sizes)
            )
        except (BenchError, BuildFailed) as error:
            print(f'make bench: {error}', file=sys.stderr)
            return 1
    print_tables(sizes)
    print_limit_ratios(sizes)
    checks = targets(sizes)
    print()
    for name, holds in checks:
        print(f'  {"holds" if holds else "MISSED":<7} {name}')
    total = time.monotonic() - started
    print(f'\nwhole benchmark: {total / 60:.1f} min')

    facts['load_average_at_end'] = os.getloadavg()
    write_results(
        args.results / f'{date:%Y-%m-%dT%H%M%SZ}.json',
        {
            'date': date.isoformat(timespec='seconds'),
            'machine': facts,
            'total_minutes': round(total / 60, 1),
            'sizes': sizes,
            'targets': dict(checks),
        },
        REPO,
    )
    return 0


if __name__ == '__main__':
    sys.exit(main())
