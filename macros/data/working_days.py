"""Working days in Vietnam: weekdays that are not public holidays, as the law counts
"N ngày làm việc" (N working days).

The public holidays, with lunar Tết and the days off the government has already
swapped, come from the maintained ``holidays`` package. Each year the government
announces swaps of its own (a weekday off, a Saturday worked in its place); the
school records them in ``data/working_day_swaps.yml`` so that a deadline is right
before the package learns of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

import holidays

from .models import DaySwap

SATURDAY = 5


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("VN", years=year))


@lru_cache(maxsize=64)
def _library_workdays(year: int) -> frozenset[date]:
    """Weekend days the package knows to be worked in exchange for a weekday off."""
    calendar = holidays.country_holidays("VN", years=year)
    return frozenset(day for day in calendar.weekend_workdays if day.year == year)


class WorkingCalendar:
    """Vietnam's working days, with the swaps recorded in the data."""

    def __init__(self, swaps: Iterable[DaySwap] = ()) -> None:
        swaps = list(swaps)
        self.days_off = frozenset(swap.day_off for swap in swaps)
        self.work_days = frozenset(swap.work_day for swap in swaps)

    def is_working_day(self, day: date) -> bool:
        if day in self.work_days or day in _library_workdays(day.year):
            return True
        if day in self.days_off or day.weekday() >= SATURDAY:
            return False
        return day not in _public_holidays(day.year)

    def add_working_days(self, day: date, count: int) -> date:
        """The ``count``-th working day after ``day`` (``day`` itself is not counted)."""
        current = day
        while count > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                count -= 1
        return current
