"""Dates as Vietnamese editors write them: ``25/02/2023`` (or ISO ``2023-02-25``)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from pydantic_core import PydanticCustomError

_VIETNAMESE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# Accepted, with a warning that shows the editor the form of the guide (data_warnings.py).
ISO_DATE = _ISO
# The same two forms, for the JSON Schema of the data files (editors check them while typing).
DATE_PATTERN = f"{_VIETNAMESE.pattern}|{_ISO.pattern}"
# Years a date of this site can plausibly fall in: from the founding of the state's schools to
# the end of the century. Outside them a date is a typing mistake (and 9999 overflows the calendar feed).
FIRST_YEAR, LAST_YEAR = 1945, 2100
YEAR_RANGE_MESSAGE = f"năm phải nằm trong khoảng {FIRST_YEAR}–{LAST_YEAR}"


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
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise PydanticCustomError(
            "date_year_range", "ngày {text}: " + YEAR_RANGE_MESSAGE + ", hãy kiểm tra lại năm", {"text": text}
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise PydanticCustomError(
            "date_impossible", "ngày {text} không có thật trên lịch", {"text": text}
        ) from None


def format_date(value: date) -> str:
    """The Vietnamese way of writing a date: 25/02/2023."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, kept inside the month (31/08 + 6 months = 28/02 or 29/02)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
