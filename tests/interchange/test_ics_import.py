"""Calendars from Google, Apple and Outlook: imported, imported again unchanged and changed."""

from __future__ import annotations

import re
import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from caseload_tui import model as m
from caseload_tui.config import CalendarSettings
from caseload_tui.interchange import ImportProblem
from caseload_tui.interchange.ics import read_calendar

from calendars import APPLE, GOOGLE, GOOGLE_UPDATED, OUTLOOK, write_calendar
from clock import WEDNESDAY_EVENING
from import_helpers import stored

LONDON = ZoneInfo("Europe/London")
GOOGLE_SETTINGS = CalendarSettings(weeks_back=8, weeks_ahead=3)  # 30 Sep 18:00 to 16 Dec 18:00
ZOE = "7kukuqrfedlm2f9t0vr42q1sap@google.com"
BEN = "1h3b0k1q0s8v4h9m2c5d6e7f8g@google.com"


def bring_in(store, tmp_path, text, settings=GOOGLE_SETTINGS, zone=LONDON, name="basic.ics",
             dry_run=False, now=WEDNESDAY_EVENING):
    found = read_calendar(write_calendar(tmp_path, text, name), store.clients(), settings, now, zone)
    changes = store.upsert_sessions(found.source, found.sessions, dry_run=dry_run,
                                    withdraw_between=found.covers, still_listed=found.still_listed)
    return found, changes


GOOGLE_STORED = [
    ("A1", "2026-11-03T10:00", "scheduled", "ics:Praxis", f"{ZOE}/20261103T100000Z"),
    # moved by a RECURRENCE-ID override: still the 10:00 occurrence
    ("A1", "2026-11-10T11:30", "scheduled", "ics:Praxis", f"{ZOE}/20261110T100000Z"),
    # cancelled by an override with STATUS:CANCELLED
    ("A1", "2026-11-17T10:00", "cancelled", "ics:Praxis", f"{ZOE}/20261117T100000Z"),
    # 24 November is an EXDATE: no session
    ("A1", "2026-12-01T10:00", "scheduled", "ics:Praxis", f"{ZOE}/20261201T100000Z"),
    ("A1", "2026-12-08T10:00", "scheduled", "ics:Praxis", f"{ZOE}/20261208T100000Z"),
    ("A1", "2026-12-15T10:00", "scheduled", "ics:Praxis", f"{ZOE}/20261215T100000Z"),
    # 09:00 UTC on 16 October is 10:00 in London (summer time)
    ("B2", "2026-10-16T10:00", "scheduled", "ics:Praxis", BEN),
]


# ---------------------------------------------------------------- Google Calendar


def test_google_calendar_is_imported_exactly(store, clients, tmp_path):
    found, changes = bring_in(store, tmp_path, GOOGLE)
    assert stored(store) == GOOGLE_STORED
    assert len(changes.added) == 7 and not changes.changed and not changes.removed
    assert found.covers == (datetime(2026, 9, 30, 18), datetime(2026, 12, 16, 18))
    # The supervision event names no client: listed, not guessed.
    assert [(e.where, e.reason) for e in found.not_imported] == [
        ("event “Supervision with Dr. Hale” on Mon 23 Nov 2026 16:00", "no client's code or name is in the title"),
    ]
    assert found.notes == ["1 event lasting all day skipped (not sessions)"]


def test_descriptions_are_never_imported_as_notes(store, clients, tmp_path):
    bring_in(store, tmp_path, GOOGLE)
    assert all(a.note == "" for a in store.appointments(clients["A1"].id))


def test_importing_the_same_calendar_again_changes_nothing(store, clients, tmp_path):
    bring_in(store, tmp_path, GOOGLE)
    before = {a.id: a for c in clients.values() for a in store.appointments(c.id)}
    found, changes = bring_in(store, tmp_path, GOOGLE, name="basic (1).ics")  # a new download, same calendar
    assert not changes.added and not changes.changed and not changes.removed and not changes.kept
    assert changes.left_alone == 7
    after = {a.id: a for c in clients.values() for a in store.appointments(c.id)}
    assert after == before


