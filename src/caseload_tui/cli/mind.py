"""`caseload mind`: who took my mind and who took the room, over a window of weeks."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import click

from ..model import mind as words
from ..model.counting import numbered
from ..model.mind import MindAndRoom, MindReading
from ..safe_text import one_line
from .common import CliContext, db_option, open_store, pass_cli, plain_errors, refuse_demo_with_db, say

weeks_option = click.option("--weeks", type=click.IntRange(1, 520), default=words.DEFAULT_WEEKS, show_default=True,
                            help="How many weeks back to look, up to now.")


@click.command()
@db_option
@click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")
@weeks_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--redact", is_flag=True, help="Show clients by code only.")
@pass_cli
def mind(context: CliContext, db_path: Path | None, demo: bool, weeks: int, as_json: bool, redact: bool) -> None:
    """Who I carry most though they come least, and who comes steadily yet seldom crosses my mind."""
    refuse_demo_with_db(db_path, demo)
    from ..rules.mind import read_mind

    with plain_errors(context.clock):
        now = context.clock()
        with open_store(context.clock, db_path, demo=demo) as store:
            reading = read_mind(store.mind_and_room(now - timedelta(weeks=weeks), now), weeks)
    if as_json:
        say(json.dumps(_document(reading, now.isoformat(timespec="minutes"), redact), indent=2))
        return
    for line in text_lines(reading, redact):
        say(line)


def _who(row: MindAndRoom, redact: bool) -> str:
    return row.code if redact else row.name


def _document(reading: MindReading, until: str, redact: bool) -> dict[str, Any]:
    def named(rows: tuple[MindAndRoom, ...]) -> list[str]:
        return [_who(r, redact) for r in rows]

    return {
        "weeks": reading.weeks, "until": until,
        "carried": {"heading": words.CARRIED_HEADING, "rule": words.CARRIED_RULE, "clients": named(reading.carried)},
        "steady_seldom_in_mind": {"heading": words.UNSEEN_HEADING, "rule": words.UNSEEN_RULE,
                                  "clients": named(reading.unseen)},
        "too_new": words.TOO_NEW_RULE,
        "clients": [{"name": _who(r, redact), "code": r.code, "thoughts": r.thoughts, "questions": r.questions,
                     "lingering": r.lingering, "words": r.words, "came": r.came, "missed": r.missed}
                    for r in reading.clients],
    }


def text_lines(reading: MindReading, redact: bool) -> list[str]:
    """The contrasts in words, then a table of every active client, most in mind first."""
    def names(rows: tuple[MindAndRoom, ...]) -> str:
        return ", ".join(one_line(_who(r, redact), 28) for r in rows) or words.NOBODY

    lines = [f"The last {numbered(reading.weeks, 'week')}.",
             f"{words.CARRIED_HEADING}: {names(reading.carried)}.", f"  ({words.CARRIED_RULE})",
             f"{words.UNSEEN_HEADING}: {names(reading.unseen)}.", f"  ({words.UNSEEN_RULE})",
             f"  ({words.TOO_NEW_RULE})", ""]
    lines.append(f"{words.COLUMNS[0]:<28}" + "".join(f"{c:>10}" for c in words.COLUMNS[1:]))
    for r in reading.clients:
        counts = (r.thoughts, r.questions, r.lingering, r.words, r.came, r.missed)
        lines.append(f"{one_line(_who(r, redact), 28):<28}" + "".join(f"{n:>10}" for n in counts))
    return lines
