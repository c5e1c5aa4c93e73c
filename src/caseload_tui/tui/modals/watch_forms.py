"""Forms for what must stay in view: a note marked as a safety concern, and a date that matters."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, RadioSet, Static

from ... import model as m
from ...rules import DateError, parse_day
from .. import render
from ..widgets.toggles import Checkbox, RadioButton
from .base import FormError, FormScreen, label, line_text


class ConcernForm(FormScreen[m.SafetyConcern]):
    """Mark a thought or question as a safety concern: which kind (its key, or the arrows and space)."""

    title_text = "Mark as a safety concern"
    save_label = "Mark"
    DEFAULT_CSS = "ConcernForm RadioSet { width: 100%; background: $boost; }"

    def __init__(self, note: Content, current: m.SafetyConcern | None = None) -> None:
        super().__init__()
        self._note, self._current = note, current or m.SafetyConcern.RISK_TO_SELF

    def fields(self) -> ComposeResult:
        yield Static(self._note)
        yield label("It stays on their header and before-the-session card until you mark it resolved")
        with RadioSet(id="concern", compact=True):
            for concern in m.SafetyConcern:
                yield RadioButton(render.label(f"{concern.key}  {concern.label}"), value=concern is self._current,
                                  id=f"concern-{concern.value}")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#concern", RadioSet).focus()

    def on_key(self, event) -> None:
        for concern in m.SafetyConcern:
            if event.key == concern.key:
                self.query_one(f"#concern-{concern.value}", RadioButton).value = True
                event.stop()

    def collect(self) -> m.SafetyConcern:
        return list(m.SafetyConcern)[max(self.query_one("#concern", RadioSet).pressed_index, 0)]


@dataclass
class DateInput:
    falls_on: date
    yearly: bool
    note: str


class DateForm(FormScreen[DateInput]):
    """A date that matters to a client (or a break of mine): the day, whether it repeats, what it is."""

    title_text = "A date that matters"

    def __init__(self, about: Content, today: date) -> None:
        super().__init__()
        self._about, self._today = about, today

    def fields(self) -> ComposeResult:
        yield Static(render.join(("For ", "$foreground-muted"), self._about))
        yield label("When (e.g. 3 dec, 2027-01-14, next fri)")
        yield Input("", id="when", max_length=40, compact=True)
        yield Checkbox("It comes back every year (an anniversary, a birthday)", value=False, id="yearly",
                       compact=True)
        yield label("What it is (a short note)")
        yield Input("", id="note", max_length=200, compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#when", Input).focus()

    def collect(self) -> DateInput:
        try:
            when = parse_day(line_text(self.query_one("#when", Input), "date"), self._today, prefer="future")
        except DateError as problem:
            raise FormError(str(problem)) from None
        return DateInput(falls_on=when, yearly=self.query_one("#yearly", Checkbox).value,
                         note=line_text(self.query_one("#note", Input), "note about the date"))
