"""Follow-up questions: closing one, answered with what was learned or dropped."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from ..model import Question, QuestionStatus
from ..store import Store


def close_question(store: Store, question: Question, *, answered: bool, answer: str = "",
                   now: datetime) -> Question:
    """Answer a question with what was learned (answered=True), or drop it; returns it as stored.

    `question` is the question as it was read before the clinician wrote the answer: if it was
    changed in another window since, nothing is saved (the store's Conflict).
    """
    closed = replace(question, status=QuestionStatus.ANSWERED if answered else QuestionStatus.DROPPED,
                     answer=answer, closed_at=now)
    return store.update_question(closed)
