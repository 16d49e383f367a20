"""PDFs in any script: LuaLaTeX with babel and a chain of fallback fonts.

With ``latex_engine = 'lualatex'`` the preamble gets

* babel with ``bidi=basic`` instead of polyglossia, and a locale per script that needs more
  than glyphs (``onchar=ids fonts``): Arabic and Hebrew run right to left and are shaped by
  HarfBuzz, CJK text breaks between characters (babel's CJK line breaking); the language of the
  PDF stays the main one (German hyphenation in the German PDF);
* Sphinx's fonts (FreeSerif, FreeSans, FreeMono) with luaotfload's ``fallback``: a glyph the
  font lacks is taken from the first font of :data:`~skill_matrix.data.fonts.FALLBACK_FONTS`
  that has it (symbols, arrows, CJK, emoji);
* Chinese set in the Fandol fonts in every PDF, as xeCJK set the Chinese PDF before.

A character no font has is named once per build, at its place in the data files, and each PDF
shows ``[U+XXXX]`` in its place (:class:`LaTeXUnprintable`); an emoji only the colour font has
is printed as a picture and named too (the PDF's text layer lacks it). Both are notices, not
warnings: the strict build goes on, as the PDF shows something for every character.

Each ``.tex`` then loads only the locales and fallback fonts its characters need
(:func:`fit_fonts`), latexmk is told which line of the ``.aux`` needs no rerun
(:func:`latexmk_passes`), and the changes' PDF shows of each changed skill only the tables that
hold a change (:class:`ChangedTablesOnly`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from skill_matrix.data.characters import describe
from skill_matrix.data.fonts import (
    FALLBACK_FONTS,
    FANDOL_FONTS,
    MAIN_FONTS as MAIN_FONT_FILES,
    SCRIPT_BLOCKS,
    SCRIPT_FONTS,
    font_cmaps,
    needs_glyph,
    printable_characters,
    unprintable,
)
from skill_matrix.data.pdfs import CHANGES_PART
from skill_matrix.data.textcheck import glyph_problems
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.text import label
from skill_matrix.state import BuildState, ProcessSlot

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

FALLBACK = 'skillprofiles'
REPLACEMENT_CHARACTER = '\ufffd'  # LuaTeX takes it in its input for a broken UTF-8 sequence
# Sphinx writes these as TeX commands or look-alikes (✓ as a math \checkmark, which copies as
# "X"; ℯ as e); the fonts have them, so the PDF prints them as they are.
AS_WRITTEN = frozenset('✓✔✕✖⎽ℯⅈ')
# Sphinx's fonts for LuaLaTeX, each with the fallback chain ({feature}: see font_preamble).
MAIN_FONTS = r"""
\setmainfont{{FreeSerif}}[Extension=.otf, UprightFont=*, ItalicFont=*Italic, BoldFont=*Bold,
  BoldItalicFont=*BoldItalic{feature}]
\setsansfont{{FreeSans}}[Extension=.otf, UprightFont=*, ItalicFont=*Oblique, BoldFont=*Bold,
  BoldItalicFont=*BoldOblique{feature}]
\setmonofont{{FreeMono}}[Scale=0.9, Extension=.otf, UprightFont=*, ItalicFont=*Oblique,
  BoldFont=*Bold, BoldItalicFont=*BoldOblique{feature}]
"""
FANDOL = r"""
\babelfont[chinese]{{rm}}[Extension=.otf, UprightFont=*-Regular, BoldFont=*-Bold{feature}]{{FandolSong}}
\babelfont[chinese]{{sf}}[Extension=.otf, UprightFont=*-Regular, BoldFont=*-Bold{feature}]{{FandolHei}}
\babelfont[chinese]{{tt}}[Extension=.otf, UprightFont=*-Regular{feature}]{{FandolFang}}
"""
# The locales babel sets in their own fonts (onchar=ids fonts): Chinese and SCRIPT_FONTS.
SCRIPT_LOCALES = ('chinese', *SCRIPT_FONTS)

# Sphinx writes "-" as \\sphinxhyphen{}: a place to break the line after it, as pdflatex has.
HYPHEN = r'\protected\def\sphinxhyphen#1{\discretionary{-}{}{-}}'

# With SOURCE_DATE_EPOCH, LuaTeX derives the PDF's /ID from it and the output file's full path;
# from it and the job name (as pdfTeX does), the same sources give the same PDF in any directory.
TRAILER_ID = r"""\directlua{
  local epoch = os.getenv('SOURCE_DATE_EPOCH')
  if epoch then
    local id = string.upper(md5.sumhexa(epoch .. tex.jobname))
    pdf.settrailerid('[<' .. id .. '> <' .. id .. '>]')
  end
}"""

REPORTED: ProcessSlot[frozenset[str]] = ProcessSlot('unprintable')
"""The characters of the data files already named at their place in this build."""


def fallback_chain(fonts: Sequence[tuple[str, int]] = FALLBACK_FONTS) -> str:
    """luaotfload's fallback list: every font in HarfBuzz mode, a collection's font by index."""
    listed = ', '.join(
        f'"file:{name}({index}):mode=harf;"' if name.endswith('.ttc') else f'"file:{name}:mode=harf;"'
        for name, index in fonts
    )
    return rf'\directlua{{luaotfload.add_fallback("{FALLBACK}", {{{listed}}})}}'


def script_fonts(locales: Iterable[str] = SCRIPT_LOCALES, feature: str = '') -> str:
    """babel's *locales* (of Chinese and :data:`SCRIPT_FONTS`), each with its fonts."""
    lines = []
    for locale in locales:
        lines.append(rf'\babelprovide[import, onchar=ids fonts]{{{locale}}}')
        if locale == 'chinese':
            lines.append(FANDOL.strip().format(feature=feature))
            continue
        for family, font in zip(('rm', 'sf'), SCRIPT_FONTS[locale], strict=True):
            lines.append(rf'\babelfont[{locale}]{{{family}}}[Renderer=HarfBuzz{feature}]{{{font.family}}}')
    return '\n'.join(lines)


