"""Day's end: today's sessions one client at a time, then what the day came to.

On the left, the sessions to go through (today's, then any from the last two
weeks that were never recorded) and the summary at the end. On the right, the
session in hand: who and when, what happened (one key), their open questions
(answer or carry forward), and what was written about them today. Every key
saves at once, so leaving half-way (Escape) keeps everything recorded so far.
"""

from __future__ import annotations

from datetime import date, datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import ContentSwitcher, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from ... import day_review
from ...day_review import DaySummary, ReviewSession
from ...model import OUTCOMES, Question, QuestionStatus, Status, Thought
from ...rules import DateError, ScheduleError, describe_schedule, parse_moment, place
from ...services.questions import close_question
from ...services.sessions import record_outcome
from ...store import Conflict, StoreError
from .. import render
from ..modals.base import FormError, FormScreen, label, line_text
from ..modals.forms import AnswerForm, QuestionForm, ThoughtForm
from ..widgets.footer import WrappingFooter
from ..widgets.notes_panes import NotesPane, item_id
from .app_access import CaseloadScreen
from .help import HelpScreen

# The attendance keys, in the order the footer and the screen list them (words and keys: model.py).
ATTENDANCE_KEYS = [(status.words.key, status, status.label) for status in OUTCOMES]

SUMMARY_ID = "summary"
_RECORD = Binding.Group("Attendance")
_SESSION_ACTIONS = {"attend", "answer", "carry", "thought", "question", "next"}
_QUESTION_ACTIONS = {"answer", "carry"}


def _when(session: ReviewSession, today: date) -> str:
    """'09:00' for today's sessions, 'Fri 20 Nov' for earlier ones (the list is narrow)."""
    if session.starts_at.date() == today:
        return session.starts_at.strftime("%H:%M")
    return render.day(session.starts_at, today)


class WalkList(OptionList, can_focus=False):
    """The sessions of the review, in the order they are gone through, and the summary."""

    BORDER_TITLE = "Sessions"

    _shown: tuple | None = None

    def show(self, walk: list[ReviewSession], today_count: int, today: date, current: int) -> None:
        self._shown = (walk, today_count, today, current)
        inner = self.scrollable_content_region.width or 30
        options: list[Option | None] = [
            Option(render.label(f"Today, {today.strftime('%a %-d %b')}", "bold"), disabled=True)]
        if today_count == 0:
            options.append(Option(render.label("  No sessions today.", "italic $foreground-muted"), disabled=True))
        for index, session in enumerate(walk):
            if index == today_count:
                options += [None, Option(render.label("Never recorded", "bold $text-warning"), disabled=True)]
            options.append(Option(self._row(session, today, inner), id=f"session:{index}"))
        options += [None, Option(render.label("Summary of the day", "bold $primary"), id=SUMMARY_ID)]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
        self.mark(current, len(walk))

    @staticmethod
    def _row(session: ReviewSession, today: date, inner: int) -> Content:
        glyph = render.STRIP_GLYPHS[session.status]
        when = _when(session, today)
        name_width = max(4, inner - len(when) - 4)
        return render.join(" ", glyph, " ", (when, "$foreground-muted"), " ",
                           render.client_name(session.client, name_width))

    def mark(self, current: int, count: int) -> None:
        """Highlight the session in hand (or the summary)."""
        option_id = SUMMARY_ID if current >= count else f"session:{current}"
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = self.get_option_index(option_id)
        recorded = sum(1 for i in range(count) if self._shown and self._shown[0][i].recorded)
        self.border_subtitle = f"{recorded} of {count} recorded" if count else ""

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)


