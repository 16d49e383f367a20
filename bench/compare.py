"""Check that the three sites show the same tables before their build times are compared.

Every table of every page must have the same rows and cell texts in every site. The rest of
the page's main content is compared too; a difference there (a feature the floor and the peer
do not imitate yet) is reported, not fatal, so that the benchmark keeps measuring.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_TAG = re.compile(r'<[^>]+>')
_ROW = re.compile(r'<tr[\s>]')
_TABLE = re.compile(r'<table\b.*?</table>', re.DOTALL)
_TOCTREE = re.compile(r'<div class="toctree-wrapper.*?</div>', re.DOTALL)  # navigation, not content


@dataclass(frozen=True)
class PageContent:
    tables: tuple[str, ...]
    """The text of each table, caption and cells."""
    rows: int
    text: str
    """The visible text of the whole main content."""


def _text(markup: str) -> str:
    return ' '.join(html.unescape(_TAG.sub(' ', markup)).replace('¶', ' ').split())


def page_content(page: Path) -> PageContent:
    """The tables and the text of the page's main content (theme and toctree left out)."""
    source = page.read_text(encoding='utf-8')
    start = source.index('<article')
    article = _TOCTREE.sub('', source[start : source.index('</article>', start)])
    tables = tuple(_text(table) for table in _TABLE.findall(article))
    return PageContent(tables, len(_ROW.findall(article)), _text(article))


def _difference(expected: str, actual: str) -> str:
    at = next(
        (i for i, (a, b) in enumerate(zip(expected, actual, strict=False)) if a != b),
        min(len(expected), len(actual)),
    )
    window = slice(max(0, at - 80), at + 80)
    return f'at character {at}: …{expected[window]!r}… / …{actual[window]!r}…'


def same_tables(outdirs: dict[str, Path], docnames: list[str]) -> tuple[dict[str, int], list[str]]:
    """The sites' total table rows, and notes on pages whose text differs outside the tables.

    Raises :class:`AssertionError` naming the first page and site whose tables differ.
    """
    rows = dict.fromkeys(outdirs, 0)
    notes: list[str] = []
    reference_site = next(iter(outdirs))
    for docname in docnames:
        contents = {site: page_content(outdir / f'{docname}.html') for site, outdir in outdirs.items()}
        expected = contents[reference_site]
        for site, content in contents.items():
            if (content.tables, content.rows) != (expected.tables, expected.rows):
                raise AssertionError(
                    f'{docname}: the tables of {site} differ from those of {reference_site} '
                    f'({content.rows} and {expected.rows} rows) '
                    + _difference(' | '.join(expected.tables), ' | '.join(content.tables))
                )
            if content.text != expected.text and len(notes) < 5:
                notes.append(
                    f'{docname}: {site} differs from {reference_site} outside the tables '
                    + _difference(expected.text, content.text)
                )
            rows[site] += content.rows
    return rows, notes
