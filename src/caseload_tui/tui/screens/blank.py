"""An instantly blank screen, for when someone walks in; the same key brings the work back."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import render


class BlankScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    BlankScreen { background: $background 100%; align: center middle; }
    BlankScreen Static { width: auto; color: $foreground-disabled; }
    """
    BINDINGS = [Binding("ctrl+l", "dismiss", "Show again", priority=True)]

    def __init__(self, message: str = "ctrl+l") -> None:
        super().__init__()
        self._message = message

    def compose(self) -> ComposeResult:
        yield Static(render.label(self._message))
