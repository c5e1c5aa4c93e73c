"""Sessions: recording what happened, and booking the new time of a session that was moved."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from ..model import Appointment, Client, Status
from ..rules import ScheduleError, expected_sessions
from ..store import Store


@dataclass
class Outcome:
    """What was stored: the session with its outcome, and the session booked in its place, if any."""

    session: Appointment
    booked: Appointment | None = None


def record_outcome(store: Store, client_id: int, starts_at: datetime, status: Status,
                   moved_to: datetime | None = None) -> Outcome:
    """Record what happened at a session; one moved to another time is booked at `moved_to` too.

    Both in one transaction: if the new time cannot be booked, the outcome is not recorded either.
    """
    if moved_to is not None and status is not Status.RESCHEDULED:
        raise ValueError("Only a session moved to another time is booked again.")
    with store.transaction():
        session = store.record_attendance(client_id, starts_at, status)
        booked = None
        if moved_to is not None:
            booked = store.add_appointment(Appointment(client_id=client_id, starts_at=moved_to))
    return Outcome(session=session, booked=booked)


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
