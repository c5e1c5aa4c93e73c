"""Recording what happened at a session, and booking the new time of one that was moved."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from caseload_tui.model import Appointment, Client, Status
from caseload_tui.services import sessions
from caseload_tui.store import Busy

from clock import DEMO_DAY_END
from factories import add_client, every_row
from service_helpers import fail_on

SESSION = datetime(2026, 11, 26, 10, 0)
NEW_TIME = datetime(2026, 11, 27, 14, 0)


def test_an_outcome_is_recorded_on_the_booked_session(store):
    client = add_client(store)
    booked = store.add_appointment(Appointment(client_id=client.id, starts_at=SESSION))
    outcome = sessions.record_outcome(store, client.id, SESSION, Status.ATTENDED)
    assert outcome.session.id == booked.id and outcome.booked is None
    assert [(a.starts_at, a.status) for a in store.appointments(client.id)] == [(SESSION, Status.ATTENDED)]


def test_a_session_moved_to_another_time_is_recorded_and_the_new_time_booked(store):
    client = add_client(store)
    store.add_appointment(Appointment(client_id=client.id, starts_at=SESSION))
    outcome = sessions.record_outcome(store, client.id, SESSION, Status.RESCHEDULED, NEW_TIME)
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
        sessions.record_outcome(store, client.id, SESSION, Status.RESCHEDULED, NEW_TIME)
    assert every_row(store) == before
    monkeypatch.undo()
    assert [a.status for a in store.appointments(client.id)] == ([Status.SCHEDULED] if was_booked else [])


def test_only_a_moved_session_takes_a_new_time(store):
    client = add_client(store)
    before = every_row(store)
    with pytest.raises(ValueError):
        sessions.record_outcome(store, client.id, SESSION, Status.ATTENDED, NEW_TIME)
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
