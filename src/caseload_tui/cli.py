"""The `caseload` command: the only place that reads argv or the real clock."""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import click

from . import __version__, config, crash
from .private_files import write_private
from .safe_text import one_line

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 88}


def real_clock() -> datetime:
    """The one reading of the real clock; everything else is handed it."""
    return datetime.now().replace(second=0, microsecond=0)


class UserError(click.ClickException):
    """A problem to tell the user in one line; exit status 1."""

    def show(self, file=None) -> None:
        click.echo(f"caseload: {self.message}", err=True)


def _db_option(func):
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
        help="The caseload file to use (default: your caseload; see `caseload locate`).",
    )(func)


def _known_problems():
    from .interchange import ImportProblem
    from .rules import DateError, ScheduleError
    from .store import StoreError

    return (StoreError, ImportProblem, DateError, ScheduleError, config.ConfigError)


@contextlib.contextmanager
def _plain_errors():
    """Known problems become a one-line message; anything else a content-free crash report."""
    try:
        yield
    except click.ClickException:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # noqa: BLE001 - every failure must reach the user in plain words
        if isinstance(exc, _known_problems()):
            raise UserError(str(exc)) from None
        report = crash.write_report(exc, real_clock())
        raise UserError(crash.message(report)) from None


PASSPHRASE_TRIES = 3


class Unlocking:
    """The passphrase of an encrypted caseload, asked for only when one is needed.

    Asked on the terminal with the typing hidden, before any screen is drawn; held only
    while this one command runs, never written anywhere (not to the settings, drafts,
    logs, crash reports or the environment). Three tries, then a plain refusal.
    """

    def __init__(self) -> None:
        self._passphrase: str | None = None
        self._tries = 0

    def run(self, action):
        """action(passphrase): first with what is known (nothing, or the passphrase already given)."""
        from .store.errors import PassphraseNeeded, WrongPassphrase

        while True:
            try:
                return action(self._passphrase)
            except PassphraseNeeded:
                if self._passphrase is not None:
                    raise
            except WrongPassphrase as wrong:
                if self._tries >= PASSPHRASE_TRIES:
                    raise UserError(str(wrong)) from None
                click.echo("caseload: That passphrase does not open this caseload. Try again.", err=True)
            self._passphrase = self._ask()
            self._tries += 1

    @staticmethod
    def _ask() -> str:
        try:
            return click.prompt("Passphrase for this caseload", hide_input=True, err=True)
        except click.Abort:
            raise UserError("No passphrase was given, so the caseload was not opened. Nothing was changed.") from None


@contextlib.contextmanager
def open_store(db_path: Path | None, demo: bool = False, create: bool = False):
    """The caseload to work on: the demo (a fresh temporary copy), an explicit file, or yours."""
    from .store import Store

    if demo:
        with tempfile.TemporaryDirectory(prefix="caseload-demo-") as folder:
            store = Store.open(Path(folder) / "demo.db", create=True)
            try:
                from .demo import load_demo

                store.import_data(load_demo(real_clock().date()))
                yield store
            finally:
                store.close()
        return
    if db_path is None:
        db_path = config.default_db_path()
        # Your own caseload is created on first use, in a folder only you can open.
        config.ensure_private_dir(db_path.parent)
        create = True
    # Your own file (not the demo) is backed up on the first start of each day.
    # An encrypted one asks for its passphrase here, before any screen is drawn.
    today, keep = real_clock().date(), config.backups_keep()
    store = Unlocking().run(lambda passphrase: Store.open(
        db_path, create=create, daily_backup_dir=config.backups_dir(), today=today, keep_backups=keep,
        passphrase=passphrase))
    for warning in store.warnings:
        click.echo(f"caseload: {warning}", err=True)
    try:
        yield store
    finally:
        store.close()


# ---------------------------------------------------------------- the dashboard


@click.group(invoke_without_command=True, context_settings=CONTEXT)
@_db_option
@click.option("--demo", is_flag=True, help="Explore a made-up caseload; your own is never touched.")
@click.option("--redact", is_flag=True, help="Start in privacy mode: clients shown only by their codes.")
@click.version_option(__version__, "--version", message="caseload %(version)s")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, demo: bool, redact: bool) -> None:
    """A private dashboard for the thinking you do between sessions.

    Run with no command to open the dashboard. Your notes stay on this
    computer; nothing leaves it unless you export it.
    """
    crash.install_hooks(real_clock)  # nothing that escapes is ever printed with its content
    if ctx.invoked_subcommand is not None:
        return
    if demo and db_path:
        raise UserError("Use either --demo or --db, not both.")
    with _plain_errors():
        settings = config.load_settings()
        with open_store(db_path, demo=demo) as store:
            import gc

            from .tui.app import run_app

            # Everything loaded so far (the program's code, Textual's) lives until the program
            # ends: set aside, no garbage collection has to walk it again, which keeps the
            # pauses while the dashboard paints short.
            gc.freeze()
            code = run_app(store, clock=real_clock, settings=settings, redact=redact, demo=demo)
    if code:
        raise SystemExit(code)  # a crash inside the dashboard exits non-zero


