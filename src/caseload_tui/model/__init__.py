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
    ONLY_AFTER,
    OUTCOMES,
    STATUS_WORDS,
    Appointment,
    AttendanceSummary,
    Break,
    Session,
    Status,
    StatusWords,
)
from .endings import ENDING_LABELS, Encounter, EndingKind, Reflection
from .groups import GROUP_WORDS, NEW_LABEL, PATTERN_LABELS, AbsencePattern, Group, GroupWords, Placement
from .notes import KIND_WORDS, QUESTION_LABELS, KindWords, Question, QuestionStatus, SearchHit, Thought, ThoughtKind
from .records import CaseloadData, Client, ClientRecord
from .safety import CONCERN_WORDS, SAFETY_HEADING, ConcernWords, MarkedNote, SafetyConcern, SafetyMark, concern_open
from .supervision import (
    BRING_WORDS,
    NEED_WORDS,
    SETTING_LABELS,
    Need,
    NeedWords,
    Setting,
    SupervisionItem,
    SupervisionMeeting,
)

__all__ = [
    "BRING_WORDS",
    "CAME",
    "CONCERN_WORDS",
    "COUNTED",
    "ENDING_LABELS",
    "GROUP_WORDS",
    "KIND_WORDS",
    "MISSED",
    "NEED_WORDS",
    "MISS_NOTE_HINT",
    "MISS_PROMPT",
    "NEW_LABEL",
    "NOT_YET_HAPPENED",
    "ONLY_AFTER",
    "OUTCOMES",
    "PATTERN_LABELS",
    "QUESTION_LABELS",
    "SETTING_LABELS",
    "SAFETY_HEADING",
    "STATUS_WORDS",
    "AbsencePattern",
    "Appointment",
    "AttendanceSummary",
    "Break",
    "CaseloadData",
    "Client",
    "ConcernWords",
    "ClientRecord",
    "Encounter",
    "EndingKind",
    "Group",
    "GroupWords",
    "KindWords",
    "Need",
    "NeedWords",
    "MarkedNote",
    "Placement",
    "Question",
    "QuestionStatus",
    "Reflection",
    "SafetyConcern",
    "SafetyMark",
    "SearchHit",
    "Setting",
    "Session",
    "Status",
    "StatusWords",
    "SupervisionItem",
    "SupervisionMeeting",
    "Thought",
    "ThoughtKind",
    "concern_open",
]
