"""Does the school keep its duties: the running year by the calendar, and the checks counted."""

from __future__ import annotations

from datetime import date

import pytest

from macros.data.compliance import Standing, compliance_summary, is_past, running_school_year
from macros.data.loading import load_site_data
from macros.data.status import sessions_for_readers
from tests.conftest import SAMPLE


@pytest.fixture(scope="module")
def sample_site():
    return load_site_data(SAMPLE / "data")


@pytest.mark.parametrize(
    ("day", "running"),
    [(date(2026, 11, 29), "2026-2027"), (date(2026, 8, 31), "2025-2026"), (date(2026, 9, 1), "2026-2027"), (date(2027, 1, 1), "2026-2027")],
)
def test_the_running_school_year_by_the_calendar(real_site, day, running):
    assert running_school_year(real_site, day) == running


def test_a_plan_covering_the_day_names_the_running_year(sample_site):
    assert running_school_year(sample_site, date(2024, 6, 15)) == "2023-2024"
    assert running_school_year(sample_site, date(2024, 9, 1)) == "2024-2025"


def test_a_running_year_without_a_plan_is_a_missing_duty_and_the_last_year_is_past(real_site):
    today = date(2026, 11, 29)
    year = real_site.years[-1]
    summary = compliance_summary(real_site, year, today)

    assert (summary.running_year, summary.running_year_has_plan) == ("2026-2027", False)
    plan_check = summary.checks[0]
    assert (plan_check.kind, plan_check.subject, plan_check.standing) == ("plan", "Công bố kế hoạch năm học 2026-2027", Standing.MISSING)
    assert is_past(year, today)
    # Three reports overdue with the plan; the dialogues (nothing published) are not judged.
    assert (summary.count(Standing.MET), summary.count(Standing.LATE), summary.count(Standing.MISSING)) == (0, 0, 4)
    assert [check.kind for check in summary.of(Standing.UNKNOWN)] == ["dialogue"]


def test_the_sample_year_counts_kept_late_and_missed_duties(sample_site):
    today = date(2024, 6, 15)
    summary = compliance_summary(sample_site, sample_site.year("2023-2024"), today)

    assert summary.running_year_has_plan
    assert not is_past(sample_site.year("2023-2024"), today)
    assert (summary.count(Standing.MET), summary.count(Standing.LATE), summary.count(Standing.MISSING)) == (5, 1, 1)
    assert [check.subject for check in summary.of(Standing.LATE)] == ["Báo cáo 6 tháng"]
    assert [check.kind for check in summary.of(Standing.MISSING)] == ["dialogue"]


def test_dialogues_to_come_first_then_the_past_ones_newest_first(sample_site):
    sessions = sessions_for_readers(sample_site.year("2023-2024").dialogues, date(2024, 6, 15))
    assert [(session.date.isoformat(), session.status) for session in sessions] == [
        ("2024-08-16", "planned"),
        ("2024-03-18", "held"),
        ("2023-12-22", "postponed"),
        ("2023-10-20", "held"),
        ("2023-09-25", "held"),
    ]
