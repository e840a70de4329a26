"""The rules engine: what the records mean on a given day.

Everything here is a pure function of the data and of ``today`` (the build date
by default; tests and reproducible builds set another one), so a status can be
checked at any boundary without waiting for the calendar.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from zoneinfo import ZoneInfo

from .dates import add_months, parse_date  # noqa: F401 (add_months: imported from here too)
from .legal_duties import Verdict, recurring_periods
from .models import DialogueSession, Duty, Plan, ReportRecord, SchoolYear

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY_VARIABLE = "QCDC_TODAY"
DUE_SOON_DAYS = 14


def resolve_today(value: str | None = None) -> date:
    """The day statuses are computed for: ``value``, else $QCDC_TODAY, else today in Vietnam."""
    value = value or os.environ.get(TODAY_VARIABLE)
    if value:
        return parse_date(value)  # type: ignore[return-value]
    return datetime.now(VIETNAM).date()


# --- Reports ----------------------------------------------------------------------


class ReportStatus(Enum):
    UPCOMING = "upcoming"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    NO_DEADLINE = "no_deadline"
    ON_TIME = "on_time"
    LATE = "late"
    SUBMITTED = "submitted"
    SUBMITTED_UNDATED = "submitted_undated"


def report_status(due: date | None, record: ReportRecord | None, today: date) -> ReportStatus:
    """A report's status on ``today``. A deadline day itself still counts as on time."""
    if record is not None and record.submitted:
        submitted = record.submitted_date
        if submitted is None:
            return ReportStatus.SUBMITTED_UNDATED
        if submitted <= today:
            if due is None:
                return ReportStatus.SUBMITTED
            return ReportStatus.ON_TIME if submitted <= due else ReportStatus.LATE
    if due is None:
        return ReportStatus.NO_DEADLINE
    if today > due:
        return ReportStatus.OVERDUE
    if (due - today).days <= DUE_SOON_DAYS:
        return ReportStatus.DUE_SOON
    return ReportStatus.UPCOMING


@dataclass(frozen=True)
class ReportView:
    """A report of the year as readers see it: the plan's entry joined with its record."""

    id: str
    name: str
    kind: str
    due_date: date | None
    due_as_written: str | None
    record: ReportRecord | None
    status: ReportStatus
    in_plan: bool

    @property
    def published(self) -> bool:
        return self.record is not None and self.record.summary is not None and self.status not in _NOT_YET


_NOT_YET = {ReportStatus.UPCOMING, ReportStatus.DUE_SOON, ReportStatus.OVERDUE, ReportStatus.NO_DEADLINE}


def year_reports(year: SchoolYear, today: date) -> list[ReportView]:
    """The plan's reports in the plan's order, then the year's other (ad hoc) reports.

    A build computes them once per year, on its day (``macros.data.build_views``).
    """
    records = {record.id: record for record in year.reports or []}
    views = []
    for report in year.plan.reporting.reports:
        record = records.pop(report.id, None)
        status = report_status(report.due_date, record, today)
        views.append(ReportView(report.id, report.name, report.kind, report.due_date, report.due_as_written, record, status, True))
    for record in records.values():
        status = report_status(record.due_date, record, today)
        views.append(ReportView(record.id, record.name or record.id, record.kind or "dot-xuat", record.due_date, None, record, status, False))
    return views


# --- Recurring duties ---------------------------------------------------------------


class Compliance(Enum):
    MET = "met"
    NOT_MET = "not_met"
    NOT_YET_DUE = "not_yet_due"
    NO_RECORDS = "no_records"


@dataclass(frozen=True)
class DutyStatus:
    duty: Duty
    compliance: Compliance
    last_held: date | None
    next_due: date | None
    missed: tuple[tuple[date, date], ...]
    """Each period (from, due) in which no session was held in time."""


def held_dates(duty: Duty, sessions: list[DialogueSession], until: date) -> list[date]:
    return sorted(
        s.date for s in sessions if s.duty == duty.id and s.status == "held" and s.date is not None and s.date <= until
    )


def duty_status(plan: Plan, duty: Duty, sessions: list[DialogueSession] | None, today: date) -> DutyStatus:
    """Compliance of a duty recurring every ``duty.every_months`` months, on ``today``.

    The first session is due within the interval from the start of the school
    year, each next one within the interval from the previous session; a gap of
    exactly the interval is still in time. After the school year, the verdict is
    that of its last day. The periods are those of the duty catalogue's rule
    ``every_months`` (``legal_duties.recurring_periods``): one rule for both pages.
    """
    assert duty.every_months is not None
    if sessions is None:
        return DutyStatus(duty, Compliance.NO_RECORDS, None, None, ())
    held = held_dates(duty, sessions, min(today, plan.last_day))
    periods, next_due = recurring_periods(plan.first_day, plan.last_day, duty.every_months, held, today)
    missed = [(p.start, p.due) for p in periods if p.verdict in (Verdict.LATE, Verdict.MISSING)]
    if today < plan.first_day or (not held and not missed):
        compliance = Compliance.NOT_YET_DUE
    else:
        compliance = Compliance.NOT_MET if missed else Compliance.MET
    return DutyStatus(duty, compliance, held[-1] if held else None, next_due if next_due <= plan.last_day else None, tuple(missed))


def recurring_duties(year: SchoolYear, today: date) -> list[DutyStatus]:
    return [
        duty_status(year.plan, duty, year.dialogues, today) for duty in year.plan.all_duties() if duty.every_months
    ]


def is_coming(session: DialogueSession, today: date) -> bool:
    """A session still to come: planned, on ``today`` or later, or not dated yet."""
    return session.status == "planned" and (session.date is None or session.date >= today)


def sessions_for_readers(sessions: list[DialogueSession] | None, today: date) -> list[DialogueSession]:
    """The order a reader wants: sessions still to come first (soonest first, undated last among
    them), then the others, newest first: held, postponed, cancelled and planned ones now past."""
    coming = [s for s in sessions or [] if is_coming(s, today)]
    coming.sort(key=lambda s: (s.date is None, s.date or today, s.time or ""))
    others = [s for s in sessions or [] if s not in coming]
    others.sort(key=lambda s: (s.date is not None, s.date or today, s.time or ""), reverse=True)
    return coming + others


# --- The year at a glance --------------------------------------------------------------


@dataclass(frozen=True)
class YearOverview:
    today: date
    next_dialogue: DialogueSession | None
    next_deadline: ReportView | None
    latest_published: ReportView | None
    duties: tuple[DutyStatus, ...]
    reports: tuple[ReportView, ...]


def year_overview(year: SchoolYear, today: date) -> YearOverview:
    reports = year_reports(year, today)
    upcoming_sessions = sorted(
        (s for s in year.dialogues or [] if s.status == "planned" and s.date is not None and s.date >= today),
        key=lambda s: (s.date, s.time or ""),
    )
    open_deadlines = sorted(
        (r for r in reports if r.status in {ReportStatus.UPCOMING, ReportStatus.DUE_SOON}), key=lambda r: r.due_date
    )
    published = sorted(
        (r for r in reports if r.published and r.record.submitted_date), key=lambda r: r.record.submitted_date
    )
    return YearOverview(
        today=today,
        next_dialogue=upcoming_sessions[0] if upcoming_sessions else None,
        next_deadline=open_deadlines[0] if open_deadlines else None,
        latest_published=published[-1] if published else None,
        duties=tuple(recurring_duties(year, today)),
        reports=tuple(reports),
    )
