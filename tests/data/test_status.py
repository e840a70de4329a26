"""The rules engine at its boundaries: report deadlines, recurring duties, month ends."""

from __future__ import annotations

from datetime import date

import pytest

from macros.data.models import DialogueSession, Duty, ReportRecord
from macros.data.status import (
    Compliance,
    ReportStatus,
    add_months,
    duty_status,
    report_status,
    resolve_today,
    year_reports,
)

DUE = date(2024, 3, 15)


def submitted(on: date | None) -> ReportRecord:
    return ReportRecord(id="bao-cao", submitted=True, submitted_date=on)


@pytest.mark.parametrize(
    ("today", "record", "expected"),
    [
        pytest.param(date(2024, 3, 15), None, ReportStatus.DUE_SOON, id="due-today"),
        pytest.param(date(2024, 3, 14), None, ReportStatus.DUE_SOON, id="due-tomorrow"),
        pytest.param(date(2024, 3, 1), None, ReportStatus.DUE_SOON, id="due-in-exactly-14-days"),
        pytest.param(date(2024, 2, 29), None, ReportStatus.UPCOMING, id="due-in-15-days"),
        pytest.param(date(2024, 3, 16), None, ReportStatus.OVERDUE, id="one-day-after-the-deadline"),
        pytest.param(date(2024, 4, 1), submitted(date(2024, 3, 15)), ReportStatus.ON_TIME, id="submitted-on-the-deadline"),
        pytest.param(date(2024, 4, 1), submitted(date(2024, 3, 16)), ReportStatus.LATE, id="submitted-one-day-late"),
        pytest.param(date(2024, 4, 1), submitted(date(2024, 1, 2)), ReportStatus.ON_TIME, id="submitted-early"),
        pytest.param(date(2024, 4, 1), submitted(None), ReportStatus.SUBMITTED_UNDATED, id="submitted-without-a-date"),
        pytest.param(date(2024, 3, 10), submitted(date(2024, 3, 12)), ReportStatus.DUE_SOON, id="submission-not-yet-happened"),
    ],
)
def test_report_status(today, record, expected):
    assert report_status(DUE, record, today) is expected


def test_a_report_without_deadline_has_no_deadline_until_submitted():
    assert report_status(None, None, date(2030, 1, 1)) is ReportStatus.NO_DEADLINE
    assert report_status(None, submitted(date(2024, 5, 1)), date(2024, 6, 1)) is ReportStatus.SUBMITTED


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        pytest.param(date(2023, 9, 1), 6, date(2024, 3, 1), id="plain"),
        pytest.param(date(2023, 8, 31), 6, date(2024, 2, 29), id="month-end-into-leap-february"),
        pytest.param(date(2022, 8, 31), 6, date(2023, 2, 28), id="month-end-into-common-february"),
        pytest.param(date(2024, 2, 29), 12, date(2025, 2, 28), id="leap-day-plus-a-year"),
        pytest.param(date(2023, 10, 31), 3, date(2024, 1, 31), id="across-the-new-year"),
    ],
)
def test_add_months_stays_inside_the_month(start, months, expected):
    assert add_months(start, months) == expected


DUTY = Duty(id="doi-thoai", owner=None, every_months=6)


def held(*days: date) -> list[DialogueSession]:
    return [DialogueSession(id=f"buoi-{i}", duty="doi-thoai", status="held", date=day) for i, day in enumerate(days)]


@pytest.fixture
def plan(real_plan):
    # School year 01/09/2023 – 31/08/2024 (the default bounds).
    return real_plan


def test_exactly_six_months_between_dialogues_is_met(plan):
    status = duty_status(plan, DUTY, held(date(2023, 9, 15), date(2024, 3, 15)), date(2024, 6, 1))
    assert status.compliance is Compliance.MET
    assert status.last_held == date(2024, 3, 15)
    assert status.next_due == date(2024, 9, 15) or status.next_due is None


def test_six_months_and_one_day_between_dialogues_is_not_met(plan):
    status = duty_status(plan, DUTY, held(date(2023, 9, 15), date(2024, 3, 16)), date(2024, 6, 1))
    assert status.compliance is Compliance.NOT_MET
    assert status.missed == ((date(2023, 9, 15), date(2024, 3, 15)),)


def test_the_first_dialogue_is_due_six_months_after_the_school_year_starts(plan):
    assert duty_status(plan, DUTY, [], date(2024, 3, 1)).compliance is Compliance.NOT_YET_DUE
    late = duty_status(plan, DUTY, [], date(2024, 3, 2))
    assert late.compliance is Compliance.NOT_MET
    assert late.missed == ((date(2023, 9, 1), date(2024, 3, 1)),)


def test_a_dialogue_held_in_time_before_the_deadline_is_met_and_says_when_the_next_is_due(plan):
    status = duty_status(plan, DUTY, held(date(2023, 10, 20)), date(2023, 12, 1))
    assert status.compliance is Compliance.MET
    assert status.next_due == date(2024, 4, 20)


def test_planned_postponed_and_future_sessions_do_not_count(plan):
    sessions = [
        DialogueSession(id="a", duty="doi-thoai", status="planned", date=date(2023, 11, 1)),
        DialogueSession(id="b", duty="doi-thoai", status="postponed", date=date(2023, 12, 1)),
        *held(date(2024, 5, 1)),
    ]
    status = duty_status(plan, DUTY, sessions, date(2024, 3, 5))
    assert status.compliance is Compliance.NOT_MET
    assert status.last_held is None


def test_after_the_school_year_the_verdict_is_that_of_its_last_day(plan):
    sessions = held(date(2023, 12, 1), date(2024, 5, 20))
    assert duty_status(plan, DUTY, sessions, date(2026, 11, 26)).compliance is Compliance.MET


def test_without_published_records_compliance_is_unknown(plan):
    assert duty_status(plan, DUTY, None, date(2024, 6, 1)).compliance is Compliance.NO_RECORDS


def test_before_the_school_year_nothing_is_due(plan):
    assert duty_status(plan, DUTY, [], date(2023, 8, 1)).compliance is Compliance.NOT_YET_DUE


def test_the_day_for_statuses_comes_from_the_option_then_the_environment(monkeypatch):
    monkeypatch.setenv("QCDC_TODAY", "2024-02-29")
    assert resolve_today() == date(2024, 2, 29)
    assert resolve_today("15/06/2024") == date(2024, 6, 15)
    monkeypatch.delenv("QCDC_TODAY")
    assert isinstance(resolve_today(), date)


def test_a_years_reports_are_those_of_its_own_data_and_day(real_site):
    year = real_site.years[0]
    first = year.plan.reporting.reports[0]
    changed = year.model_copy(update={"reports": [ReportRecord(id=first.id, submitted=True, submitted_date=first.due_date)]})
    after_deadline = first.due_date.replace(year=first.due_date.year + 1)

    assert year_reports(year, first.due_date)[0].status is ReportStatus.DUE_SOON
    assert year_reports(year, after_deadline)[0].status is ReportStatus.OVERDUE
    assert year_reports(changed, after_deadline)[0].status is ReportStatus.ON_TIME
    assert year_reports(year, after_deadline)[0].status is ReportStatus.OVERDUE
