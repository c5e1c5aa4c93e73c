"""The two panes beside the caseload: lingering thoughts and follow-up questions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import HOW_TAKEN_LABEL, Client, Question, QuestionStatus, Thought
from .. import render
from .steady_list import SteadyList

NOTES_AT_ONCE = 40  # notes made into rows at a time as the pane is moved through or scrolled


def item_id(option_id: str | None) -> int | None:
    if not option_id or ":" not in option_id:
        return None
    return int(option_id.split(":", 1)[1])


class NotesPane(SteadyList):
    """A pane of notes: focusing it highlights its first note, ready for a key. Shown without a layout.

    Enter opens the highlighted note (a click only highlights it, so a stray
    click never opens a form).
    """

    BINDINGS = [Binding("enter", "open_note", "Open", show=False)]

    class Open(Message):
        """Enter on a note (any pane): kept for panes that read their own highlighted note."""

        def __init__(self, pane: NotesPane) -> None:
            super().__init__()
            self.pane = pane

    def action_open_note(self) -> None:
        if self.highlighted is not None and not self.get_option_at_index(self.highlighted).disabled:
            self.post_message(self.Open(self))
            self.note_opened()

    def note_opened(self) -> None:
        """Enter was pressed on a note: a pane that knows its notes says which, in its own message."""

    def on_focus(self) -> None:
        if self.highlighted is None and self.option_count and not self.get_option_at_index(0).disabled:
            self.highlighted = 0

    # ------------------------------------------------------------ notes made as they come into view

    _waiting: list[tuple[str, Callable[[], Content]]] = []  # (id, how to make its row), in order

    def show_notes(self, notes: list[tuple[str, Callable[[], Content]]], empty: str) -> None:
        """Show notes (an id and how to make its row, for each), keeping the highlighted note.

        Only the rows that fill the pane are made (and wrapped) now, the rest as the pane
        is scrolled or moved through, or a note among them is asked for by id: a client or
        a group with hundreds of notes shows as quickly as one with a handful.
        """
        keep = self.highlighted_option.id if self.highlighted_option else None
        with self.prevent(OptionList.OptionHighlighted):
            self._waiting = list(notes)
            if notes:
                self.set_options(self._filling_rows())
            else:
                self.set_options([Option(render.label(empty, "italic $foreground-muted"), id="empty", disabled=True)])
            if keep is not None:
                try:
                    self.highlighted = self.get_option_index(keep)
                except Exception:  # noqa: BLE001 - the kept option is gone
                    self.highlighted = 0 if self.option_count else None

    def _filling_rows(self) -> list[Option | None]:
        """Rows for the notes that fill the pane, each wrapped once as it is made (SteadyList): only what shows."""
        height = self.scrollable_content_region.height
        if not height:  # not laid out yet: as many as could fit, each a heading, a line and a separator at least
            return self._next_rows(self.app.size.height // 3 + 1)
        rows: list[Option | None] = []
        made = lines = 0
        while made < len(self._waiting) and lines <= height:
            option_id, make = self._waiting[made]
            made += 1
            option = Option(make(), id=option_id)
            lines += self.lines_of(option, divider=made < len(self._waiting))
            rows += [option, None]
        self._waiting = self._waiting[made:]
        return rows if self._waiting else rows[:-1]

    def _next_rows(self, at_least: int = NOTES_AT_ONCE) -> list[Option | None]:
        """Rows for the next waiting notes, each followed by a separator unless it is the very last."""
        batch, self._waiting = self._waiting[:at_least], self._waiting[at_least:]
        rows: list[Option | None] = []
        for option_id, make in batch:
            rows += [Option(make(), id=option_id), None]
        return rows if self._waiting else rows[:-1]

    def _show_more(self, at_least: int = NOTES_AT_ONCE) -> None:
        if self._waiting:
            with self.prevent(OptionList.OptionHighlighted):
                self.add_options(self._next_rows(at_least))

    def get_option(self, option_id: str) -> Option:
        """The note's row, made first (with those before it) if it was still waiting."""
        waiting = next((i for i, (waiting_id, _) in enumerate(self._waiting) if waiting_id == option_id), None)
        if waiting is not None:
            self._show_more(waiting + 1)
        return super().get_option(option_id)

    def highlight_note(self, option_id: str) -> bool:
        """Highlight a note by its option id, making its row first if it was waiting; False if it is not here."""
        try:
            self.highlighted = self.get_option_index(option_id)  # via get_option: made if waiting
        except Exception:  # noqa: BLE001 - OptionDoesNotExist: the note is not in this pane
            return False
        return True

    def _near_the_end(self) -> bool:
        rows = self.scrollable_content_region.height or 10
        return ((self.highlighted or 0) >= self.option_count - rows
                or self.scroll_y + 2 * rows >= self.virtual_size.height)

    def action_cursor_down(self) -> None:
        if self._waiting and self._near_the_end():
            self._show_more()
        super().action_cursor_down()

    def action_page_down(self) -> None:
        if self._waiting and self._near_the_end():
            self._show_more()
        super().action_page_down()

    def action_last(self) -> None:
        self._show_more(len(self._waiting))
        super().action_last()

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        if new > old and self._waiting and self._near_the_end():  # scrolled down towards the last row made
            self.call_later(self._show_more)


