"""The dashboard's keys for what must stay in view: a safety concern on a note, and dates that matter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from ...drafts import DraftKind
from ...model import Client, DateThatMatters, Question, Thought
from ...services.safety import mark_concern, resolve_concern
from ...store import StoreError
from .. import render
from ..modals.confirm import Confirm
from ..patient_write import write_patiently
from ..widgets.notes_panes import QuestionsPane, ThoughtsPane
from .dashboard_base import DashboardBase

if TYPE_CHECKING:
    from ..modals.watch_forms import DateInput


class WatchActions(DashboardBase):
    """`!` marks the highlighted thought or question as a safety concern (or resolves it); `D` adds a date."""

    def _highlighted_note(self) -> Thought | Question | None:
        focused = self.focused
        try:
            if isinstance(focused, ThoughtsPane) and focused.current_id is not None:
                return self.store.thought(focused.current_id)
            if isinstance(focused, QuestionsPane) and focused.current_id is not None:
                return self.store.question(focused.current_id)
        except StoreError as problem:
            self._fail(problem)
        return None

    @work
    async def action_safety(self) -> None:
        from ..modals.watch_forms import ConcernForm  # loaded when first opened, not at start

        note = self._highlighted_note()
        if note is None:
            self.app.notify("Highlight a thought or a question first (tab to its pane), then press !.", markup=False)
            return
        text = render.note_text(note, style="italic", multiline=True)
        if note.safety is not None and note.safety.open:
            sure = await self.app.push_screen_wait(Confirm(render.join(
                ("Mark this safety concern as resolved?\n\n", "bold"), render.concern_marker(note), "\n", text),
                yes="Resolved", no="Keep it open"))
            if not sure:
                return
            said = "Marked resolved: it leaves the header and the card."

            def write() -> object:
                return resolve_concern(self.store, note, now=self.now)
        else:
            concern = await self.app.push_screen_wait(ConcernForm(text))
            if concern is None:
                return
            said = f"Marked as a safety concern: {concern.label}."

            def write() -> object:
                return mark_concern(self.store, note, concern, now=self.now)

        def done(_note: object) -> None:
            self.app.notify(said, markup=False)
            self._after_change(note.client_id)

        write_patiently(self, write, done, self._fail)  # a busy caseload is waited for, not refused

    def action_new_date(self) -> None:
        from ..modals.watch_forms import DateForm  # loaded when first opened, not at start

        about = self._about()
        if about is None:
            self._need_client("add a date that matters to them")
            return
        who = self._about_label(about) if isinstance(about, Client) else render.label(
            "Everyone: a break of mine", "bold")
        client_id = about.id if isinstance(about, Client) else None

        def save(result: DateInput) -> None:
            self.store.add_date(DateThatMatters(falls_on=result.falls_on, note=result.note, client_id=client_id,
                                                yearly=result.yearly))

        def saved(_result: DateInput) -> None:
            self.app.notify("Date saved: it shows on the card and the header in the two weeks before it.",
                            markup=False)
            self._after_change(client_id)

        self._open(DateForm(who, self.now.date()), DraftKind.DATE, save, saved, client_id=client_id)
