"""Every text of a skill, carried in the page's doctree so that it is translated with the page.

The level picker and the downloads need a skill's texts in the page's language. Text from YAML
is translated at read time only (:mod:`skill_matrix.i18n`), so the directive adds a hidden
:class:`skill_data` node holding a translatable node per text; once the doctree is resolved,
:func:`read_skill_data` reads the translated texts back and the node is removed from the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docutils import nodes

from skill_matrix.nodes.text import make_text

if TYPE_CHECKING:
    import datetime

    from sphinx.application import Sphinx

    from skill_matrix.data.model import Definitions, Skill


class skill_data(nodes.General, nodes.Element):
    """A skill's texts for the page's scripts and downloads; never rendered."""


class level_data(nodes.General, nodes.Element):
    """The level names, translatable, for a page's scripts (inside :class:`skill_data`, or on
    the growth plan's page); never rendered."""


@dataclass(frozen=True)
class RoleTexts:
    id: str
    name: str


@dataclass(frozen=True)
class LevelTexts:
    id: str
    name: str


@dataclass(frozen=True)
class ExpectationTexts:
    role_id: str
    level_id: str
    required: bool
    description: str
    examples: tuple[str, ...] = ()
    """As written: plain text or the Markdown subset, like the description."""


@dataclass(frozen=True)
class SkillTexts:
    """A skill as the page's reader sees it: every text in the page's language."""

    id: str
    title: str
    summary: str | None
    domain: str
    group: str
    updated: datetime.date
    levels: tuple[LevelTexts, ...]
    roles: tuple[RoleTexts, ...]
    expectations: tuple[ExpectationTexts, ...]
    shown_role_ids: tuple[str, ...]
    shown_level_ids: tuple[str, ...]


def build_skill_data(
    skill: Skill, definitions: Definitions, *, role_ids: tuple[str, ...], level_ids: tuple[str, ...]
) -> skill_data:
    """The hidden node with every text of *skill*; *role_ids* and *level_ids* are the ones shown."""
    node = skill_data(
        skill=skill.id, updated=skill.updated, shown_roles=list(role_ids), shown_levels=list(level_ids)
    )
    node += build_level_data(definitions)
    fields = [('title', skill.title), ('domain', skill.domain), ('group', skill.group)]
    if skill.summary:
        fields.append(('summary', skill.summary))
    for field, text in fields:
        node += make_text(text, field=field)
    for role_id in skill.role_ids:
        node += make_text(definitions.role(role_id).name, field='role', role=role_id)
    for item in skill.expectations:
        node += make_text(
            item.description,
            field='description',
            role=item.role_id,
            level=item.level_id,
            required=item.required,
            markdown=True,
        )
        for example in item.examples:
            node += make_text(example, field='example', role=item.role_id, level=item.level_id, markdown=True)
    return node


def build_level_data(definitions: Definitions) -> level_data:
    """The hidden node with every level's name, translated with the page."""
    node = level_data()
    for level in definitions.levels:
        node += make_text(level.name, level=level.id)
    return node


def read_level_data(node: level_data) -> tuple[LevelTexts, ...]:
    """The (translated) level names held by *node*, in order."""
    return tuple(
        LevelTexts(child['level'], child.astext())
        for child in node.children
        if isinstance(child, nodes.Element)
    )


def read_skill_data(node: skill_data) -> SkillTexts:
    """The (translated) texts held by *node*."""
    texts = [child for child in node.children if isinstance(child, nodes.Element) and 'field' in child]
    levels = node.next_node(level_data)
    assert levels is not None
    fields = {child['field']: child.astext() for child in texts if not child.get('role')}
    examples: dict[tuple[str, str], list[str]] = {}
    for child in texts:
        if child['field'] == 'example':
            examples.setdefault((child['role'], child['level']), []).append(child.astext())
    return SkillTexts(
        id=node['skill'],
        title=fields['title'],
        summary=fields.get('summary'),
        domain=fields['domain'],
        group=fields['group'],
        updated=node['updated'],
        levels=read_level_data(levels),
        roles=tuple(RoleTexts(child['role'], child.astext()) for child in texts if child['field'] == 'role'),
        expectations=tuple(
            ExpectationTexts(
                child['role'],
                child['level'],
                child['required'],
                child.astext(),
                tuple(examples.get((child['role'], child['level']), ())),
            )
            for child in texts
            if child['field'] == 'description'
        ),
        shown_role_ids=tuple(node['shown_roles']),
        shown_level_ids=tuple(node['shown_levels']),
    )


def drop_skill_data(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Remove the hidden texts once every ``doctree-resolved`` handler has read them (priority 900)."""
    hidden: list[nodes.Element] = [*doctree.findall(skill_data), *doctree.findall(level_data)]
    for node in hidden:
        if node.parent is not None:
            node.parent.remove(node)


def skip_node(translator: nodes.NodeVisitor, node: nodes.Node) -> None:
    """Visitor for a writer that never shows the node (:class:`skill_data`, and others that only
    some outputs show)."""
    raise nodes.SkipNode
