"""Reading sessions from a practice-management system's appointment report (CSV).

The report has a header row. Which column holds what is given as a mapping
of fields to headers (on the command line or under [csv.columns]); a field
left unmapped is looked for under its usual headers ("Client", "Date",
"Status"...). The fields:

    client     the client's code or name (required)
    starts_at  the day and time, or with `time`, the day (required)
    time       the time of day, when the report has it in its own column
    status     what happened, in the report's words (see vocabularies.py)
    id         the report's own appointment id, if it has one
    cancelled_by  who cancelled, where the report says so in a column of its own
                  (TheraNest: "Provider" or "Client")

The rules this module follows, where reports leave a choice:

- Text is UTF-8, with or without a byte-order mark; a cell holding anything
  else is an error naming its row and column. The delimiter is a comma, a
  semicolon or a tab, whichever the header row uses.
- Rows are numbered as a spreadsheet shows them: the header is row 1.
- A date such as 03/04/2026 is read day first or month first as the report's
  other dates show, or as `date_order` ("dmy"/"mdy") says, or month first for the
  vocabularies of US systems (US_DATES); when nothing tells, the import stops and
  asks rather than guessing.
- A row with a day and no time (SimplePractice's "Date of service") is placed at the
  client's usual time (the hour of their schedule), and the dry run says so; a client
  without one is listed, not guessed.
- A cancellation the report says the provider made is stored as the clinician's
  ("I cancelled"), which never counts against the client.
- A client written "Last, First" ("Lopez, Maria") is found as "Maria Lopez".
- An unknown status word is an error naming the [csv.statuses] setting that maps it;
  a word the vocabulary knows but that has
  no equivalent here (OpenEMR's '!' left without a visit) gives a session
  awaiting the clinician's record, and is listed. A blank status is a session
  awaiting a record.
- A row naming no client, or more than one, is listed, not guessed; so is a
  session after the client's work ended.
- Identity: the source is 'csv:' and the vocabulary's name; each session's
  source_uid is the report's appointment id, or without one the client's code
  and the time. The same session twice in one report is an error.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from dateutil import parser as date_parser

from .. import model as m
from ..safe_text import one_line
from .errors import ImportProblem
from .session_files import ClientFinder, NotImported, SessionFile, after_the_ending, describe_moment, usual_time
from .vocabularies import NO_EQUIVALENT, UnknownStatus, normal_word, status_for, vocabulary

FIELDS = ("client", "starts_at", "time", "status", "id", "cancelled_by")
# The headers each field is looked for under when the mapping does not name one (compared case-blind).
USUAL_HEADERS = {
    "client": ("client", "client name", "client code", "patient", "patient name", "name"),
    "starts_at": ("starts_at", "start", "starts", "date and time", "start date", "appointment date",
                  "date of service", "service date", "session date", "date", "when", "appointment"),
    "time": ("time", "start time", "appointment time", "session time"),
    "status": ("status", "appointment status", "attendance", "attendance status", "show status", "apptstatus"),
    "id": ("id", "appointment id", "appt id", "event id"),
    "cancelled_by": ("cancelled by", "canceled by", "initiated by", "cancellation initiated by",
                     "cancel initiated by"),
}
# Systems made for the United States write dates month first (11/03/2026 is 3 November) in their reports.
US_DATES = {"simplepractice": "mdy", "therapynotes": "mdy", "theranest": "mdy"}
# What a cancelled_by cell says when the provider cancelled (compared as normal_word()s).
PROVIDER_WORDS = frozenset({"provider", "clinician", "practitioner", "therapist", "counselor", "counsellor",
                            "staff", "practice", "office"})


@dataclass
class ReportOptions:
    columns: dict[str, str] = field(default_factory=dict)  # field → header
    vocabulary: str = "any"
    extra_statuses: dict[str, str] = field(default_factory=dict)
    date_order: str = ""  # "dmy", "mdy" or "" (from the file)


def read_report(path: Path, clients: list[m.Client], options: ReportOptions) -> SessionFile:
    """The sessions in the report at `path`; raises ImportProblem naming the file, row and column."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"{path.name}: could not be read ({exc.strerror}).") from None
    return parse_report(raw, path.name, clients, options)


MAX_CELL = 131_072  # the csv module's own limit on one cell, in characters; refused in words


def _rows(text: str, delimiter: str, file_name: str) -> list[list[str]]:
    """The report's rows; the one place a CSV's limits (a cell over MAX_CELL characters) are refused."""
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        if "larger than field limit" in str(exc):
            raise ImportProblem(f"{file_name}: a cell is longer than {MAX_CELL:,} characters; "
                                "this is not an appointment report.") from None
        raise ImportProblem(f"{file_name}: could not be read as a CSV report.") from None


