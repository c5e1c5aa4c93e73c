"""The supervision screen's forms: the start date, the question to bring, the export, the meeting,
the follow-through."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Input, Select, Static, TextArea

from ...model import Need, Setting, SupervisionItem, SupervisionMeeting
from ...rules import DateError, parse_day
from ...safe_text import for_editing, keep_if_unchanged
from .. import render
from ..widgets.toggles import Checkbox
from .base import FormError, FormScreen, NoteArea, label, line_text, note_text


def _area(stored: str, id: str) -> TextArea:
    """A note field holding stored text (control characters shown as pictures, never sent)."""
    return NoteArea(for_editing(stored), id=id, soft_wrap=True, show_line_numbers=False, tab_behavior="focus",
                    compact=True)


def _typed_day(field: Input, today: date, what: str) -> date:
    try:
        return parse_day(line_text(field, what), today)
    except DateError as problem:
        raise FormError(str(problem)) from None


@dataclass
class SinceInput:
    since: date | None  # None: since the last supervision


class SinceForm(FormScreen[SinceInput]):
    """Cover the time since another day, or (left empty) since the last supervision."""

    title_text = "The time to cover"

    def __init__(self, today: date, current: date | None, check=None) -> None:
        super().__init__(check)
        self._today, self._current = today, current

    def fields(self) -> ComposeResult:
        yield label("Since (1 nov, last mon, 2026-10-01); leave empty for since the last supervision")
        yield Input(self._current.isoformat() if self._current else "", id="since", max_length=40, compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#since", Input).focus()

    def collect(self) -> SinceInput:
        field = self.query_one("#since", Input)
        if not field.value.strip():
            return SinceInput(None)
        since = _typed_day(field, self._today, "start date")
        if since > self._today:
            raise FormError("The time to cover has to start today or before.")
        return SinceInput(since)


@dataclass
class BringInput:
    """The question to bring about a case, and the optional structure around it."""

    question: str
    tried: str = ""
    between_us: str = ""
    need: Need | None = None


class BringQuestionForm(FormScreen[BringInput]):
    """The question to bring to supervision about one case (empty clears it), and, if I want them,
    what I have tried, what happens between us and what I need today."""

    title_text = "The question to bring"

    def __init__(self, about: Content, question: str, check=None, item: SupervisionItem | None = None) -> None:
        super().__init__(check)
        self._about, self._question = about, question
        self._item = item or SupervisionItem(client_id=0, question=question)

    def fields(self) -> ComposeResult:
        yield Static(render.join(("About ", "$foreground-muted"), self._about))
        yield label("What I want to ask my supervisor about this case")
        yield _area(self._question, "question")
        yield label("What I need today")
        yield Select([(need.label, need) for need in Need], value=self._item.need or Select.NULL,
                     allow_blank=True, prompt="(leave open)", id="need", compact=True)
        yield label("What I have tried (if you want it in the brief)")
        yield _area(self._item.tried, "tried")
        yield label("What happens between us (if you want it in the brief)")
        yield _area(self._item.between_us, "between")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#question", TextArea).focus()

    def collect(self) -> BringInput:
        def text(field: str, what: str, stored: str) -> str:
            return keep_if_unchanged(note_text(self.query_one(f"#{field}", TextArea), what, required=False), stored)

        need = self.query_one("#need", Select).value
        return BringInput(question=text("question", "question", self._question),
                          tried=text("tried", "what I have tried", self._item.tried),
                          between_us=text("between", "what happens between us", self._item.between_us),
                          need=need if isinstance(need, Need) else None)


@dataclass
class ExportInput:
    path: Path
    redact: bool


class ExportForm(FormScreen[ExportInput]):
    """Where to write the brief, and whether to take the names out."""

    title_text = "Export the supervision brief"
    save_label = "Export"

    def __init__(self, default_path: Path, redact: bool = True, check=None) -> None:
        super().__init__(check)
        self._default, self._redact = default_path, redact

    def fields(self) -> ComposeResult:
        yield label("Write the brief (Markdown, readable only by you) to")
        yield Input(for_editing(str(self._default), multiline=False), id="path", max_length=1000, compact=True)
        yield Checkbox("Redact: clients by code only, names taken out of the notes too",
                       value=self._redact, id="redact", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#path", Input).focus()

    def collect(self) -> ExportInput:
        typed = keep_if_unchanged(line_text(self.query_one("#path", Input), "file to write").strip(),
                                  str(self._default), multiline=False)
        path = Path(typed).expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.is_dir():
            raise FormError("That is a folder; add a file name, such as supervision-brief.md.")
        if not path.parent.is_dir():
            raise FormError(f"There is no folder {path.parent}; choose a folder that exists.")
        return ExportInput(path=path, redact=self.query_one("#redact", Checkbox).value)


@dataclass
class MeetingInput:
    held_on: date
    notes: str
    advice: dict[int, str]  # by client id
    unflag: bool
    supervisor: str = ""
    minutes: int = 0
    setting: Setting = Setting.INDIVIDUAL


_LENGTH = re.compile(r"^\s*(?:(\d+)\s*(?:h|hours?)\s*)?(?:(\d+)\s*(?:m|min|mins|minutes)?)?\s*$", re.IGNORECASE)


def minutes_of(typed: str) -> int:
    """How long a supervision lasted, typed as '90', '1h30', '1 h 30 min' or '2h'; '' is not recorded (0)."""
    found = _LENGTH.match(typed)
    if typed.strip() and (found is None or not any(found.groups())):
        raise FormError("Write how long it lasted in minutes (90) or hours and minutes (1h30).")
    hours, minutes = (int(g) if g else 0 for g in found.groups()) if found else (0, 0)
    total = hours * 60 + minutes
    if total > 24 * 60:
        raise FormError("A supervision of more than a day? Write how long it lasted in minutes (90).")
    return total


class MeetingForm(FormScreen[MeetingInput]):
    """After supervision: when it was, notes, and the advice about each case brought."""

    title_text = "Record the supervision"

    def __init__(self, today: date, cases: list[tuple[int, Content, str]], check=None,
                 last: SupervisionMeeting | None = None) -> None:
        """`cases`: each case brought as (client id, how to show them, the question brought);
        `last`: the last supervision held, whose supervisor, length and setting are offered again."""
        super().__init__(check)
        self._today, self._cases, self._last = today, cases, last

    def fields(self) -> ComposeResult:
        yield label("Held on (today, tue, 3 dec, 2026-12-03)")
        yield Input("today", id="held", max_length=40, compact=True)
        yield label("Notes from the meeting")
        yield _area("", "notes")
        if not self._cases:
            yield Static(render.label("No cases were chosen; only the date and notes will be kept.",
                                      "italic $foreground-muted"))
        for client_id, who, question in self._cases:
            yield Static(render.join("Advice about ", who), classes="field-label")
            if question.strip():
                yield Static(render.user_text(question, style="italic $foreground-muted", multiline=True))
            yield _area("", f"advice-{client_id}")
        last = self._last
        yield label("Supervisor (for the supervision log)")
        yield Input(for_editing(last.supervisor, multiline=False) if last else "", id="supervisor", max_length=200,
                    compact=True)
        yield label("How long (90, 1h30)")
        yield Input(str(last.minutes) if last and last.minutes else "", id="minutes", max_length=20, compact=True)
        yield Checkbox("In a group (not one to one)", value=bool(last and last.setting is Setting.GROUP),
                       id="group", compact=True)
        yield Checkbox("Unflag the cases brought (flag them again on the dashboard with b)",
                       value=True, id="unflag", compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#notes", TextArea).focus()

    def collect(self) -> MeetingInput:
        held_on = _typed_day(self.query_one("#held", Input), self._today, "date it was held")
        if held_on > self._today:
            raise FormError("Record a supervision once it has been held: the date cannot be after today.")
        advice = {cid: note_text(self.query_one(f"#advice-{cid}", TextArea), "advice", required=False)
                  for cid, _, _ in self._cases}
        supervisor = self.query_one("#supervisor", Input)
        kept = self._last.supervisor if self._last else ""
        return MeetingInput(held_on=held_on, notes=note_text(self.query_one("#notes", TextArea), "notes",
                                                             required=False),
                            advice=advice, unflag=self.query_one("#unflag", Checkbox).value,
                            supervisor=keep_if_unchanged(supervisor.value, kept, multiline=False),
                            minutes=minutes_of(self.query_one("#minutes", Input).value),
                            setting=Setting.GROUP if self.query_one("#group", Checkbox).value else Setting.INDIVIDUAL)


class OutcomeForm(FormScreen[str]):
    """Following through: was last time's advice tried, and how did it go?"""

    title_text = "How the advice went"

    def __init__(self, about: Content, item: SupervisionItem, held_on: str, check=None) -> None:
        super().__init__(check)
        self._about, self._item, self._held_on = about, item, held_on

    def fields(self) -> ComposeResult:
        yield Static(render.join(("About ", "$foreground-muted"), self._about,
                                 (f"  · supervision on {self._held_on}", "$foreground-muted")))
        if self._item.advice.strip():
            yield label("The advice")
            yield Static(render.user_text(self._item.advice, style="italic", multiline=True))
        yield label("Was it tried, and how did it go?")
        yield _area(self._item.outcome, "outcome")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#outcome", TextArea).focus()

    def collect(self) -> str:
        return keep_if_unchanged(note_text(self.query_one("#outcome", TextArea), "outcome"), self._item.outcome)
