"""Every text of a skill, carried in the page's doctree so that it is translated with the page.

The level picker and the downloads need a skill's texts in the page's language. Text from YAML
is translated at read time only (:mod:`skill_matrix.i18n`), so the directive adds a hidden
:class:`skill_data` node holding the texts as data (:class:`HiddenText`: a skill page's 80 texts
as nodes were walked by every transform, and the plan page holds every skill's); once the
doctree is resolved, :func:`read_skill_data` reads the translated texts back and the node is
removed from the page. The message catalogs get the texts as translatable nodes
(:func:`hidden_text_nodes`, for the builders other than HTML).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from docutils import nodes

from skill_matrix.nodes.text import make_text

if TYPE_CHECKING:
    import datetime

    from sphinx.application import Sphinx

    from skill_matrix.data.model import Definitions, Skill, SourceText


class skill_data(nodes.General, nodes.Element):
    """A skill's texts for the page's scripts and downloads; never rendered."""


class level_data(nodes.General, nodes.Element):
    """The level names, translatable, for a page's scripts (inside :class:`skill_data`, or on
    the growth plan's page); never rendered."""


@dataclass(frozen=True)
class HiddenText:
    """One text of a :class:`skill_data` node: what it is, where it comes from, as shown."""

    field: str
    """'title', 'domain', 'group', 'summary', 'role' (a role's name), 'description' or 'example'."""
    source: SourceText
    role: str = ''
    level: str = ''
    required: bool = False
    markdown: bool = False
    """Written in the Markdown subset (:mod:`skill_matrix.data.richtext`): a description or example."""
    shown: str | None = None
    """The translation shown (None: the English text)."""

    @property
    def text(self) -> str:
        return self.source.text if self.shown is None else self.shown


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
    texts = [
        HiddenText('title', skill.title),
        HiddenText('domain', skill.domain),
        HiddenText('group', skill.group),
    ]
    if skill.summary:
        texts.append(HiddenText('summary', skill.summary))
    texts += [HiddenText('role', definitions.role(role_id).name, role=role_id) for role_id in skill.role_ids]
    for item in skill.expectations:
        role, level = item.role_id, item.level_id
        texts.append(HiddenText('description', item.description, role, level, item.required, markdown=True))
        texts += [HiddenText('example', example, role, level, markdown=True) for example in item.examples]
    node = skill_data(
        skill=skill.id,
        updated=skill.updated,
        shown_roles=list(role_ids),
        shown_levels=list(level_ids),
        texts=tuple(texts),
    )
    node += build_level_data(definitions)
    return node


def hidden_texts(node: skill_data) -> tuple[HiddenText, ...]:
    return cast('tuple[HiddenText, ...]', node['texts'])


def hidden_text_nodes(node: skill_data) -> list[nodes.Element]:
    """*node*'s texts as translatable nodes located in their data files (for the message catalogs)."""
    return [
        make_text(
            text.source,
            field=text.field,
            role=text.role,
            level=text.level,
            required=text.required,
            markdown=text.markdown,
        )
        for text in hidden_texts(node)
    ]


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
    texts = hidden_texts(node)
    levels = node.next_node(level_data)
    assert levels is not None
    fields = {text.field: text.text for text in texts if not text.role}
    examples: dict[tuple[str, str], list[str]] = {}
    for text in texts:
        if text.field == 'example':
            examples.setdefault((text.role, text.level), []).append(text.text)
    return SkillTexts(
        id=node['skill'],
        title=fields['title'],
        summary=fields.get('summary'),
        domain=fields['domain'],
        group=fields['group'],
        updated=node['updated'],
        levels=read_level_data(levels),
        roles=tuple(RoleTexts(text.role, text.text) for text in texts if text.field == 'role'),
        expectations=tuple(
            ExpectationTexts(
                text.role,
                text.level,
                text.required,
                text.text,
                tuple(examples.get((text.role, text.level), ())),
            )
            for text in texts
            if text.field == 'description'
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
