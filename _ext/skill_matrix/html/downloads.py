"""A skill's matrix as CSV and JSON files, in the page's language, linked from its page.

The links are made at read time (:func:`~skill_matrix.nodes.placeholders.build_download_links`);
once the doctree is resolved (and its texts translated), the
HTML builders of websites write ``_downloads/skill-matrix/<skill id>.csv`` and ``.json`` into
the output directory (in a thread beside the build, done when the build finishes) and point the
links at them. Other builders, e-books included, drop the
links. The JSON follows ``schemas/download.schema.json``; the CSV is safe to open in a
spreadsheet program (:func:`spreadsheet_text`).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.util.osutil import relative_uri

from skill_matrix.data import richtext
from skill_matrix.labels import pgettext
from skill_matrix.nodes.pagedata import read_skill_data, skill_data
from skill_matrix.state import BuildState, ProcessSlot

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from sphinx.application import Sphinx
    from sphinx.builders import Builder

    from skill_matrix.nodes.pagedata import ExpectationTexts, SkillTexts

DOWNLOAD_DIR = '_downloads/skill-matrix'
JSON_FORMAT_VERSION = 1


def as_json(texts: SkillTexts, language: str) -> dict[str, Any]:
    skill: dict[str, Any] = {'id': texts.id, 'title': texts.title}
    if texts.summary:
        skill['summary'] = texts.summary
    skill.update(domain=texts.domain, group=texts.group, updated=texts.updated.isoformat())
    return {
        'version': JSON_FORMAT_VERSION,
        'language': language,
        'skill': skill,
        'levels': [{'id': level.id, 'name': level.name} for level in texts.levels],
        'roles': [{'id': role.id, 'name': role.name} for role in texts.roles],
        'expectations': [_expectation_json(item) for item in texts.expectations],
    }


def _expectation_json(item: ExpectationTexts) -> dict[str, Any]:
    """A cell: ``examples`` and ``examples_text`` (as ``description`` and its plain text) only
    when it has examples."""
    cell: dict[str, Any] = {
        'role': item.role_id,
        'level': item.level_id,
        'required': item.required,
        'description': item.description,
        'description_text': richtext.plain_text(item.description),
    }
    if item.examples:
        cell['examples'] = list(item.examples)
        cell['examples_text'] = [richtext.plain_text(example) for example in item.examples]
    return cell


def examples_text(examples: Sequence[str]) -> str:
    """A cell's examples as one readable text: each example's plain text, its first line after
    a bullet (``•``, which no spreadsheet program reads as a formula, as it would ``-``), the
    others indented under it; empty without examples."""
    lines = []
    for example in examples:
        first, *rest = richtext.plain_text(example).splitlines() or ['']
        lines += [f'• {first}', *(f'  {line}' for line in rest)]
    return '\n'.join(lines)


def as_csv(texts: SkillTexts) -> str:
    """One row per role and level; the four last columns are headed and filled in the page's
    language, and a fifth, "Examples", when a cell of the skill has examples (a skill without
    any keeps the columns it always had)."""
    roles = {role.id: role.name for role in texts.roles}
    levels = {level.id: level.name for level in texts.levels}
    flags = {True: pgettext('flag', 'Required'), False: pgettext('flag', 'Optional')}
    with_examples = any(item.examples for item in texts.expectations)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator='\r\n')
    rows = [
        [
            'role_id',
            'level_id',
            pgettext('column', 'Role'),
            pgettext('column', 'Level'),
            pgettext('column', 'Required'),
            pgettext('column', 'Description'),
            *([pgettext('column', 'Examples')] if with_examples else []),
        ],
        *(
            [
                item.role_id,
                item.level_id,
                roles[item.role_id],
                levels[item.level_id],
                flags[item.required],
                richtext.plain_text(item.description),
                *([examples_text(item.examples)] if with_examples else []),
            ]
            for item in texts.expectations
        ),
    ]
    writer.writerows([spreadsheet_text(cell) for cell in row] for row in rows)
    return buffer.getvalue()


# A spreadsheet program runs a cell that starts with one of these as a formula (=HYPERLINK(…),
# +cmd|…, @SUM(…)); a tab or carriage return can hide such a start.
FORMULA_STARTS = ('=', '+', '-', '@', '\t', '\r')


def spreadsheet_text(cell: str) -> str:
    """*cell* as text that a spreadsheet program shows and never runs.

    As OWASP's CSV injection guidance says: a cell that starts like a formula gets a leading
    apostrophe, so the program shows it as text instead of running it. (The JSON keeps the
    exact text: no program runs it.)
    """
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def indented_json(value: Any, indent: str = '') -> str:
    """*value* as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it, a few times
    faster: the standard library writes indented JSON in Python, several calls per value.
    (Keys are strings, as in every document written here.)"""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict):
        if not value:
            return '{}'
        inner = indent + '  '
        items = ',\n'.join(
            f'{inner}{encode_basestring(key)}: {indented_json(item, inner)}' for key, item in value.items()
        )
        return f'{{\n{items}\n{indent}}}'
    if isinstance(value, (list, tuple)):
        if not value:
            return '[]'
        inner = indent + '  '
        items = ',\n'.join(inner + indented_json(item, inner) for item in value)
        return f'[\n{items}\n{indent}]'
    return json.dumps(value)  # a number, true, false or null


def offers_downloads(builder: Builder) -> bool:
    """Whether *builder* writes a website, whose readers can download files from it.

    Not the builders of e-books and help files (HTML "embedded" in a reader program: EPUB,
    HTML Help, Qt Help…), where a link to a CSV file leads nowhere, nor text, LaTeX and the
    other formats.
    """
    return isinstance(builder, StandaloneHTMLBuilder) and not builder.embedded


def write_downloads(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Write the files of each skill shown on the page and point its links at them."""
    links = [node for node in doctree.findall(nodes.reference) if node.get('skill_download')]
    if not offers_downloads(app.builder):
        for paragraph in {id(link.parent): link.parent for link in links}.values():
            paragraph.parent.remove(paragraph)
        return
    write = _writer(app)
    for data in doctree.findall(skill_data):
        texts = read_skill_data(data)
        # Spreadsheet programs read UTF-8 CSV correctly only with a byte-order mark.
        write(f'{texts.id}.csv', '\ufeff' + as_csv(texts))
        write(f'{texts.id}.json', indented_json(as_json(texts, app.config.language)) + '\n')
    page_uri = app.builder.get_target_uri(docname)
    for link in links:
        target = f'{DOWNLOAD_DIR}/{link["skill"]}.{link["skill_download"]}'
        link['refuri'] = relative_uri(page_uri, target)


