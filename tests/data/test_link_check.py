"""`make check-links` and `make check-site` on small hand-written sites: every link and #anchor of
every page, and a located error (page, line, link, what is missing) for each broken one.

The sites are written here, not built, so the pages are what the test says (`-o html`: make
checks the folder as it is). The real site's check is in tests/site/test_site_anchors.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from conftest import check_links, link_summary

if TYPE_CHECKING:
    from pathlib import Path


def page(title: str, body: str, head: str = '') -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head>\n'
        f'<body>\n{body}\n</body></html>\n'
    )


def write_site(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding='utf-8')
    return folder


def at(text: str, link: str) -> str:
    """Where the page *text* has the attribute value *link*: line and column (both from 1)."""
    offset = text.index(f'"{link}"') + 1
    line = text.count('\n', 0, offset) + 1
    column = offset - (text.rfind('\n', 0, offset) + 1) + 1
    return f'(at {line}:{column})'


INDEX = page(
    'Start',
    '<a href="en/index.html">English</a>\n'
    '<a href="en/skills/pytorch.html#pytorch-senior-ml-engineer">a cell</a>',
)
EN_INDEX = page(
    'Catalog',
    '<a href="skills/pytorch.html">PyTorch</a> <a href="#top-of-list">top</a><p id="top-of-list">x</p>',
)
SKILL = page(
    'PyTorch',
    '<table><tr id="pytorch-senior-ml-engineer"><td>Senior</td></tr></table>'
    '<a href="../index.html">catalog</a> <img src="../img/logo.svg" alt="logo">',
    head='<link rel="stylesheet" href="../_static/site.css"><script src="../_static/site.js"></script>',
)


def error(site: Path, target: str, page_text: str, link: str, message: str) -> str:
    """lychee's line for the broken *link* of the page *page_text*, which leads to *target*."""
    return f'[ERROR] file://{site}/{target} {at(page_text, link)} | {message}'


GOOD_SITE = {
    'index.html': INDEX,
    'en/index.html': EN_INDEX,
    'en/skills/pytorch.html': SKILL,
    'en/_static/site.css': 'body {}\n',
    'en/_static/site.js': '// nothing\n',
    'en/img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n',
}


def test_a_site_whose_links_and_anchors_all_lead_somewhere_passes(tmp_path: Path) -> None:
    write_site(tmp_path / 'html', GOOD_SITE)
    result = check_links(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    # every href and src: 2 + 2 + 4 (the stylesheet, the script and the image among them)
    assert link_summary(result.stdout) == (8, 0)


def test_a_missing_anchor_fails_with_the_page_the_line_and_the_link(tmp_path: Path) -> None:
    site = write_site(tmp_path / 'html', GOOD_SITE)
    (site / 'en' / 'skills' / 'pytorch.html').write_text(
        SKILL.replace('id="pytorch-senior-ml-engineer"', 'id="pytorch-senior"'), encoding='utf-8'
    )
    result = check_links(tmp_path)
    assert result.returncode != 0
    assert link_summary(result.stdout)[1] == 1
    assert f'Errors in {site}/index.html\n' in result.stdout
    link = 'en/skills/pytorch.html#pytorch-senior-ml-engineer'
    assert error(site, link, INDEX, link, 'Cannot find fragment') in result.stdout


def test_a_broken_link_a_missing_script_and_image_fail_each_located(tmp_path: Path) -> None:
    site = write_site(tmp_path / 'html', GOOD_SITE)
    (site / 'en' / '_static' / 'site.js').unlink()
    (site / 'en' / 'img' / 'logo.svg').unlink()
    en_index = EN_INDEX.replace('skills/pytorch.html', 'skills/pytorc.html')
    (site / 'en' / 'index.html').write_text(en_index, encoding='utf-8')
    result = check_links(tmp_path)
    assert result.returncode != 0
    assert link_summary(result.stdout)[1] == 3
    errors = result.stdout[result.stdout.index('Errors in') :]
    assert f'Errors in {site}/en/index.html\n' in errors
    assert error(site, 'en/skills/pytorc.html', en_index, 'skills/pytorc.html', 'File not found') in errors
    assert f'Errors in {site}/en/skills/pytorch.html\n' in errors
    assert error(site, 'en/_static/site.js', SKILL, '../_static/site.js', 'File not found') in errors
    assert error(site, 'en/img/logo.svg', SKILL, '../img/logo.svg', 'File not found') in errors


# (page, its link as written, the link changed to, where it leads, lychee's message)
ONE_BROKEN_LINK = {
    # ids are case-sensitive, as in browsers
    'anchor in another case': (
        'en/index.html',
        '#top-of-list',
        '#Top-Of-List',
        'en/index.html#Top-Of-List',
        'Cannot find fragment',
    ),
    # a static host serves a folder's index.html: a folder without one is a broken link
    'folder without index.html': (
        'index.html',
        'en/index.html',
        'en/skills/',
        'en/skills',
        'Cannot find index file within directory',
    ),
}


@pytest.mark.parametrize(
    ('page_name', 'link', 'changed', 'target', 'message'), ONE_BROKEN_LINK.values(), ids=ONE_BROKEN_LINK
)
def test_one_changed_link_is_named(
    tmp_path: Path, page_name: str, link: str, changed: str, target: str, message: str
) -> None:
    text = GOOD_SITE[page_name].replace(f'"{link}"', f'"{changed}"')
    site = write_site(tmp_path / 'html', {**GOOD_SITE, page_name: text})
    result = check_links(tmp_path)
    assert result.returncode != 0
    assert link_summary(result.stdout)[1] == 1
    assert f'Errors in {site}/{page_name}\n' + error(site, target, text, changed, message) in result.stdout


def test_nothing_built_is_an_error_not_a_pass(tmp_path: Path) -> None:
    result = check_links(tmp_path)
    assert result.returncode != 0
    assert f'links: no {tmp_path}/html/index.html, nothing to check' in result.stderr


def test_check_site_follows_the_pdf_links_that_check_links_leaves_to_it(tmp_path: Path) -> None:
    """In _build/html the PDFs are not built yet, so check-links leaves their links alone; in
    _build/site they are there, and check-site finds one that is missing."""
    en_index = EN_INDEX.replace('</p>', '</p><a href="../pdf/skill-profiles-en.pdf">PDF</a>')
    with_pdf = {**GOOD_SITE, 'en/index.html': en_index}
    write_site(tmp_path / 'html', with_pdf)
    assert check_links(tmp_path).returncode == 0
    site = write_site(tmp_path / 'site', with_pdf)
    (site / 'pdf').mkdir()
    result = check_links(tmp_path, 'check-site')
    assert result.returncode != 0
    pdf = 'pdf/skill-profiles-en.pdf'
    assert error(site, pdf, en_index, f'../{pdf}', 'File not found') in result.stdout
    (site / 'pdf' / 'skill-profiles-en.pdf').write_bytes(b'%PDF-1.5\n')
    result = check_links(tmp_path, 'check-site')
    assert result.returncode == 0, result.stdout + result.stderr
