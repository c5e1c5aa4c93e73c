"""What every form shares: a title, an inline error line, Save and Cancel, Escape to leave."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.document._document_navigator import DocumentNavigator
from textual.expand_tabs import expand_tabs_inline
from textual.widgets import Button, Input, Static, TextArea

from ...model.counting import numbered
from ...store import Conflict, NotFound
from .. import render
from ..pictured_lines import pictured_wrapping
from .blank_key import BLANK_KEY
from .save_runner import SaveRunner
from .stale_edit import StaleHandling

T = TypeVar("T")

MAX_NOTE_CHARS = 20_000  # a long page of process notes; a pasted megabyte is refused


class NoteArea(TextArea):
    """A text area that refuses to take more than a note can hold, so a huge paste never freezes it.

    What it holds is kept as typed or pasted, control characters too (stored byte for byte); what it
    draws shows each of them as its picture (render.field_line), never sends one to the terminal.
    """

    def get_line(self, line_index: int) -> Text:
        return Text(render.field_line(self.document.get_line(line_index)), end="", no_wrap=True)

    # Measured as drawn (tui/pictured_lines.py): the cursor, wraps and clicks fall on the pictures.
    def _set_document(self, text: str, language: str | None) -> None:
        super()._set_document(text, language)
        self.wrapped_document = pictured_wrapping(self.document, self.indent_width)
        self.navigator = DocumentNavigator(self.wrapped_document)
        self._rewrap_and_refresh_virtual_size()

    def get_column_width(self, row: int, column: int) -> int:
        return super().get_column_width(row, column) if row >= self.document.line_count else cell_len(
            expand_tabs_inline(render.field_line(self.document[row][:column]), self.indent_width))

    async def _on_paste(self, event: events.Paste) -> None:
        # Only the refusal is ours: Textual runs TextArea's own _on_paste after this one (it calls
        # each class's handler in turn), so calling super() here inserted every paste twice.
        room = MAX_NOTE_CHARS - len(self.text)
        if len(event.text) > room:
            event.prevent_default()
            event.stop()
            self.notify(f"That paste was {numbered(len(event.text), 'character')}; a note holds at most "
                        f"{MAX_NOTE_CHARS:,}, so it was not added.", severity="warning", markup=False)


class FormError(ValueError):
    """A problem with what was typed; shown in the form, in the clinician's words."""


