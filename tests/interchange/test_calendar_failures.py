"""Each way real calendars broke the import (issue 13), with a calendar written here to show it fixed.

"Today" is Wednesday 25 November 2026, 18:00; the stretch read is 8 weeks back and 3 ahead.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from caseload_tui.config import CalendarSettings
from caseload_tui.interchange import ImportProblem
from caseload_tui.interchange.ics import read_calendar
from caseload_tui.interchange.ics_expand import MAX_PER_SERIES

from calendars import write_calendar
from clock import WEDNESDAY_EVENING
from import_helpers import stored

LONDON = ZoneInfo("Europe/London")
SETTINGS = CalendarSettings(weeks_back=8, weeks_ahead=3)


def calendar(*events: str, header: str = "") -> str:
    return "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Test//EN\n" + header + "".join(events) + "END:VCALENDAR\n"


def event(summary: str, start: str, *more: str, uid: str | None = "x1") -> str:
    lines = [f"UID:{uid}"] if uid else []
    lines += [f"SUMMARY:{summary}", f"DTSTART{start}", *more]
    return "BEGIN:VEVENT\n" + "\n".join(lines) + "\nEND:VEVENT\n"


def bring_in(store, tmp_path, text, name="calendar.ics", settings=SETTINGS):
    found = read_calendar(write_calendar(tmp_path, text, name), store.clients(), settings, WEDNESDAY_EVENING, LONDON)
    changes = store.upsert_sessions(found.source, found.sessions, withdraw_between=found.covers,
                                    still_listed=found.still_listed)
    return found, changes


def refusal(store, tmp_path, text) -> str:
    with pytest.raises(ImportProblem) as caught:
        bring_in(store, tmp_path, text)
    assert stored(store) == []
    return str(caught.value)


# ---------------------------------------------------------------- events without a UID


def test_events_without_uid_are_imported_and_found_again(store, clients, tmp_path):
    text = calendar(event("Zoë Adler", ":20261124T100000Z", "DTEND:20261124T105000Z", uid=None),
                    event("Ben Okafor", ":20261125T090000Z", uid=None))
    found, changes = bring_in(store, tmp_path, text)
    assert [(row[0], row[1]) for row in stored(store)] == [("A1", "2026-11-24T10:00"), ("B2", "2026-11-25T09:00")]
    assert all(row[4].startswith("no-uid-") for row in stored(store))
    assert "2 events without a UID known by title, start and rule" in found.notes
    _, again = bring_in(store, tmp_path, text.replace("DTEND:20261124T105000Z", "DTEND:20261124T110000Z"))
    assert not again.added and not again.changed and not again.removed


# ---------------------------------------------------------------- several VCALENDARs in one file


def test_a_file_of_several_calendars_is_read_as_one(store, clients, tmp_path):
    text = (calendar(event("Zoë Adler", ":20261124T100000Z", uid="a"), header="X-WR-CALNAME:Praxis\n")
            + calendar(event("Ben Okafor", ":20261125T090000Z", uid="b")))
    found, _ = bring_in(store, tmp_path, text)
    assert [(row[0], row[3]) for row in stored(store)] == [("A1", "ics:Praxis"), ("B2", "ics:Praxis")]
    assert "the file holds 2 calendars (VCALENDAR); they were read as one" in found.notes


def test_an_invitation_and_its_cancellation_saved_together_give_a_cancelled_session(store, clients, tmp_path):
    invitation = calendar(event("Zoë Adler", ":20261124T100000Z", "SEQUENCE:0", uid="meet"),
                          header="METHOD:REQUEST\n")
    cancellation = calendar("BEGIN:VEVENT\nUID:meet\nSEQUENCE:1\nEND:VEVENT\n", header="METHOD:CANCEL\n")
    reply = calendar(event("Zoë Adler", ":20261124T120000Z", uid="meet"), header="METHOD:REPLY\n")
    found, _ = bring_in(store, tmp_path, invitation + reply + cancellation)
    assert [(row[1], row[2]) for row in stored(store)] == [("2026-11-24T10:00", "cancelled")]
    assert "1 event in replies to invitations skipped (an answer, not the calendar)" in found.notes


# ---------------------------------------------------------------- messages that say what is wrong


@pytest.mark.parametrize("text, words", [
    (calendar("BEGIN:VTIMEZONE\nTZID:\nBEGIN:STANDARD\nDTSTART:16010101T000000\nTZOFFSETFROM:+0000\n"
              "TZOFFSETTO:+0000\nEND:STANDARD\nEND:VTIMEZONE\n",
              event("Zoë Adler", ";TZID=:20261124T100000")),
     "line 5, a time zone (VTIMEZONE): the time zone has no name (an empty TZID)"),
    (calendar(event("Zoë Adler", ":20261124T100000Z", "BEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:PT-2H\nEND:VALARM")),
     "line 10, event “Zoë Adler”: TRIGGER “PT-2H” is not a duration I can read."),
    (calendar("BEGIN:VTIMEZONE\nTZID:Odd\nBEGIN:STANDARD\nDTSTART:16010101T000000\nTZOFFSETFROM:+5744\n"
              "TZOFFSETTO:+0000\nEND:STANDARD\nEND:VTIMEZONE\n"),
     "line 8, a time zone (VTIMEZONE): TZOFFSETFROM “+5744” is not a UTC offset"),
    (calendar(event("Zoë Adler", ":20261124T100000Z")).removesuffix("END:VEVENT\nEND:VCALENDAR\n"),
     "the file ends inside the event begun on line 4: it seems to have been cut off"),
    (calendar(event("Zoë Adler", ":20261124T100000Z", "RRULE:FREQ=WEEKLY", "DURATION:PT50X")),
     "line 9, event “Zoë Adler”: DURATION “PT50X” is not a duration I can read."),
])
def test_a_problem_is_named_by_its_line_and_event(store, clients, tmp_path, text, words):
    message = refusal(store, tmp_path, text)
    assert words in message
    assert "RRULE" not in message.split(":", 2)[-1] or "DURATION" not in words  # a bad DURATION is not the rule's


def test_an_event_with_two_start_times_is_refused_in_words_not_a_crash(store, clients, tmp_path):
    text = calendar(event("Zoë Adler", ":20261124T100000Z", "DTSTART:20261124T120000Z"))
    assert refusal(store, tmp_path, text) == (
        "calendar.ics: line 4, event “Zoë Adler”: it has 2 start times (DTSTART); an event has one.")


# ---------------------------------------------------------------- duplicates and re-import


def test_calendar_sync_duplicates_are_read_once_and_importing_again_adds_nothing(store, clients, tmp_path):
    text = calendar(*(event("Zoë Adler", ":20261124T100000Z", uid=f"copy-{i}") for i in range(3)),
                    event("Zoë Adler", ":20261124T100000Z", "SEQUENCE:1", uid="copy-0"))
    found, changes = bring_in(store, tmp_path, text)
    assert len(changes.added) == 1
    assert any("written more than once" in note for note in found.notes)
    assert any("were read once (duplicates from calendar syncing)" in note for note in found.notes)
    for _ in range(2):
        _, again = bring_in(store, tmp_path, text)
        assert not again.added and not again.changed and not again.removed
    assert len(stored(store)) == 1


def test_a_session_is_matched_at_most_once_per_import(store, clients):
    from caseload_tui import model as m

    two = [m.Appointment(client_id=clients["A1"].id, starts_at=datetime(2026, 11, 24, 10),
                         status=m.Status.SCHEDULED, source="csv:any", source_uid=uid) for uid in ("r1", "r2")]
    assert len(store.upsert_sessions("csv:any", two).added) == 2
    again = store.upsert_sessions("csv:any", two)
    assert not again.added and len(stored(store)) == 2


# ---------------------------------------------------------------- "this and following"


def test_this_and_following_keeps_every_moved_session(store, clients, tmp_path):
    weekly = event("Zoë Adler", ":20261006T100000Z", "RRULE:FREQ=WEEKLY;COUNT=8", uid="w")
    moved = event("Zoë Adler", ":20261020T140000Z", "RECURRENCE-ID;RANGE=THISANDFUTURE:20261020T100000Z", uid="w")
    bring_in(store, tmp_path, calendar(weekly, moved))
    times = [row[1] for row in stored(store)]
    # (London is on summer time until 25 October)
    assert times == ["2026-10-06T11:00", "2026-10-13T11:00", "2026-10-20T15:00", "2026-10-27T14:00",
                     "2026-11-03T14:00", "2026-11-10T14:00", "2026-11-17T14:00", "2026-11-24T14:00"]
    # Each keeps the identity of the occurrence it was: moving them all again changes, adds nothing.
    assert [row[4] for row in stored(store)][3] == "w/20261027T100000Z"
    _, changes = bring_in(store, tmp_path, calendar(weekly, moved.replace("T140000Z", "T150000Z")))
    assert len(changes.changed) == 6 and not changes.added and not changes.removed


# ---------------------------------------------------------------- Windows zones


@pytest.mark.parametrize("tzid", ["(UTC-05:00) Eastern Time (US & Canada)", "Eastern Standard Time",
                                  "(GMT-05:00) Eastern Time (US & Canada)"])
def test_a_windows_zone_without_vtimezone_is_its_iana_zone(store, clients, tmp_path, tzid):
    bring_in(store, tmp_path, calendar(event("Zoë Adler", f';TZID="{tzid}":20261124T100000')))
    assert [row[1] for row in stored(store)] == ["2026-11-24T15:00"]  # 10:00 in New York is 15:00 in London


def test_an_unknown_zone_is_named_and_never_taken_as_local(store, clients, tmp_path):
    found, _ = bring_in(store, tmp_path, calendar(event("Zoë Adler", ';TZID="Western/Central Europe":20261124T100000')))
    assert stored(store) == []
    assert [e.reason for e in found.not_imported] == [
        "its time zone “Western/Central Europe” is not one I know, so its time cannot be placed"]


# ---------------------------------------------------------------- renamed export, limits, backwards events


def test_a_renamed_download_passes_on_its_deletions(store, clients, tmp_path):
    both = calendar(event("Zoë Adler", ":20261124T100000Z", uid="a"), event("Ben Okafor", ":20261125T090000Z", uid="b"))
    bring_in(store, tmp_path, both, name="calendar.ics")
    found, changes = bring_in(store, tmp_path, calendar(event("Zoë Adler", ":20261124T100000Z", uid="a")),
                              name="calendar (1).ics")
    assert found.source == "ics:calendar.ics"
    assert [gone.source_uid for gone in changes.removed] == ["b"]


def test_an_unbounded_minutely_rule_is_not_expanded_and_says_why(store, clients, tmp_path):
    text = calendar(event("Zoë Adler", ":20260101T100000Z", "RRULE:FREQ=MINUTELY", uid="m"),
                    event("Ben Okafor", ":20261125T090000Z", uid="b"))
    found, _ = bring_in(store, tmp_path, text)
    assert [row[0] for row in stored(store)] == ["B2"]
    assert [(e.where, e.reason) for e in found.not_imported] == [
        ("event “Zoë Adler” (line 4)", "it repeats every minute with no end in sight, which no series of sessions "
                                       "does; nothing of it was read")]


def test_a_series_with_more_occurrences_than_the_cap_is_cut_and_said(store, clients, tmp_path):
    text = calendar(event("Zoë Adler", ":20261124T000000Z", "RRULE:FREQ=MINUTELY;INTERVAL=5", uid="m"))
    found, _ = bring_in(store, tmp_path, text)
    assert len(stored(store)) == MAX_PER_SERIES
    assert f"event “Zoë Adler” (line 4) repeats more than {MAX_PER_SERIES:,} times in these weeks; only the first " \
           f"{MAX_PER_SERIES:,} were read" in found.notes


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(store, clients, tmp_path, monkeypatch):
    from caseload_tui.interchange import ics

    monkeypatch.setattr(ics, "MAX_FILE_BYTES", 100)
    message = refusal(store, tmp_path, calendar(event("Zoë Adler", ":20261124T100000Z")))
    assert re.match(r"calendar\.ics: the file is 0 MB, larger than any calendar of sessions", message)


def test_an_event_that_ends_before_it_starts_is_said(store, clients, tmp_path):
    found, _ = bring_in(store, tmp_path, calendar(event("Zoë Adler", ":20261124T100000Z", "DTEND:20261124T090000Z")))
    assert [row[1] for row in stored(store)] == ["2026-11-24T09:00"]
    assert "1 event ends before it starts (DTEND before DTSTART): “Zoë Adler” (line 4); read as starting at the " \
           "earlier of its two times, as calendar programs show it" in found.notes
