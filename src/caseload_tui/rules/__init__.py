"""Grouping, attendance summaries, schedules and typed dates.

Pure functions: every one that depends on the time is handed `now` (or
`today`); nothing here reads the clock, the disk or the database.

- grouping: which group a client belongs to and the reason sentence (docs/ARCHITECTURE.md,
  "Grouping rules"), and how long ago something was, in words;
- attendance: a client's summary (last attended, next expected, missed share) and the strip;
- schedules: RRULEs expanded, described in words and read from words;
- dates: typed days and moments;
- coming_up: dates that matter, when they next fall and which fall soon;
- words: what schedules and dates share (day names, a time of day, a short echo of what was typed).

Every name is importable from here as well (`from caseload_tui.rules import place`).
"""

from .attendance import STRIP_LENGTH, next_expected, recent_strip, summarise
from .coming_up import coming_up, in_days, next_falls
from .dates import DateError, parse_day, parse_moment
from .grouping import ago, days_ago, group_caseload, group_of, place, since_short, tally_counted
from .schedules import (
    DAY_CODES,
    ORDINALS,
    ScheduleError,
    describe_schedule,
    expected_sessions,
    parse_schedule,
    shift_schedule_days,
)
from .words import DAY_NAMES

__all__ = [
    "DAY_CODES",
    "DAY_NAMES",
    "ORDINALS",
    "STRIP_LENGTH",
    "DateError",
    "ScheduleError",
    "ago",
    "coming_up",
    "days_ago",
    "describe_schedule",
    "expected_sessions",
    "group_caseload",
    "group_of",
    "in_days",
    "next_expected",
    "next_falls",
    "parse_day",
    "parse_moment",
    "parse_schedule",
    "place",
    "recent_strip",
    "shift_schedule_days",
    "since_short",
    "summarise",
    "tally_counted",
]
