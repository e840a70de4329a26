"""Edits of a data file's YAML text that keep everything else as the editor wrote it.

The commands of the yearly routine change a few values or add a list item.
Loading and dumping the YAML again would drop the editor's comments and
re-wrap the official text; instead the values are found with their exact place
in the text (PyYAML's node marks) and only those characters are replaced.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Location = tuple[str | int, ...]


def nodes(text: str) -> Iterator[tuple[Location, Node]]:
    """Every value of the document with its location: ``("reporting", "reports", 0, "due_date")``."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        yield from _walk(root, ())


def _walk(node: Node, location: Location) -> Iterator[tuple[Location, Node]]:
    yield location, node
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield from _walk(value, (*location, key.value))
    elif isinstance(node, SequenceNode):
        for index, value in enumerate(node.value):
            yield from _walk(value, (*location, index))


def matches(location: Location, pattern: str) -> bool:
    """Whether a location matches a pattern such as ``reporting.reports.*.due_date``."""
    return fnmatch.fnmatchcase(".".join(str(part) for part in location), pattern)


def replace_values(text: str, patterns: list[str], replacement: str) -> str:
    """Replace the value at every location matching one of ``patterns`` (scalars only) with ``replacement``."""
    spans = [
        (node.start_mark.index, node.end_mark.index)
        for location, node in nodes(text)
        if isinstance(node, ScalarNode) and any(matches(location, pattern) for pattern in patterns)
    ]
    for start, end in sorted(spans, reverse=True):
        original = text[start:end]
        # A block scalar (">-") ends after its line breaks: keep them.
        text = text[:start] + replacement + original[len(original.rstrip()):] + text[end:]
    return text


def replace_node(text: str, location: Location, replacement: str) -> str:
    """Replace the whole value at ``location`` (a list or a mapping too) with ``replacement``."""
    node = dict(nodes(text))[location]
    start, end = node.start_mark.index, node.end_mark.index
    original = text[start:end]
    return text[:start] + replacement + original[len(original.rstrip()):] + text[end:]


def append_item(text: str, key: str, item: str) -> str:
    """Add ``item`` (YAML lines of one list item, starting with "- ", unindented) to the list under the top-level ``key``.

    The list must be the file's last value (a records file has just that one key).
    """
    found = dict(nodes(text))
    if (key,) not in found:
        raise ValueError(f"tệp không có trường {key}")
    value = found[(key,)]
    indent = 2
    if isinstance(value, SequenceNode) and value.flow_style:
        if value.value:
            raise ValueError(f"danh sách {key} đang viết trong ngoặc vuông [...]; hãy viết mỗi mục một dòng bắt đầu bằng '- '")
        text = text[: value.start_mark.index].rstrip(" ") + text[value.end_mark.index :]
    elif isinstance(value, SequenceNode):
        indent = value.start_mark.column
    elif not (isinstance(value, ScalarNode) and value.tag.endswith(":null")):
        raise ValueError(f"trường {key} phải là một danh sách")
    lines = [(" " * indent + line) if line else "" for line in item.splitlines()]
    if not text.endswith("\n"):
        text += "\n"
    return text + "\n".join(lines) + "\n"


def scalar(value: str | None) -> str:
    """``value`` as a YAML scalar on one line (quoted only when it must be), ``null`` for None."""
    return yaml.safe_dump(value, allow_unicode=True, width=10**6).removesuffix("\n...\n").rstrip("\n")


def set_top_level_value(text: str, key: str, value: str | None, before: str) -> str:
    """Set the top-level ``key`` to ``value``; a file without that key gets it on a line of its own
    just above the top-level key ``before`` (or at its end, without that one)."""
    if (key,) in dict(nodes(text)):
        return replace_node(text, (key,), scalar(value))
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    anchor = next((name for name, _ in root.value if name.value == before), None) if isinstance(root, MappingNode) else None
    line = f"{key}: {scalar(value)}\n"
    if anchor is None:
        return (text if text.endswith("\n") else text + "\n") + line
    start = anchor.start_mark.index - anchor.start_mark.column
    return text[:start] + line + text[start:]
