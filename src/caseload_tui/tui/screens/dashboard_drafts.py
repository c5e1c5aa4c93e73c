"""Reopening, at start, the form that held unsaved text when caseload was stopped.

One table from a draft's kind to what reopens it: a new kind of form is one entry here
(and one `DraftKind`). Supervision's own forms are reopened by the supervision screen.
A draft whose form can no longer open (its client deleted, the work ended or begun again, its
ending gone) opens as a new thought holding its text (`keep_as_thought`): it is never lost.
"""

from __future__ import annotations

from collections.abc import Callable

from ...drafts import Draft, DraftKind
from ...model import REFLECTION_PARTS
from ...store import NotFound, StoreError
from .dashboard_clients import ClientActions
from .dashboard_moments import MomentActions
from .dashboard_notes import NoteActions
from .dashboard_watch import WatchActions


class DraftReopening(NoteActions, ClientActions, MomentActions, WatchActions):
    """The dashboard's actions, and reopening a draft through them."""

    def restore_draft(self, draft: Draft) -> None:
        """Reopen the form that was open when caseload was stopped, with what was written in it."""
        client_id_ = draft.number("client_id")
        if client_id_ is not None and draft.kind is not DraftKind.CLIENT and not self._still_here(client_id_):
            # Never another client's form (the one highlighted instead): the text is kept as mine.
            self.keep_as_thought(draft, "The client this draft was written for has been deleted")
            return
        self._restoring = draft
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
        if self._restoring is draft:  # no form took its text: what it was for has changed since
            self.keep_as_thought(draft, "The form this draft was written in cannot open as it was")

    def _still_here(self, client_id_: int) -> bool:
        try:
            self.store.client(client_id_)
        except NotFound:
            return False
        return True

    def keep_as_thought(self, draft: Draft, why: str) -> None:
        """Open a new thought holding the draft's text, about its client if still here, else about my practice."""
        client_id_ = draft.number("client_id")
        if client_id_ is not None and self._still_here(client_id_):
            self.select_client(client_id_)
            about = "them"
        else:
            self.select_practice()
            about = "your practice"
        values = draft.values if draft.kind is DraftKind.THOUGHT else {"body": kept_text(draft)}
        self._restoring = Draft(DraftKind.THOUGHT, dict(values))
        self.app.notify(f"{why}; your text is in a new thought about {about}: keep it, or copy what you need "
                        "and let it go.", markup=False, timeout=12)
        self.action_new_thought()

    def _reopen_supervision(self, draft: Draft) -> None:
        from .supervision import SupervisionScreen

        self._restoring = None  # the supervision screen reopens it; what it cannot reopen comes back here

        screen = SupervisionScreen(draft=draft)

        def back(_result: None = None) -> None:
            self.back_from_moment()
            if screen.handed_back is not None:
                self.keep_as_thought(screen.handed_back, "What this draft was written about is no longer recorded")

        self.app.push_screen(screen, back)


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


def _graduate(screen: DraftReopening, _draft: Draft) -> None:
    record = screen.selected_client()
    if record is not None and record.client.active:  # ended since (another window): kept as a thought
        screen.action_graduate()


def _news(screen: DraftReopening, _draft: Draft) -> None:
    record = screen.selected_client()
    if record is not None and not record.client.active:  # begun again since: kept as a thought
        screen.action_news()


def _reflection(screen: DraftReopening, draft: Draft) -> None:
    try:
        screen.store.episode(draft.number("episode_id") or 0)
    except NotFound:
        return  # that period of work is gone: kept as a thought
    screen.edit_ending(draft.number("episode_id"))


# What each of a form's text fields is called, where a draft's texts are gathered into one thought.
FIELD_TITLES = dict(REFLECTION_PARTS) | {
    "ended": "Ended on", "when": "When", "body": "", "answer": "Answer", "note": "Note", "question": "Question",
    "tried": "What I have tried", "between": "What happens between us", "notes": "Notes", "outcome": "How it went",
}


def kept_text(draft: Draft) -> str:
    """Every text a draft holds, byte for byte, each under its field's title when there are several."""
    texts = [(key, text) for key, text in draft.values.items() if text.strip()]
    if len(texts) == 1:
        return texts[0][1]
    titled = (f"{FIELD_TITLES.get(key, key.replace('_', ' ').capitalize())}:\n{text}" if
              FIELD_TITLES.get(key, key) else text for key, text in texts)
    return "\n\n".join(titled)


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
    DraftKind.NEWS: _news,
    DraftKind.GRADUATE: _graduate,
    DraftKind.REFLECTION: _reflection,
    DraftKind.DATE: lambda screen, _draft: screen.action_new_date(),
    **{kind: DraftReopening._reopen_supervision for kind in DraftKind if kind.on_supervision},
}
