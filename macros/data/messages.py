"""Turn pydantic's validation errors into located Vietnamese messages.

The editor reads where (in words, ``macros.data.places``), what was found, and
what to write instead; never a programming type's name.
"""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataProblem
from .places import inner_model, model_of_file, place_in_words
from .yaml_source import Location, SourceFile, field_path

_EXPECTED_BY_ERROR_TYPE = {
    "int_type": "cần một số, ví dụ 3",
    "bool_type": "cần true (có) hoặc false (không)",
    "list_type": "cần một danh sách, mỗi mục một dòng bắt đầu bằng '- '",
    "dict_type": "cần các trường con viết thụt vào ở các dòng dưới, mỗi dòng dạng tên: giá trị",
    "model_type": "cần các trường con viết thụt vào ở các dòng dưới, mỗi dòng dạng tên: giá trị",
    "date_type": "cần một ngày dạng ngày/tháng/năm, ví dụ 25/02/2023",
    "none_required": "cần để trống, ghi null",
}


def problems_from_validation(
    error: ValidationError, source: SourceFile, model: type[BaseModel], prefix: Location = ()
) -> list[DataProblem]:
    """One ``DataProblem`` per pydantic error, with file, line and field named."""
    problems = []
    for detail in _without_union_noise(error.errors(), model):
        inside = _clean_location(detail["loc"], model)
        location = (*prefix, *inside)
        problems.append(
            DataProblem(
                source.display_name,
                source.line_of(location),
                field_path(location) or None,
                _message(detail, model),
                _place(source, prefix, model, inside),
            )
        )
    return problems


def _child(value: Any, location: Location) -> Any:
    for part in location:
        value = value[part] if isinstance(value, (dict, list)) and _has(value, part) else None
    return value


def _has(container: dict | list, part: str | int) -> bool:
    return part in container if isinstance(container, dict) else isinstance(part, int) and 0 <= part < len(container)


def _place(source: SourceFile, prefix: Location, model: type[BaseModel], inside: Location) -> str | None:
    """In words: where in the file the checked value is (``prefix``), then where inside it."""
    outer = place_in_words(model_of_file(source.display_name), source.value, prefix)
    inner = place_in_words(model, _child(source.value, prefix), inside)
    return " → ".join(part for part in (outer, inner) if part) or None


def _without_union_noise(details: list[dict[str, Any]], model: type[BaseModel]) -> list[dict[str, Any]]:
    """``X | None`` reports two errors per bad value; keep the one about X."""
    kept, seen = [], set()
    for detail in details:
        location = _clean_location(detail["loc"], model)
        if detail["type"] == "none_required" and any(
            _clean_location(other["loc"], model) == location and other is not detail for other in details
        ):
            continue
        if (location, detail["type"]) in seen:
            continue
        seen.add((location, detail["type"]))
        kept.append(detail)
    return kept


def _clean_location(location: tuple, model: type[BaseModel]) -> Location:
    # pydantic adds validator and union member names ("function-before[...]", "str")
    # to locations; the editor only needs the keys and positions of the file.
    # A real field keeps its place even when its name looks like one ("date").
    cleaned: list[str | int] = []
    for part in location:
        owner = _model_at(model, tuple(cleaned))
        if isinstance(part, int) or (owner is not None and part in owner.model_fields) or not _is_internal(part):
            cleaned.append(part)
    return tuple(cleaned)


def _is_internal(part: str) -> bool:
    return "[" in part or part in {"str", "int", "bool", "date", "none", "list", "dict"} or part.startswith(
        ("function-", "constrained-", "literal")
    )


def _message(detail: dict[str, Any], model: type[BaseModel]) -> str:
    kind = detail["type"]
    found = _describe(detail.get("input"))
    if kind == "missing":
        return "thiếu trường bắt buộc này; nếu chưa biết, ghi null"
    if kind == "extra_forbidden":
        return _unknown_key_message(detail, model)
    if kind == "literal_error":
        # pydantic lists the choices as "'a', 'b' or 'c'": only its "or" needs translating.
        expected = detail.get("ctx", {}).get("expected", "").replace(" or ", " hoặc ")
        return f"gặp {found}; chỉ nhận một trong các giá trị: {expected}"
    if kind in {"too_short", "string_too_short"}:
        return f"không được để trống, đang là {found}"
    if kind == "string_pattern_mismatch":
        return f"gặp {found}; {_pattern_hint(detail)}"
    if kind in {"greater_than", "less_than_equal"}:
        return f"gặp {found}; {_range_hint(detail)}"
    if kind == "string_type":
        return f"gặp {found}; {_text_expected(detail.get('input'))}"
    if kind in _EXPECTED_BY_ERROR_TYPE:
        return f"gặp {found}; {_EXPECTED_BY_ERROR_TYPE[kind]}"
    if kind.startswith(("date_", "year_", "school_year")):
        return f"gặp {found}; {detail['msg']}"
    return f"gặp {found}; {detail['msg']}"


def _text_expected(value: Any) -> str:
    """What to write where text is expected and YAML read something else."""
    if isinstance(value, bool):
        return "cần chữ: nếu chưa biết, ghi null; muốn giữ đúng chữ đã viết thì đặt nó trong dấu ngoặc kép"
    if isinstance(value, (int, float)):
        return f'cần chữ: đặt số trong dấu ngoặc kép, ví dụ "{value}"'
    return "cần chữ, viết ngay sau dấu hai chấm trên cùng dòng"


def _unknown_key_message(detail: dict[str, Any], model: type[BaseModel]) -> str:
    key = str(detail["loc"][-1])
    owner = _model_at(model, _clean_location(detail["loc"], model)[:-1])
    allowed = sorted(owner.model_fields) if owner else []
    message = f"trường {key!r} không có trong mẫu dữ liệu"
    if close := difflib.get_close_matches(key, allowed, n=1):
        message += f"; có phải ý bạn là {close[0]!r}?"
    else:
        message += "."
    if allowed:
        message += f" Các trường được dùng ở đây: {', '.join(allowed)}"
    return message


def _pattern_hint(detail: dict[str, Any]) -> str:
    pattern = detail.get("ctx", {}).get("pattern", "")
    if "\\d{4}" in pattern:
        return "cần năm học dạng 2023-2024"
    return "cần mã gồm chữ thường không dấu, số và dấu gạch nối, ví dụ hieu-truong"


def _range_hint(detail: dict[str, Any]) -> str:
    context = detail.get("ctx", {})
    if "gt" in context:
        return f"cần một số lớn hơn {context['gt']}"
    return f"cần một số không lớn hơn {context.get('le')}"


def _describe(value: Any) -> str:
    """The value as the editor wrote it: text in quotes (invisible characters shown escaped)."""
    if isinstance(value, dict):
        return "các trường con"
    if isinstance(value, list):
        return "một danh sách rỗng" if not value else "một danh sách"
    if value is None:
        return "null"
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = repr(value) if isinstance(value, str) else str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return text


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """The model class that describes the value at ``location``."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        current = inner_model(current.model_fields[part].annotation) if part in current.model_fields else None
        if current is None:
            return None
    return current
