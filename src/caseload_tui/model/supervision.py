"""Clinical supervision: meetings and the cases brought to them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class SupervisionItem:
    client_id: int
    question: str = ""
    advice: str = ""
    outcome: str = ""
    id: int | None = None
    meeting_id: int | None = None


@dataclass
class SupervisionMeeting:
    held_on: date  # for a planned meeting: the day it is planned for
    notes: str = ""
    items: list[SupervisionItem] = field(default_factory=list)
    id: int | None = None
    planned: bool = False  # prepared, not yet held
