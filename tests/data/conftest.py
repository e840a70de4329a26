"""Fixtures of the data-layer tests: the real data folder with one file swapped for a broken one."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.data.errors import DataError, DataProblem
from macros.data.loading import load_site_data

INVALID = Path(__file__).resolve().parent.parent / "fixtures" / "invalid"

# Which real file an invalid fixture stands in for, by the start of its name.
_REPLACES = {
    "plan-": Path("years/2023-2024/plan.yml"),
    "school-": Path("school.yml"),
    "legal-documents-": Path("legal_documents.yml"),
}


def replaced_file(fixture_name: str) -> Path:
    """The file, relative to the data folder, that an invalid fixture replaces."""
    for prefix, relative in _REPLACES.items():
        if fixture_name.startswith(prefix):
            return relative
    raise ValueError(f"{fixture_name}: the name must start with one of {', '.join(_REPLACES)}")


@dataclass
class Refusal:
    """What ``load_site_data`` said when it refused a data folder."""

    problems: list[DataProblem]
    report: str
    fixture: str | None

    def only(self) -> DataProblem:
        """The single problem of the run (fails if there are none or several)."""
        assert len(self.problems) == 1, self.report
        return self.problems[0]

    def where(self) -> list[tuple[str, int, str | None]]:
        """File, line and field of every problem, in report order."""
        return [(problem.file, problem.line, problem.field) for problem in self.problems]

    def fixture_line(self, number: int) -> str:
        """Line ``number`` (counting from 1) of the fixture that was put in place, as UTF-8 text."""
        assert self.fixture is not None, "no fixture was put in place"
        # Split on newlines only: str.splitlines() would also split on the control
        # characters some fixtures contain on purpose.
        lines = (INVALID / self.fixture).read_bytes().decode("utf-8", errors="replace").split("\n")
        return lines[number - 1]


def refusal_of(data_dir: Path) -> Refusal:
    """Load ``data_dir``, which must be refused, and return what the editor is told."""
    with pytest.raises(DataError) as caught:
        load_site_data(data_dir)
    return Refusal(caught.value.problems, caught.value.report(), None)


@pytest.fixture
def with_fixtures(data_copy: Path) -> Callable[..., Path]:
    """Put invalid fixtures in place of the real files they imitate, in the private data copy."""

    def put_in_place(*fixture_names: str) -> Path:
        for name in fixture_names:
            shutil.copyfile(INVALID / name, data_copy / replaced_file(name))
        return data_copy

    return put_in_place


@pytest.fixture
def refused(with_fixtures: Callable[..., Path]) -> Callable[..., Refusal]:
    """Load the real data with some files replaced by invalid fixtures; the load must fail."""

    def load(*fixture_names: str) -> Refusal:
        refusal = refusal_of(with_fixtures(*fixture_names))
        refusal.fixture = fixture_names[0] if len(fixture_names) == 1 else None
        return refusal

    return load


@pytest.fixture
def refused_folder() -> Callable[[Path], Refusal]:
    """Load a data folder edited by the test itself; the load must fail."""
    return refusal_of
