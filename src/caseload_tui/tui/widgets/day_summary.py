"""The day's summary at the end of the review: what the day came to, in words."""

from __future__ import annotations

from datetime import date

from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from ...day_review import DaySummary
from ...model import Question, Thought
from ...model.counting import numbered
from .. import render


class DaySummaryView(VerticalScroll):
    """The day's summary: a heading per part, each entry with a hanging bullet so wrapped lines line up."""

    DEFAULT_CSS = """
    DaySummaryView { scrollbar-size-vertical: 1; }
    DaySummaryView > .heading { margin-top: 1; }
    DaySummaryView > .line { padding-left: 1; }
    DaySummaryView > .item, DaySummaryView > .subitem { height: auto; padding-left: 1; }
    DaySummaryView > .subitem { padding-left: 3; }
    DaySummaryView .bullet { width: 2; color: $text-accent; }
    DaySummaryView .body { width: 1fr; }
    DaySummaryView > .note { margin-top: 1; }
    """

    _parts: list[tuple[str, Content]] = []

    def show(self, parts: list[tuple[str, Content]]) -> None:
        self._parts = parts
        widgets: list[Widget] = []
        for kind, content in parts:
            if kind in ("item", "subitem"):
                widgets.append(Horizontal(Static(render.label("•"), classes="bullet"),
                                          Static(content, classes="body"), classes=kind))
            else:
                widgets.append(Static(content, classes=kind))
        with self.app.batch_update():
            self.query_children().remove()
            self.mount_all(widgets)

    @property
    def text(self) -> str:
        """What the summary says, as plain lines, a blank line wherever the screen leaves one."""
        lines: list[str] = []
        for kind, content in self._parts:
            if kind in ("heading", "note"):
                lines.append("")
            lines.append(("  " if kind in ("item", "subitem") else "") + content.plain)
        return "\n".join(lines)


def summary_parts(summary: DaySummary, today: date) -> list[tuple[str, Content]]:
    """The summary as (kind, words): kinds are title, heading, line, item, subitem and note."""
    parts: list[tuple[str, Content]] = [("title", render.label("What the day came to", "bold $primary"))]

    parts.append(("heading", render.label("Today's sessions", "bold")))
    if summary.today:
        counts = ", ".join(f"{n} {status.words.tally}" for status, n in summary.tally())
        sessions = numbered(len(summary.today), "session")
        parts.append(("line", render.label(f"{sessions}: {counts}.")))
    else:
        parts.append(("line", render.label("No sessions today.", "$foreground-muted")))
    if summary.still_unrecorded:
        parts.append(("line", render.label("Still to record:", "$text-warning")))
        parts += [("item", render.join(render.client_name(session.client, style="bold"), "  ",
                                       (render.moment(session.starts_at, today), "$foreground-muted")))
                  for session in summary.still_unrecorded]
    else:
        parts.append(("line", render.label("Every session is recorded.", "$foreground-muted")))

    parts.append(("heading", render.label("Who moved between groups", "bold")))
    if summary.moves:
        parts += [("item", render.join(
            render.client_name(move.client, style="bold"),
            (f" is now {move.after.group.singular}: ", render.GROUP_STYLES[move.after.group]),
            move.after.reason,
        )) for move in summary.moves]
    else:
        parts.append(("line", render.label("No one moved between groups today.", "$foreground-muted")))

    parts.append(("heading", render.label("Still with you, written today", "bold")))
    parts += _thought_parts(summary.lingering_today, summary, "Nothing written today is still lingering.")

    parts.append(("heading", render.label("Questions carried forward", "bold")))
    if summary.carried_forward:
        by_client: dict[int | None, list[Question]] = {}
        for question in summary.carried_forward:
            by_client.setdefault(question.client_id, []).append(question)
        for client_id, questions in by_client.items():
            parts.append(("line", _owner(client_id, summary)))
            parts += [("subitem", render.join(render.user_text(question.body, multiline=True),
                                              (f"  asked {render.day(question.asked_at, today)}", "$foreground-muted")))
                      for question in questions]
    else:
        parts.append(("line", render.label("No open questions for the clients reviewed.", "$foreground-muted")))

    parts.append(("heading", render.label("Things to tell them you remembered", "bold")))
    parts += _thought_parts(summary.to_tell, summary, "Nothing waiting to be told to the clients you saw today.")

    parts.append(("note", render.label("Escape returns to the dashboard; everything is already saved.",
                                       "italic $foreground-muted")))
    return parts


def _owner(client_id: int | None, summary: DaySummary) -> Content:
    client = summary.clients.get(client_id) if client_id is not None else None
    return render.client_name(client, style="bold") if client else render.label("My practice", "bold")


def _thought_parts(thoughts: list[Thought], summary: DaySummary, empty: str) -> list[tuple[str, Content]]:
    if not thoughts:
        return [("line", render.label(empty, "$foreground-muted"))]
    return [("item", render.join(_owner(t.client_id, summary), "  ", (t.kind.label, render.KIND_STYLES[t.kind]),
                                 "\n", render.user_text(t.body, multiline=True))) for t in thoughts]
