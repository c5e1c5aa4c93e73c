"""`caseload import` and `export`: calendars, appointment reports and caseload files, in and out."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import config
from ..model import numbered
from ..private_files import require_regular_file
from ..safe_text import one_line
from .common import (
    CliContext,
    Clock,
    UserError,
    db_option,
    keep_day_start,
    open_store,
    output_options,
    pass_cli,
    plain_errors,
    refuse_output,
    refuse_output_folder,
    say,
    write_file,
)

if TYPE_CHECKING:
    from ..interchange.calendar_identity import CalendarChoice
    from ..store import Store

# The status vocabularies of interchange/vocabularies.py (a test keeps the two lists alike).
VOCABULARY_NAMES = ("any", "simplepractice", "therapynotes", "theranest", "jane", "owl", "openemr", "caseload")


@click.command("import")
@click.argument("file", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option("--dry-run", is_flag=True,
              help="Check the file and say what would be added, changed and left alone; change nothing.")
@click.option("--column", "columns", multiple=True, metavar="FIELD=HEADER",
              help="CSV reports: the column holding a field (client, starts_at, time, status, id). "
                   "Repeat for each field.")
@click.option("--vocabulary", type=click.Choice(VOCABULARY_NAMES),
              help="CSV reports: the status words the report uses (default: any of them).")
@click.option("--date-order", type=click.Choice(["dmy", "mdy"]),
              help="CSV reports: read 03/04/2026 day first (dmy) or month first (mdy).")
@click.option("--calendar", "calendar_name", metavar="NAME",
              help="Calendars: which calendar this is. Its sessions are kept under this name; importing it "
                   "again removes only this calendar's sessions that it no longer lists. Without FILE: "
                   "fetch the calendar from its address ([calendars.NAME] in the settings).")
@pass_cli
def import_(context: CliContext, file: Path | None, db_path: Path | None, dry_run: bool, columns: tuple[str, ...],
            vocabulary: str | None, date_order: str | None, calendar_name: str | None) -> None:
    """Bring FILE into your caseload: a calendar, an appointment report or a caseload file.

    \b
    FILE.ics  a calendar (Google, Apple, Outlook): its sessions, matched to
              clients as [calendar] in the settings says
    FILE.csv  an appointment report from a practice system, with a header row
    other     a caseload JSON file (from `caseload export`): clients and notes

    `caseload import --calendar NAME` with no FILE fetches the calendar
    followed at the address the settings give it ([calendars.NAME]).

    All or nothing: if anything in the file is wrong, nothing is changed and
    the message says which row or event and which field. Importing the same
    calendar or report again changes only what changed; an outcome you have
    recorded is never overwritten.
    """
    from ..interchange.importing import CALENDAR_SUFFIXES, REPORT_SUFFIXES, ReportChoices, import_file

    if file is None:
        if columns or vocabulary or date_order:
            raise UserError("--column, --vocabulary and --date-order are for CSV reports only.")
        _import_followed(context, calendar_name, db_path, dry_run)
        return
    with plain_errors(context.clock):
        require_regular_file(file, "file to import")  # a FIFO or a device would wait for ever
    if (columns or vocabulary or date_order) and file.suffix.lower() not in REPORT_SUFFIXES:
        raise UserError("--column, --vocabulary and --date-order are for CSV reports only.")
    if calendar_name is not None and file.suffix.lower() not in CALENDAR_SUFFIXES:
        raise UserError("--calendar is for calendars (.ics files) only.")
    if calendar_name is not None and not calendar_name.strip():
        raise UserError("--calendar needs a name, e.g. --calendar \"Practice\".")
    if file.suffix.lower() not in CALENDAR_SUFFIXES + REPORT_SUFFIXES:
        with plain_errors(context.clock):  # a caseload file is checked whole before any caseload is opened or made
            from ..interchange import json_format

            json_format.parse(json_format.read_file(file), source=file.name)
    choices = ReportChoices(columns=_column_mapping(columns), vocabulary=vocabulary, date_order=date_order)
    with plain_errors(context.clock):
        settings = config.load_settings()
        now = context.clock()
        with _import_target(context.clock, db_path, dry_run) as store:
            lines = import_file(store, file, settings, now, dry_run, choices, _calendar_choice(calendar_name))
    for line in lines:
        say(line)


def _import_followed(context: CliContext, name: str | None, db_path: Path | None, dry_run: bool) -> None:
    """`import --calendar NAME` without a file: fetch the calendar at its address, then bring it in."""
    from ..interchange.following import fetch, import_followed

    with plain_errors(context.clock):
        settings = config.load_settings()
    followed = settings.calendars.get(name or "")
    if followed is None:
        if name is None:
            raise UserError("Say which file to import, or --calendar NAME for a calendar followed at its address.")
        raise UserError(f"No address is set for the calendar “{one_line(name, 40)}”: give a file to import, or "
                        f"add [calendars.\"{one_line(name, 40)}\"] with its url to the settings.")
    with plain_errors(context.clock):
        raw = fetch(followed, _ask_password)  # before the caseload is opened: a failed fetch touches nothing
        with _import_target(context.clock, db_path, dry_run) as store:
            lines = import_followed(store, followed, raw, settings, context.clock(), dry_run)
    for line in lines:
        say(line)


def _ask_password(followed: config.FollowedCalendar) -> str | None:
    """The calendar's password typed at the terminal (never shown), when someone is there to type it."""
    import sys

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return None
    answer: str = click.prompt(f"Password of {one_line(followed.username, 40)} for the calendar "
                               f"“{one_line(followed.name, 40)}”", hide_input=True)
    return answer


