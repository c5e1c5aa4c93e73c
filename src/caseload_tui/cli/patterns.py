"""`caseload patterns`: my own responses across clients, grouped by the feelings named in them."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import click

from ..model import patterns as words
from ..model.counting import numbered
from ..model.patterns import OwnResponse
from ..safe_text import one_line
from .common import CliContext, db_option, open_store, pass_cli, plain_errors, refuse_demo_with_db, say


@click.command()
@db_option
@click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")
@click.option("--weeks", type=click.IntRange(1, 520), default=words.DEFAULT_WEEKS, show_default=True,
              help="How many weeks back to look, up to now.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--redact", is_flag=True, help="Show clients by code only.")
@pass_cli
def patterns(context: CliContext, db_path: Path | None, demo: bool, weeks: int, as_json: bool, redact: bool) -> None:
    """My own responses (reactions, insights) grouped by feeling, with whom and when. Never a note's text."""
    refuse_demo_with_db(db_path, demo)
    from ..rules.patterns import listed, read_patterns, summary, where, whose_words

    with plain_errors(context.clock):
        now = context.clock()
        with open_store(context.clock, db_path, demo=demo) as store:
            found = read_patterns(store.own_responses(now - timedelta(weeks=weeks), now), weeks)

    def who(response: OwnResponse) -> str:
        return one_line(response.code if redact else response.name, 28)

    line = summary(found, who)
    if as_json:
        def entry(r: OwnResponse) -> dict[str, Any]:
            return {"client": who(r) if r.client_id is not None else None, "where": where(r, who),
                    "written_at": r.written_at.isoformat(timespec="minutes"),
                    "whose": r.whose.value if r.whose else None, "found_in_text": not r.feelings.strip(),
                    "around_my_break": r.near_break, "around_an_ending": r.near_ending}

        say(json.dumps({
            "weeks": weeks, "how": words.HOW_FOUND, "summary": line,
            "feelings": [{"feeling": g.feeling, "whose": {w.value: n for w, n in g.whose},
                          "responses": [entry(r) for r in g.responses]} for g in found.groups],
            "sequences": [{"first": s.first, "then": s.then, "responses": [entry(r) for r in s.responses]}
                          for s in found.sequences],
            "with_feeling_words": found.named, "found_in_text": found.from_text, "no_feeling_found": found.unnamed,
        }, indent=2))
        return
    say(f"My own responses, the last {numbered(weeks, 'week')} ({words.HOW_FOUND}).")
    say(words.counted(found))
    say(line)
    for group in found.groups:
        say("")
        tally = whose_words(group)
        say(f"{group.feeling} ({len(group.responses)})" + (f" · {tally}" if tally else ""))
        for r in group.responses:
            say(f"  {r.written_at:%e %b %Y}  {listed(r, who)}")
