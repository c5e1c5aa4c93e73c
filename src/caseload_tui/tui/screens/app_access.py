"""What every screen reads from the app it runs in: the store, the clock and the thresholds."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import getters
from textual.screen import Screen

from ...config import Thresholds
from ...store import Store
from ..app_base import AppBase


class CaseloadScreen(Screen[None]):
    """A full screen of caseload: the app hands these down; screens never open or read them themselves."""

    app = getters.app(AppBase)

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
