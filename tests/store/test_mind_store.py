"""store.mind_and_room: what was written about each active client in a window, and whether they came."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import model as m
from caseload_tui.services.endings import graduate

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
    graduate(store, bea.id, date(2026, 11, 1), m.EndingKind.PLANNED, m.Reflection(), close_questions=False,
             now=UNTIL)
    add_thought(store, bea, "still thinking of her", datetime(2026, 11, 2, 9, 0))
    found = store.mind_and_room(SINCE, UNTIL)
    assert [r.client_id for r in found] == [ann.id]
    assert (found[0].thoughts, found[0].came) == (0, 0)
