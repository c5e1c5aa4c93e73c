"""The three groups of the caseload and the words for them."""

from __future__ import annotations

import enum
from dataclasses import dataclass


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


# Inside the active caseload, a client with only a few sessions so far is shown as New, not a Regular.
NEW_LABEL = "New"


class AbsencePattern(str, enum.Enum):
    """How a client's absences read, not only how many there are (docs/ARCHITECTURE.md, "Grouping rules")."""

    FROM_START = "from_start"  # absences since the work began: ambivalence about it, perhaps
    CHANGE = "change"  # a steady attender who stopped coming: first a welfare question
    GAP = "gap"  # not seen for a while, but because of me or a move: never counted

    @property
    def label(self) -> str:
        return PATTERN_LABELS[self]


PATTERN_LABELS: dict[AbsencePattern, str] = {
    AbsencePattern.FROM_START: "from the start",
    AbsencePattern.CHANGE: "a change",
    AbsencePattern.GAP: "a gap that is not an absence",
}


@dataclass(slots=True)
class Placement:
    """Where a client belongs and why, in a sentence; how their absences read, if they have any."""

    group: Group
    reason: str
    pattern: AbsencePattern | None = None
    new: bool = False  # a regular with only a few sessions so far

    @property
    def label(self) -> str:
        """Before the reason: "Regular", "New", "Absentee", "Graduate"."""
        return NEW_LABEL if self.new else self.group.one


@dataclass(frozen=True, slots=True)
class AttendanceTally:
    """What the grouping rules count of an active client's recent sessions (the ones the store reads, newest
    first) that say something about them (not mine to cancel, not moved, not in my break): enough to say
    their group without the sessions themselves. The store counts it in SQL for
    everyone at once; the rules count it from the sessions when they place one client with a reason."""

    missed_in_a_row: int  # the newest counted sessions, all missed
    in_window: int  # counted in the last `window_weeks`
    missed_in_window: int
    missed_lately: int  # missed in the last `quiet_days`
    came_lately: int  # came in the last `quiet_days`
