"""Open data: the site's data as files people can take with them (JSON and CSV).

Each school year's JSON keeps the structure of its YAML files (one key per file:
``plan``, ``dialogues``, ``reports``, ``reception``, ``staff_conferences``,
``inspection_board``, ``disclosures``; null when the school has not published that file), with dates in ISO 8601, and adds what the site computes
from them under ``statuses``. The CSV tables flatten the parts people most want
in a spreadsheet; they are UTF-8 with a byte order mark so that Excel reads the
Vietnamese text correctly.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..data.build_views import BuildViews
from ..data.json_schema import model_schema
from ..data.legal_duties import DutyCompliance, Verdict
from ..data.models import (
    DialoguesFile, DisclosuresFile, InspectionBoardFile, LegalDocumentsFile, Plan, Reception, ReportKind, ReportsFile, School,
    SchoolYear, SiteData, StaffConferencesFile,
)
from ..data.status import Compliance, ReportStatus, ReportView, YearOverview
from ..pages.rendering import (
    COMPLIANCE_LABELS,
    REPORT_KIND_LABELS,
    REPORT_STATUS_LABELS,
    SESSION_STATUS_LABELS,
    VERDICT_LABELS,
    attachment_path,
    duty_basis,
    rule_description,
    report_page,
    responsibilities_by_owner,
    year_page,
)

FOLDER = "du-lieu"
SCHOOL_JSON = f"{FOLDER}/nha-truong.json"
DOCUMENTS_JSON = f"{FOLDER}/van-ban.json"
CALENDAR_FILE = f"{FOLDER}/lich.ics"
FEED_FILE = f"{FOLDER}/cap-nhat.xml"
SCHEMA_FOLDER = "luoc-do"
YEAR_FILES = {
    "json": "nam-hoc.json",
    "responsibilities": "trach-nhiem.csv",
    "dialogues": "doi-thoai.csv",
    "reports": "bao-cao.csv",
    "duties": "nghia-vu.csv",
}

PageUrl = Callable[[str], str]
"""Absolute URL of a file of the site, given its docs-relative path (``2023-2024/ke-hoach.md``)."""
Revised = Callable[[Sequence[str]], datetime]
"""When the newest of these data files (paths relative to the data folder) last changed."""

YES, NO = "có", "không"
# A cell starting with one of these is a formula to Excel: a plan sentence such
# as "- Tổ chức …" would show as #NAME?. A leading apostrophe keeps it text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def year_file(school_year: str, kind: str) -> str:
    """Docs-relative path of one of a school year's open data files."""
    return f"{FOLDER}/{school_year}/{YEAR_FILES[kind]}"


@dataclass(frozen=True)
class OpenDataFile:
    path: str
    content: bytes