# ---------------------------------------------------------------- groups


@main.command()
@_db_option
@click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--redact", is_flag=True, help="Show clients by code only.")
def groups(db_path: Path | None, demo: bool, as_json: bool, redact: bool) -> None:
    """Show who are regulars, absentees and graduates, and why."""
    if demo and db_path:
        raise UserError("Use either --demo or --db, not both.")
    from .rules import group_caseload

    with _plain_errors():
        settings = config.load_settings()
        now = real_clock()
        with open_store(db_path, demo=demo) as store:
            grouped = group_caseload(store.records(now), now, settings.thresholds)
    if as_json:
        doc = {
            group.value: [
                {"name": record.client.code if redact else record.client.name,
                 "code": record.client.code, "reason": placement.reason,
                 "last_attended": record.last_attended.isoformat(timespec="minutes")
                 if record.last_attended else None,
                 "open_questions": record.open_questions,
                 "lingering_thoughts": record.lingering_thoughts,
                 "bring_to_supervision": record.client.bring_to_supervision}
                for record, placement in members
            ]
            for group, members in grouped.items()
        }
        click.echo(json.dumps(doc, indent=2))
        return
    for group, members in grouped.items():
        click.echo(f"{group.title} ({len(members)})")
        for record, placement in members:
            client = record.client
            who = client.code if redact else f"{one_line(client.name, 28)} ({one_line(client.code, 12)})"
            click.echo(f"  {who}: {placement.reason}")
        click.echo("")


# ---------------------------------------------------------------- import and export


# The status vocabularies of interchange/vocabularies.py (a test keeps the two lists alike).
VOCABULARY_NAMES = ("any", "simplepractice", "therapynotes", "openemr", "caseload")


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_db_option
@click.option("--dry-run", is_flag=True,
              help="Check the file and say what would be added, changed and left alone; change nothing.")
@click.option("--column", "columns", multiple=True, metavar="FIELD=HEADER",
              help="CSV reports: the column holding a field (client, starts_at, time, status, id). "
                   "Repeat for each field.")
@click.option("--vocabulary", type=click.Choice(VOCABULARY_NAMES),
              help="CSV reports: the status words the report uses (default: any of them).")
@click.option("--date-order", type=click.Choice(["dmy", "mdy"]),
              help="CSV reports: read 03/04/2026 day first (dmy) or month first (mdy).")
def import_(file: Path, db_path: Path | None, dry_run: bool, columns: tuple[str, ...],
            vocabulary: str | None, date_order: str | None) -> None:
    """Bring FILE into your caseload: a calendar, an appointment report or a caseload file.

    \b
    FILE.ics  a calendar (Google, Apple, Outlook): its sessions, matched to
              clients as [calendar] in the settings says
    FILE.csv  an appointment report from a practice system, with a header row
    other     a caseload JSON file (from `caseload export`): clients and notes

    All or nothing: if anything in the file is wrong, nothing is changed and
    the message says which row or event and which field. Importing the same
    calendar or report again changes only what changed; an outcome you have
    recorded is never overwritten.
    """
    from .interchange.importing import CALENDAR_SUFFIXES, REPORT_SUFFIXES, ReportChoices, import_file

    if (columns or vocabulary or date_order) and file.suffix.lower() not in REPORT_SUFFIXES:
        raise UserError("--column, --vocabulary and --date-order are for CSV reports only.")
    if file.suffix.lower() not in CALENDAR_SUFFIXES + REPORT_SUFFIXES:
        with _plain_errors():  # a caseload file is checked whole before any caseload is opened or made
            from .interchange import json_format

            json_format.parse(json_format.read_file(file), source=file.name)
    choices = ReportChoices(columns=_column_mapping(columns), vocabulary=vocabulary, date_order=date_order)
    with _plain_errors():
        settings = config.load_settings()
        now = real_clock()
        with _import_target(db_path, dry_run) as store:
            lines = import_file(store, file, settings, now, dry_run, choices)
    for line in lines:
        click.echo(line)


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
def _import_target(db_path: Path | None, dry_run: bool):
    """The caseload to import into.

    A dry run against a caseload not yet made checks against an empty one in memory.
    """
    from .store import Store

    if dry_run and not (db_path or config.default_db_path()).exists():
        store = Store.memory()  # a dry run creates no file and no folder
        try:
            yield store
        finally:
            store.close()
        return
    with open_store(db_path, create=True) as store:
        yield store


