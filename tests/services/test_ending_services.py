"""A case marked as ended, and a graduate brought back."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from caseload_tui.model import Appointment, EndingKind, Question, QuestionStatus, Reflection, Status
from caseload_tui.services import endings
from caseload_tui.store import Conflict

from clock import DEMO_DAY_END
from factories import add_client

ENDED = date(2026, 11, 26)
REFLECTION = Reflection(helped="the steadiness", not_helped="", they_learned="to ask", i_learned="to wait")


@pytest.mark.parametrize("close_questions", [True, False])
def test_a_graduation_stores_the_ending_and_clears_what_is_still_booked(store, close_questions):
    client = add_client(store)
    held = store.record_attendance(client.id, datetime(2026, 11, 26, 10), Status.ATTENDED)
    store.add_appointment(Appointment(client_id=client.id, starts_at=datetime(2026, 12, 3, 10)))
    question = store.add_question(Question(body="What next?", asked_at=datetime(2026, 11, 1, 9),
                                           client_id=client.id))
    graduated = endings.graduate(store, client.id, ENDED, EndingKind.MUTUAL, REFLECTION,
                                 close_questions=close_questions, now=DEMO_DAY_END)
    assert (graduated.active, graduated.ended_on, graduated.ending_kind, graduated.reflection) == (
        False, ENDED, EndingKind.MUTUAL, REFLECTION)
    assert store.client(client.id) == graduated
    assert store.appointments(client.id) == [held]  # the session booked after the ending is gone
    stored = store.question(question.id)
    if close_questions:
        assert (stored.status, stored.closed_at) == (QuestionStatus.DROPPED, DEMO_DAY_END)
    else:
        assert (stored.status, stored.closed_at) == (QuestionStatus.OPEN, None)


def test_a_graduate_brought_back_is_active_with_their_reflection_kept(store):
    client = add_client(store)
    endings.graduate(store, client.id, ENDED, EndingKind.PLANNED, REFLECTION, close_questions=False, now=DEMO_DAY_END)
    back = endings.reactivate(store, client.id)
    assert (back.active, back.ended_on, back.ending_kind, back.reflection) == (True, None, None, REFLECTION)
    assert store.client(client.id) == back


def test_a_case_ended_in_another_window_is_refused_not_overwritten(store):
    """Two windows ending the same case: the second is refused, and the first's reflection is kept."""

    client = add_client(store)
    first = Reflection(helped="the first window's words")
    endings.graduate(store, client.id, date(2026, 11, 20), EndingKind.PLANNED, first, close_questions=False,
                     now=DEMO_DAY_END, version=client.version)
    with pytest.raises(Conflict):
        endings.graduate(store, client.id, date(2026, 11, 21), EndingKind.UNPLANNED,
                         Reflection(helped="the second window's"), close_questions=False, now=DEMO_DAY_END,
                         version=client.version)
    kept = store.client(client.id)
    assert (kept.reflection.helped, kept.ended_on, kept.ending_kind) == (
        "the first window's words", date(2026, 11, 20), EndingKind.PLANNED)


def test_a_case_changed_since_the_form_opened_is_refused(store):
    client = add_client(store)
    store.set_flag(client.id, True)  # another window flags it while the ending form is open
    with pytest.raises(Conflict):
        endings.graduate(store, client.id, date(2026, 11, 20), EndingKind.PLANNED, Reflection(),
                         close_questions=False, now=DEMO_DAY_END, version=client.version)
    assert store.client(client.id).active
