"""Patterns in me: my own responses (thoughts of a kind that is an own response) grouped by feeling.

A reaction's feelings are its feeling words, as the clinician gave them (issue 17's thought form
asks for them, with whose feeling it is). A note written without any (a blind spot, or a
reaction written before the form asked) has its feelings found in its text, from the small fixed
list below (a word or its usual forms); the screen and the command say which is which.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .notes import Whose

DEFAULT_WEEKS = 52  # a year: patterns in me show over seasons, not weeks

# Each feeling and the beginnings of the words that name it ("relie" finds relief and relieved). A
# feeling word given as one of these forms ("relieved", "guilty") is grouped under the feeling's name.
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

HOW_FOUND = ("feelings as I named them in a reaction's feeling words; in a note written without them, "
             "found in its text from a short fixed list")
FROM_TEXT = "found in its text"  # beside a response whose feelings came from its text, not its feeling words
WHOSE = "whose: {}"  # beside a reaction that says whose feeling it was
AROUND_BREAK = "around my own break"
AROUND_ENDING = "around an ending"
MY_PRACTICE = "my practice"
NO_PATTERN = "No feeling came more than once in this window."


@dataclass(slots=True)  # not frozen: thousands are made at each reading, and a frozen one takes twice as long
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
    whose: Whose | None = None  # a reaction's: whose feeling it was, if said
    feelings: str = ""  # a reaction's feeling words, as the clinician gave them
    # Without feeling words: the listed feelings the search index found in the body (in FEELINGS'
    # order). The store gives `body` only when it holds two or more, whose order needs reading.
    in_text: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeelingGroup:
    """A feeling and every own response it was found in, the earliest first."""

    feeling: str
    responses: tuple[OwnResponse, ...]
    whose: tuple[tuple[Whose, int], ...] = ()  # how often it was said to be mine, theirs..., where said


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
    unnamed: int  # own responses without feeling words, in whose text no feeling from the list was found
    from_text: int = 0  # own responses without feeling words whose feelings were found in their text
    named: int = 0  # own responses with feeling words


def counted(found: Patterns) -> str:
    """How the feelings were found, in numbers ("3 with my feeling words · 2 found in their text · ...")."""
    return (f"{found.named} with my feeling words · {found.from_text} found in their text · "
            f"{found.unnamed} with no feeling found")


# The brief's section: added only when the clinician says yes, for that one brief (never remembered).
BRIEF_TITLE = "Patterns in me"
BRIEF_AGREED = "Added to this brief only because I chose to add it, this time"
ASK_FOR_BRIEF = ("Add “Patterns in me” to this brief?\n\nMy own responses grouped by feeling, with the "
                 "clients each came with (de-identified like the rest of the brief). Asked each time; "
                 "never remembered.")
ADD_TO_BRIEF, LEAVE_OUT_OF_BRIEF = "Add it", "Leave it out"
