"""Where a problem is, in the editor's words: "phần IV → báo cáo thứ 3 (Quý I) → hạn nộp (due_date)".

A location in a data file, ``("reporting", "reports", 2, "due_date")``, is named
by the short Vietnamese label of each field (from the models' descriptions),
list items by what they are and their number counted from 1, with their name
from the data when they have one; the key the editor sees in the file ends it.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

from pydantic import BaseModel

from .models import (
    DialoguesFile, DisclosuresFile, DutiesFile, InspectionBoardFile, LegalDocumentsFile, Plan, Reception, ReportsFile, School,
    StaffConferencesFile, WorkingDaySwapsFile,
)
from .yaml_source import Location

# The model of each data file, by its file name.
FILE_MODELS: dict[str, type[BaseModel]] = {
    "school.yml": School,
    "legal_documents.yml": LegalDocumentsFile,
    "plan.yml": Plan,
    "dialogues.yml": DialoguesFile,
    "reports.yml": ReportsFile,
    "reception.yml": Reception,
    "duties.yml": DutiesFile,
    "working_day_swaps.yml": WorkingDaySwapsFile,
    "staff_conferences.yml": StaffConferencesFile,
    "inspection_board.yml": InspectionBoardFile,
    "disclosures.yml": DisclosuresFile,
}

# What one item of each list is called.
ITEM_NOUNS = {
    "reports": "báo cáo",
    "sessions": "buổi đối thoại",
    "documents": "văn bản",
    "roles": "vai trò",
    "public_contacts": "liên hệ",
    "organisation": "đoạn",
    "duties": "nhiệm vụ",
    "content": "mục",
    "items": "đoạn",
    "legal_bases": "căn cứ",
    "preamble": "đoạn mở đầu",
    "recipients": "nơi nhận",
    "agenda": "nội dung",
    "questions": "ý kiến",
    "follow_ups": "việc cần làm",
    "figures": "kỳ số liệu",
    "channels": "kênh tiếp nhận",
    "receivers": "người tiếp",
    "results": "kết quả",
    "limitations": "hạn chế",
    "next_steps": "phương hướng",
    "cites": "văn bản nhắc đến",
    "legal_basis": "văn bản căn cứ",
    "basis": "căn cứ",
    "swaps": "ngày hoán đổi",
    "conferences": "hội nghị",
    "reviews": "lần rà soát",
    "terms": "nhiệm kỳ",
    "members": "thành viên",
    "recommendations": "kiến nghị",
    "entries": "mục công khai",
    "places": "nơi công khai",
}

# Lists that are one part of the plan: named before their items ("phần III → đoạn thứ 2").
LIST_PARTS = {"organisation": "phần III", "content": "phần II"}

# The keys whose value names a list item, in order of preference.
_NAME_KEYS = ("name", "heading", "number", "id")
# A label is the description up to its first qualification: "hạn nộp dạng ngày/tháng/năm (null …)" → "hạn nộp".
_LABEL_END = re.compile(r" \(|,|;|:| dạng ")
_NAME_LENGTH = 40


def model_of_file(file_name: str) -> type[BaseModel] | None:
    return FILE_MODELS.get(file_name.rsplit("/", 1)[-1])


def place_in_words(model: type[BaseModel] | None, value: Any, location: Location) -> str | None:
    """The place of ``location`` in a file of ``model`` holding ``value``, in words; None for the whole file."""
    if not location:
        return None
    words: list[str] = []
    owner: Any = model
    key: str | None = None
    for position, part in enumerate(location):
        value = _child(value, part)
        if isinstance(part, int):
            noun = ITEM_NOUNS.get(key or "", "mục")
            name = _item_name(value, noun)
            words.append(f"{noun} thứ {part + 1}" + (f" ({name})" if name else ""))
            continue
        key = part
        field = owner.model_fields.get(part) if _is_model(owner) else None
        last = position == len(location) - 1
        if field is None:
            words.append(f"trường {part}")
            owner = None
            continue
        owner = inner_model(field.annotation)
        followed_by_item = not last and isinstance(location[position + 1], int)
        if followed_by_item and part in ITEM_NOUNS:
            if part in LIST_PARTS:
                words.append(LIST_PARTS[part])
            continue  # "báo cáo thứ 3" says which list it is.
        label = _label(field.description) or part
        words.append(f"{label} ({part})" if last else label)
    return " → ".join(words)


def _child(value: Any, part: str | int) -> Any:
    if isinstance(part, int):
        return value[part] if isinstance(value, list) and 0 <= part < len(value) else None
    return value.get(part) if isinstance(value, dict) else None


def _item_name(item: Any, noun: str) -> str | None:
    """A list item's name from the data, without the noun it repeats: "Báo cáo Quý I" → "Quý I"."""
    if not isinstance(item, dict):
        return None
    name = next((item[key] for key in _NAME_KEYS if isinstance(item.get(key), str) and item[key].strip()), None)
    if name is None:
        return None
    name = " ".join(name.split())
    if name.lower().startswith(noun + " ") and len(name) > len(noun) + 1:
        name = name[len(noun) + 1:]
    # One level of parentheses only: the name's own are dropped.
    name = name.split("(")[0].strip()
    if len(name) > _NAME_LENGTH:
        name = name[: _NAME_LENGTH - 1] + "…"
    return name or None


def _label(description: str | None) -> str | None:
    if not description:
        return None
    label = ""
    for match in _LABEL_END.finditer(description):
        label = description[: match.start()].strip()
        # "ngày, giờ tiếp", "số, ký hiệu văn bản": a single word before a comma is only the start.
        if match.group() != "," or " " in label:
            return label or None
    return label or description.strip()


def _is_model(candidate: Any) -> bool:
    return isinstance(candidate, type) and issubclass(candidate, BaseModel)


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside ``Model``, ``list[Model]``, ``Model | None`` or ``Annotated[Model, ...]``."""
    if _is_model(annotation):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return inner_model(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for argument in typing.get_args(annotation):
            if found := inner_model(argument):
                return found
    return None
