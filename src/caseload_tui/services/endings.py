"""Endings: a case marked as ended (the client graduates), and a graduate who comes back."""

from __future__ import annotations

from datetime import date, datetime

from ..model import Client, EndingKind, Reflection
from ..store import Store


def graduate(store: Store, client_id: int, ended_on: date, kind: EndingKind, reflection: Reflection, *,
             close_questions: bool, now: datetime, version: int | None = None) -> Client:
    """Mark a case as ended: the date, the kind of ending and the closing reflection, in one transaction.

    Sessions booked after the ending are removed; with close_questions, open questions are dropped (at `now`).
    `version` is the client's as read when the form opened: a case changed or ended since is refused.
    """
    return store.graduate(client_id, ended_on, kind, reflection, close_questions, now, version=version)


def reactivate(store: Store, client_id: int) -> Client:
    """Bring a graduate back as an active client, everything written before kept."""
    return store.reactivate(client_id)
