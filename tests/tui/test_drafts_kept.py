"""A draft whose form can no longer reopen (its client deleted, its ending or news gone) is never lost:
its text opens in a new thought, about the client if they are still here, else about my practice."""

from __future__ import annotations

import pytest

from caseload_tui.drafts import Draft, DraftKind, Drafts
from caseload_tui.model import ThoughtKind
from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.modals.forms import ThoughtForm

from pilot_helpers import NOW, choose_kind, client_named, loaded, make_app

KEPT = "What I learned: to wait \x1b[31m as she does"  # an ESC pasted in: kept byte for byte


def _graduate(store, name: str):
    from datetime import date

    from caseload_tui.model import EndedBy, EndingHow, Reflection

    client = client_named(store, name)
    store.end_work(client.id, date(2026, 11, 20), EndedBy.BOTH, EndingHow.GOODBYE, Reflection(),
                   close_open_questions=False, now=NOW)
    return store.client(client.id)


def _drafts(store, name: str):
    """Drafts of every dashboard kind about one client, whose client is then deleted."""
    client = client_named(store, name)
    episode = store.episodes(client.id)[-1]
    return client, [
        Draft(DraftKind.THOUGHT, {"body": KEPT}, {"client_id": client.id}),
        Draft(DraftKind.QUESTION, {"body": KEPT}, {"client_id": client.id}),
        Draft(DraftKind.GRADUATE, {"ended": "today", "i_learned": KEPT}, {"client_id": client.id}),
        Draft(DraftKind.REFLECTION, {"i_learned": KEPT}, {"client_id": client.id, "episode_id": episode.id}),
        Draft(DraftKind.NEWS, {"when": "today", "body": KEPT}, {"client_id": client.id}),
        Draft(DraftKind.DATE, {"when": "3 dec", "note": KEPT}, {"client_id": client.id}),
        Draft(DraftKind.SUPERVISION_QUESTION, {"question": KEPT}, {"client_id": client.id}),
    ]


async def _keep_it(app, pilot) -> None:
    """The form that opened is a new thought holding the text; it is saved as what it is."""
    await pilot.pause()
    assert isinstance(app.screen, ThoughtForm), type(app.screen).__name__
    assert KEPT in app.screen.query_one("#body").text
    await choose_kind(pilot, ThoughtKind.INSIGHT)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert not isinstance(app.screen, FormScreen)


@pytest.mark.parametrize("index", range(7), ids=["thought", "question", "graduate", "reflection", "news", "date",
                                                 "supervision-question"])
async def test_a_draft_whose_client_was_deleted_opens_as_a_thought_about_my_practice(demo_store, index):
    client, drafts = _drafts(demo_store, "Melanie")
    keeper = Drafts(demo_store)
    keeper.save(drafts[index])
    demo_store.delete_client(client.id)
    before = {t.id for t in demo_store.practice_thoughts()}
    app = make_app(demo_store, drafts=keeper)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await _keep_it(app, pilot)
        shown = " ".join(str(n.message) for n in app._notifications)
    new = [t for t in demo_store.practice_thoughts() if t.id not in before]
    assert len(new) == 1 and KEPT in new[0].body and new[0].client_id is None
    assert "deleted" in shown
    assert keeper.take() is None  # reopened once, not kept twice


async def test_a_graduation_draft_of_someone_graduated_since_opens_as_a_thought_about_them(demo_store):
    client = client_named(demo_store, "Melanie")
    keeper = Drafts(demo_store)
    keeper.save(Draft(DraftKind.GRADUATE, {"ended": "today", "i_learned": KEPT}, {"client_id": client.id}))
    _graduate(demo_store, "Melanie")  # in another window, meanwhile
    app = make_app(demo_store, drafts=keeper)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await _keep_it(app, pilot)
    assert [t.body for t in demo_store.thoughts([client.id]) if KEPT in t.body]


async def test_news_of_a_graduate_brought_back_since_opens_as_a_thought_about_them(demo_store):
    from caseload_tui.services import endings

    client = _graduate(demo_store, "Melanie")
    keeper = Drafts(demo_store)
    keeper.save(Draft(DraftKind.NEWS, {"when": "today", "body": KEPT}, {"client_id": client.id}))
    endings.reactivate(demo_store, client.id, client.ended_on)
    app = make_app(demo_store, drafts=keeper)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await _keep_it(app, pilot)
    assert [t.body for t in demo_store.thoughts([client.id]) if KEPT in t.body]


async def test_a_reflection_draft_whose_period_of_work_is_gone_opens_as_a_thought(demo_store):
    client = _graduate(demo_store, "Melanie")
    keeper = Drafts(demo_store)
    keeper.save(Draft(DraftKind.REFLECTION, {"i_learned": KEPT}, {"client_id": client.id, "episode_id": 999_999}))
    app = make_app(demo_store, drafts=keeper)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await _keep_it(app, pilot)
    assert [t.body for t in demo_store.thoughts([client.id]) if KEPT in t.body]


async def test_an_outcome_draft_whose_advice_is_no_longer_recorded_opens_as_a_thought_about_them(demo_store):
    client = client_named(demo_store, "Amaan")
    keeper = Drafts(demo_store)
    keeper.save(Draft(DraftKind.SUPERVISION_OUTCOME, {"outcome": KEPT}, {"client_id": client.id, "item_id": 999_999}))
    for meeting in demo_store.meetings():  # every meeting deleted since, in another window
        demo_store.delete_meeting(meeting.id)
    app = make_app(demo_store, drafts=keeper)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        await pilot.pause()
        await _keep_it(app, pilot)
    assert [t.body for t in demo_store.thoughts([client.id]) if KEPT in t.body]
