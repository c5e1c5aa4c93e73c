"""A note field draws each control character as its one-cell picture (render.field_line), so where the cursor
is, where a line wraps and where a click lands are measured on the drawn pictures, not on the raw bytes (whose
control characters take no cell): after a pasted ESC the cursor stood one cell to the left of where it is."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Offset

from caseload_tui.tui.modals.base import NoteArea

PASTED = "a\x1b[31mb\x07c"  # drawn a␛[31mb␇c: nine cells, one a character


class OneField(App[None]):
    def compose(self) -> ComposeResult:
        yield NoteArea(PASTED, soft_wrap=True, show_line_numbers=False, compact=True)


async def test_the_cursor_stands_after_the_pictures_it_follows():
    app = OneField()
    async with app.run_test(size=(40, 5)) as pilot:
        area = app.query_one(NoteArea)
        area.focus()
        area.move_cursor((0, len(PASTED)))
        await pilot.pause()
        assert area.cursor_screen_offset == area.content_region.offset + Offset(9, 0)
        area.move_cursor((0, 2))  # just after the ␛
        await pilot.pause()
        assert area.cursor_screen_offset == area.content_region.offset + Offset(2, 0)
        assert area.text == PASTED  # kept byte for byte


async def test_a_click_lands_on_the_character_drawn_there():
    app = OneField()
    async with app.run_test(size=(40, 5)) as pilot:
        area = app.query_one(NoteArea)
        await pilot.click(NoteArea, offset=area.content_region.offset - area.region.offset + Offset(2, 0))
        await pilot.pause()
        assert area.cursor_location == (0, 2)  # on the [ after the ␛, the third cell


async def test_a_line_of_pictures_wraps_where_it_is_drawn_full():
    app = OneField()
    async with app.run_test(size=(12, 6)) as pilot:
        area = app.query_one(NoteArea)
        area.load_text("\x1b" * 30)
        await pilot.pause()
        assert area.wrapped_document.height == -(-30 // area.wrap_width)  # rows full, none drawn past the edge


async def test_moving_down_keeps_the_column_as_drawn():
    app = OneField()
    async with app.run_test(size=(40, 5)) as pilot:
        area = app.query_one(NoteArea)
        area.load_text("\x1b\x1b\x1bxyz\nabcdefgh")
        area.focus()
        area.move_cursor((0, 4))  # after ␛␛␛x: the fifth cell
        area.record_cursor_width()
        await pilot.press("down")
        assert area.cursor_location == (1, 4)
