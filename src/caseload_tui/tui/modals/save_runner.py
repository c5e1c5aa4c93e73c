"""Saving a form: it closes only once what it holds has reached the caseload file (issue 11).

Whoever opens a form gives it a `saver`, the one service call that stores its result. The form
collects what was typed, calls the saver, and is dismissed with the result only when the saver
returned. When it raises, the form stays open with its text and says what happened and what to do:

- busy (another window or an import holds the write lock): tried again in the background every
  RETRY_SECONDS for about PATIENCE_SECONDS, with a line saying so. The screen is never frozen:
  each try waits at most the app's short write patience (AppBase), the clinician can keep
  writing (each try saves what the form holds then), blank the screen (ctrl+l), or leave the form
  (Escape: keep writing, keep as a draft, let it go);
- a stale edit (Conflict), or the record deleted meanwhile (NotFound): `on_conflict`, which the stale-edit
  view extends (a note deleted there can be saved as a new one);
- anything else (disk full, read-only, file gone): its message, and the text.

Each try runs on the screen's own thread, so nothing can be typed between what was collected and
what was stored; a try that succeeds while another screen is in front (the blank screen, the
leave-form question) closes the form once it is in front again.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from textual.screen import ModalScreen
from textual.timer import Timer

from ...store import Busy, Conflict, NotFound, StoreError
from .. import render

T = TypeVar("T")

RETRY_SECONDS = 0.5
PATIENCE_SECONDS = 30.0
TRIES = int(PATIENCE_SECONDS / RETRY_SECONDS)

WAITING = ("Waiting for the other window (or an import) to finish… still trying. Your text is safe here: "
           "keep writing if you like; ctrl+l blanks the screen.")
GAVE_UP = ("Not saved yet: the caseload stayed busy in another window (or an import) for half a minute. "
           "Your text is still here: press ctrl+s to try again.")
KEPT_HERE = "Your text is still here, in this form: fix the cause and press ctrl+s again."


class _Nothing:
    """No save has committed yet (a result may itself be falsy)."""


NOTHING = _Nothing()


class SaveRunner(ModalScreen[T | None], Generic[T]):
    """The save lifecycle FormScreen (base.py) is built on."""

    saver: Callable[[T], object] | None = None

    def __init__(self) -> None:
        super().__init__()
        self._saved: T | _Nothing = NOTHING  # the result, once its save committed
        self._delivered = False
        self._tries_left = 0  # > 0 while a busy caseload is being waited for
        self._retry: Timer | None = None

    # ------------------------------------------------------------ for the form (base.py)

    def collected(self) -> T | None:
        """What the form holds as a result, or None having said why it cannot be saved (FormScreen)."""
        raise NotImplementedError

    def show_error(self, message: str) -> None:
        raise NotImplementedError

    def submit(self, result: T) -> None:
        """Save the result (with the saver, if the opener gave one) and close only once it is stored."""
        if self.saver is None:
            self._saved = result
            self.deliver_saved()
            return
        self._stop_waiting()
        self._try(result)

    @property
    def saved(self) -> bool:
        """The form's result has reached the caseload (it closes as soon as it is in front)."""
        return not isinstance(self._saved, _Nothing)

    @property
    def waiting(self) -> bool:
        return self._tries_left > 0

    def stop_saving(self) -> None:
        """The clinician left the form (kept as a draft, or let go): no more tries."""
        self._stop_waiting()

    def on_conflict(self, problem: Conflict | NotFound) -> None:
        """A stale edit: someone changed (or deleted) this record in another window since the form was opened.

        The form stays open with its text. (The side-by-side view of both versions extends this.)
        """
        self.show_error(f"Not saved: {problem} {KEPT_HERE}")

    # ------------------------------------------------------------ trying

    def _try(self, result: T) -> None:
        saver = self.saver
        assert saver is not None
        try:
            saver(result)
        except Busy:
            self._wait_again()
            return
        except (Conflict, NotFound) as problem:  # NotFound: deleted there (or what it is about was)
            self._stop_waiting()
            self.on_conflict(problem)
            return
        except StoreError as problem:
            self._stop_waiting()
            self.show_error(f"Not saved: {problem} {KEPT_HERE}")
            return
        self._stop_waiting()
        self._saved = result
        self.deliver_saved()

    def _wait_again(self) -> None:
        if self._tries_left == 0:
            self._tries_left = TRIES
            self._show_line(WAITING, "$text-warning")
        self._tries_left -= 1
        if self._tries_left == 0:
            self._show_line(GAVE_UP, "$text-error")
            return
        self._retry = self.set_timer(RETRY_SECONDS, self._try_again)

    def _try_again(self) -> None:
        self._retry = None
        if not self.waiting or self.saved:
            return
        result = self.collected()  # what the form holds now: writing went on while it waited
        if result is None:
            self._stop_waiting()
            return
        self._try(result)

    def _stop_waiting(self) -> None:
        self._tries_left = 0
        if self._retry is not None:
            self._retry.stop()
            self._retry = None

    def _show_line(self, message: str, style: str) -> None:
        line = self.query_one("#error")
        line.update(render.label(message, style))  # type: ignore[attr-defined]
        line.scroll_visible(animate=False)

    # ------------------------------------------------------------ closing once saved

    def deliver_saved(self) -> None:
        """Dismiss with the saved result, now if the form is in front, else when it is again."""
        if self._delivered or isinstance(self._saved, _Nothing) or not self.is_active:
            return
        self._delivered = True
        app = self.app
        self.dismiss(self._saved)
        # The closed form's widgets are garbage in cycles, which only the collector's full pass frees
        # (it walks everything not frozen at start: 20-40 ms at the largest caseload, and it came
        # inside the next save or move, the slow tenth). Run it now, after the frame showing the save.
        app.call_after_refresh(gc.collect)

    def on_screen_resume(self, event: Any) -> None:
        self.call_later(self.deliver_saved)  # after the screen has settled in front
