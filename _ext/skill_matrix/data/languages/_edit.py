"""What adding or removing a language changes: its catalogs (page texts through sphinx-intl,
the extension's UI labels, every other catalog the translated languages have, such as the
theme's ``sphinx.po``), ``languages.yaml`` and the CI matrices. Everything is checked first:
a refused command changes nothing."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.core import Locale, UnknownLocaleError
from babel.messages.pofile import read_po, write_po

from skill_matrix.data.languages import CODE, LANGUAGES_FILE, Language, LanguagesError, read_languages

UI_CATALOG = 'skill_matrix'
UI_LOCALE_DIR = Path(__file__).resolve().parents[2] / 'locale'  # the extension's own catalogs
PAGE_LOCALE_DIR = 'locale'  # conf.py's locale_dirs
CI_FILES = ('.github/workflows/check.yml', '.gitlab-ci.yml')
CI_MARK = '# = make print-languages'  # the matrix lines the commands rewrite
NEW_THRESHOLD = 0


def N_(message: str) -> str:  # gettext's name for a message marked, not translated
    """*message*, marked for the extension's catalog; translated where it is used."""
    return message


# The landing page's words, each in every language whose interface catalog translates it.
GREETING = N_('Choose a language')
PDF_PAGES = N_('PDFs per domain and for review')


def own_name(code: str) -> str:
    """The language's name in itself (``Français``, ``日本語``); unknown codes are refused."""
    if not CODE.fullmatch(code):
        raise LanguagesError(f'{code!r} is not a language code: expected e.g. fr, ja, pt_BR or zh_TW')
    try:
        name = Locale.parse(code).get_display_name(code)
    except (UnknownLocaleError, ValueError):
        name = None
    if not name:
        raise LanguagesError(f'{code!r}: unknown language code (the CLDR knows no such language)')
    return name[:1].upper() + name[1:]


def add_language(project: Path, code: str, ui_locale_dir: Path = UI_LOCALE_DIR) -> list[str]:
    """Make *code* a language of the project; the lines to tell the user."""
    languages = read_languages(project)
    if not code:
        raise LanguagesError('no language given: make add-language LANG=<code>, e.g. LANG=fr')
    if code in {language.code for language in languages}:
        raise LanguagesError(f'{code} is already a language of the site ({LANGUAGES_FILE})')
    name = own_name(code)
    created = [project / PAGE_LOCALE_DIR / code, ui_locale_dir / code]
    for folder in created:
        if folder.exists():
            raise LanguagesError(
                f'{folder} exists already: remove it or run make remove-language LANG={code}'
            )
    try:
        _page_catalog(project, code)
        _ui_catalog(ui_locale_dir, code)
        other_catalogs = _other_catalogs(project, languages, code)
    except BaseException:
        for folder in created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    entry = (
        f'{code}:\n  name: {json.dumps(name, ensure_ascii=False)}\n'
        f'  threshold: {NEW_THRESHOLD}\n  babel_ini: true\n'
    )
    text = (project / LANGUAGES_FILE).read_text(encoding='utf-8')
    (project / LANGUAGES_FILE).write_text(text.rstrip('\n') + '\n' + entry, encoding='utf-8')
    codes = [language.code for language in languages] + [code]
    ci = _write_ci_matrices(project, codes)
    return [
        f'{code} ({name}) added to {LANGUAGES_FILE}, threshold {NEW_THRESHOLD} %',
        f'catalogs: {PAGE_LOCALE_DIR}/{code}/LC_MESSAGES/ (page texts{other_catalogs}), '
        f'{_shown(ui_locale_dir / code, project)}/LC_MESSAGES/{UI_CATALOG}.po (UI labels)',
        *ci,
        f'next: make html-{code} pdf-{code}; translate the catalogs, raise the threshold as they grow',
    ]


def remove_language(project: Path, code: str, ui_locale_dir: Path = UI_LOCALE_DIR) -> list[str]:
    """Remove *code* from the project with its catalogs; the lines to tell the user."""
    languages = read_languages(project)
    codes = [language.code for language in languages]
    if not code:
        raise LanguagesError('no language given: make remove-language LANG=<code>, e.g. LANG=fr')
    if code not in codes:
        raise LanguagesError(f'{code} is not a language of the site ({LANGUAGES_FILE}: {", ".join(codes)})')
    if code == codes[0]:
        raise LanguagesError(f'{code} is the source language: it cannot be removed')
    text = (project / LANGUAGES_FILE).read_text(encoding='utf-8')
    entry = re.compile(rf'^{re.escape(code)}:.*\n(?:(?:[ \t].*|[ \t]*)\n)*', re.MULTILINE)
    (project / LANGUAGES_FILE).write_text(
        entry.sub('', text + '\n', count=1).rstrip('\n') + '\n', encoding='utf-8'
    )
    for folder in (project / PAGE_LOCALE_DIR / code, ui_locale_dir / code):
        shutil.rmtree(folder, ignore_errors=True)
    ci = _write_ci_matrices(project, [other for other in codes if other != code])
    return [f'{code} removed from {LANGUAGES_FILE} with its catalogs', *ci]


def _shown(path: Path, project: Path) -> str:
    return str(path.relative_to(project)) if path.is_relative_to(project) else str(path)


