"""Day's end: today's sessions one client at a time, then what the day came to.

On the left, the sessions to go through (today's, then any never recorded in the last two weeks) and the
summary at the end. On the right, the session in hand: who and when, what happened (one key), their open
questions (answer or carry forward), what was written about them today, and what to tell them or try
(review_follow_through.py). Every key saves at once, so leaving half-way (Escape) keeps all recorded so far.
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Header, OptionList, Static

from ... import day_review
from ...day_review import DaySummary, ReviewSession
from ...model import Question, QuestionStatus, Status
from ...rules import ScheduleError, describe_schedule, place
from ...services.notes import ask_question, write_thought
from ...services.questions import close_question
from ...services.sessions import record_outcome
from ...store import Conflict, StoreError
from .. import render
from ..modals.base import open_to_save
from ..modals.forms import AnswerForm, Closing, QuestionForm, ThoughtForm, ThoughtInput
from ..patient_write import write_patiently
from ..widgets.attendance_keys import ATTENDANCE_KEYS, attendance_legend
from ..widgets.day_summary import DaySummaryView, summary_parts
from ..widgets.footer import WrappingFooter
from ..widgets.notes_panes import NotesPane
from ..widgets.record_ids import stored_id
from ..widgets.review_notes import ReviewNotes
from ..widgets.review_walk import WalkList
from .help import HelpSection
from .review_follow_through import FOLLOW_THROUGH_BINDINGS, FollowThroughActions
from .review_miss import ask_what_else, offer_reaction
from .review_question_keys import EXPLAINING_BINDINGS, QUESTION_ACTIONS, question_key_refusal

_RECORD = Binding.Group("Attendance")
_SESSION_ACTIONS = {"attend", "answer", "carry", "thought", "question", "next"}

REVIEW_INTRO = (
    "Day's end goes through today's sessions one client at a time, then any session from the last "
    "two weeks that was never recorded. For each: press one key for what happened, answer or carry "
    "forward their open questions, write what stays with you, add what to ask next time, and move on. "
    "Everything is saved the moment you do it, so you can leave at any point and come back."
)


class ReviewScreen(FollowThroughActions):
    DEFAULT_CSS = """
    ReviewScreen WalkList { width: 34; height: 1fr; }
    ReviewScreen.-narrow WalkList { width: 24; }
    ReviewScreen WalkList, ReviewScreen ReviewNotes, ReviewScreen #summary {
        border: round $primary-background; background: $background;
    }
    ReviewScreen ReviewNotes:focus, ReviewScreen #summary:focus { border: round $primary; }
    ReviewScreen WalkList > .option-list--option-highlighted { background: $primary 30%; }
    ReviewScreen #switcher { width: 1fr; }
    ReviewScreen #session { height: auto; padding: 0 1; }
    ReviewScreen ReviewNotes { height: 1fr; }
    ReviewScreen #summary { height: 1fr; padding: 0 1; }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    # Letters mean here what they mean on the dashboard (t, f, r; p privacy, q quit: app_access.CaseloadScreen);
    # the review's own keys take letters no other screen uses. The attendance keys are listed under the session.
    BINDINGS = [
        *(Binding(key, f"attend('{status.value}')", words, group=_RECORD, show=False,
                  tooltip=f"What happened: {words}") for key, status, words in ATTENDANCE_KEYS),
        Binding("r", "answer", "Answer", tooltip="Answer the highlighted question with what you learned"),
        Binding("k", "carry", "Keep open", tooltip="Keep the highlighted question open: carry it to next time"),
        Binding("t", "thought", "Thought", tooltip="Write what stays with you"),
        Binding("f", "question", "Question", tooltip="Add a question for next time"),
        *EXPLAINING_BINDINGS,
        # Before the lists' own (unused) sideways scrolling, so that the footer offers them too.
        Binding("left", "previous", "Previous", key_display="←", priority=True,
                tooltip="Go back to the session before"),
        Binding("right", "next", "Next", key_display="→", priority=True, tooltip="Move on to the next session"),
        *FOLLOW_THROUGH_BINDINGS,
        Binding("s", "summary", "Summary", show=False, tooltip="The day's summary"),
        Binding("escape", "done", "Back", tooltip="Back to the dashboard; everything is already saved"),
    ]
    HELP_TITLE = "Day's end"
    HELP_INTRO = REVIEW_INTRO
    HELP_EXTRA_KEYS = [("↑ ↓", "Choose a question"), ("enter", "Answer the highlighted question")]

    def __init__(self) -> None:
        super().__init__()
        self.walk: list[ReviewSession] = []
        self.today_count = 0
        self.index = 0
        self.carried: set[int] = set()  # questions carried forward in this review
        self.opening: dict = {}  # every client's placement when the review was opened
        self.summary: DaySummary | None = None

    # ------------------------------------------------------------ layout and loading

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        with Horizontal():
            yield WalkList(id="walk")
            with ContentSwitcher(initial="session-view", id="switcher"):
                with Vertical(id="session-view"):
                    yield Static(id="session")
                    yield ReviewNotes(id="notes")
                yield DaySummaryView(id="summary")
        yield WrappingFooter(compact=True)

    def on_resize(self) -> None:
        if self.session is not None and self.is_mounted:
            self.call_after_refresh(self._show_session)  # the keys' legend is laid out for the width

    def on_mount(self) -> None:
        self.follow_privacy_mode(self.redraw)
        now = self.now
        self.title = f"Day's end · {now.strftime('%A %-d %B')}" + (" · demo" if self.app.demo else "")
        try:
            sessions = day_review.day_sessions(self.store, now)
            self.opening = day_review.placements(self.store, now, self.thresholds)
            self.app.privacy.learn(self.store.clients())
        except StoreError as problem:
            self._fail(problem)
            return
        self.walk, self.today_count = sessions.walk, len(sessions.today)
        self.index = 0 if self.walk else len(self.walk)
        self._show_list()
        self.show_current()

    def redraw(self) -> None:
        """Everything again from what is read (after privacy mode changes)."""
        self._show_list()
        self.show_current()

    def _show_list(self) -> None:
        self.query_one(WalkList).show(self.walk, self.today_count, self.now.date(), self.index)

    @property
    def session(self) -> ReviewSession | None:
        return self.walk[self.index] if self.index < len(self.walk) else None

    # ------------------------------------------------------------ showing

    def show_current(self) -> None:
        self.query_one(WalkList).mark(self.index, len(self.walk))
        switcher = self.query_one(ContentSwitcher)
        if self.session is None:
            switcher.current = "summary"
            self._show_summary()
            self.query_one("#summary").focus()
        else:
            switcher.current = "session-view"
            self._show_session()
            self.query_one(ReviewNotes).focus()
        self.refresh_bindings()

    def _show_session(self) -> None:
        session = self.session
        if session is None:
            return
        now = self.now
        today = now.date()
        client = session.client
        client_id = stored_id(client.id)
        try:
            record = self.store.record(client_id, now)
            questions = day_review.questions_for_review(self.store, client_id, now)
            thoughts = day_review.thoughts_today(self.store, client_id, now)
        except StoreError as problem:
            self._fail(problem)
            return
        placement = place(record, now, self.thresholds)
        try:
            usual = describe_schedule(client.schedule)
        except ScheduleError:
            usual = "schedule not understood"
        when = "today " + session.starts_at.strftime("%H:%M") if session.starts_at.date() == today \
            else render.moment(session.starts_at, today)
        notes = []
        if not session.booked:
            notes.append("expected from their usual time; not booked")
        if session.starts_at.date() < today and not session.recorded:
            notes.append("never recorded")
        lines = [
            render.join(render.client_name(client, style="bold"), "  ", (when, "bold $text-accent"),
                        (f"   {self.index + 1} of {len(self.walk)}", "$foreground-muted")),
            render.label(" · ".join([usual] + notes), "$foreground-muted"),
            render.join((f"{placement.label}: ", f"bold {render.GROUP_STYLES[placement.group]}"),
                        placement.reason),
            render.label(""),
            render.join(("What happened: ", "bold"),
                        (session.status.label, "$text-accent" if not session.recorded else "bold $text-success")),
            attendance_legend(session.status, self._detail_width()),
        ]
        self.query_one("#session", Static).update(Content("\n").join(lines))
        self.query_one(ReviewNotes).show(questions, thoughts, self.carried, today)
        self.show_follow_through(session)

    def _detail_width(self) -> int:
        width = self.query_one("#session", Static).content_region.width
        return width or max(40, self.size.width - (24 if self.size.width < 110 else 34) - 2)

    def _show_summary(self) -> None:
        now = self.now
        try:
            self.summary = day_review.day_summary(self.store, now, self.thresholds,
                                                  reviewed={stored_id(s.client.id) for s in self.walk},
                                                  before=self.opening)
        except StoreError as problem:
            self._fail(problem)
            return
        self.query_one(DaySummaryView).show(summary_parts(self.summary, now.date()))

    # ------------------------------------------------------------ moving through

    def check_action(self, action: str, parameters) -> bool | None:
        if self.session is None:
            if action in _SESSION_ACTIONS or action == "summary":
                return False
            if action == "previous":
                return bool(self.walk)
            return True
        if action in QUESTION_ACTIONS:
            return self.why_not(action) is None  # left out of the footer; pressed, it says why
        if action == "previous":
            return None if self.index == 0 else True
        return True

    def why_not(self, action: str) -> str | None:
        """Why answering (r) or keeping open (k) does not apply now, or None if it does."""
        notes = self.query_one(ReviewNotes)
        return question_key_refusal(action, self.session is not None, notes.has_questions, notes.current_question)

    def action_explain(self, action: str) -> None:
        if (reason := self.why_not(action)) is not None:
            self.app.notify(reason, markup=False)

    @on(OptionList.OptionHighlighted, "#notes")
    def _question_highlighted(self) -> None:
        self.refresh_bindings()

    @on(WalkList.StepChosen)
    def _jump(self, event: WalkList.StepChosen) -> None:
        self.index = event.step
        self.show_current()

    def action_next(self) -> None:
        if self.index < len(self.walk):
            self.index += 1
            self.show_current()

    def action_previous(self) -> None:
        if self.index > 0:
            self.index -= 1
            self.show_current()

    def action_summary(self) -> None:
        self.index = len(self.walk)
        self.show_current()

    def action_done(self) -> None:
        self.dismiss()  # the dashboard, told by its callback, reads the caseload again

    def help_sections(self) -> list[HelpSection]:
        return [HelpSection("Beside each session", (render.strip_legend(),))]

    # ------------------------------------------------------------ recording

    def _fail(self, problem: StoreError) -> None:
        self.app.notify(str(problem), title="Not saved", severity="error", markup=False, timeout=8)
        if isinstance(problem, Conflict) and self.session is not None:
            self._show_session()

    def _about(self, session: ReviewSession) -> Content:
        return render.client_name(session.client, style="bold")

    def action_attend(self, status_value: str) -> None:
        session = self.session
        if session is None:
            return
        status = Status(status_value)
        today = self.now.date()
        recorded = []

        def record(moved_to: datetime | None, note: str) -> None:
            recorded.append(record_outcome(self.store, stored_id(session.client.id), session.starts_at, status,
                                           moved_to, now=self.now, note=note).session)

        def then(moved_to: datetime | None, _note: str) -> None:
            session.status, session.booked = recorded[-1].status, True
            moved = f"; booked for {render.moment(moved_to, today)}" if moved_to else ""
            self.app.notify(f"Recorded: {status.label}{moved}.", markup=False)
            if moved_to is not None:
                self._take_in_new_sessions()
            self._show_list()
            self.show_current()
            offer_reaction(self, session, status)

        if not ask_what_else(self.app, self._about(session), session, status, today, record, then):
            write_patiently(self, lambda: record(None, ""), lambda _none: then(None, ""), self._fail)

    def _take_in_new_sessions(self) -> None:
        """A session moved to later today joins today's list; one moved to a past day, the never recorded."""
        try:
            fresh = day_review.day_sessions(self.store, self.now)
        except StoreError:
            return
        known = {s.key for s in self.walk}
        current = self.session
        today, earlier = self.walk[:self.today_count], self.walk[self.today_count:]
        today = sorted(today + [s for s in fresh.today if s.key not in known], key=day_review.by_time)
        earlier = sorted(earlier + [s for s in fresh.unrecorded if s.key not in known], key=day_review.by_time)
        self.walk, self.today_count = today + earlier, len(today)
        self.index = self.walk.index(current) if current in self.walk else self.index

    def action_answer(self) -> None:
        question = self._current_question()
        if question is None:
            return

        def save(closing: Closing) -> None:
            close_question(self.store, question, answered=closing.answered, answer=closing.answer, now=self.now)

        def saved(closing: Closing) -> None:
            self.carried.discard(stored_id(question.id))
            self.app.notify("Answered." if closing.answered else "Dropped.", markup=False)
            self._show_session()
            self._next_open_question()

        open_to_save(self.app, AnswerForm(question), "answer", save, saved, client_id=question.client_id,
                   question_id=question.id)

    def on_notes_pane_open(self, event: NotesPane.Open) -> None:
        if self.query_one(ReviewNotes).current_question is not None:
            self.action_answer()

    def action_carry(self) -> None:
        question = self._current_question()
        if question is None:
            return
        if question.status is not QuestionStatus.OPEN:
            self.app.notify("That question is already settled.", markup=False)
            return
        self.carried.add(stored_id(question.id))
        self.app.notify("Carried forward: it stays open for next time.", markup=False)
        self._show_session()
        self._next_open_question()

    def _next_open_question(self) -> None:
        self.query_one(ReviewNotes).highlight_undecided(self.carried)
        self.refresh_bindings()

    def _current_question(self) -> Question | None:
        question_id = self.query_one(ReviewNotes).current_question
        if self.session is None or question_id is None:
            return None
        try:
            return self.store.question(question_id)
        except StoreError as problem:
            self._fail(problem)
            return None

    def action_thought(self) -> None:
        session = self.session
        if session is None:
            return

        def save(result: ThoughtInput) -> None:
            write_thought(self.store, client_id=session.client.id, now=self.now, **result.as_fields())

        def saved(_result: ThoughtInput) -> None:
            self.app.notify("Thought saved.", markup=False)
            self._show_session()

        open_to_save(self.app, ThoughtForm(self._about(session)), "thought", save, saved, client_id=session.client.id)

    def action_question(self) -> None:
        session = self.session
        if session is None:
            return

        def save(body: str) -> None:
            ask_question(self.store, client_id=session.client.id, body=body, now=self.now)

        def saved(_body: str) -> None:
            self.app.notify("Question saved; it will be carried forward until answered or dropped.", markup=False)
            self._show_session()

        open_to_save(self.app, QuestionForm(self._about(session)), "question", save, saved, client_id=session.client.id)
