"""A client's attendance at a glance: last attended, next expected, missed share and the strip.

Every function is handed `now`; nothing here reads the clock, the disk or the database.
"""

from __future__ import annotations

from datetime import datetime

from dateutil.relativedelta import relativedelta

from ..config import Thresholds
from ..model import COUNTED, MISSED, AttendanceSummary, Client, ClientRecord, Status
from .schedules import ScheduleError, expected_sessions

STRIP_LENGTH = 8


def summarise(
    record: ClientRecord, now: datetime, thresholds: Thresholds = Thresholds()
) -> AttendanceSummary:
    """Last attended, next expected, missed share in the window and the strip."""
    past = [s for s in record.recent if s.starts_at <= now]
    window_start = now - relativedelta(weeks=thresholds.window_weeks)
    counted = [s for s in past if s.status in COUNTED and s.starts_at > window_start]
    missed = sum(1 for s in counted if s.status in MISSED)
    outcomes: list[Status | None] = [s.status for s in reversed(past[:STRIP_LENGTH])]
    strip = [None] * (STRIP_LENGTH - len(outcomes)) + outcomes
    return AttendanceSummary(
        last_attended=record.last_attended,
        next_expected=next_expected(record.client, record.next_booked, now),
        missed_share=(missed / len(counted)) if counted else None,
        counted_in_window=len(counted),
        missed_in_window=missed,
        strip=strip,
    )


def next_expected(client: Client, next_booked: datetime | None, now: datetime) -> datetime | None:
    """The sooner of the next booked session and the next one the schedule expects."""
    if not client.active:
        return None
    candidates = [next_booked] if next_booked else []
    if client.schedule:
        try:
            upcoming = expected_sessions(client, now, now + relativedelta(months=3), limit=1)
        except ScheduleError:
            upcoming = []
        candidates += upcoming
    return min(candidates) if candidates else None
