"""SVG snapshots of the supervision screen and its forms, at fixed sizes on a fixed clock.

Update with `pytest tests/tui/test_supervision_snapshots.py --snapshot-update`, then look at them.
"""

from __future__ import annotations

import pytest

from caseload_tui.tui.screens.supervision import CaseChooser, SupervisionScreen

from pilot_helpers import client_named, make_app

WIDE, NARROW = (160, 48), (80, 24)


def _at(name: str | None = None, *keys: str):
    async def run_before(pilot) -> None:
        for _ in range(300):
            if isinstance(pilot.app.screen, SupervisionScreen) and pilot.app.screen.loaded:
                break
            await pilot.pause(0.01)
        screen = pilot.app.screen
        if name is not None:
            chooser = screen.query_one(CaseChooser)
            target = chooser.get_option_index(f"client:{client_named(pilot.app.store, name).id}")
            while chooser.highlighted != target:
                await pilot.press("down")
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
    return run_before


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_supervision_screen(snap_compare, demo_store, size):
    app = make_app(demo_store, demo=True, start="supervision")
    assert snap_compare(app, terminal_size=size, run_before=_at("Melanie"))


def test_supervision_privacy_mode(snap_compare, demo_store):
    app = make_app(demo_store, start="supervision")
    assert snap_compare(app, terminal_size=NARROW, run_before=_at("Amaan", "p"))


@pytest.mark.parametrize("key", ["w", "m", "o"], ids=["question", "meeting", "outcome"])
def test_supervision_forms(snap_compare, demo_store, key):
    app = make_app(demo_store, start="supervision")
    assert snap_compare(app, terminal_size=WIDE, run_before=_at("Melanie", key))


def test_export_form(snap_compare, demo_store, monkeypatch):
    monkeypatch.setenv("HOME", "/home/clinician")  # the suggested file goes in the home folder
    monkeypatch.setattr("pathlib.Path.is_dir", lambda self: True)
    app = make_app(demo_store, start="supervision")
    assert snap_compare(app, terminal_size=NARROW, run_before=_at("Melanie", "x"))
