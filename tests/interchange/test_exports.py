"""The calendar feed of upcoming sessions (codes, never names) and the CSV tables."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta

import icalendar

from caseload_tui import model as m
from caseload_tui.interchange.csv_export import FILE_NAMES, HEADERS, cell, table_text
from caseload_tui.interchange.ics_export import calendar_bytes, upcoming_sessions

from clock import WEDNESDAY_EVENING


def upcoming(store, weeks=3):
    booked = store.appointments_between(WEDNESDAY_EVENING, WEDNESDAY_EVENING + timedelta(weeks=weeks))
    return upcoming_sessions(store.clients(), booked, WEDNESDAY_EVENING, weeks)


def test_upcoming_sessions_are_the_expected_and_the_booked(store, clients):
    a1, b2 = clients["A1"], clients["B2"]
    store.add_appointment(m.Appointment(client_id=b2.id, starts_at=datetime(2026, 11, 27, 15)))  # booked
    # Zoë moved next Tuesday's session to the Wednesday; the week after she has already cancelled.
    store.add_appointment(m.Appointment(client_id=a1.id, starts_at=datetime(2026, 12, 2, 10)))
    store.add_appointment(m.Appointment(client_id=a1.id, starts_at=datetime(2026, 12, 8, 10),
                                        status=m.Status.CANCELLED))
    found = [(s.client.code, s.starts_at, s.booked is not None) for s in upcoming(store)]
    assert found == [
        ("C3", datetime(2026, 11, 26, 18), False),  # fortnightly from 5 March 2026
        ("B2", datetime(2026, 11, 27, 15), True),
        ("A1", datetime(2026, 12, 1, 10), False),
        ("A1", datetime(2026, 12, 2, 10), True),
        ("C3", datetime(2026, 12, 10, 18), False),
        ("A1", datetime(2026, 12, 15, 10), False),
    ]  # Gil (G4) graduated: nothing expected for him


def test_the_exported_calendar_reads_back_and_names_no_client(store, clients):
    store.add_appointment(m.Appointment(client_id=clients["B2"].id, starts_at=datetime(2026, 11, 27, 15)))
    raw = calendar_bytes(upcoming(store), WEDNESDAY_EVENING, minutes=50, timezone="Europe/London")
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == [
        "Session: C3", "Session: B2", "Session: A1", "Session: A1", "Session: C3", "Session: A1"]
    first = events[1]
    assert first["DTSTART"].dt == datetime(2026, 11, 27, 15, tzinfo=first["DTSTART"].dt.tzinfo)
    assert first["DTSTART"].params["TZID"] == "Europe/London"
    assert first["DTEND"].dt - first["DTSTART"].dt == timedelta(minutes=50)
    assert str(first["STATUS"]) == "CONFIRMED" and str(events[0]["STATUS"]) == "TENTATIVE"
    assert calendar.walk("VTIMEZONE")
    text = raw.decode("utf-8")
    for client in clients.values():
        for part in client.name.split():
            assert part not in text
    for event in events:
        assert not any(part in str(event.get("DESCRIPTION", "")) for c in clients.values() for part in c.name.split())


def test_each_session_keeps_its_uid_from_one_export_to_the_next(store, clients):
    store.add_appointment(m.Appointment(client_id=clients["B2"].id, starts_at=datetime(2026, 11, 27, 15)))
    first = icalendar.Calendar.from_ical(calendar_bytes(upcoming(store), WEDNESDAY_EVENING))
    later = WEDNESDAY_EVENING + timedelta(days=1)
    again = upcoming_sessions(store.clients(), store.appointments_between(later, later + timedelta(weeks=3)),
                              later, 3)
    second = icalendar.Calendar.from_ical(calendar_bytes(again, later))
    uids = {(str(e["SUMMARY"]), e["DTSTART"].dt): str(e["UID"]) for e in first.walk("VEVENT")}
    for event in second.walk("VEVENT"):
        key = (str(event["SUMMARY"]), event["DTSTART"].dt)
        if key in uids:
            assert uids[key] == str(event["UID"])
    assert len(set(uids.values())) == len(uids)


def test_without_a_zone_the_times_are_the_calendars_own(store, clients):
    raw = calendar_bytes(upcoming(store), WEDNESDAY_EVENING)
    event = icalendar.Calendar.from_ical(raw).walk("VEVENT")[0]
    assert event["DTSTART"].dt == datetime(2026, 11, 26, 18)  # floating: no zone
    assert b"VTIMEZONE" not in raw


# ---------------------------------------------------------------- CSV tables


def test_every_table_has_its_file_and_header():
    assert FILE_NAMES == ("clients.csv", "periods-of-work.csv", "sessions.csv", "thoughts.csv", "questions.csv",
                          "news.csv", "supervisions.csv", "supervision-cases.csv", "dates-that-matter.csv")
    for table, header in HEADERS.items():
        assert next(csv.reader(io.StringIO(table_text(table, [])))) == header


def test_cells_that_a_spreadsheet_would_run_are_defused():
    assert cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert cell("+1") == "'+1" and cell("@sum") == "'@sum" and cell("-2") == "'-2"
    assert cell("plain words") == "plain words"
    assert cell(datetime(2026, 11, 3, 10)) == "2026-11-03T10:00"
    assert cell(True) == "yes" and cell(None) == "" and cell(3) == "3"
