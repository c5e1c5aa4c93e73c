"""Clinical supervision: meetings and the cases brought to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .follow_through import AdviceOutcome


@dataclass
class SupervisionItem:
    client_id: int
    question: str = ""
    advice: str = ""
    outcome: str = ""  # how it went (the brief's "How it went")
    id: int | None = None
    meeting_id: int | None = None
    tried: AdviceOutcome | None = None  # whether the advice was tried (model/follow_through.py)

    @property
    def still_to_try(self) -> bool:
        """Advice that is still offered before a session: given, and not yet tried nor found not to fit."""
        return bool(self.advice.strip()) and (self.tried is None or not self.tried.words.done)

    @property
    def how_it_went(self) -> str:
        """How it went, with whether it was tried in front ("tried: ..."), or "" if neither was recorded."""
        if self.tried is None:
            return self.outcome
        return f"{self.tried.words.past}: {self.outcome}" if self.outcome.strip() else self.tried.words.past


@dataclass
class SupervisionMeeting:
    held_on: date  # for a planned meeting: the day it is planned for
    notes: str = ""
    items: list[SupervisionItem] = field(default_factory=list)
    id: int | None = None
    planned: bool = False  # prepared, not yet held
