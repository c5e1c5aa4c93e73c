"""A delete is asked for deliberately and can be undone for a while (issue 11).

Stray typing cannot delete ("d" then "y" deleted a question); ctrl+z in the next seconds puts the
note back exactly as it was stored: its id, its version and every column.
"""

from __future__ import annotations

import pytest

from caseload_tui.tui.modals.confirm import Confirm
from caseload_tui.tui.screens import dashboard_notes
from caseload_tui.tui.widgets.notes_panes import QuestionsPane, ThoughtsPane

from pilot_helpers import client_named, confirm_deliberately, go_to, loaded, make_app


def stored_row(store, table: str, record_id: int) -> dict | None:
    found = store._conn.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id]).fetchone()
    return dict(zip(found.keys(), tuple(found), strict=True)) if found else None


@pytest.mark.parametrize("table, pane, tabs", [("thoughts", ThoughtsPane, 1), ("questions", QuestionsPane, 2)])
async def test_a_deleted_note_is_put_back_exactly_by_ctrl_z(demo_store, table, pane, tabs):
    amaan = client_named(demo_store, "Amaan")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press(*["tab"] * tabs)
        assert isinstance(app.focused, pane)
        note_id = app.focused.current_id
        before = stored_row(demo_store, table, note_id)
        await pilot.press("d")
        await pilot.press("y", "enter")  # stray typing: neither a letter nor enter (on Keep) deletes
        await pilot.pause()
        assert stored_row(demo_store, table, note_id) == before
        await pilot.press("d")
        assert isinstance(app.screen, Confirm) and not app.screen.armed  # not at once
        await confirm_deliberately(pilot)
        assert stored_row(demo_store, table, note_id) is None
        assert any("ctrl+z" in str(n.message) for n in app._notifications)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_row(demo_store, table, note_id) == before  # every column, id and version too
        assert f"{table[:-1]}:{note_id}" in [o.id for o in app.screen.query_one(pane).options]
        assert demo_store.search(before["body"].split()[0])  # back in the search index too


async def test_after_a_while_a_delete_stands(demo_store, monkeypatch):
    monkeypatch.setattr(dashboard_notes, "UNDO_SECONDS", 0.2)
    amaan = client_named(demo_store, "Amaan")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press("tab")
        note_id = app.focused.current_id
        await pilot.press("d")
        await confirm_deliberately(pilot)
        await pilot.pause(0.5)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_row(demo_store, "thoughts", note_id) is None
        assert any("Nothing to undo" in str(n.message) for n in app._notifications)
