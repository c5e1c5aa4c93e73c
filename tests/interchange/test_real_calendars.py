"""Every calendar in ../shared/real-calendars (written by real calendar programs): read right, or refused in words.

The files stay where they are (never copied in); without the folder these tests are skipped.
For each file that is read, the sessions stored are exactly the occurrences that
recurring-ical-events itself gives for the file in the stretch read, with a client made for
each event title; importing the file again changes nothing. Each file that is refused is
listed below with what its message must say, and every message names a line or an event.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from caseload_tui import model as m
from caseload_tui.config import CalendarSettings
from caseload_tui.interchange import ImportProblem
from caseload_tui.interchange.ics import read_calendar
from caseload_tui.interchange.windows_zones import iana_zone

CALENDARS = Path(__file__).resolve().parents[2].parent / "shared" / "real-calendars"
FILES = sorted(CALENDARS.glob("*.ics")) if CALENDARS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"the real calendars are not here ({CALENDARS})")
LONDON = ZoneInfo("Europe/London")
MARGIN = timedelta(days=2)

# The files that are not valid iCalendar, and what the refusal says is wrong in each.
REFUSED = {
    "ical4j__1106817412.ics": "line 21 is not UTF-8 text",
    "libical__malloc.ics": "line 3 is not UTF-8 text",
    "ical4j__blankTzid.ics": "line 6, a time zone (VTIMEZONE): the time zone has no name (an empty TZID)",
    "icalendar__big_bad_calendar.ics": "the file ends inside the calendar begun on line 1: it seems to have been cut",
    "icalendar__small_bad_calendar.ics": "the file ends inside the calendar begun on line 1",
    "icalendar__fuzz_testcase_0_char_in_component_name.ics": "the file ends inside",
    "icalendar__fuzz_testcase_invalid_month.ics": "the file ends inside",
    "icalendar__fuzz_testcase_vtimezone_lone_cr.ics": "there is no BEGIN:VCALENDAR in it",
    "icalendar__broken_dtstart.ics": "line 6, event “(no title)”: DTSTART “INVALID-DATE” is not a date and time",
    "icalendar__issue_1081_invalid_start_and_end.ics": "line 6, event “Test”: DTSTART “INVALID-DATE” is not",
    "icalendar__invalid_duration.ics": "DURATION “P999999999999999999W” is not a duration I can read",
    "node-ical__bad_custom_ms_tz.ics": "DURATION “-PT1W1D2H3M4S” is not a duration I can read",
    "icalendar__issue_1081_invalid_rrule_freq.ics": "RRULE “FREQ=INVALID_TYPE_CAUSES_ERROR” is not a repeating rule",
    "icalendar__issue_165_missing_event.ics": "line 25, event “Sprint 25 Daily Standup”: RRULE",
    "recurring-ical-events__bad_rrule_missing_until_event.ics": "event “blabla”: it repeats by a rule",
    "icalendar__multiple_calendar_components.ics": "line 2, the calendar: “VERSION” is not a line of a calendar",
    "libical__stresstest.ics": "line 28, the calendar:",
    "icalendar__parsing_error.ics": "line 19, event “(no title)”: EXDATE “” is not a date and time",
    "icalendar__parsing_error_in_UTC_offset.ics": "TZOFFSETFROM “+5744” is not a UTC offset",
    "khal__invalid_tzoffset.ics": "TZOFFSETFROM “+5328” is not a UTC offset",
    "icaljs__google_birthday.ics": "line 13, event “PErson #2's birthday”: RDATE “20121210Z” is not a date",
    "ics-parser__ICal.ics": "DTSTART “20171032T000000” is not a date and time",
    "khal__non_dst_error.ics": "TRIGGER “PT-2H” is not a duration I can read",
    "libical__incoming.ics": "line 17, event “Conference”: DTEND “19970701T10300Z” is not a date and time",
    "libical__large.ics": "DTEND “19970701T2000000Z” is not a date and time",
    "node-ical__large-file-with-late-error.ics": "line 360, event “Event 060”: DTSTART “20240230T100000Z”",
    "node-ical__ms_timezones.ics": "line 152, event “Log Yesterday's Jira time”: DTSTART “” is not a date",
    "icalendar__pacific_fiji.ics": "it has 2 start times (DTSTART)",
    "icalendar__broken_ical.ics": "line 4, event “An Event with too many semicolons”: “DTSTART;;VALUE",
    "icalendar__rfc_5545_RDATE_example.ics": "has no start time (DTSTART)",
    "icalendar__issue_722_missing_timezones.ics": "has no start time (DTSTART)",
    "icalendar__issue_1050_multiple_calendars.ics": "has no start time (DTSTART)",
    "ics-parser__issue-343.ics": "line 69, event “(no title)”: it has no start time (DTSTART)",
}


def _name(path: Path) -> str:
    return path.name


@pytest.fixture(params=FILES, ids=_name)
def real_calendar(request) -> Path:
    return request.param


def first_start(path: Path) -> datetime:
    """When the file's first timed event starts, as written (the stretch read is placed from there)."""
    for found in re.finditer(rb"BEGIN:VEVENT.*?\nDTSTART[^\n]*:(\d{8}T\d{4})", path.read_bytes(), re.DOTALL):
        try:
            return datetime.strptime(found.group(1).decode(), "%Y%m%dT%H%M")
        except ValueError:
            continue
    return datetime(2026, 1, 1)


