"""`caseload supervision`: opens the supervision screen; `caseload supervision log` writes the log.

The group keeps `caseload supervision [--demo] [--db] [--redact]` exactly as it was (the
command in dashboard.py) and adds `log` beneath it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from .. import config
from .common import (
    CliContext,
    db_option,
    open_store,
    output_options,
    pass_cli,
    plain_errors,
    refuse_demo_with_db,
    refuse_output,
    say,
    write_file,
)
from .dashboard import supervision as open_supervision


@click.group(invoke_without_command=True, help=open_supervision.help, short_help=open_supervision.short_help)
@click.pass_context
def supervision(ctx: click.Context, /, **options: object) -> None:
    if ctx.invoked_subcommand is None:
        ctx.invoke(open_supervision, **options)


supervision.params[:] = list(open_supervision.params)


@supervision.command("log")
@db_option
@click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")
@click.option("--since", "since_text", metavar="DATE",
              help="Start the log and its totals at DATE (e.g. 1 jan, 2026-01-01) instead of the first supervision.")
@click.option("--format", "kind", type=click.Choice(["md", "csv"]), default="md", show_default=True,
              help="md to read (with totals by month and year), csv for a spreadsheet (one row a meeting).")
@output_options("Write the log to this file (only you can read it) instead of the screen.")
@pass_cli
def log(context: CliContext, db_path: Path | None, demo: bool, since_text: str | None, kind: str,
        output: Path | None, force: bool) -> None:
    """The supervision log for a licensing board or an accreditation audit.

    Each supervision held: date, supervisor, length, individual or group, and the cases
    brought (by code). Totals by month against the monthly minimum (the settings file's
    [supervision] monthly_minimum_minutes, 90 unless set), by year, and since the start.
    """
    refuse_demo_with_db(db_path, demo)
    refuse_output(output, force, db_path)
    from ..rules import DateError, parse_day
    from ..supervision_log import as_csv, as_markdown, build_log

    with plain_errors(context.clock):
        settings = config.load_settings()
        today = context.clock().date()
        since: date | None = parse_day(since_text, today) if since_text is not None else None
        if since is not None and since > today:
            raise DateError("The start of the log cannot be after today.")
        with open_store(context.clock, db_path, demo=demo) as store:
            found = build_log(store.meetings(), store.clients(), today, since, settings.supervision_minimum)
    text = as_csv(found) if kind == "csv" else as_markdown(found)
    if output is None:
        say(text, nl=False)
        return
    write_file(output, text)
    say(f"Wrote the supervision log to {output}.", err=True)
