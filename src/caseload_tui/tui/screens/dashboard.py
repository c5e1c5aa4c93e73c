"""The dashboard: the caseload on the left, the selected case (or group) on the right.

The screen coordinates: it reads from the store, tells the list and panes
what to show (method calls down), and hears what the user highlighted
(messages up). What each key does lives in the action classes it derives from:
dashboard_notes (thoughts, questions), dashboard_clients (clients, attendance,
endings), dashboard_moments (review, supervision, import, search), and
dashboard_drafts (reopening a draft through them).
"""

from __future__ import annotations

import gc
from datetime import timedelta
from typing import TYPE_CHECKING

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header

from ...caseload_groups import CaseloadGroups
from ...model import CAME, ClientRecord, Group
from ...rules import coming_up, summarise
from ...store import StoreError
from .. import render
from ..widgets.arc_pane import ArcPane
from ..widgets.case_header import CaseHeader
from ..widgets.caseload_list import CaseloadList, Shown
from ..widgets.footer import WrappingFooter
from ..widgets.notes_panes import QuestionsPane, ThoughtsPane
from .dashboard_base import Pane
from .dashboard_drafts import DraftReopening

if TYPE_CHECKING:
    from .help import HelpSection

GROUP_PANE_LIMIT = 300  # a group's view lists at most this many notes; the newest first
# Up to this many clients the caseload is read before the first frame, which is then the populated one: the
# groups are counted in SQL and only the rows drawn are read (at 10,000 clients, L, about a tenth of a second,
# less than the worker's frame, its wait for the GIL and its second frame cost). A larger one is read in a
# worker behind a "Reading your caseload…" frame.
READ_BEFORE_FIRST_FRAME = 20_000
BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # the screen's class at each width (HORIZONTAL_BREAKPOINTS)