class FormScreen(SaveRunner[T], Generic[T]):
    """A modal form. Subclasses compose `fields()` and turn them into a result in `collect()`.

    It is dismissed with that result, or with None when left without saving. Given a `saver` by
    whoever opens it, it is dismissed only once the saver has stored the result (save_runner.py).
    """

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FormScreen #form-title { text-style: bold; padding: 0 0 1 0; }
    FormScreen .field-label { color: $foreground-muted; padding: 1 0 0 0; }
    FormScreen Input, FormScreen TextArea, FormScreen Select { background: $boost; }
    FormScreen TextArea { height: 7; }
    FormScreen.-short .field-label { padding: 0; }
    FormScreen.-short TextArea { height: 4; }
    FormScreen.-short #form-title { padding: 0; }
    FormScreen #error { color: $text-error; height: auto; }
    FormScreen #buttons { height: auto; align: right middle; padding-top: 1; }
    FormScreen #buttons Button { margin-left: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        BLANK_KEY,
    ]
    early_keys: list[events.Key | events.Paste]  # typed before a field had the focus (AppBase gives them to it)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]
    title_text = "Form"
    save_label = "Save"
    stale: StaleHandling[T] | None = None  # set by whoever opens it: a stale edit then shows both versions

    def __init__(self, check: Callable[[T], str | None] | None = None) -> None:
        super().__init__()
        self._check = check
        self.early_keys = []
        self._initial: dict[str, str] = {}
        # What a draft needs to reopen this form (set by whoever opens it), and restored text.
        self.draft_kind: str | None = None
        self.draft_context: dict[str, Any] = {}
        self.prefill: dict[str, str] | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form"):
            yield Static(render.label(self.title_text), id="form-title")
            yield from self.fields()
            yield Static("", id="error")
            with Horizontal(id="buttons"):
                yield Button(render.label("Cancel"), id="cancel")
                yield Button(render.label(f"{self.save_label} (ctrl+s)"), id="save", variant="primary")

    def fields(self) -> ComposeResult:
        yield from ()

    def collect(self) -> T:
        raise NotImplementedError

    def on_mount(self) -> None:
        self._initial = self._texts()
        if self.prefill:
            for widget in self.query("Input, TextArea"):
                if widget.id in self.prefill:
                    if isinstance(widget, TextArea):
                        widget.load_text(self.prefill[widget.id])
                    elif isinstance(widget, Input):
                        widget.value = self.prefill[widget.id]
            self.show_error("")
            self.query_one("#error", Static).update(render.label(
                "Restored: what you were writing, kept as a draft when you left it.", "$text-warning"))

    @property
    def takes_keys(self) -> bool:
        """A field has the focus (not yet the form itself, which Textual focuses first as it opens)."""
        return self.focused is not None and self.focused.id != "form"

    def on_descendant_focus(self) -> None:
        give = getattr(self.app, "give_early_keys", None)  # AppBase: what was typed as the form opened
        if self.early_keys and give is not None and self.takes_keys:
            self.app.call_next(give)

    def draft(self) -> dict[str, Any]:
        """This form's unsaved text and how to reopen it."""
        return {"kind": self.draft_kind, "context": self.draft_context, "values": self._texts()}

    def _texts(self) -> dict[str, str]:
        found: dict[str, str] = {}
        for widget in self.query("Input, TextArea"):
            if isinstance(widget, TextArea):
                found[widget.id or str(id(widget))] = widget.text
            elif isinstance(widget, Input):
                found[widget.id or str(id(widget))] = widget.value
        return found

    @property
    def holds_unsaved_text(self) -> bool:
        return not self.saved and self._texts() != self._initial

    def show_error(self, message: str) -> None:
        line = self.query_one("#error", Static)
        line.update(render.label(message))
        if message:
            line.scroll_visible(animate=False)  # a short terminal: the form scrolls to say what happened

    def action_cancel(self) -> None:
        """Leave without saving: at once when nothing was written, else only as the clinician chooses."""
        if not self.holds_unsaved_text:
            self.stop_saving()
            self.dismiss(None)
            return
        from .leave_form import LeaveForm, Leaving

        drafts = getattr(self.app, "drafts", None)  # AppBase.drafts; None: this caseload keeps no drafts
        can_keep = drafts is not None and bool(self.draft_kind)

        def chosen(choice: Leaving | None) -> None:
            if self.saved:  # a try waiting for a busy caseload went through meanwhile
                self.deliver_saved()
                return
            if choice in (Leaving.DISCARD, Leaving.KEEP_AS_DRAFT):
                self.stop_saving()
            if choice is Leaving.DISCARD:
                self.dismiss(None)
            elif choice is Leaving.KEEP_AS_DRAFT and drafts is not None:
                try:
                    drafts.save(self.draft())
                except OSError:
                    self.show_error("The draft could not be kept (the caseload file could not be written). "
                                    "Your text is still here.")
                    return
                self.app.notify("Kept as a draft: it opens again the next time caseload starts.", markup=False)
                self.dismiss(None)

        self.app.push_screen(LeaveForm(can_keep), chosen)

    def collected(self) -> T | None:
        try:
            result = self.collect()
        except FormError as problem:
            self.show_error(str(problem))
            return None
        if self._check is not None:
            refusal = self._check(result)
            if refusal:
                self.show_error(refusal)
                return None
        return result

    def on_conflict(self, problem: Conflict | NotFound) -> None:
        """Changed (or deleted) in another window since this form read it: both versions side by side, if
        the opener said how (a note deleted there can still be saved as a new one)."""
        if self.stale is None:
            super().on_conflict(problem)
        else:
            self.stale.show(self)

    def action_save(self) -> None:
        if self.saved:
            return
        result = self.collected()
        if result is not None:
            self.submit(result)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        elif event.button.id == "cancel":
            self.action_cancel()


def open_to_save(app: App[Any], form: FormScreen[T], kind: str | None, save: Callable[[T], object] | None,
                 then: Callable[[T], None], **context: object) -> None:
    """Open a form at once (keys typed next go to it) that closes only once `save` has stored its result;
    `then` says so and redraws. `kind` names it for its draft (None: it keeps none)."""
    form.draft_kind, form.draft_context, form.saver = kind, context, save
    app.push_screen(form, lambda result: None if result is None else then(result))


def label(text: str) -> Static:
    return Static(render.label(text), classes="field-label")


def note_text(area: TextArea, what: str, required: bool = True) -> str:
    text = area.text
    if required and not text.strip():
        raise FormError(f"Please write the {what} first, or press Escape to leave without saving.")
    if len(text) > MAX_NOTE_CHARS:
        raise FormError(f"That {what} is {numbered(len(text), 'character')} long; the most one note can hold is "
                        f"{MAX_NOTE_CHARS:,}. Please shorten it.")
    return text


def line_text(field: Input, what: str, required: bool = True) -> str:
    value = field.value
    if required and not value.strip():
        raise FormError(f"Please fill in the {what}.")
    return value
