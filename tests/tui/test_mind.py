"""The Mind and room screen: opened with M from the dashboard, its contrast, privacy mode, and enter to a thread."""

from __future__ import annotations

from textual.widgets import Static

from caseload_tui.tui.commands import ScreenKeys
from caseload_tui.tui.screens.dashboard import DashboardScreen
from caseload_tui.tui.screens.help import HelpScreen
from caseload_tui.tui.screens.mind import MindScreen
from caseload_tui.tui.widgets.pair_list import PairList

from pilot_helpers import client_named, loaded, make_app, shown


async def _open_mind(pilot) -> MindScreen:
    await loaded(pilot)
    await pilot.press("M")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, MindScreen)
    return screen


async def test_m_shows_the_contrast_and_a_pair_of_bars_a_client(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(160, 48)) as pilot:
        screen = await _open_mind(pilot)
        contrast = shown(screen.query_one("#contrast", Static)).splitlines()
        assert contrast[0].startswith("◈ Who I carry most, though they come least: Melanie")
        assert contrast[2].startswith("◇ Who comes steadily, yet seldom crosses my mind: ")
        assert "nobody" not in contrast[2]
        rows = shown(screen.query_one(PairList)).splitlines()
        assert len(rows) == 2 * len(screen.reading.clients)
        melanie_mind, melanie_room = rows[0], rows[1]  # most in mind first
        melanie = screen.reading.clients[0]
        assert "Melanie" in melanie_mind and "mind █" in melanie_mind and f"{melanie.notes} notes" in melanie_mind
        assert "room █" in melanie_room and "░" in melanie_room
        assert f"{melanie.came} came · {melanie.missed} missed" in melanie_room and melanie.missed > melanie.came
        # the bars are drawn to scale: hers is the longest mind bar
        assert melanie_mind.count("█") == max(r.count("█") for r in rows[0::2])


async def test_privacy_mode_hides_every_name(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(160, 48)) as pilot:
        screen = await _open_mind(pilot)
        await pilot.press("p")
        await pilot.pause()
        text = shown(screen.query_one("#contrast", Static)) + shown(screen.query_one(PairList))
        names = [r.name for r in screen.reading.clients]
        assert "C-025" in text and not [name for name in names if name in text]
        await pilot.press("p")
        await pilot.pause()
        assert "Melanie" in shown(screen.query_one("#contrast", Static))


async def test_enter_goes_to_the_clients_thread(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(80, 24)) as pilot:
        screen = await _open_mind(pilot)
        await pilot.press("down", "down")
        chosen = screen.reading.clients[2]
        await pilot.press("enter")
        await pilot.pause()
        dashboard = pilot.app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert dashboard.selected_client().client.id == chosen.client_id
        await pilot.press("M")
        await pilot.pause()
        await pilot.press("enter")  # enter does the same from the first client
        await pilot.pause()
        assert pilot.app.screen.selected_client().client.id == client_named(demo_store, "Melanie").id


async def test_escape_goes_back_and_the_key_is_in_help_and_palette(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(160, 48)) as pilot:
        await _open_mind(pilot)
        await pilot.press("escape")
        await pilot.pause()
        dashboard = pilot.app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert ("M", "mind") in {(b.key, b.action) for b in dashboard.BINDINGS}
        texts = [text for text, _run in ScreenKeys(dashboard)._commands()]
        assert any(text.startswith("Mind: Mind and room") for text in texts)
        assert any(text.startswith("Patterns: Patterns in me") for text in texts)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        assert "Mind and room: who takes up my mind" in shown(pilot.app.screen.query_one("Static"))


async def test_a_click_on_a_pair_of_bars_opens_that_clients_thread(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(80, 24)) as pilot:
        screen = await _open_mind(pilot)
        second = screen.reading.clients[1]
        await pilot.click("#clients", offset=(6, 4))  # below the border: the second client's room bar
        await pilot.pause()
        dashboard = pilot.app.screen
        assert isinstance(dashboard, DashboardScreen)
        assert dashboard.selected_client().client.id == second.client_id


async def test_a_long_list_is_moved_through_by_keys_and_drawn_as_it_comes_into_view(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(80, 24)) as pilot:
        screen = await _open_mind(pilot)
        pairs = screen.query_one(PairList)
        await pilot.press("end")
        await pilot.pause()
        assert pairs.highlighted == pairs.row_count - 1 and pairs.scroll_offset.y > 0  # scrolled to the last
        await pilot.press("home", "down")
        await pilot.pause()
        assert (pairs.highlighted, pairs.scroll_offset.y) == (1, 0)
