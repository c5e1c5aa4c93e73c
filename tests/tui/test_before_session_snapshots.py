"""Snapshots of the before-the-session screen: the demo's day, wide and at 80x24 (six clients fit unscrolled)."""

from __future__ import annotations

import pytest

from caseload_tui import model as m
from caseload_tui.tui.screens.before_session import BeforeSessionScreen

from factories import add_client, add_question, add_session, add_thought
from pilot_helpers import NOW, loaded, make_app

WIDE, NARROW = (160, 48), (80, 24)


async def _open_today(pilot) -> None:
    await loaded(pilot)
    await pilot.press("T")
    for _ in range(200):
        if isinstance(pilot.app.screen, BeforeSessionScreen):
            break
        await pilot.pause(0.01)
    await pilot.pause()


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_before_the_session(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_open_today)


def test_a_day_of_six_clients_at_80x24(snap_compare, store):
    """Six clients due: the whole day's list and the first card, read without scrolling."""
    for i, name in enumerate(["Ann", "Ben", "Cleo", "Dara", "Eli", "Fay"]):
        client = add_client(store, name=name, code=f"C-{i + 1:03d}")
        add_session(store, client, NOW.replace(hour=9 + i, minute=0))
        add_session(store, client, NOW.replace(day=19, hour=9 + i, minute=0), m.Status.ATTENDED)
        add_thought(store, client, body=f"Tell {name} I remembered the walk by the river.", tell_client=True)
        add_question(store, client, body=f"How did the week with {name}'s sister go?")
    assert snap_compare(make_app(store), terminal_size=NARROW, run_before=_open_today)
