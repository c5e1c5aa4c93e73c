"""Writing a thought or a question: what the dashboard and the review both store."""

from __future__ import annotations

from caseload_tui.model import QuestionStatus, ThoughtKind
from caseload_tui.services.notes import ask_question, write_thought

from clock import DEMO_DAY_END
from factories import add_client


def test_a_thought_is_stored_as_written(store):
    client = add_client(store)
    saved = write_thought(store, client_id=client.id, body="It stays with me.\n\tStill.", kind=ThoughtKind.REACTION,
                          lingering=True, tell_client=True, now=DEMO_DAY_END)
    stored = store.thought(saved.id)
    assert (stored.body, stored.kind, stored.lingering, stored.tell_client, stored.written_at) == (
        "It stays with me.\n\tStill.", ThoughtKind.REACTION, True, True, DEMO_DAY_END)


def test_a_thought_about_my_own_practice_has_no_client(store):
    saved = write_thought(store, client_id=None, body="Slow down.", kind=ThoughtKind.LEARNING, lingering=False,
                          tell_client=False, now=DEMO_DAY_END)
    assert [t.id for t in store.practice_thoughts()] == [saved.id]


def test_a_question_is_stored_open(store):
    client = add_client(store)
    saved = ask_question(store, client_id=client.id, body="Did the move go well?", now=DEMO_DAY_END)
    assert [(q.body, q.status) for q in store.questions([client.id])] == [("Did the move go well?",
                                                                           QuestionStatus.OPEN)]
    assert saved.asked_at == DEMO_DAY_END