def parse_report(raw: bytes, file_name: str, clients: list[m.Client], options: ReportOptions) -> SessionFile:
    try:
        words = vocabulary(options.vocabulary, options.extra_statuses)
    except ValueError as exc:
        raise ImportProblem(str(exc)) from None
    # Undecodable bytes are kept as surrogates, so the row and column holding them can be named.
    text = raw.decode("utf-8", errors="surrogateescape").removeprefix("\ufeff")
    if not text.strip():
        raise ImportProblem(f"{file_name}: the file is empty; an appointment report needs a header row.")
    first_line = text.splitlines()[0]
    delimiter = max(",;\t", key=first_line.count)
    table = _rows(text, delimiter, file_name)
    header = [cell.strip() for cell in table[0]]
    _check_text(file_name, 1, header, ["the header"] * len(header))
    report = _Report(file_name, header, options)
    rows = [(n, row) for n, row in enumerate(table[1:], start=2) if any(cell.strip() for cell in row)]
    for n, row in rows:
        _check_text(file_name, n, row, header)
    order = options.date_order or report.date_order([report.cell(row, "starts_at") for _, row in rows], rows,
                                                    US_DATES.get(options.vocabulary, ""))
    result = SessionFile(source=f"csv:{options.vocabulary}")
    finder = ClientFinder(clients)
    first_row_of: dict[str, int] = {}
    for n, row in rows:
        when, timed = report.moment(n, row, order)
        status = report.status(n, row, words, options.vocabulary)
        if status in (m.Status.CANCELLED, m.Status.LATE_CANCELLED) and \
                normal_word(report.cell(row, "cancelled_by")) in PROVIDER_WORDS:
            status = m.Status.CLINICIAN_CANCELLED  # never counted against the client
        where = f"row {n}"
        client, why = finder.named(report.cell(row, "client"))
        if client is not None and not timed:
            usual = usual_time(client.schedule)
            if usual is None:
                why = (f"the report gives a day but no time, and {one_line(client.code, 12)} has no usual time "
                       "(a schedule with an hour) to place it at")
            else:
                when = datetime.combine(when.date(), usual)
                result.notes.append(f"{where}: no time in the report, so placed at {one_line(client.code, 12)}'s "
                                    f"usual time ({usual:%H:%M})")
        if client is not None and not why:
            why = after_the_ending(client, when)
        if client is None or why:
            result.not_imported.append(NotImported(f"{where} ({describe_moment(when)})", why))
            continue
        if status is NO_EQUIVALENT:
            word = one_line(report.cell(row, "status"), 24)
            result.notes.append(f"{where}: “{word}” has no equivalent here, so the session waits for your record")
            status = m.Status.SCHEDULED
        assert client.id is not None, "the clients to match come from the store"
        source_uid = report.cell(row, "id").strip() or f"{client.code}|{when.isoformat(timespec='minutes')}"
        if source_uid in first_row_of:
            raise ImportProblem(
                f"{file_name}: row {n} is the same session as row {first_row_of[source_uid]} "
                f"({'the same appointment id' if report.cell(row, 'id').strip() else 'the same client and time'})."
            )
        first_row_of[source_uid] = n
        result.where[source_uid] = where
        result.sessions.append(m.Appointment(
            client_id=client.id, starts_at=when, status=status, source=result.source, source_uid=source_uid,
        ))
    return result


def _check_text(file_name: str, n: int, cells: list[str], headers: list[str]) -> None:
    for i, cell in enumerate(cells):
        if any("\udc80" <= c <= "\udcff" for c in cell):
            column = one_line(headers[i], 30) if i < len(headers) else f"number {i + 1}"
            where = "the header row" if n == 1 else f"row {n}, column “{column}”"
            raise ImportProblem(
                f"{file_name}: {where} holds characters that are not UTF-8 text. "
                "Save the report as UTF-8 (in a spreadsheet, “CSV UTF-8”) and import it again."
            )


_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})\b")


