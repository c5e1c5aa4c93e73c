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
from textual.app import App, ScreenStackError, SystemCommand
from textual.binding import Binding
from textual.reactive import reactive

from ..config import Settings
from ..model.counting import numbered
from . import render
from .commands import palette_commands
from .modals.confirm import Confirm
from .render import Privacy

WRITE_PATIENCE_MS = 100
FILE_CHECK_SECONDS = 2.0

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..drafts import Draft, Drafts
    from ..model import Group
    from ..store import Store
    from .modals.base import FormScreen

# What the dashboard hands the day's start: when it read the caseload, and every client's group by id.
DayStartHandOff = Callable[[datetime, dict[int, "Group"]], None]


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
    # Who keeps the day's start (cli/opening.DayStartKeeper): the dashboard hands it every client's group as
    # it first reads them, so the day's first start places nobody twice. None: nobody (tests, the demo's copy).
    day_start: DayStartHandOff | None = None

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
        # A write waits this long for another window's lock, never seconds: the screen stays live and
        # a form tries again in the background (modals/save_runner.py).
        store.wait_for_writes(WRITE_PATIENCE_MS)
        self._told_file_gone = False

    def watch_privacy_mode(self, on: bool) -> None:
        self.privacy.on = on
        self.sub_title = "privacy mode" if on else ""
        self.notify("Privacy mode: clients shown by code." if on else "Names shown again.", markup=False)

    def get_system_commands(self, screen) -> Iterable[SystemCommand]:
        """The palette's commands beside the screen's keys: only the colours (commands.py says why)."""
        return palette_commands(self, screen)

    def action_toggle_privacy(self) -> None:
        self.privacy_mode = not self.privacy_mode

    # ------------------------------------------------------------ hiding the screen

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self._last_active = self.clock()
        if isinstance(event, (events.Key, events.Paste)) and self._kept_for_form(event):
            return
        await super().on_event(event)

    # ------------------------------------------------------------ keys typed as a form opens

    def _kept_for_form(self, event: events.Key | events.Paste) -> bool:
        """Keys typed just after the key that opens a form go to the form's first field, in order.

        A key reaches the app twice: as typed (given to the focused widget), then bubbling back from it,
        when the screen's keys are looked up. A form is pushed while its key bubbles back, so the keys
        typed right after it (under load, all in one read) were given to the dashboard's widget and
        bubble back to find the form in front: those, and any typed before a field of the form has the
        focus, wait in the form (`early_keys`) and are given to its field once it has the focus.
        """
        try:
            screen = self.screen
        except ScreenStackError:
            return False
        in_front = forms_among([screen])
        if not event.is_forwarded:
            setattr(event, "_typed_on", screen)  # noqa: B010  # where it was typed, to know it again
            if not in_front or (in_front[0].takes_keys and not in_front[0].early_keys):
                return False
        elif not in_front or getattr(event, "_typed_on", screen) is screen:
            return False
        front = in_front[0]
        front.early_keys.append(events.Key(event.key, event.character) if isinstance(event, events.Key)
                                else events.Paste(event.text))
        if front.takes_keys:
            self.call_next(self.give_early_keys)
        return True

    async def give_early_keys(self) -> None:
        """The form in front has a field with the focus: what was typed before goes to it, in order."""
        for form in forms_among([self.screen]):
            while form.takes_keys and form.early_keys:
                await super().on_event(form.early_keys.pop(0))

    # ------------------------------------------------------------ the caseload file

    def check_caseload_file(self) -> None:
        """The caseload file deleted, moved or replaced while open: said at once, over whatever is in front."""
        problem = self.store.file_problem()
        if problem is None or self._told_file_gone:
            return
        self._told_file_gone = True
        from .modals.file_gone import FileGoneNotice

        self.push_screen(FileGoneNotice(problem))

    def on_app_focus(self) -> None:
        self.check_caseload_file()

    def _lock_when_idle(self) -> None:
        from .screens.blank import BlankScreen

        minutes = self.settings.lock_after_minutes
        if isinstance(self.screen, BlankScreen):
            return
        if self.clock() - self._last_active >= timedelta(minutes=minutes):
            self.push_screen(BlankScreen(f"Hidden after {numbered(minutes, 'minute')} without use. "
                                         "Press ctrl+l to return."))

    def action_blank(self) -> None:
        """Blank the screen at once; on the blank screen, bring the work back."""
        from .screens.blank import BlankScreen

        if isinstance(self.screen, BlankScreen):
            self.screen.dismiss()
        else:
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
                                 yes="Quit", no="Stay", deliberate=True), answered)

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