def test_a_changed_calendar_changes_only_what_changed(store, clients, tmp_path):
    bring_in(store, tmp_path, GOOGLE)
    # The clinician records two sessions at day's end.
    store.record_attendance(clients["A1"].id, datetime(2026, 11, 3, 10), m.Status.ATTENDED)
    store.record_attendance(clients["B2"].id, datetime(2026, 10, 16, 10), m.Status.NO_SHOW)
    found, changes = bring_in(store, tmp_path, GOOGLE_UPDATED)
    # Zoë's 1 December moved to 09:00; Ben's October session "moved" in the calendar,
    # but its outcome is recorded, so it stays as the clinician recorded it.
    assert [(b.starts_at, a.starts_at) for b, a in changes.changed] == [
        (datetime(2026, 12, 1, 10), datetime(2026, 12, 1, 9))
    ]
    assert [(k.status, said.starts_at) for k, said in changes.kept] == [
        (m.Status.NO_SHOW, datetime(2026, 10, 16, 14))
    ]
    assert not changes.added and not changes.removed
    expected = list(GOOGLE_STORED)
    expected[0] = ("A1", "2026-11-03T10:00", "attended", "ics:Praxis", f"{ZOE}/20261103T100000Z")
    expected[3] = ("A1", "2026-12-01T09:00", "scheduled", "ics:Praxis", f"{ZOE}/20261201T100000Z")
    expected[6] = ("B2", "2026-10-16T10:00", "no_show", "ics:Praxis", BEN)
    assert stored(store) == sorted(expected)


def test_a_recorded_outcome_is_never_overwritten_by_a_cancellation(store, clients, tmp_path):
    bring_in(store, tmp_path, GOOGLE)
    store.record_attendance(clients["A1"].id, datetime(2026, 11, 3, 10), m.Status.ATTENDED)
    cancelled = GOOGLE.replace("SEQUENCE:2\nSTATUS:CONFIRMED", "SEQUENCE:2\nSTATUS:CANCELLED")
    _, changes = bring_in(store, tmp_path, cancelled)
    statuses = {row[1]: row[2] for row in stored(store) if row[0] == "A1"}
    assert statuses["2026-11-03T10:00"] == "attended"  # recorded: kept
    assert statuses["2026-12-08T10:00"] == "cancelled"  # awaiting a record: the calendar's word counts
    assert statuses["2026-11-10T11:30"] == "scheduled"  # the override itself is not cancelled
    assert len(changes.kept) == 1 and len(changes.changed) == 3


def test_an_occurrence_taken_out_later_is_withdrawn_unless_recorded(store, clients, tmp_path):
    bring_in(store, tmp_path, GOOGLE)
    store.record_attendance(clients["A1"].id, datetime(2026, 11, 3, 10), m.Status.ATTENDED)
    fewer = GOOGLE.replace(
        "EXDATE;TZID=Europe/London:20261124T100000",
        "EXDATE;TZID=Europe/London:20261124T100000,20261208T100000,20261103T100000",
    )
    _, changes = bring_in(store, tmp_path, fewer)
    assert [a.starts_at for a in changes.removed] == [datetime(2026, 12, 8, 10)]
    assert [row[1] for row in stored(store) if row[0] == "A1"] == [
        "2026-11-03T10:00", "2026-11-10T11:30", "2026-11-17T10:00", "2026-12-01T10:00", "2026-12-15T10:00",
    ]


def test_sessions_outside_the_stretch_read_are_left_alone(store, clients, tmp_path):
    bring_in(store, tmp_path, GOOGLE)
    # Two months later the October session is outside the stretch read: neither read nor withdrawn.
    _, changes = bring_in(store, tmp_path, GOOGLE, now=datetime(2027, 1, 27, 18))
    assert not changes.removed
    assert ("B2", "2026-10-16T10:00", "scheduled", "ics:Praxis", BEN) in stored(store)


def test_a_dry_run_says_what_would_change_and_writes_nothing(store, clients, tmp_path):
    found, changes = bring_in(store, tmp_path, GOOGLE, dry_run=True)
    assert len(changes.added) == 7
    assert stored(store) == []
    bring_in(store, tmp_path, GOOGLE)
    _, changes = bring_in(store, tmp_path, GOOGLE_UPDATED, dry_run=True)
    assert len(changes.changed) == 2 and changes.left_alone == 5
    assert stored(store) == GOOGLE_STORED


def test_a_session_typed_in_by_hand_is_not_duplicated(store, clients, tmp_path):
    typed = store.record_attendance(clients["A1"].id, datetime(2026, 11, 3, 10), m.Status.LATE)
    _, changes = bring_in(store, tmp_path, GOOGLE)
    assert len(changes.added) == 6 and changes.left_alone == 1
    rows = [row for row in stored(store) if row[1] == "2026-11-03T10:00"]
    assert rows == [("A1", "2026-11-03T10:00", "late", "", "")]
    assert store.appointments(clients["A1"].id)[-1].id == typed.id


# ---------------------------------------------------------------- Apple Calendar


