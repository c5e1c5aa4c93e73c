"""What the dashboard's keys do: each opens a form, waits for its result, saves, redraws."""

from __future__ import annotations

import asyncio

from textual import work

from ...model import Client, Question, Thought, ThoughtKind
from ...services import clients, endings, questions, sessions
from ...store import Conflict, StoreError
from .. import render
from ..modals.confirm import Confirm
from ..modals.forms import AnswerForm, AttendanceForm, ClientForm, QuestionForm, ThoughtForm
from ..modals.search import SearchScreen
from ..widgets.caseload_list import CaseloadList
from ..widgets.notes_panes import NotesPane, QuestionsPane, ThoughtsPane
from .help import HelpScreen


class DashboardActions:
    """Mixed into DashboardScreen; uses its store, clock and refresh methods."""

    # ------------------------------------------------------------ helpers

    def _fail(self, problem: StoreError) -> None:
        self.app.notify(str(problem), title="Not saved", severity="error", markup=False, timeout=8)
        if isinstance(problem, Conflict):
            self.reload()

    def _about(self):
        """Who a new note is about: the selected client, my practice, or (None) nobody yet."""
        kind, value = self.query_one(CaseloadList).current
        if kind == "client" and value in self.records:
            return self.records[value].client
        if kind == "practice":
            return "practice"
        return None

    def _about_label(self, about):
        return render.client_name(about, style="bold") if isinstance(about, Client) else render.label("My practice", "bold")

    def _need_client(self, what: str) -> bool:
        self.app.notify(f"Choose a client on the left first, then {what}.", markup=False)
        return False

    def check_action(self, action: str, parameters) -> bool | None:
        """Show each key in the footer only where it applies."""
        focused = self.focused
        if action in ("toggle_lingering",):
            return isinstance(focused, ThoughtsPane)
        if action == "answer":
            return isinstance(focused, QuestionsPane)
        if action == "delete":
            return isinstance(focused, (ThoughtsPane, QuestionsPane))
        if action == "news":
            record = self.selected_client()
            return record is not None and not record.client.active
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    # ------------------------------------------------------------ forms and drafts

    async def _ask(self, form, kind: str, **context):
        """Open a form and wait for its result; it can be kept as a draft if the program is stopped."""
        form.draft_kind, form.draft_context = kind, context
        pending = getattr(self, "_restoring", None)
        if pending and pending.get("kind") == kind:
            form.prefill = pending["values"]
            self._restoring = None
        return await self.app.push_screen_wait(form)

    def restore_draft(self, draft: dict) -> None:
        """Reopen the form that was open when caseload was stopped, with what was written in it."""
        self._restoring = draft
        context = draft.get("context") or {}
        kind = draft.get("kind")
        client_id_ = context.get("client_id")
        if client_id_ is not None:
            self.select_client(client_id_)
        else:
            from ..widgets.caseload_list import PRACTICE_ID

            if kind == "thought":
                self.query_one(CaseloadList).select_id(PRACTICE_ID)
                self.show_selection()
        self.app.notify("Text you were writing when caseload was closed has been reopened.", markup=False,
                        timeout=8)
        try:
            if kind == "thought" and context.get("thought_id"):
                self._edit_thought(self.store.thought(context["thought_id"]))
            elif kind == "thought":
                self.action_new_thought()
            elif kind == "question" and context.get("question_id"):
                self._edit_question(self.store.question(context["question_id"]))
            elif kind == "question":
                self.action_new_question()
            elif kind == "answer" and context.get("question_id"):
                self._answer(self.store.question(context["question_id"]))
            elif kind == "news":
                self.action_news()
            elif kind == "graduate":
                self.action_graduate()
            elif kind == "client" and context.get("editing") and client_id_ is not None:
                self._edit_client(self.store.client(client_id_))
            elif kind == "client":
                self.action_new_client()
            elif isinstance(kind, str) and kind.startswith("supervision_"):
                from .supervision import SupervisionScreen

                self._reload_on_resume = True
                self.app.push_screen(SupervisionScreen(draft=draft))
        except StoreError as problem:
            self._fail(problem)

    # ------------------------------------------------------------ thoughts

    @work
    async def action_new_thought(self) -> None:
        about = self._about()
        if about is None:
            self._need_client("write a thought about them")
            return
        kind = ThoughtKind.WONDERING if isinstance(about, Client) and not about.active else ThoughtKind.HOLDING
        result = await self._ask(ThoughtForm(self._about_label(about), kind=kind), "thought",
                                 client_id=about.id if isinstance(about, Client) else None)
        if result is None:
            return
        client_id = about.id if isinstance(about, Client) else None
        try:
            self.store.add_thought(Thought(body=result.body, written_at=self.now, client_id=client_id,
                                           kind=result.kind, lingering=result.lingering,
                                           tell_client=result.tell_client))
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Thought saved.", markup=False)
        self._after_change(client_id)

    def _after_change(self, client_id: int | None) -> None:
        if client_id is None:
            self._regroup(self.now)
            self.show_selection()
        else:
            self.refresh_client(client_id)

    def _current_thought(self) -> Thought | None:
        pane = self.query_one(ThoughtsPane)
        if pane.current_id is None:
            return None
        try:
            return self.store.thought(pane.current_id)
        except StoreError as problem:
            self._fail(problem)
            return None

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
        self._after_change(thought.client_id)

    @work
    async def _edit_thought(self, thought: Thought) -> None:
        about = self.records[thought.client_id].client if thought.client_id in self.records else "practice"
        result = await self._ask(ThoughtForm(self._about_label(about), thought=thought), "thought",
                                 client_id=thought.client_id, thought_id=thought.id)
        if result is None:
            return
        if (result.body, result.kind, result.lingering, result.tell_client) == (
                thought.body, thought.kind, thought.lingering, thought.tell_client):
            return  # nothing changed: leave the stored bytes alone
        thought.body, thought.kind = result.body, result.kind
        thought.lingering, thought.tell_client = result.lingering, result.tell_client
        try:
            self.store.update_thought(thought)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Thought saved.", markup=False)
        self._after_change(thought.client_id)

    # ------------------------------------------------------------ questions

    @work
    async def action_new_question(self) -> None:
        about = self._about()
        if not isinstance(about, Client):
            self._need_client("note a question to ask them")
            return
        body = await self._ask(QuestionForm(self._about_label(about)), "question", client_id=about.id)
        if body is None:
            return
        try:
            self.store.add_question(Question(body=body, asked_at=self.now, client_id=about.id))
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Question saved; it will be carried forward until answered or dropped.", markup=False)
        self._after_change(about.id)

    def _current_question(self) -> Question | None:
        pane = self.query_one(QuestionsPane)
        if pane.current_id is None:
            return None
        try:
            return self.store.question(pane.current_id)
        except StoreError as problem:
            self._fail(problem)
            return None

    def action_answer(self) -> None:
        question = self._current_question()
        if question is not None:
            self._answer(question)

    @work
    async def _answer(self, question: Question) -> None:
        closing = await self._ask(AnswerForm(question), "answer", client_id=question.client_id,
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
        self._after_change(question.client_id)

    def on_notes_pane_open(self, event: NotesPane.Open) -> None:
        """Enter on a question answers it; on a thought, edits it."""
        if isinstance(event.pane, QuestionsPane):
            self.action_answer()
        elif isinstance(event.pane, ThoughtsPane):
            self.action_edit()

    @work
    async def _edit_question(self, question: Question) -> None:
        about = self.records[question.client_id].client if question.client_id in self.records else "practice"
        body = await self._ask(QuestionForm(self._about_label(about), question=question), "question",
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
        self._after_change(question.client_id)

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
            self._edit_client(record.client)

    @work
    async def action_delete(self) -> None:
        focused = self.focused
        if isinstance(focused, ThoughtsPane):
            item, what = self._current_thought(), "thought"
        elif isinstance(focused, QuestionsPane):
            item, what = self._current_question(), "question"
        else:
            return
        if item is None:
            return
        sure = await self.app.push_screen_wait(Confirm(render.join(
            (f"Delete this {what}? It will be gone for good.\n\n", "bold"),
            render.user_text(item.body[:400] + ("…" if len(item.body) > 400 else ""), style="italic", multiline=True),
        ), yes="Delete", no="Keep"))
        if not sure:
            return
        try:
            (self.store.delete_thought if what == "thought" else self.store.delete_question)(item.id)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify(f"The {what} was deleted.", markup=False)
        self._after_change(item.client_id)

    # ------------------------------------------------------------ attendance

    @work
    async def action_attendance(self) -> None:
        record = self.selected_client()
        if record is None:
            self._need_client("record a session")
            return
        client = record.client
        today = self.now.date()
        usual = sessions.usual_time(client, self.now)
        result = await self.app.push_screen_wait(AttendanceForm(render.client_name(client, style="bold"), today, usual))
        if result is None:
            return
        try:
            sessions.record_outcome(self.store, client.id, result.starts_at, result.status, result.moved_to)
        except StoreError as problem:
            self._fail(problem)
            return
        moved = f"; booked for {render.moment(result.moved_to, today)}" if result.moved_to else ""
        self.app.notify(f"Recorded: {result.status.label}, {render.moment(result.starts_at, today)}{moved}.",
                        markup=False)
        self.refresh_client(client.id)

    # ------------------------------------------------------------ clients

    def _code_check(self, own_id: int | None):
        known = [r.client for r in self.records.values()]
        return lambda result: clients.code_problem(result.code, own_id, known)

    @work
    async def action_new_client(self) -> None:
        today = self.now.date()
        result = await self._ask(
            ClientForm(today, suggested_code=clients.next_code(r.client for r in self.records.values()),
                       check=self._code_check(None)),
            "client")
        if result is None:
            return
        try:
            client = clients.add_client(self.store, name=result.name, code=result.code, started_on=result.started_on,
                                        schedule=result.schedule, themes=result.themes)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Client added.", markup=False)
        self.refresh_client(client.id)
        self.select_client(client.id)

    @work
    async def _edit_client(self, client: Client) -> None:
        result = await self._ask(
            ClientForm(self.now.date(), client=client, check=self._code_check(client.id)), "client",
            client_id=client.id, editing=True)
        if result is None:
            return
        try:
            saved = clients.edit_client(self.store, client, name=result.name, code=result.code,
                                        started_on=result.started_on, schedule=result.schedule,
                                        themes=result.themes)
        except StoreError as problem:
            self._fail(problem)
            return
        if saved is None:
            return  # nothing changed
        self.app.notify("Client saved.", markup=False)
        self.refresh_client(client.id)

    def action_toggle_flag(self) -> None:
        record = self.selected_client()
        if record is None:
            self._need_client("flag them for supervision")
            return
        flagged = not record.client.bring_to_supervision
        try:
            self.store.set_flag(record.client.id, flagged)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Flagged for supervision." if flagged else "No longer flagged for supervision.",
                        markup=False)
        self.refresh_client(record.client.id)

    # ------------------------------------------------------------ the three moments

    def start_graduation(self, client_id_: int) -> None:
        """Opened as `caseload graduate NAME`: select them once loaded, then ask."""
        def when_loaded() -> None:
            if not self.loaded:
                self.set_timer(0.05, when_loaded)
                return
            self.select_client(client_id_)
            self.action_graduate()

        when_loaded()

    @work
    async def action_graduate(self) -> None:
        record = self.selected_client()
        if record is None:
            self._need_client("mark their case as ended")
            return
        client = record.client
        if not client.active:
            back = await self.app.push_screen_wait(Confirm(render.join(
                ("Bring ", "bold"), render.client_name(client, style="bold"),
                (" back as an active client?\n\nTheir history, reflection and news are all kept.", "bold"),
            ), yes="Bring back", no="Not now"))
            if not back:
                return
            try:
                endings.reactivate(self.store, client.id)
            except StoreError as problem:
                self._fail(problem)
                return
            self.app.notify("Active again; everything written before is kept.", markup=False)
            self.refresh_client(client.id)
            self.select_client(client.id)
            return
        from ..modals.endings import GraduateForm

        result = await self._ask(GraduateForm(
            render.client_name(client, style="bold"), self.now.date(), record.open_questions, client.reflection),
            "graduate", client_id=client.id)
        if result is None:
            return
        try:
            endings.graduate(self.store, client.id, result.ended_on, result.kind, result.reflection,
                             close_questions=result.close_questions, now=self.now)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("The case is marked as ended. It is now among the graduates.", markup=False)
        self.refresh_client(client.id)
        self.select_client(client.id)

    @work
    async def action_news(self) -> None:
        record = self.selected_client()
        if record is None or record.client.active:
            self.app.notify("News is for graduates: choose a former client on the left first.", markup=False)
            return
        from ...model import Encounter
        from ..modals.endings import NewsForm

        result = await self._ask(NewsForm(render.client_name(record.client, style="bold"), self.now.date()),
                                 "news", client_id=record.client.id)
        if result is None:
            return
        try:
            self.store.add_encounter(Encounter(client_id=record.client.id, happened_on=result.happened_on,
                                               body=result.body))
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("News saved.", markup=False)
        self.show_selection()

    def action_review(self) -> None:
        from .review import ReviewScreen

        self._reload_on_resume = True
        self.app.push_screen(ReviewScreen())

    def action_supervision(self) -> None:
        from .supervision import SupervisionScreen

        self._reload_on_resume = True
        self.app.push_screen(SupervisionScreen())

    # ------------------------------------------------------------ importing

    @work
    async def action_import_file(self) -> None:
        from ..modals.forms import ImportForm

        path = await self.app.push_screen_wait(ImportForm())
        if path is None:
            return
        lines = await self._import(path, dry_run=True)
        if lines is None:
            return
        go = await self.app.push_screen_wait(Confirm(render.join(
            (f"Importing {path.name} would do this:\n\n", "bold"),
            render.user_text("\n".join(lines[:30]) + ("\n…" if len(lines) > 30 else ""), multiline=True),
        ), yes="Import", no="Cancel"))
        if go and await self._import(path, dry_run=False) is not None:
            self.app.notify(f"Imported {path.name}.", markup=False)
            self.reload()

    async def _import(self, path, dry_run: bool) -> list[str] | None:
        from ...interchange import ImportProblem
        from ...interchange.importing import import_file

        def run() -> list[str]:
            return import_file(self.store, path, self.app.settings, self.now, dry_run)

        try:
            return await asyncio.to_thread(run)
        except (ImportProblem, StoreError, OSError, ValueError) as problem:
            message = str(problem) if not isinstance(problem, OSError) else f"{path.name} could not be read."
            self.app.notify(message, title="Not imported", severity="error", markup=False, timeout=12)
            return None

    # ------------------------------------------------------------ search, help, zoom

    @work
    async def action_search(self) -> None:
        hit = await self.app.push_screen_wait(SearchScreen(self.store, self.now.date()))
        if hit is None:
            return
        if hit.client_id is None:
            from ..widgets.caseload_list import PRACTICE_ID

            self.query_one(CaseloadList).select_id(PRACTICE_ID)
            self.show_selection()
        else:
            self.select_client(hit.client_id)
        pane = self.query_one(ThoughtsPane if hit.kind == "thought" else QuestionsPane)
        if hit.kind in ("thought", "question"):
            try:
                pane.highlighted = pane.get_option_index(f"{hit.kind}:{hit.id}")
                pane.focus()
            except Exception:  # noqa: BLE001 - the note may sit past the pane's limit
                pass

    def action_help(self) -> None:
        keys = [(b.key_display or b.key.split(",")[0], b.tooltip or b.description)
                for b in self.BINDINGS if b.description]
        keys += [("tab", "Move between the list and the panes"), ("ctrl+p", "Command palette: every action and the themes"),
                 ("ctrl+q", "Quit")]
        self.app.push_screen(HelpScreen(keys))

    def action_zoom(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused)
