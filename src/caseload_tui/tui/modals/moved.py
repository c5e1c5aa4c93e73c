"""The new day and time of a session that was moved (day's end, "moved to another time")."""

from __future__ import annotations

from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Static

from ...rules import DateError, parse_moment
from .. import render
from .base import FormError, FormScreen, label, line_text


class MovedForm(FormScreen[datetime]):
    """The new day and time of a session that was moved."""

    title_text = "Moved to another time"
    save_label = "Book"

    def __init__(self, about: Content, session: datetime, today: date) -> None:
        super().__init__()
        self._about, self._session, self._today = about, session, today

    def fields(self) -> ComposeResult:
        yield Static(render.join(("Session with ", "$foreground-muted"), self._about, "  ",
                                 (render.moment(self._session, self._today), "$foreground-muted")))
        yield label("The new day and time (fri 14:00, 3 dec 9:30, 2026-12-03 10:00)")
        yield Input("", id="when", placeholder="e.g. fri 14:00", max_length=40, compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#when", Input).focus()

    @on(Input.Submitted, "#when")
    def _submitted(self) -> None:
        self.action_save()

    def collect(self) -> datetime:
        try:
            moved = parse_moment(line_text(self.query_one("#when", Input), "new day"), self._today,
                                 self._session.time(), prefer="future")
        except DateError as problem:
            raise FormError(str(problem)) from None
        if moved == self._session:
            raise FormError("That is the time the session was already at; type the new day and time.")
        return moved
