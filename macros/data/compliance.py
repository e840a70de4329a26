"""Does the school keep its duties? One list of checks, counted as met, late and missing.

The home page's counts come from ``compliance_summary`` alone, so a new kind of
duty (a statutory one, say) is added here and shows up everywhere the counts do.
Time is honest: the school year running on ``today`` is found by the calendar,
and a running year without a plan is itself a missing duty.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum

from collections.abc import Sequence

from .legal_duties import DutyCompliance, Verdict
from .models import SchoolYear, SiteData
from .status import Compliance, ReportStatus, recurring_duties, year_reports


class Standing(Enum):
    MET = "met"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"
    """Not due yet: counted nowhere."""
    UNKNOWN = "unknown"
    """Nothing published to judge by (no dialogue records): counted nowhere, never called missing."""


@dataclass(frozen=True)
class DutyCheck:
    """One duty of one school year and where it stands on the day of the build."""

    kind: str
    """"plan", "dialogue", "report" or "statutory": which page tells more."""
    subject: str
    """What the duty is, in the words of the plan where it has them."""
    school_year: str
    standing: Standing
    reference: str | None = None
    """The id of the duty or report it is about, for a link."""


@dataclass(frozen=True)
class ComplianceSummary:
    today: date
    running_year: str
    """The school year running on ``today`` by the calendar (e.g. "2026-2027")."""
    running_year_has_plan: bool
    checks: list[DutyCheck]

    def count(self, standing: Standing) -> int:
        return sum(1 for check in self.checks if check.standing is standing)

    def of(self, standing: Standing) -> list[DutyCheck]:
        return [check for check in self.checks if check.standing is standing]


def running_school_year(site: SiteData, today: date) -> str:
    """The school year running on ``today``: a plan's own dates when one covers the day, else
    the calendar's (1 September to 31 August, as ``Plan.first_day`` and ``Plan.last_day``)."""
    for year in site.years:
        if year.plan.first_day <= today <= year.plan.last_day:
            return year.school_year
    start = today.year if today.month >= 9 else today.year - 1
    return f"{start}-{start + 1}"


def is_past(year: SchoolYear, today: date) -> bool:
    """Whether a school year has ended on ``today``: its data is then that year's, never current."""
    return today > year.plan.last_day


def year_timing(year: SchoolYear, today: date) -> str:
    """"past", "running" or "future": whether a year's pages speak of a year that has ended,
    is under way, or has not started on ``today``."""
    if today > year.plan.last_day:
        return "past"
    return "future" if today < year.plan.first_day else "running"


def compliance_summary(
    site: SiteData, shown: SchoolYear, today: date, statutory: Sequence[DutyCompliance] = ()
) -> ComplianceSummary:
    """The duties of the running year's plan and of the year the site shows (``shown``), with the
    catalogue's ``statutory`` duties of that year (``legal_duties.year_compliance``)."""
    running = running_school_year(site, today)
    has_plan = any(year.school_year == running for year in site.years)
    checks = [DutyCheck("plan", f"Công bố kế hoạch năm học {running}", running, Standing.MET if has_plan else Standing.MISSING)]
    checks += year_checks(shown, today)
    checks += statutory_checks(shown, statutory)
    return ComplianceSummary(today, running, has_plan, checks)


def statutory_checks(year: SchoolYear, statutory: Sequence[DutyCompliance]) -> list[DutyCheck]:
    """The law's duties of the catalogue, each as a check. The plan's own recurring duties are in the
    catalogue too, but ``year_checks`` already counts them; a duty that does not apply counts nowhere."""
    return [
        DutyCheck("statutory", item.duty.name, year.school_year, _VERDICT_STANDING[item.verdict], item.duty.id)
        for item in statutory
        if item.duty.plan_duty is None and item.verdict is not Verdict.NOT_APPLICABLE
    ]


def year_checks(year: SchoolYear, today: date) -> list[DutyCheck]:
    """The recurring dialogues and the reports of a school year, each as a check."""
    checks = [
        DutyCheck("dialogue", year.plan.duty_text(item.duty), year.school_year, _DUTY_STANDING[item.compliance], item.duty.id)
        for item in recurring_duties(year, today)
    ]
    checks += [
        DutyCheck("report", report.name, year.school_year, _REPORT_STANDING[report.status], report.id)
        for report in year_reports(year, today)
    ]
    return checks


_DUTY_STANDING = {
    Compliance.MET: Standing.MET,
    Compliance.NOT_MET: Standing.MISSING,
    Compliance.NOT_YET_DUE: Standing.PENDING,
    Compliance.NO_RECORDS: Standing.UNKNOWN,
}
_VERDICT_STANDING = {
    Verdict.KEPT: Standing.MET,
    Verdict.LATE: Standing.LATE,
    Verdict.MISSING: Standing.MISSING,
    Verdict.NOT_YET_DUE: Standing.PENDING,
    Verdict.UNKNOWN: Standing.UNKNOWN,
}
_REPORT_STANDING = {
    ReportStatus.ON_TIME: Standing.MET,
    ReportStatus.SUBMITTED: Standing.MET,
    ReportStatus.SUBMITTED_UNDATED: Standing.MET,
    ReportStatus.LATE: Standing.LATE,
    ReportStatus.OVERDUE: Standing.MISSING,
    ReportStatus.UPCOMING: Standing.PENDING,
    ReportStatus.DUE_SOON: Standing.PENDING,
    ReportStatus.NO_DEADLINE: Standing.PENDING,
}
