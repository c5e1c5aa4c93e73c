"""Reading sessions from an iCalendar (.ics) file, as calendar programs write it.

The icalendar library reads the file (folded lines, escapes, time zones,
Outlook's Windows zone names through their VTIMEZONE blocks); the
recurring-ical-events library expands repeating events, with their EXDATE
exceptions, RECURRENCE-ID overrides and cancelled occurrences (and Google's
X-WR-TIMEZONE). Nothing here expands a rule by hand.

The rules this module follows, where calendars leave a choice:

- Times: the caseload keeps local times to the minute. A time with a zone
  (TZID or UTC 'Z') is converted to the zone named by `timezone` in the
  [calendar] settings, or when none is set to this computer's zone. A time
  without a zone ("floating") is in the calendar's X-WR-TIMEZONE when it
  names one (as Google means it), else taken as it stands. Seconds are dropped.
- All-day events (VALUE=DATE: holidays, days away) are not sessions: they are
  skipped and counted.
- Which events are sessions: with a `prefix` set (e.g. "Therapy:"), only events
  whose title starts with it; without one, every timed event. The client is
  found by their code, name or either (`match`) standing as whole words in the
  title; an event naming no client, or more than one, is listed, not guessed.
- Status: STATUS:CANCELLED gives a cancelled session; any other event is a
  session awaiting the clinician's record ('scheduled'), past or future.
  Event descriptions are never imported: calendar text is not a note.
- Which stretch: occurrences from `weeks_back` weeks before `now` to
  `weeks_ahead` weeks after it. Within that stretch the calendar speaks for
  itself: a session imported from it earlier that it no longer lists (deleted,
  or excluded with EXDATE) is withdrawn, unless its outcome was recorded.
- Identity: the source is 'ics:' and the calendar's name: the one given with
  --calendar, else X-WR-CALNAME, else the file name without the marks of a second
  download ("calendar (1).ics" is "calendar.ics"). Each occurrence's source_uid is the
  event's UID (or, without one, a fingerprint: ics_events.py), and for a repeating event
  the UID with '/' and the occurrence's RECURRENCE-ID (its original start, in UTC when it
  has a zone, "this and following" moves undone), so a moved occurrence is still the same
  session. The same client at the same minute twice (calendar-sync copies) is one session.
- Reading: ics_scan.py (line by line, only what the stretch needs, several VCALENDARs as
  one), ics_parse.py (icalendar, problems named by line and event), ics_events.py
  (identity, duplicates, zones), ics_expand.py (recurring-ical-events, within limits).
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import model as m
from ..config import CalendarSettings
from ..model.counting import numbered
from ..safe_text import one_line
from .errors import ImportProblem
from .ics_events import Prepared, describe_unknown, original_moment, prepare
from .ics_expand import MAX_PER_SERIES, Expanded, expand
from .ics_parse import parse_scanned
from .ics_scan import MAX_FILE_BYTES, Scanned, scan
from .session_files import ClientFinder, NotImported, SessionFile, after_the_ending, describe_moment

if TYPE_CHECKING:  # icalendar is imported only when a calendar is read
    from icalendar import Calendar, Component

MARGIN = timedelta(days=2)  # read a little beyond the stretch, so no zone puts an occurrence just outside


def read_calendar(
    path: Path, clients: list[m.Client], settings: CalendarSettings, now: datetime,
    zone: tzinfo | None = None, calendar_name: str | None = None, known: frozenset[str] = frozenset(),
) -> SessionFile:
    """The sessions in the calendar file at `path`; raises ImportProblem naming the file, line, event and field."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportProblem(f"{path.name}: the file is {size / 2**20:,.0f} MB, larger than any calendar of "
                                f"sessions ({MAX_FILE_BYTES // 2**20} MB at most); export fewer years of it.")
        with path.open("rb") as stream:
            return read_stream(stream, path.name, clients, settings, now, zone, calendar_name, known)
    except OSError as exc:
        raise ImportProblem(f"{path.name}: could not be read ({exc.strerror}).") from None


def parse_calendar(
    raw: bytes, file_name: str, clients: list[m.Client], settings: CalendarSettings, now: datetime,
    zone: tzinfo | None = None, calendar_name: str | None = None, known: frozenset[str] = frozenset(),
) -> SessionFile:
    if len(raw) > MAX_FILE_BYTES:
        raise ImportProblem(f"{file_name}: it is larger than any calendar of sessions "
                            f"({MAX_FILE_BYTES // 2**20} MB at most).")
    return read_stream(io.BytesIO(raw), file_name, clients, settings, now, zone, calendar_name, known)


