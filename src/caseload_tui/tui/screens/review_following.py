"""At the start of the day's end: each calendar followed at its address fetched, its changes shown, confirmed.

Only the calendars the settings give an address ([calendars.NAME]); with none, nothing is fetched
and the review opens at once. A calendar's password is the one kept in the keyring
(`caseload calendar password NAME`); the review never asks for one. Each calendar's changes are
shown as `caseload import --calendar NAME --dry-run` shows them and brought in only on Import,
from the very text that was shown. A fetch that fails is said, nothing is changed, and the
review opens all the same.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from ...config import FollowedCalendar
from ...interchange import ImportProblem
from ...interchange.following import changes_nothing, fetch, import_followed
from ...safe_text import one_line
from ...store import StoreError
from .. import render
from ..modals.confirm import Confirm
from .app_access import CaseloadScreen


async def follow_then_review(screen: CaseloadScreen, open_review: Callable[[], None]) -> None:
    """Run in a worker (the confirmations wait for an answer); opens the review once every calendar is done."""
    for followed in screen.app.settings.calendars.values():
        await _follow(screen, followed)
    open_review()


async def _follow(screen: CaseloadScreen, followed: FollowedCalendar) -> None:
    settings, now = screen.app.settings, screen.now

    def look() -> tuple[bytes, list[str]]:
        raw = fetch(followed, None)  # no one is asked for a password here: the keyring's, or a message
        return raw, import_followed(screen.store, followed, raw, settings, now, dry_run=True)

    def bring_in(raw: bytes) -> list[str]:
        return import_followed(screen.store, followed, raw, settings, now, dry_run=False)

    try:
        raw, lines = await asyncio.to_thread(look)
        if changes_nothing(lines):
            return
        go = await screen.app.push_screen_wait(Confirm(render.join(
            ("The calendar ", "bold"), render.user_line(followed.name, style="bold"),
            (", fetched from its address, would do this:\n\n", "bold"),
            render.user_text("\n".join(lines[:30]) + ("\n…" if len(lines) > 30 else ""), multiline=True),
        ), yes="Import", no="Not now"))
        if go:
            await asyncio.to_thread(bring_in, raw)
            screen.app.notify(f"Brought in the calendar “{one_line(followed.name, 40)}”.", markup=False)
    except (ImportProblem, StoreError) as problem:
        screen.app.notify(str(problem), title="Calendar not brought in", severity="error", markup=False, timeout=12)
