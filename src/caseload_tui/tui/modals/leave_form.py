"""Escape on a form that holds text: keep writing, keep it as a draft, or let it go.

"Keep writing" is the default (Escape and Enter choose it), so a stray Escape never costs a
paragraph. Letting the text go takes moving to its button on purpose: no single letter does it,
so keys still being typed when this appears cannot choose it.
"""

from __future__ import annotations

import enum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from .. import render
from .blank_key import BLANK_KEY


class Leaving(enum.Enum):
    KEEP_WRITING = "keep writing"
    KEEP_AS_DRAFT = "keep as a draft"
    DISCARD = "discard"


class LeaveForm(ModalScreen[Leaving]):
    DEFAULT_CSS = """
    LeaveForm { align: center middle; }
    LeaveForm > Vertical { width: 64; max-width: 100%; height: auto; border: thick $warning;
                           background: $surface; padding: 1 2; }
    LeaveForm #buttons { height: auto; align: right middle; padding-top: 1; }
    LeaveForm #buttons Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape", "keep_writing", "Keep writing"),
                Binding("left", "app.focus_previous", show=False), Binding("right", "app.focus_next", show=False),
                BLANK_KEY]

    def __init__(self, can_keep_draft: bool) -> None:
        super().__init__()
        self._can_keep_draft = can_keep_draft

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(render.label("This form holds text you have not saved.", "bold"))
            yield Static(render.label(
                "A draft is kept and opens again the next time caseload starts."
                if self._can_keep_draft else
                "This caseload keeps no drafts, so the text is either saved or let go.", "$foreground-muted"))
            with Horizontal(id="buttons"):
                yield Button(render.label("Keep writing"), id="keep_writing", variant="primary")
                if self._can_keep_draft:
                    yield Button(render.label("Keep as a draft"), id="keep_as_draft")
                yield Button(render.label("Let it go"), id="discard", variant="error")

    def on_mount(self) -> None:
        self.query_one("#keep_writing", Button).focus()

    def action_keep_writing(self) -> None:
        self.dismiss(Leaving.KEEP_WRITING)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss({"keep_writing": Leaving.KEEP_WRITING, "keep_as_draft": Leaving.KEEP_AS_DRAFT,
                      "discard": Leaving.DISCARD}[event.button.id or "keep_writing"])
