"""The supervision screen's actions about the meeting itself: the brief exported (after the leak
check), the meeting recorded for the log, and last time's advice followed through."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from textual import work
from textual.content import Content

from ... import supervision as sv
from ...leak_check import Leak
from ...model import SupervisionItem
from ...model import patterns as patterns_words
from ...model.counting import numbered
from ...services import supervision as plans
from ...store import StoreError
from .. import render
from ..modals.confirm import Confirm
from ..modals.supervision_forms import ExportForm, ExportInput, MeetingForm, MeetingInput, OutcomeForm
from ..widgets.record_ids import stored_id
from .app_access import CaseloadScreen


class MeetingActions(CaseloadScreen):
    """Declares what the supervision screen gives these actions; supervision.py defines them."""

    since: date | None
    questions: dict[int, str]
    plan_version: int | None
    case: sv.CaseMaterial | None

    def chosen_in_order(self) -> list[int]:
        raise NotImplementedError

    def _plan_items(self) -> list[SupervisionItem]:
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _who(self, client_id: int, style: str = "bold") -> Content:
        raise NotImplementedError

    def _fail(self, problem: StoreError) -> None:
        raise NotImplementedError

    def _highlighted_case(self, what: str) -> int | None:
        raise NotImplementedError

    def hand_back_draft(self) -> bool:
        raise NotImplementedError

    def _open(self, form, then, kind: str | None = None, save=None, **context) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------ the brief

    def default_brief_path(self) -> Path:
        name = f"supervision-brief-{self.now.date().isoformat()}.md"
        home = Path.home()
        return (home if home.is_dir() else Path.cwd()) / name

    def action_export(self) -> None:
        chosen = self.chosen_in_order()
        if not chosen:
            self.app.notify("Choose at least one case first (space on a case).", markup=False)
            return
        self._open(ExportForm(self.default_brief_path()), lambda result: self._export(chosen, result))

    @work
    async def _export(self, chosen: list[int], result: ExportInput) -> None:
        """After the form: replace a file only when asked, the patterns only when agreed, then the leak check."""
        if result.path.exists():
            sure = await self.app.push_screen_wait(Confirm(render.join(
                ("Replace the file that is already there?\n\n", "bold"), render.user_text(str(result.path))),
                yes="Replace", no="Keep it", deliberate=True))
            if not sure:
                return
        from ...brief import build_brief
        from ...brief_patterns import patterns_for_brief
        from ...leak_check import check_brief
        from ...private_files import write_private as _write_private

        # Patterns in me goes into a brief only when the clinician says so, for this brief (never remembered).
        with_patterns = await self.app.push_screen_wait(Confirm(
            render.label(patterns_words.ASK_FOR_BRIEF), yes=patterns_words.ADD_TO_BRIEF,
            no=patterns_words.LEAVE_OUT_OF_BRIEF))
        try:
            prep = sv.prepare(self.store, self.now, chosen, self.since, self.thresholds)
            patterns = patterns_for_brief(self.store, self.now) if with_patterns else None
        except StoreError as problem:
            self.app.notify(str(problem), title="Not exported", severity="error", markup=False)
            return
        leaks = check_brief(prep, patterns) if result.redact else []
        if leaks and not await self.app.push_screen_wait(Confirm(leak_list(leaks), yes="Export as it is",
                                                                 no="Go back and change the notes")):
            return
        try:
            text = build_brief(prep, redact=result.redact, patterns=patterns)
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

    def action_record_meeting(self) -> None:
        chosen = self.chosen_in_order()
        cases = [(cid, self._who(cid), self.questions.get(cid, "")) for cid in chosen]
        last = sv.last_held(self.store.meetings())

        def save(result: MeetingInput) -> None:
            # Each case as planned (its question, what I tried, what happens between us, what I need), with its advice.
            items = [replace(item, advice=result.advice.get(item.client_id, "")) for item in self._plan_items()]
            plans.record_meeting(self.store, result.held_on, result.notes, items, unflag=result.unflag,
                                 read=self.plan_version,
                                 log=plans.MeetingLog(result.supervisor, result.minutes, result.setting))

        def recorded(result: MeetingInput) -> None:
            self.since = None
            self.app.notify(f"Supervision of {sv.short_day(result.held_on, self.now.date())} recorded. "
                            "Its advice will show here next time, to follow through.", markup=False, timeout=8)
            self.reload()

        self._open(MeetingForm(self.now.date(), cases, last=last), recorded, "supervision_meeting", save)

    def action_outcome(self) -> None:
        client_id = self._highlighted_case("record how the advice went")
        if client_id is None:
            return
        follow = self.case.advice if self.case is not None and self.case.client.id == client_id else None
        if follow is None:
            if not self.hand_back_draft():
                self.app.notify("No advice from an earlier supervision is recorded for this case.", markup=False)
            return

        def save(outcome: str) -> None:
            if outcome != follow.item.outcome:
                self.store.set_item_outcome(stored_id(follow.item.id), outcome)

        def saved(outcome: str) -> None:
            if outcome != follow.item.outcome:
                self.app.notify("Saved how the advice went.", markup=False)
                self.reload()

        self._open(OutcomeForm(self._who(client_id), follow.item, sv.short_day(follow.held_on, self.now.date())),
                   saved, "supervision_outcome", save, client_id=client_id, item_id=follow.item.id)


def leak_list(leaks: list[Leak]) -> Content:
    """What may still identify someone, one a line, before the brief leaves."""
    lines: list[Content | str | tuple[str, str]] = [
        (f"The notes hold {numbered(len(leaks), 'thing')} that may still identify someone:\n\n",
         "bold")]
    for leak in leaks[:12]:
        lines += ["• ", render.user_line(leak.line()), "\n"]
    if len(leaks) > 12:
        lines.append(f"…and {len(leaks) - 12} more (caseload brief lists them all).\n")
    lines.append(("\nChange a note on the dashboard where it should not leave as written.", "italic"))
    return render.join(*lines)