def test_apple_calendar_with_a_prefix_for_therapy_sessions(store, clients, tmp_path):
    settings = CalendarSettings(prefix="Therapy:", timezone="America/New_York")
    found, _ = bring_in(store, tmp_path, APPLE, settings=settings, zone=ZoneInfo("America/New_York"))
    series = "5F3A2B9C-1D4E-4F6A-8B7C-9D0E1F2A3B4C"
    assert stored(store) == [
        ("B2", "2026-11-19T09:15", "cancelled", "ics:Work", "A7B8C9D0-E1F2-4A3B-8C4D-5E6F7A8B9C0D"),
        # fortnightly from 29 October until 24 December, 12 November excepted
        ("C3", "2026-10-29T18:00", "scheduled", "ics:Work", f"{series}/20261029T220000Z"),
        ("C3", "2026-11-26T18:00", "scheduled", "ics:Work", f"{series}/20261126T230000Z"),
        ("C3", "2026-12-10T18:00", "scheduled", "ics:Work", f"{series}/20261210T230000Z"),
        ("C3", "2026-12-24T18:00", "scheduled", "ics:Work", f"{series}/20261224T230000Z"),
    ]
    # Lunch names Zoë, but is not marked as therapy.
    assert found.not_imported == []
    assert found.notes == ["1 event not starting with “Therapy:” skipped (not sessions)"]


def test_without_a_prefix_every_timed_event_naming_a_client_is_a_session(store, clients, tmp_path):
    found, _ = bring_in(store, tmp_path, APPLE, settings=CalendarSettings(), zone=ZoneInfo("America/New_York"))
    assert ("A1", "2026-11-20T12:00", "scheduled", "ics:Work", "B1C2D3E4-F5A6-4B7C-8D9E-0F1A2B3C4D5E") in stored(store)


def test_times_are_converted_to_the_clinicians_zone(store, clients, tmp_path):
    bring_in(store, tmp_path, APPLE, settings=CalendarSettings(prefix="Therapy:"), zone=LONDON)
    # 18:00 in New York is 22:00 in London in October (both on summer time), 23:00 in late November.
    assert [row[1] for row in stored(store) if row[0] == "C3"][:2] == ["2026-10-29T22:00", "2026-11-26T23:00"]


