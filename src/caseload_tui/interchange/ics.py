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
- Identity: the source is 'ics:' and the calendar's name (X-WR-CALNAME, else
  the file name); each occurrence's source_uid is the event's UID, and for a
  repeating event the UID with '/' and the occurrence's RECURRENCE-ID (its
  original start, in UTC when it has a zone), so a moved occurrence is still
  the same session.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .. import model as m
from ..config import CalendarSettings
from ..safe_text import one_line
from .errors import ImportProblem
from .session_files import ClientFinder, NotImported, SessionFile, after_the_ending, describe_moment

if TYPE_CHECKING:  # icalendar is imported only when a calendar is read
    from icalendar import Calendar, Component

MARGIN = timedelta(days=2)  # read a little beyond the stretch, so no zone puts an occurrence just outside


def read_calendar(
    path: Path, clients: list[m.Client], settings: CalendarSettings, now: datetime,
    zone: tzinfo | None = None,
) -> SessionFile:
    """The sessions in the calendar file at `path`; raises ImportProblem naming the file, event and field."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"{path.name}: could not be read ({exc.strerror}).") from None
    if zone is None and settings.timezone:
        zone = ZoneInfo(settings.timezone)
    return parse_calendar(raw, path.name, clients, settings, now, zone)


def parse_calendar(
    raw: bytes, file_name: str, clients: list[m.Client], settings: CalendarSettings, now: datetime,
    zone: tzinfo | None = None,
) -> SessionFile:
    import icalendar

    text = _text(raw, file_name)
    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError:
        raise ImportProblem(f"{file_name}: not a calendar (iCalendar) file I can read.") from None
    if calendar.name != "VCALENDAR":
        raise ImportProblem(f"{file_name}: not a calendar (iCalendar) file I can read.")
    name = str(calendar.get("X-WR-CALNAME", "")).strip() or file_name
    _check_calendar_zone(calendar, file_name)
    start, end = now - timedelta(weeks=settings.weeks_back), now + timedelta(weeks=settings.weeks_ahead)
    result = SessionFile(source=f"ics:{name}", covers=(start, end))
    reader = _EventReader(file_name, ClientFinder(clients, settings.match), settings.prefix, zone)
    listed: set[str] = set()
    by_uid = _series(calendar, file_name)
    for occurrence in _occurrences(calendar, by_uid, start - MARGIN, end + MARGIN, file_name):
        uid = str(occurrence.get("UID", "")).strip()
        reader.read(uid, by_uid.get(uid, [occurrence]), occurrence, start, end, result, listed)
    if reader.all_day:
        result.notes.append(f"{_events(reader.all_day)} lasting all day skipped (not sessions)")
    if reader.without_prefix:
        result.notes.append(f"{_events(reader.without_prefix)} not starting with “{settings.prefix}” "
                            "skipped (not sessions)")
    result.still_listed = frozenset(listed - {s.source_uid for s in result.sessions})
    return result


_FOLD = re.compile(rb"\r?\n[ \t]")


def _text(raw: bytes, file_name: str) -> str:
    """The file as text; lines are unfolded first, since some programs fold inside a character."""
    unfolded = _FOLD.sub(b"", raw)
    try:
        return unfolded.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        removed = 0
        for fold in _FOLD.finditer(raw):  # back to a place in the file as written
            if fold.start() - removed > exc.start:
                break
            removed += len(fold.group())
        line = raw[: exc.start + removed].count(b"\n") + 1
        raise ImportProblem(
            f"{file_name}: line {line} is not UTF-8 text, so the calendar cannot be read. "
            "Export it again from the calendar program."
        ) from None


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
    return "1 event" if n == 1 else f"{n} events"


def _series(calendar: Calendar, file_name: str) -> dict[str, list[Component]]:
    """The calendar's events by UID (a repeating event with its overrides), each checked."""
    by_uid: dict[str, list[Component]] = {}
    for event in calendar.walk("VEVENT"):
        title = one_line(str(event.get("SUMMARY", "")), 40) or "(no title)"
        uid = str(event.get("UID", "")).strip()
        if not uid:
            raise ImportProblem(
                f"{file_name}: event “{title}” has no UID, so it could not be recognised "
                "when the calendar is imported again."
            )
        if event.get("DTSTART") is None:
            raise ImportProblem(f"{file_name}: event “{title}” has no start time (DTSTART).")
        if unreadable := _unreadable_field(event):
            raise ImportProblem(f"{file_name}: event “{title}” has a date or time I cannot read ({unreadable}).")
        by_uid.setdefault(uid, []).append(event)
    return by_uid


