"""The Textual app: handed its store, its clock and its settings; reads nothing else."""

from __future__ import annotations

import asyncio
import signal
from datetime import datetime, timedelta
from typing import Callable, Iterable

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ..config import Settings
from .modals.base import FormScreen
from .modals.confirm import Confirm
from .render import PRIVACY
from .screens.dashboard import DashboardScreen
from . import render


class CaseloadApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "caseload"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(self, store, clock: Callable[[], datetime], settings: Settings | None = None,
                 redact: bool = False, demo: bool = False,
                 remember_theme: Callable[[str], None] | None = None, start: str | None = None,
                 start_client: int | None = None, drafts=None) -> None:
        super().__init__()
        self.drafts = drafts  # where unsaved form text goes if the program is stopped; None: nowhere
        self._start, self._start_client = start, start_client
        self.store = store
        self.clock = clock
        self.settings = settings or Settings()
        self.demo = demo
        self.privacy = PRIVACY
        self.privacy.on = redact
        self.sub_title = "privacy mode" if redact else ""
        self._remember_theme = remember_theme
        self.crash_report = None
        if self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.Paste)):
            self._last_active = self.clock()
        await super().on_event(event)

    def _lock_when_idle(self) -> None:
        minutes = self.settings.lock_after_minutes
        from .screens.blank import BlankScreen

        if isinstance(self.screen, BlankScreen):
            return
        if self.clock() - self._last_active >= timedelta(minutes=minutes):
            self.push_screen(BlankScreen(f"Hidden after {minutes} minutes without use. Press ctrl+l to return."))

    def on_mount(self) -> None:
        self._last_active = self.clock()
        if self.settings.lock_after_minutes:
            self.set_interval(10, self._lock_when_idle)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        if self.drafts is not None:
            loop = asyncio.get_running_loop()
            for stop in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(stop, self._stopped_from_outside)
        dashboard = DashboardScreen()
        self.push_screen(dashboard)
        if self._start == "review":
            dashboard.action_review()
        elif self._start == "supervision":
            dashboard.action_supervision()
        elif self._start == "graduate" and self._start_client is not None:
            dashboard.start_graduation(self._start_client)

    def _theme_changed(self, theme) -> None:
        if self._remember_theme is not None:
            try:
                self._remember_theme(theme.name)
            except OSError:
                self.notify("The theme could not be remembered (settings file not writable).", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette lists every dashboard action beside Textual's own (themes, keys, quit)."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, DashboardScreen):
            for binding in screen.BINDINGS:
                if not binding.description or binding.action.startswith("app."):
                    continue
                yield SystemCommand(
                    binding.description if not binding.tooltip else f"{binding.description}: {binding.tooltip}",
                    f"key: {binding.key_display or binding.key.split(',')[0]}",
                    lambda action=binding.action: screen.run_action(action),
                )

    def _stopped_from_outside(self) -> None:
        """Terminal closed or SIGTERM: keep what a form holds as a draft, then leave."""
        for screen in reversed(self.screen_stack):
            if isinstance(screen, FormScreen) and screen.holds_unsaved_text and screen.draft_kind:
                try:
                    self.drafts.save(screen.draft())
                except OSError:
                    pass
                break
        self.exit(return_code=0)

    def take_draft(self) -> dict | None:
        return self.drafts.take() if self.drafts is not None else None

    def action_toggle_privacy(self) -> None:
        """Privacy mode: every client shown only by their code, everywhere, even inside notes."""
        self.privacy.on = not self.privacy.on
        self.sub_title = "privacy mode" if self.privacy.on else ""
        for screen in self.screen_stack:
            redraw = getattr(screen, "redraw", None)
            if redraw is not None:
                redraw()
        self.notify("Privacy mode: clients shown by code." if self.privacy.on else "Names shown again.",
                    markup=False)

    def action_blank(self) -> None:
        from .screens.blank import BlankScreen

        if not isinstance(self.screen, BlankScreen):
            self.push_screen(BlankScreen())

    async def action_quit(self) -> None:
        """Leave at once, unless a form holds text that would be lost."""
        unsaved = any(isinstance(s, FormScreen) and s.holds_unsaved_text for s in self.screen_stack)
        if not unsaved:
            self.exit()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.exit()

        self.push_screen(Confirm(render.label("A form holds text you have not saved. Quit and lose it?", "bold"),
                                 yes="Quit", no="Stay"), answered)

    def panic(self, *renderables) -> None:
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


def run_app(store, clock, settings: Settings, redact: bool = False, demo: bool = False,
            start: str | None = None, start_client: int | None = None) -> int:
    from ..config import save_theme

    from ..drafts import Drafts

    # No drafts for the demo, nor for an encrypted caseload: a draft is plain text on disk.
    drafts = None if demo or store.path is None or getattr(store, "encrypted", False) else Drafts(store.path)
    app = CaseloadApp(store, clock, settings, redact=redact, demo=demo,
                      remember_theme=None if demo else save_theme, start=start, start_client=start_client,
                      drafts=drafts)
    app.run()
    return app.return_code or 0
