"""Writing a lingering thought or a follow-up question, from the dashboard or the day's-end review."""

from __future__ import annotations

from datetime import datetime

from ..model import Question, Thought, ThoughtKind
from ..store import Store


def write_thought(store: Store, *, client_id: int | None, body: str, kind: ThoughtKind, lingering: bool,
                  tell_client: bool, now: datetime, bring_to_supervision: bool = False) -> Thought:
    """A new thought about a client (or, with client_id None, about my own practice), as stored."""
    return store.add_thought(Thought(body=body, written_at=now, client_id=client_id, kind=kind,
                                     lingering=lingering, tell_client=tell_client,
                                     bring_to_supervision=bring_to_supervision))


def ask_question(store: Store, *, client_id: int | None, body: str, now: datetime) -> Question:
    """A new follow-up question to ask next time, as stored."""
    return store.add_question(Question(body=body, asked_at=now, client_id=client_id))
