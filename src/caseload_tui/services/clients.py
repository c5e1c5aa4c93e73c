"""Clients: adding one (with a code allocated), editing one, and what a code or a schedule may be."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from ..model import Client
from ..rules import ScheduleError, describe_schedule, parse_schedule
from ..store import Store

CODE_TAKEN = "Another client already has that code; each client needs their own."


def next_code(clients: Iterable[Client]) -> str:
    """The code offered to a new client: one more than the highest C-NNN code in use (C-001 to start)."""
    numbers = [int(c.code[2:]) for c in clients if c.code.startswith("C-") and c.code[2:].isdigit()]
    return f"C-{(max(numbers) + 1) if numbers else 1:03d}"


def code_problem(code: str, own_id: int | None, clients: Iterable[Client]) -> str | None:
    """Why a client (`own_id`, or None for a new one) cannot have this code, or None if they can."""
    if any(c.code == code and c.id != own_id for c in clients):
        return CODE_TAKEN
    return None


def add_client(store: Store, *, name: str, started_on: date, code: str = "", schedule: str = "",
               themes: str = "") -> Client:
    """Add a client; with no code given, the next free one is allocated in the same transaction.

    `schedule` is an RRULE (rules.parse_schedule reads one from words); the store refuses a code
    another client has.
    """
    with store.transaction():
        if not code:
            code = next_code(store.clients())
        return store.add_client(Client(name=name, code=code, started_on=started_on, schedule=schedule,
                                       themes=themes))


def edit_client(store: Store, client: Client, *, name: str, code: str, started_on: date, schedule: str,
                themes: str) -> Client | None:
    """Save what was changed in a client's details; None (and nothing written) if nothing was.

    `client` is the client as read before the form was opened: if another window changed them
    since, nothing is saved (the store's Conflict).
    """
    edited = replace(client, name=name, code=code, started_on=started_on, schedule=schedule, themes=themes)
    if edited == client:
        return None  # leave the stored bytes alone
    return store.update_client(edited)


def schedule_words(schedule: str) -> str:
    """A stored RRULE the way it can be typed back: words if they say the same, else the rule itself."""
    if not schedule:
        return ""
    try:
        words = describe_schedule(schedule).replace(",", "").replace(" and ", " ")
        words = words.replace("twice weekly", "weekly")
        if parse_schedule(words) == schedule:
            return words
    except ScheduleError:
        pass
    return schedule
