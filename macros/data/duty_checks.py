"""Checks of the duty catalogue (duties.yml), the working-day swaps and the records that
fulfil the duties: staff conferences, the people's inspection board and the disclosure register.
"""

from __future__ import annotations

from collections.abc import Iterator

from .errors import DataProblem
from .findings import choices, duplicates, problem
from .loaded_files import Loaded, YearFiles
from .models import (
    DisclosuresFile, DutiesFile, InspectionBoardFile, LegalDocumentsFile, StaffConferencesFile, WorkingDaySwapsFile,
)
from .yaml_source import SourceFile

# The number each rule kind reads, and the records each kind can be computed from.
RULE_PARAMETER = {
    "yearly_within": "months", "every_months": "months", "each_period": "months",
    "working_days_after": "days", "days_after": "days", "posted_for": "days", "term": "years",
}
RECORDS_FOR_RULE = {
    "yearly_within": {"hoi-nghi"},
    "every_months": {"ra-soat-nghi-quyet"},
    "each_period": {"bao-cao-ban-ttnd"},
    "working_days_after": {"cong-khai-dung-han", "cong-nhan-ban-ttnd"},
    "days_after": {"tra-loi-kien-nghi"},
    "posted_for": {"cong-khai-du-ngay"},
    "term": {"nhiem-ky-ban-ttnd"},
}
PERIODS_PER_YEAR = {"quy": 4, "6-thang": 2}


def check_duty_files(
    duties: Loaded[DutiesFile] | None,
    swaps: Loaded[WorkingDaySwapsFile] | None,
    documents: Loaded[LegalDocumentsFile] | None,
    years: list[YearFiles],
) -> list[DataProblem]:
    problems: list[DataProblem] = []
    if duties is not None:
        document_ids = None if documents is None else {d.id for d in documents.model.documents}
        problems += _check_catalogue(duties.model, duties.source, document_ids)
    if swaps is not None:
        problems += _check_swaps(swaps.model, swaps.source)
    for year in years:
        if year.conferences:
            problems += _check_conferences(year.conferences.model, year.conferences.source)
        if year.board:
            problems += _check_board(year.board.model, year.board.source)
        if year.disclosures:
            problems += _check_disclosures(year.disclosures.model, year.disclosures.source)
    return problems


def _check_catalogue(catalogue: DutiesFile, source: SourceFile, document_ids: set[str] | None) -> Iterator[DataProblem]:
    yield from duplicates(((d.id, ("duties", i, "id")) for i, d in enumerate(catalogue.duties)), source, "nghĩa vụ")
    for index, duty in enumerate(catalogue.duties):
        at = ("duties", index)
        for basis_index, basis in enumerate(duty.basis):
            if document_ids is not None and basis.document not in document_ids:
                yield problem(
                    source, (*at, "basis", basis_index, "document"),
                    f"không có văn bản mã {basis.document!r} trong data/legal_documents.yml; {choices(document_ids)}",
                )
        needed = RULE_PARAMETER[duty.rule.kind]
        for field in ("months", "days", "years"):
            value = getattr(duty.rule, field)
            if field == needed and value is None:
                yield problem(source, (*at, "rule", field), f"quy tắc {duty.rule.kind} cần ghi {field}")
            elif field != needed and value is not None:
                yield problem(source, (*at, "rule", field), f"quy tắc {duty.rule.kind} không dùng {field}; chỉ ghi {needed}")
        allowed = RECORDS_FOR_RULE[duty.rule.kind]
        if duty.records not in allowed:
            yield problem(
                source, (*at, "records"),
                f"quy tắc {duty.rule.kind} không tính được từ số liệu {duty.records!r}; dùng: {', '.join(sorted(allowed))}",
            )
        if duty.rule.kind == "each_period" and duty.rule.months not in (None, 3, 6, 12):
            yield problem(source, (*at, "rule", "months"), "mỗi kỳ phải là 3 (hằng quý), 6 hoặc 12 tháng")


