"""A client, the record the grouping rules read, and a whole caseload for import and export."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from .attendance import Appointment, Break, Session
from .counting import numbered
from .dates import DateThatMatters
from .endings import Encounter, Episode
from .notes import Question, Thought
from .supervision import SupervisionMeeting


@dataclass
class Client:
    name: str
    code: str
    started_on: date  # when the current period of work began (its episode's start)
    id: int | None = None
    ended_on: date | None = None  # when the current period of work ended; who, how and why are its Episode's
    schedule: str = ""  # an RRULE body such as FREQ=WEEKLY;BYDAY=TU;BYHOUR=10
    themes: str = ""
    bring_to_supervision: bool = False
    version: int = 1  # bumped on every edit, so a stale edit can be refused

    @property
    def active(self) -> bool:
        return self.ended_on is None


@dataclass(slots=True)
class ClientRecord:
    """A client with what the grouping rules and the list need, read in one query."""

    client: Client
    recent: Sequence[Session]  # newest first, past sessions only (the store's are parsed when first read)
    last_attended: datetime | None
    next_booked: datetime | None
    open_questions: int
    lingering_thoughts: int
    # Days ahead that already hold a session (booked, moved or cancelled): the schedule's own
    # session on such a day is not "next", whatever became of the one there.
    settled_ahead: frozenset[date] = frozenset()
    breaks: Sequence[Break] = ()  # my breaks, the same for every client


@dataclass
class CaseloadData:
    """A whole caseload, as imported or exported.

    In this form a record's client_id (and a supervision item's) is the
    1-based position of its client in `clients`, not a database id: the
    store translates both ways, so a caseload moves between files intact.
    """

    clients: list[Client] = field(default_factory=list)
    appointments: list[Appointment] = field(default_factory=list)
    thoughts: list[Thought] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    encounters: list[Encounter] = field(default_factory=list)
    meetings: list[SupervisionMeeting] = field(default_factory=list)
    episodes: list[Episode] = field(default_factory=list)  # every period of work, oldest first per client
    breaks: list[Break] = field(default_factory=list)  # mine, for no one client
    dates: list[DateThatMatters] = field(default_factory=list)


# What a caseload holds, each as a count of it reads (one, many): the import's summary and
# `caseload check` say them ("3 clients, 1 piece of news, 2 supervisions").
HOLDINGS: dict[str, tuple[str, str]] = {
    "clients": ("client", "clients"),
    "sessions": ("session", "sessions"),
    "thoughts": ("thought", "thoughts"),
    "questions": ("question", "questions"),
    "news": ("piece of news", "pieces of news"),
    "supervisions": ("supervision", "supervisions"),
    "dates that matter": ("date that matters", "dates that matter"),
    "my breaks": ("break of mine", "breaks of mine"),
}


def holdings_in_words(counts: dict[str, int]) -> str:
    """{"clients": 3, "news": 1} as "3 clients, 1 piece of news" (keys from HOLDINGS)."""
    return ", ".join(numbered(n, *HOLDINGS[part]) for part, n in counts.items())
