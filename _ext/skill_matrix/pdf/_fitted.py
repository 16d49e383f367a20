"""Each PDF loads the fonts its text needs: the babel locales of its scripts, the fallback fonts
of its characters.

The preamble that ``_latex.py`` gives every PDF can print any script, and that costs: babel looks
at every glyph of the document for each locale set with ``onchar`` (Chinese, Arabic, Hebrew), and
each font instance with a fallback chain loads every font of the chain (Noto CJK, the emoji fonts).
Measured on a 32-page domain PDF of 100 synthetic skills (bench/README.md): without the Arabic and
Hebrew locales, which its text does not use, one LuaLaTeX pass takes a fifth less CPU time.

So once the LaTeX build has written the ``.tex`` files, each one's font preamble is cut to what its
characters (its own and those of ``sphinxmessages.sty``) need:

* a locale of :data:`~skill_matrix.data.fonts.SCRIPT_BLOCKS` only when a character is in the
  blocks babel hands to it (without one, babel would never switch to it);
* of the fallback chain, for each character that its font (the locale's, else the main fonts)
  lacks, the first font of the chain that has it, in the chain's order: luaotfload picks the same
  font as from the whole chain; no chain at all when no character needs one.

What the PDF shows is the same, glyph for glyph. Nothing is cut for a language that babel loads
from its locale file (its captions may be in a script the ``.tex`` does not hold), when the fonts
are not installed, or when ``latex_elements`` sets its own fonts.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from skill_matrix.data.fonts import (
    FALLBACK_FONTS,
    FANDOL_FONTS,
    MAIN_FONTS,
    SCRIPT_BLOCKS,
    SCRIPT_FONTS,
    font_cmaps,
    needs_glyph,
)
from skill_matrix.pdf._latex import SCRIPT_LOCALES, font_preamble

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# The fonts a locale's characters are set in; FreeMono where babel has no font of the locale for
# monospaced text.
LOCALE_FONTS: dict[str, tuple[str, ...]] = {
    'chinese': FANDOL_FONTS,
    **{locale: (*(font.file for font in fonts), MAIN_FONTS[2]) for locale, fonts in SCRIPT_FONTS.items()},
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
        fonts = LOCALE_FONTS[locale] if locale else MAIN_FONTS
        if all(code in cmaps[name, 0] for name in fonts):
            continue
        first = next((font for font in FALLBACK_FONTS if code in cmaps[font]), None)
        if first is not None:
            needed.add(first)
    return [font for font in FALLBACK_FONTS if font in needed]


def _in_blocks(code: int, locale: str) -> bool:
    return any(start <= code <= end for start, end in SCRIPT_BLOCKS[locale])
