"""Check that the three sites show the same pages before their build times are compared."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

_TAG = re.compile(r'<[^>]+>')
_ROW = re.compile(r'<tr[\s>]')
_TOCTREE = re.compile(r'<div class="toctree-wrapper.*?</div>', re.DOTALL)  # navigation, not content


@dataclass(frozen=True)
class PageContent:
    text: str
    rows: int


def page_content(page: Path) -> PageContent:
    """The visible text of the page's main content and its table rows (theme and toctree left out)."""
    source = page.read_text(encoding='utf-8')
    start = source.index('<article')
    article = _TOCTREE.sub('', source[start : source.index('</article>', start)])
    text = html.unescape(_TAG.sub(' ', article)).replace('¶', ' ')
    return PageContent(' '.join(text.split()), len(_ROW.findall(article)))


def same_pages(outdirs: dict[str, Path], docnames: list[str]) -> dict[str, int]:
    """Assert every page has the same text and rows in every output; the sites' total rows.

    Raises :class:`AssertionError` naming the first page and site that differ.
    """
    rows = dict.fromkeys(outdirs, 0)
    reference_site = next(iter(outdirs))
    for docname in docnames:
        contents = {site: page_content(outdir / f'{docname}.html') for site, outdir in outdirs.items()}
        expected = contents[reference_site]
        for site, content in contents.items():
            if content != expected:
                at = next(
                    (i for i, (a, b) in enumerate(zip(expected.text, content.text, strict=False)) if a != b),
                    min(len(expected.text), len(content.text)),
                )
                window = slice(max(0, at - 80), at + 80)
                raise AssertionError(
                    f'{docname}: {site} differs from {reference_site} at character {at}:\n'
                    f'  {reference_site}: {expected.rows} rows, …{expected.text[window]!r}…\n'
                    f'  {site}: {content.rows} rows, …{content.text[window]!r}…'
                )
            rows[site] += content.rows
    return rows
