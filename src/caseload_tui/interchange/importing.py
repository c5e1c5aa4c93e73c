"""One way in for every kind of file, used by `caseload import` and by the dashboard's import key."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings

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
                choices: ReportChoices | None = None) -> list[str]:
    """Bring a calendar, a report or a caseload file in (all or nothing); lines saying what changed.

    Raises ImportProblem or a StoreError with a message naming the file, the row or event and the field.
    """
    from .session_report import describe_changes

    suffix = file.suffix.lower()
    if suffix not in CALENDAR_SUFFIXES + REPORT_SUFFIXES:
        from . import json_format

        data = json_format.parse(json_format.read_file(file), source=file.name)
        counts = store.import_data(data, dry_run=dry_run)
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        return [("Would add: " if dry_run else "Added: ") + summary + "."]
    clients = store.clients()
    if suffix in CALENDAR_SUFFIXES:
        from . import ics

        found = ics.read_calendar(file, clients, settings.calendar, now)
    else:
        from . import csv_format

        choices = choices or ReportChoices()
        found = csv_format.read_report(file, clients, csv_format.ReportOptions(
            columns={**settings.csv.columns, **choices.columns},
            vocabulary=choices.vocabulary or settings.csv.vocabulary,
            extra_statuses=settings.csv.statuses,
            date_order=choices.date_order or settings.csv.date_order,
        ))
    from ..store import StoreError

    try:
        changes = store.upsert_sessions(found.source, found.sessions, dry_run=dry_run,
                                        withdraw_between=found.covers, still_listed=found.still_listed)
    except StoreError as exc:
        raise type(exc)(f"{file.name}: {exc}") from None
    return list(describe_changes(found, changes, clients, dry_run))
