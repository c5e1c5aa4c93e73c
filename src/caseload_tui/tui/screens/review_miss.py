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


def ask_what_else(app: App[Any], about: Content, session: ReviewSession, status: Status, today: date,
                  record: Callable[[datetime | None, str], object],
                  then: Callable[[datetime | None, str], None]) -> bool:
    """Ask what more the status needs in a form, which records it with `record(moved_to, note)` and then
    calls `then(moved_to, note)` (the new time if moved, how a miss came). The form opens at once, in the
    key's own tick, so the keys typed with that key land in it, and closes only once `record` has stored
    it (its text kept on a failure); left, nothing is recorded. False if the status asks nothing more."""
    if status is Status.RESCHEDULED:
        open_to_save(app, MovedForm(about, session.starts_at, today), None, lambda moved_to: record(moved_to, ""),
                     lambda moved_to: then(moved_to, ""))
    elif status in MISSED:
        open_to_save(app, MissNoteForm(about, session.starts_at, status, today), None,
                     lambda how: record(None, how), lambda how: then(None, how))
    else:
        return False
    return True


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


def offer_reaction(screen: Reviewing, session: ReviewSession, status: Status) -> None:
    """After a miss: ask what it stirred; "write it" opens a reaction thought about that client."""
    if status in MISSED:
        screen.app.push_screen(ReactionPrompt(screen._about(session)),
                               lambda write: _write_reaction(screen, session) if write else None)


def _write_reaction(screen: Reviewing, session: ReviewSession) -> None:
    form = ThoughtForm(screen._about(session), kind=ThoughtKind.REACTION)

    def save(result: ThoughtInput) -> None:
        write_thought(screen.store, client_id=session.client.id, body=result.body, kind=result.kind,
                      lingering=result.lingering, tell_client=result.tell_client, now=screen.now,
                      whose=result.whose, feelings=result.feelings)

    def saved(_result: ThoughtInput) -> None:
        screen.app.notify("Reaction saved.", markup=False)
        screen._show_session()

    open_to_save(screen.app, form, "thought", save, saved, client_id=session.client.id)
