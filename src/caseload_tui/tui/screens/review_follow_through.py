"""The day's-end review closes the loop: for a client seen today, what became of each thing to tell
them (told, not the moment, let go; how they took it) and of supervision's advice (tried, not yet,
doesn't fit; how it went, which the next brief shows as its "How it went").

ReviewScreen derives from FollowThroughActions: it mounts the list under the session's notes and
calls `show_follow_through` when it shows a session. Each choice saves at once (services.follow_through).
"""

from __future__ import annotations

from textual import on
from textual.binding import Binding

from ... import model as m
from ...day_review import ReviewSession
from ...services.follow_through import close_advice, close_telling
from ...store import StoreError
from ...supervision import last_advice
from .. import render
from ..modals.base import open_to_save
from ..modals.close_loop import CloseLoopForm, LoopClosing
from ..widgets.review_tell_them import FollowThroughList, LoopItem
from .app_access import CaseloadScreen

FOLLOW_THROUGH_BINDINGS = [
    # o as in supervision, where it records how last time's advice went: the same question from the other side.
    Binding("o", "close_loop", "Outcome", show=False,
            tooltip="Told them? Tried the advice? Say what became of the highlighted one, and how it went"),
]


class FollowThroughActions(CaseloadScreen):
    DEFAULT_CSS = """
    FollowThroughList { height: auto; max-height: 33%; border: round $primary-background; background: $background; }
    FollowThroughList:focus { border: round $primary; }
    """

    _loop_client: m.Client | None = None  # whose items the list shows

    def on_mount(self) -> None:
        """Textual calls this after the screen's own on_mount: the list goes under the session's notes."""
        self.query_one("#session-view").mount(FollowThroughList(id="follow-through"))

    def show_follow_through(self, session: ReviewSession | None) -> None:
        """The items to settle for this session's client, if they came; hidden otherwise."""
        lists = self.query(FollowThroughList)
        if not lists:
            return
        pane = lists.first()
        if session is None or session.status not in m.CAME or session.client.id is None:
            self._loop_client = None
            pane.display = False
            return
        client_id, today = session.client.id, self.now.date()
        try:
            thoughts = [t for t in self.store.thoughts([client_id], limit=10_000) if t.tell_client and (
                t.still_to_tell or (t.telling is not None and t.telling.on.date() == today))]
            advice = last_advice(self.store.meetings(), client_id)
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
            return
        self._loop_client = session.client
        pane.show(sorted(thoughts, key=lambda t: (t.written_at, t.id or 0)), advice, today)

    def action_close_loop(self) -> None:
        lists = self.query(FollowThroughList)
        item = lists.first().current if lists and lists.first().display else None
        if item is None or self._loop_client is None:
            self.app.notify("Nothing to tell or try for this session: it shows once they came.", markup=False)
            return
        self._close(item)

    @on(FollowThroughList.ItemChosen)
    def _chosen(self, event: FollowThroughList.ItemChosen) -> None:
        self._close(event.item)

    def _close(self, item: LoopItem) -> None:
        """Ask what became of it, in a form opened at once (keys typed with `o` land in it) that closes
        only once the choice is saved."""
        client = self._loop_client
        if client is None:
            return
        about = render.client_name(client, style="bold")
        try:
            if item.what == "thought":
                thought = self.store.thought(item.id)
                shown = render.note_text(thought, style="italic", multiline=True)
                taken = thought.telling.how_taken if thought.telling else ""
                form = CloseLoopForm("Did you tell them?", about, shown, m.TellOutcome, m.HOW_TAKEN_LABEL, taken)
                open_to_save(self.app, form, None,
                             lambda told: close_telling(self.store, thought, told.choice, how_taken=told.how,
                                                        now=self.now),
                             self._loop_closed)
                return
            follow = last_advice(self.store.meetings(), client.id or 0)
        except StoreError as problem:
            self.app.notify(str(problem), title="Not saved", severity="error", markup=False, timeout=8)
            return
        if follow is None or follow.item.id != item.id:
            return
        said = render.user_text(follow.item.advice, "italic", multiline=True)
        advice = CloseLoopForm("Did you try the advice?", about, said, m.AdviceOutcome, m.HOW_IT_WENT_LABEL,
                               follow.item.outcome)
        open_to_save(self.app, advice, None,
                     lambda tried: close_advice(self.store, follow.item, tried.choice, how_it_went=tried.how),
                     self._loop_closed)

    def _loop_closed(self, closing: LoopClosing) -> None:
        self.app.notify(f"Saved: {closing.choice.words.past}.", markup=False)
        self.refresh_follow_through()

    def refresh_follow_through(self) -> None:
        """The list again, for the session the screen shows (ReviewScreen.session)."""
        self.show_follow_through(getattr(self, "session", None))
