"""Clinical supervision: meetings and the cases brought to them, and the words for them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from .follow_through import AdviceOutcome


class Setting(str, enum.Enum):
    """Whether a supervision was one to one or in a group (licensing boards count them apart)."""

    INDIVIDUAL = "individual"
    GROUP = "group"

    @property
    def label(self) -> str:
        return SETTING_LABELS[self]


SETTING_LABELS: dict[Setting, str] = {
    Setting.INDIVIDUAL: "individual",
    Setting.GROUP: "group",
}


@dataclass(frozen=True)
class NeedWords:
    label: str  # in the brief: "What I need today: to think it through"
    choice: str  # in the form, one word: "think"


class Need(str, enum.Enum):
    """What I need from supervision about a case today (Proctor's three functions, in my words)."""

    THINK = "think"
    DECIDE = "decide"
    SUPPORT = "support"

    @property
    def words(self) -> NeedWords:
        return NEED_WORDS[self]

    @property
    def label(self) -> str:
        return NEED_WORDS[self].label


NEED_WORDS: dict[Need, NeedWords] = {
    Need.THINK: NeedWords("to think it through", "think"),
    Need.DECIDE: NeedWords("to decide something", "decide"),
    Need.SUPPORT: NeedWords("support", "support"),
}


@dataclass(frozen=True)
class BringWords:
    marker: str  # beside a thought flagged to bring
    brought: str  # beside a thought once brought
    flagged: str  # the notice when it is flagged
    unflagged: str  # the notice when the flag is cleared


BRING_WORDS = BringWords(marker="to supervision", brought="brought to supervision",
                         flagged="Flagged to bring to supervision: the brief will carry it until it is brought.",
                         unflagged="No longer flagged to bring to supervision.")


@dataclass
class SupervisionItem:
    client_id: int
    question: str = ""
    advice: str = ""
    outcome: str = ""  # how it went (the brief's "How it went")
    id: int | None = None
    meeting_id: int | None = None
    # The optional structure of a case, each shown only when written.
    tried: str = ""  # what I have tried
    between_us: str = ""  # what happens between us
    need: Need | None = None  # what I need today
    advice_tried: AdviceOutcome | None = None  # whether the advice was tried (model/follow_through.py)

    @property
    def still_to_try(self) -> bool:
        """Advice that is still offered before a session: given, and not yet tried nor found not to fit."""
        return bool(self.advice.strip()) and (self.advice_tried is None or not self.advice_tried.words.done)

    @property
    def how_it_went(self) -> str:
        """How it went, with whether it was tried in front ("tried: ..."), or "" if neither was recorded."""
        if self.advice_tried is None:
            return self.outcome
        past = self.advice_tried.words.past
        return f"{past}: {self.outcome}" if self.outcome.strip() else past


@dataclass
class SupervisionMeeting:
    held_on: date  # for a planned meeting: the day it is planned for
    notes: str = ""
    items: list[SupervisionItem] = field(default_factory=list)
    id: int | None = None
    planned: bool = False  # prepared, not yet held
    supervisor: str = ""
    minutes: int = 0  # how long it lasted (0: not recorded)
    setting: Setting = Setting.INDIVIDUAL
    version: int = 1  # bumped on every save (its items' too), so a stale plan is refused
