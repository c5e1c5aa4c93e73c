"""Before the session: the cards of the clients due today, and when a date that matters next falls."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import before_session
from caseload_tui import model as m
from caseload_tui.rules import coming_up, next_falls

from clock import DEMO_DAY_END
from factories import add_client, add_session, add_thought


def test_the_demo_day_lists_its_clients_in_time_order_with_what_to_bring(demo_store):
    cards = before_session.day_cards(demo_store, DEMO_DAY_END)
    assert [(c.starts_at.strftime("%H:%M"), c.client.name) for c in cards] == [
        ("09:00", "Melanie"), ("11:00", "Ines"), ("15:00", "Sanne"), ("18:00", "Joel")]
    melanie = cards[0]
    assert [t.cue for t in melanie.to_tell] == ["if she says again that nothing ever grows for her"]
    assert len(melanie.open_questions) == 2
    assert melanie.advice is not None and melanie.advice.item.advice.startswith("Probably both.")
    assert [(day, d.note[:11]) for day, d in melanie.dates] == [(date(2026, 12, 1), "Anniversary")]
    joel = cards[3]
    assert [n.safety.concern for n in joel.concerns] == [m.SafetyConcern.SAFEGUARDING]
    assert joel.after_last is None  # the one thought since is the concern, shown as itself


def test_a_card_s_context_is_the_first_thought_written_after_they_last_came(store):
    ann = add_client(store)
    add_session(store, ann, datetime(2026, 11, 19, 10, 0), m.Status.ATTENDED)
    add_thought(store, ann, body="before", written_at=datetime(2026, 11, 18, 20, 0))
    add_thought(store, ann, body="first after", written_at=datetime(2026, 11, 19, 12, 0))
    add_thought(store, ann, body="later", written_at=datetime(2026, 11, 22, 9, 0))
    card = before_session.client_card(store, ann.id, datetime(2026, 11, 26, 9, 0))
    assert card.after_last.body == "first after"
    assert before_session.last_came_words(card, datetime(2026, 11, 26, 9, 0)) == "last came 7 days ago"
    assert card.empty


def test_only_the_sessions_in_the_next_hours_with_hours(demo_store):
    cards = before_session.day_cards(demo_store, datetime(2026, 11, 26, 10, 30), hours=5)
    assert [c.client.name for c in cards] == ["Ines", "Sanne"]


def test_a_told_thought_and_tried_advice_leave_the_card(demo_store):
    melanie = before_session.day_cards(demo_store, DEMO_DAY_END)[0]
    thought = melanie.to_tell[0]
    demo_store.update_thought(m.Thought(**{**thought.__dict__, "telling": m.Telling(
        m.TellOutcome.TOLD, DEMO_DAY_END, "she smiled")}))
    demo_store.set_item_follow_through(melanie.advice.item.id, m.AdviceOutcome.TRIED, "she chose the time")
    again = before_session.client_card(demo_store, melanie.client.id, DEMO_DAY_END)
    assert again.to_tell == [] and again.advice is None
    demo_store.set_item_follow_through(melanie.advice.item.id, m.AdviceOutcome.NOT_YET, "")
    assert before_session.client_card(demo_store, melanie.client.id, DEMO_DAY_END).advice is not None


def test_when_a_date_next_falls():
    today = date(2026, 11, 26)
    once = m.DateThatMatters(date(2026, 12, 3), "court date")
    assert next_falls(once, today) == date(2026, 12, 3)
    assert next_falls(m.DateThatMatters(date(2026, 11, 25), "gone"), today) is None
    yearly = m.DateThatMatters(date(2019, 11, 20), "anniversary", yearly=True)
    assert next_falls(yearly, today) == date(2027, 11, 20)
    leap = m.DateThatMatters(date(2024, 2, 29), "birthday", yearly=True)
    assert next_falls(leap, date(2027, 2, 1)) == date(2027, 2, 28)
    assert next_falls(leap, date(2028, 2, 1)) == date(2028, 2, 29)
    soon = m.DateThatMatters(date(2020, 12, 10), "loss", yearly=True, id=2)
    assert coming_up([once, yearly, soon], today) == [(date(2026, 12, 3), once), (date(2026, 12, 10), soon)]
    assert coming_up([soon], today, days=13) == []