def font_preamble(
    locales: Iterable[str] = SCRIPT_LOCALES, fallbacks: Sequence[tuple[str, int]] = FALLBACK_FONTS
) -> str:
    """The fonts of a PDF: the main fonts and babel's *locales*, each falling back to *fallbacks*
    (every script and every fallback font unless a PDF needs fewer: :func:`fit_fonts`)."""
    feature = f', RawFeature={{fallback={FALLBACK}}}' if fallbacks else ''
    lines = ['% skill_matrix: fonts for any script']
    if fallbacks:
        lines.append(fallback_chain(fallbacks))
    lines.append(MAIN_FONTS.strip().format(feature=feature))
    if script := script_fonts(locales, feature):
        lines.append(script)
    return '\n'.join(lines)


def unicode_elements(app: Sphinx, config: Config) -> None:
    """With LuaLaTeX, babel and the fonts for any script, unless ``latex_elements`` sets them."""
    if config.latex_engine != 'lualatex':
        return
    # A language of skill_matrix_babel_ini comes from babel's locale file (provide=*): no TeX
    # Live language package needed (French, Japanese, Korean, ...).
    provide = ', provide=*' if config.language in config.skill_matrix_babel_ini else ''
    config.latex_elements = {
        'polyglossia': '',
        'babel': rf'\usepackage[bidi=basic{provide}]{{babel}}',
        'fontpkg': font_preamble(),
        **config.latex_elements,
    }


def add_lualatex_preamble(app: Sphinx) -> None:
    """Let lines break after a hyphen as with pdflatex (LuaTeX does not break at Sphinx's
    ``-\\kern0pt``); keep the PDF's /ID free of the build directory."""
    if app.builder.format != 'latex' or app.config.latex_engine != 'lualatex':
        return
    context: dict[str, Any] = app.builder.context  # type: ignore[attr-defined]
    context['preamble'] += '\n'.join(['', HYPHEN, TRAILER_ID])


# latexmk runs LaTeX again while a file it reads changes. A first build's second pass changes the
# count of pages in the .aux (\@abspage@last), as the contents now take their pages; only the
# kernel's "last page" hook reads it, which these PDFs leave empty (LaTeX would warn "executed on
# wrong page"), so that line asks for no third pass. (The change bars' positions, which marginnote
# keeps in the .aux by page, do: a review build's first run takes three passes.)
PAGE_COUNT_LINE = r"$hash_calc_ignore_pattern{'aux'} = '^\\\\gdef \\\\\@abspage\@last\{';"


def latexmk_passes(app: Sphinx, exception: Exception | None) -> None:
    """Tell latexmk (``latexmkrc``, which Sphinx writes) that the .aux's page count needs no rerun."""
    if exception is not None or app.builder.format != 'latex' or app.config.latex_engine != 'lualatex':
        return
    rc = Path(app.outdir, 'latexmkrc')
    if rc.is_file() and PAGE_COUNT_LINE not in (text := rc.read_text(encoding='utf-8')):
        comment = '# skill_matrix: the page count in the .aux asks for no rerun (skill_matrix/pdf/_latex.py)'
        rc.write_text(f'{text}\n{comment}\n{PAGE_COUNT_LINE}\n', encoding='utf-8')


def report_unprintable(app: Sphinx) -> None:
    """Name each character of the data files that the PDFs cannot print as text, at its place."""
    if app.builder.format != 'latex' or app.config.latex_engine != 'lualatex':
        return
    glyphs = glyph_problems(app.srcdir / app.config.skill_matrix_data_dir)
    for glyph in glyphs:
        notice(glyph.problem.message.removeprefix('warning: '), glyph.problem.location)
    BuildState(app.env).put(REPORTED, frozenset(glyph.character for glyph in glyphs))


