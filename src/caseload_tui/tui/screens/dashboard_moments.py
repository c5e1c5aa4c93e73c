"""The dashboard's keys for the moments that open more than a form: review, supervision, import, search."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual import work

from ...safe_text import one_line
from ...store import StoreError
from .. import render
from ..modals.confirm import Confirm
from ..widgets.notes_panes import QuestionsPane, ThoughtsPane
from .dashboard_base import DashboardBase
from .readings_ahead import ReadsAhead


class MomentActions(DashboardBase, ReadsAhead):
    """Day's end review, supervision, importing a file, and search; Mind and room and Patterns in me, read ahead."""

    def action_review(self) -> None:
        from .review import ReviewScreen
        from .review_following import follow_then_review

        def open_review() -> None:
            self.app.push_screen(ReviewScreen(), self.back_from_moment)
        if self.app.settings.calendars:  # calendars followed at an address are fetched first, and confirmed
            self.run_worker(follow_then_review(self, open_review), exclusive=True, group="follow")
            return
        open_review()

    def action_supervision(self) -> None:
        from .supervision import SupervisionScreen

        self.app.push_screen(SupervisionScreen(), self.back_from_moment)

    def action_before_session(self) -> None:
        from .before_session import BeforeSessionScreen

        self.app.push_screen(BeforeSessionScreen(), self.back_from_moment)

    def action_card(self) -> None:
        record = self.selected_client()
        if record is None or record.client.id is None:
            self._need_client("see what to bring to their session")
            return
        from .before_session import CardScreen

        self.app.push_screen(CardScreen(record.client.id), self.back_from_moment)

    def action_mind(self) -> None:
        from .mind import MindScreen

        self.app.push_screen(MindScreen(self.select_client, readings=self.readings))

    def action_patterns(self) -> None:
        from .patterns import PatternsScreen

        self.app.push_screen(PatternsScreen(readings=self.readings))

    def back_from_moment(self, _result: None = None) -> None:
        """Back from the review or supervision: they wrote to the caseload, so read it again."""
        if self.loaded:
            self.reload()

    # ------------------------------------------------------------ importing

    @work
    async def action_import_file(self) -> None:
        from ..modals.forms import ImportForm

        path: Path | None = await self.app.push_screen_wait(ImportForm())  # None: cancelled
        if path is None:
            return
        lines = await self._import(path, dry_run=True)
        if lines is None:
            return
        go = await self.app.push_screen_wait(Confirm(render.join(
            ("Importing ", "bold"), render.user_line(path.name, style="bold"), (" would do this:\n\n", "bold"),
            render.user_text("\n".join(lines[:30]) + ("\n…" if len(lines) > 30 else ""), multiline=True),
        ), yes="Import", no="Cancel"))
        if go and await self._import(path, dry_run=False) is not None:
            self.app.notify(f"Imported {one_line(path.name)}.", markup=False)  # a file name may hold ESC
            self.reload()

    async def _import(self, path: Path, dry_run: bool) -> list[str] | None:
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

    # ------------------------------------------------------------ search

    @work
    async def action_search(self) -> None:
        from ..modals.search import SearchScreen  # loaded when first opened, not at start

        hit = await self.app.push_screen_wait(SearchScreen(self.store, self.now.date()))
        if hit is None:
            return
        if hit.client_id is None:
            self.select_practice()
        else:
            self.select_client(hit.client_id)
        if hit.kind == "thought":
            thoughts = self.query_one(ThoughtsPane)
            if thoughts.highlight_thought(hit.id):  # the note may sit past the pane's limit
                thoughts.focus()
        elif hit.kind == "question":
            questions = self.query_one(QuestionsPane)
            if questions.highlight_question(hit.id):
                questions.focus()
