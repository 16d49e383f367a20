"""Document a data file's JSON Schema as a table, so the format is never described twice."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes

from skill_matrix.data.loader import SCHEMA_DIR
from skill_matrix.data.model import SourceText
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.matrix import table
from skill_matrix.nodes.rows import table_row
from skill_matrix.nodes.text import label, make_text

if TYPE_CHECKING:
    from pathlib import Path

SCHEMAS = ('skill', 'roles', 'levels', 'domains')


@dataclass(frozen=True)
class Field:
    """One documented field: its dotted name, type, whether it must be there, its description."""

    name: str
    type: str
    required: bool
    description: SourceText | None


def schema_path(name: str) -> Path:
    return SCHEMA_DIR / f'{name}.schema.json'


def fields(name: str) -> list[Field]:
    """Every field of schema *name*, parents before children, in the schema's order."""
    path = schema_path(name)
    text = path.read_text(encoding='utf-8')
    schema = json.loads(text)
    found: list[Field] = []

    def walk(node: dict[str, Any], prefix: str) -> None:
        node = _resolve(schema, node)
        required = set(node.get('required', ()))
        children = node.get('properties', {})
        for key, child in children.items():
            _add(f'{prefix}{key}', child, key in required)
        if isinstance(node.get('additionalProperties'), dict):
            placeholder = '<role id>' if prefix == 'roles.' else '<level id>'
            _add(f'{prefix}{placeholder}', node['additionalProperties'], True)
        if isinstance(node.get('items'), dict):
            walk(node['items'], f'{prefix}[].' if prefix else '[].')

    def _add(field_name: str, child: dict[str, Any], required: bool) -> None:
        resolved = _resolve(schema, child)
        description = child.get('description') or resolved.get('description')
        found.append(
            Field(
                field_name,
                _type_name(resolved),
                required,
                SourceText(description, path, _line_of(text, description)) if description else None,
            )
        )
        if resolved.get('type') in ('object', 'array'):
            walk(resolved, f'{field_name}.')

    walk(schema, '')
    return found


def build_schema_table(name: str) -> nodes.table:
    rows = [
        table_row(
            [
                nodes.paragraph('', '', nodes.literal(field.name, field.name), translatable=False),
                label(field.type),
                label(pgettext('field', 'required') if field.required else pgettext('field', 'optional')),
                make_text(field.description) if field.description else label(''),
            ],
            classes=['skill-schema-field'],
        )
        for field in fields(name)
    ]
    headers = [_('Field'), _('Type'), _('Needed'), pgettext('column', 'Description')]
    return table(None, headers, [26, 16, 12, 46], rows, ['skill-schema'])


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """*node* with a local ``$ref`` replaced by what it points to (its own keys win)."""
    reference = node.get('$ref', '')
    if not reference.startswith('#/'):
        return node
    target: dict[str, Any] = schema
    for step in reference[2:].split('/'):
        target = target[step]
    return {**target, **{key: value for key, value in node.items() if key != '$ref'}}


def _type_name(node: dict[str, Any]) -> str:
    if node.get('format') == 'date':
        return _('date (YYYY-MM-DD)')
    if node.get('type') == 'string' and 'pattern' in node and node['pattern'] != '\\S':
        return _('id')
    names = {
        'string': _('text'),
        'boolean': _('true or false'),
        'object': _('mapping'),
        'array': _('list'),
        'integer': _('whole number'),
    }
    return names.get(str(node.get('type')), str(node.get('type', '')))


def _line_of(text: str, value: str) -> int:
    encoded = json.dumps(value, ensure_ascii=False)
    for number, line in enumerate(text.splitlines(), 1):
        if encoded in line:
            return number
    return 1