def notice(message: str, location: object) -> None:
    """Name a character the PDF cannot print as text, at its place, without failing the strict
    build (``-W``): the PDF still builds and shows the character as a picture or a stand-in."""
    logger.info(f'PDF: {message}', location=location)


class LaTeXUnprintable(SphinxPostTransform):
    """Show ``[U+XXXX]`` for each character no font of the PDF has, write U+FFFD as a command
    (LuaTeX reads it in its input as a broken UTF-8 sequence) and :data:`AS_WRITTEN` as they are.

    Characters from the data files were named at their place there; any other (a page, a
    translation) is named here, at its page.
    """

    default_priority = 400
    formats = ('latex',)

    def run(self, **kwargs: Any) -> None:
        if self.config.latex_engine != 'lualatex' or printable_characters() is None:
            return
        reported = BuildState(self.env).get(REPORTED) or frozenset()
        for text in list(self.document.findall(nodes.Text)):
            missing = set(unprintable(text)) | {
                index
                for index, character in enumerate(text)
                if character == REPLACEMENT_CHARACTER or character in AS_WRITTEN
            }
            if missing:
                self.replace(text, sorted(missing), reported)

    def replace(self, text: nodes.Text, missing: list[int], reported: frozenset[str]) -> None:
        parent = text.parent
        literal = isinstance(parent, nodes.FixedTextElement) or not isinstance(parent, nodes.TextElement)
        pieces: list[nodes.Node] = []
        start = 0
        for index in missing:
            character = text[index]
            pieces.append(nodes.Text(text[start:index]))
            if character == REPLACEMENT_CHARACTER and not literal:
                pieces.append(nodes.raw('', r'\symbol{"FFFD}', format='latex'))
            elif character in AS_WRITTEN and not literal:
                pieces.append(nodes.raw('', character, format='latex'))
            elif character in AS_WRITTEN:
                pieces.append(nodes.Text(character))
            else:
                pieces.append(nodes.Text(f'[U+{ord(character):04X}]'))
                if character not in reported and character != REPLACEMENT_CHARACTER:
                    notice(
                        f'{describe(character)}: no font of the PDFs has it: the PDF shows '
                        f'[U+{ord(character):04X}] instead',
                        parent,
                    )
            start = index + 1
        pieces.append(nodes.Text(text[start:]))
        parent.replace(text, [piece for piece in pieces if not isinstance(piece, nodes.Text) or piece])


# --- the changes' PDF: the tables that hold a change ---------------------------------------
# The changes' PDF shows what changed: of each changed skill, only the tables that hold a change.
#
# A reviewer reads the changes' PDF (``skill-profiles-<lang>-changes.pdf``) for what changed, so its
# size follows the changes, not the catalog. In each skill matrix of that PDF, a table (a level's or,
# for the by-role and grid layouts, a role's) without a changed row is left out and named in one line
# in its place ("Unchanged, not shown here: Middle, Senior, …"), pointing to the book, the domain's
# PDF and the site, which show the skill whole; the counts (roles, levels, mandatory requirements)
# and the line that introduces all the tables go too. The changed rows keep their change bars. A
# matrix in which every table changed stays as it is. The book and the domain PDFs are not touched.

CHANGED = 'skill-changed'


class ChangedTablesOnly(SphinxPostTransform):
    """In the changes' PDF, keep of each skill matrix the tables with a changed row (see above)."""

    # after OrdinaryNodes (1: the rows carry their classes) and Sphinx's "only" nodes (50: the
    # PDF's tables of a grid layout are the by-role ones), before the columns are fitted (400)
    default_priority = 60
    formats = ('latex',)

    def run(self, **kwargs: Any) -> None:
        directory: str = self.config.skill_matrix_pdf_parts
        if not directory or self.env.docname != f'{directory}/{CHANGES_PART}':
            return
        for matrix in list(self.document.findall(nodes.container)):
            if 'skill-matrix' in matrix['classes']:
                changed_tables_only(matrix)


