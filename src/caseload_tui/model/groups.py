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


@dataclass
class Placement:
    """Where a client belongs and why, in a sentence."""

    group: Group
    reason: str
