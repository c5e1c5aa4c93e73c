"""Lingering thoughts and follow-up questions, their kinds and states, and the words for them."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from .follow_through import Telling
from .safety import SafetyMark

# Every word the clinician sees for one of these values is defined here, beside the value it
# names; render.py adds only glyphs and colours. tests/unit/test_vocabulary.py checks that each
# member has all its words, so a new member cannot be half-added.


@dataclass(frozen=True)
class KindWords:
    label: str  # the kind's name on screen and in the brief
    hint: str  # what the kind is for, offered beside it in the thought form
    own_response: bool  # about the clinician's own responses (supervision looks for these)


class ThoughtKind(str, enum.Enum):
    INSIGHT = "insight"
    BLIND_SPOT = "blind_spot"
    CURIOSITY = "curiosity"
    HOLDING = "holding"
    REACTION = "reaction"
    WONDERING = "wondering"
    LEARNING = "learning"

    @property
    def words(self) -> KindWords:
        return KIND_WORDS[self]

    @property
    def label(self) -> str:
        return KIND_WORDS[self].label


# The hints are the essay's own senses of each kind, so a thought is filed as the clinician means it
# (holding is not "anything"; a blind spot is about me, an insight about them).
KIND_WORDS: dict[ThoughtKind, KindWords] = {
    ThoughtKind.INSIGHT: KindWords("insight", "something I now see about them", False),
    ThoughtKind.BLIND_SPOT: KindWords("blind spot", "what I missed in the room, and why", True),
    ThoughtKind.CURIOSITY: KindWords(
        "curiosity", "I want to know what happens next: what does my wanting say about them?", False),
    ThoughtKind.HOLDING: KindWords("holding", "a feeling they cannot yet feel, that I carry until they can", False),
    ThoughtKind.REACTION: KindWords(
        "reaction", "what I felt with them (countertransference): mine, theirs, both, or not sure?", True),
    ThoughtKind.WONDERING: KindWords("wondering", "how they are doing now", False),
    ThoughtKind.LEARNING: KindWords("learning", "what this taught me about my work", False),
}


class Whose(str, enum.Enum):
    """Whose feeling a reaction is: the question countertransference asks."""

    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"
    NOT_SURE = "not_sure"

    @property
    def label(self) -> str:
        return WHOSE_LABELS[self]


WHOSE_LABELS: dict[Whose, str] = {
    Whose.MINE: "mine",
    Whose.THEIRS: "theirs",
    Whose.BOTH: "both",
    Whose.NOT_SURE: "not sure",
}


class QuestionStatus(str, enum.Enum):
    OPEN = "open"
    ANSWERED = "answered"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        return QUESTION_LABELS[self]


QUESTION_LABELS: dict[QuestionStatus, str] = {
    QuestionStatus.OPEN: "open",
    QuestionStatus.ANSWERED: "answered",
    QuestionStatus.DROPPED: "dropped",
}


@dataclass
class Thought:
    body: str
    written_at: datetime
    client_id: int | None = None  # None: about my own practice
    kind: ThoughtKind = ThoughtKind.HOLDING
    lingering: bool = True
    tell_client: bool = False
    id: int | None = None
    version: int = 1
    bring_to_supervision: bool = False  # flagged to bring, whatever its age
    brought_to: int | None = None  # the supervision meeting it was brought to, once brought
    whose: Whose | None = None  # a reaction's: whose feeling it is (None: not asked, as before issue 17)
    feelings: str = ""  # a reaction's feeling words, in the clinician's own words
    safety: SafetyMark | None = None  # marked as a safety concern (model/safety.py)
    cue: str = ""  # for a thought to tell them: what might prompt it in the session, if written
    telling: Telling | None = None  # for a thought to tell them: what became of it (model/follow_through.py)

    @property
    def still_to_tell(self) -> bool:
        """Something to tell the client that is still offered: not yet told nor let go."""
        return self.tell_client and (self.telling is None or not self.telling.outcome.words.done)


@dataclass
class Question:
    body: str
    asked_at: datetime
    client_id: int | None = None
    status: QuestionStatus = QuestionStatus.OPEN
    answer: str = ""
    closed_at: datetime | None = None
    id: int | None = None
    version: int = 1
    safety: SafetyMark | None = None  # marked as a safety concern (model/safety.py)
