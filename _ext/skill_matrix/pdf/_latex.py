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
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from skill_matrix.data.characters import describe
from skill_matrix.data.fonts import FALLBACK_FONTS, SCRIPT_FONTS, printable_characters, unprintable
from skill_matrix.data.textcheck import glyph_problems
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
    (every script and every fallback font unless a PDF needs fewer: ``_fitted.py``)."""
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
