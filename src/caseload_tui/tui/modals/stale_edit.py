"""A stale edit: both versions side by side, and the clinician's choice of what to keep.

Shown when a save is refused because another window saved the same record since this form read
it (the store's Conflict). Theirs is what is saved now; mine is what is still in the form. Nothing
is written here: the modal returns the choice (a `model.StaleChoice`), or None for "back to my
form", and whoever opened it saves accordingly (`services/versions.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ... import model as m
from ...store import StoreError
from .. import render

T = TypeVar("T")
NOT_YET = "Not saved yet: your text is still here. Press ctrl+s to see both versions again, or Escape to leave."


@dataclass(frozen=True)
class Part:
    """One field of the record as each side has it: its label and its text, byte for byte."""

    label: str
    theirs: str
    mine: str

    @property
    def differs(self) -> bool:
        return self.theirs != self.mine


def cell(part: Part, theirs: bool, gone: bool = False) -> Content:
    """One field as one side holds it: a note's text literally (through render), or a mark that it is empty."""
    if gone:
        return render.label(m.GONE_THEIRS, "italic $foreground-muted")
    text = part.theirs if theirs else part.mine
    return render.user_text(text, multiline=True) if text else render.label("(empty)", "italic $foreground-muted")


class StaleEdit(ModalScreen[m.StaleChoice | None]):
    """Theirs and mine side by side, with Keep mine, Keep theirs and (for a note) Save mine as a new note.

    `theirs_gone`: the record was deleted in the other window, so there is nothing to keep mine over.
    """

    DEFAULT_CSS = """
    StaleEdit { align: center middle; }
    StaleEdit > #stale {
        width: 100%; max-width: 150; height: 100%; max-height: 44;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    StaleEdit #stale-title { text-style: bold; }
    StaleEdit #stale-explains { color: $foreground-muted; }
    StaleEdit #versions { height: 1fr; border: round $primary-background; padding: 0 1; }
    StaleEdit #versions:focus { border: round $primary; }
    StaleEdit #compare { grid-size: 2; grid-columns: 1fr 1fr; grid-gutter: 0 2; height: auto; }
    StaleEdit #compare .heading { text-style: bold; color: $text-primary; }
    StaleEdit #compare .part { column-span: 2; padding-top: 1; }
    StaleEdit #buttons { height: auto; align: right middle; }
    StaleEdit #buttons Button { margin-left: 1; min-width: 0; }
    """
    BINDINGS = [Binding("escape", "back", m.BACK_TO_FORM)]

    def __init__(self, what: Content, parts: list[Part], *, can_save_as_new: bool,
                 theirs_gone: bool = False) -> None:
        super().__init__()
        self._what, self._parts = what, parts
        self._theirs_gone = theirs_gone
        self.choices = [choice for choice in m.StaleChoice
                        if (choice is not m.StaleChoice.SAVE_AS_NEW or can_save_as_new)
                        and not (theirs_gone and choice is m.StaleChoice.KEEP_MINE)]

    def compose(self) -> ComposeResult:
        with Vertical(id="stale"):
            yield Static(render.join(self._what, (f": {m.STALE_HEADING}", "bold")), id="stale-title")
            yield Static(render.label(m.STALE_EXPLAINS), id="stale-explains")
            # One scroll for both, each field a row: theirs and mine of a field stay side by side.
            with VerticalScroll(id="versions"), Grid(id="compare"):
                yield Static(render.label(m.THEIRS_HEADING), classes="heading")
                yield Static(render.label(m.MINE_HEADING), classes="heading")
                for n, part in enumerate(self._parts):
                    marker = " ≠" if part.differs and not self._theirs_gone else ""
                    yield Static(render.label(part.label + marker, "bold $text-warning" if marker else "bold"),
                                 classes="part")
                    yield Static(cell(part, theirs=True, gone=self._theirs_gone and n == 0), classes="theirs")
                    yield Static(cell(part, theirs=False), classes="mine")
            with Horizontal(id="buttons"):
                for choice in self.choices:
                    yield Button(render.label(choice.words.label), id=choice.value, compact=True,
                                 variant="primary" if choice is m.StaleChoice.SAVE_AS_NEW else "default")
                yield Button(render.label(f"{m.BACK_TO_FORM} (esc)"), id="back", compact=True)

    def on_mount(self) -> None:
        # Nothing is decided by a stray key: the focus starts where both versions are kept (a new
        # note), or else on going back to the form.
        first = "save_as_new" if m.StaleChoice.SAVE_AS_NEW in self.choices else "back"
        self.query_one(f"#{first}", Button).focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None if event.button.id == "back" else m.StaleChoice(event.button.id))


class SavingForm(Protocol[T]):
    """What a form that runs its own save gives the stale-edit view (modals/base.py, save_runner.py)."""

    saver: Callable[[T], object] | None
    app: Any

    def collected(self) -> T | None: ...

    def submit(self, result: T) -> None: ...

    def show_error(self, message: str) -> None: ...

    def stop_saving(self) -> None: ...

    def dismiss(self, result: Any = None) -> Any: ...


@dataclass
class StaleHandling(Generic[T]):
    """How a form settles a stale edit of the record it edits; set by whoever opens the form.

    `compare` reads theirs as saved now and gives the fields side by side (and whether theirs was
    deleted); `keep_mine` and `save_as_new` are savers for the form's result, run as its own save is
    (so a busy caseload is waited for, and a further change in the other window is shown again);
    `kept_theirs` redraws once mine is let go.
    """

    what: Content
    compare: Callable[[T], tuple[list[Part], bool]]
    keep_mine: Callable[[T], object]
    kept_theirs: Callable[[], None]
    save_as_new: Callable[[T], object] | None = None

    def show(self, form: SavingForm[T]) -> None:
        mine = form.collected()
        if mine is None:
            return
        try:
            parts, gone = self.compare(mine)
        except StoreError as problem:
            form.show_error(f"Not saved: {problem} Your text is still here.")
            return

        def chosen(choice: m.StaleChoice | None) -> None:
            if choice is None:
                form.show_error(NOT_YET)
            elif choice is m.StaleChoice.KEEP_THEIRS:
                form.stop_saving()
                form.dismiss(None)
                form.app.notify(choice.words.after, markup=False)
                self.kept_theirs()
            else:
                form.saver = self.keep_mine if choice is m.StaleChoice.KEEP_MINE else self.save_as_new
                form.submit(mine)

        form.app.push_screen(StaleEdit(self.what, parts, can_save_as_new=self.save_as_new is not None,
                                       theirs_gone=gone), chosen)
