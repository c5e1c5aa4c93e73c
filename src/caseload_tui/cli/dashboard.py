"""The dashboard: opened by a bare `caseload`, or by `review`, `supervision` and `graduate` at one of the three
moments."""

from __future__ import annotations

from pathlib import Path

import click

from .. import config
from .common import CliContext, F, db_option, open_store, pass_cli, plain_errors, refuse_demo_with_db


def open_dashboard(context: CliContext, db_path: Path | None, demo: bool, redact: bool,
                   start: str | None = None, client_text: str | None = None) -> None:
    """Run the dashboard on the chosen caseload, at START (and the client named CLIENT_TEXT) if given."""
    refuse_demo_with_db(db_path, demo)
    with plain_errors(context.clock):
        settings = config.load_settings()
        with open_store(context.clock, db_path, demo=demo, check_in_background=True) as store:
            client_id = store.find_client(client_text).id if client_text is not None else None
            import gc

            from ..tui.app import run_app

            # Everything loaded so far (the program's code, Textual's) lives until the program
            # ends: set aside, no garbage collection has to walk it again, which keeps the
            # pauses while the dashboard paints short.
            gc.freeze()
            code = run_app(store, clock=context.clock, settings=settings, redact=redact, demo=demo,
                           start=start, start_client=client_id)
    if code:
        raise SystemExit(code)  # a crash inside the dashboard exits non-zero


def _moment_options(func: F) -> F:
    func = click.option("--redact", is_flag=True, help="Privacy mode: clients shown only by their codes.")(func)
    func = click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")(func)
    return db_option(func)


@click.command()
@_moment_options
@pass_cli
def review(context: CliContext, db_path: Path | None, demo: bool, redact: bool) -> None:
    """Day's end: go through today's sessions one client at a time."""
    open_dashboard(context, db_path, demo, redact, "review")


@click.command()
@_moment_options
@pass_cli
def supervision(context: CliContext, db_path: Path | None, demo: bool, redact: bool) -> None:
    """Prepare for clinical supervision: choose cases, gather thoughts, export the brief."""
    open_dashboard(context, db_path, demo, redact, "supervision")


@click.command()
@click.argument("name")
@_moment_options
@pass_cli
def graduate(context: CliContext, name: str, db_path: Path | None, demo: bool, redact: bool) -> None:
    """Mark the case of NAME (a name or code) as ended, with a closing reflection."""
    open_dashboard(context, db_path, demo, redact, "graduate", client_text=name)
