"""The review's walk: the sessions to go through, in order, then the summary of the day."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...day_review import ReviewSession
from .. import render

SUMMARY_ID = "summary"


def _session_id(index: int) -> str:
    return f"session:{index}"


def _when(session: ReviewSession, today: date) -> str:
    """'09:00' for today's sessions, 'Fri 20 Nov' for earlier ones (the list is narrow)."""
    if session.starts_at.date() == today:
        return session.starts_at.strftime("%H:%M")
    return render.day(session.starts_at, today)


class WalkList(OptionList, can_focus=False):
    """The sessions of the review, in the order they are gone through, and the summary."""

    BORDER_TITLE = "Sessions"

    class StepChosen(Message):
        """A session (by its place in the walk) or the summary (`step` == the walk's length) was chosen."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    _shown: tuple[list[ReviewSession], int, date, int] | None = None
    _steps: dict[str, int] = {}  # option id -> its place in the walk (the summary: the walk's length)

    def show(self, walk: list[ReviewSession], today_count: int, today: date, current: int) -> None:
        self._shown = (walk, today_count, today, current)
        inner = self.scrollable_content_region.width or 30
        options: list[Option | None] = [
            Option(render.label(f"Today, {today.strftime('%a %-d %b')}", "bold"), disabled=True)]
        if today_count == 0:
            options.append(Option(render.label("  No sessions today.", "italic $foreground-muted"), disabled=True))
        for index, session in enumerate(walk):
            if index == today_count:
                options += [None, Option(render.label("Never recorded", "bold $text-warning"), disabled=True)]
            options.append(Option(self._row(session, today, inner), id=_session_id(index)))
        options += [None, Option(render.label("Summary of the day", "bold $primary"), id=SUMMARY_ID)]
        self._steps = {_session_id(index): index for index in range(len(walk))} | {SUMMARY_ID: len(walk)}
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
        self.mark(current, len(walk))

    @staticmethod
    def _row(session: ReviewSession, today: date, inner: int) -> Content:
        glyph = render.STRIP_GLYPHS[session.status]
        when = _when(session, today)
        name_width = max(4, inner - len(when) - 4)
        return render.join(" ", glyph, " ", (when, "$foreground-muted"), " ",
                           render.client_name(session.client, name_width))

    def mark(self, current: int, count: int) -> None:
        """Highlight the session in hand (or the summary)."""
        option_id = SUMMARY_ID if current >= count else _session_id(current)
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = self.get_option_index(option_id)
        recorded = sum(1 for i in range(count) if self._shown and self._shown[0][i].recorded)
        self.border_subtitle = f"{recorded} of {count} recorded" if count else ""

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        step = self._steps.get(event.option.id or "")
        event.stop()
        if step is not None:
            self.post_message(self.StepChosen(step))