def test_each_real_calendar_is_read_as_the_calendar_library_reads_it(real_calendar, store, tmp_path):
    now = first_start(real_calendar) + timedelta(days=1)
    settings = CalendarSettings(match="name", weeks_back=4, weeks_ahead=104)
    start, end = now - timedelta(weeks=4), now + timedelta(weeks=104)
    titles = _titles(real_calendar)
    for i, title in enumerate(sorted(titles)):
        store.add_client(m.Client(name=title, code=f"C{i}", started_on=date(1900, 1, 1)))
    clients = store.clients()
    try:
        found = read_calendar(real_calendar, clients, settings, now, LONDON)
    except ImportProblem as refused:
        message = str(refused)
        assert real_calendar.name in REFUSED, f"refused without a reason listed here: {message}"
        assert REFUSED[real_calendar.name] in message
        assert message.startswith(f"{real_calendar.name}: ")
        assert re.search(r"line \d+|event “|there is no BEGIN:VCALENDAR", message), message
        return
    assert real_calendar.name not in REFUSED, "read, though listed as refused"
    changes = store.upsert_sessions(found.source, found.sessions, withdraw_between=found.covers,
                                    still_listed=found.still_listed)
    assert not changes.changed and not changes.removed
    by_id = {c.id: c.name for c in clients}
    stored = {(by_id[a.client_id], a.starts_at, a.status is m.Status.CANCELLED)
              for c in clients for a in store.appointments(c.id)}
    expected, unplaced = _library_occurrences(real_calendar, start, end)
    capped = {t for t in titles if any(f"“{t[:20]}" in note and "only the first" in note for note in found.notes)}
    assert {s for s in stored if s[0] not in capped} == {e for e in expected if e[0] not in capped}
    for title in capped:
        assert {s for s in stored if s[0] == title} <= {e for e in expected if e[0] == title}
    # Events in a zone that names nothing known are listed, with the zone; never stored as local time.
    for zone in unplaced:
        assert any(zone[:20] in e.reason for e in found.not_imported), zone
    again = read_calendar(real_calendar, clients, settings, now, LONDON)
    changes = store.upsert_sessions(again.source, again.sessions, withdraw_between=again.covers,
                                    still_listed=again.still_listed)
    assert not changes.added and not changes.changed and not changes.removed


def _calendars(path: Path) -> list:
    import icalendar

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = path.read_bytes().decode("utf-8-sig")
        if "BEGIN:VCALENDAR" not in text.upper():
            text = f"BEGIN:VCALENDAR\r\n{text}\r\nEND:VCALENDAR\r\n"
        text = _windows_zones_named(text)
        return icalendar.Calendar.from_ical(text, multiple=True)


def _windows_zones_named(text: str) -> str:
    """A TZID that no VTIMEZONE defines, written as Outlook shows zones, in the IANA name it stands for."""
    defined = {tzid.strip() for tzid in re.findall(r"(?m)^TZID:(.*?)\r?$", text)}

    def named(found: re.Match[str]) -> str:
        tzid = found.group(1) if found.group(1) is not None else found.group(2)
        zone = iana_zone(tzid) if tzid not in defined else None
        return f"TZID={zone.key}{found.group(3)}" if zone is not None else found.group(0)

    return re.sub(r'TZID=(?:"([^"\r\n]*)"|([^;:\r\n]*))([;:])', named, text)


