"""Problems found in the data, worded for the school's editor (in Vietnamese)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataProblem:
    """One problem: where it is (file, line, field) and what is wrong.

    ``field`` is the key path (``reporting.reports[3].due_date``); ``place``, when
    known, says the same in words for the editor (``macros.data.places``).
    """

    file: str
    line: int
    field: str | None
    message: str
    place: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}, dòng {self.line}"
        if self.place:
            where += f", {self.place}"
        elif self.field:
            where += f", trường {self.field}"
        return f"{where}: {self.message}"


class DataError(Exception):
    """The data cannot be published; carries every problem found in one run."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line))
        super().__init__(self.report())

    def heading(self, outcome: str = "trang web chưa được cập nhật") -> str:
        """The report's first line: how many problems, and what they stopped (``outcome``)."""
        return f"Dữ liệu có {len(self.problems)} lỗi, {outcome}:"

    def report(self, outcome: str = "trang web chưa được cập nhật") -> str:
        return "\n".join([self.heading(outcome), *(f"  - {problem}" for problem in self.problems)])

