"""Ending the work: how a case ended, the closing reflection, and news of a graduate."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class EndingKind(str, enum.Enum):
    PLANNED = "planned"
    MUTUAL = "mutual"
    CLIENT_ENDED = "client_ended"
    UNPLANNED = "unplanned"

    @property
    def label(self) -> str:
        return ENDING_LABELS[self]


ENDING_LABELS: dict[EndingKind, str] = {
    EndingKind.PLANNED: "planned ending",
    EndingKind.MUTUAL: "ended by mutual agreement",
    EndingKind.CLIENT_ENDED: "ended by the client",
    EndingKind.UNPLANNED: "unplanned ending",
}


@dataclass
class Reflection:
    """The closing reflection written when a case ends."""

    helped: str = ""
    not_helped: str = ""
    they_learned: str = ""
    i_learned: str = ""

    def is_empty(self) -> bool:
        return not (self.helped or self.not_helped or self.they_learned or self.i_learned)


@dataclass
class Encounter:
    client_id: int
    happened_on: date
    body: str
    id: int | None = None
    version: int = 1  # bumped on every edit, so a stale edit can be refused
