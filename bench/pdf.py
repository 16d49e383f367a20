"""``make bench-pdf``: the PDFs at 100 and 1,000 skills: time, pages and peak memory per language.

The site is the repository's own (pages, ``conf.py``, catalogs, extension) with N synthetic
skills (:mod:`synthetic`: 10 domains of 5 groups) added to the seed skills, each with its page
``skills/<id>.rst``, committed and tagged ``review/bench``; then K skills are edited in the work
tree (a description reworded and a flag flipped in each), so that a build with the tag as
baseline has a changes chapter of K skills.

Per language, in the order given (``--languages``), each step a fresh process:

* **changes-only**: what ``make pdf-changes`` runs: its own LaTeX build, which reads only the
  changes page and the changed skills' pages, then LuaLaTeX; timed as a whole;
* **latex**: ``sphinx-build -b latex -W`` with the tag as baseline (``SINCE=review/bench``), as
  ``make pdf`` runs it: one run writes the ``.tex`` of every PDF (the book, a PDF per domain,
  the changes);
* **changes**, **domain**, **book**: ``latexmk`` with LuaLaTeX on one of those ``.tex`` (the
  Makefile Sphinx writes, ``FORCE_SOURCE_DATE=1``): the changes, the PDF of the first
  synthetic domain (a tenth of the synthetic skills), the whole book.

Each figure is wall time, CPU time (user + system of the process and its descendants, from
``wait4``) and the peak memory of the largest process (``ru_maxrss``); the PDFs' pages are read
with ``pdfinfo``, LuaLaTeX's passes from latexmk's output. ``--sizes 1000 --kinds book`` builds
only the whole book (after the LaTeX build that writes its ``.tex``), one language at a time.
The load average is recorded at each step: the machine may be shared.
Results go to ``bench/results/pdf-<UTC time>.json``, rewritten after every step, so that a run
cut short keeps what it measured.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from changes import RESULTS, edit_skills, git
from synthetic import REPO, Definitions, heading, make_skills, skill_yaml

# What of the repository the site needs (everything else is tests, tools and the benchmark).
SITE_FILES = [
    'conf.py',
    'docutils.conf',
    'languages.yaml',
    'index.rst',
    'changes.rst',
    'plan.rst',
    '_ext',
    '_templates',
    'data',
    'skills',
    'guide',
    'locale',
]
TAG = 'review/bench'
_MIB = 1024 * 1024


def make_site(site: Path, skills: int, edited: int) -> None:
    """The repository's site with *skills* synthetic skills more, tagged, *edited* of them edited."""
    site.mkdir(parents=True)
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, site / name, ignore=shutil.ignore_patterns('__pycache__'))
        else:
            shutil.copy2(source, site / name)
    for skill in make_skills(skills, Definitions.from_repo()):
        (site / 'data' / 'skills' / f'{skill.id}.yaml').write_text(skill_yaml(skill), encoding='utf-8')
        (site / 'skills' / f'{skill.id}.rst').write_text(
            f'{heading(skill.title)}\n.. skill-matrix:: {skill.id}\n', encoding='utf-8'
        )
    (site / '.gitignore').write_text('_build/\n', encoding='utf-8')
    git(site, 'init', '-q')
    git(site, 'add', '.')
    git(site, 'commit', '-q', '-m', 'review')
    git(site, 'tag', TAG)
    edit_skills(site, edited)


def run(command: list[str], cwd: Path, environment: dict[str, str]) -> dict[str, Any]:
    """Run *command*; its wall and CPU seconds, the peak memory of its largest process, its output."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=os.environ | environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    output = process.stdout.read().decode('utf-8', 'replace')
    _pid, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f'{" ".join(command)} failed:\n{output[-4000:]}')
    return {
        'wall_s': round(wall, 2),
        'cpu_s': round(usage.ru_utime + usage.ru_stime, 2),
        'peak_mib': round(usage.ru_maxrss * 1024 / _MIB, 1),
        'load_average': round(os.getloadavg()[0], 2),
        'output': output,
    }


def pages(pdf: Path) -> int:
    info = subprocess.run(['pdfinfo', str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r'^Pages:\s+(\d+)', info, re.MULTILINE)
    assert match, info
    return int(match[1])


def first_domain_tex(latex: Path) -> str | None:
    """The .tex of the first synthetic domain's PDF (a tenth of the synthetic skills)."""
    for name in ('data-engineering', 'platform-infrastructure'):
        matches = sorted(latex.glob(f'skill-profiles-domain-{name}.tex'))
        if matches:
            return matches[0].stem
    return None


def compile_pdf(latex: Path, target: str, environment: dict[str, str]) -> dict[str, Any]:
    """LuaLaTeX (latexmk, through the Makefile Sphinx writes) on *target*.tex: figures and pages."""
    figures: dict[str, Any] = run(
        ['make', '--no-print-directory', 'LATEXMKOPTS=-silent', f'{target}.pdf'],
        latex,
        environment | {'FORCE_SOURCE_DATE': '1'},
    )
    # latexmk names each run of the engine: "Run number 2 of rule 'lualatex'".
    figures['passes'] = len(
        re.findall(r"Run number \d+ of rule '(?:lua|xe|pdf)?latex", figures.pop('output'))
    )
    figures['pages'] = pages(latex / f'{target}.pdf')
    figures['tex'] = f'{target}.tex'
    return figures


