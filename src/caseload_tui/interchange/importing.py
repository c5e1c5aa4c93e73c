"""One way in for every kind of file, used by `caseload import` and by the dashboard's import key."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from .. import model as m
from ..config import Settings
from .calendar_identity import CalendarChoice, choose_calendar, known_event_uids
from .session_files import SessionFile

if TYPE_CHECKING:
    from ..store import Store

CALENDAR_SUFFIXES = (".ics", ".ical", ".icalendar")
REPORT_SUFFIXES = (".csv", ".tsv")


@dataclass
class ReportChoices:
    """How to read a CSV report, beyond what the settings file says."""

    columns: dict[str, str] = field(default_factory=dict)
    vocabulary: str | None = None
    date_order: str | None = None


def import_file(store: Store, file: Path, settings: Settings, now: datetime, dry_run: bool,
                choices: ReportChoices | None = None, calendar: CalendarChoice | None = None) -> list[str]:
    """Bring a calendar, a report or a caseload file in (all or nothing); lines saying what changed.

    Raises ImportProblem or a StoreError with a message naming the file, the row or event and the field.
    """
    suffix = file.suffix.lower()
    if suffix not in CALENDAR_SUFFIXES + REPORT_SUFFIXES:
        from . import json_format

        data = json_format.parse(json_format.read_file(file), source=file.name)
        counts = store.import_data(data, dry_run=dry_run)
        summary = m.holdings_in_words(counts)
        return [("Would add: " if dry_run else "Added: ") + summary + "."]
    clients = store.clients()
    if suffix in CALENDAR_SUFFIXES:
        from . import ics

        return import_calendar(
            store, lambda known: ics.read_calendar(file, clients, settings.calendar, now, known=known),
            file.name, dry_run, calendar or CalendarChoice())
    else:
        from . import csv_format

        choices = choices or ReportChoices()
        found = csv_format.read_report(file, clients, csv_format.ReportOptions(
            columns={**settings.csv.columns, **choices.columns},
            vocabulary=choices.vocabulary or settings.csv.vocabulary,
            extra_statuses=settings.csv.statuses,
            date_order=choices.date_order or settings.csv.date_order,
        ))
    return _bring_in(store, found, file.name, dry_run)


def import_calendar(store: Store, read: Callable[[frozenset[str]], SessionFile], label: str, dry_run: bool,
                    choice: CalendarChoice) -> list[str]:
    """A calendar (a file, or one fetched from its address) into the calendar it is (calendar_identity.py).

    `read` reads it, given the UIDs of the caseload's calendars' events to look for.
    """
    known = known_event_uids(store)
    found = read(frozenset().union(*known.values()))
    name, said = choose_calendar(found, known, choice)
    found.source = f"ics:{name}"
    for session in found.sessions:
        session.source = found.source
    lines = _bring_in(store, found, label, dry_run)
    return [lines[0], said, *lines[1:]] if said else lines


def _bring_in(store: Store, found: SessionFile, label: str, dry_run: bool) -> list[str]:
    from ..store import StoreError
    from .session_report import describe_changes

    try:
        changes = store.upsert_sessions(found.source, found.sessions, dry_run=dry_run,
                                        withdraw_between=found.covers, still_listed=found.still_listed)
    except StoreError as exc:
        raise type(exc)(f"{label}: {exc}") from None
    return list(describe_changes(found, changes, store.clients(), dry_run))
