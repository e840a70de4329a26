"""Safe YAML reading that remembers where every value stands in the file.

PyYAML's safe loader is the base, tightened for data edited by hand:
duplicate keys, aliases and non-standard tags are refused (each would
silently change what the file means), and dates stay text so that the models
can refuse an impossible one with a clear message.

Files are read with libyaml's parser when PyYAML has it (eight times faster,
which counts with many school years); a file it refuses is read again with
the pure-Python parser, whose error messages the editor's hints are made for.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .characters import forbidden_character
from .errors import DataError, DataProblem

Location = tuple[str | int, ...]

MAX_FILE_BYTES = 2_000_000
# Deeper than any data file needs; a deeper file is a mistake or an attack on the parser's recursion.
MAX_DEPTH = 40
# Digits of a number: counts of letters or years need a few; thousands of digits only slow everything down.
MAX_NUMBER_DIGITS = 15
_STANDARD_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "map", "seq")
}


class _Strictness:
    """What both loaders refuse while composing: aliases (no alias bombs, no hidden sharing), deep nesting."""

    _indexes: list[object]

    def compose_node(self, parent: Node | None, index: object) -> Node | None:
        if self.check_event(AliasEvent):
            event = self.peek_event()
            raise _Refused(
                event.start_mark.line + 1,
                "không dùng bí danh YAML (dấu *); hãy viết đầy đủ giá trị",
                self._location([*self._indexes, index]),
            )
        if len(self._indexes) >= MAX_DEPTH:
            raise _Refused(
                self.peek_event().start_mark.line + 1,
                f"dữ liệu lồng nhau quá {MAX_DEPTH} tầng; hãy kiểm tra thụt lề và các dấu ngoặc [ ] {{ }}",
                _enclosing_field(self._location([*self._indexes, index])),
            )
        self._indexes.append(index)
        try:
            return Composer.compose_node(self, parent, index)
        finally:
            self._indexes.pop()

    @staticmethod
    def _location(indexes: list[object]) -> Location:
        # A mapping value is composed with its key node as index, a list item with
        # its position; a key itself is composed with None.
        return tuple(
            index.value if isinstance(index, ScalarNode) else index
            for index in indexes
            if isinstance(index, (ScalarNode, int))
        )


class _StrictLoader(_Strictness, yaml.SafeLoader):
    """The pure-Python loader: PyYAML's own error messages, and its reader refuses control characters."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        # Where composition stands: the index given to each enclosing compose_node call.
        self._indexes = []


try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML built without libyaml
    _FastLoader = None
