"""Dates that matter coming up: when a date (once, or every year) next falls, and which fall soon."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ..model import COMING_UP_DAYS, DateThatMatters
from ..model.counting import numbered


def next_falls(when: DateThatMatters, today: date) -> date | None:
    """The next day (today included) the date falls on; None for a one-off date already past.

    A yearly 29 February falls on 28 February in other years.
    """
    if not when.yearly:
        return when.falls_on if when.falls_on >= today else None
    for year in (today.year, today.year + 1):
        day = _in_year(when.falls_on, year)
        if day >= today:
            return day
    return None  # not reached: next year's is always ahead


def _in_year(day: date, year: int) -> date:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year that has none
        return date(year, 2, 28)


def coming_up(dates: Iterable[DateThatMatters], today: date,
              days: int = COMING_UP_DAYS) -> list[tuple[date, DateThatMatters]]:
    """The dates falling from today to `days` ahead, soonest first, each with the day it falls on."""
    found = []
    for when in dates:
        day = next_falls(when, today)
        if day is not None and (day - today).days <= days:
            found.append((day, when))
    found.sort(key=lambda pair: (pair[0], pair[1].id or 0))
    return found


def in_days(day: date, today: date) -> str:
    """'today', 'tomorrow', 'in 5 days'."""
    gap = (day - today).days
    return "today" if gap == 0 else "tomorrow" if gap == 1 else f"in {numbered(gap, 'day')}"
