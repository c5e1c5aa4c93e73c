"""Handing the scanned lines to icalendar, and saying in plain words which line it could not read.

icalendar reads events leniently (a field it cannot read is kept as "broken") and the
rest strictly; either way its messages name neither the line nor the event. Here each
content line keeps the number the file gave it, so a problem is reported as
"line 23, event “Dentist”: TRIGGER “PT-2H” is not a duration I can read".
A field that does not decide when a session is (a DTSTAMP, a CREATED) may be broken:
it is not needed, and the file is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..safe_text import one_line
from .errors import ImportProblem
from .ics_scan import Block, Line, Scanned

if TYPE_CHECKING:
    from icalendar import Calendar, Component

# The fields that decide when a session is, and what is shown of a value that cannot be read.
SESSION_FIELDS = ("DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "RRULE", "RDATE", "EXDATE", "EXRULE")
_KINDS = {
    **dict.fromkeys(("DTSTART", "DTEND", "RECURRENCE-ID", "RDATE", "EXDATE", "DTSTAMP", "CREATED",
                     "LAST-MODIFIED", "DUE", "COMPLETED"), "a date and time"),
    **dict.fromkeys(("DURATION", "TRIGGER"), "a duration"),
    **dict.fromkeys(("TZOFFSETFROM", "TZOFFSETTO"), "a UTC offset (such as +0100)"),
    **dict.fromkeys(("RRULE", "EXRULE"), "a repeating rule"),
    "SEQUENCE": "a number",
}
LINE_FIELD = "X-CASELOAD-LINE"  # added to each event: the line its BEGIN is on, to name it later


def parse_scanned(scanned: Scanned, file_name: str) -> Calendar:
    """One icalendar Calendar holding the scanned header, time zones and events."""
    import icalendar
    from icalendar.parser.content_line import Contentline, Contentlines
    from icalendar.parser.ical.calendar import CalendarIcalParser

    lines = [Line(0, "BEGIN:VCALENDAR"), *scanned.header]
    for zone in scanned.zones:
        lines += zone.lines
    for block in scanned.events:
        lines += [*block.lines[:-1], Line(block.lines[0].number, f"{LINE_FIELD}:{block.lines[0].number}"),
                  block.lines[-1]]
    lines.append(Line(0, "END:VCALENDAR"))

    class NumberedParser(CalendarIcalParser):
        """Remembers which line it is on, and where each field it could not read was."""

        at = 0
        broken: dict[tuple[int, str], int] = {}

        def initialize_parsing(self) -> None:
            super().initialize_parsing()  # type: ignore[no-untyped-call]
            self._content_lines_iterator = self._counted()  # type: ignore[no-untyped-call]

        def _counted(self):  # type: ignore[no-untyped-def]
            for i, line in enumerate(self._content_lines):
                self.at = i
                yield line

        def handle_property_parse_error(self, exception, name, params, val, line):  # type: ignore[no-untyped-def]
            super().handle_property_parse_error(exception, name, params, val, line)
            self.broken[(id(self.component), name)] = self.at

        def handle_line_parse_error(self, exception):  # type: ignore[no-untyped-def]
            super().handle_line_parse_error(exception)
            self.broken.setdefault((id(self.component), ""), self.at)  # a line it skipped

    content = Contentlines(Contentline(line.text.replace("\r", " ")) for line in lines)  # type: ignore[no-untyped-call]
    parser = NumberedParser(content, icalendar.Calendar._get_component_factory(), icalendar.Calendar.types_factory)
    parser.broken = {}
    try:
        [calendar] = parser.parse()
    except Exception as exc:  # noqa: BLE001 - icalendar raises many kinds for a line it cannot read
        raise _problem(file_name, scanned, lines[parser.at], exc) from None
    for event in calendar.subcomponents:
        for name in SESSION_FIELDS:
            at = parser.broken.get((id(event), name))
            if at is not None:
                raise _problem(file_name, scanned, lines[at], None)
        skipped = parser.broken.get((id(event), ""))
        if skipped is not None and event.get("DTSTART") is None:  # its start was on the line that was skipped
            line = lines[skipped]
            raise ImportProblem(f"{file_name}: line {line.number}, {scanned.where(line.number)}: "
                                f"“{one_line(line.text, 40)}” cannot be read (what comes before its colon "
                                "is not written as calendars write it).")
    return calendar  # type: ignore[return-value]


def _problem(file_name: str, scanned: Scanned, line: Line, exc: Exception | None) -> ImportProblem:
    where = f"{file_name}: line {line.number}, {scanned.where(line.number)}"
    name, value = line.name, line.value
    if name == "END" and value.strip().upper() == "VTIMEZONE" and "TZID" in str(exc):
        named = [z.lines for z in scanned.zones if z.lines[-1].number == line.number]
        tzid = next((n.number for n in named[0] if n.name == "TZID"), line.number) if named else line.number
        return ImportProblem(f"{file_name}: line {tzid}, a time zone (VTIMEZONE): the time zone has no name "
                             "(an empty TZID), so times given in it cannot be placed. Export the calendar "
                             "again, or set the time zone in the calendar program.")
    if ":" not in line.text or not name or exc is None and name not in _KINDS:
        return ImportProblem(f"{where}: “{one_line(line.text, 30)}” is not a line of a calendar "
                             "(a name, a colon, then a value).")
    kind = _KINDS.get(name)
    if kind:
        return ImportProblem(f"{where}: {name} “{one_line(value, 40)}” is not {kind} I can read.")
    if name in ("RDATE", "FREEBUSY") or "period" in str(exc).lower():
        return ImportProblem(f"{where}: {name} “{one_line(value, 40)}” is not a period of time I can read.")
    return ImportProblem(f"{where}: the {name} field cannot be read.")


def block_of(event: Component, scanned: Scanned) -> Block:
    """The scanned block an event was read from."""
    number = int(str(event[LINE_FIELD]))
    for block in scanned.events:
        if block.lines[0].number == number:
            return block
    raise KeyError(number)
