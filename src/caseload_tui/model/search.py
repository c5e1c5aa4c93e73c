"""What a search finds: everything the clinician wrote, each kind with the word a result shows."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class Found(str, enum.Enum):
    """The kind of record a search result is (store/search.py searches each with its own index)."""

    CLIENT = "client"  # a client's name and themes
    THOUGHT = "thought"
    QUESTION = "question"
    NEWS = "news"  # news of a graduate, or a chance meeting
    REFLECTION = "reflection"  # the reflection written when a period of work ended
    SUPERVISION = "supervision"  # a case brought to supervision: its question, what I tried, the advice
    DATE = "date"  # a date that matters

    @property
    def label(self) -> str:
        return FOUND_LABELS[self]


# The word beside each result (tests/unit/test_vocabulary.py checks every member has one).
FOUND_LABELS: dict[Found, str] = {
    Found.CLIENT: "client",
    Found.THOUGHT: "thought",
    Found.QUESTION: "question",
    Found.NEWS: "news",
    Found.REFLECTION: "reflection",
    Found.SUPERVISION: "supervision",
    Found.DATE: "date",
}

# The search box's hint, naming what is searched.
SEARCH_PLACEHOLDER = "Search names, themes, thoughts, questions, news, reflections, supervision…"


@dataclass
class SearchHit:
    kind: Found
    id: int  # the record's id in its own kind (a client's id for Found.CLIENT)
    client_id: int | None  # None: about my practice
    client_name: str
    when: date  # when it was written, happened or falls
    body: str