def _run(command: list[str], project: Path) -> None:
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    if result.returncode:
        raise LanguagesError(
            f'{" ".join(command[1:4])} failed:\n{result.stdout[-2000:]}{result.stderr[-2000:]}'
        )


def _page_catalog(project: Path, code: str) -> None:
    """The page texts' catalog: extracted now (Sphinx's gettext builder), created by sphinx-intl."""
    with tempfile.TemporaryDirectory() as templates:
        _run([sys.executable, '-m', 'sphinx', '-q', '-b', 'gettext', '-E', '.', templates], project)
        _run(
            [
                sys.executable,
                '-m',
                'sphinx_intl',
                'update',
                '-p',
                templates,
                '-d',
                PAGE_LOCALE_DIR,
                '-l',
                code,
            ],
            project,
        )


def _empty_catalog(source: Path, target: Path, code: str) -> None:
    """*target*: the messages of *source* (a template or another language's catalog), untranslated."""
    with source.open('rb') as file:
        catalog = read_po(file)
    catalog.locale = Locale.parse(code)
    for message in catalog:
        if message.id:
            message.string = ('',) * len(message.string) if isinstance(message.string, tuple) else ''
            message.flags.discard('fuzzy')
    catalog.obsolete.clear()
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open('wb') as file:
        write_po(file, catalog, width=100, omit_header=False)


def _ui_catalog(ui_locale_dir: Path, code: str) -> None:
    template = ui_locale_dir / f'{UI_CATALOG}.pot'
    _empty_catalog(template, ui_locale_dir / code / 'LC_MESSAGES' / f'{UI_CATALOG}.po', code)


def _other_catalogs(project: Path, languages: list[Language], code: str) -> str:
    """Every other catalog a translated language has (the theme's ``sphinx.po``), untranslated."""
    target = project / PAGE_LOCALE_DIR / code / 'LC_MESSAGES'
    added = []
    for language in languages[1:]:
        for po_file in sorted((project / PAGE_LOCALE_DIR / language.code / 'LC_MESSAGES').glob('*.po')):
            if not (target / po_file.name).exists():
                _empty_catalog(po_file, target / po_file.name, code)
                added.append(po_file.name)
    return f', {", ".join(added)}' if added else ''


def _write_ci_matrices(project: Path, codes: list[str]) -> list[str]:
    """Rewrite the language list of each CI file's line marked ``CI_MARK``."""
    said = []
    for name in CI_FILES:
        path = project / name
        if not path.is_file():
            continue
        text = path.read_text(encoding='utf-8')
        matrix = re.compile(rf'\[[^\]\n]*\](?=\s*{re.escape(CI_MARK)})')
        if not matrix.search(text):
            said.append(f'{name}: no matrix line marked "{CI_MARK}": add the language there by hand')
            continue
        path.write_text(matrix.sub(f'[{", ".join(codes)}]', text), encoding='utf-8')
        said.append(f'{name}: the build matrix is now {", ".join(codes)}')
    return said


def landing_page(template: str, languages: list[Language], ui_locale_dir: Path = UI_LOCALE_DIR) -> str:
    """The landing page: *template* with its words in every language that translates them and a
    link per language to its site, its PDF and the page of its PDFs."""
    sites = '\n'.join(
        f'  <li><a href="{language.code}/index.html" hreflang="{language.tag}" lang="{language.tag}">'
        f'{html.escape(language.name)}</a></li>'
        for language in languages
    )
    pdfs = '\n  · '.join(
        f'<a href="pdf/skill-profiles-{language.code}.pdf" hreflang="{language.tag}" lang="{language.tag}" '
        f'type="application/pdf">{html.escape(language.name)}</a>'
        for language in languages
    )
    # each language's page of its PDFs: the book, one per domain, the changes of a review
    pages = '\n  · '.join(
        f'<a href="{language.code}/pdfs.html" hreflang="{language.tag}" lang="{language.tag}">'
        f'{html.escape(language.name)}</a>'
        for language in languages
    )
    return (
        template.replace('<!-- greeting -->', _in_every_language(GREETING, languages, ui_locale_dir))
        .replace('<!-- pdf pages -->', _in_every_language(PDF_PAGES, languages, ui_locale_dir))
        .replace('<!-- language links -->', sites)
        .replace('<!-- pdf links -->', pdfs)
        .replace('<!-- pdf page links -->', pages)
    )


def _in_every_language(message: str, languages: list[Language], ui_locale_dir: Path) -> str:
    """*message* in the source language and in every other one whose interface catalog translates it."""
    said = [html.escape(message)]
    for language in languages[1:]:
        translated = _translated(ui_locale_dir / language.code / 'LC_MESSAGES' / f'{UI_CATALOG}.po', message)
        if translated and translated != message:
            said.append(f'<span lang="{language.tag}">{html.escape(translated)}</span>')
    return ' · '.join(said)


def _translated(catalog: Path, message: str) -> str | None:
    """*message*'s translation in the .po file *catalog*, if it has one that is not fuzzy."""
    if not catalog.is_file():
        return None
    with catalog.open('rb') as po:
        entry = read_po(po).get(message)
    if entry is None or entry.fuzzy or not isinstance(entry.string, str):
        return None
    return entry.string or None
