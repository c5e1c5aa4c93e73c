"""Attendance: what happened to a session, and the words for it. Adding a status:
docs/ARCHITECTURE.md, "Adding an attendance status"."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime

# Every word the clinician sees for one of these values is defined here, beside the value it
# names; render.py adds only glyphs and colours. tests/unit/test_vocabulary.py checks that each
# member has all its words, so a new member cannot be half-added.


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
# Recorded only once the session's time has come: whether they came. A cancellation or a move
# is known ahead, and may be recorded before the time it was for.
ONLY_AFTER = CAME | {Status.NO_SHOW}


@dataclass
class Appointment:
    client_id: int
    starts_at: datetime
    status: Status = Status.SCHEDULED
    id: int | None = None
    note: str = ""
    source: str = ""
    source_uid: str = ""


@dataclass(slots=True)  # as many as 24 per active client are read at start: slots halve their size
class Session:
    """One past session as the grouping rules see it."""

    starts_at: datetime
    status: Status


@dataclass
class Break:
    """One of my own breaks (a holiday, illness): sessions that fall in it say nothing about the client."""

    starts_on: date
    ends_on: date  # the last day of the break, included
    word: str = ""  # "holiday", "ill"
    id: int | None = None

    def covers(self, when: datetime | date) -> bool:
        day = when.date() if isinstance(when, datetime) else when
        return self.starts_on <= day <= self.ends_on


# The hint beside a miss's note in the attendance form and the review.
MISS_NOTE_HINT = "how and when they let you know, whether another time was offered or asked for (optional)"
# Asked after a miss is recorded in the day's-end review; the answer is a thought of the reaction kind.
MISS_PROMPT = "What did this absence stir in you?"
# Said when attendance is typed for a time that has not come yet.
NOT_YET_HAPPENED = "That session has not happened yet: attendance is recorded once it has."


@dataclass
class AttendanceSummary:
    last_attended: datetime | None
    next_expected: datetime | None
    missed_share: float | None  # of counted sessions in the window; None with none counted
    counted_in_window: int
    missed_in_window: int
    strip: list[Status | None]  # last 8 outcomes, oldest first, None where there was none
    in_my_break: list[bool] = field(default_factory=list)  # beside strip: that session fell in my break
