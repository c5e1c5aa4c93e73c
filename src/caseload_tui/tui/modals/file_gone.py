"""Said over whatever is in front as soon as the caseload file is found deleted, moved or replaced.

Nothing saved from then on would reach the file the clinician will open next time, so they are told
before anything more is typed (AppBase.check_caseload_file), and every save is refused (the store's
guard, store/file_identity.py): a form keeps its text and says so.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from .. import render
from .blank_key import BLANK_KEY

WHAT_TO_DO = ("No draft can be kept either (drafts live inside the caseload file). Text in an open form "
              "stays in it while caseload is open: if you moved the file, move it back and save again. "
              "Otherwise copy what you wrote somewhere safe (select it, ctrl+c), quit, put the caseload back "
              "(the latest backup: `caseload restore`), and start caseload again.")


class FileGoneNotice(ModalScreen[None]):
    DEFAULT_CSS = """
    FileGoneNotice { align: center middle; }
    FileGoneNotice > Vertical { width: 72; max-width: 100%; height: auto; border: thick $error;
                                background: $surface; padding: 1 2; }
    FileGoneNotice #what-to-do { padding-top: 1; }
    FileGoneNotice #buttons { height: auto; align: right middle; padding-top: 1; }
    """
    BINDINGS = [Binding("escape", "dismiss", "Close"), BLANK_KEY]

    def __init__(self, problem: str) -> None:
        super().__init__()
        self._problem = problem

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(render.label(self._problem, "bold"))
            yield Static(render.label(WHAT_TO_DO), id="what-to-do")
            with Horizontal(id="buttons"):
                yield Button(render.label("I understand"), id="understood", variant="error")

    def on_mount(self) -> None:
        self.query_one("#understood", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss()
