"""Read YAML safely into plain Python data, remembering where every value stands.

Decisions made here, once, for every data file:

* The file must be UTF-8; a UTF-8 byte-order mark is ignored, any other encoding is an error.
* Files larger than :data:`MAX_FILE_BYTES` are rejected before parsing.
* Only the core YAML types are built (strings, booleans, numbers, null, lists, mappings);
  timestamps stay strings. Any other tag (``!!python/object``, ``!custom``) is an error and
  is never constructed.
* Anchors and aliases are rejected, so alias bombs ("billion laughs") cannot expand.
* A key that appears twice in one mapping is an error, at any depth.
* Nesting deeper than :data:`MAX_DEPTH` is an error.
* Characters that are errors (controls, bidirectional overrides, …) are read as visible
  stand-ins, so every output shows them; ``make check-data`` names each (see characters.py).
"""

from __future__ import annotations

import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml

from skill_matrix.data.characters import readable, visible
from skill_matrix.data.problems import DataError, Problem

if TYPE_CHECKING:
    from pathlib import Path

try:  # libyaml is several times faster; the pure-Python parser behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32

_CORE_TAGS = {
    'tag:yaml.org,2002:str',
    'tag:yaml.org,2002:bool',
    'tag:yaml.org,2002:int',
    'tag:yaml.org,2002:float',
    'tag:yaml.org,2002:null',
}
_TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp'
_MAP_TAG = 'tag:yaml.org,2002:map'
_SEQ_TAG = 'tag:yaml.org,2002:seq'

Path_ = tuple[str | int, ...]
"""Where a value stands in the document: keys and list indexes from the root."""


@dataclass
class YamlDocument:
    """A parsed YAML file: its data and the 1-based line and column of each value and key."""

    path: Path
    data: Any
    value_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    block_scalars: set[Path_] = field(default_factory=set)
    """The values written as block scalars (``|``, ``>``): their text starts on the next line."""

    def position(self, where: Path_, *, key: bool = False) -> tuple[int, int]:
        """The position of the value at *where* (or of its key), falling back to its parents."""
        if key and where in self.key_positions:
            return self.key_positions[where]
        while where not in self.value_positions and where:
            where = where[:-1]
        return self.value_positions.get(where, (1, 1))

    def problem(self, where: Path_, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(where, key=key)
        return Problem(self.path, line, column, message)


def read_yaml(path: Path) -> YamlDocument:
    """Parse *path* into a :class:`YamlDocument`, or raise :class:`DataError`."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            raise DataError.at(path, 1, 1, 'not a regular file')
        with path.open('rb') as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise DataError.at(path, 1, 1, f'cannot read the file: {exc.strerror or exc}') from None
    return parse_yaml(path, raw)


def parse_yaml(path: Path, raw: bytes) -> YamlDocument:
    """Parse the bytes *raw* of the file *path* (e.g. as read from git), like :func:`read_yaml`."""
    if len(raw) > MAX_FILE_BYTES:
        raise DataError.at(path, 1, 1, f'file is larger than {MAX_FILE_BYTES // 1024} KiB')
    text = _decode(path, raw)
    if not text.strip():
        raise DataError.at(path, 1, 1, 'file is empty')

    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(path, text, exc) from None
    except yaml.YAMLError as exc:
        raise DataError.at(path, 1, 1, f'invalid YAML: {exc}') from None
    except RecursionError:
        raise DataError.at(path, 1, 1, f'nesting is deeper than {MAX_DEPTH} levels') from None
    finally:
        loader.dispose()
    if root is None:
        raise DataError.at(path, 1, 1, 'file is empty')

    document = YamlDocument(path, None)
    document.data = _Converter(document).convert(root, ())
    return document


def _syntax_error(path: Path, text: str, exc: yaml.MarkedYAMLError) -> DataError:
    """PyYAML's error, reworded: the problem at its position, then what it was reading and where."""
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = f'invalid YAML: {exc.problem or exc.context}'
    if mark and text[mark.index : mark.index + 1] == '\t':
        message += ' (a tab: YAML indents with spaces)'
    elif exc.problem and exc.context:
        context = exc.context
        if exc.context_mark and exc.context_mark is not mark:
            context += f' at line {exc.context_mark.line + 1}, column {exc.context_mark.column + 1}'
        message += f' ({context})'
    return DataError.at(path, line, column, message)


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(b'\xef\xbb\xbf'):
        raw = raw[3:]
    try:
        return readable(raw.decode('utf-8'))
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b'\n') + 1
        column = exc.start - (before.rfind(b'\n') + 1) + 1
        raise DataError.at(
            path, line, column, f'file is not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})'
        ) from None


class _Converter:
    """Turns a composed YAML node tree into plain data, checking it as it goes."""

    def __init__(self, document: YamlDocument) -> None:
        self._document = document
        self._seen: set[int] = set()
        self._scalars = yaml.constructor.SafeConstructor()

    def convert(self, node: yaml.Node, where: Path_) -> Any:
        mark = node.start_mark
        position = (mark.line + 1, mark.column + 1)
        self._document.value_positions[where] = position
        if id(node) in self._seen:
            raise self._error(position, 'anchors and aliases (&name, *name) are not allowed')
        self._seen.add(id(node))
        if getattr(node, 'anchor', None):
            raise self._error(position, 'anchors and aliases (&name, *name) are not allowed')
        if len(where) > MAX_DEPTH:
            raise self._error(position, f'nesting is deeper than {MAX_DEPTH} levels')

        if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
            return self._mapping(node, where)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
            return [self.convert(item, (*where, index)) for index, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag == _TIMESTAMP_TAG:
            return node.value
        if isinstance(node, yaml.ScalarNode) and node.tag == 'tag:yaml.org,2002:str':
            if node.style in {'|', '>'}:
                self._document.block_scalars.add(where)
            return visible(node.value)
        if isinstance(node, yaml.ScalarNode) and node.tag in _CORE_TAGS:
            return self._scalars.construct_object(node)
        tag = node.tag.replace('tag:yaml.org,2002:', '!!')
        raise self._error(
            position,
            f"unsupported YAML tag '{tag}': only plain text, numbers, true/false, lists and mappings",
        )

    def _mapping(self, node: yaml.MappingNode, where: Path_) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key_position = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == 'tag:yaml.org,2002:merge':
                raise self._error(key_position, "merge keys ('<<') are not allowed")
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != 'tag:yaml.org,2002:str':
                raise self._error(key_position, 'keys must be plain text')
            key = key_node.value
            if key in result:
                first_line = self._document.key_positions[(*where, key)][0]
                raise self._error(key_position, f"duplicate key '{key}' (first defined on line {first_line})")
            self._document.key_positions[(*where, key)] = key_position
            result[key] = self.convert(value_node, (*where, key))
        return result

    def _error(self, position: tuple[int, int], message: str) -> DataError:
        return DataError.at(self._document.path, *position, message)
