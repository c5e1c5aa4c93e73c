"""The dashboard's keys for thoughts and questions: write, let go, answer, edit, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.binding import Binding
from textual.timer import Timer

from ...drafts import DraftKind
from ...model import BRING_WORDS, Client, Question, Thought
from ...model.counting import numbered, plural
from ...services import questions
from ...services.notes import ask_question, write_thought
from ...store import DeletedNote, StoreError
from .. import render
from ..modals.confirm import Confirm
from ..patient_write import write_patiently
from ..widgets.notes_panes import QuestionsPane, ThoughtsPane
from .dashboard_base import DashboardBase

if TYPE_CHECKING:
    from ..modals.forms import Closing, ThoughtInput  # the forms are loaded when the first one opens

Note = TypeVar("Note", Thought, Question)
UNDO_SECONDS = 30  # how long a deleted note can be put back (ctrl+z)


def _changes(result: ThoughtInput, thought: Thought) -> bool:
    """Whether the form says anything other than the thought as stored."""
    return (result.body, result.kind, result.lingering, result.tell_client, result.bring, result.whose,
            result.feelings) != (thought.body, thought.kind, thought.lingering, thought.tell_client,
                                 thought.bring_to_supervision, thought.whose, thought.feelings)


class NoteActions(DashboardBase):
    """Each opens a form that saves what it holds before it closes; then says so and redraws."""

    BINDINGS = [Binding("ctrl+z", "undo_delete", "Undo delete", show=False)]
    _undoable: tuple[DeletedNote, str] | None = None  # the last delete, while it can be undone
    _undo_timer: Timer | None = None

    # ------------------------------------------------------------ thoughts

    def action_new_thought(self) -> None:
        from ..modals.forms import ThoughtForm  # loaded when first opened, not at start

        about = self._about()
        if about is None:
            self._need_client("write a thought about them")
            return
        client_id = about.id if isinstance(about, Client) else None

        def save(result: ThoughtInput) -> None:
            write_thought(self.store, client_id=client_id, now=self.now, **result.as_fields())

        def saved(_result: ThoughtInput) -> None:
            self.app.notify("Thought saved.", markup=False)
            self._after_change(client_id, "thoughts")

        self._open(ThoughtForm(self._about_label(about)), DraftKind.THOUGHT, save, saved, client_id=client_id)

    def _read(self, read: Callable[[int], Note], note_id: int | None) -> Note | None:
        """The highlighted note as stored now, or None (saying why, if it has gone)."""
        if note_id is None:
            return None
        try:
            return read(note_id)
        except StoreError as problem:
            self._fail(problem)
            return None

    def _current_thought(self) -> Thought | None:
        return self._read(self.store.thought, self.query_one(ThoughtsPane).current_id)

    def action_toggle_lingering(self) -> None:
        self._toggle_thought("lingering", on="Still with you.", off="Let go.")

    def toggle_thought_flag(self) -> None:
        self._toggle_thought("bring_to_supervision", on=BRING_WORDS.flagged, off=BRING_WORDS.unflagged)

    def _toggle_thought(self, field: str, *, on: str, off: str) -> None:
        """Turn one yes-or-no of the highlighted thought over, saved at once, and say which way it went."""
        thought = self._current_thought()
        if thought is None:
            return
        now_on = not getattr(thought, field)
        setattr(thought, field, now_on)

        def done(_saved: object) -> None:
            self.app.notify(on if now_on else off, markup=False)
            self._after_change(thought.client_id, "thoughts")

        write_patiently(self, lambda: self.store.update_thought(thought), done, self._fail)

    def _edit_thought(self, thought: Thought) -> None:
        from ..modals.forms import ThoughtForm
        from .stale_handling import edited_thought, stale_thought  # with the first form, not at start

        about = self._about_owner(thought.client_id)

        def save(result: ThoughtInput) -> None:
            if not _changes(result, thought):
                return  # nothing changed: leave the stored bytes alone
            self.store.update_thought(edited_thought(thought, result))

        def saved(result: ThoughtInput) -> None:
            if _changes(result, thought):
                self.app.notify("Thought saved.", markup=False)
                self._after_change(thought.client_id, "thoughts")

        form = ThoughtForm(self._about_label(about), thought=thought)
        form.stale = stale_thought(self.store, thought, render.join(("This thought about ", "bold"),
                                                                    self._about_label(about)),
                                   self.now, lambda: self._after_change(thought.client_id))
        self._open(form, DraftKind.THOUGHT, save, saved, client_id=thought.client_id, thought_id=thought.id)

    # ------------------------------------------------------------ questions

    def action_new_question(self) -> None:
        from ..modals.forms import QuestionForm

        about = self._about()
        if not isinstance(about, Client):
            self._need_client("note a question to ask them")
            return

        def save(body: str) -> None:
            ask_question(self.store, client_id=about.id, body=body, now=self.now)

        def saved(_body: str) -> None:
            self.app.notify("Question saved; it will be carried forward until answered or dropped.", markup=False)
            self._after_change(about.id, "questions")

        self._open(QuestionForm(self._about_label(about)), DraftKind.QUESTION, save, saved, client_id=about.id)

    def _current_question(self) -> Question | None:
        return self._read(self.store.question, self.query_one(QuestionsPane).current_id)

    def action_answer(self) -> None:
        question = self._current_question()
        if question is not None:
            self._answer(question)

    def _answer(self, question: Question) -> None:
        from ..modals.forms import AnswerForm

        def save(closing: Closing) -> None:
            questions.close_question(self.store, question, answered=closing.answered, answer=closing.answer,
                                     now=self.now)

        def saved(closing: Closing) -> None:
            self.app.notify("Answered." if closing.answered else "Dropped.", markup=False)
            self._after_change(question.client_id, "questions")

        self._open(AnswerForm(question), DraftKind.ANSWER, save, saved, client_id=question.client_id,
                   question_id=question.id)

    def _edit_question(self, question: Question) -> None:
        from ..modals.forms import QuestionForm

        about = self._about_owner(question.client_id)

        def save(body: str) -> None:
            if body != question.body:
                self.store.update_question(replace(question, body=body))

        def saved(body: str) -> None:
            if body != question.body:
                self.app.notify("Question saved.", markup=False)
                self._after_change(question.client_id, "questions")

        form = QuestionForm(self._about_label(about), question=question)
        from .stale_handling import stale_question_note

        form.stale = stale_question_note(self.store, question, render.join(("This question about ", "bold"),
                                                                           self._about_label(about)),
                                         self.now, lambda: self._after_change(question.client_id))
        self._open(form, DraftKind.QUESTION, save, saved, client_id=question.client_id, question_id=question.id)

    # ------------------------------------------------------------ edit and delete, by focus

    def action_edit(self) -> None:
        focused = self.focused
        if isinstance(focused, ThoughtsPane):
            thought = self._current_thought()
            if thought:
                self._edit_thought(thought)
        elif isinstance(focused, QuestionsPane):
            question = self._current_question()
            if question:
                self._edit_question(question)
        else:
            record = self.selected_client()
            if record is None:
                self._need_client("edit them")
                return
            self.edit_client(record.client)

    @work
    async def action_delete(self) -> None:
        focused = self.focused
        item: Thought | Question | None
        if isinstance(focused, ThoughtsPane):
            item, what = self._current_thought(), "thought"
        elif isinstance(focused, QuestionsPane):
            item, what = self._current_question(), "question"
        else:
            return
        if item is None or item.id is None:
            return
        sure = await self.app.push_screen_wait(Confirm(render.join(
            (f"Delete this {what}? For {UNDO_SECONDS} seconds afterwards, ctrl+z puts it back.\n\n", "bold"),
            render.user_text(item.body[:400] + ("…" if len(item.body) > 400 else ""), style="italic", multiline=True),
        ), yes="Delete", no="Keep", deliberate=True))
        if not sure:
            return
        try:
            deleted = self.store.delete_note_to_undo(f"{what}s", item.id)
        except StoreError as problem:
            self._fail(problem)
            return
        self._keep_to_undo(deleted, what)
        held = "" if deleted.wal_emptied else (" Caseload is open in another window, so its words stay in a working "
                                               "file (the -wal) until that window is closed.")
        self.app.notify(f"The {what} was deleted. Press ctrl+z in the next {UNDO_SECONDS} seconds to put it "
                        f"back.{held}", markup=False, timeout=UNDO_SECONDS)
        self._after_change(item.client_id)
        await self._offer_delete_everywhere(item, what)

    # ------------------------------------------------------------ undo

    def _keep_to_undo(self, deleted: DeletedNote, what: str) -> None:
        if self._undo_timer is not None:
            self._undo_timer.stop()
        self._undoable = (deleted, what)
        self._undo_timer = self.set_timer(UNDO_SECONDS, self._forget_undo)

    def _forget_undo(self) -> None:
        self._undoable, self._undo_timer = None, None

    def action_undo_delete(self) -> None:
        if self._undoable is None:
            self.app.notify(f"Nothing to undo: a delete can be undone for {UNDO_SECONDS} seconds.", markup=False)
            return
        deleted, what = self._undoable

        def done(_back: object) -> None:
            if self._undo_timer is not None:
                self._undo_timer.stop()
            self._forget_undo()
            self.app.notify(f"The {what} is back, as it was.", markup=False)
            self._after_change(deleted.client_id)

        write_patiently(self, lambda: self.store.undo_delete(deleted), done, self._fail)

    async def _offer_delete_everywhere(self, item: Thought | Question, what: str) -> None:
        """A deleted note stays in the backups made while it existed (README): offer to take it out of them."""
        copies = self.store.backups_holding(item)
        if not copies:
            return
        kept = f"{numbered(copies, 'backup')} still {plural(copies, 'holds', 'hold')} it"
        everywhere = await self.app.push_screen_wait(Confirm(render.join(
            (f"{kept}. Delete it everywhere, from the backups too?\n\n", "bold"),
            "Otherwise it stays in them until they are pruned (the daily ones after [backups] keep days). "
            "Taken out of the backups, it cannot be put back there.",
        ), yes="Delete everywhere", no="Keep backups", deliberate=True))
        if not everywhere:
            return
        done = self.store.delete_from_backups(item)
        missed = f" {done.not_reached} could not be changed and still hold it." if done.not_reached else ""
        self.app.notify(f"The {what} was taken out of {numbered(done.removed_from, 'backup')}.{missed}", markup=False)
