"""The dashboard's forms. Each returns its result through dismiss(); Escape returns None."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Button, Input, RadioSet, Static, TextArea

from ...model import (
    MISS_NOTE_HINT,
    NOT_YET_HAPPENED,
    ONLY_AFTER,
    OUTCOMES,
    Client,
    Question,
    Status,
    Thought,
    ThoughtKind,
    Whose,
)
from ...rules import DateError, ScheduleError, parse_day, parse_moment, parse_schedule
from ...safe_text import for_editing, keep_if_unchanged
from ...services.clients import schedule_words
from .. import render
from ..widgets.toggles import Checkbox, RadioButton
from .base import FormError, FormScreen, NoteArea, label, line_text, note_text
from .thought_kind import KIND_HINTS, KindChoice

__all__ = ["KIND_HINTS"]  # the thought form's kinds, as offered (tests/unit/test_vocabulary.py)


@dataclass
class ThoughtInput:
    body: str
    kind: ThoughtKind
    lingering: bool
    tell_client: bool
    bring: bool = False  # to bring to supervision
    whose: Whose | None = None  # a reaction's
    feelings: str = ""  # a reaction's

    def as_fields(self) -> dict[str, Any]:
        """What the form says, as services.notes.write_thought takes it."""
        return {"body": self.body, "kind": self.kind, "lingering": self.lingering, "tell_client": self.tell_client,
                "bring_to_supervision": self.bring, "whose": self.whose, "feelings": self.feelings}


class ThoughtForm(FormScreen[ThoughtInput]):
    """Write or edit a lingering thought."""

    def __init__(self, about: Content, thought: Thought | None = None, check=None,
                 kind: ThoughtKind | None = None) -> None:
        super().__init__(check)
        self._about = about
        self._thought = thought
        self._kind = thought.kind if thought else kind  # None: the form asks, nothing chosen for them
        self.title_text = "Edit thought" if thought else "New thought"

    def fields(self) -> ComposeResult:
        yield Static(render.join(("About ", "$foreground-muted"), self._about))
        yield label("What stays with you")
        yield NoteArea(for_editing(self._thought.body) if self._thought else "", id="body", soft_wrap=True,
                       show_line_numbers=False, tab_behavior="focus", compact=True)
        yield KindChoice(self._thought, self._kind)
        yield Checkbox("Still with me", value=self._thought.lingering if self._thought else True, id="lingering",
                       compact=True)
        yield Checkbox("Something to tell them I remembered",
                       value=self._thought.tell_client if self._thought else False, id="tell", compact=True)
        yield Checkbox("Bring to supervision", value=self._thought.bring_to_supervision if self._thought else False,
                       id="bring", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#body", TextArea).focus()

    def collect(self) -> ThoughtInput:
        body = note_text(self.query_one("#body", TextArea), "thought")
        kind = self.query_one(KindChoice).answer()
        return ThoughtInput(
            body=keep_if_unchanged(body, self._thought.body) if self._thought else body,
            kind=kind.kind, whose=kind.whose, feelings=kind.feelings,
            lingering=self.query_one("#lingering", Checkbox).value,
            tell_client=self.query_one("#tell", Checkbox).value,
            bring=self.query_one("#bring", Checkbox).value,
        )


class QuestionForm(FormScreen[str]):
    """A follow-up question: what to ask or check next time."""

    title_text = "New follow-up question"

    def __init__(self, about: Content, question: Question | None = None, check=None) -> None:
        super().__init__(check)
        self._about = about
        self._question = question
        if question:
            self.title_text = "Edit follow-up question"

    def fields(self) -> ComposeResult:
        yield Static(render.join(("About ", "$foreground-muted"), self._about))
        yield label("What to ask or check next time")
        yield NoteArea(for_editing(self._question.body) if self._question else "", id="body", soft_wrap=True,
                       show_line_numbers=False, tab_behavior="focus", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#body", TextArea).focus()

    def collect(self) -> str:
        body = note_text(self.query_one("#body", TextArea), "question")
        return keep_if_unchanged(body, self._question.body) if self._question else body


@dataclass
class Closing:
    answered: bool  # False: dropped
    answer: str


class AnswerForm(FormScreen[Closing]):
    """Answer a question with what was learned, or drop it."""

    title_text = "Answer or drop a question"
    save_label = "Answer"

    def __init__(self, question: Question, check=None) -> None:
        super().__init__(check)
        self._question = question
        self._drop = False

    def fields(self) -> ComposeResult:
        yield Static(render.user_text(self._question.body, style="italic", multiline=True))
        yield label("What I learned (the answer)")
        yield NoteArea(for_editing(self._question.answer), id="answer", soft_wrap=True, show_line_numbers=False,
                       tab_behavior="focus")
        yield Static(render.label("Or drop the question if it is no longer worth asking:", "$foreground-muted"))
        yield Button("Drop question (ctrl+d)", id="drop", compact=True)

    BINDINGS = [Binding("ctrl+d", "drop", "Drop question", priority=True)]

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "drop":
            event.stop()
            self.action_drop()
        else:
            super().on_button_pressed(event)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#answer", TextArea).focus()

    def action_drop(self) -> None:
        self.submit(Closing(answered=False, answer=""))

    def collect(self) -> Closing:
        answer = note_text(self.query_one("#answer", TextArea), "answer")
        return Closing(answered=True, answer=keep_if_unchanged(answer, self._question.answer))


ATTENDANCE_CHOICES = [(status, status.label) for status in OUTCOMES]


@dataclass
class AttendanceInput:
    starts_at: datetime
    status: Status
    moved_to: datetime | None
    note: str = ""  # how a miss came, as typed
    book: bool = False  # a time still to come, booked instead of recorded


def typed_moment(when: datetime, today: date) -> str:
    """A moment as the clinician would type it: 'today 09:00', 'tue 13:00', '3 dec 10:00'."""
    if when.date() == today:
        day = "today"
    elif 0 < (today - when.date()).days < 7:
        day = when.strftime("%a").lower()
    else:
        day = when.strftime("%-d %b").lower()
    return f"{day} {when:%H:%M}"


class AttendanceForm(FormScreen[AttendanceInput]):
    """Record what happened at a session that has happened: the latest one due by default, any date typed.

    A time still to come is refused in plain words, and ctrl+b books it instead.
    """

    title_text = "Record attendance"
    BINDINGS = [Binding("ctrl+b", "book", "Book this time instead")]

    def __init__(self, about: Content, now: datetime, last_due: datetime | None, usual_time: time | None,
                 check=None) -> None:
        super().__init__(check)
        self._about, self._now, self._today = about, now, now.date()
        self._last_due, self._usual = last_due, usual_time

    def fields(self) -> ComposeResult:
        yield Static(render.join(("Session with ", "$foreground-muted"), self._about))
        yield label("Day (today, yesterday, tue, 3 dec, 2026-12-03) and time if not the usual")
        default = typed_moment(self._last_due, self._today) if self._last_due else ""
        yield Input(default, id="when", placeholder="e.g. today 09:00, tue", max_length=40, compact=True)
        yield label("What happened")
        with RadioSet(id="status", compact=True):
            for i, (status, text) in enumerate(ATTENDANCE_CHOICES):
                yield RadioButton(text, value=(i == 0), name=status.value)
        yield label("If moved: the new day and time")
        yield Input("", id="moved", placeholder="e.g. fri 14:00", max_length=40, compact=True)
        yield label(f"If missed, how it came: {MISS_NOTE_HINT}")
        yield Input("", id="note", placeholder="e.g. texted at 7:40, no other time asked for", max_length=300,
                    compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#status", RadioSet).focus()

    def _when(self) -> datetime:
        default_time = self._usual or time(12, 0)
        try:
            return parse_moment(line_text(self.query_one("#when", Input), "day"), self._today, default_time)
        except DateError as problem:
            raise FormError(str(problem)) from None

    def action_book(self) -> None:
        try:
            when = self._when()
        except FormError as problem:
            self.show_error(str(problem))
            return
        if when <= self._now:
            self.show_error("That time has passed: choose what happened, and save.")
            return
        self.submit(AttendanceInput(starts_at=when, status=Status.SCHEDULED, moved_to=None, book=True))

    def collect(self) -> AttendanceInput:
        when = self._when()
        pressed = self.query_one("#status", RadioSet).pressed_button
        if pressed is None:
            raise FormError("Choose what happened.")
        status = Status(pressed.name)
        if when > self._now and status in ONLY_AFTER:  # a cancellation or a move may be known ahead
            raise FormError(f"{render.moment(when, self._today)}: {NOT_YET_HAPPENED[0].lower()}"
                            f"{NOT_YET_HAPPENED[1:]} To book it instead, press ctrl+b.")
        moved = None
        moved_text = self.query_one("#moved", Input).value.strip()
        if status is Status.RESCHEDULED and moved_text:
            try:
                moved = parse_moment(moved_text, self._today, when.time(), prefer="future")
            except DateError as problem:
                raise FormError(str(problem)) from None
        return AttendanceInput(starts_at=when, status=status, moved_to=moved,
                               note=self.query_one("#note", Input).value)


@dataclass
class ClientInput:
    name: str
    code: str
    started_on: date
    schedule: str
    themes: str


class ClientForm(FormScreen[ClientInput]):
    """Add a client, or edit one."""

    def __init__(self, today: date, client: Client | None = None, suggested_code: str = "", check=None) -> None:
        super().__init__(check)
        self._today, self._client = today, client
        self._code = client.code if client else suggested_code
        self.title_text = "Edit client" if client else "New client"

    def fields(self) -> ComposeResult:
        c = self._client
        yield label("Name (what you call them; a pseudonym is fine)")
        yield Input(for_editing(c.name, multiline=False) if c else "", id="name", max_length=200, compact=True)
        yield label("Code (shown instead of the name in privacy mode and briefs)")
        yield Input(for_editing(self._code, multiline=False), id="code", max_length=40, compact=True)
        yield label("Started (today, 3 dec, 2026-12-03)")
        yield Input(c.started_on.isoformat() if c else "today", id="started", max_length=40, compact=True)
        yield label("Usual sessions (e.g. weekly tue 10:00, fortnightly thu 18:30; empty for none)")
        yield Input(schedule_words(c.schedule) if c else "", id="schedule", max_length=200, compact=True)
        yield label("Themes")
        yield Input(for_editing(c.themes, multiline=False) if c else "", id="themes", max_length=500, compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#name", Input).focus()

    def collect(self) -> ClientInput:
        original = self._client
        name = line_text(self.query_one("#name", Input), "name")
        code = line_text(self.query_one("#code", Input), "code").strip()
        themes = self.query_one("#themes", Input).value
        if original is not None:
            name = keep_if_unchanged(name, original.name, multiline=False)
            code = keep_if_unchanged(code, original.code, multiline=False)
            themes = keep_if_unchanged(themes, original.themes, multiline=False)
        try:
            started = parse_day(line_text(self.query_one("#started", Input), "start date"), self._today)
        except DateError as problem:
            raise FormError(str(problem)) from None
        try:
            schedule = parse_schedule(self.query_one("#schedule", Input).value)
        except ScheduleError as problem:
            raise FormError(str(problem)) from None
        return ClientInput(name=name, code=code, started_on=started, schedule=schedule, themes=themes)


class ImportForm(FormScreen[Path]):
    """Which file to bring in: a calendar (.ics), an appointment report (.csv) or a caseload file."""

    title_text = "Import sessions or a caseload"
    save_label = "Check the file"

    def fields(self) -> ComposeResult:
        yield Static(render.label(
            "A calendar from Google, Apple or Outlook (.ics), an appointment report from a practice "
            "system (.csv), or a caseload file (.json). Nothing changes until you have seen what would.",
            "$foreground-muted"))
        yield label("File")
        yield Input("", id="path", placeholder="e.g. ~/Downloads/calendar.ics", max_length=1000, compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#path", Input).focus()

    def collect(self) -> Path:
        path = Path(line_text(self.query_one("#path", Input), "file").strip()).expanduser()
        if not path.is_file():
            raise FormError("There is no file there. Check the name and folder.")
        return path
