"""Reading a calendar file line by line, keeping only what can matter for the stretch imported.

icalendar reads a whole file into objects many times its size, so a large export (years of
events) is first read here as text, a line at a time, and only the events near the stretch
being imported, with the time zones they use, are handed to it. Memory then follows the
number of events in the stretch, not the size of the file.

- Lines are unfolded (a line that begins with a space or a tab continues the one before,
  RFC 5545) and each is decoded as UTF-8 on its own, so a problem is named by its line
  number as the file counts lines.
- Several VCALENDARs in one file (holiday bundles, invitations saved together) are read as
  one calendar: the first one's properties, each time zone once, every event. Events in a
  reply to an invitation (METHOD:REPLY, COUNTER...) are an attendee's answer, not the
  calendar, and are left out; a METHOD:CANCEL says its events are cancelled.
- An event is kept when it repeats (RRULE, RDATE), or when its start or the occurrence it
  replaces (RECURRENCE-ID, or any earlier one with RANGE=THISANDFUTURE) falls near the
  stretch, or when neither can be read (so that the problem is reported, not skipped).
- Alarms' text, attachments (ATTACH) and to-dos are never needed and are not kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

from ..safe_text import one_line
from .errors import ImportProblem
from .ics_skim import Skimmed, skim

MAX_FILE_BYTES = 100 * 1024 * 1024  # a calendar export of ten busy years is a few MB
MAX_EVENTS_NEAR = 20_000  # events in the stretch read; a full-time practice has about 1,500 a year
REPLY_METHODS = frozenset({"REPLY", "COUNTER", "REFRESH", "DECLINECOUNTER"})
_DROPPED = frozenset({"ATTACH"})
_DATE_AT_END = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T\d{4,6}Z?)?\s*$")
_NAME = re.compile(r"[^;:]*")


@dataclass(slots=True)
class Line:
    number: int  # as the file counts lines, from 1 (a folded line: where it begins)
    text: str
    name: str = ""  # the property's name, upper case ("DTSTART"), or BEGIN / END

    def __post_init__(self) -> None:
        if not self.name:
            found = _NAME.match(self.text)
            self.name = found.group().strip().upper() if found else ""

    @property
    def value(self) -> str:
        """The text after the name and parameters (the first colon outside quotes)."""
        quoted = False
        for i, c in enumerate(self.text):
            if c == '"':
                quoted = not quoted
            elif c == ":" and not quoted:
                return self.text[i + 1:]
        return ""


@dataclass
class Block:
    """One event or time zone as written, BEGIN to END."""

    lines: list[Line]
    method: str = ""  # the METHOD of the VCALENDAR it was in

    def first(self, name: str) -> str:
        """The value of the component's own first `name` property (not an alarm's); '' if none."""
        return next((line.value for line in self.own_lines() if line.name == name), "")

    def title(self) -> str:
        text = self.first("SUMMARY").replace("\\,", ",").replace("\\;", ";").replace("\\n", " ")
        return one_line(text.strip(), 40) or "(no title)"

    def own_lines(self) -> Iterator[Line]:
        """The component's own properties, skipping those of components nested in it (alarms)."""
        depth = 0
        for line in self.lines[1:-1]:
            line_name = line.name
            if line_name == "BEGIN":
                depth += 1
            elif line_name == "END":
                depth -= 1
            elif depth == 0:
                yield line


@dataclass
class Scanned:
    """What the file holds that can matter for the stretch, and counts of what was left out."""

    header: list[Line] = field(default_factory=list)  # the first VCALENDAR's own properties
    zones: list[Block] = field(default_factory=list)
    events: list[Block] = field(default_factory=list)
    calendars: int = 0
    events_in_file: int = 0
    replies: int = 0  # events in replies to invitations, left out
    seen_known: set[str] = field(default_factory=set)  # UIDs asked about that are anywhere in the file

    def where(self, number: int) -> str:
        """'event “Team meeting”', 'a time zone (VTIMEZONE)' or 'the calendar', for a line number."""
        for block in self.events:
            if block.lines[0].number <= number <= block.lines[-1].number:
                return f"event “{block.title()}”"
        for block in self.zones:
            if block.lines[0].number <= number <= block.lines[-1].number:
                return "a time zone (VTIMEZONE)"
        return "the calendar"


