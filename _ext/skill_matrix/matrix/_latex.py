"""LaTeX (PDF) output: table columns that fit the page, fixed texts in the build language.

The doctree stays the one the HTML builder gets; only the LaTeX builder sees these changes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.locale import _ as sphinx_
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.texescape import escape

from skill_matrix.labels import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# In the PDF no column is narrower than this share of the table, so that a one-word header
# ("Required", "Optional") fits without being hyphenated; wider columns give up the difference.
MIN_SHARE = 0.12
# Columns narrower than this share (role, level, flag, counts) are set ragged-right, so that
# names wrap between words instead of being stretched or hyphenated to fill the line.
RAGGED_BELOW = 1 / 3


class LaTeXColumns(SphinxPostTransform):
    """Fit each skill table's columns to the page.

    Sphinx justifies every cell; in a narrow column that stretches or hyphenates a role name.
    Narrow columns are set ragged-right (a ``\\raggedright`` inside each cell: Sphinx wraps
    cell contents in ``varwidth``, which resets a column-wide setting), and a
    ``tabular_col_spec`` widens the narrowest columns just enough for their headers.
    """

    default_priority = 400
    formats = ('latex',)

    def run(self, **kwargs: Any) -> None:
        for table in list(self.document.findall(nodes.table)):
            if not {'skill-table', 'skill-overview'} & set(table['classes']):
                continue
            shares = pdf_shares([colspec['colwidth'] for colspec in table.findall(nodes.colspec)])
            for row in table.findall(nodes.row):
                for entry, share in zip(row.children, shares, strict=True):
                    if share < RAGGED_BELOW and isinstance(entry, nodes.entry):
                        entry.insert(0, nodes.raw('', r'\raggedright', format='latex'))
            spec = ''.join(rf'\X{{{round(share * 1000)}}}{{1000}}' for share in shares)
            # The spec replaces the widths: without the class Sphinx does not report both.
            table['classes'].remove('colwidths-given')
            table.parent.insert(table.parent.index(table), addnodes.tabular_col_spec(spec=spec))


class LaTeXMatrixTargets(SphinxPostTransform):
    """Make each matrix a link target in LaTeX, which ignores a container's ids."""

    default_priority = 400
    formats = ('latex',)

    def run(self, **kwargs: Any) -> None:
        for matrix in self.document.findall(nodes.container):
            if 'skill-matrix' in matrix['classes'] and matrix['ids']:
                matrix.insert(0, nodes.target('', '', ids=list(matrix['ids'])))


def pdf_shares(widths: list[int]) -> list[float]:
    """Each column's share of the table: as *widths* give it, but at least :data:`MIN_SHARE`."""
    total = sum(widths)
    narrow = [width / total < MIN_SHARE for width in widths]
    rest = sum(width for width, is_narrow in zip(widths, narrow, strict=True) if not is_narrow)
    if not rest or MIN_SHARE * len(widths) >= 1:
        return [1 / len(widths)] * len(widths)
    scale = (1 - MIN_SHARE * sum(narrow)) / rest
    return [
        MIN_SHARE if is_narrow else width * scale for width, is_narrow in zip(widths, narrow, strict=True)
    ]


def localize_fixed_texts(app: Sphinx) -> None:
    """Title the contents and the version in the build language.

    Sphinx titles the contents with the root toctree's caption ("Skills") and labels the
    version "Release", which its German catalog leaves in English.
    """
    if app.builder.format != 'latex':
        return
    context: dict[str, Any] = app.builder.context  # type: ignore[attr-defined]
    engine = app.config.latex_engine
    context['releasename'] = _('Version')  # the template escapes it
    contents = escape(sphinx_('Table of Contents'), engine)
    context['preamble'] += (
        '\n% skill_matrix: the contents titled in the build language\n'
        rf'\AtBeginDocument{{\renewcommand{{\contentsname}}{{{contents}}}}}' + '\n'
    )
