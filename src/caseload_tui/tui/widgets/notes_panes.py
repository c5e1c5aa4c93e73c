"""The two panes beside the caseload: lingering thoughts and follow-up questions."""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import Client, Question, QuestionStatus, Thought
from .. import render


def _keep_highlight(pane: OptionList, options: list[Option | None], empty: str) -> None:
    keep = pane.highlighted_option.id if pane.highlighted_option else None
    options = options[:-1] if options and options[-1] is None else options
    with pane.prevent(OptionList.OptionHighlighted):
        if not any(options):
            options = [Option(render.label(empty, "italic $foreground-muted"), id="empty", disabled=True)]
        pane.set_options(options)
        if keep is not None:
            try:
                pane.highlighted = pane.get_option_index(keep)
            except Exception:  # noqa: BLE001 - the kept option is gone
                pane.highlighted = 0 if pane.option_count else None


def item_id(option_id: str | None) -> int | None:
    if not option_id or ":" not in option_id:
        return None
    return int(option_id.split(":", 1)[1])


class NotesPane(OptionList):
    """A pane of notes: focusing it highlights its first note, ready for a key.

    Enter opens the highlighted note (a click only highlights it, so a stray
    click never opens a form).
    """

    BINDINGS = [Binding("enter", "open_note", "Open", show=False)]

    class Open(Message):
        def __init__(self, pane: "NotesPane") -> None:
            super().__init__()
            self.pane = pane

    def action_open_note(self) -> None:
        if self.highlighted is not None and not self.get_option_at_index(self.highlighted).disabled:
            self.post_message(self.Open(self))

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count and not self.get_option_at_index(0).disabled:
            self.highlighted = 0


class ThoughtsPane(NotesPane):
    """Newest first; each with its date, kind, and whether it is still with me."""

    BORDER_TITLE = "Lingering thoughts"

    def show(self, thoughts: list[Thought], today: date, clients: dict[int, Client] | None = None,
             empty: str = "Nothing written yet. Press t to write what stays with you.") -> None:
        options: list[Option | None] = []
        for thought in thoughts:
            options += [Option(thought_prompt(thought, today, clients), id=f"thought:{thought.id}"), None]
        _keep_highlight(self, options, empty)
        lingering = sum(1 for t in thoughts if t.lingering)
        self.border_subtitle = f"{lingering} still with me" if thoughts else ""

    @property
    def current_id(self) -> int | None:
        return item_id(self.highlighted_option.id if self.highlighted_option else None)


def thought_prompt(thought: Thought, today: date, clients: dict[int, Client] | None) -> Content:
    parts: list = []
    if clients is not None:
        owner = clients.get(thought.client_id) if thought.client_id else None
        parts += [render.client_name(owner, style="bold") if owner else render.label("My practice", "bold"), "  "]
    parts += [
        (render.day(thought.written_at, today), "$foreground-muted"),
        "  ",
        (thought.kind.value, render.KIND_STYLES[thought.kind]),
        "  ",
        ("● still with me", "$text-warning") if thought.lingering else ("○ let go", "$foreground-muted"),
    ]
    if thought.tell_client:
        parts += ["  ", ("✉ tell them", "$text-accent")]
    style = "" if thought.lingering else "$foreground-muted"
    return render.join(*parts, "\n", render.user_text(thought.body, style=style, multiline=True))


class QuestionsPane(NotesPane):
    """Open questions first; answered and dropped ones below them."""

    BORDER_TITLE = "Follow-up questions"

    def show(self, questions: list[Question], today: date, clients: dict[int, Client] | None = None,
             empty: str = "No questions yet. Press f to note what to ask next time.") -> None:
        options: list[Option | None] = []
        for question in questions:
            options += [Option(question_prompt(question, today, clients), id=f"question:{question.id}"), None]
        _keep_highlight(self, options, empty)
        still_open = sum(1 for q in questions if q.status is QuestionStatus.OPEN)
        self.border_subtitle = f"{still_open} open" if questions else ""

    @property
    def current_id(self) -> int | None:
        return item_id(self.highlighted_option.id if self.highlighted_option else None)


def question_prompt(question: Question, today: date, clients: dict[int, Client] | None) -> Content:
    parts: list = []
    if clients is not None:
        owner = clients.get(question.client_id) if question.client_id else None
        parts += [render.client_name(owner, style="bold") if owner else render.label("My practice", "bold"), "  "]
    if question.status is QuestionStatus.OPEN:
        parts += [("? open", "$text-accent"), "  ", (f"asked {render.day(question.asked_at, today)}", "$foreground-muted")]
        return render.join(*parts, "\n", render.user_text(question.body, multiline=True))
    status = "✓ answered" if question.status is QuestionStatus.ANSWERED else "– dropped"
    parts += [(status, "$text-success" if question.status is QuestionStatus.ANSWERED else "$foreground-muted"),
              "  ", (render.day(question.closed_at or question.asked_at, today), "$foreground-muted")]
    body = render.join(*parts, "\n", render.user_text(question.body, style="$foreground-muted", multiline=True))
    if question.answer:
        body = render.join(body, "\n", ("→ ", "$text-success"), render.user_text(question.answer, multiline=True))
    return body