class DashboardScreen(DraftReopening):
    DEFAULT_CSS = """
    DashboardScreen #detail { width: 1fr; }
    DashboardScreen ThoughtsPane { height: 3fr; }
    DashboardScreen QuestionsPane, DashboardScreen ArcPane { height: 2fr; }
    DashboardScreen ArcPane { display: none; }
    DashboardScreen.-graduate ArcPane { display: block; }
    DashboardScreen.-graduate QuestionsPane { display: none; }
    DashboardScreen CaseloadList, DashboardScreen ThoughtsPane, DashboardScreen QuestionsPane,
    DashboardScreen ArcPane {
        border: round $primary-background; background: $background;
        border-title-color: $foreground-muted; border-subtitle-color: $foreground-muted;
    }
    DashboardScreen CaseloadList:focus, DashboardScreen ThoughtsPane:focus,
    DashboardScreen QuestionsPane:focus, DashboardScreen ArcPane:focus { border: round $primary; }
    DashboardScreen.-narrow CaseloadList { width: 36; }  /* wider for longer names: CaseloadList.show */
    DashboardScreen.-narrow CaseHeader { height: 8; }
    """
    HORIZONTAL_BREAKPOINTS = BREAKPOINTS

    # The footer shows the everyday keys (show=True) and, for a former client, News; every key is in help (?)
    # and the command palette. Privacy, blank, help and quit are every screen's (app_access.CaseloadScreen).
    BINDINGS = [
        Binding("t", "new_thought", "Thought", tooltip="Write a lingering thought"),
        Binding("f", "new_question", "Question", tooltip="Note a follow-up question"),
        Binding("a", "attendance", "Attend", tooltip="Record what happened at a session"),
        Binding("r", "answer", "Answer", tooltip="Answer the highlighted question, or drop it"),
        Binding("n", "news", "News", tooltip="Log news of a graduate, or a chance meeting"),
        Binding("slash", "search", "Search", key_display="/", tooltip="Search thoughts, questions and news"),
        Binding("R", "review", "Review", tooltip="Day's end review: today's sessions, one client at a time"),
        Binding("S", "supervision", "Supervise", tooltip="Prepare for supervision, export the brief, record it"),
        Binding("g", "toggle_lingering", "Let go", show=False,
                tooltip="Let the highlighted thought go, or bring it back"),
        Binding("e", "edit", "Edit", show=False, tooltip="Edit the highlighted thought, question or client"),
        Binding("d,delete", "delete", "Delete", show=False, tooltip="Delete the highlighted thought or question"),
        Binding("c", "new_client", "Client+", show=False, tooltip="Add a client"),
        Binding("b", "toggle_flag", "Flag", show=False,
                tooltip="Flag the case for supervision, or on a thought, that thought"),
        Binding("exclamation_mark", "safety", "Safety", key_display="!", show=False,
                tooltip="Mark the highlighted thought or question as a safety concern, or mark it resolved"),
        Binding("D", "new_date", "Date", show=False,
                tooltip="Add a date that matters to the client (or a break of mine)"),
        Binding("T", "before_session", "Today", show=False,
                tooltip="Before the session: who is due today and what to bring in"),
        Binding("B", "card", "Before", show=False, tooltip="Before they walk in: the selected client's card"),
        Binding("M", "mind", "Mind", show=False, tooltip="Mind and room: who takes up my mind, who comes to the room"),
        Binding("P", "patterns", "Patterns", show=False,
                tooltip="Patterns in me: my own responses, grouped by feeling"),
        Binding("G", "graduate", "End the work", show=False,
                tooltip="End the work with this client (or bring a graduate back)"),
        Binding("i", "import_file", "Import", show=False,
                tooltip="Bring in a calendar, an appointment report or a caseload file"),
        Binding("z", "zoom", "Zoom", show=False, tooltip="Make the focused pane fill the screen, or shrink it back"),
        # Where one of these keys does not apply (see `why_not`), its key says why instead of doing nothing.
        *(Binding(key, f"explain('{action}')", show=False) for key, action in (
            ("r", "answer"), ("n", "news"), ("g", "toggle_lingering"), ("d", "delete"), ("delete", "delete"),
            ("exclamation_mark", "safety"))),
    ]
    HELP_EXTRA_KEYS = [("tab", "Move between the list and the panes")]

    def __init__(self) -> None:
        super().__init__()
        self.loaded = False
        self._data_version: int | None = None

    # ------------------------------------------------------------ layout and loading

    def compose(self) -> ComposeResult:
        # The width's class before the first styling: set at the first resize, as Textual does, it would
        # style every widget a second time before the first frame.
        at = next(name for least, name in sorted(BREAKPOINTS, reverse=True) if self.app.size.width >= least)
        self.update_classes({name: name == at for _, name in BREAKPOINTS}, update=False)
        yield Header(show_clock=False, icon="◆")
        with Horizontal():
            yield CaseloadList(id="caseload", on_case=self.show_selection)
            with Vertical(id="detail"):
                yield CaseHeader(id="case-header")
                yield ThoughtsPane(id="thoughts")
                yield QuestionsPane(id="questions")
                yield ArcPane(id="arc")
        yield WrappingFooter(compact=True)

    _resumed = False

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Before Textual's handler. The first (the app's start): all was styled as mounted, a moment ago."""
        event.refresh_styles, self._resumed = self._resumed and event.refresh_styles, True

    def on_mount(self) -> None:
        self.follow_privacy_mode(self.redraw)
        self.title = "caseload" + (" · demo" if self.app.demo else "")
        self.query_one(CaseloadList).focus()
        self.set_interval(2.0, self._watch_other_windows)
        try:
            read = self._read_caseload() if self.store.client_count() <= READ_BEFORE_FIRST_FRAME else None
        except StoreError:
            read = None  # the worker reads it again, and says what is wrong
        if read is not None:
            self._populate(*read)
            return
        self.query_one(CaseHeader).show_message("Reading your caseload…", "")
        self.load_caseload()

    def _read_caseload(self) -> tuple[CaseloadGroups, int, int]:
        """Everything the dashboard shows first: the groups, the practice's thoughts, the file's version."""
        return (CaseloadGroups(self.store, self.now, self.app.settings.thresholds), self.store.practice_thought_count(),
                self.store.data_version())

    @work(thread=True, exclusive=True, group="load")
    def load_caseload(self) -> None:
        """Read everything off the UI thread (a large caseload at start, and every reload)."""
        try:
            read = self._read_caseload()
        except StoreError as problem:
            self.app.call_from_thread(self.app.notify, str(problem), severity="error", markup=False)
            return
        self.app.call_from_thread(self._populate, *read)

    def _populate(self, groups: CaseloadGroups, practice: int, version: int) -> None:
        self.caseload = groups
        self._regroup(practice)
        self._data_version = version
        first_time = not self.loaded
        self.loaded = True
        self.app.privacy.learn(groups.clients)  # read when privacy mode is first turned on
        caseload = self.query_one(CaseloadList)
        if first_time:
            first = groups.first()
            if first is not None:
                caseload.select_client(first)
            else:
                caseload.select_practice()
        self.show_selection()
        if first_time and self.app.day_start is not None:
            self.app.day_start(groups.now, groups.groups())  # kept as the day's start, if it is the day's first
        if first_time:
            # What is read at start lives as long as the app: keep the collector from re-walking it.
            gc.freeze()
            for warning in getattr(self.store, "warnings", []):
                self.app.notify(warning, title="Please note", severity="warning", markup=False, timeout=15)
            self._tell_what_the_check_found()
        if first_time and (draft := self.app.take_draft()):
            self.restore_draft(draft)

    def _regroup(self, practice: int | None = None) -> None:
        groups = self.caseload
        if groups is None:
            return
        if practice is None:
            practice = self.store.practice_thought_count()
        self.query_one(CaseloadList).show(Shown(groups.members, groups.record_if_there, groups.clients,
                                                groups.longest(render.privacy().on), groups.now, practice))

    def regroup(self) -> None:
        self._regroup()

    def redraw(self) -> None:
        """Render everything again from what is already read (after privacy mode changes)."""
        if self.loaded:
            self._regroup()
            self.show_selection()

    def reload(self) -> None:
        """Everything again, keeping the selection: after another window changed the file."""
        self.load_caseload()

    def _watch_other_windows(self) -> None:
        self._tell_what_the_check_found()
        try:
            version = self.store.data_version()
        except StoreError:
            return
        if self._data_version is not None and version != self._data_version:
            self._data_version = version
            self.reload()

    def _tell_what_the_check_found(self) -> None:
        """The file's full check runs while the dashboard starts (Store.open): damage it found (every
        write is then refused with the same words), or the day's backup not made after it."""
        for news in self.store.check_news():
            damage = news == self.store.damage
            self.app.notify(news, title="Your caseload is damaged" if damage else "Please note",
                            severity="error" if damage else "warning", markup=False, timeout=60 if damage else 15)

    # ------------------------------------------------------------ showing the selection

    def show_selection(self, only: Pane | None = None) -> None:
        """The header and both panes for the highlighted row; or `only` that pane, after a change to its notes."""
        case = self.query_one(CaseloadList).case
        value = case.client_id
        header = self.query_one(CaseHeader) if only is None else None
        thoughts = self.query_one(ThoughtsPane) if only in (None, "thoughts") else None
        questions = self.query_one(QuestionsPane) if only in (None, "questions") else None
        today = self.now.date()
        graduate = value is not None and value in self.records and not self.records[value].client.active
        self.set_class(graduate, "-graduate")
        try:
            if value is not None and value in self.records:
                record = self.records[value]
                if header is not None:
                    now = self.now
                    summary = summarise(record, now, self.app.settings.thresholds)
                    window = timedelta(weeks=self.app.settings.thresholds.window_weeks)
                    header.show_client(record, self.placements[value], summary, now,
                                       self.store.recent_misses(value, now, now - window, limit=2),
                                       self.store.open_concerns([value]), coming_up(self.store.dates([value]), today),
                                       earlier=[] if graduate else self.store.episodes(value)[:-1])
                if thoughts is not None:
                    thoughts.show(self.store.thoughts([value]), today)
                if questions is not None and graduate:
                    attended = sum(1 for a in self.store.appointments(value) if a.status in CAME)
                    self.query_one(ArcPane).show(record.client, self.store.episodes(value), attended,
                                                 self.store.encounters(value),
                                                 self.store.questions([value], open_only=True), today)
                elif questions is not None:
                    questions.show(self.store.questions([value]), today)
            elif (group := case.group) is not None and self.caseload is not None:
                ids = self.caseload.members[group]
                clients = self.caseload.clients_of(ids)
                if header is not None:
                    header.show_group(group, len(ids))
                if thoughts is not None:
                    thoughts.show(self.store.thoughts(ids, lingering_only=True, limit=GROUP_PANE_LIMIT), today,
                                  clients, empty="Nothing still lingering about this group.")
                if questions is not None:
                    questions.show(self.store.questions(ids, open_only=True, limit=GROUP_PANE_LIMIT), today,
                                   clients, empty="No open questions across this group.")
            elif case.practice:
                if header is not None:
                    header.show_practice(0)
                if thoughts is not None:
                    thoughts.show(self.store.practice_thoughts(), today,
                                  empty="Nothing yet. Press t to write a thought about your own practice.")
                if questions is not None:
                    questions.show(self.store.questions([], open_only=False), today,
                                   empty="Questions belong to clients; choose one on the left.")
            elif only is None:
                self._show_empty()
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
        if not self.records and self.loaded:
            self._show_empty()
        self.refresh_bindings()  # the footer follows the selection (News only for a former client)

    def _show_empty(self) -> None:
        self.query_one(CaseHeader).show_message(
            "Welcome. Your caseload is empty.",
            "Press c to add your first client. To look around first, quit (q) and run "
            "`caseload --demo`: a made-up caseload that never touches yours.",
        )

    def selected_client(self) -> ClientRecord | None:
        client_id_ = self.query_one(CaseloadList).case.client_id
        return self.records.get(client_id_) if client_id_ is not None else None

    def refresh_client(self, client_id_: int, only: Pane | None = None) -> None:
        """After a save: redraw that client's row, and the header and panes (or `only` the pane whose notes
        changed); regroup only if they moved, and teach privacy mode their name only if it changed."""
        now = self.now
        try:
            record = self.store.record(client_id_, now)
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
            return
        groups = self.caseload
        if groups is None:
            return
        known = groups.records[client_id_] if client_id_ in groups else None
        renamed = known is None or (known.client.name, known.client.code) != (record.client.name, record.client.code)
        moved = groups.update(record, now)
        if moved or renamed:
            self._regroup()
        else:
            self.query_one(CaseloadList).update_row(record, now)
        if renamed:
            self.app.privacy.learn(groups.clients)
        self._data_version = self.store.data_version()
        self.show_selection(None if moved or renamed else only)

    def select_client(self, client_id_: int) -> None:
        if self.query_one(CaseloadList).select_client(client_id_):
            self.show_selection()

    def select_group(self, group: Group) -> None:
        self.query_one(CaseloadList).select_group(group)
        self.show_selection()

    def select_practice(self) -> None:
        self.query_one(CaseloadList).select_practice()
        self.show_selection()

    # ------------------------------------------------------------ hooks: the footer, and what the panes say

    def why_not(self, action: str) -> str | None:
        """Why a key does not apply to what is selected or focused now, or None if it does."""
        focused = self.focused
        if action == "answer" and not isinstance(focused, QuestionsPane):
            return "To answer a question, highlight it under Questions first (tab moves there), then r."
        if action == "toggle_lingering" and not isinstance(focused, ThoughtsPane):
            return "To let a thought go, highlight it under Lingering thoughts first (tab moves there), then g."
        if action == "delete" and not isinstance(focused, (ThoughtsPane, QuestionsPane)):
            return "To delete a thought or a question, highlight it first (tab moves to the notes), then d."
        if action == "safety" and not isinstance(focused, (ThoughtsPane, QuestionsPane)):
            return "Highlight a thought or a question first (tab to its pane), then press !."
        if action == "news":
            record = self.selected_client()
            if record is None or record.client.active:
                return "News is for former clients: choose one under Graduates on the left first, then n."
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key that does not apply is left out of the footer; pressed, it says why (action_explain)."""
        return self.why_not(action) is None

    def action_explain(self, action: str) -> None:
        if (reason := self.why_not(action)) is not None:
            self.app.notify(reason, markup=False)

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @on(ThoughtsPane.ThoughtChosen)
    def _thought_chosen(self, event: ThoughtsPane.ThoughtChosen) -> None:
        """Enter on a thought edits it."""
        if (thought := self._read(self.store.thought, event.thought_id)) is not None:
            self._edit_thought(thought)

    @on(QuestionsPane.QuestionChosen)
    def _question_chosen(self, event: QuestionsPane.QuestionChosen) -> None:
        """Enter on a question answers it."""
        if (question := self._read(self.store.question, event.question_id)) is not None:
            self._answer(question)

    # ------------------------------------------------------------ help and zoom

    def help_intro(self) -> str:
        from .help import INTRO  # loaded when help is first opened, not at start

        return INTRO

    def help_sections(self) -> list[HelpSection]:
        from .help import dashboard_sections

        return dashboard_sections()

    def action_zoom(self) -> None:
        if self.maximized is not None:
            self.minimize()
        elif self.focused is not None:
            self.maximize(self.focused)
