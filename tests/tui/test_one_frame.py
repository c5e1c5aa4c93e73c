"""What keeps a move through the caseload and a save to one frame (issue 19): counted, never timed.

The benchmark (benchmarks/bench.py) times them; these tests only check the mechanics it relies
on: the dashboard shows the newly highlighted client in the same call as the highlight moves
(no message in between), a move among clients of one group asks for no layout, and a saved
thought redraws its row and its pane, not the header.
"""

from __future__ import annotations

from textual.screen import Screen

from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.caseload_list import CaseloadList
from caseload_tui.tui.widgets.notes_panes import ThoughtsPane

from pilot_helpers import loaded, make_app


def _shown(widget) -> str:
    return str(widget.content)


async def test_the_highlight_and_what_it_shows_change_in_one_call(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = app.screen
        caseload, header = screen.query_one(CaseloadList), screen.query_one(CaseHeader)
        caseload.focus()
        await pilot.pause()
        caseload.action_cursor_down()  # no await: nothing else runs before the next line
        record = screen.records[caseload.case.client_id]
        assert record.client.name in _shown(header)
        first = screen.store.thoughts([record.client.id])[0]
        pane = screen.query_one(ThoughtsPane)
        assert pane.get_option_at_index(0).id == f"thought:{first.id}"


async def test_moving_among_regulars_asks_for_no_layout(demo_store, monkeypatch):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = app.screen
        caseload, header = screen.query_one(CaseloadList), screen.query_one(CaseHeader)
        caseload.focus()
        await pilot.pause(0.2)
        layouts = []
        original = Screen._refresh_layout
        monkeypatch.setattr(Screen, "_refresh_layout", lambda s, *a, **k: (layouts.append(s), original(s, *a, **k)))
        names = []
        for _ in range(6):  # the demo's first regulars, all in one group: the same panes, the same header
            await pilot.press("down")
            await pilot.pause()
            names.append(screen.records[caseload.case.client_id].client.name)
            assert names[-1] in _shown(header)
        assert len(set(names)) == 6
        assert layouts == []


async def test_a_saved_thought_redraws_its_row_and_pane_not_the_header(demo_store, monkeypatch):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = app.screen
        caseload = screen.query_one(CaseloadList)
        record = screen.records[caseload.case.client_id]
        headers = []
        original = CaseHeader.show_client
        monkeypatch.setattr(CaseHeader, "show_client", lambda h, *a, **k: (headers.append(h), original(h, *a, **k)))
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#body").text = "a thought saved in one frame"
        app.screen.query("#kind RadioButton").first().value = True
        await pilot.press("ctrl+s")
        for _ in range(50):
            await pilot.pause(0.02)
            if app.screen is screen:
                break
        await pilot.pause()
        pane = screen.query_one(ThoughtsPane)
        assert "a thought saved in one frame" in pane.get_option_at_index(0).prompt.plain
        row = caseload.get_option(f"client:{record.client.id}").prompt.plain
        assert f"✎{record.lingering_thoughts + 1}" in row
        assert headers == []
