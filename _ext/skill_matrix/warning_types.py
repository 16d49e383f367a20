"""The extension's warning type and subtypes, in one place.

Every warning the extension logs has the type ``skill_matrix`` and one of these subtypes, so a
project can silence a kind of warning with ``suppress_warnings = ['skill_matrix.unused']``.
"""

from __future__ import annotations

WARNING_TYPE = 'skill_matrix'

DATA_ERROR = 'data'  # a data file breaks the schema or the cross-checks
UNKNOWN_REFERENCE = 'reference'  # a page names an unknown skill, role or level
UNUSED_SKILL = 'unused'  # a skill file that no page shows
CATALOG_ERROR = 'catalog'  # the extension's own catalog cannot be compiled
DUPLICATE_ANCHOR = 'anchor'  # two elements of a page would get the same link id (a skill shown twice)
DOMAINS = 'domains'  # domains.yaml is broken, or a skill's domain or group looks misspelt
REVIEW = 'review'  # the review baseline cannot be read, or its data is invalid under today's schema
TRANSLATION_MARKUP = 'translation'  # a translation breaks the markup of a rich description
