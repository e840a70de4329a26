"""Working days in Vietnam: the holidays package checked against 2024 and 2025, and the swaps file."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest

from tests.conftest import REAL_DATA
from macros.data.loading import load_site_data
from macros.data.models import DaySwap
from macros.data.working_days import WorkingCalendar

# Days off for public servants, as announced: Tết Giáp Thìn 08–14/02/2024 (with the weekend),
# 29/04/2024 swapped for Saturday 04/05/2024; Tết Ất Tỵ 27–31/01/2025 (with the weekends around it),
# 02/05/2025 swapped for Saturday 26/04/2025; Quốc khánh with its extra day.
WEEKDAYS_OFF = {
    2024: ["01/01", "08/02", "09/02", "12/02", "13/02", "14/02", "18/04", "29/04", "30/04", "01/05", "02/09", "03/09"],
    2025: ["01/01", "27/01", "28/01", "29/01", "30/01", "31/01", "07/04", "30/04", "01/05", "02/05", "01/09", "02/09"],
}
SATURDAYS_WORKED = [date(2024, 5, 4), date(2025, 4, 26)]


def day(text: str, year: int) -> date:
    d, m = (int(part) for part in text.split("/"))
    return date(year, m, d)


@pytest.mark.parametrize("year", [2024, 2025])
def test_the_weekdays_off_are_exactly_those_announced(year):
    calendar = WorkingCalendar()
    start = date(year, 1, 1)
    weekdays_off = [
        start + timedelta(days=n)
        for n in range((date(year + 1, 1, 1) - start).days)
        if (start + timedelta(days=n)).weekday() < 5 and not calendar.is_working_day(start + timedelta(days=n))
    ]
    assert weekdays_off == [day(text, year) for text in WEEKDAYS_OFF[year]]


def test_the_saturdays_worked_in_exchange_are_working_days():
    calendar = WorkingCalendar()
    assert all(calendar.is_working_day(saturday) for saturday in SATURDAYS_WORKED)
    assert not calendar.is_working_day(date(2024, 5, 11))  # an ordinary Saturday


def test_five_working_days_across_tet_2024():
    calendar = WorkingCalendar()
    # Decided on Wednesday 07/02/2024, the eve of the Tết break (08–14/02): 15, 16, 19, 20, 21/02.
    assert calendar.add_working_days(date(2024, 2, 7), 5) == date(2024, 2, 21)
    # Decided on Friday 02/02/2024: 05, 06, 07, then 15 and 16/02 after Tết.
    assert calendar.add_working_days(date(2024, 2, 2), 5) == date(2024, 2, 16)


def test_five_working_days_across_30_april_and_1_may():
    calendar = WorkingCalendar()
    # 2024: 29/04 swapped off, 30/04 and 01/05 holidays; Saturday 04/05 worked: 02, 03, 04, 06, 07/05.
    assert calendar.add_working_days(date(2024, 4, 26), 5) == date(2024, 5, 7)
    # 2025: Saturday 26/04 worked; 30/04, 01/05 holidays and 02/05 swapped off: 26, 28, 29/04, 05, 06/05.
    assert calendar.add_working_days(date(2025, 4, 25), 5) == date(2025, 5, 6)


def test_a_swap_in_the_data_moves_a_deadline_the_package_does_not_know_of():
    # A swap announced after the package's release: Monday off, the Saturday before worked.
    swap = DaySwap(day_off=date(2031, 3, 3), work_day=date(2031, 3, 1))
    assert WorkingCalendar().add_working_days(date(2031, 2, 28), 1) == date(2031, 3, 3)
    assert WorkingCalendar([swap]).add_working_days(date(2031, 2, 28), 1) == date(2031, 3, 1)
    assert WorkingCalendar([swap]).add_working_days(date(2031, 2, 28), 2) == date(2031, 3, 4)
    assert not WorkingCalendar([swap]).is_working_day(date(2031, 3, 3))


def test_the_real_swaps_file_agrees_with_the_package():
    site = load_site_data(REAL_DATA)
    assert site.day_swaps
    for swap in site.day_swaps:
        known = holidays.country_holidays("VN", years=swap.day_off.year)
        assert swap.day_off in known
        assert swap.work_day in known.weekend_workdays
