"""The data format in the contributor guide is generated from the JSON Schemas."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import pytest
from conftest import REPO, html, text_of, warnings

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from sphinx.testing.util import SphinxTestApp

SCHEMAS = REPO / '_ext' / 'skill_matrix' / 'schemas'


def descriptions(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == 'description' and isinstance(value, str):
                yield value
            else:
                yield from descriptions(value)
    elif isinstance(node, list):
        for item in node:
            yield from descriptions(item)


@pytest.fixture
def app(build: Callable[..., SphinxTestApp]) -> SphinxTestApp:
    return build('schema')


@pytest.mark.parametrize('name', ['skill', 'roles', 'levels', 'domains'])
def test_every_field_and_description_of_the_schema_is_shown(app: SphinxTestApp, name: str) -> None:
    schema = json.loads((SCHEMAS / f'{name}.schema.json').read_text())
    tables = html(app, 'index').select('table.skill-schema')
    shown = text_of(tables[['skill', 'roles', 'levels', 'domains'].index(name)])
    for description in descriptions(schema):
        if description != schema['description']:  # the schema's own summary is not a field
            assert ' '.join(description.split()) in shown


def test_required_fields_are_marked(app: SphinxTestApp) -> None:
    schema = json.loads((SCHEMAS / 'skill.schema.json').read_text())
    rows = html(app, 'index').select('table.skill-schema')[0].select('tr.skill-schema-field')
    marks = {text_of(row.td): text_of(row.select('td')[2]) for row in rows}
    for field in schema['properties']:
        assert marks[field] == ('required' if field in schema['required'] else 'optional')


def test_unknown_schema_is_an_error_at_its_line(app: SphinxTestApp) -> None:
    assert (
        "bad.rst:4: ERROR: unknown schema 'skil' (known: skill, roles, levels, domains); "
        "did you mean 'skill'?" in warnings(app)
    )
