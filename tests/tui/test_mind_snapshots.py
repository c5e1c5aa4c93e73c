"""SVG snapshots of the Mind and room screen (the demo, on the fixed clock), wide and at 80x24.

Update with `pytest tests/tui/test_mind_snapshots.py --snapshot-update`, then look at them.
"""

from __future__ import annotations

import pytest

from caseload_tui.tui.screens.mind import MindScreen

from pilot_helpers import loaded, make_app


async def _mind_open(pilot) -> None:
    await loaded(pilot)
    await pilot.press("M")
    for _ in range(100):
        if isinstance(pilot.app.screen, MindScreen) and pilot.app.screen.reading is not None:
            break
        await pilot.pause(0.01)
    await pilot.pause()


@pytest.mark.parametrize("size", [(160, 48), (80, 24)], ids=["160x48", "80x24"])
def test_mind_and_room(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_mind_open)


def test_mind_and_room_in_privacy_mode(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store, demo=True, redact=True), terminal_size=(80, 24), run_before=_mind_open)


async def _patterns_open(pilot) -> None:
    await loaded(pilot)
    await pilot.press("P")
    await pilot.pause()


@pytest.mark.parametrize("size", [(160, 48), (80, 24)], ids=["160x48", "80x24"])
def test_patterns_in_me(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_patterns_open)
