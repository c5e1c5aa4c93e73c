"""Search over everything the clinician wrote (store/search.py); a result opens its client."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...model import SEARCH_PLACEHOLDER, Found, SearchHit
from ...store import StoreError
from .. import render


class SearchScreen(ModalScreen[SearchHit | None]):
    DEFAULT_CSS = """
    SearchScreen { align: center top; }
    SearchScreen > Vertical { width: 100; max-width: 100%; height: 90%; margin-top: 1;
                              border: thick $primary; background: $surface; }
    SearchScreen #results { height: 1fr; border: none; }
    SearchScreen #status { color: $foreground-muted; padding: 0 1; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", "Close"), Binding("down", "to_results", "Results", show=False)]

    def __init__(self, store, today: date, query: str = "") -> None:
        super().__init__()
        self._store, self._today, self._query = store, today, query
        self._hits: dict[str, SearchHit] = {}  # option id -> the hit it shows

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Input(self._query, placeholder=SEARCH_PLACEHOLDER, id="query",
                        max_length=200)
            yield Static(render.label("Type to search; Enter on a result opens that client."), id="status")
            yield OptionList(id="results")

    def on_mount(self) -> None:
        self.query_one("#query", Input).focus()
        if self._query:
            self.run_search(self._query)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    @on(Input.Submitted, "#query")
    def _submitted(self) -> None:
        self.action_to_results()

    @work(exclusive=True, thread=True, group="search")
    def run_search(self, query: str) -> None:
        try:
            hits = self._store.search(query, limit=100)
            problem = None
        except StoreError as error:
            hits, problem = [], str(error)
        self.app.call_from_thread(self._show, query, hits, problem)

    def _show(self, query: str, hits: list[SearchHit], problem: str | None) -> None:
        self._hits = {f"hit:{i}": hit for i, hit in enumerate(hits)}
        results = self.query_one("#results", OptionList)
        options: list[Option | None] = []
        for i, hit in enumerate(hits):
            options.append(Option(render.join(
                render.user_line(hit.client_name, 18, style="bold") if hit.client_id else
                render.label("My practice".ljust(18), "bold"),
                "  ",
                (hit.kind.label.ljust(12), "$text-accent"),
                (("began " if hit.kind is Found.CLIENT else "") + render.day(hit.when, self._today),
                 "$foreground-muted"),
                "\n",
                render.user_text(hit.body, multiline=True),
            ), id=f"hit:{i}"))
            options.append(None)
        results.set_options(options[:-1] if options else [])
        status = self.query_one("#status", Static)
        if problem:
            status.update(render.label(problem, "$text-error"))
        elif not query.strip():
            status.update(render.label("Type to search; Enter on a result opens that client."))
        else:
            found = len(hits)
            status.update(render.label("Nothing found." if not found else
                                       f"{found} found{' (the first 100)' if found == 100 else ''}. "
                                       "Enter opens the client."))

    def action_to_results(self) -> None:
        results = self.query_one("#results", OptionList)
        if results.option_count:
            results.focus()
            if results.highlighted is None:
                results.highlighted = 0

    @on(OptionList.OptionSelected, "#results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        hit = self._hits.get(event.option.id or "")
        if hit is not None:
            self.dismiss(hit)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