else:

    class _FastLoader(_Strictness, Composer, CParser, SafeConstructor, Resolver):  # type: ignore[no-redef]
        """libyaml's parser under the same composer, constructor and resolver as ``_StrictLoader``."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._indexes = []


# Dates are parsed by the models, which can say "30/02/2024 does not exist"
# instead of crashing inside the YAML library.
_NO_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _loader in (_StrictLoader, _FastLoader):
    if _loader is not None:
        _loader.yaml_implicit_resolvers = _NO_TIMESTAMPS


def _enclosing_field(location: Location) -> Location:
    """A location up to its last named field: ``sessions[1].agenda``, not ``agenda[1][1][1]…``."""
    named = [position for position, part in enumerate(location) if isinstance(part, str)]
    return location[: named[-1] + 1] if named else location[:1]


class _Refused(Exception):
    def __init__(self, line: int, message: str, location: Location = ()) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.location = location


@dataclass
class SourceFile:
    """A parsed YAML file: its value and the line of every location in it."""

    path: Path
    display_name: str
    value: Any
    lines: dict[Location, int] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """Line of a location, or of its nearest enclosing one that exists."""
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location, 1)


def field_path(location: Location) -> str:
    """A location as the editor reads it: ``organisation[3].duties[1].owner`` (counting from 1)."""
    text = ""
    for part in location:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def texts(value: Any, location: Location = ()) -> Iterator[tuple[Location, str]]:
    """Every text in a parsed value, with its location."""
    if isinstance(value, str):
        yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*location, index))


def read_yaml(path: Path, display_name: str) -> SourceFile:
    """Read one YAML file; raise ``DataError`` with a located message if it is unreadable."""

    def refuse(line: int, message: str, location: Location = ()) -> DataError:
        return DataError([DataProblem(display_name, line, field_path(location) or None, message)])

    if path.stat().st_size > MAX_FILE_BYTES:
        raise refuse(1, f"tệp quá lớn ({path.stat().st_size:,} byte); tối đa {MAX_FILE_BYTES:,} byte")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise refuse(line, "tệp không ở mã UTF-8 (có ký tự lỗi ở dòng này); hãy lưu lại tệp dưới dạng UTF-8") from None

    try:
        if _FastLoader is not None and not Reader.NON_PRINTABLE.search(text):
            try:
                return _parse(_FastLoader, text, path, display_name)
            except yaml.YAMLError:
                pass  # read again below, for PyYAML's message that the hints explain
        # The pure-Python reader refuses control characters as soon as it is created.
        return _parse(_StrictLoader, text, path, display_name)
    except _Refused as error:
        raise refuse(error.line, error.message, error.location) from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        character = chr(error.character) if isinstance(error.character, int) else str(error.character)
        raise refuse(
            line,
            forbidden_character(character)
            or f"có ký tự điều khiển không nhìn thấy được (mã U+{ord(character[:1] or ' '):04X}), "
            "thường do chép từ Word; hãy xóa ký tự đó và gõ lại",
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise refuse(line, _explain_syntax_error(error)) from None
    except yaml.YAMLError:
        raise refuse(1, "lỗi cú pháp YAML: không đọc được tệp; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép") from None


def _parse(loader_class: type, text: str, path: Path, display_name: str) -> SourceFile:
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        source = SourceFile(path, display_name, None)
        source.value = _build(root, (), source, loader) if root is not None else None
        return source
    finally:
        loader.dispose()


def _build(node: Node, location: Location, source: SourceFile, loader: yaml.SafeLoader) -> Any:
    source.lines[location] = node.start_mark.line + 1
    if node.tag not in _STANDARD_TAGS:
        tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
        raise _Refused(
            node.start_mark.line + 1, f"thẻ YAML {tag!r} không được phép; chỉ dùng văn bản, số, danh sách", location
        )
    if isinstance(node, ScalarNode):
        if _is_sexagesimal(node):
            # YAML 1.1 reads an unquoted 14:30 as the number 870; an editor means a time.
            return node.value
        if node.tag in {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"} and len(node.value) > MAX_NUMBER_DIGITS:
            raise _Refused(
                node.start_mark.line + 1,
                f"số quá dài ({len(node.value)} ký tự; tối đa {MAX_NUMBER_DIGITS} chữ số); "
                "nếu là một đoạn chữ, hãy đặt trong dấu ngoặc kép",
                location,
            )
        value = loader.construct_object(node, deep=True)
        # Also catches characters written as escapes ("\\u202e"), which the reader never sees.
        if isinstance(value, str) and (problem := forbidden_character(value)):
            raise _Refused(node.start_mark.line + 1, problem, location)
        return value
    if isinstance(node, SequenceNode):
        return [_build(child, (*location, index), source, loader) for index, child in enumerate(node.value)]
    assert isinstance(node, MappingNode)
    return _build_mapping(node, location, source, loader)


def _is_sexagesimal(node: ScalarNode) -> bool:
    numeric = node.tag in {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
    # Plain style is None from PyYAML's parser and "" from libyaml's.
    return numeric and not node.style and ":" in node.value


def _build_mapping(node: MappingNode, location: Location, source: SourceFile, loader: yaml.SafeLoader) -> dict:
    mapping: dict[Hashable, Any] = {}
    for key_node, value_node in node.value:
        key = _build(key_node, location, source, loader)
        key_line = key_node.start_mark.line + 1
        if not isinstance(key, str):
            raise _Refused(key_line, f"tên trường phải là chữ, gặp {key!r}", location)
        if key in mapping:
            first_line = source.lines[(*location, key)]
            raise _Refused(
                key_line,
                f"trường {key!r} bị lặp lại (đã có ở dòng {first_line}); mỗi trường chỉ ghi một lần",
                (*location, key),
            )
        source.lines[(*location, key)] = key_line
        mapping[key] = _build(value_node, (*location, key), source, loader)
        # A key's own line is more helpful than its value's for messages.
        source.lines[(*location, key)] = key_line
    source.lines[location] = node.start_mark.line + 1
    return mapping


def _explain_syntax_error(error: yaml.MarkedYAMLError) -> str:
    problem = error.problem or ""
    if "'\\t'" in problem or "\\t" in problem:
        return "lỗi cú pháp YAML: có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"
    hints = {
        "mapping values are not allowed here": "có dấu hai chấm ':' không đúng chỗ; nếu nội dung chứa ':' hãy đặt cả nội dung trong dấu ngoặc kép",
        "could not find expected ':'": "thiếu dấu hai chấm ':' sau tên trường",
        "found unexpected end of stream": "tệp kết thúc đột ngột (thiếu dấu ngoặc kép đóng?)",
        "did not find expected key": "thụt lề không thẳng hàng với các trường bên trên",
        "did not find expected '-' indicator": "thụt lề của danh sách không thẳng hàng",
        "found undefined tag handle": "có thẻ YAML (!) không được hỗ trợ",
        "expected <block end>": "dòng này không thẳng hàng với các trường bên trên, hoặc có chữ thừa sau dấu ngoặc kép đóng (dấu ngoặc kép ở dòng trước chưa đóng?)",
        "expected ',' or ']'": "danh sách trong ngoặc vuông thiếu dấu ']' đóng hoặc thiếu dấu phẩy giữa các mục",
        "expected ',' or '}'": "nhóm trong ngoặc nhọn thiếu dấu '}' đóng hoặc thiếu dấu phẩy",
        "cannot start any token": "giá trị bắt đầu bằng một ký tự đặc biệt; hãy đặt cả nội dung trong dấu ngoặc kép",
        "another document": "tệp chỉ được có một phần dữ liệu; hãy bỏ dòng '---'",
    }
    for english, vietnamese in hints.items():
        if english in problem:
            return f"lỗi cú pháp YAML: {vietnamese}"
    # PyYAML's own wording is English; the editor gets a Vietnamese hint instead.
    return "lỗi cú pháp YAML: không đọc được dòng này; hãy kiểm tra thụt lề, dấu hai chấm và dấu ngoặc kép"
