"""The order search shows its hits in (store/search.py): best first; on an equal rank, the kinds in the
order they are listed (a client, then thoughts, questions, ...), and within a kind the one saved first;
at most `limit`, the best of every kind together."""

from __future__ import annotations

from datetime import timedelta

from caseload_tui import model as m

from factories import WRITTEN, add_client, add_question, add_thought


def test_equal_matches_of_one_kind_come_in_the_order_they_were_saved(store):
    ann = add_client(store)
    saved = [add_thought(store, ann, body="harbour walls", written_at=WRITTEN - timedelta(days=d)) for d in range(3)]
    assert [h.id for h in store.search("harbour")] == [t.id for t in saved]
    assert [h.id for h in store.search("harbour", limit=2)] == [t.id for t in saved[:2]]


def test_the_better_match_comes_first_whatever_its_age(store):
    ann = add_client(store)
    once = add_thought(store, ann, body="harbour and a long day of other things entirely")
    often = add_thought(store, ann, body="harbour harbour", written_at=WRITTEN - timedelta(days=30))
    assert [h.id for h in store.search("harbour")] == [often.id, once.id]


def test_an_equal_thought_and_question_come_in_the_kinds_order(store):
    ann = add_client(store)
    question = add_question(store, ann, body="harbour walls")
    thought = add_thought(store, ann, body="harbour walls")
    assert [(h.kind, h.id) for h in store.search("harbour")] == [(m.Found.THOUGHT, thought.id),
                                                                  (m.Found.QUESTION, question.id)]


def test_the_limit_keeps_the_best_of_every_kind_together(store):
    ann = add_client(store, name="Harbour Ann")
    best = add_question(store, ann, body="harbour harbour harbour")
    for d in range(5):
        add_thought(store, ann, body="harbour and the long road home again", written_at=WRITTEN - timedelta(days=d))
    hits = store.search("harbour", limit=3)
    assert len(hits) == 3
    assert hits[0].id == best.id and hits[0].kind is m.Found.QUESTION
    assert {h.kind for h in store.search("harbour", limit=100)} == {m.Found.CLIENT, m.Found.THOUGHT,
                                                                    m.Found.QUESTION}
