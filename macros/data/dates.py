"""Dates as Vietnamese editors write them: ``25/02/2023`` (or ISO ``2023-02-25``)."""

from __future__ import annotations

import re
from datetime import date

from pydantic_core import PydanticCustomError

_VIETNAMESE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Accepted, with a warning that shows the editor the form of the guide (data_warnings.py).
ISO_DATE = _ISO
# The same two forms, for the JSON Schema of the data files (editors check them while typing).
DATE_PATTERN = f"{_VIETNAMESE.pattern}|{_ISO.pattern}"


def parse_date(value: object) -> object:
    """Turn a date written as text into a ``date``; refuse impossible dates."""
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError("date_format", "cần một ngày dạng ngày/tháng/năm, ví dụ 25/02/2023")
    text = value.strip()
    if match := _VIETNAMESE.match(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.match(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise PydanticCustomError("date_format", "cần một ngày dạng ngày/tháng/năm, ví dụ 25/02/2023")
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_impossible", "ngày {text} không có thật trên lịch", {"text": text}
        ) from None


def format_date(value: date) -> str:
    """The Vietnamese way of writing a date: 25/02/2023."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"
