"""Every key, in one place (F1 or ?): the dashboard's, or a screen's own (its title, intro and sections)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from .. import render
from ..keys import key_name, screen_bindings

INTRO = (
    "caseload keeps the thinking you do between sessions. The left shows your caseload in three "
    "groups; the right shows the selected client (or a whole group) with lingering thoughts and "
    "follow-up questions. Select a group's title to see everything still lingering across it."
)


# Keys every screen has that are not bindings of its own (Textual's, or the app's).
EVERY_SCREEN_KEYS = [("ctrl+p", "Command palette: every key of this screen by name, and the colours"),
                     ("ctrl+q", "Quit, from anywhere, even while writing in a form")]


def keys_for_help(screen: Screen[Any], extra: Sequence[tuple[str, str]] = ()) -> list[tuple[str, str]]:
    """Every key of the screen, as (key, what it does): its bindings, then `extra`, then ctrl+p and ctrl+q."""
    keys = [(binding.key_display or ", ".join(key_name(screen, k) for k in binding.key.split(",")),
             binding.tooltip or binding.description) for binding in screen_bindings(type(screen))]
    return keys + list(extra) + EVERY_SCREEN_KEYS


@dataclass(frozen=True)
class HelpSection:
    """A part of the help after the keys: a bold heading (or none) over its lines."""

    heading: str | None
    lines: tuple[Content, ...]


def dashboard_sections() -> list[HelpSection]:
    """What the dashboard's help says after its keys."""
    return [
        HelpSection("The attendance strip (oldest to newest)", (render.strip_legend(),)),
        HelpSection(None, (
            render.label("In the list: ?N open questions, ✎N thoughts still with you, "
                         "⚑ flagged for supervision.", "$foreground-muted"),
            render.label("Forms: Tab moves between fields, ctrl+s saves, Escape leaves without saving.",
                         "$foreground-muted"),
            render.label("Everything is also in the command palette (ctrl+p), including the themes.",
                         "$foreground-muted"),
        )),
    ]


class HelpScreen(ModalScreen[None]):
    """The keys (key, what it does), under a title and an intro, then the sections; the dashboard's by default."""

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll { width: 90; max-width: 100%; height: 90%; border: thick $primary;
                                  background: $surface; padding: 1 2; }
    """
    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", "Close")]

    def __init__(self, keys: list[tuple[str, str]], *, title: str = "Help", intro: str = INTRO,
                 sections: Sequence[HelpSection] | None = None) -> None:
        super().__init__()
        self._keys = keys
        self._title, self._intro = title, intro
        self._sections = sections

    def compose(self) -> ComposeResult:
        lines: list[Content] = [render.label(self._title, "bold"), render.label(""), render.label(self._intro),
                                render.label(""), render.label("Keys", "bold")]
        for key, description in self._keys:
            lines.append(render.join((f"  {key:<14}", "bold $accent"), description))
        sections = dashboard_sections() if self._sections is None else self._sections
        for section in sections:
            lines.append(render.label(""))
            if section.heading is not None:
                lines.append(render.label(section.heading, "bold"))
            lines += section.lines
        with VerticalScroll():
            yield Static(Content("\n").join(lines))
