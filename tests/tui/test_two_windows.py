"""Two windows on one caseload: each sees the other's saves; a stale edit is refused, not lost."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import model as m
from caseload_tui.store import Store
from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.modals.stale_edit import StaleEdit
from caseload_tui.tui.widgets.caseload_list import CaseloadList
from caseload_tui.tui.widgets.notes_panes import ThoughtsPane

from pilot_helpers import loaded, make_app, settle, shown, type_text


def two_stores(tmp_path):
    path = tmp_path / "caseload.db"
    first = Store.open(path, create=True)
    client = first.add_client(m.Client(name="Amaan", code="C-001", started_on=date(2025, 1, 6)))
    first.add_thought(m.Thought(body="the first version", written_at=datetime(2026, 11, 20, 18),
                                client_id=client.id))
    return first, Store.open(path), client


async def test_the_other_windows_saves_appear(tmp_path):
    mine, other, client = two_stores(tmp_path)
    app = make_app(mine)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        other.add_thought(m.Thought(body="written in the other window", written_at=datetime(2026, 11, 26, 18),
                                    client_id=client.id))
        app.screen._watch_other_windows()
        await settle(pilot, "load")
        await pilot.pause()
        assert "written in the other window" in shown(app.screen.query_one(ThoughtsPane))
        assert "✎2" in shown(app.screen.query_one(CaseloadList))


async def test_a_stale_edit_is_refused_and_the_form_keeps_my_words(tmp_path):
    mine, other, client = two_stores(tmp_path)
    app = make_app(mine)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("tab", "e")
        body = app.screen.query_one("#body")
        body.move_cursor(body.document.end)
        await type_text(pilot, " and mine")
        theirs = other.thoughts()[0]
        theirs.body = "their edit"
        other.update_thought(theirs)
        await pilot.press("ctrl+s")
        await pilot.pause()
        # Both versions are shown side by side (tests/tui/test_stale_windows.py); Escape goes back to
        # the form, which stays open with my words (nothing a clinician types is lost) and says why.
        assert isinstance(app.screen, StaleEdit)
        await pilot.press("escape")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormScreen) and form.query_one("#body").text.endswith(" and mine")
        assert "Not saved yet" in shown(form.query_one("#error"))
        await settle(pilot, "load")
    assert mine.thoughts()[0].body == "their edit"  # nothing silently overwritten
