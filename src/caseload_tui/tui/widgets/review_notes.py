"""The review's notes pane: the client's open questions (and any settled today), then today's writing."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import Question, QuestionStatus, Thought
from .. import render
from .notes_panes import NotesPane
from .record_ids import stored_id


def _question_option(question_id: int) -> str:
    return f"question:{question_id}"


class ReviewNotes(NotesPane):
    """The client's open questions (and any settled today), then what was written about them today."""

    # Not "Open questions": the ones settled today stay in view, marked so (issue 20).
    BORDER_TITLE = "Questions"

    _questions: list[Question] = []
    _question_ids: dict[str, int] = {}  # option id -> the question it shows

    def show(self, questions: list[Question], thoughts: list[Thought], carried: set[int], today: date) -> None:
        self._questions = questions
        self._question_ids = {_question_option(stored_id(q.id)): stored_id(q.id) for q in questions}
        keep = self.highlighted_option.id if self.highlighted_option else None
        options: list[Option | None] = []
        for question in questions:
            options += [Option(_question_prompt(question, question.id in carried, today),
                               id=_question_option(stored_id(question.id))), None]
        if not questions:
            options += [Option(render.label("No open questions. Press f to add one for next time.",
                                            "italic $foreground-muted"), disabled=True), None]
        if thoughts:
            options.append(Option(render.label("Written today", "bold"), disabled=True))
            for thought in thoughts:
                options += [Option(_thought_prompt(thought), id=f"thought:{thought.id}"), None]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options[:-1] if options and options[-1] is None else options)
            self.highlighted = None
            if keep is not None:
                with suppress(Exception):  # the kept option is gone
                    self.highlighted = self.get_option_index(keep)
            if self.highlighted is None:
                self.highlighted = self._first_open(questions, carried)
        still_open = sum(1 for q in questions if q.status is QuestionStatus.OPEN)
        settled = len(questions) - still_open
        counts = [f"{still_open} open"] if still_open or not settled else []
        counts += [f"{settled} settled today"] if settled else []
        self.border_subtitle = ", ".join(counts) if questions else ""

    def _first_open(self, questions: list[Question], carried: set[int]) -> int | None:
        wanted: list[Callable[[Question], bool]] = [
            lambda q: q.status is QuestionStatus.OPEN and q.id not in carried,
            lambda q: q.status is QuestionStatus.OPEN,
            lambda q: True,
        ]
        for test in wanted:
            for question in questions:
                if test(question):
                    return self.get_option_index(_question_option(stored_id(question.id)))
        return None

    def highlight_undecided(self, carried: set[int]) -> None:
        """Move to the first question still open and not yet carried forward, if there is one."""
        for question in self._questions:
            if question.status is QuestionStatus.OPEN and question.id not in carried:
                self.highlighted = self.get_option_index(_question_option(stored_id(question.id)))
                return

    @property
    def has_questions(self) -> bool:
        return bool(self._questions)

    @property
    def current_question(self) -> int | None:
        """The id of the highlighted question, or None when a thought (or nothing) is highlighted."""
        option = self.highlighted_option
        return None if option is None else self._question_ids.get(option.id or "")


def _question_prompt(question: Question, carried: bool, today: date) -> Content:
    asked = (f"  asked {render.day(question.asked_at, today)}", "$foreground-muted")
    if question.status is QuestionStatus.ANSWERED:
        head = [("✓ answered today", "$text-success"), asked]
    elif question.status is QuestionStatus.DROPPED:
        head = [("– dropped today", "$foreground-muted"), asked]
    elif carried:
        head = [("↷ carried forward", "$text-secondary"), asked]
    else:
        head = [("? open", "$text-accent"), asked]
    style = "" if question.status is QuestionStatus.OPEN else "$foreground-muted"
    body = render.join(*head, "\n", render.user_text(question.body, style=style, multiline=True))
    if question.answer:
        body = render.join(body, "\n", ("→ ", "$text-success"), render.user_text(question.answer, multiline=True))
    return body


def _thought_prompt(thought: Thought) -> Content:
    parts: list[Content | str | tuple[str, str]] = [
        ("✎ ", "$text-secondary"), (thought.kind.label, render.KIND_STYLES[thought.kind]), "  ",
        ("● still with me", "$text-warning") if thought.lingering else ("○ let go", "$foreground-muted")]
    if thought.tell_client:
        parts += ["  ", ("✉ tell them", "$text-accent")]
    return render.join(*parts, "\n", render.user_text(thought.body, multiline=True))
