"""Blanks of a template left unfilled: the ``[cần điền: …]`` marks of the record templates.

``scripts/add-record`` and the editor's guide give templates whose blanks read
``"[cần điền: ngày nộp, dạng ngày/tháng/năm]"``. A blank left as it is must
stop publishing, with the line to fill, rather than be published as text.
"""

from __future__ import annotations

from .errors import DataProblem
from .findings import problem
from .yaml_source import SourceFile, texts

MARK = "[cần điền"


def blank(hint: str) -> str:
    """A blank of a template, with what to write in it."""
    return f"{MARK}: {hint}]"


def unfilled_blanks(source: SourceFile) -> list[DataProblem]:
    """Every blank still in a data file, with its line."""
    return [
        problem(source, location, f"chưa điền chỗ trống của mẫu {text}; hãy thay cả phần trong dấu ngoặc kép bằng nội dung thật")
        for location, text in texts(source.value)
        if MARK in text
    ]
