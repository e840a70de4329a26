"""Turn pydantic's validation errors into located Vietnamese messages."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import DataProblem
from .yaml_source import Location, SourceFile, field_path

_TYPE_NAMES = {
    str: "một đoạn chữ",
    int: "một số nguyên",
    bool: "true hoặc false",
    float: "một số",
    list: "một danh sách (các dòng bắt đầu bằng '- ')",
    dict: "một nhóm trường (tên: giá trị)",
    type(None): "để trống (null)",
}

_EXPECTED_BY_ERROR_TYPE = {
    "string_type": "một đoạn chữ (nếu là số hoặc true/false, hãy đặt trong dấu ngoặc kép)",
    "int_type": "một số nguyên",
    "bool_type": "true hoặc false",
    "list_type": "một danh sách (các dòng bắt đầu bằng '- ')",
    "dict_type": "một nhóm trường (tên: giá trị)",
    "model_type": "một nhóm trường (tên: giá trị)",
    "date_type": "một ngày dạng ngày/tháng/năm, ví dụ 25/02/2023",
    "none_required": "để trống (null)",
}


def problems_from_validation(
    error: ValidationError, source: SourceFile, model: type[BaseModel], prefix: Location = ()
) -> list[DataProblem]:
    """One ``DataProblem`` per pydantic error, with file, line and field named."""
    problems = []
    for detail in _without_union_noise(error.errors(), model):
        location = (*prefix, *_clean_location(detail["loc"], model))
        field_name = field_path(location)
        label = _field_label(model, _clean_location(detail["loc"], model))
        if label:
            field_name = f"{field_name} ({label})"
        problems.append(
            DataProblem(source.display_name, source.line_of(location), field_name or None, _message(detail, model))
        )
    return problems


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
        return "thiếu trường bắt buộc này (nếu chưa biết, ghi null)"
    if kind == "extra_forbidden":
        return _unknown_key_message(detail, model)
    if kind == "literal_error":
        # pydantic lists the choices as "'a', 'b' or 'c'": only its "or" needs translating.
        expected = detail.get("ctx", {}).get("expected", "").replace(" or ", " hoặc ")
        return f"gặp {found}; chỉ nhận một trong các giá trị: {expected}"
    if kind in {"too_short", "string_too_short"}:
        return f"không được để trống (gặp {found})"
    if kind == "string_pattern_mismatch":
        return f"gặp {found}; {_pattern_hint(detail)}"
    if kind in {"greater_than", "less_than_equal"}:
        return f"gặp {found}; {_range_hint(detail)}"
    if kind in _EXPECTED_BY_ERROR_TYPE:
        return f"gặp {found}; cần {_EXPECTED_BY_ERROR_TYPE[kind]}"
    if kind.startswith(("date_", "year_", "school_year")):
        return f"gặp {found}; {detail['msg']}"
    return f"gặp {found}; {detail['msg']}"


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
    if isinstance(value, dict):
        return "một nhóm trường"
    if isinstance(value, list):
        return "một danh sách"
    if value is None:
        return "giá trị trống"
    if isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = repr(value) if isinstance(value, str) else str(value)
    if len(text) > 60:
        text = text[:57] + "…"
    return f"{text} ({_TYPE_NAMES.get(type(value), type(value).__name__)})"


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """The model class that describes the value at ``location``."""
    current: Any = model
    for part in location:
        if isinstance(part, int):
            continue
        current = _inner_model(current.model_fields[part].annotation) if part in current.model_fields else None
        if current is None:
            return None
    return current


def _field_label(model: type[BaseModel], location: Location) -> str | None:
    names = [part for part in location if isinstance(part, str)]
    if not names:
        return None
    owner = _model_at(model, location[: max(i for i, part in enumerate(location) if isinstance(part, str))])
    if owner is None or names[-1] not in owner.model_fields:
        return None
    return owner.model_fields[names[-1]].description


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``Model``, ``list[Model]``, ``Model | None`` or ``Annotated[Model, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for argument in typing.get_args(annotation):
            if found := _inner_model(argument):
                return found
    return None
