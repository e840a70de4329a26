"""Checks of a school year's records: dialogue sessions, reports and citizen reception."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from .anchors import anchor_problems, report_name_problems
from .containment import inside
from .errors import DataProblem
from .findings import choices, duplicates, problem
from .loaded_files import YearFiles
from .models import DialogueSession, Plan, Reception, ReportRecord
from .yaml_source import Location, SourceFile


ATTACHMENT_SUFFIXES = {".pdf", ".docx", ".xlsx", ".odt", ".ods", ".jpg", ".jpeg", ".png"}
# An attached file's name becomes part of an address and of a link: only characters that mean
# nothing in a URL, in Markdown or in HTML, and that MkDocs publishes as they are.
ATTACHMENT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)+")
ATTACHMENT_NAME_LENGTH = 100
_NAME_RULE = (
    "chỉ ghi tên tệp nằm trong thư mục files/ của năm học, ví dụ: bao-cao-quy-1.pdf; tên tệp chỉ gồm "
    "chữ cái không dấu, chữ số, dấu gạch nối (-), gạch dưới (_) và dấu chấm trước đuôi tệp, không có dấu cách"
)


def check_year_records(year: YearFiles, role_ids: set[str] | None) -> list[DataProblem]:
    plan = year.plan.model
    problems: list[DataProblem] = []
    if year.dialogues:
        problems += _check_dialogues(year.dialogues.model.sessions, year.dialogues.source, plan, role_ids)
    if year.reports:
        problems += _check_reports(year.reports.model.reports, year.reports.source, plan, year.folder)
    if year.reception:
        problems += _check_reception(year.reception.model, year.reception.source, role_ids)
    return problems


def _check_dialogues(
    sessions: list[DialogueSession], source: SourceFile, plan: Plan, role_ids: set[str] | None
) -> Iterator[DataProblem]:
    yield from duplicates(((s.id, ("sessions", i, "id")) for i, s in enumerate(sessions)), source, "buổi đối thoại")
    yield from anchor_problems([(s.id, ("sessions", i, "id")) for i, s in enumerate(sessions)], source, "buổi đối thoại")
    duty_ids = {duty.id for duty in plan.all_duties()}
    for index, session in enumerate(sessions):
        at = ("sessions", index)
        if session.duty not in duty_ids:
            yield problem(source, (*at, "duty"), f"không có nhiệm vụ mã {session.duty!r} trong kế hoạch năm học {plan.school_year}; {choices(duty_ids)}")
        if session.status == "held" and session.date is None:
            yield problem(source, (*at, "date"), "buổi đối thoại đã tổ chức (held) phải có ngày tổ chức")
        if session.minutes_summary and session.status != "held":
            yield problem(source, (*at, "minutes_summary"), "chỉ buổi đã tổ chức (status: held) mới có tóm tắt biên bản")
        roles = [((*at, "chair"), session.chair)]
        roles += [((*at, "follow_ups", i, "owner"), f.owner) for i, f in enumerate(session.follow_ups)]
        yield from _unknown_roles(roles, source, role_ids)


def _check_reports(records: list[ReportRecord], source: SourceFile, plan: Plan, folder) -> Iterator[DataProblem]:
    yield from duplicates(((r.id, ("reports", i, "id")) for i, r in enumerate(records)), source, "báo cáo")
    yield from anchor_problems([(r.id, ("reports", i, "id")) for i, r in enumerate(records)], source, "báo cáo", report=True)
    yield from report_name_problems([(r.name, ("reports", i, "name")) for i, r in enumerate(records)], source)
    planned = {report.id for report in plan.reporting.reports}
    for index, record in enumerate(records):
        at = ("reports", index)
        if record.id in planned:
            for field in ("name", "kind", "due_date"):
                if getattr(record, field) is not None:
                    yield problem(source, (*at, field), f"báo cáo {record.id!r} đã có trong kế hoạch: tên, loại và hạn nộp lấy từ kế hoạch, không ghi lại ở đây")
        else:
            for field in ("name", "kind"):
                if getattr(record, field) is None:
                    yield problem(
                        source, (*at, field),
                        f"báo cáo {record.id!r} không có trong kế hoạch ({choices(planned)}): nếu là báo cáo đột xuất, cần ghi {field}",
                    )
        if record.submitted_date and not record.submitted:
            yield problem(source, (*at, "submitted"), "có ngày nộp nhưng submitted là false; nếu đã nộp, ghi submitted: true")
        if record.summary and not record.submitted:
            yield problem(source, (*at, "summary"), "báo cáo chưa nộp (submitted: false) thì chưa công bố tóm tắt")
        if record.attachment:
            yield from _check_attachment(record.attachment, source, (*at, "attachment"), folder)


def _check_attachment(name: str, source: SourceFile, location: Location, folder: Path) -> Iterator[DataProblem]:
    if not ATTACHMENT_NAME.fullmatch(name) or len(name) > ATTACHMENT_NAME_LENGTH:
        odd = next((character for character in name if not re.fullmatch(r"[A-Za-z0-9._-]", character)), None)
        found = f" (gặp ký tự {odd!r})" if odd else ""
        too_long = f"; tên dài quá {ATTACHMENT_NAME_LENGTH} ký tự" if len(name) > ATTACHMENT_NAME_LENGTH else ""
        yield problem(source, location, f"{_NAME_RULE}{found}{too_long}")
        return
    path = PurePosixPath(name)
    file = folder / "files" / name
    if path.suffix.lower() not in ATTACHMENT_SUFFIXES:
        yield problem(source, location, f"loại tệp {path.suffix or '(không có đuôi)'} không được nhận; dùng: {', '.join(sorted(ATTACHMENT_SUFFIXES))}")
    elif (file.exists() or file.is_symlink()) and not inside(file, folder.parent.parent):
        # A link to a file elsewhere on the machine (or a files/ folder linked elsewhere) would publish that file.
        yield problem(source, location, f"tệp files/{name} là lối tắt (symlink) trỏ ra ngoài thư mục dữ liệu; hãy tải lên chính tệp đó")
    elif not file.is_file():
        yield problem(source, location, f"không tìm thấy tệp files/{name} trong thư mục năm học; hãy tải tệp lên trước")


def _check_reception(reception: Reception, source: SourceFile, role_ids: set[str] | None) -> Iterator[DataProblem]:
    yield from _unknown_roles([(("receivers", i), role) for i, role in enumerate(reception.receivers)], source, role_ids)
    for index, figures in enumerate(reception.figures):
        at = ("figures", index)
        if figures.resolved + figures.in_progress != figures.received:
            yield problem(
                source, (*at, "received"),
                f"số đã giải quyết ({figures.resolved}) cộng đang giải quyết ({figures.in_progress}) phải bằng số đã nhận ({figures.received})",
            )
        by_kind = figures.complaints + figures.denunciations + figures.petitions
        if by_kind != figures.received:
            yield problem(
                source, (*at, "received"),
                f"khiếu nại + tố cáo + kiến nghị, phản ánh ({by_kind}) phải bằng số đã nhận ({figures.received})",
            )


def _unknown_roles(references, source: SourceFile, role_ids: set[str] | None) -> Iterator[DataProblem]:
    if role_ids is None:
        return
    for location, role in references:
        if role is not None and role not in role_ids:
            yield problem(source, location, f"không có vai trò mã {role!r} trong data/school.yml; {choices(role_ids)}")
