"""The review PDFs: `make pdf` on the real site, read back with pdftotext (poppler-utils).

Expected texts come from the data files and the catalogs, read here with Babel: content from
locale/<lang>/LC_MESSAGES/*.po (the English text where a message is untranslated or fuzzy),
UI labels from the extension's catalog. So the checks hold before and after translation.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from functools import cache
from typing import TYPE_CHECKING

import pytest
from babel.messages.pofile import read_po
from conftest import REPO, SEEDS, copy_site, make_into, read_yaml, seed_cells, source_date_epoch

if TYPE_CHECKING:
    from pathlib import Path


LANGUAGES = ('en', 'de', 'zh_CN')
TOOLS = ('latexmk', 'lualatex', 'xindy', 'pdftotext', 'pdfinfo', 'pdffonts')
DATA = REPO / 'data'
SKILLS = {path.stem: read_yaml(path) for path in sorted((DATA / 'skills').glob('*.yaml'))}
ROLES = {role['id']: role['name'] for role in read_yaml(DATA / 'roles.yaml')['roles']}
LEVELS = {level['id']: level['name'] for level in read_yaml(DATA / 'levels.yaml')['levels']}
CELL_COUNT = sum(len(levels) for skill in SKILLS.values() for levels in skill['roles'].values())

# Fixed texts as a reader of each PDF expects them (Sphinx's and babel's wording).
CONTENTS_TITLE = {'en': 'Table of Contents', 'de': 'Inhaltsverzeichnis', 'zh_CN': '目录'}
CONTINUED = {
    'en': 'continued from previous page',
    'de': 'Fortsetzung der vorherigen Seite',
    'zh_CN': '接上页',
}
ENGLISH_FIXED_TEXTS = ('Chapter', 'Release', 'Contents', 'Table', 'continued', 'Page')

# The PDFs are built as on 1 December 2026 (SOURCE_DATE_EPOCH): the title page's date as each
# language writes it, the day not padded (tests/test_dates.py checks more days in the .tex).
BUILT_ON = '2026-12-01T08:00:00'
TITLE_PAGE_DATE = {'en': 'Dec 1, 2026', 'de': '1.12.2026', 'zh_CN': '2026年12月1日'}


def require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        pytest.skip(f'PDF tests need {", ".join(missing)}: run tools/install-system-packages.sh')


# --- expected texts: data and catalogs, read independently of the extension -----------------


@cache
def content_catalog(language: str) -> dict[str, str]:
    """msgid → msgstr of the site's page catalogs; untranslated and fuzzy entries left out."""
    messages: dict[str, str] = {}
    for path in sorted((REPO / 'locale' / language / 'LC_MESSAGES').glob('*.po')):
        with path.open('rb') as po:
            for message in read_po(po):
                msgid, msgstr = message.id, message.string
                translated = isinstance(msgstr, str) and msgstr and not message.fuzzy
                if isinstance(msgid, str) and msgid and translated:
                    messages[msgid] = str(msgstr)
    return messages


@cache
def label_catalog(language: str) -> dict[tuple[str | None, str], str]:
    """(context, msgid) → msgstr of the extension's UI-label catalog."""
    path = REPO / '_ext' / 'skill_matrix' / 'locale' / language / 'LC_MESSAGES' / 'skill_matrix.po'
    if not path.is_file():
        return {}
    with path.open('rb') as po:
        return {
            (message.context, message.id): message.string
            for message in read_po(po)
            if isinstance(message.id, str) and message.string and not message.fuzzy
        }


def content(text: str, language: str) -> str:
    """*text* from a data file or a page as the PDF in *language* shows it."""
    message = ' '.join(text.split())
    return ' '.join(content_catalog(language).get(message, message).split())


def label(message: str, language: str, context: str | None = None) -> str:
    return label_catalog(language).get((context, message), message)


