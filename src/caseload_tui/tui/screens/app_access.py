"""What every screen reads from the app it runs in (the store, the clock, the thresholds), and the keys
every screen shares: privacy, blank, help and quit mean the same on every screen, so they are bound once here."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import getters
from textual.binding import Binding
from textual.screen import Screen

from ...config import Thresholds
from ...store import Store
from ..app_base import AppBase


class CaseloadScreen(Screen[None]):
    """A full screen of caseload: the app hands these down; screens never open or read them themselves."""

    app = getters.app(AppBase)

    # Textual merges these into every screen's own keys (a screen's own binding of the same key would win:
    # tests/tui/test_key_letters.py fails if one does).
    BINDINGS = [
        Binding("p", "app.toggle_privacy", "Privacy", tooltip="Privacy mode: show clients only by their codes"),
        Binding("ctrl+l", "app.blank", "Blank", show=False,
                tooltip="Blank the screen at once (for when someone walks in); ctrl+l again brings it back"),
        Binding("question_mark,f1", "help", "Help", key_display="?", tooltip="Every key of this screen"),
        Binding("q", "app.quit", "Quit", tooltip="Quit caseload (it asks first if a form holds unsaved text)"),
    ]
    HELP_TITLE = "Help"
    HELP_INTRO = ""
    HELP_EXTRA_KEYS: list[tuple[str, str]] = []  # keys that are not bindings (tab, arrows), for help

    def action_help(self) -> None:
        """Every key of the screen, with what it does; screens with more to say add their own sections."""
        from .help import HelpScreen, keys_for_help

        self.app.push_screen(HelpScreen(keys_for_help(self, self.HELP_EXTRA_KEYS), title=self.HELP_TITLE,
                                        intro=self.help_intro(), sections=self.help_sections()))

    def help_intro(self) -> str:
        """What the help says above the keys: what the screen is for."""
        return self.HELP_INTRO

    def help_sections(self) -> list:
        """What the help says after the keys (HelpSection), if anything."""
        return []

    @property
    def store(self) -> Store:
        return self.app.store

    @property
    def now(self) -> datetime:
        return self.app.clock()

    @property
    def thresholds(self) -> Thresholds:
        return self.app.settings.thresholds

    def follow_privacy_mode(self, redraw: Callable[[], None]) -> None:
        """Draw the screen again (from what it has read) whenever privacy mode changes."""
        self.watch(self.app, "privacy_mode", lambda _on: redraw(), init=False)
