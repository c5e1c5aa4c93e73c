"""Sessions: recording what happened (only once it has), booking a time, the moved session's new
time, and my own breaks."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ..model import NOT_YET_HAPPENED, ONLY_AFTER, Appointment, Break, Client, Status
from ..rules import ScheduleError, expected_sessions
from ..store import Store
from ..store.errors import Invalid


@dataclass
class Outcome:
    """What was stored: the session with its outcome, and the session booked in its place, if any."""

    session: Appointment
    booked: Appointment | None = None


class NotYetHappened(Invalid):
    """Attendance typed for a time still to come; the message says so and offers a booking."""

    def __init__(self) -> None:
        super().__init__(NOT_YET_HAPPENED)


def record_outcome(store: Store, client_id: int, starts_at: datetime, status: Status,
                   moved_to: datetime | None = None, *, now: datetime, note: str = "") -> Outcome:
    """Record what happened at a session that has happened; one moved to another time is booked at `moved_to` too.

    Whether they came is refused for a session after `now` (NotYetHappened) and nothing is
    stored; a cancellation or a move may be recorded ahead. `note` (how a
    miss came: how and when they let me know, whether another time was offered or asked
    for) is kept with the session, byte for byte. Both writes in one transaction: if the new
    time cannot be booked, the outcome is not recorded either.
    """
    if starts_at > now and status in ONLY_AFTER:
        raise NotYetHappened()
    if moved_to is not None and status is not Status.RESCHEDULED:
        raise ValueError("Only a session moved to another time is booked again.")
    with store.transaction():
        session = store.record_attendance(client_id, starts_at, status, note)
        booked = None
        if moved_to is not None:
            booked = store.add_appointment(Appointment(client_id=client_id, starts_at=moved_to))
    return Outcome(session=session, booked=booked)


def book(store: Store, client_id: int, starts_at: datetime) -> Appointment:
    """A session booked for a time to come (what a future time typed as attendance is offered instead)."""
    return store.add_appointment(Appointment(client_id=client_id, starts_at=starts_at))


def add_break(store: Store, starts_on: date, ends_on: date, word: str = "") -> Break:
    """One of my breaks: sessions in it never count for or against any client."""
    if ends_on < starts_on:
        raise Invalid("A break ends on or after the day it starts.")
    return store.add_break(Break(starts_on=starts_on, ends_on=ends_on, word=word.strip()))


def last_due(client: Client, booked: list[Appointment], now: datetime) -> datetime | None:
    """The client's most recent session that was due and has passed (booked or expected), in the last two weeks.

    `booked` is the client's stored sessions. What the attendance form offers first: a session
    that has happened, never a time later today.
    """
    start = now - timedelta(days=14)
    candidates = [a.starts_at for a in booked if start <= a.starts_at <= now]
    with contextlib.suppress(ScheduleError):  # an unreadable schedule expects nothing
        candidates += expected_sessions(client, start, now + timedelta(minutes=1))
    return max(candidates, default=None)


def usual_time(client: Client, now: datetime) -> time | None:
    """The time of day a session with this client is offered first when recording one (None: no usual time).

    Today's expected session if there is one; else the time the schedule names, if it names one.
    """
    midnight = datetime.combine(now.date(), time())
    try:
        today = expected_sessions(client, midnight, midnight + timedelta(days=1), limit=1)
        if today:
            return today[0].time()
        upcoming = expected_sessions(client, now - timedelta(days=14), now + timedelta(days=14), limit=1)
    except ScheduleError:
        return None
    return upcoming[0].time() if upcoming and client.schedule and "BYHOUR" in client.schedule else None