def expected_cells(language: str) -> list[tuple[str, str, str]]:
    """(role name, required flag word, description) of every cell of every skill."""
    return [
        (
            content(ROLES[role_id], language),
            label('Required' if cell['required'] else 'Optional', language, 'flag'),
            content(cell['description'], language),
        )
        for skill in SKILLS.values()
        for role_id, levels in skill['roles'].items()
        for cell in levels.values()
    ]


def squeeze(text: str) -> str:
    """Text without whitespace and hyphens (line breaks and hyphenation differ), plain quotes."""
    text = text.translate(str.maketrans({'’': "'", '‘': "'", '“': '"', '”': '"'}))
    return re.sub(r'[\s\-\u00ad\u2010\u2011]+', '', text)


# --- the build -------------------------------------------------------------------------------


@pytest.fixture(scope='session')
def pdf_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`make pdf` into a temporary build directory, with this interpreter's environment."""
    require_tools()
    builddir = tmp_path_factory.mktemp('pdf')
    make_into('pdf', builddir, env={'SOURCE_DATE_EPOCH': source_date_epoch(BUILT_ON)})
    return builddir


def pdf(builddir: Path, language: str) -> Path:
    return builddir / 'pdf' / f'skill-profiles-{language}.pdf'


@cache
def _pdftotext(path: Path, *options: str) -> str:
    return subprocess.run(
        ['pdftotext', *options, '-enc', 'UTF-8', str(path), '-'],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def pages(builddir: Path, language: str, *options: str) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    return _pdftotext(pdf(builddir, language), *options).split('\f')[:-1]


def text(builddir: Path, language: str) -> str:
    return '\n'.join(pages(builddir, language))


def lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


# --- the tests -------------------------------------------------------------------------------


def test_make_pdf_writes_one_pdf_per_language(pdf_build: Path) -> None:
    for language in LANGUAGES:
        head = pdf(pdf_build, language).read_bytes()[:5]
        assert head == b'%PDF-'
        info = subprocess.run(
            ['pdfinfo', str(pdf(pdf_build, language))], capture_output=True, text=True, check=True
        ).stdout
        assert re.search(r'Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)', info), info


@pytest.mark.parametrize('language', LANGUAGES)
def test_latex_reports_no_overflow_and_no_missing_glyph(pdf_build: Path, language: str) -> None:
    log = (pdf_build / 'latex' / language / 'skill-profiles.log').read_text(
        encoding='utf-8', errors='replace'
    )
    assert 'Overfull \\hbox' not in log  # nothing sticks out into the margin
    assert 'Missing character' not in log
    assert 'undefined' not in re.sub(r'Font shape .* undefined', '', log)  # references all resolved


@pytest.mark.parametrize('language', LANGUAGES)
def test_every_description_is_in_the_pdf(pdf_build: Path, language: str) -> None:
    document = squeeze(text(pdf_build, language))
    missing = [
        description
        for _role, _flag, description in expected_cells(language)
        if squeeze(description) not in document
    ]
    assert missing == []


def seed_language(path: Path) -> str:
    """The language of the page a seed export was taken from, by its column headers."""
    exported = path.read_text(encoding='utf-8')
    return 'zh_CN' if '角色' in exported else 'de' if 'Pflicht' in exported else 'en'


@pytest.mark.parametrize('seed', ['000', '001', '002', '003', '004'])
def test_every_seed_description_is_in_the_pdf_of_its_language(pdf_build: Path, seed: str) -> None:
    """The seed exports (pages of the old site): each description, in English and translated."""
    paths = sorted(SEEDS.glob(f'{seed}_*.txt'))
    if not paths:
        pytest.skip(f'seed exports not found at {SEEDS}')
    language = seed_language(paths[0])
    cells = list(seed_cells(paths[0]))
    assert cells
    for pdf_language in sorted({'en', language}):
        document = squeeze(text(pdf_build, pdf_language))
        for _role, _required, description in cells:
            assert squeeze(content(description, pdf_language)) in document, (pdf_language, description)


@pytest.mark.parametrize('language', LANGUAGES)
def test_every_row_shows_its_role_and_flag_in_words(pdf_build: Path, language: str) -> None:
    """In the page layout each table row starts with the role, the flag word, the description."""
    flags = [label(word, language, 'flag') for word in ('Required', 'Optional')]
    row = re.compile(rf'^\s*(?P<role>\S.*?)\s{{2,}}(?P<flag>{"|".join(flags)})\s{{2,}}(?P<start>\S.*)$')
    shown = [
        (squeeze(match['role']), match['flag'], squeeze(match['start']))
        for page in pages(pdf_build, language, '-layout')
        for match in map(row.match, page.splitlines())
        if match
    ]
    expected = expected_cells(language)
    rows = [item for item in shown if any(squeeze(role).startswith(item[0]) for role, _f, _d in expected)]
    assert len(rows) == CELL_COUNT
    for role, flag, description in expected:
        assert any(
            squeeze(role).startswith(shown_role)
            and flag == shown_flag
            and squeeze(description).startswith(start)
            for shown_role, shown_flag, start in rows
        ), (role, flag, description)


@pytest.mark.parametrize('language', LANGUAGES)
def test_tables_are_captioned_with_the_level_names(pdf_build: Path, language: str) -> None:
    names = [content(name, language) for name in LEVELS.values()]  # level names are content
    captions = [line for line in lines(text(pdf_build, language)) if line in names]
    assert captions == names * len(SKILLS)  # every page shows the default by-level layout
    headers = [label(name, language, 'column') for name in ('Role', 'Required', 'Description')]
    layout = _pdftotext(pdf(pdf_build, language), '-layout')
    header_row = re.compile(r'\s{2,}'.join(map(re.escape, headers)))
    assert len(header_row.findall(layout)) >= len(SKILLS) * len(LEVELS)


def test_a_table_continued_on_the_next_page_names_its_level(pdf_build: Path) -> None:
    continued = []
    for language in LANGUAGES:
        for line in lines(text(pdf_build, language)):
            if CONTINUED[language] in line:
                name = line.split(CONTINUED[language])[0].strip(' –(')
                # Tables without a caption (the guide's) continue unnamed: "(continued from previous page)".
                if name:
                    assert name in [content(level, language) for level in LEVELS.values()], line
                    continued.append(line)
    assert continued  # the PyTorch tables are long enough to go over a page


@pytest.mark.parametrize('language', LANGUAGES)
def test_title_page_and_contents(pdf_build: Path, language: str) -> None:
    # A line of its own (xeCJK spaces digits from Chinese: "2026 年 12 月 1 日").
    title_lines = [''.join(line.split()) for line in lines(pages(pdf_build, language)[0])]
    assert ''.join(TITLE_PAGE_DATE[language].split()) in title_lines
    title_page, contents = (squeeze(page) for page in pages(pdf_build, language)[:2])
    title = (REPO / 'index.rst').read_text(encoding='utf-8').splitlines()[0]
    assert squeeze(content(title, language)) in title_page
    assert squeeze(label('Version', language)) in title_page
    assert squeeze(git_version()) in title_page
    assert contents.startswith(squeeze(CONTENTS_TITLE[language]))
    for skill in SKILLS.values():
        assert squeeze(content(skill['title'], language)) in contents


def git_version() -> str:
    """What `git describe` says about the checkout: the nearest tag, else the commit."""
    return subprocess.run(
        ['git', 'describe', '--tags', '--always', '--dirty'],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.mark.parametrize('language', ['de', 'zh_CN'])
def test_no_english_in_the_fixed_texts(pdf_build: Path, language: str) -> None:
    """Title page, contents, running headers and footers: nothing left in English.

    Content (the document's and the skills' titles) is taken out first: it is English until
    the catalogs translate it.
    """
    all_pages = pages(pdf_build, language, '-layout')
    fixed = lines(all_pages[0]) + lines(all_pages[1])
    for page in all_pages[2:]:
        page_lines = lines(page)
        fixed += [page_lines[0], page_lines[-1]]  # header (or chapter heading), footer
    titles = [(REPO / 'index.rst').read_text(encoding='utf-8').splitlines()[0]]
    titles += [skill['title'] for skill in SKILLS.values()]
    for title in sorted((content(title, language) for title in titles), key=len, reverse=True):
        fixed = [line.replace(title, '') for line in fixed]
    for word in ENGLISH_FIXED_TEXTS:
        assert not [line for line in fixed if word.lower() in line.lower()], word


def test_chinese_pdf_shows_chinese_labels_in_a_cjk_font(pdf_build: Path) -> None:
    document = text(pdf_build, 'zh_CN')
    assert '\ufffd' not in document
    for context, message in [
        ('column', 'Role'),
        ('column', 'Required'),
        ('column', 'Description'),
        ('flag', 'Required'),
        ('flag', 'Optional'),
        (None, 'Domain'),
    ]:
        chinese = label(message, 'zh_CN', context)
        assert re.search(r'[\u4e00-\u9fff]', chinese), f'{message} has no Chinese translation'
        assert chinese in document
    for level in ('Junior', 'Principal'):  # level names are content: the page catalog's
        chinese = content(level, 'zh_CN')
        assert re.search(r'[\u4e00-\u9fff]', chinese), f'{level} has no Chinese translation'
        assert chinese in document
    fonts = subprocess.run(
        ['pdffonts', str(pdf(pdf_build, 'zh_CN'))], capture_output=True, text=True, check=True
    ).stdout
    # Fandol (texlive-lang-chinese), embedded: the "emb" column says yes.
    assert re.search(r'^\w+\+Fandol\S+\s+CID Type 0C\s+Identity-H\s+yes', fonts, re.M), fonts


def test_make_pdf_without_tex_names_the_install_script(tmp_path: Path) -> None:
    for tool in ('sed', 'make'):  # what the Makefile needs to read languages.yaml, and no TeX
        (tmp_path / tool).symlink_to(shutil.which(tool) or f'/usr/bin/{tool}')
    result = subprocess.run(
        [str(tmp_path / 'make'), '--no-print-directory', 'pdf', f'VENV={sys.prefix}'],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        env={'PATH': str(tmp_path)},  # no TeX, no pdftotext
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert 'tools/install-system-packages.sh' in output
    assert 'latexmk' in output  # says what is missing


# --- the other layouts ----------------------------------------------------------------------

LAYOUT_PAGES = {'by-role': 'Layout by role', 'grid': 'Layout grid'}
LAYOUT_SKILL = max(SKILLS, key=lambda skill_id: len(SKILLS[skill_id]['roles']))


@pytest.fixture(scope='session')
def layouts_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The English site plus a page per alternative layout (last in the contents), as a PDF."""
    require_tools()
    site = copy_site(tmp_path_factory.mktemp('layouts'), '_ext')
    for layout, title in LAYOUT_PAGES.items():
        page = f'{title}\n{"=" * len(title)}\n\n.. skill-matrix:: {LAYOUT_SKILL}\n   :layout: {layout}\n'
        (site / 'skills' / f'zz-{layout}.rst').write_text(page, encoding='utf-8')
    latex = site / '_build' / 'latex'
    for command in (
        [sys.executable, '-m', 'sphinx', '-b', 'latex', '-W', '-q', '.', str(latex)],
        ['make', '--no-print-directory', '-C', str(latex), 'all-pdf', 'LATEXMKOPTS=-silent'],
    ):
        result = subprocess.run(
            command,
            cwd=site,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, 'SOURCE_DATE_EPOCH': source_date_epoch(BUILT_ON)},
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert 'Overfull \\hbox' not in (latex / 'skill-profiles.log').read_text(
        encoding='utf-8', errors='replace'
    )
    return latex / 'skill-profiles.pdf'


def chapters(document: str) -> dict[str, str]:
    """The text of each alternative layout's page, split at the chapter headings."""
    headings = '|'.join(re.escape(title) for title in LAYOUT_PAGES.values())
    parts = re.split(rf'^\f?\d+\s+({headings})\s*$', document, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize('layout', LAYOUT_PAGES)
def test_by_role_and_grid_print_a_table_per_role(layouts_pdf: Path, layout: str) -> None:
    """The grid is too wide for a page: the PDF shows its cells as the by-role tables."""
    skill = SKILLS[LAYOUT_SKILL]
    flow = chapters(_pdftotext(layouts_pdf))[LAYOUT_PAGES[layout]]
    rows = chapters(_pdftotext(layouts_pdf, '-layout'))[LAYOUT_PAGES[layout]]
    captions = [line.strip() for line in flow.splitlines() if line.strip() in ROLES.values()]
    assert captions == [name for role, name in ROLES.items() if role in skill['roles']]
    for role_levels in skill['roles'].values():
        for level, cell in role_levels.items():
            assert squeeze(cell['description']) in squeeze(flow)
            flag = 'Required' if cell['required'] else 'Optional'
            first_words = r'\s+'.join(map(re.escape, cell['description'].split()[:2]))
            assert re.search(rf'^\s*{LEVELS[level]}\s{{2,}}{flag}\s{{2,}}{first_words}', rows, re.M), cell


@pytest.mark.parametrize('language', LANGUAGES)
def test_without_a_review_baseline_the_pdf_has_no_review_parts(pdf_build: Path, language: str) -> None:
    """make pdf without a baseline (see make_into): no draft note, no changes chapter, no change
    bars (tests/test_review.py builds a PDF with a baseline)."""
    tex = (pdf_build / 'latex' / language / 'skill-profiles.tex').read_text(encoding='utf-8')
    for command in (r'\skilldel', r'\skillins', r'\skillchangemark', r'\setreleaseinfo'):
        assert command not in tex
    assert 'Review' not in pages(pdf_build, language)[0]


def assemble_site(site: Path, pdf_build: Path, tmp_path: Path) -> Path:
    """`make site-files` on the session's HTML and PDFs: the folder `make site` publishes."""
    builddir = tmp_path / 'build'
    builddir.mkdir()
    (builddir / 'html').symlink_to(site)
    (builddir / 'pdf').symlink_to(pdf_build / 'pdf')
    make_into('site-files', builddir)
    return builddir / 'site'


def test_make_site_puts_html_and_pdfs_in_one_folder_that_links_them(
    site: Path, pdf_build: Path, tmp_path: Path
) -> None:
    """`make site` is `make html`, `make pdf`, then `make site-files`: run on the session's builds."""
    folder = assemble_site(site, pdf_build, tmp_path)
    assert sorted(path.name for path in folder.iterdir()) == [
        '.nojekyll',
        'de',
        'en',
        'index.html',
        'pdf',
        'zh_CN',
    ]
    landing = (folder / 'index.html').read_text(encoding='utf-8')
    for language in LANGUAGES:
        assert (folder / 'pdf' / f'skill-profiles-{language}.pdf').read_bytes()[:5] == b'%PDF-'
        assert f'href="{language}/index.html"' in landing
        assert f'href="pdf/skill-profiles-{language}.pdf"' in landing
        for page in ('index.html', 'skills/pytorch.html', 'roles/index.html'):
            html = (folder / language / page).read_text(encoding='utf-8')
            links = re.findall(r'<a class="skill-pdf-link[^"]*" href="([^"]+)"', html)
            # the sidebar on every page, the text of the start page too
            assert len(links) == (2 if page == 'index.html' else 1), (language, page)
            for link in links:
                target = (folder / language / page).parent / link
                assert target.resolve() == (folder / 'pdf' / f'skill-profiles-{language}.pdf').resolve()


def test_the_page_of_the_pdfs_links_the_book_and_each_domain_s_pdf_in_the_site(
    site: Path, pdf_build: Path, tmp_path: Path
) -> None:
    """Every language's page of the PDFs (linked from every page's sidebar) links the book and the
    PDF of each domain, named in the page's language; each link leads to a PDF in the site."""
    folder = assemble_site(site, pdf_build, tmp_path)
    domains = sorted({skill['domain'] for skill in SKILLS.values()})
    assert domains == ['Machine Learning & AI']  # the seed site: one domain
    for language in LANGUAGES:
        page = folder / language / 'pdfs.html'
        landing = re.findall(r'<a href="([^"]+)"', (folder / 'index.html').read_text(encoding='utf-8'))
        assert [link for link in landing if link.endswith('/pdfs.html')] == [
            f'{code}/pdfs.html' for code in LANGUAGES
        ]  # the landing page links each language's page of the PDFs
        html = page.read_text(encoding='utf-8')
        links = re.findall(r'<a class="skill-pdf-file[^"]*" href="([^"]+)">(.*?)</a>', html, re.S)
        targets = {
            (page.parent / link).resolve(): re.sub(r'<[^>]+>', '', text).strip() for link, text in links
        }
        book = (folder / 'pdf' / f'skill-profiles-{language}.pdf').resolve()
        domain = (folder / 'pdf' / f'skill-profiles-{language}-domain-machine-learning-ai.pdf').resolve()
        assert sorted(targets) == sorted([book, domain]), language
        assert targets[book] == label('All skills', language)
        assert targets[domain] == content('Machine Learning & AI', language).replace('&', '&amp;')
        for target in targets:
            assert target.read_bytes()[:5] == b'%PDF-'
        assert squeeze(content('Machine Learning & AI', language)) in squeeze(
            ' '.join(_pdftotext(domain, '-l', '1').split())
        )  # the domain's PDF is titled with its name
        skill_page = folder / language / 'skills' / 'pytorch.html'
        sidebar = re.findall(
            r'<a class="skill-pdf-page-link" href="([^"]+)"', skill_page.read_text(encoding='utf-8')
        )
        assert [(skill_page.parent / link).resolve() for link in sidebar] == [page.resolve()]
        assert not list((folder / 'pdf').glob(f'skill-profiles-{language}-changes.pdf'))  # no baseline


WEB_INSTRUCTIONS = {
    'en': ('Choose a domain and a group', 'search for one', 'Tick what you have covered'),
    'de': ('Wählen Sie eine Domäne', 'suchen Sie danach', 'Haken Sie ab'),
    'zh_CN': ('选择一个领域和分组', '直接搜索'),
}


@pytest.mark.parametrize('language', sorted(WEB_INSTRUCTIONS))
def test_no_web_instruction_in_the_pdf(pdf_build: Path, language: str) -> None:
    """The start page's words for web readers (choose, search, tick) are not printed."""
    document = squeeze(text(pdf_build, language))
    for instruction in WEB_INSTRUCTIONS[language]:
        assert squeeze(instruction) not in document, instruction


@pytest.mark.parametrize('language', sorted(WEB_INSTRUCTIONS))
def test_the_first_chapter_follows_the_contents(pdf_build: Path, language: str) -> None:
    """No page between the contents and the first chapter (the start page's intro sat alone on one)."""
    all_pages = pages(pdf_build, language)
    # the front matter's pages are numbered i, ii, …: the contents end on the last of them
    contents_end = max(n for n, page in enumerate(all_pages) if re.fullmatch(r'[ivx]+', lines(page)[-1]))
    first_chapter = lines(all_pages[contents_end + 1])[0]
    assert re.fullmatch(r'1\s+\S.*', first_chapter), all_pages[contents_end + 1][:300]
