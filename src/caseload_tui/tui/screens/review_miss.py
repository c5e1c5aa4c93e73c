"""The day's-end review after a key for what happened: what more it asks, and the prompt after a miss.

- moved to another time: the new day and time (MovedForm);
- a miss (cancelled, cancelled late, did not come): how it came, an optional note kept with
  the session (MissNoteForm);
- after a miss is recorded: "What did this absence stir in you?" (ReactionPrompt), which opens
  a thought of the reaction kind, or is skipped with one key.

Kept apart from review.py so the review screen stays a screen of keys and panes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Protocol

from textual.app import App
from textual.content import Content

from ...day_review import ReviewSession
from ...model import MISSED, Status, ThoughtKind
from ...services.notes import write_thought
from ...store import Store, StoreError
from ..modals.base import open_to_save
from ..modals.forms import ThoughtForm, ThoughtInput
from ..modals.miss import MissNoteForm, ReactionPrompt
from ..modals.moved import MovedForm


async def ask_what_else(app: App[Any], about: Content, session: ReviewSession, status: Status, today: date,
                        record: Callable[[datetime | None, str], object]) -> tuple[datetime | None, str] | None:
    """Ask what more the status needs and record it with `record(moved_to, note)`: a form asking it closes
    only once that is stored (its text kept on a failure). Returns (the new time if moved, how a miss
    came); None when the clinician left the form: nothing is recorded. Without a form, `record` may
    raise StoreError."""
    if status is Status.RESCHEDULED:
        moved = MovedForm(about, session.starts_at, today)
        moved.saver = lambda moved_to: record(moved_to, "")
        moved_to = await app.push_screen_wait(moved)
        return None if moved_to is None else (moved_to, "")
    if status in MISSED:
        missed = MissNoteForm(about, session.starts_at, status, today)
        missed.saver = lambda how: record(None, how)
        note = await app.push_screen_wait(missed)
        return None if note is None else (None, note)
    record(None, "")
    return None, ""


class Reviewing(Protocol):
    """What the prompt needs of the review screen."""

    @property
    def app(self) -> Any: ...  # the review's app (its screens type it as AppBase)
    @property
    def store(self) -> Store: ...
    @property
    def now(self) -> datetime: ...

    def _about(self, session: ReviewSession) -> Content: ...
    def _fail(self, problem: StoreError) -> None: ...
    def _show_session(self) -> None: ...


async def offer_reaction(screen: Reviewing, session: ReviewSession, status: Status) -> None:
    """After a miss: ask what it stirred; "write it" opens a reaction thought about that client."""
    if status not in MISSED or not await screen.app.push_screen_wait(ReactionPrompt(screen._about(session))):
        return
    form = ThoughtForm(screen._about(session), kind=ThoughtKind.REACTION)

    def save(result: ThoughtInput) -> None:
        write_thought(screen.store, client_id=session.client.id, body=result.body, kind=result.kind,
                      lingering=result.lingering, tell_client=result.tell_client, now=screen.now,
                      whose=result.whose, feelings=result.feelings)

    def saved(_result: ThoughtInput) -> None:
        screen.app.notify("Reaction saved.", markup=False)
        screen._show_session()

    open_to_save(screen.app, form, "thought", save, saved, client_id=session.client.id)
