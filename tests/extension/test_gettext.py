"""Every text taken from YAML (level and role names too) reaches the .pot with its YAML location;
UI labels do not."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from babel.messages.pofile import read_po
from conftest import ROOTS, read_yaml

if TYPE_CHECKING:
    from collections.abc import Callable

    from babel.messages.catalog import Catalog
    from sphinx.testing.util import SphinxTestApp

DATA = ROOTS / 'test-basic' / 'data'


def catalog(build: Callable[..., SphinxTestApp]) -> Catalog:
    app = build('basic', 'gettext', gettext_compact='site')
    with (app.outdir / 'site.pot').open('rb') as pot:
        return read_po(pot)


def yaml_texts() -> list[tuple[str, str, str]]:
    """(file name, key, text) of every text a reader sees, read straight from the test data."""
    texts = [
        (file_name, 'name', item['name'])
        for file_name, kind in (('roles.yaml', 'roles'), ('levels.yaml', 'levels'))
        for item in read_yaml(DATA / file_name)[kind]
    ]
    for path in sorted((DATA / 'skills').glob('*.yaml')):
        skill = read_yaml(path)
        texts += [
            (path.name, key, skill[key]) for key in ('title', 'summary', 'domain', 'group') if key in skill
        ]
        texts += [
            (path.name, 'description', cell['description'])
            for levels in skill['roles'].values()
            for cell in levels.values()
        ]
    return texts


def test_every_yaml_text_is_extracted_at_its_yaml_line(build: Callable[..., SphinxTestApp]) -> None:
    messages = catalog(build)
    for file_name, key, text in yaml_texts():
        message = messages.get(' '.join(text.split()))
        assert message is not None, f'not extracted: {text!r}'
        yaml_locations = [
            (path, line)
            for path, line in message.locations
            if path.endswith(f'data/{file_name}') or path.endswith(f'data/skills/{file_name}')
        ]
        assert yaml_locations, f'{text!r} has no location in {file_name}: {message.locations}'
        folder = '' if file_name in {'roles.yaml', 'levels.yaml'} else 'skills'
        source = (DATA / folder / file_name).read_text().splitlines()
        for _path, line in yaml_locations:
            assert re.match(rf'\s*(- )?{key}:', source[line - 1]), (text, line, source[line - 1])


def test_ui_labels_are_not_in_the_page_catalog(build: Callable[..., SphinxTestApp]) -> None:
    ids = {message.id for message in catalog(build) if message.id}
    for ui_label in (
        'Role',
        'Required',
        'Optional',
        'Description',
        'Mandatory requirements',
        'Domain',
    ):
        assert ui_label not in ids
    assert not any('where this skill appears' in str(message_id) for message_id in ids)