class ThoughtsPane(NotesPane):
    """Newest first; each with its date, kind, and whether it is still with me."""

    BORDER_TITLE = "Lingering thoughts"

    class ThoughtChosen(Message):
        """Enter on a thought: the screen opens it to edit."""

        def __init__(self, thought_id: int) -> None:
            super().__init__()
            self.thought_id = thought_id

    def show(self, thoughts: list[Thought], today: date, clients: dict[int, Client] | None = None,
             empty: str = "Nothing written yet. Press t to write what stays with you.") -> None:
        self.show_notes([(_thought_option(thought.id), partial(thought_prompt, thought, today, clients))
                         for thought in thoughts], empty)
        lingering = sum(1 for t in thoughts if t.lingering)
        self.border_subtitle = f"{lingering} still with me" if thoughts else ""

    def highlight_thought(self, thought_id: int) -> bool:
        return self.highlight_note(_thought_option(thought_id))

    @property
    def current_id(self) -> int | None:
        """The highlighted thought's id, or None."""
        return item_id(self.highlighted_option.id if self.highlighted_option else None)

    def note_opened(self) -> None:
        if (thought_id := self.current_id) is not None:
            self.post_message(self.ThoughtChosen(thought_id))


def _thought_option(thought_id: int | None) -> str:
    return f"thought:{thought_id}"


def thought_prompt(thought: Thought, today: date, clients: dict[int, Client] | None) -> Content:
    parts: list = []
    if clients is not None:
        owner = clients.get(thought.client_id) if thought.client_id else None
        parts += [render.client_name(owner, style="bold") if owner else render.label("My practice", "bold"), "  "]
    parts += [
        (render.day(thought.written_at, today), "$foreground-muted"),
        "  ",
        (thought.kind.label, render.KIND_STYLES[thought.kind]),
        *_whose(thought),
        "  ",
        ("● still with me", "$text-warning") if thought.lingering else ("○ let go", "$foreground-muted"),
    ]
    if thought.tell_client:
        parts += ["  ", tell_words(thought, today)]
    if thought.safety is not None:
        parts += ["  ", render.concern_marker(thought)]
    if thought.bring_to_supervision:
        parts += ["  ", render.BRING_MARKER]
    style = "" if thought.lingering else "$foreground-muted"
    body = render.join(*parts, "\n", render.note_text(thought, style=style, multiline=True))
    if thought.telling is not None and thought.telling.how_taken.strip():
        body = render.join(body, "\n", (f"{HOW_TAKEN_LABEL}: ", "$foreground-muted"),
                           render.user_text(thought.telling.how_taken, multiline=True))
    return body


