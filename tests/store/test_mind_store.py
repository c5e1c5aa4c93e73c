"""store.mind_and_room: what was written about each active client in a window, and whether they came."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import model as m
from caseload_tui.services.endings import end_work

from factories import add_client, add_question, add_session, add_thought

SINCE, UNTIL = datetime(2026, 10, 1, 0, 0), datetime(2026, 11, 25, 18, 0)


def test_counts_in_the_window_only(store):
    ann = add_client(store)
    add_thought(store, ann, "one two  three\nfour", datetime(2026, 11, 2, 9, 0))
    add_thought(store, ann, "let go", datetime(2026, 11, 3, 9, 0), lingering=False)
    add_thought(store, ann, "too early", datetime(2026, 9, 30, 23, 0))
    add_thought(store, None, "about my practice", datetime(2026, 11, 3, 9, 0))
    add_question(store, ann, "What was the visit like?", datetime(2026, 11, 4, 9, 0))
    for day, status in ((2, m.Status.ATTENDED), (9, m.Status.LATE), (16, m.Status.NO_SHOW),
                        (23, m.Status.CANCELLED), (30, m.Status.CLINICIAN_CANCELLED)):
        add_session(store, ann, datetime(2026, 10, day, 10, 0), status)
    add_session(store, ann, datetime(2026, 12, 1, 10, 0))  # still to come
    (found,) = store.mind_and_room(SINCE, UNTIL)
    assert (found.name, found.code) == ("Ann", "A1")
    assert (found.thoughts, found.questions, found.lingering, found.words) == (2, 1, 1, 4 + 2 + 5)
    assert (found.came, found.missed) == (2, 2)


def test_sessions_in_my_break_say_nothing(store):
    ann = add_client(store)
    add_session(store, ann, datetime(2026, 10, 14, 10, 0), m.Status.CANCELLED)
    store.add_break(m.Break(date(2026, 10, 12), date(2026, 10, 16), "holiday"))
    (found,) = store.mind_and_room(SINCE, UNTIL)
    assert (found.came, found.missed) == (0, 0)


def test_only_active_clients_each_once(store):
    ann, bea = add_client(store), add_client(store, "Bea", "B1")
    end_work(store, bea.id, date(2026, 11, 1), m.EndedBy.BOTH, m.EndingHow.GOODBYE, m.Reflection(),
             close_questions=False, now=UNTIL)
    add_thought(store, bea, "still thinking of her", datetime(2026, 11, 2, 9, 0))
    found = store.mind_and_room(SINCE, UNTIL)
    assert [r.client_id for r in found] == [ann.id]
    assert (found[0].thoughts, found[0].came) == (0, 0)


def test_own_responses_carry_their_feeling_words_and_read_a_body_only_to_order_two_feelings(store):
    ann = add_client(store)
    named = add_thought(store, ann, "Relief, then guilt.", datetime(2026, 11, 2, 9, 0), kind=m.ThoughtKind.REACTION,
                        whose=m.Whose.BOTH, feelings="relief, guilt")
    two = add_thought(store, ann, "Guilty at first; later, relief.", datetime(2026, 11, 3, 9, 0),
                      kind=m.ThoughtKind.BLIND_SPOT)
    one = add_thought(store, None, "A dread of the break.", datetime(2026, 11, 4, 9, 0), kind=m.ThoughtKind.REACTION)
    add_thought(store, ann, "Relief, and guilt.", datetime(2026, 11, 5, 9, 0), kind=m.ThoughtKind.INSIGHT)  # not mine
    found = {r.thought_id: r for r in store.own_responses(SINCE, UNTIL)}
    assert list(found) == [named.id, two.id, one.id]
    given = found[named.id]
    assert (given.whose, given.feelings, given.in_text) == (m.Whose.BOTH, "relief, guilt", ())
    assert found[two.id].in_text == ("relief", "guilt") and found[two.id].body == "Guilty at first; later, relief."
    assert (found[one.id].in_text, found[one.id].body, found[one.id].client_id) == (("fear",), "", None)


def test_every_body_to_order_is_read(store):
    ann = add_client(store)
    notes = [add_thought(store, ann, f"Fear {n}, then relief.", datetime(2026, 11, 2 + n, 9, 0),
                         kind=m.ThoughtKind.BLIND_SPOT) for n in range(5)]
    found = store.own_responses(SINCE, UNTIL)
    assert [(r.thought_id, r.body) for r in found] == [(t.id, t.body) for t in notes]
