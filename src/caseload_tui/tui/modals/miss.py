"""After a miss: how it came (a note kept with the session), then what it stirred in me.

The note is optional (enter on an empty line records the miss without one). The prompt that
follows opens a thought of the reaction kind, or is skipped with one key.
"""

from __future__ import annotations

from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ...model import MISS_NOTE_HINT, MISS_PROMPT, Status
from .. import render
from .base import FormScreen, label

NOTE_LENGTH = 300  # a line: how and when, and whether another time was offered or asked for


class MissNoteForm(FormScreen[str]):
    """How a missed session came: how and when they let me know, whether another time was offered or asked for."""

    title_text = "How it came"
    save_label = "Record"

    def __init__(self, about: Content, session: datetime, status: Status, today: date) -> None:
        super().__init__()
        self._about, self._session, self._status, self._today = about, session, status, today

    def fields(self) -> ComposeResult:
        yield Static(render.join(("Session with ", "$foreground-muted"), self._about, "  ",
                                 (render.moment(self._session, self._today), "$foreground-muted"), "  ",
                                 (self._status.label, "bold")))
        yield label(f"How it came: {MISS_NOTE_HINT}")
        yield Input("", id="note", placeholder="e.g. texted at 7:40, no other time asked for",
                    max_length=NOTE_LENGTH, compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#note", Input).focus()

    @on(Input.Submitted, "#note")
    def _submitted(self) -> None:
        self.action_save()

    def collect(self) -> str:
        return self.query_one("#note", Input).value  # kept as typed; empty: no note


class ReactionPrompt(ModalScreen[bool]):
    """"What did this absence stir in you?": True opens a reaction thought (y or enter), False skips it
    (n or escape): y and n answer every question asked."""

    DEFAULT_CSS = """
    ReactionPrompt { align: center middle; }
    ReactionPrompt > Vertical { width: 64; max-width: 100%; height: auto; border: thick $primary;
                                background: $surface; padding: 1 2; }
    ReactionPrompt #buttons { height: auto; align: right middle; padding-top: 1; }
    ReactionPrompt #buttons Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape,n", "answer(False)", "Skip"), Binding("enter,y", "answer(True)", "Yes")]

    def __init__(self, about: Content) -> None:
        super().__init__()
        self._about = about

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(render.label(MISS_PROMPT, "bold"), id="prompt")
            yield Static(render.join(("A reaction to ", "$foreground-muted"), self._about,
                                     (": what I feel is information too.", "$foreground-muted")))
            with Horizontal(id="buttons"):
                yield Button(render.label("Skip (n)"), id="skip")
                yield Button(render.label("Write it (y)"), id="write", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#write", Button).focus()

    def action_answer(self, write: bool) -> None:
        self.dismiss(write)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "write")
