"""What every screen reads from the app it runs in: the store, the clock and the thresholds."""

from __future__ import annotations

from datetime import datetime


class UsesApp:
    """Mixed into a Screen: the app hands these down; screens never open or read them themselves."""

    @property
    def store(self):
        return self.app.store

    @property
    def now(self) -> datetime:
        return self.app.clock()

    @property
    def thresholds(self):
        return self.app.settings.thresholds
