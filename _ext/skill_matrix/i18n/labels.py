"""UI labels from the extension's own message catalog (``locale/<lang>/LC_MESSAGES``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from babel.core import UnknownLocaleError
from babel.dates import format_skeleton
from sphinx.locale import get_translation, get_translator

if TYPE_CHECKING:
    import datetime

CATALOG = 'skill_matrix'

_ = get_translation(CATALOG)


def pgettext(context: str, message: str) -> str:
    """*message* translated in *context*, for words whose translation depends on the place."""
    return get_translator(CATALOG).pgettext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return get_translator(CATALOG).ngettext(singular, plural, count)


def level_name(name: str) -> str:
    """The display name of a level in the build language."""
    return _(name)


def format_date(date: datetime.date, language: str) -> str:
    """The date as the language writes it in short form (2/22/2026, 22.2.2026, 2026/2/22)."""
    try:
        return format_skeleton('yMd', date, locale=language.replace('-', '_'))
    except (UnknownLocaleError, ValueError):  # a language Babel does not know
        return date.isoformat()


# Level names are defined in data/levels.yaml; these calls put the usual ones in the catalog.
_LEVEL_NAMES = (_('Junior'), _('Middle'), _('Senior'), _('Lead'), _('Principal'))
