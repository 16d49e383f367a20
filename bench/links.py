"""What a link check of a built site has to do, and how fast LinkChecker and lychee do it.

``python bench/links.py SITE [--linkchecker-seconds S]`` reads every HTML page under SITE (a
built ``_build/html`` or ``_build/site``) once and counts what a link and anchor check faces:
pages and their size, links per page, distinct target files and distinct target#fragment
pairs. LinkChecker (the check before issue #26, with its settings then: internal links, anchor check)
treats every distinct URL with its fragment as a URL of its own when its anchor check is on:
it reads and parses the target page again for each (``UrlBase.set_cache_url``), so the HTML it
parses is the sum of the target pages' sizes over all distinct target#fragment pairs, printed
here as well. lychee with the project's settings (``tools/lychee.toml``, ``make check-links``)
runs in full; LinkChecker, when installed in the venv (``pip install linkchecker==10.6.0``; no
longer a requirement), for at most S seconds, and the URL checks it completed in that time
give its rate. Wall and CPU time of both; the figures go to
``bench/results/links-<timestamp>.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from changes import save_record

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = Path(__file__).resolve().parent / 'results'
LINK_ATTRIBUTES = {'href', 'src'}


class _PageParser(HTMLParser):
    """The links (href, src) of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.links.extend(value for name, value in attrs if name in LINK_ATTRIBUTES and value)


def site_figures(site: Path) -> dict[str, Any]:
    """Pages, links and targets of every HTML page under *site*, each page read once."""
    root = site.resolve()
    links_per_page: list[int] = []
    targets: set[str] = set()
    anchored: set[tuple[str, str]] = set()
    page_bytes: dict[str, int] = {}
    for page in sorted(root.rglob('*.html')):
        text = page.read_text(encoding='utf-8')
        page_bytes[page.as_posix()] = len(text.encode('utf-8'))
        parser = _PageParser()
        parser.feed(text)
        internal = 0
        for link in parser.links:
            parts = urlsplit(urljoin(page.as_uri(), link))
            if parts.scheme != 'file':
                continue
            internal += 1
            target = unquote(parts.path)
            targets.add(target)
            if parts.fragment:
                anchored.add((target, parts.fragment))
        links_per_page.append(internal)
    reparsed = sum(page_bytes.get(target, 0) for target, _fragment in anchored)
    return {
        'pages': len(links_per_page),
        'page_mib': round(sum(page_bytes.values()) / 2**20, 1),
        'internal_links': sum(links_per_page),
        'links_per_page_median': statistics.median(links_per_page),
        'links_per_page_max': max(links_per_page),
        'distinct_targets': len(targets),
        'distinct_target_fragments': len(anchored),
        'linkchecker_parsed_mib': round(reparsed / 2**20, 1),
    }


LINKCHECKER_SETTINGS = """\
[checking]
threads=2
[filtering]
checkextern=0
ignore=
  \\.pdf$
[AnchorCheck]
"""


def timed(command: list[str], seconds: float | None = None) -> tuple[dict[str, Any], str]:
    """Run *command* (stopped after *seconds*): finished, wall and CPU seconds; its output."""
    with tempfile.TemporaryFile('w+', encoding='utf-8') as output:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                finished = True
                break
            if seconds is not None and time.perf_counter() - started > seconds:
                process.kill()  # on SIGINT, LinkChecker waits for its threads' queue
                _pid, status, usage = os.wait4(process.pid, 0)
                finished = False
                break
            time.sleep(0.2)
        wall = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    figures = {
        'finished': finished,
        'exit': os.waitstatus_to_exitcode(status) if finished else None,
        'wall_s': round(wall, 1),
        'cpu_s': round(usage.ru_utime + usage.ru_stime, 1),
    }
    return figures, text


def lychee(site: Path) -> dict[str, Any]:
    """lychee with make check-links's settings over every page under *site*, in full."""
    command = [str(BIN / 'lychee'), '--config', str(REPO / 'tools' / 'lychee.toml'), '--exclude', r'\.pdf$']
    figures, output = timed([*command, '--', f'{site}/**/*.html'])
    total = re.search(r'Total\.*\s*(\d+)', output)
    errors = re.search(r'Errors\.*\s*(\d+)', output)
    figures['links'] = int(total.group(1)) if total else None
    figures['errors'] = int(errors.group(1)) if errors else None
    return figures


def linkchecker(site: Path, seconds: float) -> dict[str, Any] | None:
    """LinkChecker from SITE/index.html for at most *seconds*: URL checks done, URLs seen, queued."""
    if not (BIN / 'linkchecker').is_file():
        return None
    with tempfile.NamedTemporaryFile('w', suffix='.rc', encoding='utf-8') as settings:
        settings.write(LINKCHECKER_SETTINGS)
        settings.flush()
        command = [str(BIN / 'linkchecker'), '--config', settings.name, str(site / 'index.html')]
        figures, status = timed(command, seconds)
    # " 2 threads active, 35360 links queued, 3911 links in 39273 URLs checked, runtime 3 minutes"
    progress = re.findall(r'(\d+) links? queued, +(\d+) links? in +(\d+) URLs? checked', status)
    if progress:
        queued, done, seen = map(int, progress[-1])
        figures |= {'url_checks_done': done, 'urls_seen': seen, 'queued': queued}
        figures['url_checks_per_s'] = round(done / figures['wall_s'], 1)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('site', type=Path, help='a built site: _build/html or _build/site (or one language)')
    parser.add_argument('--linkchecker-seconds', type=float, default=120, help='stop LinkChecker after this')
    args = parser.parse_args(argv)
    record: dict[str, Any] = {'site': str(args.site), 'load_average_before': os.getloadavg()}
    record['figures'] = site_figures(args.site)
    print(json.dumps(record['figures'], indent=1))
    record['lychee'] = lychee(args.site)
    print('lychee', json.dumps(record['lychee']))
    record['linkchecker'] = linkchecker(args.site, args.linkchecker_seconds)
    print('LinkChecker', json.dumps(record['linkchecker']) if record['linkchecker'] else 'not installed')
    record['load_average_after'] = os.getloadavg()
    save_record(RESULTS, 'links', record)
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