def sphinx_latex(site: Path, language: str, name: str, options: list[str]) -> tuple[Path, dict[str, Any]]:
    """``sphinx-build -b latex -W`` of *language* into ``_build/latex/<name>`` (fresh)."""
    build = site / '_build'
    latex = build / 'latex' / name
    shutil.rmtree(latex, ignore_errors=True)
    shutil.rmtree(build / 'doctrees' / name, ignore_errors=True)
    command = [sys.executable, '-m', 'sphinx', '-q', '-b', 'latex', '-W', '--keep-going', *options]
    command += ['-D', f'language={language}', '-d', str(build / 'doctrees' / name), '.', str(latex)]
    figures = run(command, site, ENVIRONMENT)
    del figures['output']
    return latex, figures


ENVIRONMENT = {'SINCE': TAG, 'LC_ALL': 'C.UTF-8', 'SOURCE_DATE_EPOCH': '1782820800'}


def measure_language(site: Path, language: str, kinds: list[str], save: Any, record: dict[str, Any]) -> None:
    """The PDFs of *kinds* in *language*, saving after each step:

    * ``changes-only``: what ``make pdf-changes`` runs (its own LaTeX build reading only the
      changes page and the changed skills' pages, then LuaLaTeX), timed as a whole;
    * ``changes``, ``domain``, ``book``: LuaLaTeX on the .tex that one full LaTeX build
      (``latex``, timed on its own) writes for every PDF.
    """
    if 'changes-only' in kinds:
        latex, figures = sphinx_latex(
            site, language, f'changes-{language}', ['-D', 'skill_matrix_pdf_only=changes']
        )
        compiled = compile_pdf(latex, 'skill-profiles-changes', ENVIRONMENT)
        record['changes-only'] = {
            'latex': figures,
            'lualatex': compiled,
            'wall_s': round(figures['wall_s'] + compiled['wall_s'], 2),
            'cpu_s': round(figures['cpu_s'] + compiled['cpu_s'], 2),
            'pages': compiled['pages'],
        }
        save()
        print(f'  {language} changes-only: {record["changes-only"]}', flush=True)
    rest = [kind for kind in kinds if kind != 'changes-only']
    if not rest:
        return
    latex, record['latex'] = sphinx_latex(site, language, language, [])
    save()
    print(f'  {language} latex: {record["latex"]}', flush=True)
    targets = {
        'book': 'skill-profiles',
        'domain': first_domain_tex(latex),
        'changes': 'skill-profiles-changes',
    }
    for kind in rest:
        target = targets[kind]
        if target is None or not (latex / f'{target}.tex').is_file():
            record[kind] = {'missing': f'{target}.tex'}
            continue
        record[kind] = compile_pdf(latex, target, ENVIRONMENT)
        save()
        print(f'  {language} {kind}: {record[kind]}', flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument('--sizes', default='100,1000', help='N synthetic skills, comma-separated')
    parser.add_argument('--languages', default='en,de,zh_CN', help='comma-separated, built in this order')
    parser.add_argument(
        '--kinds', default='changes-only,changes,domain,book', help='PDFs to build, in this order'
    )
    parser.add_argument('--edited', type=int, default=10, help='skills edited since the review (default: 10)')
    parser.add_argument('--results', type=Path, default=RESULTS, help='directory for the JSON results')
    args = parser.parse_args(argv)
    stamp = datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%dT%H%M%SZ')
    output = args.results / f'pdf-{stamp}.json'
    args.results.mkdir(parents=True, exist_ok=True)
    record: dict[str, Any] = {
        'started': stamp,
        'cpus': os.cpu_count(),
        'load_average_at_start': [round(value, 2) for value in os.getloadavg()],
        'engine': 'lualatex (every language)',
        'edited': args.edited,
        'sizes': {},
    }

    def save() -> None:
        output.write_text(json.dumps(record, indent=2, ensure_ascii=False) + '\n', encoding='utf-8')

    kinds = args.kinds.split(',')
    for size in (int(item) for item in args.sizes.split(',')):
        with tempfile.TemporaryDirectory(prefix=f'bench-pdf-{size}-') as directory:
            site = Path(directory) / 'site'
            make_site(site, size, args.edited)
            skills = len(list((site / 'data' / 'skills').glob('*.yaml')))
            record['sizes'][str(size)] = {'skills': skills, 'languages': {}}
            for language in args.languages.split(','):
                print(f'N = {size} ({skills} skills), {language}', flush=True)
                figures: dict[str, Any] = {}
                record['sizes'][str(size)]['languages'][language] = figures
                try:
                    measure_language(site, language, kinds, save, figures)
                except RuntimeError as error:
                    figures['error'] = str(error)[-2000:]
                    print(f'  {language} failed: {str(error)[-2000:]}', file=sys.stderr, flush=True)
                save()
    print(f'results: {output.relative_to(REPO) if output.is_relative_to(REPO) else output}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
