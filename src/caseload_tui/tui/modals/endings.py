"""Forms for the end of the work: graduation with its reflection, and news of a graduate later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioButton, RadioSet, Select, Static, TextArea

from ...model import EndingKind, Reflection
from ...rules import DateError, parse_day
from ...safe_text import for_editing, keep_if_unchanged
from .. import render
from .base import FormError, FormScreen, NoteArea, label, line_text, note_text

REFLECTION_PARTS = [
    ("helped", "What helped"),
    ("not_helped", "What did not help"),
    ("they_learned", "What they learned"),
    ("i_learned", "What I learned"),
]


@dataclass
class GraduationInput:
    ended_on: date
    kind: EndingKind
    reflection: Reflection
    close_questions: bool


class GraduateForm(FormScreen[GraduationInput]):
    """End date, kind of ending, a four-part closing reflection, and what to do with open questions."""

    title_text = "Mark the case as ended"
    save_label = "Graduate"
    DEFAULT_CSS = """
    GraduateForm TextArea { height: 3; }
    """

    def __init__(self, about: Content, today: date, open_questions: int, reflection: Reflection | None = None,
                 check=None) -> None:
        super().__init__(check)
        self._about, self._today, self._open = about, today, open_questions
        self._reflection = reflection or Reflection()

    def fields(self) -> ComposeResult:
        yield Static(render.join(("Ending the work with ", "$foreground-muted"), self._about))
        yield label("Ended on (today, yesterday, tue, 3 dec, 2026-12-03)")
        yield Input("today", id="ended", max_length=40, compact=True)
        yield label("Kind of ending")
        yield Select([(kind.label, kind) for kind in EndingKind], value=EndingKind.PLANNED, allow_blank=False,
                     id="kind", compact=True)
        for key, title in REFLECTION_PARTS:
            yield label(title)
            yield NoteArea(for_editing(getattr(self._reflection, key)), id=key, soft_wrap=True, show_line_numbers=False,
                           tab_behavior="focus", compact=True)
        if self._open:
            yield label(f"{self._open} follow-up question{'s are' if self._open != 1 else ' is'} still open")
            with RadioSet(id="questions", compact=True):
                yield RadioButton("Close them (no longer to ask)", value=True, name="close")
                yield RadioButton("Keep them open", name="keep")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#ended", Input).focus()

    def collect(self) -> GraduationInput:
        try:
            ended = parse_day(line_text(self.query_one("#ended", Input), "end date"), self._today)
        except DateError as problem:
            raise FormError(str(problem)) from None
        reflection = Reflection(**{
            key: keep_if_unchanged(note_text(self.query_one(f"#{key}", TextArea), title.lower(), required=False),
                                   getattr(self._reflection, key))
            for key, title in REFLECTION_PARTS
        })
        close = False
        if self._open:
            pressed = self.query_one("#questions", RadioSet).pressed_button
            close = pressed is not None and pressed.name == "close"
        kind = self.query_one("#kind", Select).value
        assert isinstance(kind, EndingKind), "the kind is a Select without a blank"
        return GraduationInput(ended_on=ended, kind=kind,
                               reflection=reflection, close_questions=close)


@dataclass
class NewsInput:
    happened_on: date
    body: str


class NewsForm(FormScreen[NewsInput]):
    """News of a former client, or a chance meeting: when, and what happened."""

    title_text = "News or a chance meeting"

    def __init__(self, about: Content, today: date, check=None) -> None:
        super().__init__(check)
        self._about, self._today = about, today

    def fields(self) -> ComposeResult:
        yield Static(render.join(("About ", "$foreground-muted"), self._about))
        yield label("When (today, yesterday, tue, 3 dec, 2026-12-03)")
        yield Input("today", id="when", max_length=40, compact=True)
        yield label("What happened")
        yield NoteArea("", id="body", soft_wrap=True, show_line_numbers=False, tab_behavior="focus", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#body", TextArea).focus()

    def collect(self) -> NewsInput:
        try:
            when = parse_day(line_text(self.query_one("#when", Input), "day"), self._today)
        except DateError as problem:
            raise FormError(str(problem)) from None
        return NewsInput(happened_on=when, body=note_text(self.query_one("#body", TextArea), "news"))
