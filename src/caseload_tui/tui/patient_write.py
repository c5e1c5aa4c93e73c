"""A write made by one key (a flag, let go, a status that asks nothing more, a case chosen) on a busy caseload.

Tried again every RETRY_SECONDS for PATIENCE_SECONDS as a form's save is (modals/save_runner.py), with
a plain line while it waits, rather than "busy, try again". Each try waits at most the app's short
write patience, so the screen never freezes and the clinician can go on working meanwhile. A write
is what the key meant (set the flag *on*), worked out once when the key was pressed, so a later try
does the same. One waits at a time a screen: another one-key write while it waits is refused, in
words, so no change lands in an order nobody chose.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from textual.notifications import Notification, Notify
from textual.screen import Screen

from ..store import Busy, StoreError
from .modals import save_runner

T = TypeVar("T")

WAITING = ("The caseload is busy in another window (or an import): this change will be saved as soon as it "
           "is free, still trying. Keep working if you like.")
GAVE_UP = ("Not saved: the caseload stayed busy in another window (or an import) for half a minute. "
           "Press the key again to try again.")
SAVED_AFTER = "The change that was waiting for the caseload is saved."
STILL_WAITING = "Your last change is still waiting to be saved (the caseload is busy); try this once it is."


class PatientWrite(Generic[T]):
    """One write: `write()` now, or on a timer while the caseload is busy; then `done(result)` or `fail(problem)`."""

    def __init__(self, screen: Screen, write: Callable[[], T], done: Callable[[T], None],
                 fail: Callable[[StoreError], None]) -> None:
        self._screen, self._write, self._done, self._fail = screen, write, done, fail
        self._tries_left = 0
        self._line: Notification | None = None

    @property
    def waiting(self) -> bool:
        return self._tries_left > 0

    def start(self) -> bool:
        """Try it now; False (and said why) if another change on this screen is still waiting."""
        if isinstance(waiting := getattr(self._screen, "_patient_write", None), PatientWrite) and waiting.waiting:
            self._screen.app.notify(STILL_WAITING, severity="warning", markup=False)
            return False
        self._try()
        return True

    def _try(self) -> None:
        try:
            result = self._write()
        except Busy:
            self._wait_again()
            return
        except StoreError as problem:
            self._stop()
            self._fail(problem)
            return
        self._stop()
        if self._screen.is_attached:
            self._done(result)
        else:  # left while it waited: said, since what would redraw is gone
            self._screen.app.notify(SAVED_AFTER, markup=False)

    def _wait_again(self) -> None:
        if self._tries_left == 0:
            self._tries_left = save_runner.TRIES
            self._screen._patient_write = self  # type: ignore[attr-defined]  # the one waiting on this screen
            self._line = Notification(WAITING, "", "warning", save_runner.PATIENCE_SECONDS, markup=False)
            self._screen.app.post_message(Notify(self._line))
        self._tries_left -= 1
        if self._tries_left == 0:
            self._stop()
            self._screen.app.notify(GAVE_UP, title="Not saved", severity="error", markup=False, timeout=10)
            return
        # On the app, not the screen: leaving the screen while it waits does not drop the change.
        self._screen.app.set_timer(save_runner.RETRY_SECONDS, self._try)

    def _stop(self) -> None:
        self._tries_left = 0
        if self._line is not None:  # the waiting line goes once the wait is over
            self._screen.app._unnotify(self._line)
            self._line = None


def write_patiently(screen: Screen, write: Callable[[], T], done: Callable[[T], None],
                    fail: Callable[[StoreError], None]) -> bool:
    """Make one key's write now, or as soon as a busy caseload frees (see PatientWrite); False if refused
    because another is still waiting."""
    return PatientWrite(screen, write, done, fail).start()
