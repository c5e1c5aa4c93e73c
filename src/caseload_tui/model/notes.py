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


KIND_WORDS: dict[ThoughtKind, KindWords] = {
    # An insight is about the client (what I now see in them), not my own response.
    ThoughtKind.INSIGHT: KindWords("insight", "something I now see", False),
    ThoughtKind.CURIOSITY: KindWords("curiosity", "something I want to understand", False),
    ThoughtKind.HOLDING: KindWords("holding", "a feeling I carry for them", False),
    ThoughtKind.REACTION: KindWords("reaction", "my own response to them", True),
    ThoughtKind.WONDERING: KindWords("wondering", "how they are doing", False),
    ThoughtKind.LEARNING: KindWords("learning", "what this taught me", False),
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


@dataclass
class SearchHit:
    kind: str  # "thought", "question" or "encounter"
    id: int
    client_id: int | None
    client_name: str
    when: str
    body: str