@main.command()
@_db_option
@click.option("--demo", is_flag=True, help="Export the made-up demo caseload.")
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "ics"]), default="json", show_default=True,
              help="json: the whole caseload; csv: one file per table, in a folder; "
                   "ics: the upcoming sessions as a calendar, clients by code only.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (for csv: this folder) instead of the screen.")
@click.option("--weeks", type=click.IntRange(1, 104), default=12, show_default=True,
              help="ics: how many weeks ahead to include.")
def export(db_path: Path | None, demo: bool, fmt: str, output: Path | None, weeks: int) -> None:
    """Write out the caseload, to keep, move, read or share.

    \b
    json  the whole caseload, to keep or move to another computer
    csv   one file per table in a folder, to read in a spreadsheet
    ics   the coming sessions as a calendar, clients by code only (never
          names), safe to share with a calendar on your phone
    """
    from .interchange import json_format

    if fmt == "csv":
        _export_tables(db_path, demo, output)
        return
    if output is not None and output.is_dir():
        raise UserError(f"{output} is a folder; give a file name to write to.")
    with _plain_errors():
        with open_store(db_path, demo=demo) as store:
            if fmt == "ics":
                text = _upcoming_calendar(store, weeks)
            else:
                text = json_format.dumps(store.export_data())
    if output is None:
        click.echo(text, nl=False)
        return
    with _plain_errors():
        try:
            _write_private(output, text)
        except OSError as exc:
            raise UserError(f"{output} could not be written ({exc.strerror}). Nothing was changed.") from None
    what = "the upcoming sessions" if fmt == "ics" else "the caseload"
    click.echo(f"Wrote {what} to {output}.", err=True)


def _upcoming_calendar(store, weeks: int) -> str:
    """The booked and expected sessions of the coming weeks as iCalendar text, clients by code."""
    from datetime import timedelta

    from .interchange.ics_export import calendar_bytes, upcoming_sessions

    settings = config.load_settings()
    now = real_clock()
    booked = store.appointments_between(now, now + timedelta(weeks=weeks))
    sessions = upcoming_sessions(store.clients(), booked, now, weeks)
    return calendar_bytes(sessions, now, settings.calendar.session_minutes,
                          settings.calendar.timezone).decode("utf-8")


def _export_tables(db_path: Path | None, demo: bool, folder: Path | None) -> None:
    """`export --format csv -o FOLDER`: one file per table, the folder and files private."""
    from .interchange.csv_export import write_tables

    if folder is None:
        raise UserError("A CSV export is a folder of files: say where with -o FOLDER.")
    with _plain_errors():
        with open_store(db_path, demo=demo) as store:
            data = store.export_data()
        written = write_tables(folder, data)
    click.echo(f"Wrote {len(written)} tables to {folder}.", err=True)


# Kept under this name for the commands beside this file.
_write_private = write_private


# ---------------------------------------------------------------- housekeeping


@main.command()
def locate() -> None:
    """Say where your caseload, settings and backups are kept."""
    click.echo(f"caseload:  {config.default_db_path()}")
    click.echo(f"settings:  {config.config_path()}")
    click.echo(f"backups:   {config.backups_dir()}")


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--encrypt", is_flag=True,
              help="Lock the file with a passphrase, asked for now and at every start (needs "
                   "pip install 'caseload-tui[encrypted]'). It is stored nowhere: without it the notes "
                   "cannot be read.")
def init(path: Path, encrypt: bool) -> None:
    """Create a new, empty caseload file at PATH."""
    from .store import Store
    from .store.cipher import INSTALL, available

    if path.exists():
        raise UserError(f"{path} already exists; nothing was changed.")
    passphrase = None
    if encrypt:
        if not available():
            raise UserError(f"An encrypted caseload needs the extra: {INSTALL}. Nothing was changed.")
        try:
            passphrase = click.prompt("Passphrase for the new caseload", hide_input=True,
                                      confirmation_prompt="Type it again", err=True)
        except click.Abort:
            raise UserError("No passphrase was given, so no caseload was made.") from None
    with _plain_errors():
        config.ensure_private_dir(path.parent) if not path.parent.exists() else None
        Store.open(path, create=True, passphrase=passphrase).close()
    if encrypt:
        click.echo(f"Created an empty encrypted caseload at {path}. Keep the passphrase somewhere safe: "
                   "it is stored nowhere, and without it the notes cannot be read.")
        return
    click.echo(f"Created an empty caseload at {path}.")


# The three moments and the trust commands live beside this file; importing them registers them.
from . import cli_moments  # noqa: E402,F401
from . import cli_trust  # noqa: E402,F401


def run() -> None:  # pragma: no cover - used by `python -m caseload_tui`
    main(prog_name="caseload")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run())