def _check_swaps(swaps: WorkingDaySwapsFile, source: SourceFile) -> Iterator[DataProblem]:
    for index, swap in enumerate(swaps.swaps):
        if swap.day_off.weekday() >= 5:
            yield problem(source, ("swaps", index, "day_off"), "ngày được nghỉ phải là một ngày thường (thứ Hai đến thứ Sáu)")
        if swap.work_day.weekday() < 5:
            yield problem(source, ("swaps", index, "work_day"), "ngày làm bù phải là thứ Bảy hoặc Chủ nhật")


def _check_conferences(records: StaffConferencesFile, source: SourceFile) -> Iterator[DataProblem]:
    conferences = records.conferences
    yield from duplicates(((c.id, ("conferences", i, "id")) for i, c in enumerate(conferences)), source, "hội nghị")
    for index, conference in enumerate(conferences):
        for review_index, review in enumerate(conference.reviews):
            if review.date <= conference.date:
                yield problem(
                    source, ("conferences", index, "reviews", review_index, "date"),
                    "ngày rà soát nghị quyết phải sau ngày tổ chức hội nghị",
                )


def _check_board(board: InspectionBoardFile, source: SourceFile) -> Iterator[DataProblem]:
    ids = [(t.id, ("terms", i, "id")) for i, t in enumerate(board.terms)]
    ids += [(r.id, ("reports", i, "id")) for i, r in enumerate(board.reports)]
    ids += [(r.id, ("recommendations", i, "id")) for i, r in enumerate(board.recommendations)]
    yield from duplicates(ids, source, "mục")
    for index, term in enumerate(board.terms):
        if term.confirmed_date and term.confirmed_date < term.elected_date:
            yield problem(source, ("terms", index, "confirmed_date"), "ngày công nhận không thể trước ngày bầu")
        if term.end_date and term.end_date <= term.elected_date:
            yield problem(source, ("terms", index, "end_date"), "ngày kết thúc nhiệm kỳ phải sau ngày bầu")
    for index, report in enumerate(board.reports):
        count = PERIODS_PER_YEAR.get(report.kind)
        if count and report.period is None:
            yield problem(source, ("reports", index, "period"), f"báo cáo loại {report.kind} cần ghi kỳ thứ mấy (1–{count})")
        elif count and report.period > count:
            yield problem(source, ("reports", index, "period"), f"báo cáo loại {report.kind} chỉ có kỳ 1–{count}")
        elif not count and report.period is not None:
            yield problem(source, ("reports", index, "period"), f"báo cáo loại {report.kind} không ghi kỳ")
    for index, recommendation in enumerate(board.recommendations):
        if recommendation.reply_date and recommendation.reply_date < recommendation.sent_date:
            yield problem(source, ("recommendations", index, "reply_date"), "ngày trả lời không thể trước ngày gửi kiến nghị")


def _check_disclosures(register: DisclosuresFile, source: SourceFile) -> Iterator[DataProblem]:
    yield from duplicates(((e.id, ("entries", i, "id")) for i, e in enumerate(register.entries)), source, "mục công khai")
    for index, entry in enumerate(register.entries):
        at = ("entries", index)
        if entry.posted_from and entry.posted_from < entry.decision_date:
            yield problem(source, (*at, "posted_from"), "không thể công khai trước ngày quyết định")
        if entry.posted_until and entry.posted_from is None:
            yield problem(source, (*at, "posted_from"), "có ngày gỡ xuống thì cần ghi ngày bắt đầu công khai")
        elif entry.posted_until and entry.posted_from and entry.posted_until < entry.posted_from:
            yield problem(source, (*at, "posted_until"), "ngày gỡ xuống không thể trước ngày bắt đầu công khai")
        if entry.posted_from and not entry.places:
            yield problem(source, (*at, "places"), "đã công khai thì cần ghi nơi công khai (trang-web, bang-tin, hoi-nghi, van-ban)")
