"""PDFs in any script: LuaLaTeX with babel and a chain of fallback fonts (``_latex.py``).

With ``latex_engine = 'lualatex'`` (the site's ``conf.py``) every PDF prints Latin, Greek,
Cyrillic, Hebrew and Arabic (right to left), CJK, symbols and monochrome emoji with the fonts
that ``tools/install-system-packages.sh`` installs; a character no font has is named at its
place in the data files and shown as ``[U+XXXX]``. Each PDF loads only the locales and fallback
fonts its characters need (``_latex.py``). Which characters the fonts have is read by
:mod:`skill_matrix.data.fonts`, which ``make check-data`` uses too.

Besides the book, the LaTeX build writes a PDF per domain and, in a review cycle, one with only
what changed (``_directives.py``; the names in :mod:`skill_matrix.data.pdfs`), which shows of each
changed skill only the tables that hold a change (``_latex.py``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill_matrix.pdf._directives import SkillPdfPartDirective, add_pdf_parts, restore_patterns
from skill_matrix.pdf._latex import (
    ChangedTablesOnly,
    LaTeXUnprintable,
    add_lualatex_preamble,
    fit_fonts,
    latexmk_passes,
    report_unprintable,
    unicode_elements,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def setup_pdf(app: Sphinx) -> None:
    """Register the LaTeX preamble for any script, the stand-ins for unprintable characters and the
    PDFs besides the book."""
    app.add_config_value('skill_matrix_babel_ini', [], 'env', types=frozenset({list}))
    # The folder of the parts' start pages ('' for none); 'changes' builds only the changes' PDF.
    app.add_config_value('skill_matrix_pdf_parts', '', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_pdf_only', '', 'env', types=frozenset({str}))
    app.add_config_value('skill_matrix_changes_page', 'changes', 'env', types=frozenset({str}))
    app.add_directive('skill-pdf-part', SkillPdfPartDirective)
    app.connect('builder-inited', add_pdf_parts)  # after the review is resolved (setup_review)
    app.connect('env-get-outdated', restore_patterns)
    app.add_post_transform(ChangedTablesOnly)
    app.add_post_transform(LaTeXUnprintable)
    app.connect('config-inited', unicode_elements)
    app.connect('builder-inited', add_lualatex_preamble)
    app.connect('builder-inited', report_unprintable)
    app.connect('build-finished', fit_fonts)  # each PDF loads the fonts its text needs
    app.connect('build-finished', latexmk_passes)
