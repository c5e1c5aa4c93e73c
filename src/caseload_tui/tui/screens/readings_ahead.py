"""Mind and room and Patterns in me read before their key is pressed, and never shown once out of date.

At L each reading takes 60-100 ms of CPU (ARCHITECTURE.md "Mind and room, patterns in me"), so the
dashboard reads both at idle, off the UI thread, on a read-only connection of its own
(`Store.read_aside`), and keeps them keyed by what they read: the file's version as the store's
connection sees it and the store's own changes (`Store.reading_key`: any commit, from this window
or another, changes it), the window's weeks and the day on the app's clock. A screen uses a kept
reading only if its key still matches; otherwise it reads afresh, as it always could. What is kept
is the reading itself (clients' names and codes both): privacy mode is applied when it is drawn.

The key is taken before the reading begins, so a commit made while it reads changes the key and
the reading is never used. Within one day the window's edges move a little (the reading is made
with the clock's moment when it was read); the day in the key bounds that to the day's own notes,
and any note saved changes the key.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal, Protocol, cast

from textual import events, work

from ...model import mind as mind_words
from ...model import patterns as pattern_words
from ...model.mind import MindAndRoom, MindReading
from ...model.patterns import OwnResponse, Patterns
from ...store import StoreError
from .app_access import CaseloadScreen

Kind = Literal["mind", "patterns"]
POLL_SECONDS = 0.5  # how often the dashboard looks whether the readings are out of date (a cheap PRAGMA)
IDLE_SECONDS = 1.0  # no key pressed on the dashboard for this long: moving through the list is never slowed
GROUP = "read-ahead"


class Source(Protocol):
    """The store, or a read-only connection beside it."""

    def mind_and_room(self, since: datetime, until: datetime) -> list[MindAndRoom]: ...

    def own_responses(self, since: datetime, until: datetime) -> list[OwnResponse]: ...


def read_mind_and_room(source: Source, now: datetime, weeks: int) -> MindReading:
    from ...rules.mind import read_mind  # the readings are made after the first frame: their rules too

    return read_mind(source.mind_and_room(now - timedelta(weeks=weeks), now), weeks)


def read_own_patterns(source: Source, now: datetime, weeks: int) -> Patterns:
    from ...rules.patterns import read_patterns

    return read_patterns(source.own_responses(now - timedelta(weeks=weeks), now), weeks)


@dataclass(frozen=True)
class Key:
    version: tuple[int, int]  # Store.reading_key(): the file's data_version and the store's own changes
    weeks: int
    day: date


class ReadingsAhead:
    """The readings kept for the screens, each with the key it was read under."""

    def __init__(self) -> None:
        self._kept: dict[Kind, tuple[Key, MindReading | Patterns]] = {}

    @staticmethod
    def key(screen: CaseloadScreen, weeks: int) -> Key | None:
        try:
            version = screen.store.reading_key()
        except StoreError:
            return None
        return Key(version, weeks, screen.now.date()) if version is not None else None

    def ready(self, kind: Kind, key: Key | None) -> MindReading | Patterns | None:
        """The kept reading, if nothing it read has changed since."""
        kept = self._kept.get(kind)
        return kept[1] if kept is not None and key is not None and kept[0] == key else None

    def keep(self, kind: Kind, key: Key | None, reading: MindReading | Patterns) -> None:
        if key is not None:
            self._kept[kind] = (key, reading)

    def held(self, kind: Kind, key: Key) -> bool:
        return kind in self._kept and self._kept[kind][0] == key

    def mind(self, screen: CaseloadScreen, weeks: int) -> MindReading:
        """The reading for the Mind and room screen: kept if still true, else read now (and kept)."""
        return cast(MindReading, self._reading("mind", screen, weeks))

    def patterns(self, screen: CaseloadScreen, weeks: int) -> Patterns:
        return cast(Patterns, self._reading("patterns", screen, weeks))

    def _reading(self, kind: Kind, screen: CaseloadScreen, weeks: int) -> MindReading | Patterns:
        key = self.key(screen, weeks)
        ready = self.ready(kind, key)
        if ready is not None:
            return ready
        reading = READERS[kind][1](screen.store, screen.now, weeks)
        self.keep(kind, key, reading)
        return reading


READERS: dict[Kind, tuple[int, Callable[[Source, datetime, int], MindReading | Patterns]]] = {
    "mind": (mind_words.DEFAULT_WEEKS, read_mind_and_room),
    "patterns": (pattern_words.DEFAULT_WEEKS, read_own_patterns),
}


class ReadsAhead(CaseloadScreen):
    """The dashboard's part: it reads both at idle whenever what is kept is out of date."""

    readings: ReadingsAhead
    _last_key_at: float = 0.0
    _aside = True  # False once the store said it cannot be read beside (in memory, encrypted)

    def on_mount(self) -> None:  # (Textual calls every class's own on_mount: the dashboard's too)
        self.readings = ReadingsAhead()
        self.set_interval(POLL_SECONDS, self.read_ahead_if_idle)

    def on_key(self, _event: events.Key) -> None:
        self._last_key_at = time.monotonic()  # an interval, never the time of day

    def read_ahead_if_idle(self) -> None:
        if (not self._aside or not self.is_current or time.monotonic() - self._last_key_at < IDLE_SECONDS
                or any(w.group == GROUP and not w.is_finished for w in self.workers)):
            return
        due = [(kind, key) for kind, (weeks, _) in READERS.items()
               if (key := self.readings.key(self, weeks)) is not None and not self.readings.held(kind, key)]
        if due:
            self.read_ahead(due)

    @work(thread=True, exclusive=True, group=GROUP)
    def read_ahead(self, due: list[tuple[Kind, Key]]) -> None:
        """Off the UI thread, on a connection of its own; each reading kept under the key taken before it."""
        aside = self.store.read_aside()
        if aside is None:  # in memory, or encrypted: the screens read when opened
            self._aside = False
            return
        try:
            for kind, key in due:
                weeks, read = READERS[kind]
                reading = read(aside, self.now, weeks)
                self.app.call_from_thread(self.readings.keep, kind, key, reading)
        except StoreError:
            return  # the screen reads afresh when opened, and says what is wrong
        finally:
            aside.close()
