"""Links from the HTML to the PDF of the same language: in the sidebar and on the start page.

``skill_matrix_pdf`` (``conf.py``) is where each language's PDF lies, relative to that language's
HTML root, with ``{language}`` for the language: ``'../pdf/skill-profiles-{language}.pdf'`` in the
folder that ``make site`` assembles (``_build/site/<language>/`` and ``_build/site/pdf/``).
Unset, no page links a PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from skill_matrix.html import add_templates
from skill_matrix.labels import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import OptionSpec


class PdfLink(NamedTuple):
    url: str
    label: str


def pdf_path(app_language: str | None, pattern: str) -> str:
    return pattern.format(language=app_language or 'en')


def link_label() -> str:
    return _('Download this site as a PDF')


def add_pdf_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """``skill_pdf`` for the sidebar template ``skill_matrix/pdf.html``."""
    pattern: str | None = app.config.skill_matrix_pdf
    if pattern:
        target = pdf_path(app.config.language, pattern)
        context['skill_pdf'] = PdfLink(
            relative_uri(app.builder.get_target_uri(pagename), target), link_label()
        )


class SkillPdfLinkDirective(SphinxDirective):
    """``.. skill-pdf-link::``: a paragraph linking this language's PDF (put it in ``.. only:: html``)."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        pattern: str | None = self.config.skill_matrix_pdf
        if not pattern:
            return []
        url = '../' * self.env.docname.count('/') + pdf_path(self.config.language, pattern)
        text = link_label()
        reference = nodes.reference(text, text, refuri=url, classes=['skill-pdf-link'])
        paragraph = nodes.paragraph('', '', reference, classes=['skill-pdf'], translatable=False)
        self.set_source_info(paragraph)
        return [paragraph]


def setup_pdf_link(app: Sphinx) -> None:
    """Register ``skill_matrix_pdf``, the directive and the sidebar template's context."""
    app.add_config_value('skill_matrix_pdf', None, 'html', types=frozenset({str, type(None)}))
    app.connect('config-inited', add_templates)  # skill_matrix/pdf.html
    app.add_directive('skill-pdf-link', SkillPdfLinkDirective)
    app.connect('html-page-context', add_pdf_context)
