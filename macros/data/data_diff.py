"""What changed in the published data between two versions, said in plain Vietnamese.

The change-history page describes each change of the data folder by comparing the
validated data before and after it ("Thêm tóm tắt báo cáo Quý I", "Đổi ngày buổi
đối thoại từ … sang …"), never by the editor's commit message, which a parent
cannot read and a clerk seldom writes well.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from .dates import format_date
from .models import DialogueSession, LegalDocument, Plan, Reception, ReportRecord, SchoolYear, SiteData

SESSION_STATUS = {"planned": "dự kiến", "held": "đã tổ chức", "postponed": "hoãn", "cancelled": "hủy"}
SCHOOL_FIELDS = {
    "name": "tên trường", "governing_body": "cơ quan chủ quản", "district": "địa bàn", "address": "địa chỉ",
    "public_contacts": "liên hệ công khai", "roles": "các vai trò",
}
SESSION_FIELDS = {
    "time": "giờ", "place": "địa điểm", "chair": "người chủ trì", "participants": "thành phần", "agenda": "nội dung",
    "minutes_summary": "tóm tắt biên bản", "questions": "ý kiến và trả lời", "follow_ups": "việc cần làm tiếp theo",
    "note": "ghi chú", "duty": "nhiệm vụ",
}
REPORT_FIELDS = {
    "name": "tên", "kind": "loại", "period": "kỳ báo cáo", "due_date": "hạn nộp", "submitted": "đã nộp",
    "recipient": "nơi nhận", "attachment": "tệp đính kèm",
}
RECEPTION_FIELDS = {"receivers": "người tiếp", "schedule": "thời gian", "place": "địa điểm", "channels": "cách liên hệ", "figures": "số liệu đơn thư"}


def describe_changes(before: SiteData | None, after: SiteData) -> list[str]:
    """Every change from ``before`` (None: nothing published yet) to ``after``, one sentence each."""
    if before is None:
        return [f"Đăng dữ liệu của nhà trường: {_years_phrase([y.school_year for y in after.years])}"]
    changes: list[str] = []
    changed_fields = _changed_fields(before.school, after.school, SCHOOL_FIELDS)
    if changed_fields:
        changes.append("Sửa thông tin nhà trường: " + ", ".join(changed_fields))
    changes += _documents(before.legal_documents, after.legal_documents)
    old_years = {year.school_year: year for year in before.years}
    for year in after.years:
        old = old_years.pop(year.school_year, None)
        if old is None:
            changes.append(f"Đăng kế hoạch năm học {year.school_year}")
        else:
            changes += _year(old, year)
    changes += [f"Gỡ dữ liệu năm học {name}" for name in old_years]
    return changes or ["Sửa cách ghi dữ liệu; nội dung công bố không đổi"]


def _year(old: SchoolYear, new: SchoolYear) -> list[str]:
    name = new.school_year
    changes = []
    parts = _plan_parts(old.plan, new.plan)
    if parts:
        changes.append(f"Sửa kế hoạch năm học {name}: " + ", ".join(parts))
    changes += _sessions(old.dialogues, new.dialogues, name)
    names = {report.id: report.name for report in new.plan.reporting.reports}
    changes += _reports(old.reports, new.reports, name, names)
    changes += _reception(old.reception, new.reception, name)
    return changes


def _plan_parts(old: Plan, new: Plan) -> list[str]:
    """Which parts of the plan changed, named as the plan numbers them."""
    if old == new:
        return []
    parts = []
    header = ["document_kind", "title", "subtitle", "issuing_unit", "number", "date", "place", "signer", "recipients"]
    if any(getattr(old, field) != getattr(new, field) for field in header):
        parts.append("phần đầu và phần ký văn bản")
    if old.legal_bases != new.legal_bases or old.preamble != new.preamble:
        parts.append("phần căn cứ, mở đầu")
    if old.purposes != new.purposes:
        parts.append("mục I.1")
    if old.requirements != new.requirements:
        parts.append("mục I.2")
    for index in range(max(len(old.content), len(new.content))):
        if old.content[index : index + 1] != new.content[index : index + 1]:
            parts.append(f"mục II.{index + 1}")
    if old.organisation != new.organisation:
        parts.append("phần III")
    if old.reporting != new.reporting:
        parts.append("phần IV")
    if old.start_date != new.start_date or old.end_date != new.end_date:
        parts.append("ngày bắt đầu, kết thúc năm học")
    return parts or ["lời văn"]


def _documents(old: list[LegalDocument], new: list[LegalDocument]) -> list[str]:
    before = {document.id: document for document in old}
    changes = []
    for document in new:
        previous = before.pop(document.id, None)
        if previous is None:
            changes.append(f"Thêm văn bản pháp lý: {_document_name(document)}")
        elif previous != document:
            changes.append(f"Sửa thông tin văn bản: {_document_name(document)}")
    changes += [f"Bỏ văn bản pháp lý: {_document_name(document)}" for document in before.values()]
    return changes


def _sessions(old: list[DialogueSession] | None, new: list[DialogueSession] | None, year: str) -> list[str]:
    if old == new:
        return []
    if new is None:
        return [f"Gỡ lịch đối thoại năm học {year}"]
    changes = [f"Đăng lịch đối thoại năm học {year}"] if old is None else []
    before = {session.id: session for session in old or []}
    for session in new:
        previous = before.pop(session.id, None)
        if previous is None:
            changes.append(f"Thêm buổi đối thoại {_session_name(session)} ({SESSION_STATUS[session.status]})")
            continue
        if previous.date != session.date:
            changes.append(f"Đổi ngày buổi đối thoại {_month(previous.date)} từ {_day(previous.date)} sang {_day(session.date)}")
        if previous.status != session.status:
            changes.append(
                f"Buổi đối thoại {_session_name(session)}: chuyển từ {SESSION_STATUS[previous.status]} sang {SESSION_STATUS[session.status]}"
            )
        fields = _changed_fields(previous, session, SESSION_FIELDS)
        if fields:
            changes.append(f"Cập nhật buổi đối thoại {_session_name(session)}: " + ", ".join(fields))
    changes += [f"Bỏ buổi đối thoại {_session_name(session)}" for session in before.values()]
    return changes


def _reports(
    old: list[ReportRecord] | None, new: list[ReportRecord] | None, year: str, plan_names: dict[str, str]
) -> list[str]:
    if old == new:
        return []
    if new is None:
        return [f"Gỡ tình hình báo cáo năm học {year}"]
    before = {record.id: record for record in old or []}
    changes = []
    for record in new:
        previous = before.pop(record.id, None)
        name = _report_name(record, plan_names)
        if previous is None:
            changes.append(f"Thêm {name}")
            if record.summary is not None:
                changes.append(f"Thêm tóm tắt {name}")
            continue
        if previous.summary != record.summary:
            verb = "Thêm" if previous.summary is None else "Gỡ" if record.summary is None else "Sửa"
            changes.append(f"{verb} tóm tắt {name}")
        if previous.submitted_date != record.submitted_date:
            changes.append(f"Ghi ngày nộp {name}: {_day(record.submitted_date)}")
        fields = _changed_fields(previous, record, REPORT_FIELDS)
        if fields:
            changes.append(f"Sửa {name}: " + ", ".join(fields))
    changes += [f"Bỏ {_report_name(record, plan_names)}" for record in before.values()]
    return changes


def _reception(old: Reception | None, new: Reception | None, year: str) -> list[str]:
    if old == new:
        return []
    if old is None:
        return [f"Đăng thông tin tiếp công dân năm học {year}"]
    if new is None:
        return [f"Gỡ thông tin tiếp công dân năm học {year}"]
    return [f"Cập nhật tiếp công dân năm học {year}: " + ", ".join(_changed_fields(old, new, RECEPTION_FIELDS))]


def _changed_fields(old: Any, new: Any, labels: dict[str, str]) -> list[str]:
    return [label for field, label in labels.items() if getattr(old, field) != getattr(new, field)]


def _document_name(document: LegalDocument) -> str:
    if document.number:
        return f"{document.kind} số {document.number}"
    return document.title or document.kind


def _report_name(record: ReportRecord, plan_names: dict[str, str]) -> str:
    """"báo cáo Quý I": the record's or the plan's name, said once as a report."""
    name = record.name or plan_names.get(record.id) or record.id
    if name[:8].lower() == "báo cáo ":
        name = name[8:]
    return f"báo cáo {name}"


def _session_name(session: DialogueSession) -> str:
    return f"ngày {_day(session.date)}" if session.date else "chưa định ngày"


def _day(day: date | None) -> str:
    return format_date(day) if day else "chưa định ngày"


def _month(day: date | None) -> str:
    return f"tháng {day.month}/{day.year}" if day else "chưa định ngày"


def _years_phrase(names: list[str]) -> str:
    return "năm học " + ", ".join(names) if names else "thông tin nhà trường"
