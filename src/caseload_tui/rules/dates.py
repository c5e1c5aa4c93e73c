"""Typed dates: 'today', 'last fri', '3 dec', '2026-12-03', with an optional time of day.

Every function is handed `today`; nothing here reads the clock.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import TYPE_CHECKING

from .words import short, time_of_day, weekday_number

if TYPE_CHECKING:
    from dateutil.parser import parserinfo


class DateError(ValueError):
    """A typed date that could not be read; the message is for the user."""


_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def parse_day(text: str, today: date, prefer: str = "past") -> date:
    """A typed day: 'today', 'yesterday', 'tue', 'last fri', '3 dec', '3/12', '2026-12-03'.

    With prefer='past' a weekday or a day without a year means the most recent
    one (today included); with prefer='future', the next one. Numbers are read
    day first ('3/12' is 3 December), except after a four-digit year.
    """
    # dateutil's parser is loaded when a date is first typed, not when the program starts.
    from dateutil import parser as date_parser
    from dateutil.relativedelta import relativedelta, weekday

    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise DateError("Please type a date, for example “today”, “tue” or “3 dec”.")
    if cleaned in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[cleaned])
    words = cleaned.split()
    direction = prefer
    if len(words) == 2 and words[0] in ("last", "next"):
        direction = "past" if words[0] == "last" else "future"
        words = words[1:]
    if len(words) == 1 and (wanted := weekday_number(words[0])) is not None:
        step = -1 if direction == "past" else +1
        offset = 0 if direction == "past" else 1
        return today + relativedelta(days=offset * step, weekday=weekday(wanted, step))
    year_first = bool(re.match(r"\d{4}(?!\d)", cleaned))
    try:
        parsed = date_parser.parse(
            cleaned, default=datetime.combine(today, time()), yearfirst=year_first, dayfirst=not year_first
        ).date()
    except (ValueError, OverflowError, TypeError):
        raise _date_error(text) from None
    has_year = _gives_a_year(cleaned)
    if not _numbers_all_used(cleaned, parsed, has_year):
        raise _date_error(text)  # '32 dec': dateutil would take 32 for the year 2032
    if not has_year:
        if prefer == "past" and parsed > today:
            parsed -= relativedelta(years=1)
        elif prefer == "future" and parsed < today:
            parsed += relativedelta(years=1)
    return parsed


@cache
def _month_names() -> parserinfo:
    from dateutil import parser as date_parser

    return date_parser.parserinfo()


def _gives_a_year(cleaned: str) -> bool:
    """A four-digit year, or a third part after a day and a month: '3/12/26', '3 dec 26'."""
    numbers = re.findall(r"\d+", cleaned)
    return any(len(n) == 4 for n in numbers) or len(numbers) + _names_a_month(cleaned) >= 3


def _names_a_month(cleaned: str) -> bool:
    return any(_month_names().month(word) for word in re.findall(r"[a-z]+", cleaned))


def _numbers_all_used(cleaned: str, parsed: date, has_year: bool) -> bool:
    """Every short number typed is the day, the month or (if one was given) the year read."""
    used = {parsed.day, parsed.month} | ({parsed.year % 100} if has_year else set())
    return all(int(n) in used for n in re.findall(r"\d+", cleaned) if len(n) <= 2)


def parse_moment(text: str, today: date, default_time: time, prefer: str = "past") -> datetime:
    """A typed day with an optional time: 'today', 'tue 14:00', '3 dec 9:30', or '14:00' for today."""
    words = text.strip().split()
    clock = default_time
    if words and _may_end_with_time(words):
        typed = time_of_day(words[-1], DateError)
        if typed is not None:
            clock, words = typed, words[:-1]
            if not words:
                return datetime.combine(today, clock)
    return datetime.combine(parse_day(" ".join(words), today, prefer), clock)


def _may_end_with_time(words: list[str]) -> bool:
    """'14:00', '9am' and 'tue 10' end with a time; '3', 'dec 3' and '3 dec 26' end with part of a date."""
    if not words[-1].isdigit():
        return True
    day = " ".join(words[:-1]).lower()
    return bool(day) and not re.search(r"\d", day) and not _names_a_month(day)


def _date_error(text: str) -> DateError:
    return DateError(
        f"I couldn't read “{short(text)}” as a date. "
        "Try “today”, “yesterday”, “tue”, “3 dec” or “2026-12-03”."
    )
