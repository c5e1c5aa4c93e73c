"""The footer: the everyday keys, each whole, Help and Quit always at its right, at any width; at most two
rows at 80x24; it follows the selection and the focus; notices never cover it; nothing on a screen is
drawn over anything else."""

from __future__ import annotations

import pytest
from screen_checks import footer_problems, overlaps, screen_rows
from test_review import open_review
from test_supervision import open_supervision
from textual.app import App
from textual.widgets import Static
from textual.widgets._footer import FooterKey

from caseload_tui.tui.widgets.footer import WrappingFooter

from pilot_helpers import client_named, loaded, make_app

SIZES = [(80, 24), (100, 30), (120, 36), (140, 40), (160, 48), (200, 50), (230, 50)]


async def opened(pilot, where: str) -> None:
    await loaded(pilot)
    if where == "review":
        await open_review(pilot)
    elif where == "supervision":
        await open_supervision(pilot)
    for _ in range(5):
        await pilot.pause(0.02)


def footer_keys(app) -> list[str]:
    return [key.description for key in app.screen.query_one(WrappingFooter).query(FooterKey)]


CASES = [(where, size) for where in ("dashboard", "review", "supervision") for size in SIZES]


@pytest.mark.parametrize("where, size", CASES, ids=[f"{where}-{w}x{h}" for where, (w, h) in CASES])
async def test_help_and_quit_are_always_shown_and_no_key_is_cut(demo_store, size, where):
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await opened(pilot, where)
        assert footer_problems(app) == []
        assert overlaps(app) == []
        footer = app.screen.query_one(WrappingFooter)
        assert footer.outer_size.height <= (2 if size[0] < 120 else 1), screen_rows(app)[-3:]


async def test_only_the_everyday_keys_are_in_the_dashboards_footer(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        assert footer_keys(app) == ["Thought", "Question", "Attend", "Search", "Review", "Supervise", "Privacy",
                                    "Help", "Quit"]
        assert "more: ? Help q Quit" in screen_rows(app)[-1]
        await pilot.press("tab", "tab")  # the questions: now r answers one
        await pilot.pause()
        assert "Answer" in footer_keys(app)


async def test_the_footer_follows_the_selection(demo_store):
    """News is offered on a former client, and no longer once the highlight moves to one still coming."""
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        caseload = app.screen.query_one("#caseload")
        graduate = caseload.get_option_index(f"client:{client_named(demo_store, 'Agnes').id}")
        while caseload.highlighted != graduate:
            await pilot.press("down")
        await pilot.pause()
        assert "News" in footer_keys(app)
        await pilot.press("up", "up")  # back among the absentees
        await pilot.pause()
        assert "News" not in footer_keys(app)


async def test_a_key_that_does_not_apply_says_why(demo_store):
    """With the caseload list focused, r and g have nothing highlighted to act on: they say what to do."""
    app = make_app(demo_store)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await loaded(pilot)
        for key, words in (("r", "To answer a question, highlight it"), ("g", "To let a thought go"),
                           ("n", "News is for former clients"), ("d", "To delete a thought or a question")):
            await pilot.press(key)
            await pilot.pause()
            assert any(words in notice.message for notice in app._notifications), key
        assert footer_problems(app) == []  # the notices stand above the footer's keys


async def test_notices_never_cover_the_footer(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await loaded(pilot)
        for _ in range(3):
            app.notify("A notice long enough to take three or four lines of the screen to say what it says.")
        for _ in range(10):
            await pilot.pause(0.05)
        assert "A notice long enough" in "\n".join(screen_rows(app))
        assert footer_problems(app) == []


class TwoOnOneCell(App[None]):
    """A made-up screen where one text is drawn over another: the check must see it."""

    CSS = "Static { width: 10; height: 1; } #over { offset: 3 -1; }"

    def compose(self):
        yield Static("underneath", id="under")
        yield Static("on top", id="over")


async def test_the_overlap_check_finds_two_texts_on_one_cell():
    app = TwoOnOneCell()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        found = overlaps(app)
        assert len(found) == 1 and "under" in found[0] and "over" in found[0]


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
        assert "  h" in text and "How far back" in text and "  ctrl+l" in text
