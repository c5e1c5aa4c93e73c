"""Closing the loop at day's end: what became of something to tell a client, and of supervision's advice."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..model import AdviceOutcome, SupervisionItem, Telling, TellOutcome, Thought
from ..store import Store


def close_telling(store: Store, thought: Thought, outcome: TellOutcome, *, how_taken: str,
                  now: datetime) -> Thought:
    """Told them (and how they took it), not the moment (kept, offered again), or let go; returns it as stored.

    `thought` is as read when the clinician chose it: changed in another window since, nothing is saved.
    """
    if not thought.tell_client:
        raise ValueError("Only a thought to tell them can be marked told.")
    return store.update_thought(replace(thought, telling=Telling(outcome=outcome, on=now, how_taken=how_taken)))


def close_advice(store: Store, item: SupervisionItem, outcome: AdviceOutcome, *, how_it_went: str) -> None:
    """Tried, not yet, or it does not fit; how it went becomes that advice's "How it went" in the next brief.

    An empty `how_it_went` keeps what was written before.
    """
    if item.id is None:
        raise ValueError("Only advice from a recorded supervision can be followed through.")
    store.set_item_follow_through(item.id, outcome, how_it_went if how_it_went.strip() else item.outcome)
