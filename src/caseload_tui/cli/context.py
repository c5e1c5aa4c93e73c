"""What the entry point hands every command: the clock (kept apart from click, for the plain start)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class CliContext:
    """What the entry point hands every command (as the click context's `obj`)."""

    clock: Clock
