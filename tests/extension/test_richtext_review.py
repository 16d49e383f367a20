"""A changed rich cell in a review cycle (conftest's ``rich_review_repo``): the changes page
redlines its plain form, a list item per line, without Markdown syntax (the PDF:
tests/pdf/test_richtext_pdf.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bs4 import BeautifulSoup, Tag
from conftest import review_build

if TYPE_CHECKING:
    from pathlib import Path

    import pytest


def shown_lines(paragraph: Tag) -> list[str]:
    """The lines a sighted reader sees in *paragraph* (broken at ``<br>``), without the words
    for screen readers."""
    copy = BeautifulSoup(str(paragraph).replace('<br/>', '\n'), 'html.parser')
    for hidden in copy.select('.skill-visually-hidden'):
        hidden.decompose()
    return [' '.join(line.split()) for line in copy.get_text().split('\n')]


def changes_entry(repo: Path, builddir: Path, language: str) -> Tag:
    """The changes page's entry of the changed rich cell, built in *language*."""
    out = review_build(repo, builddir, language).outdir
    changes = BeautifulSoup((out / 'changes.html').read_text(encoding='utf-8'), 'html.parser')
    entry = changes.find(id='change-craft-junior-backend-engineer')
    assert isinstance(entry, Tag)
    return entry


def words(tags: list[Tag]) -> list[str]:
    return [' '.join(tag.get_text().split()[1:]) for tag in tags]  # without "deleted:" / "inserted:"


def test_a_changed_rich_cell_redlines_a_list_item_per_line(
    rich_review_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    builddir = tmp_path_factory.mktemp('rich-review-html')
    entry = changes_entry(rich_review_repo, builddir, 'en')
    before, now = entry.select('p.skill-change-line')
    assert shown_lines(before) == [
        'Before: 1. Writes well-tested code for small test solutions.',
        '2. Uses tooling such as pytest and linters daily.',
    ]
    assert shown_lines(now) == [
        'Now: 1. Writes well-tested code for small test solutions.',
        '2. Uses tooling such as pytest, ruff and mypy daily.',
        '3. Reviews pull requests within a day.',
    ]
    assert words(before.select('del.skill-del')) == ['linters']
    inserted = ' '.join(words(now.select('ins.skill-ins')))
    assert 'ruff' in inserted
    assert 'mypy' in inserted
    assert 'Reviews pull requests within a day.' in inserted
    for mark in ('*', '`'):
        assert mark not in entry.get_text()
    craft = BeautifulSoup((builddir / 'html' / 'craft.html').read_text(encoding='utf-8'), 'html.parser')
    marker = craft.select_one('tr#craft-junior-backend-engineer a.skill-change-marker')
    assert marker is not None
    assert marker['href'] == 'changes.html#change-craft-junior-backend-engineer'


def test_a_rich_cell_whose_translation_lags_is_redlined_in_english_line_by_line(
    rich_review_repo: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The German catalog translates the cell as reviewed, not as changed: English against English."""
    entry = changes_entry(rich_review_repo, tmp_path_factory.mktemp('rich-review-de'), 'de')
    assert 'Übersetzung ausstehend' in entry.get_text()
    before, now = entry.select('p.skill-change-line')
    assert shown_lines(before)[1:] == ['2. Uses tooling such as pytest and linters daily.']
    assert shown_lines(now)[1:] == [
        '2. Uses tooling such as pytest, ruff and mypy daily.',
        '3. Reviews pull requests within a day.',
    ]
