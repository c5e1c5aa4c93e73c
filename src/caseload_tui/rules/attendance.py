"""A client's attendance at a glance: last attended, next expected, missed share and the strip.

Every function is handed `now`; nothing here reads the clock, the disk or the database.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta

from ..config import Thresholds
from ..model import MISSED, AttendanceSummary, Break, Client, ClientRecord, Session, Status
from .absences import counts, in_a_break
from .schedules import ScheduleError, expected_sessions

STRIP_LENGTH = 8


def summarise(
    record: ClientRecord, now: datetime, thresholds: Thresholds = Thresholds()
) -> AttendanceSummary:
    """Last attended, next expected, missed share in the window and the strip."""
    past = [s for s in record.recent if s.starts_at <= now]
    window_start = now - timedelta(weeks=thresholds.window_weeks)
    counted = [s for s in past if counts(s, record.breaks) and s.starts_at > window_start]
    missed = sum(1 for s in counted if s.status in MISSED)
    strip, in_my_break = recent_strip(record, now, past)
    return AttendanceSummary(
        last_attended=record.last_attended,
        next_expected=next_expected(record.client, record.next_booked, now, record.settled_ahead, record.breaks),
        missed_share=(missed / len(counted)) if counted else None,
        counted_in_window=len(counted),
        missed_in_window=missed,
        strip=strip,
        in_my_break=in_my_break,
    )


def recent_strip(record: ClientRecord, now: datetime,
                 past: Sequence[Session] | None = None) -> tuple[list[Status | None], list[bool]]:
    """The strip alone (the last STRIP_LENGTH outcomes, oldest first, None where there was none) and,
    beside it, which fell in my break: what a row of the list shows, without working out what is next
    (which expands the schedule)."""
    if past is None:
        past = [s for s in record.recent if s.starts_at <= now]
    shown = list(reversed(past[:STRIP_LENGTH]))
    padding = STRIP_LENGTH - len(shown)
    return ([*([None] * padding), *(s.status for s in shown)],
            [False] * padding + [in_a_break(s.starts_at, record.breaks) for s in shown])


def next_expected(client: Client, next_booked: datetime | None, now: datetime,
                  settled: Collection[date] = (), breaks: Sequence[Break] = ()) -> datetime | None:
    """The next session that will happen: the sooner of the next booked one and the next the schedule expects.

    The schedule's session on a day that already holds one (`settled`: booked, moved or
    cancelled), or inside one of my breaks, is not next: what is stored for that day stands.
    """
    if not client.active:
        return None
    candidates = [next_booked] if next_booked else []
    if client.schedule:
        try:
            upcoming = expected_sessions(client, now, now + relativedelta(months=3), limit=40)
        except ScheduleError:
            upcoming = []
        candidates += [when for when in upcoming
                       if when.date() not in settled and not in_a_break(when, breaks)][:1]
    return min(candidates) if candidates else None
