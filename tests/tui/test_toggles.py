"""A checkbox's and a radio button's state is in its glyph (☑/☐, ◉/○), so it shows without colour:
on a monochrome terminal, with NO_COLOR, and to a screen reader reading the text."""

from __future__ import annotations

from screen_checks import screen_rows
from textual.widgets import Checkbox

from caseload_tui.tui import render
from caseload_tui.tui.modals.forms import ThoughtForm

from pilot_helpers import FormHost


def row_with(app, words: str) -> str:
    [row] = [row for row in screen_rows(app) if words in row]
    return row


async def test_checkboxes_and_radio_buttons_read_on_or_off_without_colour(demo_store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = FormHost(lambda: ThoughtForm(render.label("Amaan", "bold")), demo_store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert "☑ Still with me" in row_with(app, "Still with me")  # a new thought starts still with me
        assert "☐ Bring to supervision" in row_with(app, "Bring to supervision")
        app.screen.query_one("#lingering", Checkbox).value = False
        app.screen.query_one("#bring", Checkbox).value = True
        await pilot.pause()
        assert "☐ Still with me" in row_with(app, "Still with me")
        assert "☑ Bring to supervision" in row_with(app, "Bring to supervision")
        # The kinds: none chosen yet (every one ○); chosen, one ◉ and the others ○.
        assert "◉" not in "".join(screen_rows(app))
        app.screen.query("#kind RadioButton").first().value = True
        await pilot.pause()
        radios = [row for row in screen_rows(app) if "◉" in row or "○" in row]
        assert sum(row.count("◉") for row in radios) == 1 and sum(row.count("○") for row in radios) >= 3
        assert "▐" not in "".join(screen_rows(app)) and "▌" not in "".join(screen_rows(app))
