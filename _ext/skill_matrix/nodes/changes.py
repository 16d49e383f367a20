"""Doctree nodes of the changes page and of the change markers on skill and role pages.

Deletions and insertions are :class:`skill_deleted` and :class:`skill_inserted` nodes: HTML shows
them as ``<del>``/``<ins>`` with a word that screen readers announce, LaTeX struck through and
underlined in colour (see :mod:`skill_matrix.review`).
The callers look the old texts up in the catalog at the baseline and the new ones in today's
(a :data:`Lookup`). A change is compared in the build language when both texts are translated;
when either is not (the catalog lags behind the data: no translation yet, or a fuzzy one), it is
compared in the data's language, so that the redline shows what changed rather than two
languages, and a new text without its translation is marked "Translation pending".
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx.addnodes import pending_xref

from skill_matrix.data import richtext
from skill_matrix.data.changes import ExampleChange, word_diff
from skill_matrix.labels import _, pgettext
from skill_matrix.nodes.text import label

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from skill_matrix.data.changes import (
        Cell,
        CellChange,
        Changes,
        DefinitionChange,
        FieldChange,
        Segment,
        SkillChange,
    )

    Lookup = Callable[[str], str | None]
    """A text of the data in the build language, or ``None`` while its translation is pending."""

CHANGES_TARGET = 'skill-changes'
"""The changes page's section: its id and its label in the standard domain."""


class skill_deleted(nodes.inline):
    """Text of the baseline that is gone today (``announce``: what a screen reader says first)."""


class skill_inserted(nodes.inline):
    """Text that is new since the baseline (``announce``: what a screen reader says first)."""


class skill_line_break(nodes.inline):
    """The end of a line within a redlined text (a rich description's plain form has a list item
    per line): ``<br>`` in HTML, ``\\newline`` in LaTeX, a space for the other builders."""


class skill_change_marker(nodes.inline):
    """The marker of a changed row: links to ``anchor`` on the changes page (HTML), a bar in the
    margin (LaTeX)."""


def change_anchor(key: str) -> str:
    """The id of the changes page's entry for the cell *key* (``<skill>-<level>-<role>``)."""
    return nodes.make_id(f'change-{key}')


def change_marker(anchor: str) -> skill_change_marker:
    text = pgettext('marker', 'Changed')
    # No 'translatable' attribute: Sphinx unwraps inline nodes that have one (RemoveTranslatableInline).
    return skill_change_marker(text, text, anchor=anchor, title=_('See what changed since the review'))


def translation_pending() -> nodes.inline:
    """ "Translation pending": the new text is shown in the data's language until the catalog has it."""
    text = _('Translation pending')
    return nodes.inline('', '', nodes.emphasis(text, text), classes=['skill-translation-pending'])


def deleted(text: str) -> skill_deleted:
    return skill_deleted(text, text, announce=_('deleted:'), classes=['skill-del'])


def inserted(text: str) -> skill_inserted:
    return skill_inserted(text, text, announce=_('inserted:'), classes=['skill-ins'])


# --- the page ---------------------------------------------------------------------------------


def no_baseline_page(tag_pattern: str) -> nodes.section:
    """The changes page of a build without a baseline: it says so and how to get one."""
    title = _('Changes since the last review')
    section = nodes.section('', label(title, nodes.title), classes=['skill-changes', 'skill-no-baseline'])
    section += label(
        _(
            'This build compares with no review: no tag matches {pattern}. Tag a review, or build '
            'with SINCE=<git ref> (make html SINCE=origin/main).'
        ).format(pattern=tag_pattern),
        classes=['skill-changes-intro'],
    )
    return section


