"""Before the session and closing the loop, driven by keys: the card, the review, the thread, the brief."""

from __future__ import annotations

from datetime import datetime

from caseload_tui import model as m
from caseload_tui import supervision as sv
from caseload_tui.brief import build_brief
from caseload_tui.tui.modals.close_loop import CloseLoopForm
from caseload_tui.tui.screens.before_session import BeforeSessionScreen, CardScreen
from caseload_tui.tui.screens.dashboard import DashboardScreen
from caseload_tui.tui.screens.review import ReviewScreen
from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.notes_panes import ThoughtsPane
from caseload_tui.tui.widgets.review_tell_them import FollowThroughList

from pilot_helpers import NOW, client_named, go_to, loaded, make_app, shown, type_text

NEXT_MORNING = datetime(2026, 11, 27, 8, 30)
TELL = "Something to tell her I remembered: in the first session"


async def _wait_for(pilot, kind) -> None:
    for _ in range(200):
        if isinstance(pilot.app.screen, kind):
            break
        await pilot.pause(0.01)
    await pilot.pause()
    assert isinstance(pilot.app.screen, kind), pilot.app.screen


async def test_the_day_s_clients_and_each_card(demo_store):
    async with make_app(demo_store).run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("T")
        await _wait_for(pilot, BeforeSessionScreen)
        screen = pilot.app.screen
        day = shown(screen.query_one("#day"))
        assert [line.split()[1] for line in day.splitlines()] == ["Melanie", "Ines", "Sanne", "Joel"]
        card = shown(screen.query_one("#card"))
        assert TELL in card and "cue: if she says again that nothing ever grows" in card
        assert "Open questions" in card and "Advice from supervision to try" in card
        assert "Dates that matter" in card and "Tue 1 Dec (in 5 days)" in card
        await pilot.press("down", "down", "down")
        card = shown(screen.query_one("#card"))
        assert card.startswith("Joel") and "⚠ safety concern: safeguarding" in card
        await pilot.press("p")  # privacy mode: the concern's words hidden, its marker kept
        await pilot.pause()
        card = shown(screen.query_one("#card"))
        assert "C-024" in card and "⚠ safety concern: safeguarding  words hidden in privacy mode" in card
        assert "shouted at the baby" not in card and "Joel" not in card
        await pilot.press("escape")
        await _wait_for(pilot, DashboardScreen)


async def test_a_tell_them_item_told_in_the_review_leaves_the_card_and_stays_in_the_thread(demo_store):
    melanie = client_named(demo_store, "Melanie")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("R")
        await _wait_for(pilot, ReviewScreen)
        review = pilot.app.screen
        loop = review.query_one(FollowThroughList)
        assert not loop.display  # not offered before they came
        await pilot.press("1")  # Melanie came
        await pilot.pause()
        assert loop.display and TELL in shown(loop)
        await pilot.press("o")
        await _wait_for(pilot, CloseLoopForm)
        await pilot.press("1")  # told
        await type_text(pilot, "she laughed, then went quiet")
        await pilot.press("ctrl+s")
        await _wait_for(pilot, ReviewScreen)
        await pilot.pause()
        assert "✉ told today" in shown(loop) and "How they took it: she laughed, then went quiet" in shown(loop)
        [told] = [t for t in demo_store.thoughts([melanie.id]) if t.telling]
        assert told.telling == m.Telling(m.TellOutcome.TOLD, NOW, "she laughed, then went quiet")

        # The advice, next in the list: tried, and how it went.
        await pilot.press("o")
        await _wait_for(pilot, CloseLoopForm)
        await pilot.press("1")
        await type_text(pilot, "offered her a later time and she took it")
        await pilot.press("ctrl+s")
        await _wait_for(pilot, ReviewScreen)
        await pilot.pause()
        assert "☞ tried" in shown(loop) and loop.border_subtitle == "all settled"
        await pilot.press("escape")
        await _wait_for(pilot, DashboardScreen)

    brief = build_brief(sv.prepare(demo_store, NEXT_MORNING, [melanie.id]))
    assert "- *How it went:* tried: offered her a later time and she took it" in brief

    # The next day: gone from her card, there in her thread with its story.
    async with make_app(demo_store, now=NEXT_MORNING).run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{melanie.id}")
        thread = shown(pilot.app.screen.query_one(ThoughtsPane))
        assert "✉ told Thu 26 Nov" in thread and "How they took it: she laughed, then went quiet" in thread
        await pilot.press("B")
        await _wait_for(pilot, CardScreen)
        card = shown(pilot.app.screen.query_one("#card"))
        assert card.startswith("Melanie") and TELL not in card and "To tell them" not in card
        assert "Advice from supervision" not in card and "Open questions" in card


async def test_a_thought_marked_as_a_safety_concern_shows_on_the_header_until_resolved(demo_store):
    ines = client_named(demo_store, "Ines")
    async with make_app(demo_store).run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{ines.id}")
        header = pilot.app.screen.query_one(CaseHeader)
        assert "Safety concern" not in shown(header)
        assert "◷ Sat 5 Dec (in 9 days) The midwifery course interview." in shown(header)
        await pilot.press("tab")  # to her thoughts
        assert isinstance(pilot.app.focused, ThoughtsPane)
        await pilot.press("exclamation_mark")
        await pilot.pause()
        await pilot.press("2", "ctrl+s")  # risk to others
        await pilot.pause()
        assert "⚠ Safety concern: risk to others  (1 open; ! on the note when resolved)" in shown(header)
        [marked] = demo_store.open_concerns([ines.id])
        assert marked.safety.concern is m.SafetyConcern.RISK_TO_OTHERS
        await pilot.press("p")
        await pilot.pause()
        assert "⚠ Safety concern: risk to others" in shown(header)
        assert "words hidden in privacy mode" in shown(pilot.app.screen.query_one(ThoughtsPane))
        await pilot.press("p", "exclamation_mark")
        await pilot.pause()
        await pilot.press("y")  # resolved
        await pilot.pause()
        assert "Safety concern" not in shown(header)
        assert demo_store.open_concerns([ines.id]) == []
