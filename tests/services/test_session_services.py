"""Recording what happened at a session, and booking the new time of one that was moved."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from caseload_tui.model import Appointment, Break, Client, Status
from caseload_tui.services import sessions
from caseload_tui.store import Busy, StoreError

from clock import DEMO_DAY_END
from factories import add_client, every_row
from service_helpers import fail_on

SESSION = datetime(2026, 11, 26, 10, 0)
NEW_TIME = datetime(2026, 11, 27, 14, 0)


def test_an_outcome_is_recorded_on_the_booked_session(store):
    client = add_client(store)
    booked = store.add_appointment(Appointment(client_id=client.id, starts_at=SESSION))
    outcome = sessions.record_outcome(store, client.id, SESSION, Status.ATTENDED, now=DEMO_DAY_END)
    assert outcome.session.id == booked.id and outcome.booked is None
    assert [(a.starts_at, a.status) for a in store.appointments(client.id)] == [(SESSION, Status.ATTENDED)]


def test_a_session_moved_to_another_time_is_recorded_and_the_new_time_booked(store):
    client = add_client(store)
    store.add_appointment(Appointment(client_id=client.id, starts_at=SESSION))
    outcome = sessions.record_outcome(store, client.id, SESSION, Status.RESCHEDULED, NEW_TIME, now=DEMO_DAY_END)
    assert outcome.session.status is Status.RESCHEDULED
    assert (outcome.booked.starts_at, outcome.booked.status) == (NEW_TIME, Status.SCHEDULED)
    assert [(a.starts_at, a.status) for a in store.appointments(client.id)] == [
        (NEW_TIME, Status.SCHEDULED), (SESSION, Status.RESCHEDULED)]


@pytest.mark.parametrize("was_booked", [True, False])
def test_when_the_new_time_cannot_be_booked_the_outcome_is_not_recorded_either(store, monkeypatch, was_booked):
    client = add_client(store)
    if was_booked:
        store.add_appointment(Appointment(client_id=client.id, starts_at=SESSION))
    before = every_row(store)
    fail_on(monkeypatch, store, "add_appointment")
    with pytest.raises(Busy):
        sessions.record_outcome(store, client.id, SESSION, Status.RESCHEDULED, NEW_TIME, now=DEMO_DAY_END)
    assert every_row(store) == before
    monkeypatch.undo()
    assert [a.status for a in store.appointments(client.id)] == ([Status.SCHEDULED] if was_booked else [])


def test_only_a_moved_session_takes_a_new_time(store):
    client = add_client(store)
    before = every_row(store)
    with pytest.raises(ValueError):
        sessions.record_outcome(store, client.id, SESSION, Status.ATTENDED, NEW_TIME, now=DEMO_DAY_END)
    assert every_row(store) == before


def test_the_usual_time_is_todays_expected_session_or_the_time_the_schedule_names():
    started = DEMO_DAY_END.date().replace(month=1)
    thursday = Client(name="A", code="A", started_on=started, schedule="FREQ=WEEKLY;BYDAY=TH;BYHOUR=9;BYMINUTE=30")
    monday = Client(name="B", code="B", started_on=started, schedule="FREQ=WEEKLY;BYDAY=MO;BYHOUR=17;BYMINUTE=0")
    no_hour = Client(name="C", code="C", started_on=started, schedule="FREQ=WEEKLY;BYDAY=MO")
    assert sessions.usual_time(thursday, DEMO_DAY_END) == time(9, 30)  # DEMO_DAY_END is a Thursday
    assert sessions.usual_time(monday, DEMO_DAY_END) == time(17, 0)
    assert sessions.usual_time(no_hour, DEMO_DAY_END) is None
    assert sessions.usual_time(Client(name="D", code="D", started_on=started), DEMO_DAY_END) is None
    nonsense = Client(name="E", code="E", started_on=started, schedule="nonsense")
    assert sessions.usual_time(nonsense, DEMO_DAY_END) is None


# ---------------------------------------------------------------- only what has happened


def test_a_session_still_to_come_is_refused_in_plain_words_and_nothing_is_stored(store):
    client = add_client(store)
    before = every_row(store)
    later = DEMO_DAY_END + timedelta(minutes=1)
    for status in (Status.ATTENDED, Status.LATE, Status.NO_SHOW):
        with pytest.raises(sessions.NotYetHappened) as refused:
            sessions.record_outcome(store, client.id, later, status, now=DEMO_DAY_END)
    assert str(refused.value) == "That session has not happened yet: attendance is recorded once it has."
    assert every_row(store) == before
    # now itself has happened; a cancellation or a move is known ahead
    sessions.record_outcome(store, client.id, DEMO_DAY_END, Status.ATTENDED, now=DEMO_DAY_END)
    sessions.record_outcome(store, client.id, later, Status.CANCELLED, now=DEMO_DAY_END)
    sessions.record_outcome(store, client.id, later + timedelta(days=1), Status.RESCHEDULED, later + timedelta(days=2),
                            now=DEMO_DAY_END)


def test_how_a_miss_came_is_kept_with_the_session_byte_for_byte(store):
    client = add_client(store)
    note = "Texted at 7:40 \u2014 no other time asked for  "
    sessions.record_outcome(store, client.id, SESSION, Status.LATE_CANCELLED, now=DEMO_DAY_END, note=note)
    [stored] = store.appointments(client.id)
    assert (stored.status, stored.note) == (Status.LATE_CANCELLED, note)
    assert [a.note for a in store.recent_misses(client.id, DEMO_DAY_END, SESSION - timedelta(days=1))] == [note]


def test_a_future_time_is_booked_instead(store):
    client = add_client(store)
    booked = sessions.book(store, client.id, NEW_TIME)
    assert (booked.starts_at, booked.status) == (NEW_TIME, Status.SCHEDULED)


def test_the_default_time_is_the_latest_due_session_that_has_passed():
    started = date(2026, 1, 5)
    thursday = Client(name="A", code="A", started_on=started, schedule="FREQ=WEEKLY;BYDAY=TH;BYHOUR=11;BYMINUTE=0")
    morning = datetime(2026, 11, 26, 9, 10)  # a Thursday, before the 11:00 session
    assert sessions.last_due(thursday, [], morning) == datetime(2026, 11, 19, 11, 0)  # last week's, not today's
    assert sessions.last_due(thursday, [], datetime(2026, 11, 26, 11, 0)) == datetime(2026, 11, 26, 11, 0)
    extra = Appointment(client_id=1, starts_at=datetime(2026, 11, 24, 8, 0))
    assert sessions.last_due(thursday, [extra], morning) == extra.starts_at
    assert sessions.last_due(Client(name="B", code="B", started_on=started), [], morning) is None


def test_my_breaks_are_kept_and_a_break_cannot_end_before_it_starts(store):
    kept = sessions.add_break(store, date(2026, 12, 21), date(2027, 1, 3), " holiday ")
    assert store.breaks() == [Break(date(2026, 12, 21), date(2027, 1, 3), "holiday", kept.id)]
    with pytest.raises(StoreError):
        sessions.add_break(store, date(2026, 12, 21), date(2026, 12, 20))
    assert len(store.breaks()) == 1
    client = add_client(store)
    assert store.records(DEMO_DAY_END)[0].breaks == tuple(store.breaks())
    assert store.record(client.id, DEMO_DAY_END).breaks == tuple(store.breaks())