def open_data_files(views: BuildViews, page_url: PageUrl) -> list[OpenDataFile]:
    """Every JSON and CSV file of the site's open data, with the statuses of the build's day."""
    site = views.site
    files = [
        OpenDataFile(SCHOOL_JSON, _json(site.school)),
        OpenDataFile(DOCUMENTS_JSON, _json(LegalDocumentsFile(documents=site.legal_documents))),
    ]
    for name, (model, title) in JSON_MODELS.items():
        schema = model_schema(model, title, mode="serialization")
        files.append(OpenDataFile(schema_file(name), (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")))
    for year in site.years:
        school_year = year.school_year
        overview = views.overview(school_year)
        compliance = views.compliance(school_year)
        files += [
            OpenDataFile(year_file(school_year, "json"), _json(year_data(year, overview, compliance, page_url, site))),
            OpenDataFile(year_file(school_year, "responsibilities"), _csv(*responsibilities_table(site, year, overview))),
            OpenDataFile(year_file(school_year, "dialogues"), _csv(*dialogues_table(site, year))),
            OpenDataFile(year_file(school_year, "reports"), _csv(*reports_table(year, overview, page_url))),
            OpenDataFile(year_file(school_year, "duties"), _csv(*duties_table(site, year, compliance))),
        ]
    return files


# --- JSON ----------------------------------------------------------------------------


ReportStatusCode = Literal[tuple(status.value for status in ReportStatus)]  # type: ignore[valid-type]
ComplianceCode = Literal[tuple(item.value for item in Compliance)]  # type: ignore[valid-type]
VerdictCode = Literal[tuple(item.value for item in Verdict)]  # type: ignore[valid-type]
_VERDICTS = ", ".join(f"{v.value} ({label})" for v, (_, label) in VERDICT_LABELS.items())


class _Export(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MissedPeriod(_Export):
    start: date = Field(serialization_alias="from", description="đầu khoảng thời gian")
    due: date = Field(description="hạn tổ chức buổi tiếp theo mà không có buổi nào")


class ReportState(_Export):
    id: str = Field(description="mã báo cáo")
    name: str = Field(description="tên báo cáo")
    kind: ReportKind = Field(description="loại: quy, 6-thang, 9-thang, nam, dot-xuat")
    in_plan: bool = Field(description="báo cáo có trong kế hoạch (false: báo cáo đột xuất)")
    due_date: date | None = Field(description="hạn nộp (null nếu kế hoạch không nêu)")
    due_as_written: str | None = Field(description="hạn nộp đúng như văn bản ghi")
    status: ReportStatusCode = Field(
        description="tình trạng: " + ", ".join(f"{s.value} ({label})" for s, (_, label) in REPORT_STATUS_LABELS.items())
    )
    status_label: str = Field(description="tình trạng bằng lời, như trên trang web")
    published: bool = Field(description="tóm tắt báo cáo đã được công bố")
    summary_page: str | None = Field(description="địa chỉ trang tóm tắt (null nếu chưa công bố)")


class DutyState(_Export):
    duty: str = Field(description="mã nhiệm vụ định kỳ trong kế hoạch")
    every_months: int = Field(description="ít nhất bao nhiêu tháng một lần")
    compliance: ComplianceCode = Field(
        description="việc thực hiện: " + ", ".join(f"{c.value} ({label})" for c, (_, label) in COMPLIANCE_LABELS.items())
    )
    compliance_label: str = Field(description="việc thực hiện bằng lời, như trên trang web")
    last_held: date | None = Field(description="ngày tổ chức buổi gần nhất")
    next_due: date | None = Field(description="hạn tổ chức buổi tiếp theo (null nếu sau năm học)")
    missed: list[MissedPeriod] = Field(description="các khoảng thời gian không có buổi nào đúng hạn")


class OccurrenceState(_Export):
    label: str = Field(description="kỳ hoặc việc phải làm")
    deadline: date | None = Field(description="hạn tính được (null nếu không tính được)")
    verdict: VerdictCode = Field(description="tình trạng: " + _VERDICTS)
    verdict_label: str = Field(description="tình trạng bằng lời, như trên trang web")
    done: date | None = Field(description="ngày thực hiện theo số liệu ghi nhận")
    record: str | None = Field(description="số liệu ghi nhận, bằng lời")
    note: str | None = Field(description="ghi chú")


class LegalDutyState(_Export):
    id: str = Field(description="mã nghĩa vụ (với nhiệm vụ của kế hoạch: mã nhiệm vụ)")
    name: str = Field(description="tên nghĩa vụ")
    in_plan: bool = Field(description="nhiệm vụ định kỳ của kế hoạch (false: nghĩa vụ theo luật)")
    basis: list[str] = Field(description="căn cứ: văn bản và điều, khoản")
    rule: str = Field(description="cách tính hạn, bằng lời")
    applies_to_staff_more_than: int | None = Field(description="chỉ áp dụng với đơn vị có nhiều hơn số người này")
    verdict: VerdictCode = Field(description="tình trạng: " + _VERDICTS)
    verdict_label: str = Field(description="tình trạng bằng lời, như trên trang web")
    note: str | None = Field(description="ghi chú")
    occurrences: list[OccurrenceState] = Field(description="từng kỳ, từng việc với hạn và số liệu ghi nhận")


class Statuses(_Export):
    as_of: date = Field(description="ngày tính tình trạng (ngày dựng trang web)")
    reports: list[ReportState] = Field(description="tình trạng các báo cáo: của kế hoạch theo thứ tự, rồi báo cáo đột xuất")
    duties: list[DutyState] = Field(description="việc thực hiện các nhiệm vụ định kỳ")
    legal_duties: list[LegalDutyState] = Field(description="các nghĩa vụ theo luật và kế hoạch, với hạn tính được")
    next_dialogue: str | None = Field(description="mã buổi đối thoại sắp tới")
    next_deadline: str | None = Field(description="mã báo cáo có hạn nộp gần nhất")
    latest_published: str | None = Field(description="mã báo cáo được công bố gần nhất")


class YearData(_Export):
    """A school year as published in nam-hoc.json."""

    school_year: str = Field(description="năm học, dạng 2023-2024")
    plan: Plan = Field(description="kế hoạch (tệp plan.yml)")
    dialogues: DialoguesFile | None = Field(description="các buổi đối thoại (tệp dialogues.yml; null nếu chưa công bố)")
    reports: ReportsFile | None = Field(description="tình hình các báo cáo (tệp reports.yml; null nếu chưa công bố)")
    reception: Reception | None = Field(description="tiếp công dân (tệp reception.yml; null nếu chưa công bố)")
    staff_conferences: StaffConferencesFile | None = Field(description="hội nghị cán bộ (tệp staff_conferences.yml; null nếu chưa công bố)")
    inspection_board: InspectionBoardFile | None = Field(description="Ban thanh tra nhân dân (tệp inspection_board.yml; null nếu chưa công bố)")
    disclosures: DisclosuresFile | None = Field(description="sổ theo dõi công khai (tệp disclosures.yml; null nếu chưa công bố)")
    pages: dict[str, str] = Field(description="địa chỉ các trang của năm học: plan, responsibilities, dialogues, reports")
    statuses: Statuses = Field(description="phần trang web tính ra từ dữ liệu, tại ngày as_of")


def year_data(
    year: SchoolYear, overview: YearOverview, compliance: list[DutyCompliance], page_url: PageUrl, site: SiteData
) -> YearData:
    """A school year as its YAML files say it, plus the statuses of its ``overview`` and duties ``compliance``
    (on the build's day)."""
    school_year = year.school_year
    return YearData(
        school_year=school_year,
        plan=year.plan,
        dialogues=None if year.dialogues is None else DialoguesFile(sessions=year.dialogues),
        reports=None if year.reports is None else ReportsFile(reports=year.reports),
        reception=year.reception,
        staff_conferences=None if year.conferences is None else StaffConferencesFile(conferences=year.conferences),
        inspection_board=year.board,
        disclosures=None if year.disclosures is None else DisclosuresFile(entries=year.disclosures),
        pages={name: page_url(year_page(school_year, name)) for name in ("plan", "responsibilities", "dialogues", "reports")},
        statuses=Statuses(
            as_of=overview.today,
            reports=[_report_state(school_year, report, page_url) for report in overview.reports],
            duties=[
                DutyState(
                    duty=item.duty.id,
                    every_months=item.duty.every_months or 0,
                    compliance=item.compliance.value,
                    compliance_label=COMPLIANCE_LABELS[item.compliance][1],
                    last_held=item.last_held,
                    next_due=item.next_due,
                    missed=[MissedPeriod(start=start, due=due) for start, due in item.missed],
                )
                for item in overview.duties
            ],
            legal_duties=[_legal_duty_state(site, item, school_year) for item in compliance],
            next_dialogue=overview.next_dialogue.id if overview.next_dialogue else None,
            next_deadline=overview.next_deadline.id if overview.next_deadline else None,
            latest_published=overview.latest_published.id if overview.latest_published else None,
        ),
    )


def _legal_duty_state(site: SiteData, item: DutyCompliance, school_year: str) -> LegalDutyState:
    duty = item.duty
    return LegalDutyState(
        id=duty.id,
        name=duty.name,
        in_plan=duty.plan_duty is not None,
        basis=duty_basis(site, school_year, item.duty),
        rule=rule_description(duty.rule),
        applies_to_staff_more_than=duty.applies_to.staff_more_than if duty.applies_to else None,
        verdict=item.verdict.value,
        verdict_label=VERDICT_LABELS[item.verdict][1],
        note=item.note,
        occurrences=[
            OccurrenceState(
                label=o.label, deadline=o.deadline, verdict=o.verdict.value, verdict_label=VERDICT_LABELS[o.verdict][1],
                done=o.done, record=o.record, note=o.note,
            )
            for o in item.occurrences
        ],
    )


def _report_state(school_year: str, report: ReportView, page_url: PageUrl) -> ReportState:
    return ReportState(
        id=report.id,
        name=report.name,
        kind=report.kind,
        in_plan=report.in_plan,
        due_date=report.due_date,
        due_as_written=report.due_as_written,
        status=report.status.value,
        status_label=REPORT_STATUS_LABELS[report.status][1],
        published=report.published,
        summary_page=page_url(report_page(school_year, report.id)) if report.published else None,
    )


# What each JSON file holds, with the title of its schema (JSON Schema, draft-07).
JSON_MODELS: dict[str, tuple[type[BaseModel], str]] = {
    "nam-hoc": (YearData, "Dữ liệu một năm học (du-lieu/<năm học>/nam-hoc.json)"),
    "nha-truong": (School, "Thông tin nhà trường và các vai trò (du-lieu/nha-truong.json)"),
    "van-ban": (LegalDocumentsFile, "Các văn bản pháp lý được trích dẫn (du-lieu/van-ban.json)"),
}


def schema_file(name: str) -> str:
    """Docs-relative path of the JSON Schema of one kind of JSON file (``nam-hoc``, ``nha-truong``, ``van-ban``)."""
    return f"{FOLDER}/{SCHEMA_FOLDER}/{name}.schema.json"


def _json(value: BaseModel) -> bytes:
    data = value.model_dump(mode="json", by_alias=True)
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- CSV -----------------------------------------------------------------------------

Table = tuple[list[str], list[list[object]]]


def responsibilities_table(site: SiteData, year: SchoolYear, overview: YearOverview) -> Table:
    """One row per duty of the plan, grouped by role as on the responsibilities page."""
    compliance = {item.duty.id: item.compliance for item in overview.duties}
    header = [
        "Năm học", "Mã nhiệm vụ", "Phần của kế hoạch", "Mã vai trò", "Vai trò", "Nội dung (nguyên văn)",
        "Thời gian, tần suất", "Định kỳ (số tháng)", "Hạn", "Căn cứ (mã văn bản)",
        "Tình trạng thực hiện (mã)", "Tình trạng thực hiện",
    ]
    rows: list[list[object]] = []
    for role, items in responsibilities_by_owner(site, year.plan):
        for item in items:
            duty = item.duty
            status = compliance.get(duty.id)
            rows.append([
                year.school_year, duty.id, item.part, duty.owner, role.name if role else None, item.text,
                duty.when, duty.every_months, _iso(duty.due_date), "; ".join(duty.legal_basis),
                status.value if status else None, COMPLIANCE_LABELS[status][1] if status else None,
            ])
    return header, rows


def duties_table(site: SiteData, year: SchoolYear, compliance: list[DutyCompliance]) -> Table:
    """One row per occurrence of each duty (a duty without any: one row of its own), from the year's ``compliance``."""
    header = [
        "Năm học", "Mã nghĩa vụ", "Nghĩa vụ", "Căn cứ", "Cách tính hạn", "Kỳ, việc", "Hạn", "Ngày thực hiện",
        "Số liệu ghi nhận", "Tình trạng (mã)", "Tình trạng",
    ]
    rows: list[list[object]] = []
    for item in compliance:
        first = [year.school_year, item.duty.id, item.duty.name, "; ".join(duty_basis(site, year.school_year, item.duty)), rule_description(item.duty.rule)]
        for o in item.occurrences:
            rows.append([*first, o.label, _iso(o.deadline), _iso(o.done), o.record, o.verdict.value, VERDICT_LABELS[o.verdict][1]])
        if not item.occurrences:
            rows.append([*first, None, None, None, item.note, item.verdict.value, VERDICT_LABELS[item.verdict][1]])
    return header, rows


def dialogues_table(site: SiteData, year: SchoolYear) -> Table:
    """One row per dialogue session; questions and follow-ups are in the year's JSON."""
    header = [
        "Năm học", "Mã buổi", "Mã nhiệm vụ", "Trạng thái (mã)", "Trạng thái", "Ngày", "Giờ", "Địa điểm",
        "Mã vai trò chủ trì", "Chủ trì", "Thành phần", "Nội dung", "Tóm tắt biên bản", "Số ý kiến",
        "Số việc cần làm tiếp", "Ghi chú",
    ]
    rows: list[list[object]] = [
        [
            year.school_year, s.id, s.duty, s.status, SESSION_STATUS_LABELS[s.status][1], _iso(s.date), s.time,
            s.place, s.chair, site.role(s.chair).name if s.chair else None, s.participants,
            "\n".join(s.agenda), s.minutes_summary, len(s.questions), len(s.follow_ups), s.note,
        ]
        for s in year.dialogues or []
    ]
    return header, rows


def reports_table(year: SchoolYear, overview: YearOverview, page_url: PageUrl) -> Table:
    """One row per report of the year: the plan's, then the ad hoc ones, with their status on the overview's day."""
    header = [
        "Năm học", "Mã báo cáo", "Tên báo cáo", "Loại (mã)", "Loại", "Trong kế hoạch", "Hạn nộp (nguyên văn)",
        "Hạn nộp", "Kỳ báo cáo", "Đã nộp", "Ngày nộp", "Nơi nhận", "Tình trạng (mã)", "Tình trạng",
        "Tình trạng tính đến ngày", "Trang tóm tắt", "Tệp đính kèm",
    ]
    rows: list[list[object]] = []
    for report in overview.reports:
        record = report.record
        attachment = record.attachment if record else None
        rows.append([
            year.school_year, report.id, report.name, report.kind, REPORT_KIND_LABELS[report.kind],
            report.in_plan, report.due_as_written, _iso(report.due_date),
            record.period if record else None, record.submitted if record else None,
            _iso(record.submitted_date) if record else None, record.recipient if record else None,
            report.status.value, REPORT_STATUS_LABELS[report.status][1], overview.today.isoformat(),
            page_url(report_page(year.school_year, report.id)) if report.published else None,
            page_url(attachment_path(year.school_year, attachment)) if attachment else None,
        ])
    return header, rows


def csv_cell(value: object) -> str:
    """A value as Excel should show it: empty when unknown, có/không, ISO dates, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _csv(header: list[str], rows: Iterable[list[object]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
