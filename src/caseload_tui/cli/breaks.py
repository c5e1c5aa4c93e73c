"""`caseload breaks`: my own breaks (holidays, illness), listed or recorded once.

Sessions that fall in a break say nothing about any client's attendance; the strip shows them.
"""

from __future__ import annotations

from pathlib import Path

import click

from ..safe_text import one_line
from .common import CliContext, UserError, db_option, open_store, pass_cli, plain_errors


@click.command()
@db_option
@click.option("--from", "from_text", metavar="DAY", help="Record a break starting on DAY (e.g. 21 dec, 2026-12-21).")
@click.option("--to", "to_text", metavar="DAY", help="The last day of that break (default: the day it starts).")
@click.option("--word", default="", help="A word for it: holiday, ill, training...")
@pass_cli
def breaks(context: CliContext, db_path: Path | None, from_text: str | None, to_text: str | None,
           word: str) -> None:
    """List my breaks; with --from (and --to), record one. Sessions in a break never count."""
    from ..rules import parse_day
    from ..services.sessions import add_break

    with plain_errors(context.clock):
        today = context.clock().date()
        with open_store(context.clock, db_path) as store:
            if from_text is None:
                if to_text is not None:
                    raise UserError("Say when the break starts with --from.")
                for taken in store.breaks():
                    span = f"{taken.starts_on:%-d %b %Y}" + (
                        f" to {taken.ends_on:%-d %b %Y}" if taken.ends_on != taken.starts_on else "")
                    click.echo(f"{span}{'  ' + one_line(taken.word, 40) if taken.word else ''}")
                return
            starts = parse_day(from_text, today, prefer="future")
            ends = parse_day(to_text, starts, prefer="future") if to_text else starts
            taken = add_break(store, starts, ends, word)
    click.echo(f"Recorded my break: {taken.starts_on:%-d %b %Y} to {taken.ends_on:%-d %b %Y}.")
