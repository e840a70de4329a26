"""Problems found in the data, worded for the school's editor (in Vietnamese)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DataProblem:
    """One problem: where it is (file, line, field) and what is wrong."""

    file: str
    line: int
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}, dòng {self.line}"
        if self.field:
            where += f", trường {self.field}"
        return f"{where}: {self.message}"


class DataError(Exception):
    """The data cannot be published; carries every problem found in one run."""

    def __init__(self, problems: list[DataProblem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        heading = f"Dữ liệu có {count} lỗi, trang web chưa được cập nhật:"
        return "\n".join([heading, *(f"  - {problem}" for problem in self.problems)])

