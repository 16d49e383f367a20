"""UI labels from the extension's own message catalog (``locale/<lang>/LC_MESSAGES``), and dates
written the way the build language writes them."""

from __future__ import annotations

import datetime
import os

from babel.core import UnknownLocaleError
from babel.dates import format_skeleton
from sphinx.locale import get_translation, get_translator

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


# Languages that write a date in digits: unambiguous there (1.12.2026). The others name the
# month, so that no reader takes 12/1/2026 for the 12th of January (Dec 1, 2026; 2026年12月1日).
NUMERIC_DATE_LANGUAGES = frozenset({'de'})


def format_date(date: datetime.date, language: str) -> str:
    """The date as the language writes it, without a zero-padded day or month.

    The one way a date is written wherever one is shown: a skill's "Last updated" and the
    build date on the PDF's title page.
    """
    locale = language.replace('-', '_')
    skeleton = 'yMd' if locale.split('_')[0] in NUMERIC_DATE_LANGUAGES else 'yMMMd'
    try:
        return format_skeleton(skeleton, date, locale=locale)
    except (UnknownLocaleError, ValueError):  # a language Babel does not know
        return date.isoformat()


def build_date() -> datetime.date:
    """The day of this build: ``SOURCE_DATE_EPOCH`` (read in UTC, as Sphinx does) when set, else today.

    See https://reproducible-builds.org/specs/source-date-epoch/.
    """
    if epoch := os.environ.get('SOURCE_DATE_EPOCH'):
        return datetime.datetime.fromtimestamp(float(epoch), tz=datetime.UTC).date()
    return datetime.date.today()


# Level names are defined in data/levels.yaml; these calls put the usual ones in the catalog.
_LEVEL_NAMES = (_('Junior'), _('Middle'), _('Senior'), _('Lead'), _('Principal'))
