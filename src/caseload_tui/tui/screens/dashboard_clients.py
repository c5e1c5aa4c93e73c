"""The dashboard's keys for clients: add, edit, flag, attendance, and the ending of the work."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work

from ...drafts import DraftKind
from ...model import Client, Encounter, Episode
from ...services import clients, endings, sessions
from ...store import StoreError
from .. import render
from ..modals.confirm import Confirm
from ..patient_write import write_patiently
from ..widgets.arc_pane import ArcPane
from ..widgets.caseload_list import stored_id
from ..widgets.notes_panes import ThoughtsPane
from .dashboard_base import DashboardBase

if TYPE_CHECKING:
    from ..modals.forms import AttendanceInput, ClientInput


class ClientActions(DashboardBase):
    """Each opens a form, waits for its result, calls a service, redraws the client."""

    # ------------------------------------------------------------ attendance

    def action_attendance(self) -> None:
        record = self.selected_client()
        if record is None:
            self._need_client("record a session")
            return
        from ..modals.forms import AttendanceForm  # loaded when first opened, not at start

        client = record.client
        today = self.now.date()
        usual = sessions.usual_time(client, self.now)
        last_due = sessions.last_due(client, self.store.appointments(stored_id(client)), self.now)

        def save(result: AttendanceInput) -> None:
            if result.book:  # a time still to come: booked, not recorded
                sessions.book(self.store, stored_id(client), result.starts_at)
            else:
                sessions.record_outcome(self.store, stored_id(client), result.starts_at, result.status,
                                        result.moved_to, now=self.now, note=result.note)

        def saved(result: AttendanceInput) -> None:
            if result.book:
                self.app.notify(f"Booked: {render.moment(result.starts_at, today)}.", markup=False)
            else:
                moved = f"; booked for {render.moment(result.moved_to, today)}" if result.moved_to else ""
                self.app.notify(f"Recorded: {result.status.label}, {render.moment(result.starts_at, today)}"
                                f"{moved}.", markup=False)
            self.refresh_client(stored_id(client))

        self._open(AttendanceForm(render.client_name(client, style="bold"), self.now, last_due, usual), None,
                   save, saved)

    # ------------------------------------------------------------ clients

    def _code_check(self, own_id: int | None) -> Callable[[ClientInput], str | None]:
        known = self.known_clients()
        return lambda result: clients.code_problem(result.code, own_id, known)

    def action_new_client(self) -> None:
        from ..modals.forms import ClientForm

        added: list[Client] = []

        def save(result: ClientInput) -> None:
            added.append(clients.add_client(self.store, name=result.name, code=result.code,
                                            started_on=result.started_on, schedule=result.schedule,
                                            themes=result.themes))

        def saved(_result: ClientInput) -> None:
            self.app.notify("Client added.", markup=False)
            self.refresh_client(stored_id(added[-1]))
            self.select_client(stored_id(added[-1]))

        form = ClientForm(self.now.date(), suggested_code=clients.next_code(self.known_clients()),
                          check=self._code_check(None))
        self._open(form, DraftKind.CLIENT, save, saved)

    def edit_client(self, client: Client) -> None:
        from ..modals.forms import ClientForm

        changed: list[bool] = []

        def save(result: ClientInput) -> None:
            changed.append(clients.edit_client(self.store, client, name=result.name, code=result.code,
                                               started_on=result.started_on, schedule=result.schedule,
                                               themes=result.themes) is not None)

        def saved(_result: ClientInput) -> None:
            if changed[-1]:
                self.app.notify("Client saved.", markup=False)
                self.refresh_client(stored_id(client))

        form = ClientForm(self.now.date(), client=client, check=self._code_check(stored_id(client)))
        from .stale_handling import stale_client  # loaded with the first form, not at start

        form.stale = stale_client(self.store, client, render.join(("The details of ", "bold"),
                                                                  render.client_name(client, style="bold")),
                                  lambda: self.refresh_client(stored_id(client)), lambda: changed.append(True))
        self._open(form, DraftKind.CLIENT, save, saved, client_id=stored_id(client), editing=True)

    def action_toggle_flag(self) -> None:
        if isinstance(self.focused, ThoughtsPane):  # on a thought: that thought, not the whole case
            self.toggle_thought_flag()
            return
        record = self.selected_client()
        if record is None:
            self._need_client("flag them for supervision")
            return
        flagged = not record.client.bring_to_supervision

        def done(_client: object) -> None:
            self.app.notify("Flagged for supervision." if flagged else "No longer flagged for supervision.",
                            markup=False)
            self.refresh_client(stored_id(record.client))

        write_patiently(self, lambda: self.store.set_flag(stored_id(record.client), flagged), done, self._fail)

    # ------------------------------------------------------------ endings

    def start_graduation(self, client_id_: int) -> None:
        """Opened as `caseload graduate NAME`: select them once loaded, then ask."""
        def when_loaded() -> None:
            if not self.loaded:
                self.set_timer(0.05, when_loaded)
                return
            self.select_client(client_id_)
            self.action_graduate()

        when_loaded()

    def action_graduate(self) -> None:
        record = self.selected_client()
        if record is None:
            self._need_client("end the work with them")
            return
        client = record.client
        if not client.active:
            self._bring_back(client)
            return
        from ..modals.endings import EndingForm, EndingInput

        def save(result: EndingInput) -> None:
            endings.end_work(self.store, stored_id(client), result.ended_on, result.ended_by, result.how,
                             result.reflection, close_questions=result.close_questions, now=self.now,
                             version=client.version)

        def saved(_result: EndingInput) -> None:
            self.app.notify("The work has ended. They are now among the graduates; their arc keeps every "
                            "period of work.", markup=False)
            self.refresh_client(stored_id(client))
            self.select_client(stored_id(client))

        # A reflection kept from an ending before episodes were kept is offered again to carry on from.
        current = self.store.episodes(stored_id(client))[-1]
        form = EndingForm(render.client_name(client, style="bold"), self.now.date(), record.open_questions,
                          current.reflection)
        from .stale_handling import stale_ending

        form.stale = stale_ending(self.store, client, render.join(("The ending with ", "bold"),
                                                                  render.client_name(client, style="bold")),
                                  self.now, lambda: self.refresh_client(stored_id(client)))
        self._open(form, DraftKind.GRADUATE, save, saved, client_id=stored_id(client))

    @work
    async def _bring_back(self, client: Client) -> None:
        back = await self.app.push_screen_wait(Confirm(render.join(
            ("Bring ", "bold"), render.client_name(client, style="bold"),
            (" back as an active client?\n\nA new period of work begins today. Every earlier one, with its "
             "ending, reflection and news, is kept.", "bold"),
        ), yes="Bring back", no="Not now"))
        if not back:
            return
        try:
            endings.reactivate(self.store, stored_id(client), self.now.date())
        except StoreError as problem:
            self._fail(problem)
            return
        self.app.notify("Active again: a new period of work has begun; everything before is kept.", markup=False)
        self.refresh_client(stored_id(client))
        self.select_client(stored_id(client))

    @on(ArcPane.ReflectionChosen)
    def _reflection_chosen(self, event: ArcPane.ReflectionChosen) -> None:
        self.edit_ending(event.episode_id, event.part)

    def edit_ending(self, episode_id: int | None, part: str | None = None) -> None:
        """An ending (who, how, its reflection) written again, from the arc or a draft."""
        if episode_id is None:
            return
        try:
            episode = self.store.episode(episode_id)
            client = self.store.client(episode.client_id or 0)  # every stored episode has its client
        except StoreError as problem:
            self._fail(problem)
            return
        from ..modals.endings import ReflectionForm

        def save(result: Episode) -> None:
            if result != episode:
                endings.edit_ending(self.store, result)

        def saved(result: Episode) -> None:
            if result != episode:
                self.app.notify("The ending and its reflection are saved.", markup=False)
                self.show_selection()

        form = ReflectionForm(render.client_name(client, style="bold"), episode, self.now.date(), focus=part)
        from .stale_handling import stale_reflection

        form.stale = stale_reflection(self.store, episode, render.join(("The ending with ", "bold"),
                                                                       render.client_name(client, style="bold")),
                                      self.show_selection)
        self._open(form, DraftKind.REFLECTION, save, saved, client_id=stored_id(client), episode_id=episode_id)

    def action_news(self) -> None:
        record = self.selected_client()
        if record is None or record.client.active:
            self.app.notify("News is for graduates: choose a former client on the left first.", markup=False)
            return
        from ..modals.endings import NewsForm, NewsInput

        client = record.client

        def save(result: NewsInput) -> None:
            endings.add_news(self.store, Encounter(client_id=stored_id(client), happened_on=result.happened_on,
                                                   body=result.body, stirred=result.stirred, taught=result.taught))

        def saved(_result: NewsInput) -> None:
            self.app.notify("News saved.", markup=False)
            self.show_selection()

        form = NewsForm(render.client_name(client, style="bold"), self.now.date(), client.ended_on)
        self._open(form, DraftKind.NEWS, save, saved, client_id=stored_id(client))
