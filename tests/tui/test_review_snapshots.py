"""SVG snapshots of the day's end review on the demo caseload, at 160x48 and 80x24, on the fixed clock.

Update with `pytest tests/tui/test_review_snapshots.py --snapshot-update`, then look at them.
"""

from __future__ import annotations

import pytest

from pilot_helpers import loaded, make_app

WIDE, NARROW = (160, 48), (80, 24)
SIZES = pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])


def _keys(*keys: str, text: str = ""):
    async def run_before(pilot) -> None:
        await loaded(pilot)
        await pilot.press("R")
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        if text:
            await pilot.press(*[{" ": "space"}.get(c, c) for c in text])
        pilot.app.clear_notifications()
        await pilot.pause()
    return run_before


@SIZES
def test_review_first_session(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_keys())


@SIZES
def test_review_recorded_and_carried_forward(snap_compare, demo_store, size):
    """Melanie came; her first question is carried forward, the second is highlighted."""
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_keys("1", "k"))


@SIZES
def test_review_never_recorded_session(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size,
                        run_before=_keys("1", "right", "2", "right", "1", "right", "5", "enter", "n", "right"))


@SIZES
def test_review_miss_note_form(snap_compare, demo_store, size):
    """Melanie cancelled: how it came, before it is recorded."""
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size,
                        run_before=_keys("3", text="texted at 7:40, no other time asked for"))


@SIZES
def test_review_reaction_prompt(snap_compare, demo_store, size):
    """After the miss is recorded: what did it stir?"""
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_keys("3", "enter"))


@SIZES
def test_review_moved_form(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size,
                        run_before=_keys("right", "7", text="fri 14:00"))


@SIZES
def test_review_summary(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size,
                        run_before=_keys("1", "k", "right", "2", "right", "1", "right", "5", "enter", "n", "right",
                                         "6", "s"))
