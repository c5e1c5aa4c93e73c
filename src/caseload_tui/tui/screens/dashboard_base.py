"""What the dashboard's actions share: its state, the redraws they call, and opening a form.

DashboardScreen (dashboard.py) derives from the action classes, which derive from this:
the redraws are the screen's own and only declared here; the helpers are used by every action.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Literal, TypeVar

from textual.content import Content

from ...caseload_groups import CaseloadGroups
from ...drafts import Draft, DraftKind
from ...model import Client, ClientRecord, Placement
from ...store import Conflict, StoreError
from .. import render
from ..widgets.caseload_list import CaseloadList
from .app_access import CaseloadScreen

if TYPE_CHECKING:
    from ..modals.base import FormScreen  # the forms are loaded when the first one opens

T = TypeVar("T")

About = Client | Literal["practice"]  # who a new note is about
Pane = Literal["thoughts", "questions"]  # the one pane a change of notes redraws


class DashboardBase(CaseloadScreen):
    """The dashboard's state and the redraws every action ends with."""

    caseload: CaseloadGroups | None = None  # who is in which group, as last read (dashboard.py reads it)
    loaded: bool
    _restoring: Draft | None = None  # a draft whose form is being reopened

    # ------------------------------------------------------------ the screen's own (dashboard.py)

    @property
    def records(self) -> Mapping[int, ClientRecord]:
        """Every client's record by id, each read when first looked up (with the rows beside theirs)."""
        return self.caseload.records if self.caseload is not None else {}

    @property
    def placements(self) -> Mapping[int, Placement]:
        """Every client's group and reason by id, each made when first looked up."""
        return self.caseload.placements if self.caseload is not None else {}

    def known_clients(self) -> list[Client]:
        """Every client in the caseload (the codes taken, the names known), read when first asked for."""
        return self.caseload.clients() if self.caseload is not None else []

    def show_selection(self, only: Pane | None = None) -> None:
        raise NotImplementedError

    def refresh_client(self, client_id_: int, only: Pane | None = None) -> None:
        raise NotImplementedError

    def regroup(self) -> None:
        """Rebuild the list from what is read (after a note about my practice)."""
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def select_client(self, client_id_: int) -> None:
        raise NotImplementedError

    def select_practice(self) -> None:
        raise NotImplementedError

    def selected_client(self) -> ClientRecord | None:
        raise NotImplementedError

    def toggle_thought_flag(self) -> None:
        """Flag the highlighted thought to bring to supervision, or unflag it (dashboard_notes)."""
        raise NotImplementedError

    def edit_client(self, client: Client) -> object:
        """Open the client's form (ClientActions)."""
        raise NotImplementedError

    # ------------------------------------------------------------ helpers for the actions

    def _fail(self, problem: StoreError) -> None:
        self.app.notify(str(problem), title="Not saved", severity="error", markup=False, timeout=8)
        if isinstance(problem, Conflict):
            self.reload()

    def _about(self) -> About | None:
        """Who a new note is about: the selected client, my practice, or (None) nobody yet."""
        case = self.query_one(CaseloadList).case
        if case.client_id is not None and case.client_id in self.records:
            return self.records[case.client_id].client
        if case.practice:
            return "practice"
        return None

    def _about_label(self, about: About) -> Content:
        if isinstance(about, Client):
            return render.client_name(about, style="bold")
        return render.label("My practice", "bold")

    def _about_owner(self, client_id: int | None) -> About:
        """Who an existing note is about."""
        return self.records[client_id].client if client_id is not None and client_id in self.records else "practice"

    def _need_client(self, what: str) -> bool:
        self.app.notify(f"Choose a client on the left first, then {what}.", markup=False)
        return False

    def _named(self, form: FormScreen[T], kind: DraftKind | None, context: dict[str, object]) -> FormScreen[T]:
        """A form that can be kept as a draft if the program is stopped, with a draft's text if reopening one."""
        form.draft_kind, form.draft_context = kind, context
        pending = self._restoring
        if pending is not None and kind is not None and pending.kind is kind:
            form.prefill = pending.values
            self._restoring = None
        return form

    def _open(self, form: FormScreen[T], kind: DraftKind | None, save: Callable[[T], object],
              then: Callable[[T], None], **context: object) -> None:
        """Open a form at once that closes only once `save` has stored its result (modals/save_runner.py),
        with a draft's text if one of its kind is being reopened; `then` says so and redraws."""
        from ..modals.base import open_to_save

        open_to_save(self.app, self._named(form, kind, context), kind, save, then, **context)

    def _after_change(self, client_id: int | None, only: Pane | None = None) -> None:
        """Redraw what a change touched: `only` the pane whose notes changed (and the client's row), or all."""
        if client_id is None:
            self.regroup()
            self.show_selection()
        else:
            self.refresh_client(client_id, only)
