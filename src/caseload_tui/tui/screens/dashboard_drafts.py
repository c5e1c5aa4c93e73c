"""Reopening, at start, the form that held unsaved text when caseload was stopped.

One table from a draft's kind to what reopens it: a new kind of form is one entry here
(and one `DraftKind`). Supervision's own forms are reopened by the supervision screen.
"""

from __future__ import annotations

from collections.abc import Callable

from ...drafts import Draft, DraftKind
from ...store import NotFound, StoreError
from .dashboard_clients import ClientActions
from .dashboard_moments import MomentActions
from .dashboard_notes import NoteActions
from .dashboard_watch import WatchActions


class DraftReopening(NoteActions, ClientActions, MomentActions, WatchActions):
    """The dashboard's actions, and reopening a draft through them."""

    def restore_draft(self, draft: Draft) -> None:
        """Reopen the form that was open when caseload was stopped, with what was written in it."""
        self._restoring = draft
        client_id_ = draft.number("client_id")
        if client_id_ is not None:
            self.select_client(client_id_)
        elif draft.kind in (DraftKind.THOUGHT, DraftKind.DATE):
            self.select_practice()
        self.app.notify("A draft you were writing has been reopened.", markup=False,
                        timeout=8)
        try:
            REOPEN[draft.kind](self, draft)
        except StoreError as problem:
            self._fail(problem)

    def _reopen_supervision(self, draft: Draft) -> None:
        from .supervision import SupervisionScreen

        self.app.push_screen(SupervisionScreen(draft=draft), self.back_from_moment)


# A draft's note may have been deleted (in another window) since: its text then reopens as a
# new note, so it never vanishes with the note it was written for.

def _gone(screen: DraftReopening, what: str) -> None:
    screen.app.notify(f"The {what} this draft was written for has been deleted; your text is in a new one.",
                      markup=False, timeout=8)


def _thought(screen: DraftReopening, draft: Draft) -> None:
    if (thought_id := draft.number("thought_id")) is not None:
        try:
            thought = screen.store.thought(thought_id)
        except NotFound:
            _gone(screen, "thought")
        else:
            screen._edit_thought(thought)
            return
    screen.action_new_thought()


def _question(screen: DraftReopening, draft: Draft) -> None:
    if (question_id := draft.number("question_id")) is not None:
        try:
            question = screen.store.question(question_id)
        except NotFound:
            _gone(screen, "question")
        else:
            screen._edit_question(question)
            return
    screen.action_new_question()


def _answer(screen: DraftReopening, draft: Draft) -> None:
    if (question_id := draft.number("question_id")) is None:
        return
    try:
        question = screen.store.question(question_id)
    except NotFound:
        # An answer to nothing: what was learned is kept as a new thought about them.
        _gone(screen, "question")
        screen._restoring = Draft(DraftKind.THOUGHT, {"body": draft.values.get("answer", "")}, draft.context)
        screen.action_new_thought()
        return
    screen._answer(question)


def _client(screen: DraftReopening, draft: Draft) -> None:
    if draft.flag("editing") and (client_id := draft.number("client_id")) is not None:
        try:
            client = screen.store.client(client_id)
        except NotFound:
            _gone(screen, "client")  # what was typed for them opens as a new client's details
        else:
            screen.edit_client(client)
            return
    screen.action_new_client()


REOPEN: dict[DraftKind, Callable[[DraftReopening, Draft], object]] = {
    DraftKind.THOUGHT: _thought,
    DraftKind.QUESTION: _question,
    DraftKind.ANSWER: _answer,
    DraftKind.CLIENT: _client,
    DraftKind.NEWS: lambda screen, _draft: screen.action_news(),
    DraftKind.GRADUATE: lambda screen, _draft: screen.action_graduate(),
    DraftKind.REFLECTION: lambda screen, draft: screen.edit_ending(draft.number("episode_id")),
    DraftKind.DATE: lambda screen, _draft: screen.action_new_date(),
    **{kind: DraftReopening._reopen_supervision for kind in DraftKind if kind.on_supervision},
}
