"""Patterns in me: my own responses (thoughts of a kind that is an own response) grouped by feeling.

Until thoughts carry feeling words of their own, a feeling is found in a note's text from the
small fixed list below (a word or its usual forms); the screen and the command say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

DEFAULT_WEEKS = 52  # a year: patterns in me show over seasons, not weeks

# Each feeling and the beginnings of the words that name it ("relie" finds relief and relieved).
FEELINGS: dict[str, tuple[str, ...]] = {
    "relief": ("relief", "relieved"),
    "guilt": ("guilt",),
    "resentment": ("resent",),
    "irritation": ("irritat", "annoy"),
    "anger": ("anger", "angry"),
    "hurt": ("hurt",),
    "sadness": ("sad", "grief"),
    "fear": ("fear", "afraid", "frighten", "dread"),
    "anxiety": ("anxious", "anxiety", "worried"),
    "shame": ("shame", "ashamed"),
    "tenderness": ("tender",),
    "protectiveness": ("protective",),
    "pleasure": ("pleasure", "pleased", "happier", "happy", "glad"),
    "boredom": ("bored", "boredom"),
    "rushed": ("rushed", "hurried"),
    "wish to rescue": ("rescue",),
}

FOUND_IN_TEXT = "feelings found in the words of my own responses, from a short fixed list"
AROUND_BREAK = "around my own break"
AROUND_ENDING = "around an ending"
MY_PRACTICE = "my practice"
NO_PATTERN = "No feeling came more than once in this window."


@dataclass(frozen=True)
class OwnResponse:
    """One of my own responses, with where it sat: whose it was about, near one of my breaks, near an ending."""

    thought_id: int
    written_at: datetime
    body: str
    client_id: int | None  # None: about my practice
    name: str = ""
    code: str = ""
    near_break: bool = False  # written in one of my breaks, or in the week before one
    near_ending: bool = False  # written in the fortnight around the client's ending


@dataclass(frozen=True)
class FeelingGroup:
    """A feeling and every own response it was found in, the earliest first."""

    feeling: str
    responses: tuple[OwnResponse, ...]


@dataclass(frozen=True)
class FeelingSequence:
    """One feeling followed by another in the same note, and the notes where it happened."""

    first: str
    then: str
    responses: tuple[OwnResponse, ...]


@dataclass(frozen=True)
class Patterns:
    weeks: int
    groups: tuple[FeelingGroup, ...]  # the feelings found most often first
    sequences: tuple[FeelingSequence, ...]  # "relief, then guilt": those found in two notes or more
    unnamed: int  # own responses in which no feeling from the list was found