def _unreadable_field(event: Component) -> str:
    """The first date or time field of an event that icalendar could not read; '' if none."""
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE"):
        values = event.get(name)
        for value in values if isinstance(values, list) else [values]:
            try:
                if value is not None:
                    parts = value.dts if hasattr(value, "dts") else [value]
                    [part.dt for part in parts]
            except ValueError:  # icalendar's broken-property error
                return name
    return ""


def _occurrences(calendar: Calendar, by_uid: dict[str, list[Component]], start: datetime, end: datetime,
                 file_name: str) -> list[Component]:
    """Every occurrence of every event from start to end; a problem names the event it is in."""
    import recurring_ical_events

    try:
        return list(recurring_ical_events.of(calendar).between(start, end))
    except _EXPANSION_ERRORS:
        pass
    zones = calendar.walk("VTIMEZONE")
    for series in by_uid.values():  # which event is it?
        _expand_alone(calendar, zones, series, start, end, file_name)
    raise ImportProblem(f"{file_name}: a repeating event in it could not be read.")


_EXPANSION_ERRORS = (ValueError, KeyError, TypeError)  # the library's own errors are ValueErrors


def _expand_alone(calendar: Calendar, zones: list[Component], series: list[Component], start: datetime,
                  end: datetime, file_name: str) -> None:
    """Expand one event (with its overrides) on its own, to name it if it is the one that cannot be read."""
    import icalendar
    import recurring_ical_events

    alone = icalendar.Calendar()
    if "X-WR-TIMEZONE" in calendar:
        alone.add("X-WR-TIMEZONE", calendar["X-WR-TIMEZONE"])
    for component in [*zones, *series]:
        alone.add_component(component)
    try:
        recurring_ical_events.of(alone).between(start, end)
    except _EXPANSION_ERRORS:
        title = one_line(str(series[0].get("SUMMARY", "")), 40) or "(no title)"
        raise ImportProblem(
            f"{file_name}: event “{title}” repeats by a rule (RRULE, RDATE or EXDATE) I cannot read."
        ) from None


class _EventReader:
    """Turns one occurrence into a session, or into a line of what was not imported."""

    def __init__(self, file_name: str, finder: ClientFinder, prefix: str, zone: tzinfo | None) -> None:
        self.file_name = file_name
        self.finder = finder
        self.prefix = prefix.strip()
        self.zone = zone
        self.all_day = 0
        self.without_prefix = 0
        self.listed_once: dict[tuple[str, str], NotImported] = {}

    def local(self, value: datetime) -> datetime:
        if value.tzinfo is not None and value.utcoffset() is not None:
            value = value.astimezone(self.zone) if self.zone else value.astimezone()
        return value.replace(tzinfo=None, second=0, microsecond=0)

    def read(self, uid: str, series: list[Component], occurrence: Component, start: datetime, end: datetime,
             result: SessionFile, listed: set[str]) -> None:
        begins = _moment_of(occurrence["DTSTART"])
        if not isinstance(begins, datetime):
            if start.date() <= begins < end.date():
                self.all_day += 1
            return
        when = self.local(begins)
        if not (start <= when < end):
            return
        source_uid = self.source_uid(uid, series, occurrence)
        listed.add(source_uid)
        title = str(occurrence.get("SUMMARY", "")).strip()
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
        cancelled = str(occurrence.get("STATUS", "")).strip().upper() == "CANCELLED"
        if source_uid in result.where:
            return  # the same occurrence written twice: the first one counts
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

    @staticmethod
    def source_uid(uid: str, series: list[Component], occurrence: Component) -> str:
        repeating = any(
            e.get("RRULE") or e.get("RDATE") or e.get("RECURRENCE-ID") for e in series
        )
        if not repeating:
            return uid
        original = occurrence.get("RECURRENCE-ID") or occurrence["DTSTART"]
        return f"{uid}/{_ical_moment(_moment_of(original))}"


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
