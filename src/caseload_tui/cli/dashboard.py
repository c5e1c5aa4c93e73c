"""The dashboard: opened by a bare `caseload`, or by `review`, `supervision` and `graduate` at one of the three
moments.

The dashboard itself is opened in opening.py (open_dashboard), which the plain start uses without click."""

from __future__ import annotations

from pathlib import Path

import click

from .common import CliContext, F, db_option, pass_cli
from .opening import open_dashboard


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
