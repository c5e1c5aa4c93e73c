"""Mind and room: each active client's share of my mind drawn beside their share of the room.

At the top, the two contrasts in words (rules/mind.py); below, a pair of bars a client, the
numbers beside them. Enter goes back to the dashboard with that client's thread open.
The screen only reads; the window is the last eight weeks unless `weeks` says otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, Static

from ...model import mind as words
from ...model.counting import numbered
from ...model.mind import MindAndRoom, MindReading
from ...store import StoreError
from .. import render
from ..widgets.footer import WrappingFooter
from ..widgets.pair_list import PairList
from .app_access import CaseloadScreen
from .readings_ahead import ReadingsAhead

NAME_CELLS = 14
MOST_BAR_CELLS = 60  # wider bars on a wide terminal would only spread the numbers from the names
ROW_CHROME = 2 + 5 + 1  # mark, "mind ", gap: what a row holds besides its name, bar and numbers


class MindScreen(CaseloadScreen):
    DEFAULT_CSS = """
    MindScreen #contrast { height: auto; padding: 0 1; background: $boost; }
    MindScreen PairList { height: 1fr; border: round $primary-background; background: $background; }
    MindScreen PairList:focus { border: round $primary; }
    """

    BINDINGS = [
        Binding("enter", "thread", "Thread", tooltip="Back to the dashboard with the highlighted client's thread"),
        Binding("escape", "back", "Back", tooltip="Back to the dashboard"),
    ]

    def __init__(self, open_thread: Callable[[int], None], weeks: int = words.DEFAULT_WEEKS,
                 readings: ReadingsAhead | None = None) -> None:
        """`open_thread(client_id)`: how the dashboard shows a client's thread; `readings`: what it read ahead."""
        super().__init__()
        self.weeks = weeks
        self._readings = readings or ReadingsAhead()
        self._open_thread = open_thread
        self.reading: MindReading | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="contrast")
        yield PairList(id="clients")
        yield WrappingFooter(compact=True)

    def on_mount(self) -> None:
        self.follow_privacy_mode(self.redraw)
        self.title = "Mind and room" + (" · demo" if self.app.demo else "")
        try:
            self.reading = self._readings.mind(self, self.weeks)  # read ahead if nothing changed since, else now
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
            return
        chooser = self.query_one(PairList)
        chooser.border_title = f"The last {numbered(self.weeks, 'week')}"
        chooser.border_subtitle = f"{words.MIND_EXPLAINED} · {words.ROOM_EXPLAINED}"
        chooser.focus()
        scale = Scale.of(self.reading)
        clients = self.reading.clients
        chooser.show_rows(len(clients), lambda index, width: pair(clients[index], scale, scale.bar_cells(width)))
        self.query_one("#contrast", Static).update(contrast(self.reading))

    def redraw(self) -> None:
        """Draw again from what was read, after privacy mode changes (each row as it comes into view)."""
        if self.reading is None:
            return
        self.query_one("#contrast", Static).update(contrast(self.reading))
        self.query_one(PairList).redraw()

    def action_thread(self) -> None:
        chooser = self.query_one(PairList)
        if chooser.highlighted is None or self.reading is None or not self.reading.clients:
            self.app.notify("Highlight a client first, then press enter for their thread.", markup=False)
            return
        client_id = self.reading.clients[chooser.highlighted].client_id
        self.dismiss()
        self._open_thread(client_id)

    def on_pair_list_row_chosen(self, event: PairList.RowChosen) -> None:
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
        ("   " + words.UNSEEN_RULE + "\n", "$text-muted"),
        ("   " + words.TOO_NEW_RULE, "$text-muted"),
    )


@dataclass(frozen=True)
class Scale:
    """What every pair of bars is drawn against, worked out once for the whole reading."""

    most_notes: int
    most_sessions: int
    carried: frozenset[int]
    unseen: frozenset[int]
    numbers_cells: int  # the widest numbers beside a bar

    @classmethod
    def of(cls, reading: MindReading) -> Scale:
        rows = reading.clients
        return cls(max((r.notes for r in rows), default=0), max((r.came + r.missed for r in rows), default=0),
                   frozenset(r.client_id for r in reading.carried), frozenset(r.client_id for r in reading.unseen),
                   max((len(n) for r in rows for n in (r.mind_numbers, r.room_numbers)), default=0))

    def bar_cells(self, row_cells: int) -> int:
        """How long the longest bar may be in a row this wide: the numbers stay whole, the bars shrink."""
        return min(MOST_BAR_CELLS, max(6, row_cells - NAME_CELLS - self.numbers_cells - ROW_CHROME))


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
