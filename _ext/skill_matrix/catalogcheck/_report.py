"""Each ``.po`` file measured against its template: counts, and every problem with file and line."""

from __future__ import annotations

import difflib
import math
import os
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po

from skill_matrix.catalogcheck._text import character_findings, is_data_text, markup_problem, msgstr_line

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from pathlib import Path

    from babel.messages.catalog import Catalog, Message

_PLACEHOLDER = re.compile(r'\{[^{}]*\}')
_Key = tuple[str | None, str]  # (msgctxt, msgid)


@dataclass
class CatalogReport:
    """One language's ``.po`` file measured against its template."""

    po_file: Path
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    obsolete: int = 0
    problems: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    """The problems that are only missing translations (fuzzy or untranslated entries)."""
    warnings: list[str] = field(default_factory=list)
    """What is reported without failing the check (an invisible character that may be meant)."""

    @property
    def percent(self) -> float:
        """Rounded down to a tenth, so that 100.0 means every message."""
        return math.floor(1000 * self.translated / self.total) / 10 if self.total else 100.0


def _key(message: Message) -> _Key:
    return (message.context, _text(message.id))


def _text(value: str | tuple[str, ...] | list[str] | None) -> str:
    if isinstance(value, (tuple, list)):
        return value[0]
    return value or ''


def _strings(message: Message) -> list[str]:
    value = message.string
    return list(value) if isinstance(value, (tuple, list)) else [value or '']


def _quote(message: Message) -> str:
    context = f'[{message.context}] ' if message.context else ''
    return f'{context}"{_text(message.id)}"'


def _short(message: Message) -> str:
    """:func:`_quote` of the message's first line, for a text of several lines."""
    text = _text(message.id)
    first = text.split('\n', 1)[0]
    context = f'[{message.context}] ' if message.context else ''
    return f'{context}"{first}{" …" if first != text else ""}"'


def _read(path: Path) -> Catalog:
    with path.open('rb') as po:
        return read_po(po)


def _messages(catalog: Catalog) -> dict[_Key, Message]:
    return {_key(message): message for message in catalog if message.id}


def _sources(message: Message, template: Path) -> str:
    """Where the sources hold *message*, relative to the working directory."""
    places = [
        f'{os.path.relpath(template.parent / path)}:{line}'
        if line
        else os.path.relpath(template.parent / path)
        for path, line in message.locations
    ]
    return f' (in {", ".join(places)})' if places else ''


def compare(template_file: Path, po_file: Path) -> CatalogReport:
    """Measure *po_file* against *template_file* and list what is out of date."""
    report = CatalogReport(po_file)
    expected = _messages(_read(template_file))
    report.total = len(expected)
    if not po_file.is_file():
        report.untranslated = report.total
        report.problems.append(f'{po_file}: missing: run make intl-update to create it')
        return report
    catalog = _read(po_file)
    lines = po_file.read_text(encoding='utf-8-sig').split('\n')  # not splitlines: U+2028 is no line end
    present = _messages(catalog)
    stale = {key: message for key, message in present.items() if key not in expected}
    for key, wanted in expected.items():
        message = present.get(key)
        if message is None:
            report.untranslated += 1
            report.problems.append(
                f'{po_file}: no entry for the English text {_quote(wanted)}'
                f'{_sources(wanted, template_file)}: run make intl-update and translate it'
                f'{_earlier_version(wanted, stale.values())}'
            )
        elif message.fuzzy:
            report.fuzzy += 1
            report.gaps.append(
                f'{po_file}:{message.lineno}: fuzzy: {_quote(message)}{_sources(wanted, template_file)}: '
                'check the translation against the English, then remove the fuzzy flag'
            )
            report.problems.append(report.gaps[-1])
        elif not all(_strings(message)):
            report.untranslated += 1
            report.gaps.append(
                f'{po_file}:{message.lineno}: untranslated: {_quote(message)}'
                f'{_sources(wanted, template_file)}'
            )
            report.problems.append(report.gaps[-1])
        else:
            report.translated += 1
            report.problems.extend(_placeholder_problems(po_file, message))
            if is_data_text(wanted) and (problem := markup_problem(_text(message.id), _strings(message))):
                line = msgstr_line(lines, message.lineno or 1)
                report.problems.append(
                    f'{po_file}:{line}: the translation of {_short(message)}'
                    f'{_sources(wanted, template_file)} breaks its Markdown: {problem}; the pages show '
                    'the English text until the translation keeps the paragraphs, list items and links'
                )
    for message in stale.values():
        report.problems.append(
            f'{po_file}:{message.lineno}: the sources no longer contain {_quote(message)}: '
            'run make intl-update'
        )
    for severity, finding in character_findings(po_file, lines):
        (report.problems if severity == 'error' else report.warnings).append(finding)
    report.obsolete = len(catalog.obsolete)
    for message in catalog.obsolete.values():
        report.problems.append(
            f'{po_file}:{message.lineno}: obsolete entry {_quote(message)} (its English text is gone): '
            'reuse its translation for the new text, then delete it'
        )
    return report


def problems_above(report: CatalogReport, threshold: float) -> list[str]:
    """The problems of *report* for a language whose catalogs need *threshold* % translated:
    at or above it, missing translations are no problem; what is out of date always is."""
    if report.percent >= threshold:
        return [problem for problem in report.problems if problem not in report.gaps]
    if threshold >= 100:
        return report.problems
    return [
        f'{report.po_file}: {report.percent:.1f} % translated, below the threshold of {threshold:g} %',
        *report.problems,
    ]


def _earlier_version(message: Message, candidates: Iterable[Message]) -> str:
    """A hint at the entry that most likely held this text before it changed."""
    texts = {_text(candidate.id): candidate for candidate in candidates}
    close = difflib.get_close_matches(_text(message.id), list(texts), n=1, cutoff=0.6)
    if not close:
        return ''
    return f'; it looks like a changed version of the entry at line {texts[close[0]].lineno}'


def _placeholder_problems(po_file: Path, message: Message) -> Iterator[str]:
    wanted = sorted(_PLACEHOLDER.findall(_text(message.id)))
    if not wanted or 'python-brace-format' not in message.flags:
        return
    for string in _strings(message):
        if sorted(set(_PLACEHOLDER.findall(string))) != sorted(set(wanted)):
            yield (
                f'{po_file}:{message.lineno}: the translation of {_quote(message)} must keep the '
                f'placeholders {", ".join(sorted(set(wanted)))}: "{string}"'
            )


def reports(catalogs: Sequence[tuple[Path, Path]], languages: Sequence[str]) -> list[CatalogReport]:
    """One report per language and catalog, in that order."""
    return [
        compare(template, locale_dir / language / 'LC_MESSAGES' / f'{template.stem}.po')
        for language in languages
        for template, locale_dir in catalogs
    ]


def format_stats(results: Sequence[CatalogReport]) -> str:
    width = max([len(str(result.po_file)) for result in results] + [len('catalog')])
    header = f'{"catalog":<{width}}  translated  fuzzy  untranslated  obsolete       %'
    lines = [header, '-' * len(header)]
    for result in results:
        lines.append(
            f'{result.po_file!s:<{width}}  {result.translated:>10}  {result.fuzzy:>5}  '
            f'{result.untranslated:>12}  {result.obsolete:>8}  {result.percent:>5.1f} %'
        )
    return '\n'.join(lines)
