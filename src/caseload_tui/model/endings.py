"""Ending the work: each period of work (an episode), who ended it and how, the closing reflection,
and news of a graduate.

A returning client has several episodes; every one is kept with its own ending and reflection.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields
from datetime import date


class EndedBy(str, enum.Enum):
    """Who ended the work."""

    CLIENT = "client"
    ME = "me"
    BOTH = "both"
    CIRCUMSTANCES = "circumstances"

    @property
    def label(self) -> str:
        return ENDED_BY_LABELS[self]

    @property
    def choice(self) -> str:
        """As the ending form offers it: the label, and what it covers."""
        return f"{self.label} ({ENDED_BY_HINTS[self]})" if self in ENDED_BY_HINTS else self.label


ENDED_BY_LABELS: dict[EndedBy, str] = {
    EndedBy.CLIENT: "the client",
    EndedBy.ME: "me",
    EndedBy.BOTH: "both of us",
    EndedBy.CIRCUMSTANCES: "circumstances",
}
ENDED_BY_HINTS: dict[EndedBy, str] = {EndedBy.CIRCUMSTANCES: "a move, illness, money, a referral on"}


class EndingHow(str, enum.Enum):
    """How the work ended: whether there was a last session, and time to prepare for it."""

    GOODBYE = "goodbye"
    UNPREPARED = "unprepared"
    NO_LAST_SESSION = "no_last_session"

    @property
    def label(self) -> str:
        return ENDING_HOW_LABELS[self]


ENDING_HOW_LABELS: dict[EndingHow, str] = {
    EndingHow.GOODBYE: "with time to say goodbye",
    EndingHow.UNPREPARED: "a last session without preparation",
    EndingHow.NO_LAST_SESSION: "no last session",
}

# The one kind of ending the first versions asked for, kept as written on every episode ended
# then (`Episode.recorded_as`): it mixed who with how, so it is shown, never translated away.
RECORDED_ENDING_WORDS: dict[str, str] = {
    "planned": "planned ending",
    "mutual": "ended by mutual agreement",
    "client_ended": "ended by the client",
    "unplanned": "unplanned ending",
}

# What each former kind says for certain about who and how (the migration's mapping; the rest
# is left for the clinician to answer from the arc).
RECORDED_ENDING_MEANS: dict[str, tuple[EndedBy | None, EndingHow | None]] = {
    "planned": (None, EndingHow.GOODBYE),
    "mutual": (EndedBy.BOTH, None),
    "client_ended": (EndedBy.CLIENT, None),
    "unplanned": (None, None),
}


@dataclass
class Reflection:
    """The closing reflection written when a case ends: every part optional, each editable later."""

    helped: str = ""
    not_helped: str = ""
    they_learned: str = ""
    i_learned: str = ""
    could_not_find: str = ""
    still_wonder: str = ""

    def is_empty(self) -> bool:
        return not any(getattr(self, part.name) for part in fields(self))


# Each part with its title, in the order the form asks them and the arc shows them.
REFLECTION_PARTS: list[tuple[str, str]] = [
    ("helped", "What helped"),
    ("not_helped", "What did not help"),
    ("they_learned", "What they learned"),
    ("i_learned", "What I learned"),
    ("could_not_find", "What we could not find together"),
    ("still_wonder", "What I still wonder"),
]


@dataclass
class Episode:
    """One period of work with a client, from its start to its ending (None while it goes on)."""

    started_on: date
    client_id: int | None = None
    ended_on: date | None = None
    ended_by: EndedBy | None = None
    how: EndingHow | None = None
    reflection: Reflection = field(default_factory=Reflection)
    recorded_as: str = ""  # the former kind of ending, for an episode ended before who and how were asked
    id: int | None = None
    version: int = 1

    @property
    def ended(self) -> bool:
        return self.ended_on is not None

    def ending_words(self) -> str:
        """Who ended it and how, in words ('ended by both of us, with time to say goodbye')."""
        parts = []
        if self.ended_by is not None:
            parts.append(f"ended by {self.ended_by.label}")
        if self.how is not None:
            parts.append(self.how.label)
        if self.recorded_as:
            parts.append(f"recorded as: {RECORDED_ENDING_WORDS.get(self.recorded_as, self.recorded_as)}")
        return ", ".join(parts)


@dataclass
class Encounter:
    """News of a graduate, or a chance meeting: what happened, what it stirred in me, what it taught me."""

    client_id: int
    happened_on: date
    body: str  # what happened
    id: int | None = None
    version: int = 1  # bumped on every edit, so a stale edit can be refused
    stirred: str = ""
    taught: str = ""
