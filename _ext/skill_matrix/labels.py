"""UI labels from the extension's own message catalog (``locale/<lang>/LC_MESSAGES``), the
catalog itself, and dates written the way the build language writes them."""

from __future__ import annotations

import datetime
import os
from pathlib import Path
from typing import TYPE_CHECKING

from babel.core import UnknownLocaleError
from babel.dates import format_skeleton
from sphinx.locale import get_translation, get_translator
from sphinx.util import logging
from sphinx.util.i18n import CatalogInfo

from skill_matrix.warning_types import CATALOG_ERROR, WARNING_TYPE

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

CATALOG = 'skill_matrix'
LOCALE_DIR = Path(__file__).parent / 'locale'

_ = get_translation(CATALOG)


def pgettext(context: str, message: str) -> str:
    """*message* translated in *context*, for words whose translation depends on the place."""
    return get_translator(CATALOG).pgettext(context, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return get_translator(CATALOG).ngettext(singular, plural, count)


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


def set_today(app: Sphinx, config: Config) -> None:
    """Write the build date (``|today|``, the PDF's title page) the way the pages write dates.

    Sphinx's default format pads the day ("Dec 01, 2026"). A ``today`` or ``today_fmt`` set in
    ``conf.py`` wins. Like any change of ``today``, a new day makes the next incremental build
    read every page again.
    """
    if not config.today and not config.today_fmt:
        config.today = format_date(build_date(), config.language)


def compile_catalogs(locale_dir: Path = LOCALE_DIR) -> None:
    """Compile the extension's .po files to .mo when missing or older (Sphinx never does)."""
    for po_file in locale_dir.glob(f'*/LC_MESSAGES/{CATALOG}.po'):
        catalog = CatalogInfo(str(po_file.parent), CATALOG, 'utf-8')
        if catalog.is_outdated():
            try:
                catalog.write_mo(po_file.parent.parent.name)
            except OSError as error:
                logger.warning(f'cannot compile {po_file}: {error}', type=WARNING_TYPE, subtype=CATALOG_ERROR)