def read_stream(
    stream: BinaryIO, file_name: str, clients: list[m.Client], settings: CalendarSettings, now: datetime,
    zone: tzinfo | None = None, calendar_name: str | None = None, known: frozenset[str] = frozenset(),
) -> SessionFile:
    """The sessions in a calendar; `known`: UIDs to look for in all of it (see SessionFile.event_uids)."""
    import x_wr_timezone

    if zone is None and settings.timezone:
        zone = ZoneInfo(settings.timezone)
    start, end = now - timedelta(weeks=settings.weeks_back), now + timedelta(weeks=settings.weeks_ahead)
    scanned = scan(stream, file_name, ((start - MARGIN).date(), (end + MARGIN).date()), known)
    calendar = parse_scanned(scanned, file_name)
    _check_calendar_zone(calendar, file_name)
    calendar = x_wr_timezone.to_standard(calendar)
    ready = prepare(calendar, scanned, file_name)
    expanded = expand(calendar, ready, start - MARGIN, end + MARGIN, file_name)
    said = calendar_name or suggested_name(scanned, file_name)
    result = SessionFile(source=f"ics:{said}", covers=(start, end))
    reader = _EventReader(ClientFinder(clients, settings.match), settings.prefix, zone, ready)
    listed: set[str] = set()
    for uid, occurrence in expanded.occurrences:
        reader.read(uid, occurrence, start, end, result, listed)
    for uid, how_often in expanded.too_often.items():
        block = ready.blocks[uid]
        result.not_imported.append(NotImported(
            f"event “{block.title()}” (line {block.lines[0].number})",
            f"it repeats {how_often} with no end in sight, which no series of sessions does; nothing of it was read",
        ))
    result.notes += _notes(scanned, ready, expanded, reader, settings.prefix)
    result.still_listed = frozenset(listed - {s.source_uid for s in result.sessions})
    result.suggested_name = suggested_name(scanned, file_name)
    result.event_uids = frozenset(ready.series) | frozenset(scanned.seen_known)
    return result


_COPY_MARK = re.compile(r"(\s*\(\d+\)|\s*-\s*copy|\s+copy|-\d{1,2})$", re.IGNORECASE)


def suggested_name(scanned: Scanned, file_name: str) -> str:
    """The calendar's own name (X-WR-CALNAME), else the file's name without the marks of a second download.

    "calendar (1).ics" and "calendar-2.ics" are "calendar.ics" downloaded again.
    """
    for line in scanned.header:
        if line.name == "X-WR-CALNAME" and line.value.strip():
            return line.value.strip().replace("\\,", ",").replace("\\;", ";")
    stem, dot, suffix = file_name.rpartition(".")
    if not dot:
        stem, suffix = file_name, ""
    return (_COPY_MARK.sub("", stem).strip() or stem) + (f".{suffix}" if dot else "")


def _notes(scanned: Scanned, ready: Prepared, expanded: Expanded, reader: _EventReader, prefix: str) -> list[str]:
    notes = []
    if scanned.calendars > 1:
        notes.append(f"the file holds {numbered(scanned.calendars, 'calendar')} (VCALENDAR); they were read as one")
    if ready.duplicates:
        notes.append(f"{_events(ready.duplicates)} written more than once in the file (the same UID) were read once, "
                     "the latest version of each")
    if scanned.replies:
        notes.append(f"{_events(scanned.replies)} in replies to invitations skipped (an answer, not the calendar)")
    if ready.without_uid:
        notes.append(f"{_events(ready.without_uid)} without a UID known by title, start and rule")
    for uid in expanded.capped:
        block = ready.blocks[uid]
        notes.append(f"event “{block.title()}” (line {block.lines[0].number}) repeats more than {MAX_PER_SERIES:,} "
                     f"times in these weeks; only the first {MAX_PER_SERIES:,} were read")
    if ready.ends_before_start:
        shown = ", ".join(ready.ends_before_start[:3]) + (" …" if len(ready.ends_before_start) > 3 else "")
        one = len(ready.ends_before_start) == 1
        verb = "ends before it starts" if one else "end before they start"
        notes.append(f"{_events(len(ready.ends_before_start))} {verb} (DTEND before DTSTART): {shown}; "
                     "read as starting at the earlier of "
                     f"{'its' if one else 'their'} two times, as calendar programs show it")
    if reader.twice:
        notes.append(f"{_events(reader.twice)} for a client at a time another event already gives them "
                     "were read once (duplicates from calendar syncing)")
    if reader.all_day:
        notes.append(f"{_events(reader.all_day)} lasting all day skipped (not sessions)")
    if reader.without_prefix:
        notes.append(f"{_events(reader.without_prefix)} not starting with “{prefix}” skipped (not sessions)")
    return notes


