"""`caseload export --format ics`: the upcoming sessions as a calendar that is safe to share.

Clients appear by their code only, never their name, themes or notes: the
feed may be shown on a phone or shared with a calendar service.

Which sessions: from `now` for `weeks` weeks, every booked session still
awaiting its outcome ('scheduled'), and every session an active client's
regular schedule expects (rules.expected_sessions) on a day they have no
session booked or recorded (a booked, moved or cancelled session on that
day stands in for the expected one).

Each event's UID is stable: a booked session's comes from its id in the
caseload, an expected one's from the client and the time, so a calendar that
subscribes to the file updates its events rather than duplicating them.
Times are written in the zone named in the settings ([calendar] timezone),
or without a zone (the calendar's own) when none is named.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .. import model as m
from ..rules import ScheduleError, expected_sessions
from ..safe_text import for_export

PRODID = "-//caseload-tui//Upcoming sessions//EN"
CALENDAR_NAME = "Sessions"


@dataclass
class UpcomingSession:
    client: m.Client
    starts_at: datetime
    booked: m.Appointment | None  # None: expected from the client's schedule


def upcoming_sessions(
    clients: list[m.Client], appointments: list[m.Appointment], now: datetime, weeks: int = 12
) -> list[UpcomingSession]:
    """Booked and expected sessions from now to `weeks` weeks ahead, in time order.

    `appointments` are the caseload's sessions in that stretch, whatever their status.
    """
    end = now + timedelta(weeks=weeks)
    by_id = {c.id: c for c in clients}
    days_taken = {(a.client_id, a.starts_at.date()) for a in appointments}
    found = [
        UpcomingSession(by_id[a.client_id], a.starts_at, a)
        for a in appointments
        if a.status is m.Status.SCHEDULED and now <= a.starts_at < end and a.client_id in by_id
    ]
    for client in clients:
        if not client.active:
            continue
        try:
            expected = expected_sessions(client, now, end)
        except ScheduleError:
            continue  # a schedule that cannot be read expects nothing
        found += [UpcomingSession(client, when, None) for when in expected
                  if (client.id, when.date()) not in days_taken]
    found.sort(key=lambda s: (s.starts_at, s.client.code))
    return found


def session_uid(session: UpcomingSession) -> str:
    if session.booked is not None and session.booked.id is not None:
        key = f"booked|{session.booked.id}"
    else:
        key = f"expected|{session.client.id}|{session.starts_at.isoformat(timespec='minutes')}"
    return hashlib.sha256(key.encode()).hexdigest()[:32] + "@caseload-tui"


def calendar_bytes(
    sessions: list[UpcomingSession], now: datetime, minutes: int = 50, timezone: str = ""
) -> bytes:
    """The sessions as an iCalendar file; clients by code only."""
    import icalendar

    zone = ZoneInfo(timezone) if timezone else None
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("X-WR-CALNAME", CALENDAR_NAME)
    stamp = (now.replace(tzinfo=zone) if zone else now.astimezone()).astimezone(ZoneInfo("UTC"))
    for session in sessions:
        event = icalendar.Event()
        start = session.starts_at.replace(tzinfo=zone) if zone else session.starts_at
        event.add("UID", session_uid(session))
        event.add("DTSTAMP", stamp)
        event.add("DTSTART", start)
        event.add("DTEND", start + timedelta(minutes=minutes))
        event.add("SUMMARY", f"Session: {for_export(session.client.code)}")  # no control character leaves
        if session.booked is not None:
            event.add("STATUS", "CONFIRMED")
            event.add("DESCRIPTION", "Booked session.")
        else:
            event.add("STATUS", "TENTATIVE")
            event.add("DESCRIPTION", "Expected from the regular schedule; not booked.")
        event.add("CLASS", "PRIVATE")
        calendar.add_component(event)
    if zone is not None:  # a VTIMEZONE covering the sessions, not every year since 1970
        last = max((s.starts_at for s in sessions), default=now)
        calendar.add_missing_timezones(first_date=now.date(), last_date=last.date() + timedelta(days=1))
    ical: bytes = calendar.to_ical()  # icalendar leaves to_ical() unannotated
    return ical
