"""What became of something to tell a client, or of supervision's advice: one choice and a line of how it went."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioSet, Static

from ... import model as m
from .. import render
from ..widgets.toggles import RadioButton
from .base import FormScreen, label, line_text

Choice = TypeVar("Choice", m.TellOutcome, m.AdviceOutcome)


@dataclass
class LoopClosing(Generic[Choice]):
    choice: Choice
    how: str  # how they took it, or how it went ('' if not written)


class CloseLoopForm(FormScreen[LoopClosing[Choice]], Generic[Choice]):
    """The three choices (the first chosen to start with), then a line for how it went."""

    DEFAULT_CSS = """
    CloseLoopForm RadioSet { width: 100%; background: $boost; }
    """

    def __init__(self, title: str, about: Content, item: Content, choices: type[Choice], how_label: str,
                 how: str = "") -> None:
        super().__init__()
        self.title_text = title
        self._about, self._item = about, item
        self._choices: list[Choice] = list(choices)
        self._how_label, self._how = how_label, how

    def fields(self) -> ComposeResult:
        yield Static(render.join(("About ", "$foreground-muted"), self._about))
        yield Static(self._item)
        with RadioSet(id="choice", compact=True):
            for i, choice in enumerate(self._choices):
                yield RadioButton(render.label(f"{choice.words.key}  {choice.words.label}"), value=i == 0,
                                  id=f"choice-{choice.value}")
        yield label(f"{self._how_label} (a line, if you like)")
        yield Input(self._how, id="how", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#choice", RadioSet).focus()

    def on_key(self, event) -> None:
        """A choice's own key picks it, unless the line is being written."""
        if isinstance(self.focused, Input):
            return
        for choice in self._choices:
            if event.key == choice.words.key:
                self.query_one(f"#choice-{choice.value}", RadioButton).value = True
                self.query_one("#how", Input).focus()
                event.stop()

    def collect(self) -> LoopClosing[Choice]:
        pressed = self.query_one("#choice", RadioSet).pressed_index
        return LoopClosing(choice=self._choices[max(pressed, 0)], how=line_text(self.query_one("#how", Input),
                                                                                 self._how_label, required=False))


