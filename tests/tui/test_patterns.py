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
        said = shown(screen.query_one("#summary", Static))
        # At 80 columns the line names only the latest place, so it stays one line; the list below has them all.
        assert said.startswith("relief, then guilt, 3 times: 2 earlier, then Melanie (15 Oct 2026).\n")
        assert "in a note written without them, found in its text" in said  # how the feelings were found
        feelings = shown(screen.query_one("#feelings-text", Static))
        assert "relief (4) · mine 3, not sure 1\n" in feelings and "15 Oct 2026  Melanie · whose: not sure" in feelings
        assert "Cancellation text" not in feelings  # whom and when, never the note's words
        await pilot.press("p")
        await pilot.pause()
        hidden = shown(screen.query_one("#summary", Static)) + shown(screen.query_one("#feelings-text", Static))
        assert "C-025" in hidden and "Melanie" not in hidden and "Pauline" not in hidden
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, DashboardScreen)


def test_a_long_feeling_lists_its_most_recent_and_says_how_many_earlier():
    from datetime import datetime

    from caseload_tui.model.patterns import OwnResponse
    from caseload_tui.rules.patterns import read_patterns
    from caseload_tui.tui.screens.patterns import SHOWN_A_FEELING, feelings_content

    many = [OwnResponse(n, datetime(2026, 1, 1 + n, 9, 0), "Relief.", n, f"Client {n}", f"C{n}") for n in range(15)]
    text = feelings_content(read_patterns(many, 52)).plain
    assert "relief (15)\n  … 3 earlier (caseload patterns lists every one)\n" in text
    assert text.count("Client") == SHOWN_A_FEELING and "Client 14 · found in its text" in text
    assert "Client 2 " not in text


async def test_the_summary_stays_one_line_naming_as_many_places_as_fit(demo_store):
    from textual.content import Content

    for width, places in ((80, "2 earlier, then Melanie (15 Oct 2026)."),
                          (120, "1 earlier, then Pauline (8 Apr 2026); Melanie (15 Oct 2026)."),
                          (160, "my practice, around my own break (24 Dec 2025); Pauline (8 Apr 2026); "
                                "Melanie (15 Oct 2026).")):
        async with make_app(demo_store, demo=True).run_test(size=(width, 30)) as pilot:
            await loaded(pilot)
            await pilot.press("P")
            await pilot.pause()
            summary = pilot.app.screen.query_one("#summary", Static)
            line = shown(summary).split("\n")[0]
            assert line == f"relief, then guilt, 3 times: {places}"
            assert Content(line).cell_length <= summary.content_region.width  # drawn on one line
            await pilot.resize_terminal(80, 30)  # narrowed: fewer places, still one line
            await pilot.pause()
            line = shown(summary).split("\n")[0]
            assert line.endswith("Melanie (15 Oct 2026).") and Content(line).cell_length <= summary.content_region.width


async def test_the_list_is_built_once_on_opening_and_a_resize_redraws_only_the_summary(demo_store, monkeypatch):
    from caseload_tui.tui.screens import patterns

    built = []
    monkeypatch.setattr(patterns, "feelings_content", lambda found, made=patterns.feelings_content: (
        built.append(found), made(found))[1])
    async with make_app(demo_store, demo=True).run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("P")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, PatternsScreen) and len(built) == 1
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        # The summary fits the narrower screen; the list (which wraps itself) was not built again.
        assert shown(screen.query_one("#summary", Static)).startswith(
            "relief, then guilt, 3 times: 2 earlier, then Melanie (15 Oct 2026).\n")
        assert len(built) == 1


async def test_a_list_longer_than_the_screen_is_drawn_whole_a_frame_after_the_lines_that_fill_it(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("P")
        await pilot.pause()
        text = pilot.app.screen.query_one("#feelings-text", Static)  # the demo's list is 45 lines
        await pilot.pause()
        whole = shown(text)
        assert "relief (4)" in whole and "resentment (1) · both 1" in whole  # the first feeling and the last
        assert whole.count("\n") >= 40
