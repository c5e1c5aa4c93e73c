"""A calendar's events made ready to expand: each with an identity, its zone placed, and one version of it.

- Identity: the event's UID. An event without one (Outlook Web App, Exchange invitations,
  Thunderbird, Microsoft CDO write such events) is known by a fingerprint of its title,
  start, rule and RECURRENCE-ID, so importing the same file again finds it again; if any
  of those change, it is a new event, and the old one is withdrawn like a deleted one.
- Duplicates: the same event (UID and RECURRENCE-ID) written more than once (saved
  invitations, the updates of one meeting, a calendar bundled twice) is read once: the
  version with the highest SEQUENCE, then the latest DTSTAMP, then the last in the file.
- Zones: a TZID with no VTIMEZONE block is looked up as an IANA name, a Windows standard
  name or a Windows display name (windows_zones.py). An event in a zone none of these
  names is not imported, and the zone is named; it is never taken as local time.
- Checks: an event needs one start (DTSTART); one that ends before it starts is read as
  recurring-ical-events reads it (from the earlier of its two times), and said.
- Cancellations: one sent with an invitation (METHOD:CANCEL) may name only the event's
  UID: every occurrence of that event is then cancelled, unless the event was changed
  after it (a higher SEQUENCE).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from ..safe_text import one_line
from .errors import ImportProblem
from .ics_parse import LINE_FIELD
from .ics_scan import Block, Scanned
from .windows_zones import iana_zone

if TYPE_CHECKING:
    from icalendar import Calendar, Component

_ZONED = ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE", "RDATE")
_FINGERPRINTED = ("SUMMARY", "DTSTART", "RRULE", "RDATE", "RECURRENCE-ID")
UTC = ZoneInfo("UTC")


@dataclass
class Prepared:
    series: dict[str, list[Component]] = field(default_factory=dict)  # by UID: a repeating event, its overrides
    blocks: dict[str, Block] = field(default_factory=dict)  # by UID: where the (first) event is in the file
    unknown_zone: dict[str, str] = field(default_factory=dict)  # UID → the zone's name as written
    # (UID, the RECURRENCE-ID as a UTC moment) → how far a "this and following" change moved the rest.
    moved_from: dict[tuple[str, str], timedelta] = field(default_factory=dict)
    duplicates: int = 0
    without_uid: int = 0
    ends_before_start: list[str] = field(default_factory=list)


def prepare(calendar: Calendar, scanned: Scanned, file_name: str) -> Prepared:
    """Check and settle every event in place; the calendar keeps one version of each."""
    blocks = {block.lines[0].number: block for block in scanned.events}
    ready = Prepared()
    chosen: dict[tuple[str, str], tuple[int, Component]] = {}
    cancelled: dict[str, int] = {}  # UID → the SEQUENCE of the latest cancellation naming it
    for position, event in enumerate(c for c in calendar.subcomponents if c.name == "VEVENT"):
        block = blocks[int(str(event.pop(LINE_FIELD)))]
        where = f"{file_name}: line {block.lines[0].number}, event “{block.title()}”"
        start = event.get("DTSTART")
        if start is None and block.method == "CANCEL" and _text(event.get("UID")):
            uid = _text(event.get("UID"))  # an invitation's cancellation names only the event
            cancelled[uid] = max(cancelled.get(uid, -1), _version(event, position)[0])
            continue
        if start is None:
            raise ImportProblem(f"{where}: it has no start time (DTSTART).")
        if isinstance(start, list):
            raise ImportProblem(f"{where}: it has {len(start)} start times (DTSTART); an event has one.")
        uid = _text(event.get("UID"))
        if not uid:
            uid = _fingerprint(block)
            event.pop("UID", None)
            event.add("UID", uid)
            ready.without_uid += 1
        if unknown := _place_zones(event):
            ready.unknown_zone[uid] = unknown[0]
        if block.method == "CANCEL":  # an organiser's cancellation of the meeting
            event.pop("STATUS", None)
            event.add("STATUS", "CANCELLED")
        _check_end(event, block, ready)
        key = (uid, _moment_key(event.get("RECURRENCE-ID")))
        if key in chosen:
            ready.duplicates += 1
            if _version(event, position) < _version(chosen[key][1], chosen[key][0]):
                continue
        chosen[key] = (position, event)
        ready.blocks.setdefault(uid, block)
    events = [event for _, event in chosen.values()]
    for event in events:
        if _version(event, 0)[0] <= cancelled.get(_text(event.get("UID")), -1):  # not changed since cancelled
            event.pop("STATUS", None)
            event.add("STATUS", "CANCELLED")
    calendar.subcomponents = [c for c in calendar.subcomponents if c.name != "VEVENT"] + events
    for event in events:
        uid = _text(event.get("UID"))
        ready.series.setdefault(uid, []).append(event)
        _note_this_and_future(uid, event, ready)
    return ready


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value or "").strip()


def _fingerprint(block: Block) -> str:
    parts = [" ".join(line.text.split()) for line in block.own_lines() if line.name in _FINGERPRINTED]
    digest = hashlib.sha256("\n".join(sorted(parts)).encode("utf-8")).hexdigest()[:24]
    return f"no-uid-{digest}"


def _place_zones(event: Component) -> list[str]:
    """Give zone-less times with a TZID their zone; the names of zones that could not be found."""
    unknown = []
    for name in _ZONED:
        values = event.get(name)
        for prop in values if isinstance(values, list) else [values]:
            if prop is None:
                continue
            tzid = prop.params.get("TZID")
            if tzid is None:
                continue
            for part in getattr(prop, "dts", [prop]):
                value = getattr(part, "dt", None)
                naive = [v for v in (value if isinstance(value, tuple) else (value,))
                         if isinstance(v, datetime) and v.tzinfo is None]
                if not naive:
                    continue
                zone = iana_zone(str(tzid))
                if zone is None:
                    unknown.append(str(tzid))
                    continue
                if isinstance(value, tuple):
                    part.dt = tuple(v.replace(tzinfo=zone) if isinstance(v, datetime) else v for v in value)
                elif isinstance(value, datetime):
                    part.dt = value.replace(tzinfo=zone)
    return unknown


def _check_end(event: Component, block: Block, ready: Prepared) -> None:
    end: Any = event.get("DTEND")
    start: Any = event["DTSTART"]
    if end is None or isinstance(end, list):
        return
    a, b = getattr(start, "dt", None), getattr(end, "dt", None)
    if type(a) is type(b) and isinstance(a, date):
        try:
            backwards = b < a  # type: ignore[operator]
        except TypeError:  # one with a zone, one without
            return
        if backwards:
            ready.ends_before_start.append(f"“{block.title()}” (line {block.lines[0].number})")


def _moment_key(prop: Any) -> str:
    value = getattr(prop, "dt", None)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return ""


def _version(event: Component, position: int) -> tuple[int, str, int]:
    try:
        sequence = int(str(event.get("SEQUENCE", 0)))
    except ValueError:
        sequence = 0
    return sequence, _moment_key(event.get("DTSTAMP")), position


def _note_this_and_future(uid: str, event: Component, ready: Prepared) -> None:
    replaced: Any = event.get("RECURRENCE-ID")
    if replaced is None or str(replaced.params.get("RANGE", "")).upper() != "THISANDFUTURE":
        return
    begins: Any = event["DTSTART"]
    try:
        moved = begins.dt - replaced.dt
    except TypeError:
        return
    if isinstance(moved, timedelta):
        ready.moved_from[(uid, _moment_key(replaced))] = moved


def original_moment(uid: str, occurrence: Component, ready: Prepared) -> date:
    """Which occurrence of its series this one is: its RECURRENCE-ID, undoing a "this and following" move."""
    begins: Any = occurrence["DTSTART"]
    replaced: Any = occurrence.get("RECURRENCE-ID")
    if replaced is None:
        return begins.dt  # type: ignore[no-any-return]
    moved = ready.moved_from.get((uid, _moment_key(replaced)))
    if moved is not None:
        return begins.dt - moved  # type: ignore[no-any-return]
    return replaced.dt  # type: ignore[no-any-return]


def describe_unknown(zone: str) -> str:
    shown = one_line(zone, 40)
    return f"its time zone “{shown}” is not one I know, so its time cannot be placed" if shown else \
        "its time zone is left empty (TZID=), so its time cannot be placed"