class ReviewNotes(NotesPane):
    """The client's open questions (and any settled today), then what was written about them today."""

    BORDER_TITLE = "Open questions"

    _questions: list[Question] = []

    def show(self, questions: list[Question], thoughts: list[Thought], carried: set[int], today: date) -> None:
        self._questions = questions
        keep = self.highlighted_option.id if self.highlighted_option else None
        options: list[Option | None] = []
        for question in questions:
            options += [Option(_question_prompt(question, question.id in carried, today),
                               id=f"question:{question.id}"), None]
        if not questions:
            options += [Option(render.label("No open questions. Press f to add one for next time.",
                                            "italic $foreground-muted"), disabled=True), None]
        if thoughts:
            options.append(Option(render.label("Written today", "bold"), disabled=True))
            for thought in thoughts:
                options += [Option(_thought_prompt(thought), id=f"thought:{thought.id}"), None]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options[:-1] if options and options[-1] is None else options)
            self.highlighted = None
            if keep is not None:
                try:
                    self.highlighted = self.get_option_index(keep)
                except Exception:  # noqa: BLE001 - the kept option is gone
                    pass
            if self.highlighted is None:
                self.highlighted = self._first_open(questions, carried)
        still_open = sum(1 for q in questions if q.status is QuestionStatus.OPEN)
        self.border_subtitle = f"{still_open} open" if questions else ""

    def _first_open(self, questions: list[Question], carried: set[int]) -> int | None:
        for wanted in (lambda q: q.status is QuestionStatus.OPEN and q.id not in carried,
                       lambda q: q.status is QuestionStatus.OPEN, lambda q: True):
            for question in questions:
                if wanted(question):
                    return self.get_option_index(f"question:{question.id}")
        return None

    def highlight_undecided(self, carried: set[int]) -> None:
        """Move to the first question still open and not yet carried forward, if there is one."""
        for question in self._questions:
            if question.status is QuestionStatus.OPEN and question.id not in carried:
                self.highlighted = self.get_option_index(f"question:{question.id}")
                return

    @property
    def current_question(self) -> int | None:
        option = self.highlighted_option
        if option is None or not (option.id or "").startswith("question:"):
            return None
        return item_id(option.id)


def _question_prompt(question: Question, carried: bool, today: date) -> Content:
    asked = (f"  asked {render.day(question.asked_at, today)}", "$foreground-muted")
    if question.status is QuestionStatus.ANSWERED:
        head = [("✓ answered", "$text-success"), asked]
    elif question.status is QuestionStatus.DROPPED:
        head = [("– dropped", "$foreground-muted"), asked]
    elif carried:
        head = [("↷ carried forward", "$text-secondary"), asked]
    else:
        head = [("? open", "$text-accent"), asked]
    style = "" if question.status is QuestionStatus.OPEN else "$foreground-muted"
    body = render.join(*head, "\n", render.user_text(question.body, style=style, multiline=True))
    if question.answer:
        body = render.join(body, "\n", ("→ ", "$text-success"), render.user_text(question.answer, multiline=True))
    return body


def _thought_prompt(thought: Thought) -> Content:
    parts: list = [("✎ ", "$text-secondary"), (thought.kind.label, render.KIND_STYLES[thought.kind]), "  ",
                   ("● still with me", "$text-warning") if thought.lingering else ("○ let go", "$foreground-muted")]
    if thought.tell_client:
        parts += ["  ", ("✉ tell them", "$text-accent")]
    return render.join(*parts, "\n", render.user_text(thought.body, multiline=True))