class _Writes:
    """The download files handed to a thread that writes them beside the build: writing a
    thousand skills' files waits on the disk, and the build goes on meanwhile."""

    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix='skill-downloads')
        self.pending: list[Future[None]] = []

    def write(self, name: str, text: str) -> None:
        self.pending.append(self.thread.submit(_write_if_changed, self.directory, name, text))

    def finish(self) -> None:
        """Wait for every file; raise the first error."""
        self.thread.shutdown()
        for written in self.pending:
            written.result()


WRITES: ProcessSlot[_Writes] = ProcessSlot('download-writes')


def _writer(app: Sphinx) -> Callable[[str, str], None]:
    """How this build writes a download: in the thread of :class:`_Writes`, or at once in a
    parallel build (``-j``), whose writing processes are forked from this one: no thread then."""
    directory = os.path.join(app.outdir, DOWNLOAD_DIR)
    if app.parallel > 1:
        return functools.partial(_write_if_changed, directory)
    state = BuildState(app.env)
    writes = state.get(WRITES)
    if writes is None:
        writes = _Writes(directory)
        state.put(WRITES, writes)
    return writes.write


def finish_downloads(app: Sphinx, exception: BaseException | None) -> None:
    """At the build's end, wait until the thread has written every download file."""
    state = BuildState(app.env)
    writes = state.get(WRITES)
    state.put(WRITES, None)
    if writes is not None:
        try:
            writes.finish()
        except Exception:
            if exception is None:  # the build's own error comes first
                raise


def _write_if_changed(directory: str, name: str, text: str) -> None:
    """Write *text* to the download *name* in *directory*, unless the file holds it already
    (then it keeps its date); through a temporary file, so that a reader never gets half a file."""
    path = os.path.join(directory, name)
    try:
        with open(path, encoding='utf-8', newline='') as stream:
            if stream.read() == text:
                return
    except (OSError, UnicodeDecodeError):  # missing (a first build), or not what we wrote
        pass
    os.makedirs(directory, exist_ok=True)
    temporary = f'{path}.{os.getpid()}.tmp'
    with open(temporary, 'w', encoding='utf-8', newline='') as stream:
        stream.write(text)
    os.replace(temporary, path)
