"""Links from the HTML to the PDFs of the same language: in the sidebar, on the start page and
on the page of the PDFs.

``skill_matrix_pdf`` (``conf.py``) is where each language's PDF lies, relative to that language's
HTML root, with ``{language}`` for the language: ``'../pdf/skill-profiles-{language}.pdf'`` in the
folder that ``make site`` assembles (``_build/site/<language>/`` and ``_build/site/pdf/``).
Unset, no page links a PDF. The PDFs besides the book lie beside it
(``skill-profiles-<language>-<part>.pdf``, :mod:`skill_matrix.data.pdfs`); ``.. skill-pdf-list::``
lists them all on the page that ``skill_matrix_pdf_page`` names, which the sidebar links too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from skill_matrix.data.domains import DOMAINS_FILE, load_catalog
from skill_matrix.data.pdfs import CHANGES_PART, part_file, pdf_parts
from skill_matrix.directives import SkillDataDirective
from skill_matrix.html import add_templates
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.text import label, make_text, skill_name
from skill_matrix.state import REVIEW_SUMMARY, BuildState

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


def pdfs_page_label() -> str:
    return _('PDFs per domain and for review')


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
        page = app.config.skill_matrix_pdf_page
        if page and page in app.env.found_docs and page != pagename:
            uri = app.builder.get_relative_uri(pagename, page)
            context['skill_pdfs_page'] = PdfLink(uri, pdfs_page_label())


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


class SkillPdfListDirective(SkillDataDirective):
    """``.. skill-pdf-list::``: the page of the PDFs in this language, with its title: the whole
    book, with a review baseline the PDF of only the changes, and a PDF per domain."""

    has_content = False
    option_spec: ClassVar[OptionSpec] = {}

    def run(self) -> list[nodes.Node]:
        pattern: str | None = self.config.skill_matrix_pdf
        if not pattern or self.definitions() is None:
            return []
        self.domain.note_overview(self.env.docname)  # read again when skills or the changes differ
        if (listing := self.data_dir / DOMAINS_FILE).is_file():
            self.env.note_dependency(listing)
        catalog = load_catalog(self.data_dir, BuildState(self.env).store.load)[0]
        for skill in (skill for domain in catalog.domains for skill in domain.skills):
            self.env.note_dependency(skill.path)  # a skill that moves to another domain
        summary = BuildState(self.env).get(REVIEW_SUMMARY)
        book = '../' * self.env.docname.count('/') + pdf_path(self.config.language, pattern)
        section = self.section(label(_('PDFs'), nodes.title), 'pdfs', ['skill-pdfs'])
        section += label(
            _(
                'Every skill in one PDF, a PDF per domain and, in a review cycle, one with only what '
                'changed: each as the site shows it, in this language.'
            )
        )
        whole = nodes.bullet_list(classes=['skill-pdf-list'])
        whole += _item(book, label(_('All skills'), nodes.inline))
        if summary is not None:
            text = _('Only the changes since {baseline}').format(baseline=summary.baseline)
            whole += _item(part_file(book, CHANGES_PART), label(text, nodes.inline))
        section += whole
        domains = nodes.bullet_list(classes=['skill-pdf-list'])
        for part in pdf_parts(catalog, changes=False):
            domain = catalog.domain(part.domain or '')
            if domain is not None:
                domains += _item(part_file(book, part.name), make_text(domain.name, skill_name))
        if domains.children:
            title = label(pgettext('heading', 'Domains'), nodes.title)
            section += nodes.section('', title, domains, ids=['pdf-domains'], names=['pdf-domains'])
        return [section]


def _item(url: str, text: nodes.Element) -> nodes.list_item:
    reference = nodes.reference('', '', text, refuri=url, classes=['skill-pdf-file'])
    return nodes.list_item('', nodes.paragraph('', '', reference, translatable=False))


def setup_pdf_link(app: Sphinx) -> None:
    """Register ``skill_matrix_pdf``, the directives and the sidebar template's context."""
    app.add_config_value('skill_matrix_pdf', None, 'html', types=frozenset({str, type(None)}))
    # The page of the PDFs (.. skill-pdf-list::), linked from the sidebar: a docname, or ''.
    app.add_config_value('skill_matrix_pdf_page', '', 'env', types=frozenset({str}))
    app.connect('config-inited', add_templates)  # skill_matrix/pdf.html
    app.add_directive('skill-pdf-link', SkillPdfLinkDirective)
    app.add_directive('skill-pdf-list', SkillPdfListDirective)
    app.connect('html-page-context', add_pdf_context)