def test_without_a_zone_setting_this_computers_zone_is_used(store, clients, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        path = write_calendar(tmp_path, GOOGLE)
        found = read_calendar(path, store.clients(), GOOGLE_SETTINGS, WEDNESDAY_EVENING)
    finally:
        monkeypatch.undo()
        time.tzset()
    ben = [s for s in found.sessions if s.source_uid == BEN]
    assert ben[0].starts_at == datetime(2026, 10, 16, 18)  # 09:00 UTC is 18:00 in Tokyo


# ---------------------------------------------------------------- Outlook


OUTLOOK_UID = "040000008200E00074C5B7101A82E00800000000A0B1C2D3E4F5D901000000000000000010000000F1E2D3C4B5A69788"


def test_outlook_calendar_with_a_windows_zone_name_and_folded_lines(store, clients, tmp_path):
    settings = CalendarSettings(match="code")
    found, _ = bring_in(store, tmp_path, OUTLOOK, settings=settings, zone=ZoneInfo("Europe/Berlin"),
                        name="Kalender.ics")
    assert stored(store) == [
        ("A1", "2026-11-04T09:00", "scheduled", "ics:Kalender.ics", f"{OUTLOOK_UID}/20261104T080000Z"),
        ("A1", "2026-11-11T13:40", "scheduled", "ics:Kalender.ics", f"{OUTLOOK_UID}/20261111T080000Z"),
        ("A1", "2026-11-18T09:00", "scheduled", "ics:Kalender.ics", f"{OUTLOOK_UID}/20261118T080000Z"),
        ("A1", "2026-11-25T09:00", "scheduled", "ics:Kalender.ics", f"{OUTLOOK_UID}/20261125T080000Z"),
    ]
    assert found.notes == ["1 event lasting all day skipped (not sessions)"]


def test_matching_by_name_only_does_not_read_codes(store, clients, tmp_path):
    found, _ = bring_in(store, tmp_path, OUTLOOK, settings=CalendarSettings(match="name"),
                        zone=ZoneInfo("Europe/Berlin"))
    assert stored(store) == []
    assert found.not_imported[0].where == (
        "event “Sitzung A1 (Zoë) – Einzeltherapie, Raum…” on Wed 4 Nov 2026 09:00"
    )
    assert found.not_imported[0].reason == "no client's name is in the title"


def test_a_title_naming_two_clients_is_listed_not_guessed(store, clients, tmp_path):
    text = GOOGLE.replace("SUMMARY:Ben Okafor", "SUMMARY:Couple: Ben Okafor + C3")
    found, _ = bring_in(store, tmp_path, text)
    assert not [row for row in stored(store) if row[0] in ("B2", "C3")]
    assert found.not_imported[0].reason == "more than one client could be meant (B2, C3)"


def test_a_longer_name_wins_over_a_shorter_one_inside_it(store, clients, tmp_path):
    store.add_client(m.Client(name="Ben", code="B9", started_on=WEDNESDAY_EVENING.date()))
    bring_in(store, tmp_path, GOOGLE)
    assert ("B2", "2026-10-16T10:00", "scheduled", "ics:Praxis", BEN) in stored(store)


def test_sessions_after_the_work_ended_are_listed(store, clients, tmp_path):
    text = GOOGLE.replace("SUMMARY:Ben Okafor", "SUMMARY:Gil Moss")
    found, _ = bring_in(store, tmp_path, text)
    assert [e.reason for e in found.not_imported][0] == "it is after the work with G4 ended (1 Oct 2026)"


def test_a_line_folded_inside_a_character_is_read(store, clients, tmp_path):
    raw = write_calendar(tmp_path, GOOGLE.replace("with Dr. Hale", "with Dr. Hale – Zoë")).read_bytes()
    title = "Supervision with Dr. Hale – Zoë".encode()
    split = raw.replace(title, title[:-1] + b"\r\n " + title[-1:])  # folded between the two bytes of ë
    assert split != raw
    (tmp_path / "split.ics").write_bytes(split)
    found = read_calendar(tmp_path / "split.ics", store.clients(), GOOGLE_SETTINGS, WEDNESDAY_EVENING, LONDON)
    assert found.not_imported[0].where.startswith("event “Supervision with Dr. Hale – Zoë” on")


# ---------------------------------------------------------------- problems


@pytest.mark.parametrize("change, words", [
    (("DTSTART:20261016T090000Z", "DTSTART:2026-10-16 09:00"),
     "event “Ben Okafor”: DTSTART “2026-10-16 09:00” is not a date and time I can read."),
    (("DTEND:20261016T095000Z", "DTEND:soon"), "event “Ben Okafor”: DTEND “soon” is not a date and time"),
    (("RRULE:FREQ=WEEKLY;BYDAY=TU", "RRULE:FREQ=FORTNIGHTLY"),
     "event “Therapy: Zoë Adler — wöchentliche Sitzu…”: RRULE “FREQ=FORTNIGHTLY” is not a repeating rule"),
    (("EXDATE;TZID=Europe/London:20261124T100000", "EXDATE;TZID=Europe/London:24.11.2026"),
     "EXDATE “24.11.2026” is not a date and time I can read"),
    (("X-WR-TIMEZONE:Europe/London", "X-WR-TIMEZONE:Atlantis/Capital"), "X-WR-TIMEZONE"),
])
def test_a_problem_names_the_file_the_event_and_the_field_and_nothing_is_stored(
    store, clients, tmp_path, change, words
):
    with pytest.raises(ImportProblem) as caught:
        bring_in(store, tmp_path, GOOGLE.replace(*change))
    message = str(caught.value)
    assert message.startswith("basic.ics: ")
    assert words in message
    if "X-WR" not in words:
        assert re.match(r"basic\.ics: line \d+, event “", message)
    assert "klingeln" not in message  # nothing of the events' text beyond a title
    assert stored(store) == []


def test_a_file_that_is_not_utf8_names_the_line(store, clients, tmp_path):
    path = write_calendar(tmp_path, GOOGLE)
    path.write_bytes(path.read_bytes().replace(b"SUMMARY:Ben Okafor", b"SUMMARY:Ben \xd6kafor"))
    with pytest.raises(ImportProblem, match=r"calendar\.ics: line 72 is not UTF-8 text"):
        read_calendar(path, store.clients(), GOOGLE_SETTINGS, WEDNESDAY_EVENING, LONDON)


@pytest.mark.parametrize("content", [b"", b"hello", b"BEGIN:VEVENT\r\nEND:VEVENT\r\n", b"\x00\x01"])
def test_something_that_is_not_a_calendar(store, clients, tmp_path, content):
    (tmp_path / "notes.ics").write_bytes(content)
    with pytest.raises(ImportProblem, match=r"^notes\.ics: "):
        read_calendar(tmp_path / "notes.ics", store.clients(), GOOGLE_SETTINGS, WEDNESDAY_EVENING, LONDON)


def test_a_repeating_event_naming_no_client_is_listed_once(store, clients, tmp_path):
    text = GOOGLE.replace("Therapy: Zoë Adler", "Therapy: Yara")
    found, _ = bring_in(store, tmp_path, text)
    yara = [e for e in found.not_imported if "Yara" in e.where]
    assert [(e.where, e.more) for e in yara] == [
        ("event “Therapy: Yara — wöchentliche Sitzung im…” on Tue 3 Nov 2026 10:00", 5)]
