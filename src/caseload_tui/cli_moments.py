"""`caseload review`, `supervision` and `graduate`: the dashboard opened at one of the three moments."""

from __future__ import annotations

from pathlib import Path

import click

from . import cli, config
from .cli import UserError, _db_option, _plain_errors, open_store, main


def _open_at(db_path: Path | None, demo: bool, redact: bool, start: str, client_text: str | None = None) -> None:
    if demo and db_path:
        raise UserError("Use either --demo or --db, not both.")
    with _plain_errors():
        settings = config.load_settings()
        with open_store(db_path, demo=demo) as store:
            client_id = store.find_client(client_text).id if client_text is not None else None
            from .tui.app import run_app

            code = run_app(store, clock=cli.real_clock, settings=settings, redact=redact, demo=demo,
                           start=start, start_client=client_id)
    if code:
        raise SystemExit(code)


def _moment_options(func):
    func = click.option("--redact", is_flag=True, help="Privacy mode: clients shown only by their codes.")(func)
    func = click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")(func)
    return _db_option(func)


@main.command()
@_moment_options
def review(db_path: Path | None, demo: bool, redact: bool) -> None:
    """Day's end: go through today's sessions one client at a time."""
    _open_at(db_path, demo, redact, "review")


@main.command()
@_moment_options
def supervision(db_path: Path | None, demo: bool, redact: bool) -> None:
    """Prepare for clinical supervision: choose cases, gather thoughts, export the brief."""
    _open_at(db_path, demo, redact, "supervision")


@main.command()
@click.argument("name")
@_moment_options
def graduate(name: str, db_path: Path | None, demo: bool, redact: bool) -> None:
    """Mark the case of NAME (a name or code) as ended, with a closing reflection."""
    _open_at(db_path, demo, redact, "graduate", client_text=name)


@main.command()
@_db_option
@click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")
@click.option("--since", "since_text", metavar="DATE",
              help="Cover the time since DATE (e.g. 1 nov, 2026-10-01) instead of since the last supervision.")
@click.option("--redact", is_flag=True, help="Clients only by their codes, even inside the notes.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the brief to this file (only you can read it) instead of the screen.")
def brief(db_path: Path | None, demo: bool, since_text: str | None, redact: bool, output: Path | None) -> None:
    """Write the supervision brief in Markdown: an agenda, then a section per case.

    The cases are the ones flagged for supervision, and those chosen on the
    supervision screen (`caseload supervision`) with the questions written there.
    """
    if demo and db_path:
        raise UserError("Use either --demo or --db, not both.")
    from . import supervision
    from .brief import build_brief
    from .rules import parse_day

    with _plain_errors():
        settings = config.load_settings()
        now = cli.real_clock()
        since = parse_day(since_text, now.date()) if since_text is not None else None
        with open_store(db_path, demo=demo) as store:
            window = supervision.make_window(store.meetings(), now.date(), since)
            chosen = supervision.chosen_for_brief(store, now, window, settings.thresholds)
            text = build_brief(supervision.prepare(store, now, chosen, since, settings.thresholds), redact=redact)
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        cli._write_private(output, text)
    except OSError as exc:
        raise UserError(f"{output} could not be written ({exc.strerror}). Nothing was changed.") from None
    click.echo(f"Wrote the supervision brief to {output}.", err=True)
