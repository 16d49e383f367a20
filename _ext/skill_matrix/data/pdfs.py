"""The site's PDFs besides the whole book: one per domain and, in a review cycle, one with only
what changed; their names, the same for the LaTeX build, the Makefile and the links.

A part is named ``domain-<domain id>`` or ``changes``; domain ids are slugs (lower-case ASCII
letters, digits and single hyphens), so no domain's part can be named like the changes' part.
Each language's book is ``skill-profiles-<language>.pdf`` in the published ``pdf/`` folder, a part
``skill-profiles-<language>-<part>.pdf``; the LaTeX build writes ``skill-profiles-<part>.tex``
beside ``skill-profiles.tex``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from skill_matrix.data.domains import Catalog

CHANGES_PART = 'changes'
DOMAIN_PREFIX = 'domain-'

PartKind = Literal['domain', 'changes']


@dataclass(frozen=True)
class PdfPart:
    """A PDF besides the book: the skills of one domain, or only what changed since the baseline."""

    kind: PartKind
    name: str
    """``domain-<domain id>`` or ``changes``: the last part of the PDF's file name."""
    domain: str | None = None
    """The domain's id (``kind == 'domain'``)."""


def pdf_parts(catalog: Catalog, *, changes: bool) -> list[PdfPart]:
    """The changes' part first (with a review baseline), then a part per domain that has skills."""
    parts = [PdfPart('changes', CHANGES_PART)] if changes else []
    parts += [
        PdfPart('domain', f'{DOMAIN_PREFIX}{domain.id}', domain.id)
        for domain in catalog.domains
        if domain.skills
    ]
    return parts


def part_file(book_file: str, part: str) -> str:
    """``skill-profiles-en.pdf`` → ``skill-profiles-en-<part>.pdf`` (any suffix, or none)."""
    stem, dot, suffix = book_file.rpartition('.')
    if not dot or '/' in suffix:
        return f'{book_file}-{part}'
    return f'{stem}-{part}.{suffix}'
