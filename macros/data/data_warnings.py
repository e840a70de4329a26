"""Warnings: odd but publishable data, shown to the editor at build and check time.

The official text stays as written even when its dates look wrong; the editor
is told, the build goes on.
"""

from __future__ import annotations

from .dates import ISO_DATE, format_date, parse_date
from .errors import DataProblem
from .findings import problem
from .loaded_files import YearFiles
from .models import LegalDocument, Plan
from .status import add_months, held_dates
from .yaml_source import SourceFile, texts



def iso_date_warnings(sources: list[SourceFile]) -> list[DataProblem]:
    """Dates written year first (2024-04-30): accepted, and the editor is shown the form of the guide."""
    warnings = []
    for source in sources:
        for location, text in texts(source.value):
            if location and isinstance(location[-1], str) and location[-1].endswith("date") and ISO_DATE.match(text.strip()):
                written = parse_date(text)
                warnings.append(problem(
                    source, location,
                    f"ngày {text.strip()!r} viết theo dạng năm-tháng-ngày; trang web vẫn hiểu là {format_date(written)}, "
                    f"nhưng nên ghi {format_date(written)} (ngày/tháng/năm) như hướng dẫn",
                ))
    return warnings


def data_warnings(documents: list[LegalDocument], years: list[YearFiles]) -> list[DataProblem]:
    warnings: list[DataProblem] = []
    for year in years:
        warnings += _draft_warnings(year)
        warnings += _deadline_warnings(year, documents)
        warnings += _gap_warnings(year)
        warnings += _undated_submission_warnings(year)
    return warnings


def _draft_warnings(year: YearFiles) -> list[DataProblem]:
    plan = year.plan.model
    if not plan.draft:
        return []
    message = (
        f"kế hoạch năm học {plan.school_year} còn là dự thảo (draft: true): mọi trang của năm học này ghi rõ "
        "\"Dự thảo\" và trang chủ chưa chuyển sang năm học này. Khi kế hoạch đã ký, chép lại nguyên văn, "
        "điền số, ngày ký, người ký rồi đổi thành draft: false"
    )
    return [problem(year.plan.source, ("draft",), message)]


def _basis(plan: Plan, documents: list[LegalDocument]) -> LegalDocument | None:
    """The latest dated document the plan is based on: nothing it asks can be due before it."""
    cited = {reference for basis in plan.legal_bases for reference in basis.cites}
    dated = [d for d in documents if d.id in cited and d.date is not None]
    return max(dated, key=lambda d: d.date) if dated else None


def _deadline_warnings(year: YearFiles, documents: list[LegalDocument]) -> list[DataProblem]:
    plan, source = year.plan.model, year.plan.source
    basis = _basis(plan, documents)
    warnings = []
    for index, report in enumerate(plan.reporting.reports):
        if report.due_date is None:
            continue
        reasons = []
        if basis and report.due_date < basis.date:
            reasons.append(f"trước ngày ban hành văn bản căn cứ {basis.kind} số {basis.number} ({format_date(basis.date)})")
        if not plan.first_day <= report.due_date <= plan.last_day:
            reasons.append(
                f"nằm ngoài năm học {plan.school_year} ({format_date(plan.first_day)} – {format_date(plan.last_day)})"
            )
        if reasons:
            message = f"hạn nộp {report.name} là {format_date(report.due_date)}, " + " và ".join(reasons)
            message += "; trang web vẫn ghi đúng như văn bản, hãy kiểm tra lại với văn bản gốc"
            warnings.append(problem(source, ("reporting", "reports", index, "due_date"), message))
    return warnings


def _gap_warnings(year: YearFiles) -> list[DataProblem]:
    if year.dialogues is None:
        return []
    plan, sessions, source = year.plan.model, year.dialogues.model.sessions, year.dialogues.source
    warnings = []
    for duty in (d for d in plan.all_duties() if d.every_months):
        held = held_dates(duty, sessions, plan.last_day)
        for previous, following in zip(held, held[1:]):
            if following > add_months(previous, duty.every_months):
                index = next(i for i, s in enumerate(sessions) if s.duty == duty.id and s.date == following and s.status == "held")
                warnings.append(
                    problem(
                        source, ("sessions", index, "date"),
                        f"giữa hai buổi {format_date(previous)} và {format_date(following)} cách nhau quá "
                        f"{duty.every_months} tháng mà nhiệm vụ {duty.id!r} yêu cầu",
                    )
                )
    return warnings


def _undated_submission_warnings(year: YearFiles) -> list[DataProblem]:
    if year.reports is None:
        return []
    return [
        problem(year.reports.source, ("reports", index, "submitted"), "báo cáo ghi đã nộp nhưng chưa có ngày nộp")
        for index, record in enumerate(year.reports.model.reports)
        if record.submitted and record.submitted_date is None
    ]
