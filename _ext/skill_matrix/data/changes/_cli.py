"""The command ``python -m skill_matrix.data.changes --since REF`` (``make changes``)."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.data.baseline import DEFAULT_TAG_PATTERN, BaselineError, repository_root, resolve_baseline
from skill_matrix.data.changes._git import changes_since
from skill_matrix.data.changes._model import LEVELS_FILE, ROLES_FILE
from skill_matrix.data.changes._pending import pending_texts, work_tree_catalogs
from skill_matrix.data.changes._report import empty_json, no_baseline_line, to_json, to_markdown

if TYPE_CHECKING:
    from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog='python -m skill_matrix.data.changes',
        description='What changed in the data since a baseline: prints a Markdown summary and writes '
        'it with a JSON twin to --out (changes.md, changes.json).',
    )
    parser.add_argument('--since', metavar='REF', help='any git ref (default: the newest review tag)')
    parser.add_argument('--data', metavar='DIR', type=Path, default=Path('data'), help='default: data')
    parser.add_argument(
        '--locale',
        metavar='DIR',
        type=Path,
        help='the catalogs (<DIR>/<language>/LC_MESSAGES/*.po) whose pending translations are named '
        '(default: locale beside the data folder)',
    )
    parser.add_argument('--out', metavar='DIR', type=Path, default=Path('_build/changes'))
    parser.add_argument(
        '--tag-pattern', default=DEFAULT_TAG_PATTERN, help=f'review tags (default: {DEFAULT_TAG_PATTERN})'
    )
    args = parser.parse_args(argv)
    data_dir: Path = args.data
    if not (data_dir / ROLES_FILE).is_file() or not (data_dir / LEVELS_FILE).is_file():
        print(
            f'error: {data_dir}: not a data directory (it needs roles.yaml, levels.yaml and skills/)',
            file=sys.stderr,
        )
        return 1
    try:
        baseline = resolve_baseline(repository_root(data_dir), args.since or None, args.tag_pattern)
        changes = changes_since(baseline, data_dir) if baseline is not None else None
    except BaselineError as error:
        print(f'error: {error}', file=sys.stderr)
        return 1
    if baseline is None or changes is None:
        markdown, document = no_baseline_line(args.tag_pattern) + '\n', empty_json()
    else:
        locale_dir: Path = args.locale or data_dir.resolve().parent / 'locale'
        pending = {
            language: pending_texts(changes, translations)
            for language, translations in work_tree_catalogs(locale_dir).items()
        }
        markdown, document = to_markdown(changes, baseline, pending), to_json(changes, baseline, pending)
        for warning in changes.warnings:
            print(f'warning: {warning}', file=sys.stderr)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    (out / 'changes.md').write_text(markdown, encoding='utf-8')
    (out / 'changes.json').write_text(
        json.dumps(document, ensure_ascii=False, indent=2) + '\n', encoding='utf-8'
    )
    if isinstance(sys.stdout, io.TextIOWrapper):  # a terminal that cannot show → or 中文 gets escapes
        sys.stdout.reconfigure(errors='backslashreplace')
    sys.stdout.write(markdown)
    return 0