def changed_tables_only(matrix: nodes.container) -> None:
    """Leave out *matrix*'s tables without a change, naming them in one line where the first was."""
    tables = [table for table in matrix.findall(nodes.table) if 'skill-table' in table['classes']]
    unchanged = [table for table in tables if not _has_change(table)]
    if not unchanged:
        return
    names = pgettext('list', ', ').join(_caption(table) for table in unchanged)
    line: nodes.paragraph = label(
        _(
            'Unchanged, not shown here: {tables}. The book, the PDF of the domain and the site show them.'
        ).format(tables=names),
        classes=['skill-unchanged-tables'],
    )
    # in place of the line that introduces every table; links to a table left out (or to one of
    # its rows) lead to the line that names it
    ids = [node_id for table in unchanged for node in table.findall(nodes.Element) for node_id in node['ids']]
    intro = next(
        (node for node in matrix.findall(nodes.paragraph) if 'skill-tables-intro' in node['classes']), None
    )
    where = intro or unchanged[0]
    where.parent.replace(where, [nodes.target('', '', ids=ids), line] if ids else [line])
    for table in unchanged:
        if table.parent is not None:
            table.parent.remove(table)
    for stats in list(matrix.findall(nodes.bullet_list)):
        if 'skill-stats' in stats['classes']:
            stats.parent.remove(stats)


def _has_change(table: nodes.table) -> bool:
    return any(
        CHANGED in element['classes']
        for element in table.findall(nodes.Element)
        if isinstance(element, nodes.row | nodes.entry)
    )


def _caption(table: nodes.table) -> str:
    title = table.next_node(nodes.title)
    return title.astext() if title is not None else ''


# --- each PDF's fonts: what its text needs -------------------------------------------------
# Each PDF loads the fonts its text needs: the babel locales of its scripts, the fallback fonts
# of its characters.
#
# The preamble above (font_preamble) lets every PDF print any script, and that costs: babel looks
# at every glyph of the document for each locale set with ``onchar`` (Chinese, Arabic, Hebrew), and
# each font instance with a fallback chain loads every font of the chain (Noto CJK, the emoji fonts).
# Measured on a 32-page domain PDF of 100 synthetic skills (bench/README.md): without the Arabic and
# Hebrew locales, which its text does not use, one LuaLaTeX pass takes a fifth less CPU time.
#
# So once the LaTeX build has written the ``.tex`` files, each one's font preamble is cut to what its
# characters (its own and those of ``sphinxmessages.sty``) need:
#
# * a locale of :data:`~skill_matrix.data.fonts.SCRIPT_BLOCKS` only when a character is in the
#   blocks babel hands to it (without one, babel would never switch to it);
# * of the fallback chain, for each character that its font (the locale's, else the main fonts)
#   lacks, the first font of the chain that has it, in the chain's order: luaotfload picks the same
#   font as from the whole chain; no chain at all when no character needs one.
#
# What the PDF shows is the same, glyph for glyph. Nothing is cut for a language that babel loads
# from its locale file (its captions may be in a script the ``.tex`` does not hold), when the fonts
# are not installed, or when ``latex_elements`` sets its own fonts.

# The fonts a locale's characters are set in; FreeMono where babel has no font of the locale for
# monospaced text.
LOCALE_FONTS: dict[str, tuple[str, ...]] = {
    'chinese': FANDOL_FONTS,
    **{
        locale: (*(font.file for font in fonts), MAIN_FONT_FILES[2]) for locale, fonts in SCRIPT_FONTS.items()
    },
}


def fit_fonts(app: Sphinx, exception: Exception | None) -> None:
    """Cut the font preamble of each ``.tex`` the LaTeX build wrote to what its text needs."""
    if exception is not None or app.builder.format != 'latex' or app.config.latex_engine != 'lualatex':
        return
    if app.config.language in app.config.skill_matrix_babel_ini:
        return
    cmaps = font_cmaps()
    if cmaps is None:
        return
    outdir = Path(app.outdir)
    messages = outdir / 'sphinxmessages.sty'
    shared = messages.read_text(encoding='utf-8') if messages.is_file() else ''
    whole = font_preamble()
    for tex in sorted(outdir.glob('*.tex')):
        text = tex.read_text(encoding='utf-8')
        if whole not in text:
            continue
        codes = {ord(character) for character in set(text + shared) if needs_glyph(character)}
        locales = [locale for locale in SCRIPT_LOCALES if any(_in_blocks(code, locale) for code in codes)]
        fitted = font_preamble(locales, fallbacks(codes, locales, cmaps))
        tex.write_text(text.replace(whole, fitted), encoding='utf-8')


def fallbacks(
    codes: set[int], locales: list[str], cmaps: dict[tuple[str, int], frozenset[int]]
) -> list[tuple[str, int]]:
    """The fonts of the fallback chain that *codes* reach, in the chain's order."""
    needed = set()
    for code in codes:
        locale = next((locale for locale in locales if _in_blocks(code, locale)), None)
        fonts = LOCALE_FONTS[locale] if locale else MAIN_FONT_FILES
        if all(code in cmaps[name, 0] for name in fonts):
            continue
        first = next((font for font in FALLBACK_FONTS if code in cmaps[font]), None)
        if first is not None:
            needed.add(first)
    return [font for font in FALLBACK_FONTS if font in needed]


def _in_blocks(code: int, locale: str) -> bool:
    return any(start <= code <= end for start, end in SCRIPT_BLOCKS[locale])
