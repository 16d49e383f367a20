"""The site's languages: ``languages.yaml`` at the project's root, the one list that conf.py,
the Makefile, the landing page and ``make intl-check`` read, and the commands that add or
remove a language (``python -m skill_matrix.data.languages add|remove|landing``, run by
``make add-language``, ``make remove-language`` and ``make html``).

Behind this face: ``_edit.py`` (what adding and removing a language change: the catalogs, the
list, the CI matrices) and ``_cli.py`` (the command).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from pathlib import Path

LANGUAGES_FILE = 'languages.yaml'
CODE = re.compile(r'[a-z]{2,3}(_[A-Z]{2}|_[A-Z][a-z]{3})?')
"""A language code as Sphinx takes it: ``fr``, ``zh_CN``, ``sr_Latn``."""


class LanguagesError(Exception):
    """``languages.yaml`` cannot be read, or a command cannot do what it was asked."""


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str
    name: str
    threshold: float | None
    """The percentage below which ``make intl-check`` fails; None for the source language."""
    babel_ini: bool = False
    """The PDF loads the language from babel's locale file, not a TeX Live language package."""

    @property
    def tag(self) -> str:
        """The code as HTML's ``lang`` takes it (BCP 47): ``zh-CN``."""
        return self.code.replace('_', '-')


def read_languages(project: Path) -> list[Language]:
    """The languages of the project at *project*, the source language first."""
    path = project / LANGUAGES_FILE
    try:
        entries = yaml.safe_load(path.read_text(encoding='utf-8'))
    except (OSError, yaml.YAMLError) as error:
        raise LanguagesError(f'{path}: cannot read the list of languages: {error}') from None
    if not isinstance(entries, dict) or not entries:
        raise LanguagesError(f'{path}: expected a mapping of language codes, e.g. "en: {{name: English}}"')
    languages = []
    for position, (code, entry) in enumerate(entries.items()):
        if not isinstance(code, str) or not CODE.fullmatch(code):
            raise LanguagesError(f'{path}: {code!r} is not a language code such as fr or zh_CN')
        if not isinstance(entry, dict) or not isinstance(entry.get('name'), str) or not entry['name'].strip():
            raise LanguagesError(f'{path}: {code}: needs a name, e.g. "{code}: {{name: ...}}"')
        threshold = entry.get('threshold')
        if position == 0 and threshold is not None:
            raise LanguagesError(f'{path}: {code}: the first language is the source: it has no threshold')
        if position > 0 and (
            isinstance(threshold, bool)
            or not isinstance(threshold, (int, float))
            or not 0 <= threshold <= 100
        ):
            raise LanguagesError(f'{path}: {code}: threshold must be a percentage from 0 to 100')
        languages.append(Language(code, entry['name'], threshold, entry.get('babel_ini') is True))
    return languages
