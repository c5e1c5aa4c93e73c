"""A one-key write on a busy caseload waits for it as a form's save does (tui/patient_write.py), instead of
"busy, try again": a plain line while it waits, the screen live, the change stored once the lock frees."""

from __future__ import annotations

from datetime import datetime

import pytest
from test_saving import hold_write_lock, notices, one_client, until

from caseload_tui import model as m
from caseload_tui.tui import patient_write
from caseload_tui.tui.modals import save_runner
from caseload_tui.tui.screens.review import ReviewScreen
from caseload_tui.tui.screens.supervision import SupervisionScreen
from caseload_tui.tui.widgets.caseload_list import CaseloadList

from pilot_helpers import loaded, make_app

WAITING_WORDS = "this change will be saved as soon as it is free"


@pytest.fixture
def demo_file(tmp_path):
    """The demo caseload in a file, so another connection can hold its write lock."""
    from caseload_tui.demo import load_demo
    from caseload_tui.store import Store

    from clock import DEMO_DAY_END

    store = Store.open(tmp_path / "caseload.db", create=True)
    store.import_data(load_demo(DEMO_DAY_END.date()))
    yield store
    store.close()


def _flagged(store) -> bool:
    return store.clients()[0].bring_to_supervision


async def _press_while_locked(pilot, path, key: str, stored) -> None:
    """Press the key while another window holds the write lock; it waits, saying so; then the lock frees."""
    app = pilot.app
    other = hold_write_lock(path)
    try:
        await pilot.press(key)
        await pilot.pause()
        assert any(WAITING_WORDS in n for n in notices(app)), notices(app)
        assert not any("busy" in n and "try again" in n.lower() and WAITING_WORDS not in n for n in notices(app))
        assert not stored()
        await pilot.pause(0.6)  # a try or two while still locked: still waiting, screen live
        assert not stored()
        await pilot.press("down", "up")  # the screen answers keys meanwhile
    finally:
        other.rollback()
        other.close()
    await until(pilot, stored)
    await pilot.pause(0.1)
    assert not any(WAITING_WORDS in n for n in notices(app))  # the waiting line goes once saved


async def test_flagging_a_client_on_a_busy_caseload_waits_and_is_stored(tmp_path):
    path, store = one_client(tmp_path)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        app.screen.query_one(CaseloadList).select_client(store.clients()[0].id)
        await pilot.pause()
        await _press_while_locked(pilot, path, "b", lambda: _flagged(store))
        assert "Flagged for supervision." in notices(app)


async def test_letting_a_thought_go_on_a_busy_caseload_waits_and_is_stored(tmp_path):
    path, store = one_client(tmp_path)
    client = store.clients()[0]
    store.add_thought(m.Thought(client_id=client.id, body="the pause at the door", written_at=datetime(2026, 11, 25)))
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        app.screen.query_one(CaseloadList).select_client(client.id)
        await pilot.pause()
        await pilot.press("tab")
        await _press_while_locked(pilot, path, "g", lambda: not store.thoughts()[0].lingering)
        assert "Let go." in notices(app)


async def test_a_session_recorded_with_one_key_on_a_busy_caseload_waits_and_is_stored(demo_file):
    demo_store, path = demo_file, demo_file.path
    app = make_app(demo_store, start="review")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        session = screen.session
        await _press_while_locked(pilot, path, "1", lambda: any(
            a.starts_at == session.starts_at and a.status is m.Status.ATTENDED
            for a in demo_store.appointments(session.client.id)))
        assert "Recorded: came." in notices(app)


async def test_choosing_a_case_for_supervision_on_a_busy_caseload_waits_and_is_stored(demo_file):
    demo_store = demo_file
    from caseload_tui import supervision as sv

    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, SupervisionScreen) and app.screen.loaded)
        target = next(c.id for c in app.screen.others if c.id not in app.screen.chosen)
        app.screen.query_one("#cases").highlight_case(target)
        await pilot.pause()
        await _press_while_locked(pilot, demo_store.path, "space", lambda: (plan := sv.current_plan(
            demo_store.meetings())) is not None and target in {i.client_id for i in plan.items})


async def test_a_caseload_busy_too_long_says_the_key_was_not_saved(tmp_path, monkeypatch):
    key = "b"
    monkeypatch.setattr(save_runner, "TRIES", 3)  # half a minute of tries, cut to a second and a half
    path, store = one_client(tmp_path)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        app.screen.query_one(CaseloadList).select_client(store.clients()[0].id)
        await pilot.pause()
        other = hold_write_lock(path)
        try:
            await pilot.press(key)
            await until(pilot, lambda: patient_write.GAVE_UP in notices(app))
            assert not _flagged(store)
            assert not any(WAITING_WORDS in n for n in notices(app))
        finally:
            other.rollback()
            other.close()
        await pilot.press(key)  # pressed again once it is free: saved
        await until(pilot, lambda: _flagged(store))


async def test_a_safety_concern_marked_on_a_busy_caseload_waits_and_is_stored(tmp_path):
    path, store = one_client(tmp_path)
    client = store.clients()[0]
    store.add_thought(m.Thought(client_id=client.id, body="she said she had a plan", written_at=datetime(2026, 11, 25)))
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        app.screen.query_one(CaseloadList).select_client(client.id)
        await pilot.pause()
        await pilot.press("tab", "exclamation_mark")
        await pilot.pause()
        await pilot.press("1")  # risk to self
        await _press_while_locked(pilot, path, "ctrl+s", lambda: bool(store.open_concerns([client.id])))
        assert "Marked as a safety concern: risk to self." in notices(app)
