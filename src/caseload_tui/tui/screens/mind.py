"""Mind and room: each active client's share of my mind drawn beside their share of the room.

At the top, the two contrasts in words (rules/mind.py); below, a pair of bars a client, the
numbers beside them. Enter (or t) goes back to the dashboard with that client's thread open.
The screen only reads; the window is the last eight weeks unless `weeks` says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ...model import mind as words
from ...model.counting import numbered
from ...model.mind import MindAndRoom, MindReading
from ...rules.mind import read_mind
from ...store import StoreError
from .. import render
from ..widgets.footer import WrappingFooter
from .app_access import CaseloadScreen

NAME_CELLS = 14
MOST_BAR_CELLS = 60  # wider bars on a wide terminal would only spread the numbers from the names
CHROME_CELLS = 2 + 2 + 2 + 2 + 5 + 1  # border, scrollbar, padding, mark, "mind ", gap


class MindScreen(CaseloadScreen):
    DEFAULT_CSS = """
    MindScreen #contrast { height: auto; padding: 0 1; background: $boost; }
    MindScreen OptionList { height: 1fr; border: round $primary-background; background: $background; }
    MindScreen OptionList:focus { border: round $primary; }
    """

    BINDINGS = [
        Binding("enter,t", "thread", "Thread", tooltip="Back to the dashboard with the highlighted client's thread"),
        Binding("p", "app.toggle_privacy", "Privacy", tooltip="Privacy mode: show clients only by their codes"),
        Binding("ctrl+l", "app.blank", "Blank", tooltip="Blank the screen at once"),
        Binding("escape", "back", "Back", tooltip="Back to the dashboard"),
    ]

    def __init__(self, open_thread: Callable[[int], None], weeks: int = words.DEFAULT_WEEKS) -> None:
        """`open_thread(client_id)`: what the dashboard does to show a client's thread."""
        super().__init__()
        self.weeks = weeks
        self._open_thread = open_thread
        self.reading: MindReading | None = None
        self._drawn_width = 0  # the width the bars were last drawn for

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="contrast")
        yield OptionList(id="clients")
        yield WrappingFooter(compact=True)

    def on_mount(self) -> None:
        self.follow_privacy_mode(self.redraw)
        self.title = "Mind and room" + (" · demo" if self.app.demo else "")
        now = self.now
        try:
            rows = self.store.mind_and_room(now - timedelta(weeks=self.weeks), now)
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
            return
        self.reading = read_mind(rows, self.weeks)
        self.query_one(OptionList).focus()
        self.redraw()

    def on_resize(self) -> None:
        if self.size.width != self._drawn_width:  # the first resize comes at mounting, already drawn
            self.redraw()

    def redraw(self) -> None:
        """Draw from what was read (again after privacy mode changes or the terminal resizes)."""
        if self.reading is None:
            return
        reading = self.reading
        self._drawn_width = self.size.width
        self.query_one("#contrast", Static).update(contrast(reading))
        chooser = self.query_one(OptionList)
        chooser.border_title = f"The last {numbered(reading.weeks, 'week')}"
        chooser.border_subtitle = f"{words.MIND_EXPLAINED} · {words.ROOM_EXPLAINED}"
        highlighted = chooser.highlighted
        numbers = max((len(n) for r in reading.clients for n in (r.mind_numbers, r.room_numbers)), default=0)
        width = min(MOST_BAR_CELLS, max(6, self.size.width - NAME_CELLS - numbers - CHROME_CELLS))
        chooser.clear_options()
        scale = Scale.of(reading)
        chooser.add_options([Option(pair(r, scale, width), id=str(r.client_id)) for r in reading.clients])
        if reading.clients:
            chooser.highlighted = highlighted if highlighted is not None else 0

    def action_thread(self) -> None:
        chooser = self.query_one(OptionList)
        if chooser.highlighted is None or self.reading is None or not self.reading.clients:
            self.app.notify("Highlight a client first, then press enter for their thread.", markup=False)
            return
        client_id = self.reading.clients[chooser.highlighted].client_id
        self.dismiss()
        self._open_thread(client_id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_thread()

    def action_back(self) -> None:
        self.dismiss()


def who(row: MindAndRoom, width: int | None = None) -> Content:
    """A client by name, or by code in privacy mode."""
    return render.user_line(row.code if render.privacy().on else row.name, width)


def contrast(reading: MindReading) -> Content:
    def names(rows: tuple[MindAndRoom, ...]) -> Content:
        if not rows:
            return render.label(words.NOBODY, "$text-muted")
        return Content(", ").join(who(r) for r in rows)

    return render.join(
        render.CARRIED_MARK, " ", (words.CARRIED_HEADING + ": ", "bold"), names(reading.carried), "\n",
        ("   " + words.CARRIED_RULE + "\n", "$text-muted"),
        render.UNSEEN_MARK, " ", (words.UNSEEN_HEADING + ": ", "bold"), names(reading.unseen), "\n",
        ("   " + words.UNSEEN_RULE, "$text-muted"),
    )


@dataclass(frozen=True)
class Scale:
    """What every pair of bars is drawn against, worked out once for the whole reading."""

    most_notes: int
    most_sessions: int
    carried: frozenset[int]
    unseen: frozenset[int]

    @classmethod
    def of(cls, reading: MindReading) -> Scale:
        return cls(max((r.notes for r in reading.clients), default=0),
                   max((r.came + r.missed for r in reading.clients), default=0),
                   frozenset(r.client_id for r in reading.carried), frozenset(r.client_id for r in reading.unseen))


def pair(row: MindAndRoom, scale: Scale, width: int) -> Content:
    """Two lines: how much of my mind they took, and how much of the room, each with its numbers."""
    mark = (render.CARRIED_MARK if row.client_id in scale.carried else
            render.UNSEEN_MARK if row.client_id in scale.unseen else (" ", ""))
    mind_bar = render.bar([(row.notes, render.MIND_BAR)], scale.most_notes, width)
    room_bar = render.bar([(row.came, render.CAME_BAR), (row.missed, render.MISSED_BAR)], scale.most_sessions, width)
    return render.join(
        mark, " ", who(row, NAME_CELLS), f"{words.MIND_WORD} ", mind_bar.pad_right(width - len(mind_bar)),
        f" {row.mind_numbers}\n",
        " " * (NAME_CELLS + 2), f"{words.ROOM_WORD} ", room_bar.pad_right(width - len(room_bar)),
        f" {row.room_numbers}",
    )
