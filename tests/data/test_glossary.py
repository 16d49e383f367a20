"""The translations use the terms of locale/glossary.csv: one German and one Chinese term per English term.

For each catalog entry whose English uses a glossary term, the translation must contain the
term's translation. German words are compared by their Snowball stems, so inflected forms
(neuronale Netze, neuronaler Netze) and compounds (Trainingsinfrastruktur for Infrastruktur)
count; Chinese terms must appear as written.
"""

from __future__ import annotations

import csv
import re
from typing import TYPE_CHECKING

import pytest
import snowballstemmer  # type: ignore[import-untyped]  # a dependency of Sphinx, untyped
from babel.messages.pofile import read_po
from conftest import REPO

if TYPE_CHECKING:
    from pathlib import Path

GLOSSARY = REPO / 'locale' / 'glossary.csv'
CATALOGS = {
    language: [
        REPO / 'locale' / language / 'LC_MESSAGES' / 'skill-profiles.po',
        REPO / '_ext' / 'skill_matrix' / 'locale' / language / 'LC_MESSAGES' / 'skill_matrix.po',
    ]
    for language in ('de', 'zh_CN')
}
GERMAN = snowballstemmer.stemmer('german')


def glossary() -> list[dict[str, str]]:
    with GLOSSARY.open(encoding='utf-8', newline='') as file:
        return list(csv.DictReader(file))


def entries(path: Path) -> list[tuple[str, str]]:
    with path.open('rb') as po:
        return [(str(m.id), str(m.string)) for m in read_po(po) if m.id and isinstance(m.id, str)]


def uses_english(term: str, text: str) -> bool:
    """Whole words; names with capitals match as written, other terms in any case and in the plural."""
    if term != term.lower():
        return re.search(rf'(?<![\w-]){re.escape(term)}(?![\w-])', text) is not None
    return re.search(rf'(?<![\w-]){re.escape(term)}(s|es)?(?![\w-])', text, re.IGNORECASE) is not None


def german_stems(text: str) -> list[str]:
    return [GERMAN.stemWord(word) for word in re.findall(r'[^\W_]+', text.lower())]


def uses_german(term: str, text: str) -> bool:
    """The term's words in order; the first may end a compound (Trainings|infrastruktur)."""
    wanted, words = german_stems(term), german_stems(text)
    for start in range(len(words) - len(wanted) + 1):
        first, *rest = wanted
        if words[start].endswith(first) and words[start + 1 : start + len(wanted)] == rest:
            return True
    return False


def accepted(row: dict[str, str], language: str) -> list[str]:
    value = row[language]
    return [row['en']] if value == '=' else value.split('|')


def test_glossary_is_well_formed() -> None:
    rows = glossary()
    assert rows, 'the glossary is empty'
    english = [row['en'] for row in rows]
    assert len(english) == len(set(english)), 'a term is listed twice'
    for row in rows:
        assert all(row[column] for column in ('en', 'de', 'zh_CN')), row


@pytest.mark.parametrize('language', ['de', 'zh_CN'])
def test_every_glossary_term_is_translated_as_the_glossary_says(language: str) -> None:
    misses = []
    rows = glossary()
    for path in CATALOGS[language]:
        for english, translation in entries(path):
            for row in rows:
                if not uses_english(row['en'], english):
                    continue
                forms = accepted(row, language)
                if language == 'de' and row['de'] != '=':
                    found = any(uses_german(form, translation) for form in forms)
                else:
                    found = any(form in translation for form in forms)
                if not found:
                    misses.append(
                        f'{path.name}: {row["en"]!r} → {" | ".join(forms)!r} missing in {translation!r}'
                    )
    assert not misses, '\n'.join(misses)


def test_terms_cover_the_catalogs() -> None:
    """The glossary is in use: most texts from data/ contain at least one of its terms."""
    rows = glossary()
    with CATALOGS['de'][0].open('rb') as po:
        english = [  # the skills' content: what the terminology is about
            str(m.id) for m in read_po(po) if m.id and any('/data/' in path for path, _line in m.locations)
        ]
    covered = [text for text in english if any(uses_english(row['en'], text) for row in rows)]
    assert len(covered) >= 0.9 * len(english), sorted(set(english) - set(covered))
