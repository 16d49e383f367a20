"""``make bench-plan``: the growth plan at N synthetic skills (default 1,000), every role in every skill.

Builds the ``ours`` site of :mod:`synthetic` with a plan page, then measures:

* the size of each role's data script (``plan-data/<role>.js``) before and after gzip;
* in headless Chromium, from a local file: the time from the data's arrival (the script's
  ``skill-plan-data`` mark) to the first screen built from it (``skill-plan-rendered``) and
  painted (the second animation frame after the mark, taken in the page), and to the whole list
  rendered (``skill-plan-complete``: every skill in the page, ``data-rendered="all"``) and
  painted, for Middle → Senior (one item per skill) and Junior → Principal (up to four); beside
  them the main thread's busy time over the load (CDP ``Performance.getMetrics``,
  ``TaskDuration``: the page's CPU time, parsing the page and the data included);
* the time a tick takes: the click's handler updates the progress texts, the chart and the URL
  synchronously, so the time around ``click()`` is the whole update;
* the chart's drawing (``window.skillPlan.timings.chart``), in the first paint and in each tick;
* all of it again with a second assessment (another current level, 25 ticks of each side,
  then the combined link opened again).

Medians are printed with the load average and written to ``bench/results/plan-<timestamp>.json``.
Targets (issues #18 and #27): data ≤ 1.5 MB per role, render ≤ 1 s after the data arrives (the
combined view ≤ 300 ms to the painted frame), the chart ≤ 100 ms, a tick ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import json
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

from synthetic import REPO, Definitions, make_skills, write_site

RESULTS = Path(__file__).resolve().parent / 'results'
RUNS = 5
TICKS = 25
PREVIOUS = {'middle': 'junior', 'junior': 'middle'}  # the second assessment's level


def build(site: Path, out: Path) -> None:
    environment = os.environ | {'PYTHONPATH': str(REPO / '_ext')}
    command = [sys.executable, '-m', 'sphinx', '-b', 'html', '-q', '-W', str(site), str(out)]
    subprocess.run(command, env=environment, check=True, capture_output=True)


# Taken in the page: the second animation frame after a mark is the first one painted with what
# the mark's code built. A script without the skill-plan-complete mark (main's before #27's slices)
# renders everything at once: its first screen is then the whole list.
PAINTED = """(() => {
    const mark = performance.mark.bind(performance);
    window.planPainted = {};
    performance.mark = (name, ...rest) => {
        const entry = mark(name, ...rest);
        const painted = () => { window.planPainted[name] = performance.now(); };
        requestAnimationFrame(() => requestAnimationFrame(painted));
        return entry;
    };
})()"""
RENDERED = """() => window.planPainted['skill-plan-complete'] || (window.planPainted['skill-plan-rendered']
    && !document.querySelector('.skill-growth-plan[data-rendered]'))"""
RENDER = """() => {
    const at = name => (performance.getEntriesByName(name)[0] || {}).startTime;
    const data = at('skill-plan-data');
    const painted = window.planPainted;
    const whole = painted['skill-plan-complete'] ? 'skill-plan-complete' : 'skill-plan-rendered';
    return {
        render: at('skill-plan-rendered') - data, frame: painted['skill-plan-rendered'] - data,
        complete: at(whole) - data, complete_frame: painted[whole] - data,
        chart: window.skillPlan.timings.chart,
    };
}"""
TICK = """([count, side]) => {
    const boxes = Array.from(document.querySelectorAll(`li.skill-plan-item input[data-side="${side}"]`));
    const step = Math.max(1, Math.floor(boxes.length / count));
    const times = [];
    const charts = [];
    for (let index = 0; index < boxes.length && times.length < count; index += step) {
        const start = performance.now();
        boxes[index].click();
        times.push(performance.now() - start);
        charts.push(window.skillPlan.timings.chart);
    }
    return {times, charts};
}"""


def task_seconds(session: Any) -> float:
    """The main thread's busy time so far (CDP's TaskDuration), in seconds."""
    metrics = session.send('Performance.getMetrics')['metrics']
    return float(next(metric['value'] for metric in metrics if metric['name'] == 'TaskDuration'))


def open_plan(page: Any, session: Any, url: str) -> dict[str, float]:
    # From about:blank, Chromium loads the file in a renderer of its own (its metrics start at
    # zero), so its TaskDuration is this load's alone.
    page.goto('about:blank')
    page.goto(url)
    page.wait_for_function(RENDERED)
    timing: dict[str, float] = page.evaluate(RENDER)
    timing['task'] = task_seconds(session) * 1000
    return timing


def measure_browser(plan: Path, role: str, current: str, target: str) -> list[dict[str, Any]]:
    """One assessment, then the same with a second one (another current level, ticks on both sides)."""
    from playwright.sync_api import sync_playwright

    chromium = shutil.which('chromium') or '/usr/bin/chromium'
    url = f'{plan.as_uri()}?role={role}&current={current}&target={target}'
    rows: list[dict[str, Any]] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=['--headless', '--no-sandbox'])
        page = browser.new_page()
        page.add_init_script(PAINTED)
        session = page.context.new_cdp_session(page)
        session.send('Performance.enable')
        for view in ('one', 'two'):
            timings = [open_plan(page, session, url) for _run in range(RUNS)]
            items = page.locator('li.skill-plan-item').count()
            ticks = page.evaluate(TICK, [TICKS, 0])
            if view == 'two':  # the second assessment ticks too
                more = page.evaluate(TICK, [TICKS, 1])
                ticks = {'times': ticks['times'] + more['times'], 'charts': ticks['charts'] + more['charts']}
                timings = [
                    open_plan(page, session, page.url) for _run in range(RUNS)
                ]  # the link with both sides' ticks
            rows.append(
                {
                    'view': view,
                    'levels': f'{current} → {target}',
                    'items': items,
                    'render_ms': statistics.median(timing['render'] for timing in timings),
                    'render_to_frame_ms': statistics.median(timing['frame'] for timing in timings),
                    'complete_ms': statistics.median(timing['complete'] for timing in timings),
                    'complete_to_frame_ms': statistics.median(timing['complete_frame'] for timing in timings),
                    'main_thread_busy_ms': statistics.median(timing['task'] for timing in timings),
                    'chart_ms': statistics.median(timing['chart'] for timing in timings),
                    'tick_ms': statistics.median(ticks['times']),
                    'tick_max_ms': max(ticks['times']),
                    'tick_chart_ms': statistics.median(ticks['charts']),
                    'url_after_ticks': len(page.url),
                }
            )
            url = f'{page.url}&c2={PREVIOUS[current]}&n2=Manager'
        browser.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument('--skills', type=int, default=1000, help='N (default: 1000)')
    parser.add_argument(
        '--baseline-script',
        type=Path,
        help="another skill_plan.js (main's, say) measured beside this one, in a copy of the same build",
    )
    options = parser.parse_args(argv)
    definitions = Definitions.from_repo()
    with tempfile.TemporaryDirectory(prefix='bench-plan-') as temporary:
        site = Path(temporary) / 'site'
        write_site('ours', site, make_skills(options.skills, definitions), definitions)
        with (site / 'conf.py').open('a', encoding='utf-8') as conf:
            conf.write("include_patterns.append('plan.rst')\nskill_matrix_plan_page = 'plan'\n")
        (site / 'plan.rst').write_text(':orphan:\n\n.. growth-plan::\n', encoding='utf-8')
        out = Path(temporary) / 'html'
        build(site, out)
        sizes = {
            path.stem: {'bytes': len(data := path.read_bytes()), 'gzip_bytes': len(gzip.compress(data))}
            for path in sorted((out / 'plan-data').glob('*.js'))
        }
        page_bytes = (out / 'plan.html').stat().st_size
        role = definitions.roles[0][0]
        load = os.getloadavg()
        started = time.process_time()
        scripts = {'this': out}
        if options.baseline_script:
            scripts['baseline'] = Path(temporary) / 'baseline'
            shutil.copytree(out, scripts['baseline'])
            shutil.copyfile(options.baseline_script, scripts['baseline'] / '_static' / 'skill_plan.js')
        browser = [
            row | {'script': name}
            for current, target in (('middle', 'senior'), ('junior', 'principal'))
            for name, tree in scripts.items()
            for row in measure_browser(tree / 'plan.html', role, current, target)
        ]
    result = {
        'date': datetime.datetime.now(datetime.UTC).isoformat(timespec='seconds'),
        'skills': options.skills,
        'load_average': load,
        'plan_page_bytes': page_bytes,
        'role_data': sizes,
        'browser': browser,
        'driver_cpu_s': time.process_time() - started,
    }
    largest = max(sizes.values(), key=lambda size: size['bytes'])
    print(f'N = {options.skills:,} skills; plan.html {page_bytes / 1024:.1f} KiB; load average {load[0]:.1f}')
    print(f'largest role data: {largest["bytes"] / 1e6:.2f} MB ({largest["gzip_bytes"] / 1e6:.2f} MB gzip)')
    for row in browser:
        print(
            f'{row["script"]}: {row["levels"]}, {row["view"]} assessment(s): {row["items"]} items, '
            f'first screen built {row["render_ms"]:.0f} ms, painted {row["render_to_frame_ms"]:.0f} ms; '
            f'whole list built {row["complete_ms"]:.0f} ms, painted {row["complete_to_frame_ms"]:.0f} ms; '
            f'main thread busy {row["main_thread_busy_ms"]:.0f} ms; '
            f'chart {row["chart_ms"]:.1f} ms, tick {row["tick_ms"]:.1f} ms (max {row["tick_max_ms"]:.1f} ms, '
            f'its chart {row["tick_chart_ms"]:.1f} ms), URL after the ticks {row["url_after_ticks"]} chars'
        )
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime('%Y-%m-%dT%H%M%SZ')
    (RESULTS / f'plan-{stamp}.json').write_text(json.dumps(result, indent=2) + '\n', encoding='utf-8')
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