def _calendar_choice(name: str | None) -> CalendarChoice:
    """--calendar NAME; without it, ask which calendar a file is when someone is at the terminal to answer."""
    import sys

    from ..interchange.calendar_identity import CalendarChoice

    interactive = sys.stdin.isatty() and sys.stdout.isatty()
    return CalendarChoice(name=name, ask=_ask_calendar if interactive else None)


def _ask_calendar(offered: str, names: list[str], why: str) -> str:
    shown = one_line(offered, 40)
    if names:
        say("Calendars already in this caseload: " + ", ".join(f"“{one_line(n, 30)}”" for n in names) + ".")
    if why == "new":
        # click would print the default raw, and a file's name may hold escape sequences: shown here instead.
        answer: str = click.prompt(f"Which calendar is this? The file calls itself “{shown}” [{shown}]",
                                   default=offered, show_default=False)
        return answer
    say(f"This caseload already has a calendar “{shown}”, and this file holds none of its events.")
    answer = click.prompt(f"Type “{shown}” if it is that calendar (its sessions that this file does not list "
                          f"will be removed), or a new name to keep both [{shown} (2)]", default=f"{offered} (2)",
                          show_default=False)
    return answer


def _column_mapping(columns: tuple[str, ...]) -> dict[str, str]:
    """--column client=Client --column starts_at=Date → {"client": "Client", "starts_at": "Date"}."""
    mapping = {}
    for given in columns:
        field, sep, header = given.partition("=")
        if not sep or not field.strip() or not header.strip():
            raise UserError(f"--column {one_line(given, 30)}: write it as FIELD=HEADER, e.g. client=Client.")
        mapping[field.strip()] = header.strip()
    return mapping


@contextlib.contextmanager
def _import_target(clock: Clock, db_path: Path | None, dry_run: bool) -> Iterator[Store]:
    """The caseload to import into.

    A dry run against a caseload not yet made checks against an empty one in memory.
    """
    from ..store import Store

    if dry_run and not (db_path or config.default_db_path()).exists():
        store = Store.memory()  # a dry run creates no file and no folder
        try:
            yield store
        finally:
            store.close()
        return
    with open_store(clock, db_path, create=True) as store:
        if not dry_run:
            keep_day_start(store, clock)  # before the import moves anyone: the day's end compares with it
        yield store


@click.command()
@db_option
@click.option("--demo", is_flag=True, help="Export the made-up demo caseload.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "ics"]), default="json", show_default=True,
              help="json: the whole caseload; csv: one spreadsheet file for each kind of record, in a folder; "
                   "ics: the upcoming sessions as a calendar, clients by code only.")
@output_options("Write to this file (for csv: this folder) instead of the screen.")
@click.option("--weeks", type=click.IntRange(1, 104), default=12, show_default=True,
              help="ics: how many weeks ahead to include.")
@pass_cli
def export(context: CliContext, db_path: Path | None, demo: bool, fmt: str, output: Path | None,
           force: bool, weeks: int) -> None:
    """Write out the caseload, to keep, move, read or share.

    \b
    json  the whole caseload, to keep or move to another computer
    csv   one file for each kind of record (clients, sessions, thoughts…) in a folder, to read in a spreadsheet
    ics   the coming sessions as a calendar, clients by code only (never
          names), safe to share with a calendar on your phone
    """
    from ..interchange import json_format

    if fmt == "csv":
        refuse_output_folder(output, db_path)
        _export_tables(context.clock, db_path, demo, output)
        return
    refuse_output(output, force, db_path)
    with plain_errors(context.clock), open_store(context.clock, db_path, demo=demo) as store:
        if fmt == "ics":
            text = _upcoming_calendar(context.clock, store, weeks)
        else:
            text = json_format.dumps(store.export_data())
    if output is None:
        say(text, nl=False)
        return
    with plain_errors(context.clock):
        write_file(output, text)
    what = "the upcoming sessions" if fmt == "ics" else "the caseload"
    say(f"Wrote {what} to {output}.", err=True)


def _upcoming_calendar(clock: Clock, store: Store, weeks: int) -> str:
    """The booked and expected sessions of the coming weeks as iCalendar text, clients by code."""
    from datetime import timedelta

    from ..interchange.ics_export import calendar_bytes, upcoming_sessions

    settings = config.load_settings()
    now = clock()
    booked = store.appointments_between(now, now + timedelta(weeks=weeks))
    sessions = upcoming_sessions(store.clients(), booked, now, weeks)
    return calendar_bytes(sessions, now, settings.calendar.session_minutes,
                          settings.calendar.timezone).decode("utf-8")


def _export_tables(clock: Clock, db_path: Path | None, demo: bool, folder: Path | None) -> None:
    """`export --format csv -o FOLDER`: one file per table, the folder and files private."""
    from ..interchange.csv_export import write_tables

    if folder is None:
        raise UserError("A CSV export is a folder of files: say where with -o FOLDER.")
    with plain_errors(clock):
        with open_store(clock, db_path, demo=demo) as store:
            data = store.export_data()
        written = write_tables(folder, data)
    say(f"Wrote {numbered(len(written), 'file')} to {folder}: {', '.join(path.name for path in written)}.", err=True)