class MovedForm(FormScreen[datetime]):
    """The new day and time of a session that was moved."""

    title_text = "Moved to another time"
    save_label = "Book"

    def __init__(self, about: Content, session: datetime, today: date) -> None:
        super().__init__()
        self._about, self._session, self._today = about, session, today

    def fields(self) -> ComposeResult:
        yield Static(render.join(("Session with ", "$foreground-muted"), self._about, "  ",
                                 (render.moment(self._session, self._today), "$foreground-muted")))
        yield label("The new day and time (fri 14:00, 3 dec 9:30, 2026-12-03 10:00)")
        yield Input("", id="when", placeholder="e.g. fri 14:00", max_length=40, compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#when", Input).focus()

    @on(Input.Submitted, "#when")
    def _submitted(self) -> None:
        self.action_save()

    def collect(self) -> datetime:
        try:
            moved = parse_moment(line_text(self.query_one("#when", Input), "new day"), self._today,
                                 self._session.time(), prefer="future")
        except DateError as problem:
            raise FormError(str(problem)) from None
        if moved == self._session:
            raise FormError("That is the time the session was already at; type the new day and time.")
        return moved


REVIEW_INTRO = (
    "Day's end goes through today's sessions one client at a time, then any session from the last "
    "two weeks that was never recorded. For each: press one key for what happened, answer or carry "
    "forward their open questions, write what stays with you, add what to ask next time, and move on. "
    "Everything is saved the moment you do it, so you can leave at any point and come back."
)


class ReviewHelp(HelpScreen):
    """The review's keys, and what the marks beside each session mean."""

    def compose(self) -> ComposeResult:
        lines: list[Content] = [render.label("Day's end", "bold"), render.label(""), render.label(REVIEW_INTRO),
                                render.label(""), render.label("Keys", "bold")]
        for key, description in self._keys:
            lines.append(render.join((f"  {key:<14}", "bold $accent"), description))
        lines += [render.label(""), render.label("Beside each session", "bold"), render.strip_legend()]
        with VerticalScroll():
            yield Static(Content("\n").join(lines))


class ReviewScreen(CaseloadScreen):
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
    /* The footer's label after the attendance keys needs its space; wrapped, the seven keys take two
       cells, and so does the last key ("esc Dashboard"), so that no word is cut. */
    ReviewScreen WrappingFooter.-compact FooterLabel { margin: 0 1 0 0; }
    ReviewScreen WrappingFooter.-wrap KeyGroup { column-span: 2; }
    ReviewScreen WrappingFooter.-wrap FooterKey:last-child { column-span: 2; }
    """
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS = [
        *(Binding(key, f"attend('{status.value}')", words, group=_RECORD, tooltip=f"{key}: {words}")
          for key, status, words in ATTENDANCE_KEYS),
        Binding("a", "answer", "Answer", tooltip="Answer the highlighted question with what you learned"),
        Binding("c", "carry", "Carry", tooltip="Carry the highlighted question forward to next time"),
        Binding("t", "thought", "Thought", tooltip="Write what stays with you"),
        Binding("f", "question", "Question", tooltip="Add a question for next time"),
        Binding("n,right", "next", "Next", tooltip="Move on to the next session"),
        Binding("p,left", "previous", "Back", tooltip="Go back to the session before"),
        Binding("s", "summary", "Summary", tooltip="The day's summary"),
        Binding("question_mark,f1", "help", "Help", key_display="?"),
        Binding("ctrl+l", "app.blank", "Blank", tooltip="Blank the screen at once"),
        Binding("escape", "done", "Dashboard", tooltip="Back to the dashboard; everything is already saved"),
    ]

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
        now = self.now
        today = now.date()
        client = session.client
        try:
            record = self.store.record(client.id, now)
            questions = day_review.questions_for_review(self.store, client.id, now)
            thoughts = day_review.thoughts_today(self.store, client.id, now)
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
            render.join((f"{placement.group.one}: ", f"bold {render.GROUP_STYLES[placement.group]}"),
                        placement.reason),
            render.label(""),
            render.join(("What happened: ", "bold"),
                        (session.status.label, "$text-accent" if not session.recorded else "bold $text-success")),
            self._legend(session.status, self._detail_width()),
        ]
        self.query_one("#session", Static).update(Content("\n").join(lines))
        self.query_one(ReviewNotes).show(questions, thoughts, self.carried, today)

    def _detail_width(self) -> int:
        width = self.query_one("#session", Static).content_region.width
        return width or max(40, self.size.width - (24 if self.size.width < 110 else 34) - 2)

    @staticmethod
    def _legend(current: Status, width: int) -> Content:
        """The seven keys, on one line if it fits, else four and three, each key kept with its words."""
        items = []
        for key, status, words in ATTENDANCE_KEYS:
            chosen = status is current
            items.append(render.join((key, "bold reverse $text-success" if chosen else "bold $text-accent"),
                                     (f" {words}", "bold" if chosen else "")))
        gap = render.label("  ")
        one_line = gap.join(items)
        if one_line.cell_length <= width:
            return one_line
        return render.join(gap.join(items[:4]), "\n", gap.join(items[4:]))

    def _show_summary(self) -> None:
        now = self.now
        try:
            self.summary = day_review.day_summary(self.store, now, self.thresholds,
                                                  reviewed={s.client.id for s in self.walk},
                                                  before=self.opening)
        except StoreError as problem:
            self._fail(problem)
            return
        self.query_one(DaySummaryView).show(summary_parts(self.summary, now.date()))

    # ------------------------------------------------------------ moving through

    def check_action(self, action: str, parameters) -> bool | None:
        if self.session is None:
            if action in _SESSION_ACTIONS:
                return False
            if action == "summary":
                return False
            if action == "previous":
                return bool(self.walk)
            return True
        if action in _QUESTION_ACTIONS:
            return None if self.query_one(ReviewNotes).current_question is None else True
        if action == "previous":
            return None if self.index == 0 else True
        return True

    @on(OptionList.OptionHighlighted, "#notes")
    def _question_highlighted(self) -> None:
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#walk")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        self.index = len(self.walk) if option_id == SUMMARY_ID else int(option_id.split(":")[1])
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
        self.app.pop_screen()

    def action_help(self) -> None:
        keys = [(key, f"What happened: {words}") for key, _, words in ATTENDANCE_KEYS]
        keys += [(b.key_display or b.key.replace(",", ", "), b.tooltip or b.description)
                 for b in self.BINDINGS if b.group is None and b.description]
        keys += [("↑ ↓", "Choose a question"), ("enter", "Answer the highlighted question")]
        self.app.push_screen(ReviewHelp(keys))

    # ------------------------------------------------------------ recording

    def _fail(self, problem: StoreError) -> None:
        self.app.notify(str(problem), title="Not saved", severity="error", markup=False, timeout=8)
        if isinstance(problem, Conflict) and self.session is not None:
            self._show_session()

    def _about(self) -> Content:
        return render.client_name(self.session.client, style="bold")

    async def _ask(self, form: FormScreen, kind: str, **context):
        """Open a form and wait; named as the dashboard names its forms, so if caseload is stopped
        with text in it, that text comes back as a draft on the dashboard."""
        form.draft_kind, form.draft_context = kind, context
        return await self.app.push_screen_wait(form)

    @work
    async def action_attend(self, status_value: str) -> None:
        session = self.session
        if session is None:
            return
        status = Status(status_value)
        today = self.now.date()
        moved_to = None
        if status is Status.RESCHEDULED:
            moved_to = await self.app.push_screen_wait(MovedForm(self._about(), session.starts_at, today))
            if moved_to is None:
                return
        try:
            saved = record_outcome(self.store, session.client.id, session.starts_at, status, moved_to).session
        except StoreError as problem:
            self._fail(problem)
            return
        session.status, session.booked = saved.status, True
        moved = f"; booked for {render.moment(moved_to, today)}" if moved_to else ""
        self.app.notify(f"Recorded: {status.label}{moved}.", markup=False)
        if moved_to is not None:
            self._take_in_new_sessions()
        self._show_list()
        self.show_current()

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

    @work
    async def action_answer(self) -> None:
        question = self._current_question()
        if question is None:
            return
        closing = await self._ask(AnswerForm(question), "answer", client_id=question.client_id,
                                  question_id=question.id)
        if closing is None:
            return
        try:
            close_question(self.store, question, answered=closing.answered, answer=closing.answer, now=self.now)
        except StoreError as problem:
            self._fail(problem)
            return
        self.carried.discard(question.id)
        self.app.notify("Answered." if closing.answered else "Dropped.", markup=False)
        self._show_session()
        self._next_open_question()

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
        self.carried.add(question.id)
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

    @work
    async def action_thought(self) -> None:
        session = self.session
        if session is None:
            return
        result = await self._ask(ThoughtForm(self._about()), "thought", client_id=session.client.id)
        if result is None:
            return
        try:
            self.store.add_thought(Thought(body=result.body, written_at=self.now, client_id=session.client.id,
                                           kind=result.kind, lingering=result.lingering,
                                           tell_client=result.tell_client))
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Thought saved.", markup=False)
        self._show_session()

    @work
    async def action_question(self) -> None:
        session = self.session
        if session is None:
            return
        body = await self._ask(QuestionForm(self._about()), "question", client_id=session.client.id)
        if body is None:
            return
        try:
            self.store.add_question(Question(body=body, asked_at=self.now, client_id=session.client.id))
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Question saved; it will be carried forward until answered or dropped.", markup=False)
        self._show_session()


# ---------------------------------------------------------------- the summary, in words


class DaySummaryView(VerticalScroll):
    """The day's summary: a heading per part, each entry with a hanging bullet so wrapped lines line up."""

    DEFAULT_CSS = """
    DaySummaryView { scrollbar-size-vertical: 1; }
    DaySummaryView > .heading { margin-top: 1; }
    DaySummaryView > .line { padding-left: 1; }
    DaySummaryView > .item, DaySummaryView > .subitem { height: auto; padding-left: 1; }
    DaySummaryView > .subitem { padding-left: 3; }
    DaySummaryView .bullet { width: 2; color: $text-accent; }
    DaySummaryView .body { width: 1fr; }
    DaySummaryView > .note { margin-top: 1; }
    """

    _parts: list[tuple[str, Content]] = []

    def show(self, parts: list[tuple[str, Content]]) -> None:
        self._parts = parts
        widgets = []
        for kind, content in parts:
            if kind in ("item", "subitem"):
                widgets.append(Horizontal(Static(render.label("•"), classes="bullet"),
                                          Static(content, classes="body"), classes=kind))
            else:
                widgets.append(Static(content, classes=kind))
        with self.app.batch_update():
            self.query_children().remove()
            self.mount_all(widgets)

    @property
    def text(self) -> str:
        """What the summary says, as plain lines, a blank line wherever the screen leaves one."""
        lines = []
        for kind, content in self._parts:
            if kind in ("heading", "note"):
                lines.append("")
            lines.append(("  " if kind in ("item", "subitem") else "") + content.plain)
        return "\n".join(lines)


def summary_parts(summary: DaySummary, today: date) -> list[tuple[str, Content]]:
    """The summary as (kind, words): kinds are title, heading, line, item, subitem and note."""
    parts: list[tuple[str, Content]] = [("title", render.label("What the day came to", "bold $primary"))]

    parts.append(("heading", render.label("Today's sessions", "bold")))
    if summary.today:
        counts = ", ".join(f"{n} {status.words.tally}" for status, n in summary.tally())
        sessions = "1 session" if len(summary.today) == 1 else f"{len(summary.today)} sessions"
        parts.append(("line", render.label(f"{sessions}: {counts}.")))
    else:
        parts.append(("line", render.label("No sessions today.", "$foreground-muted")))
    if summary.still_unrecorded:
        parts.append(("line", render.label("Still to record:", "$text-warning")))
        parts += [("item", render.join(render.client_name(session.client, style="bold"), "  ",
                                       (render.moment(session.starts_at, today), "$foreground-muted")))
                  for session in summary.still_unrecorded]
    else:
        parts.append(("line", render.label("Every session is recorded.", "$foreground-muted")))

    parts.append(("heading", render.label("Who moved between groups", "bold")))
    if summary.moves:
        parts += [("item", render.join(
            render.client_name(move.client, style="bold"),
            (f" is now {move.after.group.singular}: ", render.GROUP_STYLES[move.after.group]),
            move.after.reason,
        )) for move in summary.moves]
    else:
        parts.append(("line", render.label("No one moved between groups today.", "$foreground-muted")))

    parts.append(("heading", render.label("Still with you, written today", "bold")))
    parts += _thought_parts(summary.lingering_today, summary, "Nothing written today is still lingering.")

    parts.append(("heading", render.label("Questions carried forward", "bold")))
    if summary.carried_forward:
        by_client: dict[int | None, list[Question]] = {}
        for question in summary.carried_forward:
            by_client.setdefault(question.client_id, []).append(question)
        for client_id, questions in by_client.items():
            parts.append(("line", _owner(client_id, summary)))
            parts += [("subitem", render.join(render.user_text(question.body, multiline=True),
                                              (f"  asked {render.day(question.asked_at, today)}", "$foreground-muted")))
                      for question in questions]
    else:
        parts.append(("line", render.label("No open questions for the clients reviewed.", "$foreground-muted")))

    parts.append(("heading", render.label("Things to tell them you remembered", "bold")))
    parts += _thought_parts(summary.to_tell, summary, "Nothing waiting to be told to the clients you saw today.")

    parts.append(("note", render.label("Escape returns to the dashboard; everything is already saved.",
                                       "italic $foreground-muted")))
    return parts


def _owner(client_id: int | None, summary: DaySummary) -> Content:
    client = summary.clients.get(client_id) if client_id is not None else None
    return render.client_name(client, style="bold") if client else render.label("My practice", "bold")


def _thought_parts(thoughts: list[Thought], summary: DaySummary, empty: str) -> list[tuple[str, Content]]:
    if not thoughts:
        return [("line", render.label(empty, "$foreground-muted"))]
    return [("item", render.join(_owner(t.client_id, summary), "  ", (t.kind.label, render.KIND_STYLES[t.kind]),
                                 "\n", render.user_text(t.body, multiline=True))) for t in thoughts]
