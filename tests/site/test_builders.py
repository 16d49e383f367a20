"""Every standard builder builds the real site, in English, with warnings as errors.

Each output is read back the way its format is read (HTML text, the text builder's tables,
roff, XML, LaTeX source) and must hold each PyTorch description exactly once on the PyTorch
page (or in its chapter, where the builder writes the whole site into one file).
"""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from conftest import REPO, SITE_SKILLS, sphinx_process

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

BUILDERS = ('html', 'dirhtml', 'singlehtml', 'text', 'epub', 'man', 'xml', 'latex')
SKILL = 'pytorch'
DESCRIPTIONS = [
    cell['description'] for levels in SITE_SKILLS[SKILL]['roles'].values() for cell in levels.values()
]


def squeeze(text: str) -> str:
    """Without whitespace: each format breaks lines in its own places."""
    return ''.join(text.split())


@pytest.fixture(scope='session')
def built(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """The output directory of each builder (``make html`` for html), built once per session."""
    outputs: dict[str, Path] = {'html': site / 'en'}

    def build(builder: str) -> Path:
        if builder not in outputs:
            outdir = tmp_path_factory.mktemp(builder) / builder
            warnings = sphinx_process(REPO, outdir, '-D', 'language=en', builder=builder)
            assert warnings == '', f'{builder}: {warnings}'
            outputs[builder] = outdir
        return outputs[builder]

    return build


def html_text(markup: str) -> str:
    return BeautifulSoup(markup, 'html.parser').get_text(' ')


def between(text: str, start: str, end: str) -> str:
    """*text* from *start* to the next *end* after it (or to its end)."""
    begin = text.index(start)
    stop = text.find(end, begin + len(start))
    return text[begin : stop if stop >= 0 else None]


def table_cells(text: str) -> str:
    """The cells of the text builder's grid tables, each cell's lines joined."""
    cells: list[str] = []
    row: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith('|'):
            columns = line.strip().strip('|').split('|')
            row = row or [[] for _ in columns]
            for parts, column in zip(row, columns, strict=True):
                parts.append(column)
        elif line.startswith('+') and row:
            cells += [' '.join(parts) for parts in row]
            row = []
    return '\n'.join(cells)


def roff_text(roff: str) -> str:
    escapes = {r'\-': '-', r'\(aq': "'", r'\(dq': '"', r'\(ga': '`', r'\e': '\\', r'\&': ''}
    return re.sub('|'.join(map(re.escape, escapes)), lambda match: escapes[match[0]], roff)


def latex_text(tex: str) -> str:
    return re.sub(r'\\([#$%&_{}])', r'\1', tex.replace(r'\sphinxhyphen{}', '-'))


def pytorch_text(builder: str, outdir: Path) -> str:
    """The text of the PyTorch page (or chapter) in the output of *builder*."""
    if builder == 'html':
        return html_text((outdir / 'skills' / f'{SKILL}.html').read_text(encoding='utf-8'))
    if builder == 'dirhtml':
        return html_text((outdir / 'skills' / SKILL / 'index.html').read_text(encoding='utf-8'))
    if builder == 'singlehtml':
        page = (outdir / 'index.html').read_text(encoding='utf-8')
        return html_text(between(page, f'<span id="document-skills/{SKILL}">', '<span id="document-'))
    if builder == 'epub':
        with zipfile.ZipFile(next(outdir.glob('*.epub'))) as epub:
            return html_text(epub.read(f'skills/{SKILL}.xhtml').decode('utf-8'))
    if builder == 'text':
        return table_cells((outdir / 'skills' / f'{SKILL}.txt').read_text(encoding='utf-8'))
    if builder == 'xml':
        return ' '.join(ElementTree.parse(outdir / 'skills' / f'{SKILL}.xml').getroot().itertext())
    if builder == 'man':
        roff = next(outdir.glob('*.1')).read_text(encoding='utf-8')
        chapter = re.search(r'^\.SH PYTORCH\n(.*?)(?=^\.SH [^a-z]+$|\Z)', roff, re.M | re.S)
        assert chapter, 'no PyTorch chapter in the man page'
        return roff_text(chapter[1])
    assert builder == 'latex'
    tex = next(outdir.glob('*.tex')).read_text(encoding='utf-8')
    return latex_text(between(tex, rf'\label{{\detokenize{{skills/{SKILL}::doc}}}}', '::doc}}'))


@pytest.mark.parametrize('builder', BUILDERS)
def test_every_builder_writes_each_description_once(built: Callable[[str], Path], builder: str) -> None:
    text = squeeze(pytorch_text(builder, built(builder)))
    counts = {description: text.count(squeeze(description)) for description in DESCRIPTIONS}
    assert {description: count for description, count in counts.items() if count != 1} == {}


def test_an_e_book_has_no_download_links(built: Callable[[str], Path]) -> None:
    """A link to a CSV file inside an EPUB leads nowhere in a reader: the website has them."""
    with zipfile.ZipFile(next(built('epub').glob('*.epub'))) as epub:
        assert not [name for name in epub.namelist() if name.endswith(('.csv', '.json'))]
        assert 'skill-download' not in epub.read(f'skills/{SKILL}.xhtml').decode('utf-8')
    assert 'skill-download' in (built('html') / 'skills' / f'{SKILL}.html').read_text(encoding='utf-8')
