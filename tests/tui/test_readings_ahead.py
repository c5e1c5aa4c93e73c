"""Mind and room and Patterns in me read ahead at idle: shown only while nothing they read has changed.

A caseload in a file (a reading ahead needs a second, read-only connection to it). The clock is the
screen tests' fixed one; every test waits for the dashboard to keep both readings first.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import Static

from caseload_tui import model as m
from caseload_tui.demo import load_demo
from caseload_tui.store import Store
from caseload_tui.tui.screens.mind import MindScreen
from caseload_tui.tui.screens.patterns import PatternsScreen
from caseload_tui.tui.screens.readings_ahead import READERS
from caseload_tui.tui.widgets.pair_list import PairList

from factories import DEMO_DAY
from pilot_helpers import NOW, client_named, loaded, make_app, shown


@pytest.fixture
def file_store(tmp_path):
    store = Store.open(tmp_path / "caseload.db", create=True)
    store.import_data(load_demo(DEMO_DAY))
    yield store
    store.close()


async def _both_kept(pilot) -> dict:
    await loaded(pilot)
    dashboard = pilot.app.screen
    for _ in range(500):
        kept = {kind: dashboard.readings.ready(kind, dashboard.readings.key(dashboard, weeks))
                for kind, (weeks, _) in READERS.items()}
        if all(reading is not None for reading in kept.values()):
            return kept
        await pilot.pause(0.02)
    raise AssertionError("the dashboard never read ahead")


async def _open(pilot, key: str, kind: type):
    await pilot.press(key)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


def _astonished(client_id: int | None) -> m.Thought:
    """A reaction with feeling words no other note in the demo has, written just now."""
    return m.Thought(body="Taken aback by how the hour ended.", written_at=NOW - timedelta(hours=1),
                     client_id=client_id, kind=m.ThoughtKind.REACTION, whose=m.Whose.MINE, feelings="astonishment")


async def test_the_screens_show_what_was_read_ahead_while_nothing_changed(file_store):
    async with make_app(file_store, demo=True).run_test(size=(160, 48)) as pilot:
        kept = await _both_kept(pilot)
        mind = await _open(pilot, "M", MindScreen)
        assert mind.reading is kept["mind"]
        assert "Melanie" in shown(mind.query_one("#contrast", Static))
        await pilot.press("escape")
        await pilot.pause()
        patterns = await _open(pilot, "P", PatternsScreen)
        assert patterns.found is kept["patterns"]
        assert shown(patterns.query_one("#summary", Static)).startswith("relief, then guilt, 3 times")


async def test_a_save_in_between_makes_each_screen_read_afresh_and_show_the_new_note(file_store):
    async with make_app(file_store, demo=True).run_test(size=(160, 48)) as pilot:
        kept = await _both_kept(pilot)
        melanie = client_named(file_store, "Melanie")
        before = next(r for r in kept["mind"].clients if r.client_id == melanie.id)
        file_store.add_thought(_astonished(melanie.id))  # this window's own save: data_version stays
        mind = await _open(pilot, "M", MindScreen)
        assert mind.reading is not kept["mind"]
        now = next(r for r in mind.reading.clients if r.client_id == melanie.id)
        assert now.notes == before.notes + 1
        assert f"{now.notes} notes" in shown(mind.query_one(PairList)).splitlines()[0]  # she is drawn first
        await pilot.press("escape")
        await pilot.pause()
        patterns = await _open(pilot, "P", PatternsScreen)
        assert patterns.found is not kept["patterns"]
        assert "astonishment (1)" in shown(patterns.query_one("#feelings-text", Static))
        assert "Melanie · whose: mine" in shown(patterns.query_one("#feelings-text", Static))


async def test_another_windows_commit_makes_the_screen_read_afresh(file_store):
    async with make_app(file_store, demo=True).run_test(size=(160, 48)) as pilot:
        kept = await _both_kept(pilot)
        other = Store.open(file_store.path)  # another window on the same file
        try:
            other.add_thought(_astonished(client_named(other, "Pauline").id))
        finally:
            other.close()
        patterns = await _open(pilot, "P", PatternsScreen)
        assert patterns.found is not kept["patterns"]
        feelings = shown(patterns.query_one("#feelings-text", Static))
        assert "astonishment (1)" in feelings and "Pauline · whose: mine" in feelings


async def test_privacy_mode_shows_codes_from_a_reading_kept_with_names(file_store):
    async with make_app(file_store, demo=True).run_test(size=(160, 48)) as pilot:
        kept = await _both_kept(pilot)
        await pilot.press("p")  # privacy mode on, at the dashboard, before either screen is opened
        await pilot.pause()
        mind = await _open(pilot, "M", MindScreen)
        assert mind.reading is kept["mind"]
        text = shown(mind.query_one("#contrast", Static)) + shown(mind.query_one(PairList))
        assert "C-025" in text and not [r.name for r in mind.reading.clients if r.name in text]
        await pilot.press("escape")
        await pilot.pause()
        patterns = await _open(pilot, "P", PatternsScreen)
        assert patterns.found is kept["patterns"]
        hidden = shown(patterns.query_one("#summary", Static)) + shown(patterns.query_one("#feelings-text", Static))
        assert "C-025" in hidden and "Melanie" not in hidden and "Pauline" not in hidden


async def test_a_caseload_in_memory_is_read_when_the_screen_opens(demo_store):
    async with make_app(demo_store, demo=True).run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        dashboard = pilot.app.screen
        await pilot.pause(1.5)  # idle: nothing can be read beside a caseload in memory, so nothing is kept
        assert dashboard.readings.ready("mind", dashboard.readings.key(dashboard, READERS["mind"][0])) is None
        mind = await _open(pilot, "M", MindScreen)
        assert "Melanie" in shown(mind.query_one("#contrast", Static))
