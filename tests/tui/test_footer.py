"""Help and Quit are always in the footer, at any width, on every main screen (they were cut at 110-160)."""

from __future__ import annotations

import pytest
from test_review import open_review
from test_supervision import open_supervision
from textual.widgets._footer import FooterKey

from caseload_tui.tui.widgets.footer import WrappingFooter

from pilot_helpers import loaded, make_app

SIZES = [(80, 24), (120, 36), (140, 40), (160, 48), (230, 50)]


def keys_on_screen(app) -> dict[str, bool]:
    """Each footer key's description, and whether all of it lies inside the screen."""
    footer = app.screen.query_one(WrappingFooter)
    screen = app.screen.region
    return {key.description or key.key_display: screen.contains_region(key.region) and key.region.width > 0
            for key in footer.query(FooterKey)}


async def opened(pilot, where: str) -> None:
    await loaded(pilot)
    if where == "review":
        await open_review(pilot)
    elif where == "supervision":
        await open_supervision(pilot)
    for _ in range(5):
        await pilot.pause(0.02)


CASES = [("dashboard", size) for size in SIZES] + [
    (where, size) for where in ("review", "supervision") for size in ((80, 24), (140, 40), (160, 48))]


@pytest.mark.parametrize("where, size", CASES, ids=[f"{where}-{w}x{h}" for where, (w, h) in CASES])
async def test_help_and_quit_are_always_shown(demo_store, size, where):
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await opened(pilot, where)
        shown = keys_on_screen(app)
        assert shown.get("Help") and (shown.get("Quit") or shown.get("Back")), sorted(shown)
        # Every key the screen offers is whole on the screen: none is cut off at the edge.
        assert all(shown.values()), [name for name, whole in shown.items() if not whole]


async def test_the_footer_wraps_only_when_its_keys_need_it(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(230, 50)) as pilot:
        await loaded(pilot)
        footer = app.screen.query_one(WrappingFooter)
        assert not footer.has_class("-wrap") and footer.keys_width() <= 230
        await pilot.resize_terminal(footer.keys_width() - 1, 50)
        for _ in range(5):
            await pilot.pause(0.02)
        assert footer.has_class("-wrap")


async def test_the_supervision_screen_has_its_own_help(demo_store):
    from caseload_tui.tui.screens.help import HelpScreen

    from pilot_helpers import shown as shown_text

    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await opened(pilot, "supervision")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(shown_text(widget) for widget in app.screen.query("Static"))
        assert "Preparing for supervision" in text and "Export the supervision brief" in text
