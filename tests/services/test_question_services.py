"""Closing a follow-up question: answered with what was learned, or dropped."""

from __future__ import annotations

from datetime import datetime

import pytest

from caseload_tui.model import Question, QuestionStatus
from caseload_tui.services import questions
from caseload_tui.store import Conflict

from clock import DEMO_DAY_END
from factories import add_client, every_row

ASKED = datetime(2026, 11, 19, 11, 0)


@pytest.fixture
def question(store):
    client = add_client(store)
    return store.add_question(Question(body="How was the visit?", asked_at=ASKED, client_id=client.id))


def test_an_answered_question_keeps_its_answer_and_when_it_was_closed(store, question):
    closed = questions.close_question(store, question, answered=True, answer="It went well.", now=DEMO_DAY_END)
    stored = store.question(question.id)
    assert stored == closed
    assert (stored.status, stored.answer, stored.closed_at) == (QuestionStatus.ANSWERED, "It went well.", DEMO_DAY_END)
    assert question.status is QuestionStatus.OPEN  # the question passed in is left as it was read


def test_a_dropped_question_is_closed_without_an_answer(store, question):
    answered = questions.close_question(store, question, answered=True, answer="First thoughts", now=DEMO_DAY_END)
    questions.close_question(store, answered, answered=False, now=DEMO_DAY_END)
    stored = store.question(question.id)
    assert (stored.status, stored.answer, stored.closed_at) == (QuestionStatus.DROPPED, "", DEMO_DAY_END)


def test_a_question_changed_in_another_window_is_not_overwritten(store, question):
    store.update_question(Question(**{**question.__dict__, "body": "Edited elsewhere"}))
    before = every_row(store)
    with pytest.raises(Conflict):
        questions.close_question(store, question, answered=True, answer="Stale", now=DEMO_DAY_END)
    assert every_row(store) == before
