"""Every key, in one place (F1 or ?)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import render

INTRO = (
    "caseload keeps the thinking you do between sessions. The left shows your caseload in three "
    "groups; the right shows the selected client (or a whole group) with lingering thoughts and "
    "follow-up questions. Select a group's title to see everything still lingering across it."
)


class HelpScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 100%; height: 90%; border: thick $primary;
                                  background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close")]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        lines: list[Content] = [render.label("Help", "bold"), render.label(""), render.label(INTRO), render.label("")]
        lines.append(render.label("Keys", "bold"))
        for key, description in self._keys:
            lines.append(render.join((f"  {key:<14}", "bold $accent"), description))
        lines += [render.label(""), render.label("The attendance strip (oldest to newest)", "bold"),
                  render.strip_legend(), render.label(""),
                  render.label("In the list: ?N open questions, ✎N thoughts still with you, "
                               "⚑ flagged for supervision.", "$foreground-muted"),
                  render.label("Forms: Tab moves between fields, ctrl+s saves, Escape leaves without saving.",
                               "$foreground-muted"),
                  render.label("Everything is also in the command palette (ctrl+p), including the themes.",
                               "$foreground-muted")]
        with VerticalScroll():
            yield Static(Content("\n").join(lines))
