"""Run one sphinx-build and measure it: wall time, peak memory, documents read and written.

Memory, two figures, both for the whole process tree (``-j 2`` forks worker processes):

* ``tree_rss_mib``: the largest sum of the resident set sizes of sphinx-build and all its
  descendants, sampled every :data:`SAMPLE_SECONDS` from ``/proc``. Forked workers share
  copy-on-write pages with their parent and each count them, so this is an upper bound.
* ``max_process_rss_mib``: the kernel's high-water mark of the largest single process in the
  tree (``ru_maxrss`` from ``wait4``, which covers the reaped descendants too): exact, never
  missed by sampling, but it is one process, not the sum.
* ``tree_pss_mib``: like ``tree_rss_mib`` with proportional set sizes (a page shared by k
  processes counts 1/k in each): what the tree really occupies, sampled likewise.

Documents read are the doctrees written by the build (one pickle per document read), found by
their modification times; documents written are the HTML files likewise.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

SAMPLE_SECONDS = 0.1
_MIB = 1024 * 1024


@dataclass(frozen=True)
class BuildResult:
    seconds: float
    cpu_seconds: float
    tree_rss_mib: float
    tree_pss_mib: float
    max_process_rss_mib: float
    docs_read: list[str]
    docs_written: list[str]
    output: str


class BuildFailed(RuntimeError):
    """sphinx-build failed or warned (the benchmark builds with -W)."""


def _children() -> dict[int, list[int]]:
    """Each process's children, from /proc/<pid>/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir('/proc'):
        if not entry.isdigit():
            continue
        try:
            with open(f'/proc/{entry}/stat', 'rb') as stat:
                fields = stat.read().rsplit(b')', 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def tree_memory(root: int) -> tuple[int, int]:
    """The summed resident and proportional set sizes (bytes) of *root* and its descendants."""
    children = _children()
    rss = pss = 0
    pending = [root]
    while pending:
        pid = pending.pop()
        pending += children.get(pid, [])
        try:
            with open(f'/proc/{pid}/smaps_rollup', 'rb') as rollup:
                fields = dict(line.split(b':', 1) for line in rollup.read().splitlines()[1:])
        except (OSError, ValueError):
            continue  # the process ended meanwhile
        rss += int(fields[b'Rss'].split()[0]) * 1024
        pss += int(fields[b'Pss'].split()[0]) * 1024
    return rss, pss


class _TreeSampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_rss = self.peak_pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(SAMPLE_SECONDS):
            rss, pss = tree_memory(self.pid)
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)


def _files_since(directory: Path, suffix: str, since: float) -> list[str]:
    return sorted(
        path.relative_to(directory).with_suffix('').as_posix()
        for path in directory.rglob(f'*{suffix}')
        if path.stat().st_mtime >= since
    )


def sphinx_build(
    site: Path, build: Path, *, jobs: int = 1, clean: bool = True, options: list[str] | None = None
) -> BuildResult:
    """Build the HTML of *site* into build/html (doctrees in build/doctrees), warnings as errors.

    *clean* removes *build* first: a full build with a fresh environment. *options* are more
    arguments of ``sphinx-build`` (``-D language=en``).
    """
    outdir, doctrees = build / 'html', build / 'doctrees'
    if clean:
        shutil.rmtree(build, ignore_errors=True)
    command = [sys.executable, '-m', 'sphinx', '-b', 'html', '-W', '--keep-going', '-j', str(jobs)]
    command += [*(options or []), '-d', str(doctrees), str(site), str(outdir)]
    return run_measured(command, site, doctrees, outdir)


def run_measured(command: list[str], cwd: Path, doctrees: Path, outdir: Path) -> BuildResult:
    """Run *command* (one or more builds into *doctrees* and *outdir*), measuring its whole
    process tree: wall and CPU time, memory, the documents read and written."""
    time.sleep(0.02)  # a clear gap between the previous files' mtimes and this build's
    started_wall = time.time()
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, 'LC_ALL': 'C.UTF-8'},
    )
    sampler = _TreeSampler(process.pid)
    sampler.start()
    assert process.stdout is not None
    output = process.stdout.read().decode('utf-8', 'replace')  # a pipe that fills up would block it
    _pid, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise BuildFailed(
            f'{" ".join(command[:4])} … in {cwd} failed ({process.returncode}):\n{output[-4000:]}'
        )
    max_process = usage.ru_maxrss * 1024  # KiB on Linux
    return BuildResult(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        tree_rss_mib=max(sampler.peak_rss, max_process) / _MIB,
        tree_pss_mib=sampler.peak_pss / _MIB,
        max_process_rss_mib=max_process / _MIB,
        docs_read=_files_since(doctrees, '.doctree', started_wall),
        docs_written=_files_since(outdir, '.html', started_wall),
        output=output,
    )


def write_results(path: Path, results: dict[str, Any], repo: Path) -> None:
    """Write *results* as JSON to *path* (its folder made if need be) and say where."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + '\n', encoding='utf-8')
    print(f'results: {path.relative_to(repo) if path.is_relative_to(repo) else path}')
