"""Preparing for supervision: choose the cases, write the questions, export the brief, record the meeting.

The left lists the cases (flagged, suggested with their reasons, everyone
else) to choose with space; the right shows what to bring about the
highlighted one. The cases chosen and the questions written are kept as a
planned meeting, made the first time anything is chosen or written; recording
the meeting turns that plan into the meeting held.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, OptionList, Static

from ... import supervision as sv
from ...drafts import Draft, DraftKind
from ...model import Client, SupervisionItem
from ...services import supervision as plans
from ...store import StoreError
from .. import render
from ..modals.base import open_to_save
from ..modals.confirm import Confirm
from ..modals.supervision_forms import BringInput, BringQuestionForm, SinceForm, SinceInput
from ..patient_write import write_patiently
from ..widgets.case_chooser import CaseChooser, CaseGroup, case_prompt
from ..widgets.case_material import material_content, window_line
from ..widgets.footer import WrappingFooter
from ..widgets.record_ids import stored_id
from .stale_handling import stale_question
from .supervision_meetings import MeetingActions

NARROW_BELOW = 110  # columns: below this the list narrows and the footer wraps
WIDE_LIST, NARROW_LIST = 52, 34  # the case list's width
SUPERVISION_INTRO = (
    "The cases worth bringing are on the left, suggested for a reason or chosen by you; the right shows "
    "what you have about the highlighted one since the last supervision, and what is still with you from "
    "before. Choose cases, write the question you want to bring, export the brief, and once the "
    "supervision is held, record it with its advice."
)


class SupervisionScreen(MeetingActions):
    DEFAULT_CSS = """
    SupervisionScreen #window { height: auto; padding: 0 1; background: $boost; }
    SupervisionScreen CaseChooser { width: WIDE_LIST; height: 1fr; }
    SupervisionScreen.-narrow CaseChooser { width: NARROW_LIST; }
    SupervisionScreen CaseChooser, SupervisionScreen #material {
        border: round $primary-background; background: $background;
    }
    SupervisionScreen CaseChooser:focus, SupervisionScreen #material:focus { border: round $primary; }
    SupervisionScreen #material { width: 1fr; height: 1fr; padding: 0 1; }
    """.replace("WIDE_LIST", str(WIDE_LIST)).replace("NARROW_LIST", str(NARROW_LIST))
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW_BELOW, "-wide")]

    BINDINGS = [
        # The case list has this key itself; here it reaches the list from the rest of the screen.
        Binding("space", "toggle_case", "Choose", key_display="␣",
                tooltip="Choose the highlighted case for supervision, or leave it out"),
        Binding("w", "write_question", "Question", tooltip="Write the question to bring about the highlighted case"),
        # o as in the day's-end review, where it says what became of the advice: the same question.
        Binding("o", "outcome", "Outcome", tooltip="Record whether last time's advice was tried and how it went"),
        Binding("x", "export", "Export", tooltip="Export the supervision brief (Markdown) to a file"),
        Binding("m", "record_meeting", "Meeting", tooltip="Record the supervision once held: date, notes, advice"),
        Binding("h", "since", "Since", show=False, tooltip="How far back: cover the time since another date"),
        Binding("escape", "back", "Back", tooltip="Back to the dashboard"),
    ]
    HELP_TITLE = "Preparing for supervision"
    HELP_INTRO = SUPERVISION_INTRO
    HELP_EXTRA_KEYS = [("↑ ↓", "Choose a case in the list"), ("tab", "Move between the list and the material")]

    def __init__(self, since: date | None = None, draft: Draft | None = None) -> None:
        """`draft`: text a form here held when caseload was stopped, to reopen that form with."""
        super().__init__()
        self.since = since
        self._draft = draft
        self._restoring: Draft | None = None
        self.handed_back: Draft | None = None  # a draft whose form could not open here (hand_back_draft)
        self.window: sv.Window | None = None
        self.candidates: list[sv.Candidate] = []
        self.others: list[Client] = []
        self.clients: dict[int, Client] = {}
        self.chosen: set[int] = set()
        self.questions: dict[int, str] = {}  # the plan's questions, by client id
        self.structure: dict[int, SupervisionItem] = {}  # the plan's items: tried, between us, need
        self.plan_version: int | None = None  # the plan's version as read (None: no plan), so a stale save is refused
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
        self.clients = {stored_id(c.id): c for c in clients}
        self.app.privacy.learn(clients)
        suggested = {stored_id(c.client.id) for c in self.candidates}
        self.others = [c for c in clients if c.id not in suggested]
        plan = sv.current_plan(meetings)
        self.plan_version = plan.version if plan else None
        self.questions = {item.client_id: item.question for item in plan.items} if plan else {}
        self.structure = {item.client_id: item for item in plan.items} if plan else {}
        self.chosen = {stored_id(c.client.id) for c in self.candidates if c.flagged} | set(self.questions)
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
        return [stored_id(c.client.id) for c in self.candidates] + [stored_id(c.id) for c in self.others]

    def chosen_in_order(self) -> list[int]:
        return [cid for cid in self._order() if cid in self.chosen]

    def _show_cases(self, first_time: bool) -> None:
        chooser = self.query_one(CaseChooser)
        self._shown_narrow = self._narrow
        flagged = [c for c in self.candidates if c.flagged]
        suggested = [c for c in self.candidates if not c.flagged]
        chooser.show_cases([
            CaseGroup("Flagged for supervision", [self._case_row(c.client, c.tags) for c in flagged]),
            CaseGroup("Suggested", [self._case_row(c.client, c.tags) for c in suggested]),
            CaseGroup("Everyone else", [self._case_row(c, []) for c in self.others], spaced=False),
        ], keep_highlight=not first_time)
        chooser.border_subtitle = f"{len(self.chosen)} chosen"
        self._show_window()
        self.show_material()

    def _case_row(self, client: Client, tags: list[str]) -> tuple[int, Content]:
        client_id = stored_id(client.id)
        width = (NARROW_LIST if self._narrow else WIDE_LIST) - 6
        return client_id, case_prompt(client, [t for t in tags if t != "flagged"], client_id in self.chosen,
                                      bool(self.questions.get(client_id, "").strip()), width)

    def _show_window(self) -> None:
        window = self.window
        if window is None:
            return
        written = sum(1 for cid in self.chosen if self.questions.get(cid, "").strip())
        self.query_one("#window", Static).update(window_line(window, len(self.chosen), written))

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

    def _open(self, form, then: Callable, kind: str | None = None, save=None, **context) -> None:
        """Open a form at once, in the key's own tick, so the keys typed with it land in it (modals/base.py
        open_to_save); it closes only once `save` (if given) has stored its result, then `then(result)`.
        With a kind, its text is kept as a draft if caseload is stopped."""
        if kind is not None:
            pending = self._restoring
            if pending is not None and pending.kind.value == kind:
                form.prefill = dict(pending.values)
                self._restoring = None
        open_to_save(self.app, form, kind, save, then, **context)

    def _restore(self, draft: Draft) -> None:
        """Reopen the form that was open when caseload was stopped, with what was written in it."""
        self._restoring = draft
        client_id = draft.number("client_id")
        if client_id is not None and client_id in self.clients:
            self.query_one(CaseChooser).highlight_case(client_id)
            self.show_material()
        reopen, needs_case = REOPEN.get(draft.kind, (None, False))
        if reopen is not None and (client_id in self.clients or not needs_case):
            reopen(self)
        else:
            self.call_later(self.hand_back_draft)

    def hand_back_draft(self) -> bool:
        """A draft being reopened whose form cannot open goes back to the dashboard, which keeps its
        text as a thought (dashboard_drafts.keep_as_thought); True if there was one."""
        draft, self._restoring = self._restoring, None
        if draft is not None:
            self.handed_back = draft
            self.dismiss()
        return draft is not None

    # ------------------------------------------------------------ choosing and the plan

    def _fail(self, problem: StoreError) -> None:
        self.app.notify(str(problem), title="Not saved", severity="error", markup=False, timeout=8)
        self.reload()

    def _plan_items(self) -> list[SupervisionItem]:
        """The chosen cases and their questions, as the plan keeps them."""
        kept = self.structure
        return [SupervisionItem(client_id=cid, question=self.questions.get(cid, ""),
                                tried=kept[cid].tried if cid in kept else "",
                                between_us=kept[cid].between_us if cid in kept else "",
                                need=kept[cid].need if cid in kept else None)
                for cid in self.chosen_in_order()]

    def _who(self, client_id: int, style: str = "bold") -> Content:
        client = self.clients.get(client_id)
        return render.client_name(client, style=style) if client else render.label("this client", style)

    def _highlighted_case(self, what: str) -> int | None:
        client_id = self.query_one(CaseChooser).current_id
        if client_id is None:
            self.app.notify(f"Highlight a case on the left first, then {what}.", markup=False)
        return client_id

    def action_toggle_case(self) -> None:
        """Space away from the case list: the list chooses (or leaves out) its highlighted case."""
        self.query_one(CaseChooser).action_toggle_case()

    @on(CaseChooser.CaseToggled)
    def _case_toggled(self, event: CaseChooser.CaseToggled) -> None:
        self._toggle_case(event.client_id)

    @work
    async def _toggle_case(self, client_id: int) -> None:
        client = self.clients[client_id]
        if client_id in self.chosen:
            if self.questions.get(client_id, "").strip():
                sure = await self.app.push_screen_wait(Confirm(render.join(
                    ("Leave ", "bold"), render.client_name(client, style="bold"),
                    (" out of this supervision? The question you wrote for them will be removed:\n\n", "bold"),
                    render.user_text(self.questions[client_id][:400], style="italic", multiline=True),
                ), yes="Leave out", no="Keep", deliberate=True))
                if not sure:
                    return
            self.chosen.discard(client_id)
            self.questions.pop(client_id, None)
            self.structure.pop(client_id, None)
            items, read = self._plan_items(), self.plan_version

            def left_out(unflagged: bool) -> None:
                self.app.notify("Left out of this supervision" + (", and no longer flagged." if unflagged else "."),
                                markup=False)
                self.reload()

            if not write_patiently(self, lambda: plans.leave_out_case(self.store, client_id, items, self.now.date(),
                                                                      read=read), left_out, self._fail):
                self.reload()  # another change still waits: shown as stored
        else:
            self.chosen.add(client_id)
            items, read = self._plan_items(), self.plan_version

            def chosen(_plan: object) -> None:
                self.app.notify("Chosen for supervision. Press w to write the question to bring.", markup=False)
                self.reload()

            if not write_patiently(self, lambda: plans.save_plan(self.store, items, self.now.date(), read=read),
                                   chosen, self._fail):
                self.reload()

    def action_write_question(self) -> None:
        client_id = self._highlighted_case("write the question to bring")
        if client_id is None:
            return
        before = self.structure.get(client_id)
        wrote: list[bool] = []

        def save(result: BringInput) -> None:
            """Keep the question in the plan (nothing is written when nothing changed)."""
            item = SupervisionItem(client_id=client_id, question=result.question, tried=result.tried,
                                   between_us=result.between_us, need=result.need)
            unchanged = before is not None and (before.question, before.tried, before.between_us, before.need) == (
                item.question, item.tried, item.between_us, item.need)
            if unchanged and client_id in self.chosen:
                return
            kept = dict(self.questions), dict(self.structure), set(self.chosen)
            self.questions[client_id], self.structure[client_id] = item.question, item
            self.chosen.add(client_id)
            try:
                plans.save_plan(self.store, self._plan_items(), self.now.date(), read=self.plan_version)
            except StoreError:
                self.questions, self.structure, self.chosen = kept  # as stored: the form keeps the text
                raise
            wrote.append(True)

        def saved(result: BringInput) -> None:
            if not wrote:
                return
            self.app.notify("Question saved for supervision." if result.question.strip() else "Question cleared.",
                            markup=False)
            self.reload()

        form = BringQuestionForm(self._who(client_id), self.questions.get(client_id, ""), item=before)
        form.stale = stale_question(self.store, client_id, render.join(("The question to bring about ", "bold"),
                                                                       self._who(client_id)),
                                    lambda: self.now, lambda: wrote.append(True), self.reload)
        self._open(form, saved, "supervision_question", save, client_id=client_id)

    def action_since(self) -> None:
        def chosen(result: SinceInput) -> None:
            self.since = result.since
            self.reload()

        self._open(SinceForm(self.now.date(), self.since), chosen)

    def action_back(self) -> None:
        self.dismiss()  # the dashboard, told by its callback, reads the caseload again


# Draft kinds reopened here (written by `_ask`): kind -> (the reopening method, needs its case in the list).
REOPEN: dict[DraftKind, tuple[Callable[[SupervisionScreen], object], bool]] = {
    DraftKind.SUPERVISION_QUESTION: (SupervisionScreen.action_write_question, True),
    DraftKind.SUPERVISION_MEETING: (SupervisionScreen.action_record_meeting, False),
    DraftKind.SUPERVISION_OUTCOME: (SupervisionScreen.action_outcome, True),
}
