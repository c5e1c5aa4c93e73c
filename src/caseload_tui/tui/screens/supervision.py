"""Preparing for supervision: choose the cases, write the questions, export the brief, record the meeting.

The left lists the cases (flagged, suggested with their reasons, everyone
else) to choose with space; the right shows what to bring about the
highlighted one. The cases chosen and the questions written are kept as a
planned meeting, made the first time anything is chosen or written; recording
the meeting turns that plan into the meeting held.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ... import supervision as sv
from ...model import Client, SupervisionItem
from ...services import supervision as plans
from ...store import StoreError
from .. import render
from ..modals.confirm import Confirm
from ..modals.supervision_forms import BringQuestionForm, ExportForm, MeetingForm, OutcomeForm, SinceForm
from ..widgets.footer import WrappingFooter
from .app_access import CaseloadScreen

NARROW_BELOW = 110  # columns: below this the list narrows and the footer wraps
WIDE_LIST, NARROW_LIST = 52, 34  # the case list's width


class CaseChooser(OptionList):
    """The cases, each with a box to tick; space (or enter) chooses or leaves out the highlighted one."""

    BORDER_TITLE = "Cases to bring"
    BINDINGS = [Binding("enter", "toggle", "Choose", show=False)]

    def action_toggle(self) -> None:
        self.screen.run_action("toggle_case")

    @property
    def current_id(self) -> int | None:
        option = self.highlighted_option
        if option is None or not option.id or not option.id.startswith("client:"):
            return None
        return int(option.id.split(":", 1)[1])


class SupervisionScreen(CaseloadScreen):
    DEFAULT_CSS = """
    SupervisionScreen #window { height: auto; padding: 0 1; background: $boost; }
    SupervisionScreen CaseChooser { width: %d; height: 1fr; }
    SupervisionScreen.-narrow CaseChooser { width: %d; }
    SupervisionScreen CaseChooser, SupervisionScreen #material {
        border: round $primary-background; background: $background;
    }
    SupervisionScreen CaseChooser:focus, SupervisionScreen #material:focus { border: round $primary; }
    SupervisionScreen #material { width: 1fr; height: 1fr; padding: 0 1; }
    """ % (WIDE_LIST, NARROW_LIST)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]

    BINDINGS = [
        Binding("space", "toggle_case", "Choose", key_display="␣", tooltip="Choose the highlighted case for supervision, or leave it out"),
        Binding("w", "write_question", "Question", tooltip="Write the question to bring about the highlighted case"),
        Binding("o", "outcome", "Outcome", tooltip="Record whether last time's advice was tried and how it went"),
        Binding("s", "since", "Since", tooltip="Cover the time since another date"),
        Binding("x", "export", "Export", tooltip="Export the supervision brief (Markdown) to a file"),
        Binding("m", "record_meeting", "Meeting", tooltip="Record the supervision once held: date, notes, advice"),
        Binding("p", "app.toggle_privacy", "Privacy", tooltip="Privacy mode: show clients only by their codes"),
        Binding("ctrl+l", "app.blank", "Blank", tooltip="Blank the screen at once"),
        Binding("escape", "back", "Back", tooltip="Back to the dashboard"),
    ]

    def __init__(self, since: date | None = None, draft: dict | None = None) -> None:
        """`draft`: text a form here held when caseload was stopped, to reopen that form with."""
        super().__init__()
        self.since = since
        self._draft = draft
        self._restoring: dict | None = None
        self.window: sv.Window | None = None
        self.candidates: list[sv.Candidate] = []
        self.others: list[Client] = []
        self.clients: dict[int, Client] = {}
        self.chosen: set[int] = set()
        self.questions: dict[int, str] = {}  # the plan's questions, by client id
        self.case: sv.CaseMaterial | None = None
        self.loaded = False
        self._shown_narrow = False

    # ------------------------------------------------------------ layout and loading

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield Static("", id="window")
        with Horizontal():
            yield CaseChooser(id="cases")
            with VerticalScroll(id="material"):
                yield Static("", id="material-text")
        yield WrappingFooter(compact=True)

    @property
    def _narrow(self) -> bool:
        return self.size.width < NARROW_BELOW

    def on_resize(self) -> None:
        if self.loaded and self._narrow != self._shown_narrow:
            self.redraw()

    def on_mount(self) -> None:
        self.follow_privacy_mode(self.redraw)
        self.title = "Supervision" + (" · demo" if self.app.demo else "")
        self.query_one("#material", VerticalScroll).border_title = "What to bring"
        self.query_one(CaseChooser).focus()
        self.reload()
        if self._draft is not None:
            self._restore(self._draft)
            self._draft = None

    def reload(self) -> None:
        """Read the window, the cases and the plan again, keeping the highlighted case."""
        now = self.now
        try:
            meetings = self.store.meetings()
            self.window = sv.make_window(meetings, now.date(), self.since)
            self.candidates = sv.candidates(self.store, now, self.window, self.thresholds)
            clients = self.store.clients()
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
            return
        self.clients = {c.id: c for c in clients}
        self.app.privacy.learn(clients)
        suggested = {c.client.id for c in self.candidates}
        self.others = [c for c in clients if c.id not in suggested]
        plan = sv.current_plan(meetings)
        self.questions = {item.client_id: item.question for item in plan.items} if plan else {}
        self.chosen = {c.client.id for c in self.candidates if c.flagged} | set(self.questions)
        first_time = not self.loaded
        self.loaded = True
        self._show_cases(first_time)

    def redraw(self) -> None:
        """Render again from what is already read (after privacy mode changes)."""
        if self.loaded:
            self._show_cases(False)

    # ------------------------------------------------------------ showing

    def _order(self) -> list[int]:
        """Every case in the order the list (and the brief) shows them."""
        return [c.client.id for c in self.candidates] + [c.id for c in self.others]

    def chosen_in_order(self) -> list[int]:
        return [cid for cid in self._order() if cid in self.chosen]

    def _show_cases(self, first_time: bool) -> None:
        chooser = self.query_one(CaseChooser)
        self._shown_narrow = self._narrow
        keep = chooser.highlighted_option.id if chooser.highlighted_option else None
        flagged = [c for c in self.candidates if c.flagged]
        suggested = [c for c in self.candidates if not c.flagged]
        options: list[Option | None] = []
        for title, cases in (("Flagged for supervision", flagged), ("Suggested", suggested)):
            if cases:
                options.append(_heading(f"{title} ({len(cases)})"))
                for case in cases:
                    tags = [t for t in case.tags if t != "flagged"]
                    options += [Option(self._case_prompt(case.client, tags), id=f"client:{case.client.id}"), None]
        if self.others:
            options.append(_heading(f"Everyone else ({len(self.others)})"))
            options += [Option(self._case_prompt(c, []), id=f"client:{c.id}") for c in self.others]
        if not options:
            options = [Option(render.label("The caseload is empty: add clients on the dashboard first.",
                                           "italic $foreground-muted"), disabled=True)]
        with chooser.prevent(OptionList.OptionHighlighted):
            chooser.set_options(_trim(options))
            target = keep if keep and not first_time else None
            try:
                chooser.highlighted = chooser.get_option_index(target) if target else _first_case(chooser)
            except Exception:  # noqa: BLE001 - the kept case is gone
                chooser.highlighted = _first_case(chooser)
        chooser.border_subtitle = f"{len(self.chosen)} chosen"
        self._show_window()
        self.show_material()

    def _case_prompt(self, client: Client, tags: list[str]) -> Content:
        chosen = client.id in self.chosen
        mark = ("☑ ", "bold $text-success") if chosen else ("☐ ", "$foreground-muted")
        first = render.join(mark, render.client_name(client, style="bold"))
        if not client.active:
            first = render.join(first, ("  graduate", "$foreground-muted"))
        if self.questions.get(client.id, "").strip():
            first = render.join(first, ("  ? question written", "$text-accent"))
        if not tags:
            return first
        # Packed by hand so a long list of reasons wraps under itself, not under the box.
        width = (NARROW_LIST if self._narrow else WIDE_LIST) - 6
        lines, line = [], ""
        for tag in tags:
            joined = f"{line} · {tag}" if line else tag
            if line and len(joined) > width:
                lines.append(line)
                joined = tag
            line = joined
        lines.append(line)
        return render.join(first, *(("\n  " + text, "$foreground-muted") for text in lines))

    def _show_window(self) -> None:
        window = self.window
        if window is None:
            return
        chosen = len(self.chosen)
        written = sum(1 for cid in self.chosen if self.questions.get(cid, "").strip())
        self.query_one("#window", Static).update(render.join(
            ("Supervision  ", "bold"),
            window.describe(),
            (f"  {chosen} {'case' if chosen == 1 else 'cases'} chosen, {written} with a question.", "$foreground-muted"),
            ("  s: another start date", "$foreground-muted"),
        ))

    @on(OptionList.OptionHighlighted, "#cases")
    def _highlighted(self) -> None:
        self.show_material()

    def show_material(self) -> None:
        client_id = self.query_one(CaseChooser).current_id
        text = self.query_one("#material-text", Static)
        if client_id is None or self.window is None:
            self.case = None
            text.update(render.label("Choose a case on the left to see what to bring.", "italic $foreground-muted"))
            return
        try:
            self.case = sv.material(self.store, client_id, self.now, self.window, self.thresholds)
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
            return
        text.update(material_content(self.case, self.window, self.now, client_id in self.chosen))
        self.query_one("#material", VerticalScroll).scroll_home(animate=False)

    # ------------------------------------------------------------ forms and drafts

    async def _ask(self, form, kind: str | None = None, **context):
        """Open a form and wait; with a kind, its text is kept as a draft if caseload is stopped."""
        if kind is not None:
            form.draft_kind, form.draft_context = kind, context
            pending = self._restoring
            if pending and pending.get("kind") == kind:
                form.prefill = pending.get("values")
                self._restoring = None
        return await self.app.push_screen_wait(form)

    def _restore(self, draft: dict) -> None:
        """Reopen the form that was open when caseload was stopped, with what was written in it."""
        self._restoring = draft
        client_id = (draft.get("context") or {}).get("client_id")
        chooser = self.query_one(CaseChooser)
        if client_id in self.clients:
            with chooser.prevent(OptionList.OptionHighlighted):
                chooser.highlighted = chooser.get_option_index(f"client:{client_id}")
            self.show_material()
        kind = draft.get("kind")
        if kind == "supervision_question" and client_id in self.clients:
            self.action_write_question()
        elif kind == "supervision_meeting":
            self.action_record_meeting()
        elif kind == "supervision_outcome" and client_id in self.clients:
            self.action_outcome()

    # ------------------------------------------------------------ choosing and the plan

    def _fail(self, problem: StoreError) -> None:
        self.app.notify(str(problem), title="Not saved", severity="error", markup=False, timeout=8)
        self.reload()

    def _plan_items(self) -> list[SupervisionItem]:
        """The chosen cases and their questions, as the plan keeps them."""
        return [SupervisionItem(client_id=cid, question=self.questions.get(cid, ""))
                for cid in self.chosen_in_order()]

    def _save_plan(self) -> bool:
        """Keep the chosen cases and their questions as the planned meeting (made the first time)."""
        try:
            plans.save_plan(self.store, self._plan_items(), self.now.date())
        except StoreError as problem:
            self._fail(problem)
            return False
        return True

    def _who(self, client_id: int, style: str = "bold") -> Content:
        client = self.clients.get(client_id)
        return render.client_name(client, style=style) if client else render.label("this client", style)

    def _highlighted_case(self, what: str) -> int | None:
        client_id = self.query_one(CaseChooser).current_id
        if client_id is None:
            self.app.notify(f"Highlight a case on the left first, then {what}.", markup=False)
        return client_id

    @work
    async def action_toggle_case(self) -> None:
        client_id = self._highlighted_case("press space to choose it")
        if client_id is None:
            return
        client = self.clients[client_id]
        if client_id in self.chosen:
            if self.questions.get(client_id, "").strip():
                sure = await self.app.push_screen_wait(Confirm(render.join(
                    ("Leave ", "bold"), render.client_name(client, style="bold"),
                    (" out of this supervision? The question you wrote for them will be removed:\n\n", "bold"),
                    render.user_text(self.questions[client_id][:400], style="italic", multiline=True),
                ), yes="Leave out", no="Keep"))
                if not sure:
                    return
            self.chosen.discard(client_id)
            self.questions.pop(client_id, None)
            try:
                unflagged = plans.leave_out_case(self.store, client_id, self._plan_items(), self.now.date())
            except StoreError as problem:
                self._fail(problem)
                return
            self.app.notify("Left out of this supervision" + (", and no longer flagged." if unflagged else "."),
                            markup=False)
        else:
            self.chosen.add(client_id)
            if self._save_plan():
                self.app.notify("Chosen for supervision. Press w to write the question to bring.", markup=False)
        self.reload()

    @work
    async def action_write_question(self) -> None:
        client_id = self._highlighted_case("write the question to bring")
        if client_id is None:
            return
        question = await self._ask(BringQuestionForm(self._who(client_id), self.questions.get(client_id, "")),
                                   "supervision_question", client_id=client_id)
        if question is None or (question == self.questions.get(client_id, "") and client_id in self.chosen):
            return
        self.questions[client_id] = question
        self.chosen.add(client_id)
        if self._save_plan():
            self.app.notify("Question saved for supervision." if question.strip() else "Question cleared.",
                            markup=False)
        self.reload()

    @work
    async def action_since(self) -> None:
        today = self.now.date()
        result = await self._ask(SinceForm(today, self.since))
        if result is None:
            return
        self.since = result.since
        self.reload()

    # ------------------------------------------------------------ the brief

    def default_brief_path(self) -> Path:
        name = f"supervision-brief-{self.now.date().isoformat()}.md"
        home = Path.home()
        return (home if home.is_dir() else Path.cwd()) / name

    @work
    async def action_export(self) -> None:
        chosen = self.chosen_in_order()
        if not chosen:
            self.app.notify("Choose at least one case first (space on a case).", markup=False)
            return
        result = await self._ask(ExportForm(self.default_brief_path()))
        if result is None:
            return
        if result.path.exists():
            sure = await self.app.push_screen_wait(Confirm(render.join(
                ("Replace the file that is already there?\n\n", "bold"), render.user_text(str(result.path))),
                yes="Replace", no="Keep it"))
            if not sure:
                return
        from ...brief import build_brief
        from ...private_files import write_private as _write_private

        try:
            text = build_brief(sv.prepare(self.store, self.now, chosen, self.since, self.thresholds),
                               redact=result.redact)
            _write_private(result.path, text)
        except StoreError as problem:
            self.app.notify(str(problem), title="Not exported", severity="error", markup=False)
            return
        except OSError as problem:
            self.app.notify(f"{result.path} could not be written ({problem.strerror}).", title="Not exported",
                            severity="error", markup=False, timeout=8)
            return
        kind = "redacted brief" if result.redact else "brief (with names)"
        self.app.notify(f"Wrote the {kind} to {result.path}. Only you can read it.", markup=False, timeout=8)

    # ------------------------------------------------------------ after the meeting

    @work
    async def action_record_meeting(self) -> None:
        chosen = self.chosen_in_order()
        cases = [(cid, self._who(cid), self.questions.get(cid, "")) for cid in chosen]
        result = await self._ask(MeetingForm(self.now.date(), cases), "supervision_meeting")
        if result is None:
            return
        items = [SupervisionItem(client_id=cid, question=self.questions.get(cid, ""),
                                 advice=result.advice.get(cid, "")) for cid in chosen]
        try:
            plans.record_meeting(self.store, result.held_on, result.notes, items, unflag=result.unflag)
        except StoreError as problem:
            self._fail(problem)
            return
        self.since = None
        self.app.notify(f"Supervision of {sv.short_day(result.held_on, self.now.date())} recorded. "
                        "Its advice will show here next time, to follow through.", markup=False, timeout=8)
        self.reload()

    @work
    async def action_outcome(self) -> None:
        client_id = self._highlighted_case("record how the advice went")
        if client_id is None:
            return
        follow = self.case.advice if self.case is not None and self.case.client.id == client_id else None
        if follow is None:
            self.app.notify("No advice from an earlier supervision is recorded for this case.", markup=False)
            return
        outcome = await self._ask(
            OutcomeForm(self._who(client_id), follow.item, sv.short_day(follow.held_on, self.now.date())),
            "supervision_outcome", client_id=client_id, item_id=follow.item.id)
        if outcome is None or outcome == follow.item.outcome:
            return
        try:
            self.store.set_item_outcome(follow.item.id, outcome)
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Saved how the advice went.", markup=False)
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()


# ---------------------------------------------------------------- pieces


def _heading(text: str) -> Option:
    return Option(render.label(text, "bold $text-primary"), disabled=True)


def _trim(options: list[Option | None]) -> list[Option | None]:
    """No separator right before a heading or at the end."""
    out: list[Option | None] = []
    for option in options:
        if option is not None and option.disabled and out and out[-1] is None:
            out.pop()
        out.append(option)
    while out and out[-1] is None:
        out.pop()
    return out


def _first_case(chooser: CaseChooser) -> int | None:
    for index, option in enumerate(chooser.options):
        if not option.disabled:
            return index
    return None


def material_content(case: sv.CaseMaterial, window: sv.Window, now: datetime, chosen: bool) -> Content:
    """What to bring about one case, in the order it will be talked about."""
    client, today = case.client, now.date()
    group_style = f"bold {render.GROUP_STYLES[case.placement.group]}"
    lines: list[Content] = [
        render.join(
            render.client_name(client, style="bold"),
            "  ",
            render.user_line("" if render.privacy().on else client.code, style="$foreground-muted"),
            ("   ☑ chosen" if chosen else "   ☐ not chosen (space to choose)",
             "$text-success" if chosen else "$foreground-muted"),
        ),
        render.join((f"{case.placement.group.one}: ", group_style), case.placement.reason),
        render.label(""),
        render.label("The question to bring", "bold"),
    ]
    if case.question.strip():
        lines.append(render.user_text(case.question, multiline=True))
    else:
        lines.append(render.label("Not written yet. Press w to write it.", "italic $foreground-muted"))
    lines += [render.label(""), render.label("Why it might go to supervision", "bold")]
    lines += [render.join(("• ", "$foreground-muted"), reason) for reason in case.reasons]
    lines += [render.label("")]
    follow = case.advice
    if follow is None:
        lines.append(render.join(("Last time  ", "bold"),
                                 ("no earlier advice recorded for this case", "$foreground-muted")))
    else:
        item = follow.item
        lines.append(render.join(("Last time  ", "bold"),
                                 (f"supervision on {sv.short_day(follow.held_on, today)}", "$foreground-muted")))
        if item.question.strip():
            lines.append(render.join(("I asked: ", "$foreground-muted"), render.user_text(item.question, multiline=True)))
        if item.advice.strip():
            lines.append(render.join(("Advised: ", "$foreground-muted"), render.user_text(item.advice, multiline=True)))
        if item.outcome.strip():
            lines.append(render.join(("How it went: ", "$foreground-muted"),
                                     render.user_text(item.outcome, multiline=True),
                                     ("  (o to change)", "$foreground-muted")))
        else:
            lines.append(render.join(("How it went: ", "$foreground-muted"),
                                     ("not recorded yet. Press o to record whether it was tried and how it went.",
                                      "$text-warning")))
    lines += [render.label(""), render.label("Attendance", "bold")]
    lines.append(render.join(render.strip(case.summary.strip), ("  oldest to newest", "$foreground-muted")))
    if case.summary.next_expected is not None:
        lines.append(render.label(f"Next session expected {render.moment(case.summary.next_expected, today)}",
                                  "$foreground-muted"))
    lines += [render.label(""),
              render.join((f"Still with me, {window.since_words()}", "bold"),
                          (f"  ({len(case.thoughts)})", "$foreground-muted"))]
    if not case.thoughts:
        lines.append(render.label(f"Nothing new still lingering {window.since_words()}.", "italic $foreground-muted"))
    for thought in case.thoughts:
        lines.append(render.join((render.day(thought.written_at, today), "$foreground-muted"), "  ",
                                 (thought.kind.label, render.KIND_STYLES[thought.kind])))
        lines.append(render.user_text(thought.body, multiline=True))
    lines += [render.label(""),
              render.join(("Follow-up questions still open", "bold"),
                          (f"  ({len(case.open_questions)})", "$foreground-muted"))]
    if not case.open_questions:
        lines.append(render.label("None open.", "italic $foreground-muted"))
    for question in case.open_questions:
        lines.append(render.join((f"asked {render.day(question.asked_at, today)}  ", "$foreground-muted"),
                                 render.user_text(question.body, multiline=True)))
    return Content("\n").join(lines)
