"""Forms for the end of the work: ending it (who, how, the reflection), the reflection written again
later from the arc, and news of a graduate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioSet, Static, TextArea

from ...model import RECORDED_ENDING_WORDS, REFLECTION_PARTS, EndedBy, EndingHow, Episode, Reflection
from ...model.counting import numbered, plural
from ...rules import DateError, parse_day
from ...safe_text import for_editing, keep_if_unchanged
from .. import render
from ..widgets.toggles import RadioButton
from .base import FormError, FormScreen, NoteArea, label, line_text, note_text

_Choice = TypeVar("_Choice", EndedBy, EndingHow)
WHO_QUESTION = "Who ended the work?"
HOW_QUESTION = "How did it end?"

__all__ = ["REFLECTION_PARTS", "EndingForm", "EndingInput", "NewsForm", "NewsInput", "ReflectionForm"]


def _choices(id_: str, kind: type[_Choice], chosen: _Choice | None) -> RadioSet:
    """One button a value, none pressed unless one was chosen before: the form never answers for them."""
    return RadioSet(*(RadioButton(render.label(getattr(member, "choice", member.label)), value=member is chosen,
                                  name=member.value) for member in kind), id=id_, compact=True)


def _chosen(form: FormScreen, id_: str, kind: type[_Choice], question: str) -> _Choice:
    pressed = form.query_one(f"#{id_}", RadioSet).pressed_button
    if pressed is None or not pressed.name:
        raise FormError(f"Please answer “{question}” (choose one).")
    return kind(pressed.name)


def _reflection_fields(reflection: Reflection) -> ComposeResult:
    for key, title in REFLECTION_PARTS:
        yield label(f"{title} (optional)")
        yield NoteArea(for_editing(getattr(reflection, key)), id=key, soft_wrap=True, show_line_numbers=False,
                       tab_behavior="focus", compact=True)


def _reflection(form: FormScreen, before: Reflection) -> Reflection:
    return Reflection(**{
        key: keep_if_unchanged(note_text(form.query_one(f"#{key}", TextArea), title.lower(), required=False),
                               getattr(before, key))
        for key, title in REFLECTION_PARTS
    })


@dataclass
class EndingInput:
    ended_on: date
    ended_by: EndedBy
    how: EndingHow
    reflection: Reflection
    close_questions: bool


class EndingForm(FormScreen[EndingInput]):
    """End date, who ended the work and how (asked, never assumed), the six-part reflection, open questions."""

    title_text = "End the work"
    save_label = "End the work"
    DEFAULT_CSS = """
    EndingForm TextArea { height: 3; }
    """

    def __init__(self, about: Content, today: date, open_questions: int, reflection: Reflection | None = None,
                 check=None) -> None:
        super().__init__(check)
        self._about, self._today, self._open = about, today, open_questions
        self._reflection = reflection or Reflection()  # one kept from an earlier ending, to carry on from

    def fields(self) -> ComposeResult:
        yield Static(render.join(("Ending the work with ", "$foreground-muted"), self._about))
        yield label("Ended on (today, yesterday, tue, 3 dec, 2026-12-03)")
        yield Input("today", id="ended", max_length=40, compact=True)
        yield label(WHO_QUESTION)
        yield _choices("who", EndedBy, None)
        yield label(HOW_QUESTION)
        yield _choices("how", EndingHow, None)
        yield Static(render.label("The reflection: every part is optional, and can be written later from "
                                  "their arc.", "$foreground-muted"))
        yield from _reflection_fields(self._reflection)
        if self._open:
            yield label(f"{numbered(self._open, 'follow-up question')} {plural(self._open, 'is', 'are')} still open")
            them = plural(self._open, "it", "them")
            with RadioSet(id="questions", compact=True):
                yield RadioButton(f"Close {them} (no longer to ask)", value=True, name="close")
                yield RadioButton(f"Keep {them} open", name="keep")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#ended", Input).focus()

    def collect(self) -> EndingInput:
        try:
            ended = parse_day(line_text(self.query_one("#ended", Input), "end date"), self._today)
        except DateError as problem:
            raise FormError(str(problem)) from None
        who = _chosen(self, "who", EndedBy, WHO_QUESTION)
        how = _chosen(self, "how", EndingHow, HOW_QUESTION)
        close = False
        if self._open:
            pressed = self.query_one("#questions", RadioSet).pressed_button
            close = pressed is not None and pressed.name == "close"
        return EndingInput(ended_on=ended, ended_by=who, how=how, reflection=_reflection(self, self._reflection),
                           close_questions=close)


class ReflectionForm(FormScreen[Episode]):
    """An ending written again later, from the arc: who ended it, how, and each part of the reflection."""

    title_text = "The ending and its reflection"
    DEFAULT_CSS = """
    ReflectionForm TextArea { height: 3; }
    """

    def __init__(self, about: Content, episode: Episode, today: date, focus: str | None = None,
                 check=None) -> None:
        super().__init__(check)
        self._about, self._episode, self._today, self._focus = about, episode, today, focus

    def fields(self) -> ComposeResult:
        e = self._episode
        yield Static(render.join(
            render.label("The work with ", "$foreground-muted"), self._about,
            render.label(f" from {render.day(e.started_on, self._today)} to {render.day(e.ended_on, self._today)}",
                         "$foreground-muted")))
        if e.recorded_as:
            recorded = RECORDED_ENDING_WORDS.get(e.recorded_as, e.recorded_as)
            yield Static(render.label(f"Recorded at the time as: {recorded}. Who and how may be left unanswered.",
                                      "$foreground-muted"))
        yield label(WHO_QUESTION)
        yield _choices("who", EndedBy, e.ended_by)
        yield label(HOW_QUESTION)
        yield _choices("how", EndingHow, e.how)
        yield from _reflection_fields(e.reflection)

    def on_mount(self) -> None:
        super().on_mount()
        wanted = self._focus if self._focus in {key for key, _ in REFLECTION_PARTS} else REFLECTION_PARTS[0][0]
        self.query_one(f"#{wanted}", TextArea).focus()

    def collect(self) -> Episode:
        e = self._episode
        # An ending recorded before who and how were asked may keep them unanswered.
        unanswered_ok = bool(e.recorded_as)
        who = e.ended_by if unanswered_ok and self._unpressed("who") else _chosen(self, "who", EndedBy, WHO_QUESTION)
        how = e.how if unanswered_ok and self._unpressed("how") else _chosen(self, "how", EndingHow, HOW_QUESTION)
        return Episode(started_on=e.started_on, client_id=e.client_id, ended_on=e.ended_on, ended_by=who, how=how,
                       reflection=_reflection(self, e.reflection), recorded_as=e.recorded_as, id=e.id,
                       version=e.version)

    def _unpressed(self, id_: str) -> bool:
        return self.query_one(f"#{id_}", RadioSet).pressed_button is None


@dataclass
class NewsInput:
    happened_on: date
    body: str
    stirred: str
    taught: str


class NewsForm(FormScreen[NewsInput]):
    """News of a former client, or a chance meeting: when, what happened, what it stirred, what it taught."""

    title_text = "News or a chance meeting"
    DEFAULT_CSS = """
    NewsForm TextArea { height: 3; }
    """

    def __init__(self, about: Content, today: date, ended_on: date | None = None, check=None) -> None:
        super().__init__(check)
        self._about, self._today, self._ended_on = about, today, ended_on

    def fields(self) -> ComposeResult:
        ended = f" (the work ended {render.day(self._ended_on, self._today)})" if self._ended_on else ""
        yield Static(render.join(("About ", "$foreground-muted"), self._about))
        yield label(f"When (today, yesterday, tue, 3 dec, 2026-12-03){ended}")
        yield Input("today", id="when", max_length=40, compact=True)
        for key, title in NEWS_PARTS:
            yield label(title)
            yield NoteArea("", id=key, soft_wrap=True, show_line_numbers=False, tab_behavior="focus", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#body", TextArea).focus()

    def collect(self) -> NewsInput:
        try:
            when = parse_day(line_text(self.query_one("#when", Input), "day"), self._today)
        except DateError as problem:
            raise FormError(str(problem)) from None
        if self._ended_on is not None and when < self._ended_on:
            raise FormError(f"The work ended on {self._ended_on:%-d %b %Y}: news is dated on or after that day.")
        texts = {key: self.query_one(f"#{key}", TextArea) for key, _ in NEWS_PARTS}
        return NewsInput(happened_on=when, body=note_text(texts["body"], "news"),
                         stirred=note_text(texts["stirred"], "what it stirred in me", required=False),
                         taught=note_text(texts["taught"], "what it taught me", required=False))


NEWS_PARTS = [
    ("body", "What happened"),
    ("stirred", "What it stirred in me (optional)"),
    ("taught", "What it taught me (optional)"),
]
