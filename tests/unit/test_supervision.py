"""Preparing for supervision: the window, the cases suggested and why, the material for each."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from caseload_tui import supervision as sv
from caseload_tui.model import (
    Client,
    Question,
    Status,
    SupervisionItem,
    SupervisionMeeting,
    Thought,
    ThoughtKind,
)
from caseload_tui.rules import DateError

from clock import DEMO_DAY_END

TODAY = DEMO_DAY_END.date()
LAST_MEETING = date(2026, 10, 29)


def add(store, name, code, flagged=False, started=date(2025, 1, 6), **kw) -> Client:
    client = store.add_client(Client(name=name, code=code, started_on=started, **kw))
    if flagged:
        client = store.set_flag(client.id, True)
    return client


def steady(store, client, weeks=8):
    """A session attended every week up to yesterday: a regular."""
    for n in range(1, weeks + 1):
        store.record_attendance(client.id, DEMO_DAY_END - timedelta(days=7 * n - 6, hours=2), Status.ATTENDED)


def thought(store, client, when, kind=ThoughtKind.HOLDING, lingering=True, body="a thought"):
    return store.add_thought(Thought(body=body, written_at=when, client_id=client.id if client else None,
                                     kind=kind, lingering=lingering))


def held(store, on=LAST_MEETING, items=()):
    return store.add_meeting(SupervisionMeeting(held_on=on, notes="", items=list(items)))


def by_name(found: list[sv.Candidate]) -> dict[str, sv.Candidate]:
    return {c.client.name: c for c in found}


# ---------------------------------------------------------------- the window


def test_window_runs_from_the_last_held_meeting_not_a_planned_one(store):
    held(store, date(2026, 9, 1))
    held(store, LAST_MEETING)
    store.add_meeting(SupervisionMeeting(held_on=date(2026, 11, 20), planned=True))
    window = sv.make_window(store.meetings(), TODAY)
    assert window.start == LAST_MEETING and not window.typed
    assert window.last_meeting.held_on == LAST_MEETING
    assert window.describe() == "Since the last supervision, on Thu 29 Oct 2026 (4 weeks ago)."
    assert window.since_words() == "since 29 Oct"
    assert window.contains(datetime(2026, 10, 29, 9, 0)) and not window.contains(date(2026, 10, 28))


def test_window_from_a_typed_date(store):
    held(store)
    window = sv.make_window(store.meetings(), TODAY, since=date(2026, 11, 1))
    assert window.start == date(2026, 11, 1) and window.typed
    assert window.describe() == "Since Sun 1 Nov 2026 (3 weeks ago)."
    with pytest.raises(DateError):
        sv.make_window(store.meetings(), TODAY, since=date(2026, 12, 1))


def test_window_before_any_supervision_is_the_last_few_weeks(store):
    window = sv.make_window(store.meetings(), TODAY)
    assert window.last_meeting is None
    assert window.start == TODAY - timedelta(weeks=sv.FIRST_WINDOW_WEEKS)
    assert "no supervision has been recorded yet" in window.describe()


# ---------------------------------------------------------------- candidates and reasons


def test_flagged_cases_come_first_with_their_reason(store):
    zed = add(store, "Zed", "Z1", flagged=True)
    steady(store, zed)
    ann = add(store, "Ann", "A1")
    steady(store, ann)
    for n in range(sv.SEVERAL_LINGERING):
        thought(store, ann, datetime(2026, 6, 1 + n))
    found = sv.candidates(store, DEMO_DAY_END, sv.make_window(store.meetings(), TODAY))
    assert [c.client.name for c in found] == ["Zed", "Ann"]
    assert found[0].flagged and found[0].reasons == ["Flagged to bring to supervision."]
    assert found[0].tags == ["flagged"]
    assert not found[1].flagged


def test_absentee_is_suggested_with_the_grouping_reason(store):
    bea = add(store, "Bea", "B1")
    for n, status in enumerate([Status.NO_SHOW, Status.CANCELLED, Status.ATTENDED, Status.ATTENDED], start=1):
        store.record_attendance(bea.id, DEMO_DAY_END - timedelta(days=7 * n), status)
    found = by_name(sv.candidates(store, DEMO_DAY_END, sv.make_window(store.meetings(), TODAY)))
    reason = found["Bea"].reasons[0]
    assert reason.startswith("An absentee: missed 2 of the last 4 sessions, 2 in a row")
    assert "rescheduled" not in reason  # never a compliance word
    assert found["Bea"].tags == ["absentee"]


def test_several_lingering_thoughts_suggest_a_case_but_fewer_do_not(store):
    many, few = add(store, "Many", "M1"), add(store, "Few", "F1")
    steady(store, many)
    steady(store, few)
    for n in range(sv.SEVERAL_LINGERING):
        thought(store, many, datetime(2026, 5, 1 + n))
    for n in range(sv.SEVERAL_LINGERING - 1):
        thought(store, few, datetime(2026, 5, 1 + n))
    thought(store, few, datetime(2026, 5, 9), lingering=False)
    found = by_name(sv.candidates(store, DEMO_DAY_END, sv.make_window(store.meetings(), TODAY)))
    assert found["Many"].reasons == [f"{sv.SEVERAL_LINGERING} thoughts still with me."]
    assert "Few" not in found


def test_own_reactions_and_blind_spots_in_the_window_are_my_own_responses_an_insight_is_not(store):
    held(store)
    mine, before, other = add(store, "Mine", "M1"), add(store, "Before", "B1"), add(store, "Other", "O1")
    for client in (mine, before, other):
        steady(store, client)
    thought(store, mine, datetime(2026, 11, 3), ThoughtKind.REACTION, lingering=False)
    thought(store, mine, datetime(2026, 11, 4), ThoughtKind.REACTION)
    thought(store, mine, datetime(2026, 11, 5), ThoughtKind.BLIND_SPOT)
    thought(store, mine, datetime(2026, 11, 6), ThoughtKind.INSIGHT,
            lingering=False)  # about them, not a response of mine
    thought(store, before, datetime(2026, 10, 28, 23, 59), ThoughtKind.REACTION)
    thought(store, other, datetime(2026, 11, 5), ThoughtKind.CURIOSITY)
    thought(store, None, datetime(2026, 11, 5), ThoughtKind.REACTION)  # my practice: not a case
    found = by_name(sv.candidates(store, DEMO_DAY_END, sv.make_window(store.meetings(), TODAY)))
    assert found["Mine"].reasons == ["My own responses and blind spots: 2 reactions and 1 blind spot since 29 Oct."]
    assert found["Mine"].tags == ["2 reactions, 1 blind spot"]
    assert set(found) == {"Mine"}


def test_graduations_since_the_last_meeting(store):
    held(store)
    add(store, "Recent", "R1", ended_on=date(2026, 11, 10))
    add(store, "Long ago", "L1", ended_on=date(2026, 10, 1))
    found = by_name(sv.candidates(store, DEMO_DAY_END, sv.make_window(store.meetings(), TODAY)))
    assert found["Recent"].reasons == [
        "Work ended on 10 Nov, since the last supervision."]
    assert "Long ago" not in found


def test_advice_without_an_outcome_asks_for_follow_through(store):
    ann, ben = add(store, "Ann", "A1"), add(store, "Ben", "B1")
    steady(store, ann)
    steady(store, ben)
    held(store, items=[SupervisionItem(client_id=ann.id, question="q", advice="try this"),
                       SupervisionItem(client_id=ben.id, question="q", advice="wait", outcome="it helped")])
    found = by_name(sv.candidates(store, DEMO_DAY_END, sv.make_window(store.meetings(), TODAY)))
    assert found["Ann"].reasons == ["Advice from the supervision on 29 Oct to follow through."]
    assert "Ben" not in found


def test_demo_candidates(demo_store):
    window = sv.make_window(demo_store.meetings(), TODAY)
    found = sv.candidates(demo_store, DEMO_DAY_END, window)
    assert [c.client.name for c in found if c.flagged] == ["Amaan", "Joel", "Melanie"]
    melanie = by_name(found)["Melanie"]
    assert melanie.reasons[0] == "Flagged to bring to supervision."
    assert any(r.startswith("An absentee: from the start: has come to") for r in melanie.reasons)
    assert "My own responses and blind spots: 1 reaction since 29 Oct." in melanie.reasons
    # Every suggestion says why.
    assert all(c.reasons and len(c.reasons) == len(c.tags) for c in found)


# ---------------------------------------------------------------- the material for a case


def test_material_gathers_what_to_bring(store):
    ann = add(store, "Ann", "A1", flagged=True, schedule="FREQ=WEEKLY;BYDAY=TH;BYHOUR=10")
    steady(store, ann)
    held(store, items=[SupervisionItem(client_id=ann.id, question="Why do I rush?", advice="Slow down.",
                                       outcome="Tried it; she noticed.")])
    store.add_meeting(SupervisionMeeting(held_on=TODAY, planned=True,
                                         items=[SupervisionItem(client_id=ann.id, question="What now?")]))
    thought(store, ann, datetime(2026, 10, 1), body="before the window")
    thought(store, ann, datetime(2026, 11, 20), body="second")
    thought(store, ann, datetime(2026, 11, 2), body="first")
    thought(store, ann, datetime(2026, 11, 21), body="let go", lingering=False)
    store.add_question(Question(body="ask about work", asked_at=datetime(2026, 11, 2), client_id=ann.id))
    window = sv.make_window(store.meetings(), TODAY)
    case = sv.material(store, ann.id, DEMO_DAY_END, window)
    assert case.question == "What now?"
    assert [t.body for t in case.thoughts] == ["first", "second"]
    assert [t.body for t in case.carried] == ["before the window"]  # still with me, never brought
    assert [q.body for q in case.open_questions] == ["ask about work"]
    assert case.advice.held_on == LAST_MEETING
    assert (case.advice.item.advice, case.advice.item.outcome) == ("Slow down.", "Tried it; she noticed.")
    assert case.reasons == ["Flagged to bring to supervision.", "3 thoughts still with me."]


def test_last_advice_is_the_newest_held_one(store):
    ann = add(store, "Ann", "A1")
    held(store, date(2026, 9, 1), items=[SupervisionItem(client_id=ann.id, advice="older")])
    held(store, date(2026, 10, 1), items=[SupervisionItem(client_id=ann.id, advice="newer")])
    held(store, date(2026, 11, 1), items=[SupervisionItem(client_id=ann.id, question="brought, no advice")])
    store.add_meeting(SupervisionMeeting(held_on=TODAY, planned=True,
                                         items=[SupervisionItem(client_id=ann.id, advice="planned")]))
    follow = sv.last_advice(store.meetings(), ann.id)
    assert (follow.item.advice, follow.held_on) == ("newer", date(2026, 10, 1))
    assert sv.last_advice(store.meetings(), 999) is None


def test_demo_last_advice_shows_for_follow_through(demo_store):
    melanie = next(c for c in demo_store.clients() if c.name == "Melanie")
    case = sv.material(demo_store, melanie.id, DEMO_DAY_END, sv.make_window(demo_store.meetings(), TODAY))
    assert case.advice.held_on == LAST_MEETING
    assert case.advice.item.advice.startswith("Probably both.")
    assert case.advice.item.outcome.startswith("Asked whether the time still suits her.")


def test_chosen_for_brief_is_the_flagged_then_the_planned(store):
    ann, ben, cat = add(store, "Ann", "A1", flagged=True), add(store, "Ben", "B1"), add(store, "Cat", "C1")
    window = sv.make_window(store.meetings(), TODAY)
    assert sv.chosen_for_brief(store, DEMO_DAY_END, window) == [ann.id]
    store.add_meeting(SupervisionMeeting(held_on=TODAY, planned=True, items=[
        SupervisionItem(client_id=cat.id, question="?"), SupervisionItem(client_id=ann.id)]))
    assert sv.chosen_for_brief(store, DEMO_DAY_END, window) == [ann.id, cat.id]
    assert ben.id not in sv.chosen_for_brief(store, DEMO_DAY_END, window)


def test_prepare_keeps_the_order_given_and_my_practice(demo_store):
    ids = {c.name: c.id for c in demo_store.clients()}
    prep = sv.prepare(demo_store, DEMO_DAY_END, [ids["Melanie"], ids["Amaan"], ids["Melanie"]])
    assert [c.client.name for c in prep.cases] == ["Melanie", "Amaan"]
    assert [t.written_at.date() for t in prep.practice_thoughts] == [date(2026, 11, 8), date(2026, 11, 21)]
    assert [q.body[:21] for q in prep.practice_questions] == ["Ask at supervision: d"]
    assert len(prep.clients) == 18


def test_a_case_no_plan_holds_is_not_said_to_be_chosen(store):
    """Issue 20: after a meeting the pane said "☐ not chosen" beside "• Chosen for this supervision."."""
    kofi = add(store, "Kofi", "K1")
    steady(store, kofi)
    store.add_meeting(SupervisionMeeting(held_on=TODAY - timedelta(days=1),
                                         items=[SupervisionItem(client_id=kofi.id, question="why so steady?")]))
    case = sv.material(store, kofi.id, DEMO_DAY_END, sv.make_window(store.meetings(), TODAY))
    assert case.plan_item is None
    assert case.reasons == [sv.NOTHING_CALLS] and sv.CHOSEN_ONLY not in case.reasons


def test_a_case_chosen_in_the_plan_with_nothing_else_says_so(store):
    kofi = add(store, "Kofi", "K1")
    steady(store, kofi)
    store.add_meeting(SupervisionMeeting(held_on=TODAY + timedelta(days=2), planned=True,
                                         items=[SupervisionItem(client_id=kofi.id, question="why so steady?")]))
    case = sv.material(store, kofi.id, DEMO_DAY_END, sv.make_window(store.meetings(), TODAY))
    assert case.plan_item is not None and case.reasons == [sv.CHOSEN_ONLY]