class Texts:
    """The texts of one build language: looked up in the catalog at the baseline (*old*) and in
    today's (*new*); texts without a translation are in *source_language*, the data's."""

    def __init__(self, old: Lookup, new: Lookup, source_language: str) -> None:
        self.old, self.new, self.source_language = old, new, source_language

    def new_or_source(self, text: str) -> str:
        """Today's translation of *text*, or *text* itself while its translation is pending."""
        return self.new(text) or text

    def old_or_source(self, text: str) -> str:
        return self.old(text) or text

    def pair(self, old: str | None, new: str | None) -> TextPair:
        """The old and the new text to compare: both in the build language when both are
        translated, else both as the data has them."""
        old_shown = self.old(old) if old else ''
        new_shown = self.new(new) if new else ''
        if old_shown is None or new_shown is None:
            return TextPair(old or '', new or '', self.source_language, pending=new_shown is None)
        return TextPair(old_shown, new_shown, None, pending=False)


class TextPair(NamedTuple):
    """An old and a new text to compare, in one language."""

    old: str
    new: str
    source_language: str | None
    """The data's language when the texts are shown untranslated, else ``None``."""
    pending: bool
    """The new text has no translation yet."""

    def wrap(self, content: Iterable[nodes.Node]) -> list[nodes.Node]:
        """*content* (made of these texts), in a span that names its language when untranslated."""
        if self.source_language is None:
            return list(content)
        return [nodes.inline('', '', *content, classes=[f'language-{self.source_language}'])]

    def note(self, paragraph: nodes.Element) -> None:
        """ "· Translation pending" at the end of *paragraph* when the new text has no translation."""
        if self.pending:
            paragraph += nodes.Text(' · ')
            paragraph += translation_pending()


def source_texts(language: str) -> Texts:
    """The texts of a build in the data's own language: nothing to translate."""

    def same(text: str) -> str:
        return text

    return Texts(same, same, language)


def build_changes_page(changes: Changes, baseline_label: str, texts: Texts) -> nodes.section:
    """The whole changes page: roles and levels, then skill by skill, every changed cell with its
    old and new text (see :class:`Texts`)."""
    title = _('Changes since {baseline}').format(baseline=baseline_label)
    # Texts as written (no curly quotes): they are compared with the data and the skill pages.
    page = nodes.section('', label(title, nodes.title), classes=['skill-changes'], support_smartquotes=False)
    page += label(
        _('Deleted text is struck through, inserted text underlined.'), classes=['skill-changes-intro']
    )
    if changes.empty:
        page += label(_('Nothing changed since this review.'), classes=['skill-changes-none'])
        return page
    definitions = [
        *(_definition_item(change, 'role', texts) for change in changes.roles),
        *(_definition_item(change, 'level', texts) for change in changes.levels),
    ]
    if definitions:
        section = _section(_('Roles and levels'), 'changes-definitions')
        section += nodes.bullet_list('', *definitions, classes=['skill-changes-definitions'])
        page += section
    for skill in changes.skills:
        page += _skill_section(skill, changes, texts)
    return page


def _section(title: str, node_id: str) -> nodes.section:
    section = nodes.section('', label(title, nodes.title), ids=[nodes.make_id(node_id)])
    section['names'].append(nodes.fully_normalize_name(node_id))
    return section


def _definition_item(change: DefinitionChange, kind: str, texts: Texts) -> nodes.list_item:
    names = texts.pair(change.old_name, change.new_name)
    old_name, new_name = names.old, names.new
    words = {
        ('role', 'added'): _('Role added:'),
        ('role', 'removed'): _('Role removed:'),
        ('role', 'renamed'): _('Role renamed:'),
        ('role', 'id-changed'): _('Role id changed:'),
        ('level', 'added'): _('Level added:'),
        ('level', 'removed'): _('Level removed:'),
        ('level', 'renamed'): _('Level renamed:'),
        ('level', 'id-changed'): _('Level id changed:'),
    }
    paragraph = nodes.paragraph('', '', translatable=False)
    paragraph += nodes.strong(words[kind, change.kind], words[kind, change.kind])
    paragraph += nodes.Text(' ')
    if change.kind == 'added':
        paragraph.extend(names.wrap([inserted(new_name)]))
    elif change.kind == 'removed':
        paragraph.extend(names.wrap([deleted(old_name)]))
    elif change.kind == 'renamed':
        paragraph.extend(names.wrap(_old_and_new(word_diff(old_name, new_name))))
    else:
        paragraph += nodes.Text(f'{change.old_id} → {change.new_id} ')
        paragraph.extend(names.wrap([nodes.Text(f'({new_name})')]))
    names.note(paragraph)
    return nodes.list_item('', paragraph)


