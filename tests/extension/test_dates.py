"""Dates: one way to write them per language, the build date from SOURCE_DATE_EPOCH.

The root ``test-dates`` shows the build date (``|today|``) on its index page and has a skill
last updated on each of the days below. Each language is built as on each day, in HTML and
LaTeX (the real PDFs, compiled, are checked in test_pdf.py), in a time zone 14 hours ahead of
UTC: SOURCE_DATE_EPOCH is a UTC time, so the last second of 2026 is still 31 December.
"""

from __future__ import annotations

import datetime
import re
import time
import types
from typing import TYPE_CHECKING

import pytest
from conftest import copy_root, html, source_date_epoch, sphinx_build, text_of, warnings

from skill_matrix import labels

if TYPE_CHECKING:
    from collections.abc import Callable

    from sphinx.testing.util import SphinxTestApp

LANGUAGES = ('en', 'de', 'zh_CN')

# A one-digit day, a two-digit day with a one-digit month, the last day of a year; as each
# language writes it: the month named in English and Chinese, digits in German, nothing padded.
DAYS = {
    '2026-12-01': {'en': 'Dec 1, 2026', 'de': '1.12.2026', 'zh_CN': '2026年12月1日'},
    '2027-02-14': {'en': 'Feb 14, 2027', 'de': '14.2.2027', 'zh_CN': '2027年2月14日'},
    '2026-12-31': {'en': 'Dec 31, 2026', 'de': '31.12.2026', 'zh_CN': '2026年12月31日'},
}
# The skill of test-dates last updated on each day.
UPDATED = {'2026-12-01': 'first-day', '2027-02-14': 'mid-month', '2026-12-31': 'year-end'}
# When on each day the build runs: midnight, midday, the last second.
BUILT_AT = {'2026-12-01': '00:00:00', '2027-02-14': '12:00:00', '2026-12-31': '23:59:59'}


def set_environment(monkeypatch: pytest.MonkeyPatch, epoch: str | None) -> None:
    """SOURCE_DATE_EPOCH set (in a time zone where it is already tomorrow) or unset."""
    if epoch is None:
        monkeypatch.delenv('SOURCE_DATE_EPOCH', raising=False)
    else:
        monkeypatch.setenv('SOURCE_DATE_EPOCH', epoch)
        monkeypatch.setenv('TZ', 'Pacific/Kiritimati')  # UTC+14
    time.tzset()


@pytest.fixture(scope='session')
def dated(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """``dated('html', 'de', '2026-12-31')``: test-dates built as on that day (``None``: no
    SOURCE_DATE_EPOCH), once per session."""
    cache: dict[tuple[str, str, str | None], SphinxTestApp] = {}

    def build(builder: str, language: str, day: str | None) -> SphinxTestApp:
        if (builder, language, day) not in cache:
            srcdir = copy_root('dates', tmp_path_factory.mktemp(f'dates-{builder}-{language}'))
            epoch = None if day is None else source_date_epoch(f'{day}T{BUILT_AT[day]}')
            with pytest.MonkeyPatch.context() as monkeypatch:
                set_environment(monkeypatch, epoch)
                app = sphinx_build(srcdir, builder, language=language)
            time.tzset()  # back to the machine's time zone
            cache[builder, language, day] = app
        return cache[builder, language, day]

    return build


@pytest.mark.parametrize('day', DAYS)
@pytest.mark.parametrize('language', LANGUAGES)
def test_html_shows_the_build_date_and_each_last_updated(
    dated: Callable[..., SphinxTestApp], language: str, day: str
) -> None:
    app = dated('html', language, day)
    assert warnings(app) == ''
    assert f'Built on {DAYS[day][language]}.' in text_of(html(app, 'index').select_one('main, body'))
    for updated, skill in UPDATED.items():
        assert text_of(html(app, skill).select_one('.skill-updated')) == DAYS[updated][language]


@pytest.mark.parametrize('day', DAYS)
@pytest.mark.parametrize('language', LANGUAGES)
def test_pdf_title_page_shows_the_build_date(
    dated: Callable[..., SphinxTestApp], language: str, day: str
) -> None:
    app = dated('latex', language, day)
    assert warnings(app) == ''
    tex = next(app.outdir.glob('*.tex')).read_text(encoding='utf-8')
    assert re.findall(r'^\\date\{(.*)\}$', tex, re.M) == [DAYS[day][language]]


def test_without_source_date_epoch_the_build_date_is_today(
    dated: Callable[..., SphinxTestApp], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Today where the build runs: the clock is set to a day no other build uses."""

    class FixedDate(datetime.date):
        @classmethod
        def today(cls) -> FixedDate:
            return cls(2031, 7, 4)

    clock = types.SimpleNamespace(date=FixedDate, datetime=datetime.datetime, UTC=datetime.UTC)
    monkeypatch.setattr(labels, 'datetime', clock)
    app = dated('html', 'en', None)
    assert 'Built on Jul 4, 2031.' in text_of(html(app, 'index').select_one('main, body'))
