"""Review cycles in HTML: ``<del>``/``<ins>`` with words for screen readers, change markers that
link to the changes page, and the baseline in every page's footer (``page.html`` in
:data:`skill_matrix.html.TEMPLATES_DIR`).

Without a baseline no page gets any of this: no stylesheet, no script, no footer line.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes

from skill_matrix.labels import _
from skill_matrix.nodes.changes import CHANGES_TARGET
from skill_matrix.nodes.rows import data_rows, skill_rows
from skill_matrix.review._state import review_of

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.writers.html5 import HTML5Translator

    from skill_matrix.nodes.changes import skill_change_marker, skill_deleted, skill_inserted
    from skill_matrix.review._state import Review

STYLESHEET = 'skill_review.css'
SCRIPT = 'skill_review.js'


class ReviewFooter(NamedTuple):
    text: str
    """``Changes since review/2026-h1 (30.6.2026)``."""
    url: str | None
    """The changes page, relative to this page (``None`` when the project has none)."""
    toggle: str | None
    """The label of the button that hides or shows the markers, on pages that have markers."""


def visit_deleted(translator: HTML5Translator, node: skill_deleted) -> None:
    translator.body.append(
        f'<del class="skill-del"><span class="skill-visually-hidden">{escape(node["announce"])} </span>'
    )


def depart_deleted(translator: HTML5Translator, node: skill_deleted) -> None:
    translator.body.append('</del>')


def visit_inserted(translator: HTML5Translator, node: skill_inserted) -> None:
    translator.body.append(
        f'<ins class="skill-ins"><span class="skill-visually-hidden">{escape(node["announce"])} </span>'
    )


def depart_inserted(translator: HTML5Translator, node: skill_inserted) -> None:
    translator.body.append('</ins>')


def visit_line_break(translator: HTML5Translator, node: nodes.Element) -> None:
    translator.body.append('<br />')
    raise nodes.SkipNode


def visit_marker(translator: HTML5Translator, node: skill_change_marker) -> None:
    """A link to the row's entry on the changes page (a plain mark when there is no such page)."""
    page = changes_page_uri(translator.builder, translator.builder.current_docname)
    start, end = marker_tags(page, node['anchor'], node['title'])
    translator.body.append(start)
    translator.context.append(end)


def marker_tags(changes_page: str | None, anchor: str, title: str) -> tuple[str, str]:
    """The start and end tags of a change marker: a link to the changes page's entry *anchor*."""
    if changes_page is None:
        return f'<span class="skill-change-marker" title="{escape(title)}">', '</span>'
    href = escape(f'{changes_page}#{anchor}')
    return f'<a class="skill-change-marker" href="{href}" title="{escape(title)}">', '</a>'


def depart_marker(translator: HTML5Translator, node: skill_change_marker) -> None:
    translator.body.append(translator.context.pop())


def changes_page_uri(builder: Builder, docname: str) -> str | None:
    """The changes page (the ``skill-changes`` directive's) relative to *docname*, or ``None``."""
    std = builder.env.domains.standard_domain
    target = std.labels.get(CHANGES_TARGET)
    if target is None:
        return None
    if target[0] == docname:
        return f'#{CHANGES_TARGET}'
    return builder.get_relative_uri(docname, target[0])


def html_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    review = review_of(app.env)
    if review is not None:
        add_review_context(app, review, pagename, context, doctree)


def add_review_context(
    app: Sphinx, review: Review, pagename: str, context: dict[str, object], doctree: nodes.document | None
) -> None:
    """The footer's line and, where the page has markers, the button and its script."""
    app.add_css_file(STYLESHEET)
    has_markers = doctree is not None and (
        any('skill-changed' in node['classes'] for node in doctree.findall(nodes.Element))
        or any(row.changed for body in doctree.findall(skill_rows) for row in data_rows(body))
    )
    if has_markers:
        app.add_js_file(SCRIPT, loading_method='defer')
    context['skill_review'] = ReviewFooter(
        _('Changes since {baseline}').format(baseline=review.label()),
        changes_page_uri(app.builder, pagename),
        _('Change markers') if has_markers else None,
    )
