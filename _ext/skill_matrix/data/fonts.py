"""The fonts of the PDFs and which characters they can show.

The PDFs are set with LuaLaTeX: the main fonts (Sphinx's FreeSerif, FreeSans, FreeMono) fall
back glyph by glyph to :data:`FALLBACK_FONTS` (luaotfload's ``fallback``), and babel switches
to :data:`SCRIPT_FONTS` for right-to-left text and to :data:`FANDOL_FONTS` for Chinese. A
character none of them has cannot be printed: ``make check-data`` and the PDF build name it,
and the PDF shows ``[U+XXXX]``.

Every file is found as LuaTeX finds it (``kpsewhich``: TeX's fonts and the system's) and its
character map is read with fontTools.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
import unicodedata
from pathlib import Path
from typing import NamedTuple

from fontTools.ttLib import TTCollection, TTFont


class Font(NamedTuple):
    """A font as fontspec names it (its family) and as fontTools reads it (a file, an index)."""

    family: str
    file: str
    number: int = 0
    """Which font of a collection (.ttc)."""


MAIN_FONTS = ('FreeSerif.otf', 'FreeSans.otf', 'FreeMono.otf')  # fonts-freefont-otf
CJK_SERIF = ('NotoSerifCJK-Regular.ttc', 2)  # fonts-noto-cjk; font 2 of the collection is SC
# Tried in order for a glyph the main font lacks (fonts-dejavu-core, fonts-noto-core,
# fonts-noto-cjk, fonts-symbola).
FALLBACK_FONTS: tuple[tuple[str, int], ...] = (
    ('DejaVuSans.ttf', 0),  # arrows, math, box drawing, control pictures, many scripts
    ('NotoSans-Regular.ttf', 0),  # Latin, Greek and Cyrillic extensions
    ('NotoSansMath-Regular.ttf', 0),
    ('NotoSansSymbols-Regular.ttf', 0),
    ('NotoSansSymbols2-Regular.ttf', 0),
    CJK_SERIF,  # Han, kana, hangul, enclosed numbers (①)
    ('Symbola_hint.ttf', 0),  # emoji (monochrome, Unicode 9)
    ('NotoColorEmoji.ttf', 0),  # newer emoji, printed as pictures (fonts-noto-color-emoji)
)
# Fonts whose glyphs are pictures (colour bitmaps, embedded by luaotfload's HarfBuzz mode): the
# reader sees the character, but the PDF's text layer (search, copy, pdftotext) does not hold it.
PICTURE_FONTS = frozenset({'NotoColorEmoji.ttf'})
# Scripts babel sets in their own font (onchar=ids fonts): direction, shaping, line breaks.
# The serif font for the text, the sans-serif one for headings.
SCRIPT_FONTS: dict[str, tuple[Font, Font]] = {
    'arabic': (
        Font('Noto Naskh Arabic', 'NotoNaskhArabic-Regular.ttf'),
        Font('Noto Sans Arabic', 'NotoSansArabic-Regular.ttf'),
    ),
    'hebrew': (
        Font('Noto Serif Hebrew', 'NotoSerifHebrew-Regular.ttf'),
        Font('Noto Sans Hebrew', 'NotoSansHebrew-Regular.ttf'),
    ),
}
# Chinese (babel's CJK line breaking) is set in the Fandol fonts of texlive-lang-chinese in every
# PDF, as xeCJK set the Chinese PDF before: a third of the load time of Noto CJK; characters
# Fandol lacks (hangul, traditional forms) come from Noto CJK in the fallback chain.
FANDOL_FONTS = ('FandolSong-Regular.otf', 'FandolHei-Regular.otf', 'FandolFang-Regular.otf')
# The characters babel hands to each of these locales (onchar): Babel.script_blocks of babel's
# luababel.def (Hans for Chinese, Arab, Hebr).
SCRIPT_BLOCKS: dict[str, tuple[tuple[int, int], ...]] = {
    'chinese': (
        (0x2E80, 0x2EFF),
        (0x3000, 0x303F),
        (0x31C0, 0x31EF),
        (0x3300, 0x33FF),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xF900, 0xFAFF),
        (0xFE30, 0xFE4F),
        (0xFF00, 0xFFEF),
        (0x20000, 0x2A6DF),
        (0x2A700, 0x2B73F),
        (0x2B740, 0x2B81F),
        (0x2B820, 0x2CEAF),
        (0x2CEB0, 0x2EBEF),
        (0x2F800, 0x2FA1F),
    ),
    'arabic': (
        (0x0600, 0x06FF),
        (0x08A0, 0x08FF),
        (0x0750, 0x077F),
        (0xFE70, 0xFEFF),
        (0xFB50, 0xFDFF),
        (0x1EE00, 0x1EEFF),
    ),
    'hebrew': ((0x0590, 0x05FF),),
}


def font_files() -> list[tuple[str, int]]:
    """Every font file of every PDF, with the index of the font in a collection."""
    files = [(name, 0) for name in MAIN_FONTS] + list(FALLBACK_FONTS)
    files += [(font.file, font.number) for pair in SCRIPT_FONTS.values() for font in pair]
    return files + [(name, 0) for name in FANDOL_FONTS]


def locate(names: list[str]) -> dict[str, Path]:
    """Where LuaTeX finds the font files *names* (``kpsewhich``); missing ones are left out."""
    kpsewhich = shutil.which('kpsewhich')
    if kpsewhich is None:
        return {}
    try:
        found = subprocess.run(
            [kpsewhich, *names], capture_output=True, text=True, timeout=30, check=False
        ).stdout.split('\n')
    except (OSError, subprocess.SubprocessError):
        return {}
    paths = [Path(line) for line in found if line]
    return {path.name: path for path in paths}


@functools.cache
def font_cmaps() -> dict[tuple[str, int], frozenset[int]] | None:
    """The code points of each font of :func:`font_files`; None when the fonts are not installed."""
    files = font_files()
    paths = locate(sorted({name for name, _index in files}))
    if len(paths) < len({name for name, _index in files}):
        return None
    cmaps = {}
    for name, index in files:
        path = paths[name]
        font = (
            TTCollection(path, lazy=True).fonts[index] if path.suffix == '.ttc' else TTFont(path, lazy=True)
        )
        cmaps[name, index] = frozenset(font.getBestCmap() or {})
    return cmaps


@functools.cache
def font_characters() -> tuple[frozenset[int], frozenset[int]] | None:
    """The code points some font of the PDFs prints as text, and those only a picture font has;
    None when the fonts are not installed (no TeX: the PDFs cannot be built, nothing is reported)."""
    cmaps = font_cmaps()
    if cmaps is None:
        return None
    text: set[int] = set()
    pictures: set[int] = set()
    for (name, _index), codes in cmaps.items():
        (pictures if name in PICTURE_FONTS else text).update(codes)
    return frozenset(text), frozenset(pictures - text)


@functools.cache
def printable_characters() -> frozenset[int] | None:
    """The code points some font of the PDFs has (as text or as a picture), or None without TeX."""
    found = font_characters()
    return None if found is None else found[0] | found[1]


def needs_glyph(character: str) -> bool:
    """Whether *character* is printed with a glyph: not a space, control, format character or
    variation selector (the shaper handles those without one)."""
    code = ord(character)
    if character.isspace() or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF:
        return False
    return unicodedata.category(character) not in ('Cc', 'Cf', 'Cs', 'Zl', 'Zp', 'Zs')


def pictured(text: str) -> list[int]:
    """The indexes of the characters of *text* that the PDFs print as pictures only."""
    found = font_characters()
    if found is None:
        return []
    return [index for index, character in enumerate(text) if ord(character) in found[1]]


def unprintable(text: str) -> list[int]:
    """The indexes of the characters of *text* that no font of the PDFs has (none without TeX)."""
    codes = printable_characters()
    if codes is None:
        return []
    return [
        index
        for index, character in enumerate(text)
        if ord(character) not in codes and needs_glyph(character)
    ]
