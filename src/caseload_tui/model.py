"""The caseload's vocabulary: plain dataclasses and enums, no I/O."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime


class Status(str, enum.Enum):
    """What happened to one scheduled session."""

    SCHEDULED = "scheduled"
    ATTENDED = "attended"
    LATE = "late"
    CANCELLED = "cancelled"
    LATE_CANCELLED = "late_cancelled"
    NO_SHOW = "no_show"
    CLINICIAN_CANCELLED = "clinician_cancelled"
    RESCHEDULED = "rescheduled"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    Status.SCHEDULED: "not yet recorded",
    Status.ATTENDED: "came",
    Status.LATE: "came late",
    Status.CANCELLED: "cancelled",
    Status.LATE_CANCELLED: "cancelled late",
    Status.NO_SHOW: "did not come",
    Status.CLINICIAN_CANCELLED: "I cancelled",
    Status.RESCHEDULED: "moved to another time",
}

CAME = frozenset({Status.ATTENDED, Status.LATE})
MISSED = frozenset({Status.CANCELLED, Status.LATE_CANCELLED, Status.NO_SHOW})
# Sessions that say something about the client's attendance; clinician
# cancellations, moved sessions and unrecorded ones say nothing.
COUNTED = CAME | MISSED


class EndingKind(str, enum.Enum):
    PLANNED = "planned"
    MUTUAL = "mutual"
    CLIENT_ENDED = "client_ended"
    UNPLANNED = "unplanned"

    @property
    def label(self) -> str:
        return {
            "planned": "planned ending",
            "mutual": "ended by mutual agreement",
            "client_ended": "ended by the client",
            "unplanned": "unplanned ending",
        }[self.value]


class ThoughtKind(str, enum.Enum):
    INSIGHT = "insight"
    CURIOSITY = "curiosity"
    HOLDING = "holding"
    REACTION = "reaction"
    WONDERING = "wondering"
    LEARNING = "learning"


class QuestionStatus(str, enum.Enum):
    OPEN = "open"
    ANSWERED = "answered"
    DROPPED = "dropped"


class Group(str, enum.Enum):
    REGULARS = "regulars"
    ABSENTEES = "absentees"
    GRADUATES = "graduates"

    @property
    def title(self) -> str:
        return self.value.capitalize()

    @property
    def singular(self) -> str:
        return {"regulars": "a regular", "absentees": "an absentee",
                "graduates": "a graduate"}[self.value]


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
class Client:
    name: str
    code: str
    started_on: date
    id: int | None = None
    ended_on: date | None = None
    ending_kind: EndingKind | None = None
    schedule: str = ""  # an RRULE body such as FREQ=WEEKLY;BYDAY=TU;BYHOUR=10
    themes: str = ""
    bring_to_supervision: bool = False
    reflection: Reflection = field(default_factory=Reflection)
    version: int = 1  # bumped on every edit, so a stale edit can be refused

    @property
    def active(self) -> bool:
        return self.ended_on is None


@dataclass
class Appointment:
    client_id: int
    starts_at: datetime
    status: Status = Status.SCHEDULED
    id: int | None = None
    note: str = ""
    source: str = ""
    source_uid: str = ""


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


@dataclass
class Encounter:
    client_id: int
    happened_on: date
    body: str
    id: int | None = None


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


@dataclass
class Session:
    """One past session as the grouping rules see it."""

    starts_at: datetime
    status: Status


@dataclass
class ClientRecord:
    """A client with what the grouping rules and the list need, read in one query."""

    client: Client
    recent: list[Session]  # newest first, past sessions only
    last_attended: datetime | None
    next_booked: datetime | None
    open_questions: int
    lingering_thoughts: int


@dataclass
class Placement:
    """Where a client belongs and why, in a sentence."""

    group: Group
    reason: str


@dataclass
class AttendanceSummary:
    last_attended: datetime | None
    next_expected: datetime | None
    missed_share: float | None  # of counted sessions in the window; None with none counted
    counted_in_window: int
    missed_in_window: int
    strip: list[Status | None]  # last 8 outcomes, oldest first, None where there was none


@dataclass
class SearchHit:
    kind: str  # "thought", "question" or "encounter"
    id: int
    client_id: int | None
    client_name: str
    when: str
    body: str


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
