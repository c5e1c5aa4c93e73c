"""The work ended (who, how, the reflection), an ending written again later, news after it, and a
graduate brought back for a new period of work with every earlier one kept."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from caseload_tui.model import (
    Appointment,
    EndedBy,
    EndingHow,
    Episode,
    Question,
    QuestionStatus,
    Reflection,
    Status,
)
from caseload_tui.model import Encounter as News
from caseload_tui.services import endings
from caseload_tui.store import Conflict, Invalid

from clock import DEMO_DAY_END
from factories import add_client

ENDED = date(2026, 11, 26)
REFLECTION = Reflection(helped="the steadiness", not_helped="", they_learned="to ask", i_learned="to wait",
                        could_not_find="her father's part in it", still_wonder="whether she kept singing")


def end(store, client_id, on=ENDED, who=EndedBy.BOTH, how=EndingHow.GOODBYE, reflection=REFLECTION, **kw):
    kw.setdefault("close_questions", False)
    return endings.end_work(store, client_id, on, who, how, reflection, now=DEMO_DAY_END, **kw)


@pytest.mark.parametrize("close_questions", [True, False])
def test_ending_the_work_stores_the_ending_and_clears_what_is_still_booked(store, close_questions):
    client = add_client(store)
    held = store.record_attendance(client.id, datetime(2026, 11, 26, 10), Status.ATTENDED)
    store.add_appointment(Appointment(client_id=client.id, starts_at=datetime(2026, 12, 3, 10)))
    question = store.add_question(Question(body="What next?", asked_at=datetime(2026, 11, 1, 9),
                                           client_id=client.id))
    ended = end(store, client.id, who=EndedBy.CIRCUMSTANCES, how=EndingHow.NO_LAST_SESSION,
                close_questions=close_questions)
    assert (ended.active, ended.ended_on) == (False, ENDED)
    [episode] = store.episodes(client.id)
    assert (episode.started_on, episode.ended_on, episode.ended_by, episode.how, episode.reflection) == (
        client.started_on, ENDED, EndedBy.CIRCUMSTANCES, EndingHow.NO_LAST_SESSION, REFLECTION)
    assert store.client(client.id) == ended
    assert store.appointments(client.id) == [held]  # the session booked after the ending is gone
    stored = store.question(question.id)
    if close_questions:
        assert (stored.status, stored.closed_at) == (QuestionStatus.DROPPED, DEMO_DAY_END)
    else:
        assert (stored.status, stored.closed_at) == (QuestionStatus.OPEN, None)


def test_a_graduate_brought_back_begins_a_new_episode_and_keeps_the_first(store):
    client = add_client(store)
    end(store, client.id)
    back = endings.reactivate(store, client.id, date(2027, 3, 1))
    assert (back.active, back.started_on, back.ended_on) == (True, date(2027, 3, 1), None)
    first, second = store.episodes(client.id)
    assert (first.ended_on, first.ended_by, first.how, first.reflection) == (
        ENDED, EndedBy.BOTH, EndingHow.GOODBYE, REFLECTION)
    assert (second.started_on, second.ended_on, second.ended_by, second.reflection) == (
        date(2027, 3, 1), None, None, Reflection())
    again = end(store, client.id, on=date(2027, 9, 1), who=EndedBy.CLIENT, how=EndingHow.UNPREPARED,
                reflection=Reflection(still_wonder="what brought her back"))
    assert again.ended_on == date(2027, 9, 1)
    assert [(e.ended_on, e.ended_by, e.reflection.still_wonder) for e in store.episodes(client.id)] == [
        (ENDED, EndedBy.BOTH, "whether she kept singing"),
        (date(2027, 9, 1), EndedBy.CLIENT, "what brought her back")]


def test_a_new_episode_cannot_begin_before_the_last_ended_nor_end_before_it_began(store):
    client = add_client(store)
    with pytest.raises(Invalid):
        end(store, client.id, on=date(2000, 1, 1))
    end(store, client.id)
    with pytest.raises(Invalid):
        endings.reactivate(store, client.id, date(2026, 11, 1))
    assert len(store.episodes(client.id)) == 1 and not store.client(client.id).active


def test_an_ending_is_written_again_later_and_a_stale_edit_is_refused(store):
    client = add_client(store)
    end(store, client.id, reflection=Reflection())
    [episode] = store.episodes(client.id)
    episode.reflection.could_not_find = "a way to talk about money"
    episode.ended_by = EndedBy.ME
    saved = endings.edit_ending(store, episode)
    assert (saved.reflection.could_not_find, saved.ended_by, saved.ended_on) == (
        "a way to talk about money", EndedBy.ME, ENDED)
    with pytest.raises(Conflict):
        endings.edit_ending(store, episode)  # the version read before the first save
    with pytest.raises(Invalid):  # an episode still going on has no ending to edit
        endings.edit_ending(store, Episode(started_on=ENDED, client_id=client.id, id=saved.id,
                                           version=saved.version))


def test_news_is_for_a_graduate_and_dated_on_or_after_the_ending(store):
    client = add_client(store)
    with pytest.raises(Invalid):
        endings.add_news(store, News(client_id=client.id, happened_on=ENDED, body="met her"))
    end(store, client.id)
    with pytest.raises(Invalid):
        endings.add_news(store, News(client_id=client.id, happened_on=date(2026, 11, 25), body="the day before"))
    news = endings.add_news(store, News(client_id=client.id, happened_on=ENDED, body="a card",
                                        stirred="relief", taught="endings can be light"))
    assert [(n.body, n.stirred, n.taught) for n in store.encounters(client.id)] == [
        ("a card", "relief", "endings can be light")]
    assert news.id is not None


def test_a_case_ended_in_another_window_is_refused_not_overwritten(store):
    """Two windows ending the same case: the second is refused, and the first's reflection is kept."""

    client = add_client(store)
    end(store, client.id, on=date(2026, 11, 20), reflection=Reflection(helped="the first window's words"),
        version=client.version)
    with pytest.raises(Conflict):
        end(store, client.id, on=date(2026, 11, 21), who=EndedBy.CLIENT,
            reflection=Reflection(helped="the second window's"), version=client.version)
    [kept] = store.episodes(client.id)
    assert (kept.reflection.helped, kept.ended_on, kept.ended_by) == (
        "the first window's words", date(2026, 11, 20), EndedBy.BOTH)


def test_a_case_changed_since_the_form_opened_is_refused(store):
    client = add_client(store)
    store.set_flag(client.id, True)  # another window flags it while the ending form is open
    with pytest.raises(Conflict):
        end(store, client.id, on=date(2026, 11, 20), reflection=Reflection(), version=client.version)
    assert store.client(client.id).active
