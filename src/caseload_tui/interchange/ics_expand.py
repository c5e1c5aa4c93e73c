"""Each event's occurrences in the stretch, by recurring-ical-events, within limits said in plain words.

- Only the stretch is expanded, one series at a time, at most MAX_PER_SERIES occurrences
  each: a series with more is cut there, and the import says so.
- A rule that repeats more often than a day would make the library step through every
  second, minute or hour from the event's start; when that would be more than
  MAX_RULE_STEPS steps, the series is not expanded at all, and is listed with the reason.
- At most MAX_OCCURRENCES occurrences in all; more stops the import with a message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from typing import TYPE_CHECKING, Any

from .errors import ImportProblem
from .ics_events import UTC, Prepared

if TYPE_CHECKING:
    from icalendar import Calendar, Component

MAX_PER_SERIES = 1_000  # a weekly session over a year of stretch is 52; every day, 365
MAX_RULE_STEPS = 200_000
MAX_OCCURRENCES = 50_000
_SECONDS = {"SECONDLY": 1, "MINUTELY": 60, "HOURLY": 3600, "DAILY": 86400, "WEEKLY": 604800,
            "MONTHLY": 2629746, "YEARLY": 31556952}
_EXPANDING = ("BYSECOND", "BYMINUTE", "BYHOUR", "BYDAY", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYMONTH")
# recurring-ical-events raises these for an event it cannot expand (its own errors are ValueErrors).
_EXPANSION_ERRORS = (ValueError, KeyError, TypeError, AttributeError)


@dataclass
class Expanded:
    occurrences: list[tuple[str, Component]] = field(default_factory=list)  # (UID, occurrence)
    capped: list[str] = field(default_factory=list)  # UIDs of series cut at MAX_PER_SERIES
    too_often: dict[str, str] = field(default_factory=dict)  # UID → how often it repeats, not expanded


def expand(calendar: Calendar, ready: Prepared, start: datetime, end: datetime, file_name: str) -> Expanded:
    import recurring_ical_events

    found = Expanded()
    for uid, events in ready.series.items():
        if how_often := _too_often(events, end):
            found.too_often[uid] = how_often
    try:
        query = recurring_ical_events.of(calendar)
    except _EXPANSION_ERRORS:
        raise _which_cannot_be_read(calendar, ready, file_name) from None
    for series in query.series:
        uid = str(series.uid)
        if uid in found.too_often:
            continue
        try:
            occurrences = list(islice(series.between(start, end), MAX_PER_SERIES + 1))
            components = [o.as_component(False) for o in occurrences]
        except _EXPANSION_ERRORS:
            raise _cannot_repeat(ready, uid, file_name) from None
        if len(components) > MAX_PER_SERIES:
            found.capped.append(uid)
            components = components[:MAX_PER_SERIES]
        found.occurrences += [(uid, c) for c in components]
        if len(found.occurrences) > MAX_OCCURRENCES:
            raise ImportProblem(
                f"{file_name}: more than {MAX_OCCURRENCES:,} events fall in the weeks being read, more than any "
                "practice holds; read fewer weeks (weeks_back and weeks_ahead under [calendar] in the settings).")
    return found


def _too_often(events: list[Component], end: datetime) -> str:
    """'every minute' when expanding the series' rule would take more than MAX_RULE_STEPS steps; else ''."""
    for event in events:
        if event.get("RECURRENCE-ID") is not None:
            continue
        rules = event.get("RRULE")
        for rule in rules if isinstance(rules, list) else [rules] if rules is not None else []:
            freq = str(_first(rule, "FREQ", "")).upper()
            if freq not in _SECONDS:
                continue
            interval = max(1, int(_first(rule, "INTERVAL", 1) or 1))
            starts: Any = event["DTSTART"]
            begins = _utc(starts.dt)
            stop = min(_utc(end), _utc(_first(rule, "UNTIL", end)))
            steps = max(0.0, (stop - begins).total_seconds()) / (_SECONDS[freq] * interval)
            for part in _EXPANDING:
                steps *= max(1, len(rule.get(part, [])))
            count = _first(rule, "COUNT", None)
            if count is not None:
                steps = min(steps, float(count))
            if steps > MAX_RULE_STEPS:
                every = {"SECONDLY": "second", "MINUTELY": "minute", "HOURLY": "hour"}.get(freq, freq.lower())
                return f"every {every}" if interval == 1 else f"every {interval} {every}s"
    return ""


def _first(rule: Any, part: str, default: Any) -> Any:
    values = rule.get(part)
    return values[0] if values else default


def _utc(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo is not None else value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return datetime.max - timedelta(days=2)


def _cannot_repeat(ready: Prepared, uid: str, file_name: str) -> ImportProblem:
    block = ready.blocks[uid]
    return ImportProblem(f"{file_name}: line {block.lines[0].number}, event “{block.title()}”: it repeats by a "
                         "rule (RRULE, RDATE or EXDATE) that cannot be followed.")


def _which_cannot_be_read(calendar: Calendar, ready: Prepared, file_name: str) -> ImportProblem:
    """Try each series alone, to name the event that recurring-ical-events could not take."""
    import icalendar
    import recurring_ical_events

    zones = [c for c in calendar.subcomponents if c.name == "VTIMEZONE"]
    for uid, events in ready.series.items():
        alone = icalendar.Calendar()
        for component in [*zones, *events]:
            alone.add_component(component)
        try:
            recurring_ical_events.of(alone)
        except _EXPANSION_ERRORS:
            return _cannot_repeat(ready, uid, file_name)
    return ImportProblem(f"{file_name}: a repeating event in it cannot be followed.")
