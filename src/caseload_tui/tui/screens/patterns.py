"""Patterns in me: my own responses across every client, grouped by the feelings named in them.

At the top the plain line to take to supervision, and how feelings were found; below, each
feeling with whom it came and when (never a note's words). The screen only reads.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from ...model import patterns as words
from ...model.counting import numbered
from ...model.patterns import OwnResponse, Patterns
from ...rules.patterns import SUMMARY_PLACES, listed, summary, whose_words
from ...store import StoreError
from .. import render
from ..widgets.footer import WrappingFooter
from .app_access import CaseloadScreen
from .readings_ahead import ReadingsAhead

SHOWN_A_FEELING = 12  # the most recent responses listed under a feeling; `caseload patterns` lists them all


class PatternsScreen(CaseloadScreen):
    DEFAULT_CSS = """
    PatternsScreen #summary { height: auto; padding: 0 1; background: $boost; }
    PatternsScreen VerticalScroll { height: 1fr; padding: 0 1; border: round $primary-background; }
    PatternsScreen VerticalScroll:focus { border: round $primary; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the dashboard"),
    ]

    def __init__(self, weeks: int = words.DEFAULT_WEEKS, readings: ReadingsAhead | None = None) -> None:
        """`readings`: what the dashboard read ahead."""
        super().__init__()
        self.weeks = weeks
        self._readings = readings or ReadingsAhead()
        self.found: Patterns | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="summary")
        with VerticalScroll(id="feelings"):
            yield Static("", id="feelings-text")
        yield WrappingFooter(compact=True)

    def on_mount(self) -> None:
        self.follow_privacy_mode(self.redraw)
        self.title = "Patterns in me" + (" · demo" if self.app.demo else "")
        try:
            self.found = self._readings.patterns(self, self.weeks)  # read ahead if nothing changed since, else now
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
            return
        scroll = self.query_one(VerticalScroll)
        scroll.border_title = f"My own responses, the last {numbered(self.weeks, 'week')}"
        scroll.border_subtitle = words.counted(self.found)
        scroll.focus()
        self.redraw()

    def redraw(self) -> None:
        if self.found is None:
            return
        self.redraw_summary()
        whole = feelings_content(self.found)
        lines = whole.split("\n", allow_blank=True)
        text = self.query_one("#feelings-text", Static)
        # At L the list is some 240 lines, and drawing them all held the screen ~100 ms before anything
        # showed: the first frame draws the lines that fill the screen, the whole list follows a frame later.
        if len(lines) > self.app.size.height:
            text.update(Content("\n").join(lines[:self.app.size.height]))
            self.call_after_refresh(text.update, whole)
        else:
            text.update(whole)

    def redraw_summary(self) -> None:
        """Only the summary line depends on the width (the list wraps itself): a resize redraws it alone."""
        if self.found is None:
            return
        self.query_one("#summary", Static).update(render.join(
            render.user_text(self._summary_line()), "\n", (words.HOW_FOUND, "$text-muted")))

    def _summary_line(self) -> str:
        """The summary naming as many of its latest places as fit on one line (the list below has them all)."""
        assert self.found is not None
        room = self.size.width - 2  # the summary's padding
        for places in range(SUMMARY_PLACES, 1, -1):
            line = summary(self.found, _who, places=places)
            if Content(line).cell_length <= room:
                return line
        return summary(self.found, _who, places=1)

    def on_resize(self) -> None:
        self.redraw_summary()

    def action_back(self) -> None:
        self.dismiss()


def _who(response: OwnResponse) -> str:
    return response.code if render.privacy().on else response.name


def feelings_content(found: Patterns) -> Content:
    parts: list[Content | str | tuple[str, str]] = []
    for group in found.groups:
        tally = whose_words(group)
        parts += [(f"{group.feeling} ({len(group.responses)})", "bold"),
                  (f" · {tally}" if tally else "", "$text-muted"), "\n"]
        earlier = len(group.responses) - SHOWN_A_FEELING
        if earlier > 0:
            parts.append((f"  … {earlier} earlier (caseload patterns lists every one)\n", "$text-muted"))
        for r in group.responses[-SHOWN_A_FEELING:]:
            parts += [(f"  {r.written_at:%e %b %Y}  ", "$text-muted"), render.user_line(listed(r, _who)), "\n"]
        parts.append("\n")
    return render.join(*parts)
