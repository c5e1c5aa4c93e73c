"""The three main screens (dashboard, day's end, supervision) at 80x24, 120x36 and 160x48, as snapshots.

Before each picture is taken the screen is read as drawn: Help and Quit are in the footer's rows, every
footer key is whole, and no two widgets are drawn on the same cells (screen_checks.py).
"""

from __future__ import annotations

import pytest
from screen_checks import footer_problems, overlaps
from test_review import open_review
from test_supervision import open_supervision

from pilot_helpers import loaded, make_app

SIZES = pytest.mark.parametrize("size", [(80, 24), (120, 36), (160, 48)], ids=["80x24", "120x36", "160x48"])


def _checked(opening=None):
    async def run_before(pilot) -> None:
        await loaded(pilot)
        if opening is not None:
            await opening(pilot)
        for _ in range(5):
            await pilot.pause(0.02)
        assert footer_problems(pilot.app) == []
        assert overlaps(pilot.app) == []
    return run_before


@SIZES
def test_dashboard(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_checked())


@SIZES
def test_days_end(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_checked(open_review))


@SIZES
def test_supervision(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_checked(open_supervision))
