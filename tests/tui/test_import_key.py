"""Importing a calendar from the dashboard: see what would change, then bring it in."""

from __future__ import annotations

from datetime import datetime

from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.modals.confirm import Confirm

from pilot_helpers import client_named, loaded, make_app, shown

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nX-WR-CALNAME:Practice\r\n"
    "BEGIN:VEVENT\r\nUID:session-1@example\r\nDTSTAMP:20261120T090000Z\r\n"
    "DTSTART:20261201T100000\r\nDTEND:20261201T105000\r\nSUMMARY:Amaan\r\nEND:VEVENT\r\n"
    "END:VCALENDAR\r\n"
)


async def _wait_for(pilot, kind) -> None:
    for _ in range(200):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} never opened")


async def test_import_a_calendar_from_the_dashboard(demo_store, tmp_path):
    calendar = tmp_path / "practice.ics"
    calendar.write_text(CALENDAR, encoding="utf-8", newline="")
    amaan = client_named(demo_store, "Amaan")
    before = len(demo_store.appointments(amaan.id))
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("i")
        assert isinstance(app.screen, FormScreen)
        app.screen.query_one("#path").value = str(tmp_path / "missing.ics")
        await pilot.press("ctrl+s")
        assert "There is no file there" in shown(app.screen.query_one("#error"))
        app.screen.query_one("#path").value = str(calendar)
        await pilot.press("ctrl+s")
        await _wait_for(pilot, Confirm)
        assert "1" in shown(app.screen.query_one("Static"))
        assert len(demo_store.appointments(amaan.id)) == before  # nothing yet: only a look
        await pilot.press("y")
        for _ in range(100):
            if len(demo_store.appointments(amaan.id)) > before:
                break
            await pilot.pause(0.02)
        assert any("Imported practice.ics" in str(n.message) for n in app._notifications)
    added = [a for a in demo_store.appointments(amaan.id) if a.starts_at == datetime(2026, 12, 1, 10, 0)]
    assert len(added) == 1 and added[0].source == "ics:Practice"
