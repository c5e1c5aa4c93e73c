"""The caseload's vocabulary: plain dataclasses and enums, no I/O.

One module a part of the work, each holding its values with the words the clinician sees
for them (attendance, notes, groups, endings, supervision) and `records` for a client and a
whole caseload. Everything is re-exported here, so the rest of the program writes `m.Status`.
Adding a value: docs/ARCHITECTURE.md, "Adding a thought kind" and "Adding an attendance status".
"""

from .attendance import (
    CAME,
    COUNTED,
    MISS_NOTE_HINT,
    MISS_PROMPT,
    MISSED,
    NOT_YET_HAPPENED,
    OUTCOMES,
    STATUS_WORDS,
    Appointment,
    AttendanceSummary,
    Break,
    Session,
    Status,
    StatusWords,
)
from .endings import (
    ENDED_BY_LABELS,
    ENDING_HOW_LABELS,
    RECORDED_ENDING_MEANS,
    RECORDED_ENDING_WORDS,
    REFLECTION_PARTS,
    Encounter,
    EndedBy,
    EndingHow,
    Episode,
    Reflection,
)
from .groups import GROUP_WORDS, NEW_LABEL, PATTERN_LABELS, AbsencePattern, Group, GroupWords, Placement
from .notes import (
    KIND_WORDS,
    QUESTION_LABELS,
    WHOSE_LABELS,
    KindWords,
    Question,
    QuestionStatus,
    SearchHit,
    Thought,
    ThoughtKind,
    Whose,
)
from .records import CaseloadData, Client, ClientRecord
from .safety import CONCERN_WORDS, SAFETY_HEADING, ConcernWords, MarkedNote, SafetyConcern, SafetyMark, concern_open
from .supervision import SupervisionItem, SupervisionMeeting

__all__ = [
    "CAME",
    "CONCERN_WORDS",
    "COUNTED",
    "ENDED_BY_LABELS",
    "ENDING_HOW_LABELS",
    "GROUP_WORDS",
    "KIND_WORDS",
    "MISSED",
    "MISS_NOTE_HINT",
    "MISS_PROMPT",
    "NEW_LABEL",
    "NOT_YET_HAPPENED",
    "OUTCOMES",
    "PATTERN_LABELS",
    "QUESTION_LABELS",
    "RECORDED_ENDING_MEANS",
    "RECORDED_ENDING_WORDS",
    "REFLECTION_PARTS",
    "SAFETY_HEADING",
    "STATUS_WORDS",
    "WHOSE_LABELS",
    "AbsencePattern",
    "Appointment",
    "AttendanceSummary",
    "Break",
    "CaseloadData",
    "Client",
    "ConcernWords",
    "ClientRecord",
    "Encounter",
    "EndedBy",
    "EndingHow",
    "Episode",
    "Group",
    "GroupWords",
    "KindWords",
    "MarkedNote",
    "Placement",
    "Question",
    "QuestionStatus",
    "Reflection",
    "SafetyConcern",
    "SafetyMark",
    "SearchHit",
    "Session",
    "Status",
    "StatusWords",
    "SupervisionItem",
    "SupervisionMeeting",
    "Thought",
    "ThoughtKind",
    "Whose",
    "concern_open",
]
