"""What a calendar or report import did, or would do, in the clinician's words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from .. import model as m
from ..model.counting import plural
from ..safe_text import one_line
from .session_files import SessionFile, describe_moment

if TYPE_CHECKING:
    from ..store import SessionChanges


# Importing into a caseload with no one in it yet (issue 20: each event said "no client's code or name").
NO_CLIENTS_YET = ("Your caseload has no clients yet, so no {entry} could be matched to anyone and nothing would be "
                  "imported. Add your clients first (c on the dashboard, or `caseload import` a caseload file), "
                  "then import the {file} again: each {entry} is matched by the client's code or name.")


def no_clients_yet(source: str) -> str:
    calendar = source.startswith("ics:")
    return NO_CLIENTS_YET.format(entry="event" if calendar else "row", file="calendar" if calendar else "report")


def describe_changes(found: SessionFile, changes: SessionChanges, clients: list[m.Client],
                     dry_run: bool) -> list[str]:
    """The lines to print: a summary, then each change, then what was not imported."""
    by_id = {c.id: c for c in clients}

    def who(client_id: int) -> str:
        client = by_id.get(client_id)
        if client is None:
            return "a client"
        return f"{one_line(client.name, 28)} ({one_line(client.code, 12)})"

    def session(a: m.Appointment) -> str:
        return f"{who(a.client_id)} {describe_moment(a.starts_at)}"

    if not clients and found.not_imported:  # each event would only say it names no client
        return [f"{_source_words(found.source)}:", no_clients_yet(found.source)]
    verbs = ("Would add", "change", "remove") if dry_run else ("Added", "changed", "removed")
    lines = [
        f"{verbs[0]} {len(changes.added)}, {verbs[1]} {len(changes.changed)} and {verbs[2]} "
        f"{len(changes.removed)} {_sessions(len(changes.added) + len(changes.changed) + len(changes.removed))}"
        f"; {changes.left_alone} left alone (already as the file says, or recorded by you)."
    ]
    lines.insert(0, f"{_source_words(found.source)}{_span(found)}:")
    added = Counter(a.client_id for a in changes.added)
    for client_id, n in sorted(added.items(), key=lambda pair: who(pair[0]).casefold()):
        lines.append(f"  {'would add' if dry_run else 'added'}: {who(client_id)}, {n} {_sessions(n)}")
    for before, after in changes.changed:
        lines.append(f"  {'would change' if dry_run else 'changed'}: {session(before)}: "
                     f"{_difference(before, after, who)}")
    for gone in changes.removed:
        lines.append(f"  {'would remove' if dry_run else 'removed'}: {session(gone)} "
                     "(no longer in the file; nothing was recorded for it)")
    for kept, said in changes.kept:
        lines.append(f"  kept as you recorded it: {session(kept)} ({kept.status.label}); "
                     f"the file says {_what_file_says(kept, said, who)}")
    if found.not_imported:
        lines.append(f"Not imported ({sum(1 + e.more for e in found.not_imported)}): these name no client, "
                     "or more than one, or fall after the work ended; nothing was guessed.")
        for entry in found.not_imported:
            more = f" (and {entry.more} more {plural(entry.more, 'time')})" if entry.more else ""
            lines.append(f"  {entry.where}{more}: {entry.reason}")
    lines += [f"Note: {note}." for note in found.notes]
    return lines


def _sessions(n: int) -> str:
    return plural(n, "session")


def _span(found: SessionFile) -> str:
    """The days the file's own sessions fall on (never the weeks read, which are wider: issue 20)."""
    if not found.sessions:
        if found.covers is None:
            return ", no sessions"
        start, end = found.covers
        return f", no sessions from {_days(start.date(), end.date())}"
    days = sorted(a.starts_at.date() for a in found.sessions)
    first, last = days[0], days[-1]
    return f", sessions on {last:%-d %b %Y}" if first == last else f", sessions from {_days(first, last)}"


def _days(first: date, last: date) -> str:
    """'27 Nov to 3 Dec 2026', or with both years when they differ."""
    return f"{first:%-d %b}{'' if first.year == last.year else f' {first:%Y}'} to {last:%-d %b %Y}"


def _source_words(source: str) -> str:
    kind, _, name = source.partition(":")
    if kind == "ics":
        return f"Calendar “{one_line(name, 40)}”"
    return f"Appointment report ({one_line(name, 20)} status words)"


def _difference(before: m.Appointment, after: m.Appointment, who: Callable[[int], str]) -> str:
    parts = []
    if before.starts_at != after.starts_at:
        parts.append(f"moved to {describe_moment(after.starts_at)}")
    if before.status is not after.status:
        parts.append(f"now {after.status.label}")
    if before.client_id != after.client_id:
        parts.append(f"now with {who(after.client_id)}")
    return ", ".join(parts)


def _what_file_says(kept: m.Appointment, said: m.Appointment, who: Callable[[int], str]) -> str:
    parts = []
    if said.starts_at != kept.starts_at:
        parts.append(describe_moment(said.starts_at))
    if said.client_id != kept.client_id:
        parts.append(f"with {who(said.client_id)}")
    if said.status not in (m.Status.SCHEDULED, kept.status):
        parts.append(said.status.label)
    return ", ".join(parts)
