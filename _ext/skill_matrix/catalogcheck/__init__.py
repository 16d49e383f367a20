"""Translation statistics and the stale-catalog check, run by ``make intl-stats`` and ``make intl-check``.

Each catalog is given as ``TEMPLATE=LOCALE_DIR``: a freshly extracted ``.pot`` (what the
sources say today) and the folder holding ``<language>/LC_MESSAGES/<template name>.po``.
The check fails, naming the file and the text, when a ``.po`` file

- lacks a message of the template (an English text was added or changed and the catalog
  was not updated, or was updated and the new text not translated),
- has a fuzzy or untranslated entry, or a translation that drops a ``{placeholder}``,
- has an entry for a text the sources no longer contain, or an obsolete (``#~``) entry,
- has a translation of a rich description of the data (Markdown) with other paragraphs, list
  items or link targets than the English, or with markup the subset refuses (raw HTML …),
- has a dangerous character in a translation (a control character, a bidirectional override:
  the errors of ``make check-data``), at its line and column; the invisible characters that
  check-data only warns about (a zero-width space) are warnings here too.

Usage::

    python -m skill_matrix.catalogcheck stats -l de -l zh_CN _build/gettext/site.pot=locale
    python -m skill_matrix.catalogcheck check -l de -l zh_CN _build/gettext/site.pot=locale

No Sphinx here: Babel reads the catalogs. Behind this face: ``_report.py`` (the measurement)
with ``_text.py`` (what a translation's text may not hold), and ``_cli.py`` (the command;
``__main__.py`` runs it).
"""

from __future__ import annotations

from skill_matrix.catalogcheck._cli import main
from skill_matrix.catalogcheck._report import CatalogReport, compare, format_stats, reports

__all__ = ['CatalogReport', 'compare', 'format_stats', 'main', 'reports']
