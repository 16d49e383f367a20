"""The catalog in HTML: the breadcrumb landmark and the start page's search form."""

from __future__ import annotations

from typing import TYPE_CHECKING

from skill_matrix.labels import _, pgettext

if TYPE_CHECKING:
    from sphinx.writers.html5 import HTML5Translator

    from skill_matrix.nodes.catalog import skill_breadcrumb, skill_search


def visit_breadcrumb(translator: HTML5Translator, node: skill_breadcrumb) -> None:
    label = translator.encode(_('Breadcrumb'))
    translator.body.append(
        translator.starttag(node, 'nav', '').replace('<nav', f'<nav aria-label="{label}"', 1)
    )


def depart_breadcrumb(translator: HTML5Translator, node: skill_breadcrumb) -> None:
    translator.body.append('</nav>\n')


def visit_search(translator: HTML5Translator, node: skill_search) -> None:
    """A GET form to the site's search page, as the theme's sidebar search box sends it."""
    action = translator.builder.get_relative_uri(translator.builder.current_docname, 'search')
    field = translator.encode(_('Search the skills'))
    button = translator.encode(pgettext('button', 'Search'))
    translator.body.append(
        translator.starttag(node, 'form', '', action=action, method='get', role='search')
        + f'<input type="search" name="q" aria-label="{field}" placeholder="{field}">'
        + f'<button type="submit">{button}</button>'
    )


def depart_search(translator: HTML5Translator, node: skill_search) -> None:
    translator.body.append('</form>\n')
