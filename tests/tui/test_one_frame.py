"""What keeps a move through the caseload and a save to one frame (issue 19): counted, never timed.

The benchmark (benchmarks/bench.py) times them; these tests only check the mechanics it relies
on: the dashboard shows the newly highlighted client in the same call as the highlight moves
(no message in between), a move among clients of one group asks for no layout, a move wraps each
note it shows once and makes only the notes that fill the panes (a client shown again, none), a
saved thought redraws its row and its pane, not the header, and the collector's full pass comes
after the frame that shows the save.
"""

from __future__ import annotations

import gc

from textual.content import Content
from textual.screen import Screen
from textual.visual import Visual

from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.caseload_list import CaseloadList
from caseload_tui.tui.widgets.notes_panes import QuestionsPane, ThoughtsPane

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


def _counting_wraps(monkeypatch) -> list:
    """Every wrapping of a note into lines in the dashboard's panes, as it happens."""
    wrapped: list = []
    original = Visual.to_strips.__func__

    def counting(cls, widget, visual, *args, **kwargs):
        if isinstance(widget, (ThoughtsPane, QuestionsPane)):
            wrapped.append(widget)
        return original(cls, widget, visual, *args, **kwargs)

    monkeypatch.setattr(Visual, "to_strips", classmethod(counting))
    measure = Content.get_height

    def measuring(content, *args, **kwargs):  # OptionList's own way to measure: a second wrapping
        wrapped.append(content)
        return measure(content, *args, **kwargs)

    monkeypatch.setattr(Content, "get_height", measuring)
    return wrapped


async def test_a_move_wraps_each_note_it_shows_once_and_makes_only_those_that_fill_the_panes(demo_store, monkeypatch):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = app.screen
        caseload = screen.query_one(CaseloadList)
        caseload.focus()
        await pilot.pause(0.2)
        wrapped = _counting_wraps(monkeypatch)
        for _ in range(4):
            wrapped.clear()
            await pilot.press("down")
            await pilot.pause()  # the frame that draws it
            for pane in (screen.query_one(ThoughtsPane), screen.query_one(QuestionsPane)):
                made = [pane.get_option_at_index(i) for i in range(pane.option_count)]
                assert wrapped.count(pane) == len(made)  # drawn from one wrapping each
                assert not any(note.prompt is w for note in made for w in wrapped)  # and not measured apart
                above_the_last = sum(pane.lines_of(note, note._divider) for note in made[:-1])
                assert above_the_last <= pane.scrollable_content_region.height  # every note made is in view


async def test_showing_a_client_again_wraps_none_of_their_notes(demo_store, monkeypatch):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = app.screen
        caseload = screen.query_one(CaseloadList)
        caseload.focus()
        await pilot.pause(0.2)
        await pilot.press("down")
        await pilot.pause()
        first = screen.query_one(ThoughtsPane).get_option_at_index(0).prompt.plain
        await pilot.press("down")
        await pilot.pause()
        wrapped = _counting_wraps(monkeypatch)
        await pilot.press("up")
        await pilot.pause()
        assert screen.query_one(ThoughtsPane).get_option_at_index(0).prompt.plain == first
        assert wrapped == []


async def test_the_collector_runs_after_the_frame_that_shows_a_save_not_before(demo_store, monkeypatch):
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        screen = app.screen
        pane = screen.query_one(ThoughtsPane)
        await pilot.press("t")
        await pilot.pause()
        app.screen.query_one("#body").text = "a thought before the collector"
        app.screen.query("#kind RadioButton").first().value = True
        events: list[str] = []
        original = Screen._compositor_refresh

        def frame(s):
            original(s)
            if s is screen and "a thought before the collector" in pane.get_option_at_index(0).prompt.plain:
                events.append("frame showing the save")

        monkeypatch.setattr(Screen, "_compositor_refresh", frame)
        monkeypatch.setattr(gc, "collect", lambda *a: events.append("collector"))
        await pilot.press("ctrl+s")
        for _ in range(50):
            await pilot.pause(0.02)
            if "collector" in events:
                break
        assert events.count("collector") == 1
        assert events.index("frame showing the save") < events.index("collector")