def _titles(path: Path) -> set[str]:
    try:
        calendars = _calendars(path)
    except (ValueError, UnicodeDecodeError):
        return set()
    return {" ".join(str(e.get("SUMMARY", "")).split()) for c in calendars for e in c.walk("VEVENT")} - {""}


def _library_occurrences(path: Path, start: datetime, end: datetime) -> tuple[set, set[str]]:
    """(title, local start, cancelled) for each timed occurrence recurring-ical-events gives in the stretch.

    As the importer does (and says): the file's calendars are read as one, without replies to
    invitations; an event written more than once is read in its latest version (SEQUENCE, then
    DTSTAMP, then place); an invitation's cancellation naming only a UID cancels that event if
    it was not changed since; each event without a UID is an event of its own; a TZID that no
    VTIMEZONE defines is looked up as an IANA or Windows zone name, and an event in a zone
    that names nothing known is not stored.
    """
    import icalendar
    import recurring_ical_events

    found: set[tuple[str, datetime, bool]] = set()
    unplaced: set[str] = set()
    try:
        calendars = _calendars(path)
    except ValueError:  # icalendar cannot read the file whole; the importer reads only its events
        assert b"BEGIN:VEVENT" not in path.read_bytes().upper(), "the library could not read its events"
        return found, unplaced
    calendars = [c for c in calendars
                 if str(c.get("METHOD", "")).upper() not in ("REPLY", "COUNTER", "REFRESH", "DECLINECOUNTER")]
    one = icalendar.Calendar()
    if calendars and "X-WR-TIMEZONE" in calendars[0]:
        one.add("X-WR-TIMEZONE", calendars[0]["X-WR-TIMEZONE"])
    latest: dict[tuple[str, str], tuple[tuple[int, str, int], icalendar.Component]] = {}
    cancelled: dict[str, int] = {}
    position = 0
    for calendar in calendars:
        cancel_all = str(calendar.get("METHOD", "")).upper() == "CANCEL"
        one.subcomponents += [z for z in calendar.subcomponents if z.name == "VTIMEZONE"]
        for event in calendar.walk("VEVENT"):
            position += 1
            uid = str(event.get("UID", "")).strip() if not isinstance(event.get("UID"), list) else \
                str(event["UID"][0]).strip()
            version = (int(str(event.get("SEQUENCE", 0))), _utc_text(event.get("DTSTAMP")), position)
            if "DTSTART" not in event:
                cancelled[uid] = max(cancelled.get(uid, -1), version[0])
                continue
            if not uid:
                uid = f"test-{position}"
                event.pop("UID", None)
                event.add("UID", icalendar.vText(uid))
            if cancel_all:
                event.pop("STATUS", None)
                event.add("STATUS", "CANCELLED")
            starts, tzid = event["DTSTART"], event["DTSTART"].params.get("TZID")
            if isinstance(starts.dt, datetime) and starts.dt.tzinfo is None and tzid is not None \
                    and iana_zone(str(tzid)) is None:
                unplaced.add(str(tzid))
                continue
            key = (uid, _utc_text(event.get("RECURRENCE-ID")))
            if key not in latest or latest[key][0] <= version:
                latest[key] = (version, event)
    for version, event in latest.values():
        if version[0] <= cancelled.get(str(event["UID"]).strip(), -1):
            event.pop("STATUS", None)
            event.add("STATUS", "CANCELLED")
        one.add_component(event)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        occurrences = recurring_ical_events.of(one).between(start - MARGIN, end + MARGIN)
    for occurrence in occurrences:
        begins = occurrence["DTSTART"].dt
        if not isinstance(begins, datetime):
            continue
        local = begins.astimezone(LONDON).replace(tzinfo=None) if begins.tzinfo else begins
        local = local.replace(second=0, microsecond=0)
        title = " ".join(str(occurrence.get("SUMMARY", "")).split())
        if title and start <= local < end:
            found.add((title, local, str(occurrence.get("STATUS", "")).upper() == "CANCELLED"))
    return found, unplaced


def _utc_text(prop) -> str:
    value = getattr(prop, "dt", None)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")
    return value.isoformat() if isinstance(value, date) else ""
