"""Endings: the work ended (the client graduates), an ending's reflection edited later, news of a
graduate, and a graduate who comes back for a new period of work."""

from __future__ import annotations

from datetime import date, datetime

from ..model import Client, EndedBy, EndingHow, Episode, Reflection
from ..model import Encounter as News
from ..store import Invalid, Store


def end_work(store: Store, client_id: int, ended_on: date, ended_by: EndedBy, how: EndingHow,
             reflection: Reflection, *, close_questions: bool, now: datetime, version: int | None = None) -> Client:
    """End the current period of work: its date, who ended it, how, and the reflection, in one transaction.

    Sessions booked after the ending are removed; with close_questions, open questions are dropped (at `now`).
    `version` is the client's as read when the form opened: a case changed or ended since is refused.
    """
    return store.end_work(client_id, ended_on, ended_by, how, reflection, close_questions, now, version=version)


def edit_ending(store: Store, episode: Episode) -> Episode:
    """Who ended an earlier (or the last) period of work, how, and its reflection, written again later."""
    return store.save_ending(episode)


def reactivate(store: Store, client_id: int, on: date) -> Client:
    """Bring a graduate back: a new period of work begins `on`, every earlier one kept as it was."""
    return store.reactivate(client_id, on)


def add_news(store: Store, news: News) -> News:
    """News of a graduate, or a chance meeting: on or after the day the work ended."""
    with store.transaction():
        client = store.client(news.client_id)
        if client.ended_on is None:
            raise Invalid("News is for a former client; this client's work is still going on.")
        if news.happened_on < client.ended_on:
            raise Invalid(f"The work ended on {client.ended_on:%-d %b %Y}; news comes on or after that day "
                          "(what happened before belongs to the work itself).")
        return store.add_encounter(news)
