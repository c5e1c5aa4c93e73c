"""The top of the right-hand side: who is selected, and where they stand."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from textual.content import Content
from textual.widgets import Static

from ...model import (
    SAFETY_HEADING,
    Appointment,
    AttendanceSummary,
    ClientRecord,
    DateThatMatters,
    Episode,
    Group,
    Placement,
    Question,
    Thought,
)
from ...rules import ScheduleError, ago, describe_schedule, in_days
from .. import render


class CaseHeader(Static):
    """Its height is fixed (the screen may set another), so a new selection is painted without a
    layout: the panes below stay where they are as the highlight moves, and one frame shows it."""

    DEFAULT_CSS = """
    CaseHeader { height: 10; padding: 0 1; }
    """

    _lines: list[Content] = []

    def _show(self, lines: list[Content]) -> None:
        """All these lines are what the header says (its content); drawn, they wrap at word boundaries and
        what does not fit its rows ends with "…", never cut silently (render)."""
        self._lines = lines
        self.update(Content("\n").join(lines), layout=False)

    def render(self) -> Content:
        width = self.content_region.width or max(20, self.size.width - 2)
        rows = self.content_region.height or 10
        return Content("\n").join(render.fit_lines(self._lines, width, rows))

    def on_resize(self) -> None:
        self.refresh()  # wrapped and cut again for the new size

    def show_client(self, record: ClientRecord, placement: Placement, summary: AttendanceSummary,
                    now: datetime, misses: Sequence[Appointment] = (), concerns: Sequence[Thought | Question] = (),
                    coming: Sequence[tuple[date, DateThatMatters]] = (), earlier: Sequence[Episode] = ()) -> None:
        """`earlier`: the periods of work before the current one, for a client who came back."""
        client = record.client
        today = now.date()
        try:
            schedule = describe_schedule(client.schedule)
        except ScheduleError:
            schedule = "schedule not understood"
        group_style = f"bold {render.GROUP_STYLES[placement.group]}"
        lines = [
            render.join(
                render.client_name(client, style="bold"),
                "  ",
                render.user_line("" if render.privacy().on else client.code, style="$foreground-muted"),
                ("   ⚑ bring to supervision" if client.bring_to_supervision else "", "$text-accent"),
            ),
            *watch_lines(concerns, coming, today),
            render.join((f"{placement.label}: ", group_style), placement.reason),
            render.join(
                (f"since {render.day(client.started_on, today)}", "$foreground-muted"),
                (f" · {schedule}" if client.active else "", "$foreground-muted"),
            ),
        ]
        seen = []
        if record.last_attended:
            seen.append(f"last came {ago(record.last_attended, now)}")
        if summary.next_expected:  # the next that will happen: after moves, cancellations and my breaks
            seen.append(f"next {render.moment(summary.next_expected, today)}")
        if seen:
            lines.append(render.label(" · ".join(seen), "$foreground-muted"))
        if misses and client.active:
            lines.append(recent_misses(misses, today))
        if client.themes:
            lines.append(render.join(("themes: ", "$foreground-muted"), render.user_line(client.themes)))
        for episode in earlier:
            ending = f" ({episode.ending_words()})" if episode.ending_words() else ""
            lines.append(render.label(f"worked together before: {render.day(episode.started_on, today)} – "
                                      f"{render.day(episode.ended_on, today)}{ending}", "$foreground-muted"))
        self._show(lines)

    def show_group(self, group: Group, count: int) -> None:
        what = {Group.REGULARS: "Active clients who come steadily.",
                Group.ABSENTEES: "Active clients whose absences ask to be read: a pattern from the start, or a change.",
                Group.GRADUATES: "Former clients, whose work has ended."}[group]
        self._show([
            render.join((f"{group.heading} ", f"bold {render.GROUP_STYLES[group]}"),
                        (f"({count})", "$foreground-muted")),
            render.label(what, "$foreground-muted"),
            render.label("Below: what is still lingering and still open, across the whole group.", "$foreground-muted"),
        ])

    def show_practice(self, count: int) -> None:
        self._show([
            render.label("My practice", "bold $primary"),
            render.label("Thoughts about my own work rather than one client.", "$foreground-muted"),
        ])

    def show_message(self, title: str, text: str) -> None:
        self._show([render.label(title, "bold"), render.label(text, "$foreground-muted")])


def recent_misses(misses: Sequence[Appointment], today: date) -> Content:
    """'missed: Thu 19 Nov cancelled (Texted at 7:40, no other time asked for) · Thu 12 Nov did not come'."""
    parts: list[Content | str | tuple[str, str]] = [("missed: ", "$foreground-muted")]
    for i, miss in enumerate(misses):
        if i:
            parts.append((" · ", "$foreground-muted"))
        parts.append(f"{render.day(miss.starts_at, today)} {miss.status.label}")
        if miss.note:
            parts += [(" (", "$foreground-muted"), render.user_line(miss.note, style="italic"),
                      (")", "$foreground-muted")]
    return render.join(*parts)


def watch_lines(concerns: Sequence[Thought | Question], coming: Sequence[tuple[date, DateThatMatters]],
                today: date) -> list[Content]:
    """What must stay in view, near the top: open safety concerns, then dates that matter coming up."""
    lines = []
    if concerns:
        kinds = sorted({n.safety.concern.label for n in concerns if n.safety is not None})
        lines.append(render.join(render.CONCERN_GLYPH, (f" {SAFETY_HEADING}: {', '.join(kinds)}", "bold $text-error"),
                                 (f"  ({len(concerns)} open; ! on the note when resolved)", "$foreground-muted")))
    if coming:
        parts: list[Content | str | tuple[str, str]] = [render.DATE_GLYPH, " "]
        for i, (day, when) in enumerate(coming[:2]):
            parts += [("; " if i else "", "$foreground-muted"), (f"{render.day(day, today)} ({in_days(day, today)}) ",
                                                                  "$text-warning"), render.user_line(when.note, 40)]
        if len(coming) > 2:
            parts.append((f"  +{len(coming) - 2} more", "$foreground-muted"))
        lines.append(render.join(*parts))
    return lines
