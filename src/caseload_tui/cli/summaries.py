"""`caseload groups` and `brief`: the caseload summed up in text, on the screen or in a file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import config
from ..model.counting import numbered
from ..safe_text import one_line

if TYPE_CHECKING:
    from ..leak_check import Leak

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


@click.command()
@db_option
@click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.option("--redact", is_flag=True, help="Show clients by code only.")
@pass_cli
def groups(context: CliContext, db_path: Path | None, demo: bool, as_json: bool, redact: bool) -> None:
    """Show who are regulars, absentees and graduates, and why."""
    refuse_demo_with_db(db_path, demo)
    from ..rules import group_caseload

    with plain_errors(context.clock):
        settings = config.load_settings()
        now = context.clock()
        with open_store(context.clock, db_path, demo=demo) as store:
            grouped = group_caseload(store.records(now), now, settings.thresholds)
    if as_json:
        doc = {
            group.value: [
                {"name": record.client.code if redact else record.client.name,
                 "code": record.client.code, "label": placement.label, "reason": placement.reason,
                 "pattern": placement.pattern.label if placement.pattern else None,
                 "last_attended": record.last_attended.isoformat(timespec="minutes")
                 if record.last_attended else None,
                 "open_questions": record.open_questions,
                 "lingering_thoughts": record.lingering_thoughts,
                 "bring_to_supervision": record.client.bring_to_supervision}
                for record, placement in members
            ]
            for group, members in grouped.items()
        }
        say(json.dumps(doc, indent=2))
        return
    for group, members in grouped.items():
        say(f"{group.heading} ({len(members)})")
        for record, placement in members:
            client = record.client
            who = client.code if redact else f"{one_line(client.name, 28)} ({one_line(client.code, 12)})"
            say(f"  {who}: {placement.reason}")
        say("")


@click.command()
@db_option
@click.option("--demo", is_flag=True, help="Use the made-up demo caseload.")
@click.option("--since", "since_text", metavar="DATE",
              help="Cover the time since DATE (e.g. 1 nov, 2026-10-01) instead of since the last supervision.")
@click.option("--redact/--names", default=True,
              help="De-identified (the default): clients by their codes, dates as months, no weekday or "
                   "session time. --names writes clients' names and exact dates.")
@click.option("--patterns", "with_patterns", is_flag=True,
              help="Add the section Patterns in me (my own responses grouped by feeling), de-identified like the "
                   "rest, to this brief only. Never added unless asked for, each time.")
@output_options("Write the brief to this file (only you can read it) instead of the screen.")
@pass_cli
def brief(context: CliContext, db_path: Path | None, demo: bool, since_text: str | None, redact: bool,
          with_patterns: bool, output: Path | None, force: bool) -> None:
    """Write the supervision brief in Markdown: safety first, an agenda, then a section per case.

    The cases are the ones flagged for supervision, those chosen on the supervision
    screen (`caseload supervision`) with the questions written there, and those with a
    thought flagged to bring. De-identified unless --names is given; before it is written,
    what in the notes may still identify someone is listed (on the error stream).
    """
    refuse_demo_with_db(db_path, demo)
    refuse_output(output, force, db_path)
    from .. import supervision
    from ..brief import build_brief
    from ..brief_patterns import patterns_for_brief
    from ..leak_check import check_brief
    from ..rules import parse_day

    with plain_errors(context.clock):
        settings = config.load_settings()
        now = context.clock()
        since = parse_day(since_text, now.date()) if since_text is not None else None
        with open_store(context.clock, db_path, demo=demo) as store:
            window = supervision.make_window(store.meetings(), now.date(), since)
            chosen = supervision.chosen_for_brief(store, now, window, settings.thresholds)
            prep = supervision.prepare(store, now, chosen, since, settings.thresholds)
            patterns = patterns_for_brief(store, now) if with_patterns else None
            text = build_brief(prep, redact=redact, patterns=patterns)
    if output is None:
        say(text, nl=False)
    else:
        write_file(output, text)
        say(f"Wrote the supervision brief to {output}.", err=True)
    if redact:
        _report_leaks(check_brief(prep, patterns))


def _report_leaks(leaks: list[Leak]) -> None:
    """What may still identify someone, one a line, on the error stream (never inside the brief)."""
    if not leaks:
        say("Leak check: nothing found that looks like a date, a time or a name.", err=True)
        return
    say(f"Leak check: {numbered(len(leaks), 'thing')} in the notes may still "
               "identify someone. Change a note where it should not leave as written:", err=True)
    for leak in leaks:
        say(f"  {one_line(leak.line(), 200)}", err=True)
