"""Closing the loop: what became of something to tell a client, and of a supervisor's advice.

At day's end each thing I meant to tell a client I saw is offered: told (and how they took
it), not the moment (kept, offered again), or no longer right (let go). Advice from the last
supervision about them: tried, not yet (offered again), or it does not fit; with how it went,
which becomes the "How it went" of that advice in the next brief.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class LoopWords:
    label: str  # the choice as offered ("not the moment, keep it")
    key: str  # its one-key choice in the form
    done: bool  # the loop is closed: the item is no longer offered
    past: str  # what the thread says of it afterwards ("told")


class TellOutcome(str, enum.Enum):
    TOLD = "told"
    NOT_YET = "not_yet"
    LET_GO = "let_go"

    @property
    def words(self) -> LoopWords:
        return TELL_WORDS[self]

    @property
    def label(self) -> str:
        return TELL_WORDS[self].label


TELL_WORDS: dict[TellOutcome, LoopWords] = {
    TellOutcome.TOLD: LoopWords("told", "1", True, "told"),
    TellOutcome.NOT_YET: LoopWords("not the moment, keep it", "2", False, "kept for another time"),
    TellOutcome.LET_GO: LoopWords("no longer right, let it go", "3", True, "let go, no longer right"),
}

TELL_HEADING = "To tell them I remembered"
HOW_TAKEN_LABEL = "How they took it"


class AdviceOutcome(str, enum.Enum):
    TRIED = "tried"
    NOT_YET = "not_yet"
    DOES_NOT_FIT = "does_not_fit"

    @property
    def words(self) -> LoopWords:
        return ADVICE_WORDS[self]

    @property
    def label(self) -> str:
        return ADVICE_WORDS[self].label


ADVICE_WORDS: dict[AdviceOutcome, LoopWords] = {
    AdviceOutcome.TRIED: LoopWords("tried", "1", True, "tried"),
    AdviceOutcome.NOT_YET: LoopWords("not yet", "2", False, "not tried yet"),
    AdviceOutcome.DOES_NOT_FIT: LoopWords("doesn't fit", "3", True, "doesn't fit"),
}

ADVICE_HEADING = "Advice from supervision to try"
HOW_IT_WENT_LABEL = "How it went"


@dataclass(frozen=True)
class Telling:
    """What became of a thought I meant to tell the client: when, and how they took it."""

    outcome: TellOutcome
    on: datetime
    how_taken: str = ""