def _skill_section(skill: SkillChange, changes: Changes, texts: Texts) -> nodes.section:
    title = texts.old_or_source(skill.title) if skill.kind == 'removed' else texts.new_or_source(skill.title)
    section = nodes.section(
        '',
        label(title, nodes.title),
        ids=[nodes.make_id(f'changes-{skill.id}')],
        classes=['skill-changes-skill'],
    )
    status = {
        'added': _('Skill added'),
        'removed': _('Skill removed'),
        'renamed': _('Renamed from {old}').format(old=skill.old.id if skill.old else ''),
        'changed': '',
    }[skill.kind]
    line = nodes.paragraph('', '', classes=['skill-changes-status'], translatable=False)
    if status:
        line += nodes.emphasis(status, status)
    if skill.kind != 'removed':
        if status:
            line += nodes.Text(' · ')
        text = _('Show the skill')
        line += pending_xref(
            '',
            nodes.inline(text, text),
            refdomain='skill',
            reftype='ref',
            reftarget=skill.id,
            refexplicit=True,
        )
    section += line
    fields = {
        'title': _('Title'),
        'summary': _('Summary'),
        'domain': _('Domain'),
        'group': _('Group'),
        'updated': _('Last updated'),
    }
    for change in skill.fields:
        pair = texts.pair(change.old, change.new) if change.field != 'updated' else _same(change)
        paragraph = nodes.paragraph('', '', classes=['skill-change-field'], translatable=False)
        paragraph += nodes.strong(fields[change.field], fields[change.field])
        paragraph += nodes.Text(': ')
        paragraph.extend(pair.wrap(_old_and_new(word_diff(pair.old, pair.new))))
        pair.note(paragraph)
        section += paragraph
    for cell in skill.cells:
        section += _cell_entry(cell, changes, texts)
    return section


def _cell_entry(cell: CellChange, changes: Changes, texts: Texts) -> nodes.container:
    role = texts.new_or_source(changes.role_names.get(cell.role_id, cell.role_id))
    level = texts.new_or_source(changes.level_names.get(cell.level_id, cell.level_id))
    entry = nodes.container(
        ids=[change_anchor(cell.key)], classes=['skill-change', f'skill-change-{cell.kind}'], key=cell.key
    )
    what = {
        'added': [_('Cell added')],
        'removed': [_('Cell removed')],
        'changed': [
            *([_('Flag changed')] if cell.flag_changed else []),
            *([_('Description changed')] if cell.description_changed else []),
            *([_('Examples changed')] if cell.examples_changed else []),
        ],
    }[cell.kind]
    old, new = cell.old, cell.new
    descriptions = texts.pair(old.description if old else None, new.description if new else None)
    head = nodes.paragraph('', '', classes=['skill-change-head'], translatable=False)
    head += nodes.strong(f'{level} · {role}', f'{level} · {role}')
    if what:
        head += nodes.Text(' — ' + ', '.join(what))
    descriptions.note(head)
    entry += head
    if old is not None and new is not None and old.required != new.required:
        flags = _line(pgettext('column', 'Required'))
        flags += [deleted(_flag(old)), nodes.Text(' → '), inserted(_flag(new))]
        entry += flags
    # reviewers read the text as the pages show it, never the Markdown of a rich description
    old_description = richtext.plain_text(descriptions.old)
    new_description = richtext.plain_text(descriptions.new)
    if cell.kind == 'added' and new is not None:
        now = [*descriptions.wrap(_lines([inserted(new_description)])), nodes.Text(f' ({_flag(new)})')]
        entry += _line(_('Now'), now)
    elif cell.kind == 'removed' and old is not None:
        before = [*descriptions.wrap(_lines([deleted(old_description)])), nodes.Text(f' ({_flag(old)})')]
        entry += _line(_('Before'), before)
    elif old_description != new_description:
        diff = word_diff(old_description, new_description)
        entry += _line(_('Before'), descriptions.wrap(_lines(_old(diff))))
        entry += _line(_('Now'), descriptions.wrap(_lines(_new(diff))))
    else:
        entry += _line(_('Description'), descriptions.wrap(_lines([nodes.Text(new_description)])))
    if cell.kind == 'added' and new is not None:
        entry.extend(_example_line(ExampleChange('added', None, text, ()), texts) for text in new.examples)
    elif cell.kind == 'removed' and old is not None:
        entry.extend(_example_line(ExampleChange('removed', text, None, ()), texts) for text in old.examples)
    else:
        entry.extend(_example_line(example, texts) for example in cell.examples)
    return entry


