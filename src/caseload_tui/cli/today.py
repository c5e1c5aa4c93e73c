"""`caseload today`: before the session, each client due today with what I meant to say, ask and try."""

from __future__ import annotations

import json
from datetime import datetime, time
from pathlib import Path

import click

from ..safe_text import one_line
from .common import CliContext, db_option, open_store, pass_cli, plain_errors, refuse_demo_with_db

DEMO_MORNING = time(8, 0)  # the demo's day seen from before its first session, when it is not today
HIDDEN = "(words hidden: --redact)"  # a safety concern's words under --redact, as in privacy mode


@click.command()
@db_option
@click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--redact", is_flag=True, help="Clients only by their codes, even inside the notes; "
              "a safety concern's words hidden, its marker kept.")
@click.option("--hours", type=click.IntRange(min=1, max=24), default=None,
              help="Only the sessions in the next HOURS hours, instead of the whole day.")
@pass_cli
def today(context: CliContext, db_path: Path | None, demo: bool, as_json: bool, redact: bool,
          hours: int | None) -> None:
    """Before the session: each client due today, in time order, with what to tell them I remembered,
    their open questions, supervision's advice not yet tried, safety concerns and dates coming up."""
    refuse_demo_with_db(db_path, demo)
    from .. import before_session
    from ..brief import names_of, redact_names

    with plain_errors(context.clock):
        now = context.clock()
        if demo:  # the demo's day (a Thursday): today on one, else the last one gone, from its morning
            from ..demo import demo_day

            day = demo_day(now.date())
            now = now if day == now.date() else datetime.combine(day, DEMO_MORNING)
        with open_store(context.clock, db_path, demo=demo) as store:
            cards = before_session.day_cards(store, now, hours)
            names = names_of(store.clients())

    def shown(text: str, concern: bool = False) -> str:
        if not redact:
            return text
        return HIDDEN if concern else redact_names(text, names)

    if as_json:
        doc = {"day": now.date().isoformat(),
               "clients": [before_session.card_document(c, now, shown, redact) for c in cards]}
        click.echo(json.dumps(doc, indent=2, ensure_ascii=True))
        return
    click.echo(f"Before the session · {now.strftime('%A %-d %B')}" + (" (the demo's day)" if demo else ""))
    if not cards:
        click.echo("No one is due today.")
    for card in cards:
        click.echo("")
        for line in before_session.card_lines(card, now, shown, redact):
            click.echo(one_line(line))  # user text with its control characters shown, never obeyed
