"""The personal-data guard: public pages never carry private phone numbers, e-mails or ID numbers.

Every text of every data file is scanned; only the school's own declared public
contacts (``public_contacts`` in school.yml) may appear.
"""

from __future__ import annotations

import re

from .errors import DataProblem
from .findings import problem
from .models import Contact
from .yaml_source import Location, SourceFile, texts

_PATTERNS = [
    ("địa chỉ e-mail", re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")),
    ("số điện thoại", re.compile(r"(?<![\d/])(?:\+84|0)(?:[ .-]?\d){8,10}(?![\d/])")),
    ("số giấy tờ tùy thân (CMND/CCCD)", re.compile(r"(?<![\d/])(?:\d{12}|\d{9})(?![\d/])")),
]


def personal_data_problems(sources: list[SourceFile], public_contacts: list[Contact]) -> list[DataProblem]:
    allowed = {_canonical(contact.value) for contact in public_contacts}
    problems = []
    for source in sources:
        for location, text in texts(source.value):
            if _is_public_contact_entry(source, location):
                continue
            for what, pattern in _PATTERNS:
                for match in pattern.finditer(text):
                    if _canonical(match.group()) not in allowed:
                        problems.append(problem(source, location, _message(what, match.group())))
    return problems


def _message(what: str, found: str) -> str:
    return (
        f"có {what} {found!r}; trang công khai không đăng thông tin cá nhân. "
        "Chỉ được dùng liên hệ công khai của nhà trường đã khai trong school.yml (public_contacts)"
    )



def _is_public_contact_entry(source: SourceFile, location: Location) -> bool:
    return source.path.name == "school.yml" and location[:1] == ("public_contacts",)


def _canonical(value: str) -> str:
    """Phone numbers compare by digits (0 for +84); e-mails without case."""
    if "@" in value:
        return value.strip().lower()
    digits = re.sub(r"\D", "", value)
    return "0" + digits[2:] if value.strip().startswith("+84") else digits
