"""Building located problems: shared by the checks of every data file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .errors import DataProblem
from .places import model_of_file, place_in_words
from .yaml_source import Location, SourceFile, field_path


def problem(source: SourceFile, location: Location, message: str) -> DataProblem:
    place = place_in_words(model_of_file(source.display_name), source.value, location)
    return DataProblem(source.display_name, source.line_of(location), field_path(location), message, place)


def duplicates(ids: Iterable[tuple[str, Location]], source: SourceFile, what: str) -> Iterator[DataProblem]:
    first_seen: dict[str, Location] = {}
    for identifier, location in ids:
        if identifier in first_seen:
            line = source.line_of(first_seen[identifier])
            yield problem(source, location, f"mã {what} {identifier!r} bị trùng (đã dùng ở dòng {line}); mỗi mã chỉ dùng một lần")
        else:
            first_seen[identifier] = location


def choices(ids: set[str]) -> str:
    return "các mã có: " + ", ".join(sorted(ids)) if ids else "chưa có mã nào"
