"""The stale-edit view on a small host app (after ggozad/oterm's tests/modals): both versions side by
side, the choices each kind of record offers, nothing decided by a stray key; and its snapshots."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from textual.app import App
from textual.widgets import Button, Static

from caseload_tui import model as m
from caseload_tui.tui import render
from caseload_tui.tui.modals.stale_edit import StaleEdit
from caseload_tui.tui.modals.stale_parts import bring_parts, ending_parts, thought_parts

from pilot_helpers import FormHost, shown

WRITTEN = datetime(2026, 11, 24, 19)
THEIRS = m.Thought(body="She tested the frame again: late, then the question about my holiday.",
                   written_at=WRITTEN, client_id=1, kind=m.ThoughtKind.INSIGHT, id=7, version=3)
MINE = m.Thought(body="She tested the frame again, and I felt\nthe pull to reassure her.", written_at=WRITTEN,
                 client_id=1, kind=m.ThoughtKind.REACTION, whose=m.Whose.MINE, id=7, version=2)


class _Host(App):
    pass


def column(view: StaleEdit, side: str) -> str:
    """What one side shows, field after field."""
    return "\n".join(shown(cell) for cell in view.query(f"#compare .{side}").results(Static))


def stale_thought(theirs=THEIRS) -> StaleEdit:
    return StaleEdit(render.label("This thought about Melanie", "bold"), thought_parts(theirs, MINE),
                     can_save_as_new=True, theirs_gone=theirs is None)


async def chosen_with(*keys: str, screen=None) -> list[m.StaleChoice | None]:
    app = _Host()
    received: list[m.StaleChoice | None] = []
    async with app.run_test(size=(120, 36)) as pilot:
        app.push_screen(screen or stale_thought(), received.append)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
    return received


async def test_both_versions_are_shown_side_by_side_byte_for_byte():
    app = _Host()
    async with app.run_test(size=(120, 36)) as pilot:
        view = stale_thought()
        app.push_screen(view)
        await pilot.pause()
        theirs, mine = column(view, "theirs"), column(view, "mine")
        first_theirs, first_mine = view.query("#compare .theirs").first(), view.query("#compare .mine").first()
        assert THEIRS.body in theirs and "insight" in theirs
        assert MINE.body in mine and "reaction" in mine and "mine" in mine  # whose, as it differs
        assert first_theirs.region.x < first_mine.region.x  # side by side, field by field
        assert first_theirs.region.y == first_mine.region.y


async def test_the_focus_starts_where_both_are_kept():
    assert await chosen_with("enter") == [m.StaleChoice.SAVE_AS_NEW]


async def test_escape_goes_back_to_the_form_deciding_nothing():
    assert await chosen_with("escape") == [None]


async def test_a_stray_letter_decides_nothing():
    app = _Host()
    async with app.run_test(size=(120, 36)) as pilot:
        received: list = []
        app.push_screen(stale_thought(), received.append)
        await pilot.pause()
        await pilot.press("y", "k", "m", "t", "n")
        await pilot.pause()
        assert received == [] and isinstance(app.screen, StaleEdit)


@pytest.mark.parametrize("button, choice", [("keep_mine", m.StaleChoice.KEEP_MINE),
                                            ("keep_theirs", m.StaleChoice.KEEP_THEIRS),
                                            ("save_as_new", m.StaleChoice.SAVE_AS_NEW)])
async def test_each_button_returns_its_choice(button, choice):
    app = _Host()
    async with app.run_test(size=(120, 36)) as pilot:
        received: list = []
        view = stale_thought()
        app.push_screen(view, received.append)
        await pilot.pause()
        view.query_one(f"#{button}", Button).press()
        await pilot.pause()
        assert received == [choice]


async def test_an_ending_offers_only_keep_mine_or_keep_theirs():
    app = _Host()
    async with app.run_test(size=(120, 36)) as pilot:
        theirs = m.Episode(started_on=date(2025, 1, 6), ended_on=date(2026, 11, 25), ended_by=m.EndedBy.CLIENT,
                           how=m.EndingHow.NO_LAST_SESSION, reflection=m.Reflection(helped="their words"))
        mine = m.Episode(started_on=date(2025, 1, 6), ended_on=date(2026, 11, 27), ended_by=m.EndedBy.BOTH,
                         how=m.EndingHow.GOODBYE, reflection=m.Reflection(helped="my words"))
        view = StaleEdit(render.label("The ending with Joel"), ending_parts(theirs, mine), can_save_as_new=False)
        app.push_screen(view)
        await pilot.pause()
        assert [b.id for b in view.query(Button)] == ["keep_mine", "keep_theirs", "back"]
        assert app.focused is view.query_one("#back", Button)
        assert "their words" in column(view, "theirs")
        assert "25 Nov 2026" in column(view, "theirs")
        assert "my words" in column(view, "mine")


async def test_a_note_deleted_in_the_other_window_cannot_be_kept_over():
    app = _Host()
    async with app.run_test(size=(120, 36)) as pilot:
        view = stale_thought(theirs=None)
        app.push_screen(view)
        await pilot.pause()
        assert [b.id for b in view.query(Button)] == ["keep_theirs", "save_as_new", "back"]
        assert m.GONE_THEIRS in column(view, "theirs")


async def test_control_characters_and_markup_in_a_note_are_shown_as_written_not_run():
    hostile = m.Thought(body="[bold]not markup[/bold] \x1b[2J", written_at=WRITTEN, client_id=1, id=7)
    app = _Host()
    async with app.run_test(size=(120, 36)) as pilot:
        view = StaleEdit(render.label("This thought"), thought_parts(THEIRS, hostile), can_save_as_new=True)
        app.push_screen(view)
        await pilot.pause()
        text = column(view, "mine")
        assert "[bold]not markup[/bold]" in text and "\x1b" not in text and "␛" in text


SIZES = pytest.mark.parametrize("size", [(160, 48), (80, 24)], ids=["160x48", "80x24"])


@SIZES
def test_stale_thought_snapshot(snap_compare, demo_store, size):
    assert snap_compare(FormHost(stale_thought, demo_store), terminal_size=size)


@SIZES
def test_stale_supervision_question_snapshot(snap_compare, demo_store, size):
    theirs = m.SupervisionItem(client_id=1, question="Why does he go quiet when I mention the break?")
    mine = m.SupervisionItem(client_id=1, question="What is the silence about, for him and for me?",
                             need=m.Need.THINK, tried="Naming the silence; waiting it out.")
    assert snap_compare(FormHost(lambda: StaleEdit(render.label("The question to bring about Joel", "bold"),
                                                   bring_parts(theirs, mine), can_save_as_new=False),
                                 demo_store), terminal_size=size)