def tell_words(thought: Thought, today: date) -> tuple[str, str]:
    """'✉ tell them', or the story: '✉ told Thu 26 Nov', '✉ kept for another time Thu 26 Nov'."""
    telling = thought.telling
    if telling is None:
        return ("✉ tell them", "$text-accent")
    style = "$text-success" if telling.outcome.words.done else "$text-accent"
    return (f"✉ {telling.outcome.words.past} {render.day(telling.on, today)}", style)


def _whose(thought: Thought) -> list[Content | tuple[str, str]]:
    """A reaction's whose and feeling words: ' · theirs, felt in me: irritation'."""
    if thought.whose is None and not thought.feelings:
        return []
    whose = f" · {thought.whose.label}" if thought.whose else " ·"
    parts: list[Content | tuple[str, str]] = [(whose, "$foreground-muted")]
    if thought.feelings:
        parts += [(": " if thought.whose else " ", "$foreground-muted"),
                  render.user_line(thought.feelings, width=60, style="italic")]
    return parts


class QuestionsPane(NotesPane):
    """Open questions first; answered and dropped ones below them, each marked so."""

    # As the review's pane (widgets/review_notes.py): not "Follow-up questions" over answered ones too.
    BORDER_TITLE = "Questions"

    class QuestionChosen(Message):
        """Enter on a question: the screen opens it to answer (or drop)."""

        def __init__(self, question_id: int) -> None:
            super().__init__()
            self.question_id = question_id

    def show(self, questions: list[Question], today: date, clients: dict[int, Client] | None = None,
             empty: str = "No questions yet. Press f to note what to ask next time.") -> None:
        self.show_notes([(_question_option(question.id), partial(question_prompt, question, today, clients))
                         for question in questions], empty)
        still_open = sum(1 for q in questions if q.status is QuestionStatus.OPEN)
        settled = len(questions) - still_open
        counts = ([f"{still_open} open"] if still_open or not settled else []) + (
            [f"{settled} settled"] if settled else [])
        self.border_subtitle = ", ".join(counts) if questions else ""

    def highlight_question(self, question_id: int) -> bool:
        return self.highlight_note(_question_option(question_id))

    @property
    def current_id(self) -> int | None:
        """The highlighted question's id, or None."""
        return item_id(self.highlighted_option.id if self.highlighted_option else None)

    def note_opened(self) -> None:
        if (question_id := self.current_id) is not None:
            self.post_message(self.QuestionChosen(question_id))


def _question_option(question_id: int | None) -> str:
    return f"question:{question_id}"


def question_prompt(question: Question, today: date, clients: dict[int, Client] | None) -> Content:
    parts: list = []
    if clients is not None:
        owner = clients.get(question.client_id) if question.client_id else None
        parts += [render.client_name(owner, style="bold") if owner else render.label("My practice", "bold"), "  "]
    marker = ["  ", render.concern_marker(question)] if question.safety is not None else []
    if question.status is QuestionStatus.OPEN:
        asked = (f"asked {render.day(question.asked_at, today)}", "$foreground-muted")
        parts += [("? open", "$text-accent"), "  ", asked, *marker]
        return render.join(*parts, "\n", render.note_text(question, multiline=True))
    status = "✓ answered" if question.status is QuestionStatus.ANSWERED else "– dropped"
    parts += [(status, "$text-success" if question.status is QuestionStatus.ANSWERED else "$foreground-muted"),
              "  ", (render.day(question.closed_at or question.asked_at, today), "$foreground-muted"), *marker]
    body = render.join(*parts, "\n", render.note_text(question, style="$foreground-muted", multiline=True))
    if question.answer and not render.hides(question):
        body = render.join(body, "\n", ("→ ", "$text-success"), render.user_text(question.answer, multiline=True))
    return body
