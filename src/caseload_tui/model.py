"""The caseload's vocabulary: plain dataclasses and enums, no I/O."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

# Every word the clinician sees for one of these values is defined here, beside the value it
# names; render.py adds only glyphs and colours. tests/unit/test_vocabulary.py checks that each
# member has all its words, so a new member cannot be half-added. Adding a value:
# docs/ARCHITECTURE.md, "Adding an attendance status".


@dataclass(frozen=True)
class StatusWords:
    label: str  # what happened, as a choice and in sentences: "came", "I cancelled"
    tally: str  # after a number in the day's summary: "2 came", "1 cancelled by me"
    key: str  # its one-key choice in the day's-end review ("" for none)
    counts_as: str  # "came", "missed", or "" when it says nothing about the client's attendance


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
    def words(self) -> StatusWords:
        return STATUS_WORDS[self]

    @property
    def label(self) -> str:
        return STATUS_WORDS[self].label


STATUS_WORDS: dict[Status, StatusWords] = {
    Status.SCHEDULED: StatusWords("not yet recorded", "not yet recorded", "", ""),
    Status.ATTENDED: StatusWords("came", "came", "1", "came"),
    Status.LATE: StatusWords("came late", "came late", "2", "came"),
    Status.CANCELLED: StatusWords("cancelled", "cancelled", "3", "missed"),
    Status.LATE_CANCELLED: StatusWords("cancelled late", "cancelled late", "4", "missed"),
    Status.NO_SHOW: StatusWords("did not come", "did not come", "5", "missed"),
    Status.CLINICIAN_CANCELLED: StatusWords("I cancelled", "cancelled by me", "6", ""),
    Status.RESCHEDULED: StatusWords("moved to another time", "moved to another time", "7", ""),
}

CAME = frozenset(s for s in Status if s.words.counts_as == "came")
MISSED = frozenset(s for s in Status if s.words.counts_as == "missed")
# Sessions that say something about the client's attendance; clinician
# cancellations, moved sessions and unrecorded ones say nothing.
COUNTED = CAME | MISSED
# What can be recorded for a session that has happened, in the order the forms offer them.
OUTCOMES = tuple(s for s in Status if s.words.key)


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
    # An insight is counted among my own responses for now; issue 16 narrows this to reactions.
    ThoughtKind.INSIGHT: KindWords("insight", "something I now see", True),
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


@dataclass(frozen=True)
class GroupWords:
    title: str  # a heading over the group: "Regulars"
    one: str  # one member, before their reason: "Regular"
    singular: str  # in a sentence: "is now a regular"


class Group(str, enum.Enum):
    REGULARS = "regulars"
    ABSENTEES = "absentees"
    GRADUATES = "graduates"

    @property
    def heading(self) -> str:
        """The group's heading: "Regulars"."""
        return GROUP_WORDS[self].title

    @property
    def one(self) -> str:
        return GROUP_WORDS[self].one

    @property
    def singular(self) -> str:
        return GROUP_WORDS[self].singular


GROUP_WORDS: dict[Group, GroupWords] = {
    Group.REGULARS: GroupWords("Regulars", "Regular", "a regular"),
    Group.ABSENTEES: GroupWords("Absentees", "Absentee", "an absentee"),
    Group.GRADUATES: GroupWords("Graduates", "Graduate", "a graduate"),
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
    recent: Sequence[Session]  # newest first, past sessions only (the store's are parsed when first read)
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