class _Report:
    """The report's columns, and reading one row's cells."""

    def __init__(self, file_name: str, header: list[str], options: ReportOptions):
        self.file_name = file_name
        self.header = header
        self.index: dict[str, int] = {}
        wanted = {h.casefold(): i for i, h in reversed(list(enumerate(header)))}
        for name, given in options.columns.items():
            if name not in FIELDS:
                raise ImportProblem(f"“{one_line(name, 20)}” is not a field I can read; the fields are "
                                    f"{', '.join(FIELDS)}.")
            if given.strip().casefold() not in wanted:
                raise ImportProblem(
                    f"{file_name}: there is no column “{one_line(given, 30)}” for the {_field_words(name)}. "
                    f"The columns are: {self._listed()}."
                )
            self.index[name] = wanted[given.strip().casefold()]
        for name in FIELDS:
            if name not in self.index:
                taken = set(self.index.values())
                found = [wanted[h] for h in USUAL_HEADERS[name] if h in wanted and wanted[h] not in taken]
                if found:
                    self.index[name] = found[0]
        if "time" in self.index and self.index.get("starts_at") == self.index["time"]:
            del self.index["time"]
        for name in ("client", "starts_at"):
            if name not in self.index:
                raise ImportProblem(
                    f"{file_name}: I could not tell which column holds the {_field_words(name)}; "
                    f"name it with --column {name}=HEADER (or under [csv.columns] in the settings). "
                    f"The columns are: {self._listed()}."
                )

    def _listed(self) -> str:
        return ", ".join(f"“{one_line(h, 24)}”" for h in self.header[:12]) + (" …" if len(self.header) > 12 else "")

    def cell(self, row: list[str], name: str) -> str:
        i = self.index.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    def column(self, name: str) -> str:
        return one_line(self.header[self.index[name]], 30)

    def fail(self, n: int, name: str, message: str) -> ImportProblem:
        return ImportProblem(f"{self.file_name}: row {n}, column “{self.column(name)}”: {message}")

    def date_order(self, texts: list[str], rows: list[tuple[int, list[str]]], usual: str = "") -> str:
        """'dmy' or 'mdy' as the file's numeric dates show; '' when none is ambiguous; `usual` when they cannot tell."""
        day_first = month_first = None
        ambiguous = None
        for text, (n, _) in zip(texts, rows, strict=True):
            found = _NUMERIC_DATE.match(text)
            if not found:
                continue
            first, second = int(found.group(1)), int(found.group(2))
            if first > 12:
                day_first = day_first or n
            elif second > 12:
                month_first = month_first or n
            elif first != second:
                ambiguous = ambiguous or n
        if day_first and month_first:
            raise ImportProblem(
                f"{self.file_name}: the dates in column “{self.column('starts_at')}” are written day first "
                f"in row {day_first} but month first in row {month_first}; they must be written one way."
            )
        if day_first:
            return "dmy"
        if month_first:
            return "mdy"
        if ambiguous and usual:
            return usual
        if ambiguous:
            raise ImportProblem(
                f"{self.file_name}: the date in row {ambiguous}, column “{self.column('starts_at')}”, could be "
                "read day first or month first. Say which with --date-order dmy or --date-order mdy "
                "(or date_order under [csv] in the settings)."
            )
        return ""

    def moment(self, n: int, row: list[str], order: str) -> tuple[datetime, bool]:
        """The row's day and time, and whether the report gave a time at all."""
        text = self.cell(row, "starts_at")
        if not text:
            raise self.fail(n, "starts_at", "the date is empty.")
        if "time" in self.index and self.cell(row, "time"):
            text = f"{text} {self.cell(row, 'time')}"
        year_first = bool(re.match(r"\s*\d{4}", text))
        readings = []
        for default in (datetime(2000, 1, 1, 0, 0), datetime(2001, 2, 2, 1, 1)):
            try:
                readings.append(date_parser.parse(
                    text, default=default, dayfirst=order == "dmy", yearfirst=year_first,
                ))
            except (ValueError, OverflowError, TypeError):
                raise self.fail(n, "starts_at", f"“{one_line(text, 30)}” is not a date and time I can read.") from None
        first, second = readings
        if first.year != second.year:
            raise self.fail(n, "starts_at", f"“{one_line(text, 30)}” has no year.")
        timed = (first.hour, first.minute) == (second.hour, second.minute)
        return first.replace(tzinfo=None, second=0, microsecond=0), timed

    def status(self, n: int, row: list[str], words: dict[str, m.Status | None],
               vocabulary_name: str) -> m.Status | None:
        if "status" not in self.index:
            return m.Status.SCHEDULED
        word = self.cell(row, "status")
        try:
            return status_for(word, words)
        except UnknownStatus:
            shown = one_line(word, 24)
            raise self.fail(
                n, "status", f"“{shown}” is not a status in the {vocabulary_name} vocabulary. Say what it means "
                f"under [csv.statuses] in the settings, e.g. \"{shown}\" = \"no_show\" (the statuses: "
                f"{', '.join(s.value for s in m.Status)})."
            ) from None


def _field_words(name: str) -> str:
    return {"client": "client", "starts_at": "date and time", "time": "time", "status": "status",
            "id": "appointment id", "cancelled_by": "who cancelled"}[name]
