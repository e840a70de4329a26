"""The plan as a Vietnamese administrative document, for print.

Nghị định 30/2020/NĐ-CP, Phụ lục I sets the parts of the printed page: the
governing body and issuing unit, the national motto, the number line, the
place and date line, and at the end the recipients ("Nơi nhận") and the
signature block. This module says what each part reads; the template
``_official_*.md.j2`` places them and ``docs/assets/official-document.css`` sets
them in type. A value the data does not know prints as a dotted blank to fill
in by hand, never as a guess. Every fact comes from the year's own plan, as it
was signed: today's school.yml (a new governing body, a district that no longer
exists) never rewrites an earlier year's document.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..data.models import Plan

BLANK = "……………………"
PLACE_BLANK = "…………"
SHORT_BLANK = "……"

# Abbreviations of the kinds of document in the number line (Nghị định 30/2020, Phụ lục III).
KIND_ABBREVIATIONS = {
    "BÁO CÁO": "BC",
    "CHƯƠNG TRÌNH": "CTr",
    "HƯỚNG DẪN": "HD",
    "KẾ HOẠCH": "KH",
    "PHƯƠNG ÁN": "PA",
    "QUY CHẾ": "QC",
    "QUYẾT ĐỊNH": "QĐ",
    "THÔNG BÁO": "TB",
}


@dataclass(frozen=True)
class OfficialDocument:
    """What the printed plan shows around its text; blanks where the data does not know."""

    governing_body: str
    issuing_unit: str
    number_line: str
    place_date_line: str
    signer_title: str
    signer_name: str
    recipients: list[str]


def official_document(plan: Plan) -> OfficialDocument:
    return OfficialDocument(
        governing_body=plan.governing_body or BLANK,
        issuing_unit=plan.issuing_unit or BLANK,
        number_line=number_line(plan),
        place_date_line=f"{plan.place or PLACE_BLANK}, {date_words(plan.date)}",
        signer_title=plan.signer.title or BLANK,
        signer_name=plan.signer.name or BLANK,
        recipients=list(plan.recipients or [BLANK, BLANK]),
    )


def number_line(plan: Plan) -> str:
    """"Số: 05/KH-MNHS"; unknown: "Số: ……/KH-……", the kind's abbreviation being a rule, not a guess."""
    if plan.number:
        return f"Số: {plan.number}"
    abbreviation = KIND_ABBREVIATIONS.get(" ".join(plan.document_kind.upper().split()))
    return f"Số: {SHORT_BLANK}/{abbreviation}-{SHORT_BLANK}" if abbreviation else f"Số: {BLANK}"


def date_words(day: date | None) -> str:
    """"ngày 05 tháng 9 năm 2023": days below 10 and months below 3 take a leading zero (Phụ lục I)."""
    if day is None:
        return f"ngày {SHORT_BLANK} tháng {SHORT_BLANK} năm {SHORT_BLANK}"
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
