"""Review cycles in the PDFs: the title page names the baseline, deletions are struck through in
red and insertions underlined in blue (told apart in greyscale by the line), and each changed
row of a skill table has a change bar in the margin.

The strike-through and the underline are drawn word by word (character by character in
Chinese), each word its own box, so that lines still break between words; this needs no
package beyond what Sphinx loads (ulem and soul are not part of the TeX Live the project
installs). The bars are margin notes (``marginnote``, which works inside tables).
Without a baseline nothing here adds to the LaTeX.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util.texescape import escape

from skill_matrix.data.changes import tokens
from skill_matrix.labels import _
from skill_matrix.review._state import review_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.latex import LaTeXTranslator

PREAMBLE = r"""
% skill_matrix: review draft, deletions struck through, insertions underlined, change bars
\usepackage{marginnote}
\definecolor{skilldel}{RGB}{164,22,26}
\definecolor{skillins}{RGB}{11,79,179}
\newcommand{\skilldel}[1]{{\color{skilldel}\sbox0{#1}\rlap{\rule[0.55ex]{\wd0}{0.7pt}}\usebox0}}
\newcommand{\skillins}[1]{{\color{skillins}\sbox0{#1}\rlap{\rule[-0.35ex]{\wd0}{0.7pt}}\usebox0}}
\newcommand{\skillchangemark}{\marginnote{\textcolor{skillins}{\rule[-1ex]{3pt}{3.2ex}}}}
"""


def visit_deleted(translator: LaTeXTranslator, node: nodes.Element) -> None:
    _redline(translator, node, r'\skilldel')


def visit_inserted(translator: LaTeXTranslator, node: nodes.Element) -> None:
    _redline(translator, node, r'\skillins')


def _redline(translator: LaTeXTranslator, node: nodes.Element, command: str) -> None:
    for token in tokens(node.astext()):
        if token.isspace():
            translator.body.append(' ')
        else:
            translator.body.append(f'{command}{{{translator.encode(token)}}}')
    raise nodes.SkipNode


def visit_line_break(translator: LaTeXTranslator, node: nodes.Element) -> None:
    translator.body.append('\\newline{}')
    raise nodes.SkipNode


def visit_marker(translator: LaTeXTranslator, node: nodes.Element) -> None:
    translator.body.append(r'\skillchangemark{}')
    raise nodes.SkipNode


def add_review_preamble(app: Sphinx) -> None:
    """The commands above, and "Review draft — changes since …" on the title page (``builder-inited``,
    after the review is resolved)."""
    review = review_of(app.env)
    if review is None or app.builder.format != 'latex':
        return
    context: dict[str, Any] = app.builder.context  # type: ignore[attr-defined]
    engine = app.config.latex_engine
    note = escape(_('Review draft — changes since {baseline}').format(baseline=review.label()), engine)
    context['preamble'] += (
        PREAMBLE + r'\setreleaseinfo{\par\vspace{3ex}{\upshape\Large\color{skilldel}' + note + '}}\n'
    )