def _example_line(example: ExampleChange, texts: Texts) -> nodes.paragraph:
    """An example added, removed or changed: redlined as descriptions are, in plain text."""
    pair = texts.pair(example.old, example.new)
    old, new = richtext.plain_text(pair.old), richtext.plain_text(pair.new)
    name = {'added': _('Example added'), 'removed': _('Example removed'), 'changed': _('Example changed')}
    content: list[nodes.Node]
    if example.kind == 'added':
        content = [inserted(new)]
    elif example.kind == 'removed':
        content = [deleted(old)]
    else:
        content = _old_and_new(word_diff(old, new))
    line = _line(name[example.kind], pair.wrap(_lines(content)))
    pair.note(line)
    return line


def _lines(content: Iterable[nodes.Node]) -> list[nodes.Node]:
    """*content* (texts, deletions, insertions) with a :class:`skill_line_break` at each line end,
    so that each list item of a rich description starts its own line."""
    made: list[nodes.Node] = []
    for node in content:
        text = node.astext()
        if '\n' not in text:
            made.append(node)
            continue
        remake = (
            deleted
            if isinstance(node, skill_deleted)
            else inserted
            if isinstance(node, skill_inserted)
            else nodes.Text
        )
        for index, part in enumerate(text.split('\n')):
            if index:
                made.append(skill_line_break('', ' '))
            if part:
                made.append(remake(part))
    return made


def _same(change: FieldChange) -> TextPair:
    """A field that no catalog translates (the date of the last update): its texts as they are."""
    return TextPair(change.old or '', change.new or '', None, pending=False)


def _line(name: str, content: Iterable[nodes.Node] = ()) -> nodes.paragraph:
    paragraph = nodes.paragraph('', '', classes=['skill-change-line'], translatable=False)
    paragraph += nodes.strong(name, name)
    paragraph += nodes.Text(': ')
    paragraph.extend(content)
    return paragraph


def _flag(cell: Cell) -> str:
    if cell.required is None:
        return '?'
    return pgettext('flag', 'Required') if cell.required else pgettext('flag', 'Optional')


def _old(diff: Iterable[Segment]) -> list[nodes.Node]:
    return [nodes.Text(text) if op == 'equal' else deleted(text) for op, text in diff if op != 'insert']


def _new(diff: Iterable[Segment]) -> list[nodes.Node]:
    return [nodes.Text(text) if op == 'equal' else inserted(text) for op, text in diff if op != 'delete']


def _old_and_new(diff: Iterable[Segment]) -> list[nodes.Node]:
    """``old → new`` on one line: the old text with its deletions, the new with its insertions."""
    segments = list(diff)
    return [*_old(segments), nodes.Text(' → '), *_new(segments)]
