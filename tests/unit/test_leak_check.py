"""The leak check before a de-identified brief leaves: every planted leak is found, none missed, and
ordinary words are not taken for names."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import supervision as sv
from caseload_tui.brief import build_brief
from caseload_tui.leak_check import EXACT_DATE, OTHER_CLIENT, OTHER_NAME, SESSION_TIME, check_brief
from caseload_tui.model import Client, Question, SupervisionItem, SupervisionMeeting, Thought, ThoughtKind

from clock import DEMO_DAY_END


def planted(store):
    """A caseload with a leak of each kind planted in the notes of the case brought."""
    ann = store.add_client(Client(name="Ann", code="A1", started_on=date(2026, 1, 5), bring_to_supervision=True))
    store.add_client(Client(name="Ben", code="B2", started_on=date(2026, 2, 2)))
    store.add_client(Client(name="Tom", code="T4", started_on=date(2026, 3, 2)))
    store.add_client(Client(name="Dev", code="D5", started_on=date(2026, 3, 2)))
    write = [
        "Her sister Priyanka rang me. I said I could not talk about Ann.",  # a third party's name
        "The way she waits reminds me of Ben.",  # another client's name in her note
        "Her husband Tom says she sleeps better.",  # a client's name that here means someone else
        "She said it all began on 18 January 2024, at her father's house.",  # an exact date
        "Mum rang at 17:00, as she does. I noticed my irritation. Then nothing.",  # a time of day
        "A dev at her work helps. I think Mel is her nickname at home.",  # 'dev' is a word; Mel a name
    ]
    for n, body in enumerate(write):
        store.add_thought(Thought(body=body, written_at=datetime(2026, 11, 2 + n, 9), client_id=ann.id,
                                  kind=ThoughtKind.REACTION))
    store.add_question(Question(body="Ask how the visit to Leeds went.", asked_at=datetime(2026, 11, 20, 9),
                                client_id=ann.id))
    store.add_meeting(SupervisionMeeting(held_on=DEMO_DAY_END.date(), planned=True, items=[
        SupervisionItem(client_id=ann.id, question="What do I do with my irritation?")]))
    return ann


def test_every_planted_leak_is_found_and_nothing_else(store):
    planted(store)
    prep = sv.prepare(store, DEMO_DAY_END, sv.chosen_for_brief(store, DEMO_DAY_END,
                                                               sv.make_window(store.meetings(), DEMO_DAY_END.date())))
    found = sorted((leak.what, leak.found) for leak in check_brief(prep))
    assert found == sorted([
        (OTHER_NAME, "Priyanka"),
        (f"{OTHER_CLIENT} (shown as B2)", "Ben"),
        (f"{OTHER_CLIENT} (shown as T4)", "Tom"),
        (EXACT_DATE, "18 January 2024"),
        (SESSION_TIME, "17:00"),
        (OTHER_NAME, "Mel"),
        (OTHER_NAME, "Leeds"),
    ])
    # Each says where it is, by code and month only.
    where = {leak.found: leak.where for leak in check_brief(prep)}
    assert where["Priyanka"] == "A1, a reaction of November 2026"
    assert where["Leeds"] == "A1, a question asked in November 2026"


def test_the_redacted_brief_of_the_planted_caseload(store):
    ann = planted(store)
    text = build_brief(sv.prepare(store, DEMO_DAY_END, [ann.id]))
    assert "I said I could not talk about A1." in text
    assert "reminds me of B2." in text and "Her husband T4 says" in text  # listed by the check for that reason
    assert "A dev at her work helps." in text  # a word, not the client Dev
