"""The Textual app: handed its store, its clock and its settings; reads nothing else."""

from __future__ import annotations

import asyncio
import contextlib
import enum
import gc
import os
import signal
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING

from textual.app import App
from textual.theme import Theme

from ..config import Settings
from .app_base import FILE_CHECK_SECONDS, AppBase, DayStartHandOff, forms_among
from .commands import ScreenKeys
from .screens.dashboard import DashboardScreen

if TYPE_CHECKING:
    from ..drafts import Drafts
    from ..store import Store


class StartMode(str, enum.Enum):
    """What the command line asked to open over the dashboard: one of the three moments."""

    REVIEW = "review"
    SUPERVISION = "supervision"
    GRADUATE = "graduate"  # needs the client (start_client)


DEMO_THEME_NOT_KEPT = ("In the demo the theme lasts until you quit: the demo writes nothing of yours, "
                      "settings included. Chosen in your own caseload, it is remembered.")


class CaseloadApp(AppBase):
    """The dashboard first, then whatever moment the command line asked for."""

    COMMANDS = App.COMMANDS | {ScreenKeys}

    def __init__(self, store: Store, clock: Callable[[], datetime], settings: Settings | None = None,
                 redact: bool = False, demo: bool = False,
                 remember_theme: Callable[[str], None] | None = None, start: StartMode | str | None = None,
                 start_client: int | None = None, drafts: Drafts | None = None) -> None:
        super().__init__(store, clock, settings, redact=redact, demo=demo, drafts=drafts)
        self._start = StartMode(start) if start is not None else None
        self._start_client = start_client
        self._remember_theme = remember_theme
        if self.settings.theme and self.settings.theme in self.available_themes:
            self.theme = self.settings.theme

    def get_default_screen(self) -> DashboardScreen:
        """The dashboard is the first screen (not pushed over Textual's blank one): its first frame is
        then made once, after the app has started, not once thrown away while it starts and again."""
        return DashboardScreen()

    def on_mount(self) -> None:
        self._last_active = self.clock()
        if self.settings.lock_after_minutes:
            self.set_interval(10, self._lock_when_idle)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.set_interval(FILE_CHECK_SECONDS, self.check_caseload_file)
        dashboard = self.screen_stack[0]
        assert isinstance(dashboard, DashboardScreen)
        if self._start is StartMode.REVIEW:
            dashboard.action_review()
        elif self._start is StartMode.SUPERVISION:
            dashboard.action_supervision()
        elif self._start is StartMode.GRADUATE and self._start_client is not None:
            dashboard.start_graduation(self._start_client)

    def on_ready(self) -> None:
        """The first frame is on the screen: garbage collection on again (cli/opening.open_dashboard)."""
        gc.enable()

    def _theme_changed(self, theme: Theme) -> None:
        if self._remember_theme is None and self.demo:  # said, not silently dropped (README, "Using it")
            self.notify(DEMO_THEME_NOT_KEPT, markup=False)
        if self._remember_theme is not None:
            try:
                self._remember_theme(theme.name)
            except OSError:
                self.notify("The theme could not be remembered (settings file not writable).", markup=False)

    def keep_drafts(self) -> None:
        """Keep what the form in front holds as a draft (the terminal is closing, or SIGTERM came)."""
        for screen in reversed(forms_among(self.screen_stack)):
            if screen.holds_unsaved_text and screen.draft_kind:
                if self.drafts is not None:
                    with contextlib.suppress(OSError):
                        self.drafts.save(screen.draft())
                break


STOP_GRACE_SECONDS = 1.5  # SIGTERM: time to put the terminal back before leaving regardless


@contextlib.contextmanager
def stopped_from_outside(app: CaseloadApp) -> Iterator[None]:
    """While the app runs: SIGHUP and SIGTERM keep the drafts and end the program at once.

    A plain signal handler (not the event loop's) runs between any two steps of Python, so a busy
    app stops too. SIGHUP: the terminal is gone, so nothing is drawn or flushed (Textual's writer
    would wait for ever on it); the program ends there. SIGTERM: the app is asked to leave, which
    puts the terminal back, and ends regardless after STOP_GRACE_SECONDS. Every saved change is
    already on disk (each action is its own committed transaction); nothing is a crash.
    """
    from .. import crash

    def stop(signum: int, frame: object) -> None:
        crash.stopping()
        with contextlib.suppress(Exception):
            app.keep_drafts()
        if signum == signal.SIGHUP:
            os._exit(0)
        leave_anyway = threading.Timer(STOP_GRACE_SECONDS, os._exit, args=(0,))
        leave_anyway.daemon = True
        leave_anyway.start()
        try:
            asyncio.get_running_loop().call_soon_threadsafe(app.exit, None, 0)
        except RuntimeError:
            os._exit(0)

    before = {number: signal.signal(number, stop) for number in (signal.SIGTERM, signal.SIGHUP)}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


def run_app(store: Store, clock: Callable[[], datetime], settings: Settings, redact: bool = False,
            demo: bool = False, start: StartMode | str | None = None, start_client: int | None = None,
            day_start: DayStartHandOff | None = None) -> int:
    from ..config import save_theme
    from ..drafts import DraftNotKept, Drafts

    # Drafts live in the caseload file, encrypted with it if it is; the demo keeps none (it is thrown away).
    drafts = None if demo or store.path is None else Drafts(store)
    if drafts is not None and store.path is not None:
        with contextlib.suppress(DraftNotKept):  # an earlier version's draft file, moved in once
            drafts.adopt(store.path)
    app = CaseloadApp(store, clock, settings, redact=redact, demo=demo,
                      remember_theme=None if demo else save_theme, start=start, start_client=start_client,
                      drafts=drafts)
    app.day_start = day_start
    from .paste_parser import install

    install()  # a bracketed paste is taken whole, ESC and all
    with stopped_from_outside(app):
        app.run()
    return app.return_code or 0
