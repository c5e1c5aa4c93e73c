"""A yes-or-no question before anything that cannot be undone.

A `deliberate` one (a delete, a text or a file about to be lost) is never answered yes by a single
letter that is also common in typing (issue 11: a stray "d" then "y" deleted a question): its yes
button is enabled only after a moment (ARM_SECONDS), is never the one focused, and is chosen by
moving to it and pressing enter, by a click, or by ctrl+d.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from .. import render
from .blank_key import BLANK_KEY

ARM_SECONDS = 0.8  # long enough that keys already on their way cannot reach the yes button
DELIBERATE_HINT = "Escape keeps it. To go ahead, move to the button (tab) and press enter, or press ctrl+d."


class Confirm(ModalScreen[bool]):
    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm > Vertical { width: 64; max-width: 100%; height: auto; border: thick $warning;
                         background: $surface; padding: 1 2; }
    Confirm #hint { color: $foreground-muted; padding-top: 1; }
    Confirm #buttons { height: auto; align: right middle; padding-top: 1; }
    Confirm #buttons Button { margin-left: 1; }
    """
    BINDINGS = [Binding("escape,n", "answer(False)", "No"), Binding("y", "quick_yes", "Yes"),
                Binding("ctrl+d", "deliberate_yes", show=False), BLANK_KEY]

    def __init__(self, question: Content, yes: str = "Yes", no: str = "No", deliberate: bool = False) -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no
        self._deliberate = deliberate

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._question)
            if self._deliberate:
                yield Static(render.label(DELIBERATE_HINT), id="hint")
            with Horizontal(id="buttons"):
                yield Button(render.label(f"{self._no} (n)" if not self._deliberate else self._no), id="no")
                yield Button(render.label(f"{self._yes} (ctrl+d)" if self._deliberate else f"{self._yes} (y)"),
                             id="yes", variant="error" if self._deliberate else "warning",
                             disabled=self._deliberate)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()
        if self._deliberate:
            self.set_timer(ARM_SECONDS, self._arm)

    def _arm(self) -> None:
        self.query_one("#yes", Button).disabled = False

    @property
    def armed(self) -> bool:
        return not self.query_one("#yes", Button).disabled

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    def action_quick_yes(self) -> None:
        if not self._deliberate:
            self.dismiss(True)

    def action_deliberate_yes(self) -> None:
        if self._deliberate and self.armed:
            self.dismiss(True)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")
