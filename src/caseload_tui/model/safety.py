"""The safety marker: a thought or question marked as a safety concern, until it is resolved.

A marked note stays in view (the client's header, the before-the-session card, the head of
the supervision brief) for as long as its concern is open, whatever else becomes of the note:
let go, answered or dropped, it still shows until the clinician marks the concern resolved.
Privacy mode hides a marked note's words but never the marker.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class ConcernWords:
    label: str  # what the marker says on screen and in the brief ("risk to self")
    key: str  # its one-key choice when a note is marked


class SafetyConcern(str, enum.Enum):
    RISK_TO_SELF = "risk_to_self"
    RISK_TO_OTHERS = "risk_to_others"
    SAFEGUARDING = "safeguarding"

    @property
    def label(self) -> str:
        return CONCERN_WORDS[self].label

    @property
    def key(self) -> str:
        return CONCERN_WORDS[self].key


CONCERN_WORDS: dict[SafetyConcern, ConcernWords] = {
    SafetyConcern.RISK_TO_SELF: ConcernWords("risk to self", "1"),
    SafetyConcern.RISK_TO_OTHERS: ConcernWords("risk to others", "2"),
    SafetyConcern.SAFEGUARDING: ConcernWords("safeguarding", "3"),
}

SAFETY_HEADING = "Safety concern"  # the words beside the marker wherever it is shown


@dataclass(frozen=True)
class SafetyMark:
    """A note's safety concern: what kind, when it was marked, and when (if yet) it was resolved."""

    concern: SafetyConcern
    marked_at: datetime
    resolved_at: datetime | None = None

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    @property
    def words(self) -> str:
        state = "" if self.open else " (resolved)"
        return f"{SAFETY_HEADING.lower()}: {self.concern.label}{state}"


class MarkedNote(Protocol):
    """A thought or a question, as far as its safety marker goes."""

    client_id: int | None
    body: str
    safety: SafetyMark | None


def concern_open(note: MarkedNote) -> bool:
    """Whether the note carries a safety concern not yet resolved (it stays in view until then)."""
    return note.safety is not None and note.safety.open