def scan(stream: BinaryIO, file_name: str, near: tuple[date, date], known: frozenset[str] = frozenset()) -> Scanned:
    """Read the file once, keeping what `near` (the stretch, with a margin) needs; raises ImportProblem.

    `known`: event UIDs to look for in the whole file (which calendar is it?), found in `seen_known`.
    """
    found = Scanned()
    stack: list[tuple[str, int]] = []  # open components and the line each began on
    block: list[Line] = []
    method = ""
    zone_names: set[str] = set()
    skimmed = Skimmed()
    for line in _lines(skim(stream, near, known, skimmed), file_name):
        if not line.text.strip():
            continue
        name = line.name
        if name == "BEGIN":
            kind = line.value.strip().upper()
            if not stack and kind != "VCALENDAR":
                stack.append(("", line.number))  # an event with no VCALENDAR around it, as khal keeps them
            if kind == "VCALENDAR" and not stack:
                found.calendars += 1
                method = ""
            stack.append((kind, line.number))
            if (len(stack) >= 3 and block) or (len(stack) == 2 and kind in ("VEVENT", "VTIMEZONE")):
                block.append(line)
        elif name == "END":
            kind = line.value.strip().upper()
            if not stack:
                raise ImportProblem(f"{file_name}: line {line.number}: END:{one_line(kind, 20)} ends nothing "
                                    "that began (there is no BEGIN for it).")
            if stack[-1][0] != kind and stack[-1][0]:
                raise ImportProblem(
                    f"{file_name}: line {line.number}: END:{one_line(kind, 20)} where the "
                    f"{one_line(stack[-1][0], 20)} begun on line {stack[-1][1]} should end.")
            if block:
                block.append(line)
            if len(stack) == 2 and block:
                _keep(found, Block(block, method), near, zone_names)
                block = []
            stack.pop()
            if len(stack) == 1 and not stack[0][0]:
                stack.pop()
        elif not stack and name.startswith("X-"):
            continue  # a remark after the calendar's end ("X-COMMENT:Cached from ..."), as some feeds add
        elif not stack:
            raise ImportProblem(f"{file_name}: line {line.number} stands outside the calendar "
                                "(before BEGIN:VCALENDAR or after END:VCALENDAR).")
        elif len(stack) == 1:
            if name == "METHOD":
                method = line.value.strip().upper()
            if found.calendars <= 1 or (name == "X-WR-CALNAME" and not _has(found.header, name)):
                found.header.append(line)
        elif block and name not in _DROPPED:
            block.append(line)
            if known and name == "UID" and len(stack) == 2 and line.value.strip() in known:
                found.seen_known.add(line.value.strip())
    found.events_in_file += skimmed.passed_over
    found.seen_known |= skimmed.seen_known
    if stack:
        kind, begun = stack[-1]
        what = {"VEVENT": "event", "VCALENDAR": "calendar", "VTIMEZONE": "time zone", "VALARM": "alarm"}.get(
            kind, f"“{one_line(kind, 20)}” component")
        raise ImportProblem(f"{file_name}: the file ends inside the {what} begun on line {begun}: it seems to "
                            "have been cut off. Download or export it again.")
    if not found.calendars and not found.events_in_file:
        raise ImportProblem(f"{file_name}: not a calendar (iCalendar) file: there is no BEGIN:VCALENDAR in it.")
    return found


def _has(lines: list[Line], name: str) -> bool:
    return any(line.name == name for line in lines)


def _keep(found: Scanned, block: Block, near: tuple[date, date], zone_names: set[str]) -> None:
    kind = block.lines[0].value.strip().upper()
    if kind == "VTIMEZONE":
        tzid = block.first("TZID").strip()
        if tzid not in zone_names:
            zone_names.add(tzid)
            found.zones.append(block)
        return
    found.events_in_file += 1
    if block.method in REPLY_METHODS:
        found.replies += 1
        return
    if _may_fall_near(block, near):
        found.events.append(block)
        if len(found.events) > MAX_EVENTS_NEAR:
            raise ImportProblem(
                f"more than {MAX_EVENTS_NEAR:,} events fall in the weeks being read, more than any practice "
                "holds; read fewer weeks (weeks_back and weeks_ahead under [calendar] in the settings).")


def _may_fall_near(block: Block, near: tuple[date, date]) -> bool:
    dated = False
    for line in block.own_lines():
        name = line.name
        if name in ("RRULE", "RDATE", "EXRULE"):
            return True
        if name not in ("DTSTART", "RECURRENCE-ID"):
            continue
        dated = True
        found = _DATE_AT_END.search(line.text)
        if not found:
            return True
        try:
            day = date(int(found.group(1)), int(found.group(2)), int(found.group(3)))
        except ValueError:
            return True  # not a date: the reading will say so
        if near[0] <= day <= near[1] or (name == "RECURRENCE-ID" and "THISANDFUTURE" in line.text.upper()
                                        and day <= near[1]):
            return True
    return not dated


def _lines(physical: Iterator[tuple[int, bytes]], file_name: str) -> Iterator[Line]:
    """The file's content lines, unfolded, each decoded on its own."""
    pending = bytearray()
    starts: list[tuple[int, int]] = []  # (offset in pending, line number) of each physical line
    for first, read in physical:
        read = read.removesuffix(b"\r")
        if first == 1:
            read = read.removeprefix(b"\xef\xbb\xbf")
        for number, raw in enumerate(read.split(b"\r") if b"\r" in read else (read,), start=first):
            # (old Macs end lines with CR alone)
            if raw[:1] in (b" ", b"\t") and starts:
                starts.append((len(pending), number))
                pending += raw[1:]
                continue
            if starts:
                yield _decoded(pending, starts, file_name)
            pending = bytearray(raw)
            starts = [(0, number)]
    if starts:
        yield _decoded(pending, starts, file_name)


def _decoded(raw: bytearray, starts: list[tuple[int, int]], file_name: str) -> Line:
    try:
        return Line(starts[0][1], raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        line = max(n for offset, n in starts if offset <= exc.start)
        raise ImportProblem(
            f"{file_name}: line {line} is not UTF-8 text, so the calendar cannot be read. "
            "Export it again from the calendar program."
        ) from None
