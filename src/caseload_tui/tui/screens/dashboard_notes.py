"""The dashboard's keys for thoughts and questions: write, let go, answer, edit, delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import work

from ...drafts import DraftKind
from ...model import BRING_WORDS, Client, Question, Thought
from ...model.counting import numbered, plural
from ...services import questions
from ...services.notes import ask_question, write_thought
from ...store import StoreError
from .. import render
from ..modals.confirm import Confirm
from ..widgets.notes_panes import QuestionsPane, ThoughtsPane
from .dashboard_base import DashboardBase

Note = TypeVar("Note", Thought, Question)


class NoteActions(DashboardBase):
    """Each opens a form, waits for its result, saves, redraws."""

    # ------------------------------------------------------------ thoughts

    @work
    async def action_new_thought(self) -> None:
        from ..modals.forms import ThoughtForm  # loaded when first opened, not at start

        about = self._about()
        if about is None:
            self._need_client("write a thought about them")
            return
        result = await self._ask(ThoughtForm(self._about_label(about)), DraftKind.THOUGHT,
                                 client_id=about.id if isinstance(about, Client) else None)
        if result is None:
            return
        client_id = about.id if isinstance(about, Client) else None
        try:
            write_thought(self.store, client_id=client_id, now=self.now, **result.as_fields())
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Thought saved.", markup=False)
        self._after_change(client_id, "thoughts")

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
        thought = self._current_thought()
        if thought is None:
            return
        thought.lingering = not thought.lingering
        try:
            self.store.update_thought(thought)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Still with you." if thought.lingering else "Let go.", markup=False)
        self._after_change(thought.client_id, "thoughts")

    def toggle_thought_flag(self) -> None:
        thought = self._current_thought()
        if thought is None:
            return
        thought.bring_to_supervision = not thought.bring_to_supervision
        try:
            self.store.update_thought(thought)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify(BRING_WORDS.flagged if thought.bring_to_supervision else BRING_WORDS.unflagged,
                        markup=False)
        self._after_change(thought.client_id, "thoughts")

    @work
    async def _edit_thought(self, thought: Thought) -> None:
        from ..modals.forms import ThoughtForm

        about = self._about_owner(thought.client_id)
        result = await self._ask(ThoughtForm(self._about_label(about), thought=thought), DraftKind.THOUGHT,
                                 client_id=thought.client_id, thought_id=thought.id)
        if result is None:
            return
        if (result.body, result.kind, result.lingering, result.tell_client, result.bring, result.whose,
                result.feelings) == (thought.body, thought.kind, thought.lingering, thought.tell_client,
                                     thought.bring_to_supervision, thought.whose, thought.feelings):
            return  # nothing changed: leave the stored bytes alone
        thought.body, thought.kind = result.body, result.kind
        thought.whose, thought.feelings = result.whose, result.feelings
        thought.lingering, thought.tell_client = result.lingering, result.tell_client
        thought.bring_to_supervision = result.bring
        try:
            self.store.update_thought(thought)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Thought saved.", markup=False)
        self._after_change(thought.client_id, "thoughts")

    # ------------------------------------------------------------ questions

    @work
    async def action_new_question(self) -> None:
        from ..modals.forms import QuestionForm

        about = self._about()
        if not isinstance(about, Client):
            self._need_client("note a question to ask them")
            return
        body = await self._ask(QuestionForm(self._about_label(about)), DraftKind.QUESTION, client_id=about.id)
        if body is None:
            return
        try:
            ask_question(self.store, client_id=about.id, body=body, now=self.now)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Question saved; it will be carried forward until answered or dropped.", markup=False)
        self._after_change(about.id, "questions")

    def _current_question(self) -> Question | None:
        return self._read(self.store.question, self.query_one(QuestionsPane).current_id)

    def action_answer(self) -> None:
        question = self._current_question()
        if question is not None:
            self._answer(question)

    @work
    async def _answer(self, question: Question) -> None:
        from ..modals.forms import AnswerForm

        closing = await self._ask(AnswerForm(question), DraftKind.ANSWER, client_id=question.client_id,
                                  question_id=question.id)
        if closing is None:
            return
        try:
            questions.close_question(self.store, question, answered=closing.answered, answer=closing.answer,
                                     now=self.now)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Answered." if closing.answered else "Dropped.", markup=False)
        self._after_change(question.client_id, "questions")

    @work
    async def _edit_question(self, question: Question) -> None:
        from ..modals.forms import QuestionForm

        about = self._about_owner(question.client_id)
        body = await self._ask(QuestionForm(self._about_label(about), question=question), DraftKind.QUESTION,
                               client_id=question.client_id, question_id=question.id)
        if body is None or body == question.body:
            return
        question.body = body
        try:
            self.store.update_question(question)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Question saved.", markup=False)
        self._after_change(question.client_id, "questions")

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
            (f"Delete this {what}? It will be gone for good.\n\n", "bold"),
            render.user_text(item.body[:400] + ("…" if len(item.body) > 400 else ""), style="italic", multiline=True),
        ), yes="Delete", no="Keep"))
        if not sure:
            return
        try:
            gone = (self.store.delete_thought if what == "thought" else self.store.delete_question)(item.id)
        except StoreError as problem:
            self._fail(problem)
            return
        held = "" if gone else (" Caseload is open in another window, so its words stay in a working file "
                                "(the -wal) until that window is closed.")
        self.app.notify(f"The {what} was deleted.{held}", markup=False)
        self._after_change(item.client_id)
        await self._offer_delete_everywhere(item, what)

    async def _offer_delete_everywhere(self, item: Thought | Question, what: str) -> None:
        """A deleted note stays in the backups made while it existed (README): offer to take it out of them."""
        copies = self.store.backups_holding(item)
        if not copies:
            return
        kept = f"{numbered(copies, 'backup')} still {plural(copies, 'holds', 'hold')} it"
        everywhere = await self.app.push_screen_wait(Confirm(render.join(
            (f"{kept}. Delete it everywhere, from the backups too?\n\n", "bold"),
            "Otherwise it stays in them until they are pruned (the daily ones after [backups] keep days).",
        ), yes="Delete everywhere", no="Keep backups"))
        if not everywhere:
            return
        done = self.store.delete_from_backups(item)
        missed = f" {done.not_reached} could not be changed and still hold it." if done.not_reached else ""
        self.app.notify(f"The {what} was taken out of {numbered(done.removed_from, 'backup')}.{missed}", markup=False)
