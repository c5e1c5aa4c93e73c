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
from .dates import COMING_UP_DAYS, DATES_HEADING, MY_BREAK_OWNER, YEARLY_WORD, DateThatMatters
from .endings import ENDING_LABELS, Encounter, EndingKind, Reflection
from .follow_through import (
    ADVICE_HEADING,
    ADVICE_WORDS,
    HOW_IT_WENT_LABEL,
    HOW_TAKEN_LABEL,
    TELL_HEADING,
    TELL_WORDS,
    AdviceOutcome,
    LoopWords,
    Telling,
    TellOutcome,
)
from .groups import GROUP_WORDS, NEW_LABEL, PATTERN_LABELS, AbsencePattern, Group, GroupWords, Placement
from .notes import KIND_WORDS, QUESTION_LABELS, KindWords, Question, QuestionStatus, SearchHit, Thought, ThoughtKind
from .records import CaseloadData, Client, ClientRecord
from .safety import CONCERN_WORDS, SAFETY_HEADING, ConcernWords, MarkedNote, SafetyConcern, SafetyMark, concern_open
from .supervision import SupervisionItem, SupervisionMeeting

__all__ = [
    "ADVICE_HEADING",
    "ADVICE_WORDS",
    "CAME",
    "COMING_UP_DAYS",
    "CONCERN_WORDS",
    "COUNTED",
    "DATES_HEADING",
    "ENDING_LABELS",
    "GROUP_WORDS",
    "HOW_IT_WENT_LABEL",
    "HOW_TAKEN_LABEL",
    "KIND_WORDS",
    "MISSED",
    "MISS_NOTE_HINT",
    "MISS_PROMPT",
    "MY_BREAK_OWNER",
    "NEW_LABEL",
    "NOT_YET_HAPPENED",
    "ONLY_AFTER",
    "OUTCOMES",
    "PATTERN_LABELS",
    "QUESTION_LABELS",
    "SAFETY_HEADING",
    "STATUS_WORDS",
    "TELL_HEADING",
    "TELL_WORDS",
    "YEARLY_WORD",
    "AbsencePattern",
    "AdviceOutcome",
    "Appointment",
    "AttendanceSummary",
    "Break",
    "CaseloadData",
    "Client",
    "ClientRecord",
    "ConcernWords",
    "DateThatMatters",
    "Encounter",
    "EndingKind",
    "Group",
    "GroupWords",
    "KindWords",
    "LoopWords",
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
    "TellOutcome",
    "Telling",
    "Thought",
    "ThoughtKind",
    "concern_open",
]