def _check_calendar_zone(calendar: Calendar, file_name: str) -> None:
    """Google's X-WR-TIMEZONE (applied by recurring-ical-events) must name a zone this computer knows."""
    name = str(calendar.get("X-WR-TIMEZONE", "")).strip()
    if not name:
        return
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImportProblem(
            f"{file_name}: the calendar's time zone (X-WR-TIMEZONE) “{one_line(name, 30)}” is not one I know."
        ) from None


def _events(n: int) -> str:
    return numbered(n, "event")


class _EventReader:
    """Turns one occurrence into a session, or into a line of what was not imported."""

    def __init__(self, finder: ClientFinder, prefix: str, zone: tzinfo | None, ready: Prepared) -> None:
        self.finder = finder
        self.prefix = prefix.strip()
        self.zone = zone
        self.ready = ready
        self.all_day = 0
        self.without_prefix = 0
        self.twice = 0
        self.listed_once: dict[tuple[str, str], NotImported] = {}
        self.booked: set[tuple[int, datetime]] = set()

    def local(self, value: datetime) -> datetime:
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(self.zone) if self.zone else value.astimezone()
        return value.replace(tzinfo=None, second=0, microsecond=0)

    def read(self, uid: str, occurrence: Component, start: datetime, end: datetime,
             result: SessionFile, listed: set[str]) -> None:
        begins = _moment_of(occurrence["DTSTART"])
        if not isinstance(begins, datetime):
            if start.date() <= begins < end.date():
                self.all_day += 1
            return
        title = str(occurrence.get("SUMMARY", "")).strip()
        unknown = self.ready.unknown_zone.get(uid)
        if unknown is not None:
            if start - MARGIN <= begins.replace(tzinfo=None) < end + MARGIN:
                where = f"event “{one_line(title, 40) or '(no title)'}” on {begins:%a %-d %b %Y %H:%M} (its own zone)"
                self.not_imported(uid, where, describe_unknown(unknown), result)
            return
        when = self.local(begins)
        if not (start <= when < end):
            return
        source_uid = self.source_uid(uid, occurrence)
        listed.add(source_uid)
        where = f"event “{one_line(title, 40) or '(no title)'}” on {describe_moment(when)}"
        if self.prefix:
            if not title.casefold().startswith(self.prefix.casefold()):
                self.without_prefix += 1
                return
            title = title[len(self.prefix):]
        client, why = self.finder.in_title(title)
        if client is not None:
            why = after_the_ending(client, when)
        if client is None or why:
            self.not_imported(uid, where, why, result)
            return
        assert client.id is not None, "the clients to match come from the store"
        if source_uid in result.where:
            return  # the same occurrence written twice: the first one counts
        if (client.id, when) in self.booked:
            self.twice += 1  # another event already puts this client here at this minute
            return
        self.booked.add((client.id, when))
        cancelled = str(occurrence.get("STATUS", "")).strip().upper() == "CANCELLED"
        result.where[source_uid] = where
        result.sessions.append(m.Appointment(
            client_id=client.id, starts_at=when,
            status=m.Status.CANCELLED if cancelled else m.Status.SCHEDULED,
            source=result.source, source_uid=source_uid,
        ))

    def not_imported(self, uid: str, where: str, why: str, result: SessionFile) -> None:
        """Listed once per event and reason: a repeating event's other occurrences are counted."""
        first = self.listed_once.get((uid, why))
        if first is not None:
            first.more += 1
            return
        self.listed_once[(uid, why)] = entry = NotImported(where, why)
        result.not_imported.append(entry)

    def source_uid(self, uid: str, occurrence: Component) -> str:
        series = self.ready.series.get(uid, [])
        repeating = any(e.get("RRULE") or e.get("RDATE") or e.get("RECURRENCE-ID") for e in series)
        if not repeating:
            return uid
        return f"{uid}/{_ical_moment(original_moment(uid, occurrence, self.ready))}"


def _moment_of(prop: object) -> date:
    """The day or time (a datetime is a date too) that a DTSTART or RECURRENCE-ID property holds."""
    value = getattr(prop, "dt", None)
    if not isinstance(value, date):
        raise TypeError(f"{type(prop).__name__} holds no date or time")
    return value


def _ical_moment(value: date | datetime) -> str:
    """A moment as iCalendar writes it: UTC with 'Z' when it has a zone, else as it stands."""
    if isinstance(value, datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            return value.astimezone(ZoneInfo("UTC")).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    return value.strftime("%Y%m%d")
