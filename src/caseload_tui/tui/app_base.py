"""What every screen may ask of the app: its store, clock, settings, privacy mode and drafts.

Screens type their `app` as this class (`getters.app(AppBase)`); `app.py` builds the
whole application on it. Kept apart so that screens can name the app's type without an
import circle (app.py imports the screens).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from ..config import Settings
from ..model.counting import numbered
from . import render
from .modals.confirm import Confirm
from .render import Privacy

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..drafts import Draft, Drafts
    from ..store import Store
    from .modals.base import FormScreen


def forms_among(screens: Iterable[Screen[Any]]) -> list[FormScreen[Any]]:
    """The forms among these screens, in order.

    The forms' module is imported when the first form opens, not at start (it brings the text
    areas and their document model); until then there can be none. Asked of sys.modules rather
    than imported here, because a signal handler asks it too (app.keep_drafts).
    """
    forms = sys.modules.get(f"{__package__}.modals.base")
    if forms is None:
        return []
    return [screen for screen in screens if isinstance(screen, forms.FormScreen)]


class AppBase(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "caseload"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    # Privacy mode: every client shown only by their code, everywhere, even inside notes.
    # Screens watch it (self.watch(self.app, "privacy_mode", ...)) to draw themselves again.
    privacy_mode: reactive[bool] = reactive(False, init=False)

    def __init__(self, store: Store, clock: Callable[[], datetime], settings: Settings | None = None,
                 redact: bool = False, demo: bool = False, drafts: Drafts | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.settings = settings or Settings()
        self.demo = demo
        self.drafts = drafts  # where unsaved form text goes if the program is stopped; None: nowhere
        self.privacy = Privacy()  # what render.py asks when it draws user text
        self.set_reactive(AppBase.privacy_mode, redact)
        self.privacy.on = redact
        self.sub_title = "privacy mode" if redact else ""
        self.crash_report: Any = None
        self._last_active = clock()

    def watch_privacy_mode(self, on: bool) -> None:
        self.privacy.on = on
        self.sub_title = "privacy mode" if on else ""
        self.notify("Privacy mode: clients shown by code." if on else "Names shown again.", markup=False)

    def action_toggle_privacy(self) -> None:
        self.privacy_mode = not self.privacy_mode

    # ------------------------------------------------------------ hiding the screen

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self._last_active = self.clock()
        await super().on_event(event)

    def _lock_when_idle(self) -> None:
        from .screens.blank import BlankScreen

        minutes = self.settings.lock_after_minutes
        if isinstance(self.screen, BlankScreen):
            return
        if self.clock() - self._last_active >= timedelta(minutes=minutes):
            self.push_screen(BlankScreen(f"Hidden after {numbered(minutes, 'minute')} without use. "
                                         "Press ctrl+l to return."))

    def action_blank(self) -> None:
        from .screens.blank import BlankScreen

        if not isinstance(self.screen, BlankScreen):
            self.push_screen(BlankScreen())

    # ------------------------------------------------------------ leaving

    def take_draft(self) -> Draft | None:
        return self.drafts.take() if self.drafts is not None else None

    async def action_quit(self) -> None:
        """Leave at once, unless a form holds text that would be lost."""
        unsaved = any(form.holds_unsaved_text for form in forms_among(self.screen_stack))
        if not unsaved:
            self.exit()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(Confirm(render.label("A form holds text you have not saved. Quit and lose it?", "bold"),
                                 yes="Quit", no="Stay"), answered)

    def panic(self, *renderables: Any) -> None:
        """Textual's last-resort exit prints what it is given, which could quote note text: say only that it stopped."""
        from rich.text import Text

        from .. import crash

        self._return_code = 1
        self._exit_renderables.append(Text(crash.message(None)))
        self._close_messages_no_wait()

    def _handle_exception(self, error: Exception) -> None:
        """Never print a traceback: Textual's shows local variables, which would hold note text."""
        from rich.text import Text

        from .. import crash

        self._return_code = 1
        if self._exception is None:
            self._exception = error
            self._exception_event.set()
        self.crash_report = crash.write_report(error, self.clock())
        self._exit_renderables.append(Text(crash.message(self.crash_report)))
        self._close_messages_no_wait()
