"""Safety concerns: marking a thought or a question as one, and marking the concern resolved.

A marked note stays in view until its concern is resolved (model/safety.py). Both actions
save the note as it was read when the clinician chose it: if it was changed in another
window since, nothing is saved (the store's Conflict).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import overload

from ..model import Question, SafetyConcern, SafetyMark, Thought
from ..store import Store

Note = Thought | Question


@overload
def mark_concern(store: Store, note: Thought, concern: SafetyConcern, *, now: datetime) -> Thought: ...
@overload
def mark_concern(store: Store, note: Question, concern: SafetyConcern, *, now: datetime) -> Question: ...
def mark_concern(store: Store, note: Note, concern: SafetyConcern, *, now: datetime) -> Note:
    """Mark a thought or question as a safety concern of this kind (marked now); returns it as stored.

    A note already marked keeps the moment it was first marked: only the kind changes, and a
    resolved concern is opened again.
    """
    marked_at = note.safety.marked_at if note.safety is not None and note.safety.open else now
    return _save(store, replace(note, safety=SafetyMark(concern=concern, marked_at=marked_at)))


@overload
def resolve_concern(store: Store, note: Thought, *, now: datetime) -> Thought: ...
@overload
def resolve_concern(store: Store, note: Question, *, now: datetime) -> Question: ...
def resolve_concern(store: Store, note: Note, *, now: datetime) -> Note:
    """Mark a note's safety concern as resolved (now): it leaves the header, the card and the brief's head."""
    if note.safety is None:
        raise ValueError("Only a note marked as a safety concern can be resolved.")
    return _save(store, replace(note, safety=replace(note.safety, resolved_at=now)))


def _save(store: Store, note: Note) -> Note:
    if isinstance(note, Thought):
        return store.update_thought(note)
    return store.update_question(note)
