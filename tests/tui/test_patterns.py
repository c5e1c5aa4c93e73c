"""The Patterns in me screen: P from the dashboard, the summary line, feelings with whom and when, privacy mode."""

from __future__ import annotations

from textual.widgets import Static

from caseload_tui.tui.screens.dashboard import DashboardScreen
from caseload_tui.tui.screens.patterns import PatternsScreen

from pilot_helpers import loaded, make_app, shown


async def test_p_groups_my_responses_by_feeling_and_privacy_hides_names(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("P")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PatternsScreen)
        assert shown(screen.query_one("#summary", Static)).startswith("relief, then guilt, twice: my practice")
        feelings = shown(screen.query_one("#feelings-text", Static))
        assert "relief (3)\n" in feelings and "15 Oct 2026  Melanie" in feelings
        assert "Cancellation text" not in feelings  # whom and when, never the note's words
        await pilot.press("p")
        await pilot.pause()
        hidden = shown(screen.query_one("#summary", Static)) + shown(screen.query_one("#feelings-text", Static))
        assert "C-025" in hidden and "Melanie" not in hidden and "Pauline" not in hidden
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DashboardScreen)
