"""Before the session: each client due today in time order, and the card of the one highlighted.

The day's list on top (one line a client: when, who, what is waiting), the card below: what
to tell them I remembered, their open questions, supervision's advice not yet tried, safety
concerns, dates that matter coming up, and one line of context. A day of six clients is read
at 80x24 without scrolling. The same card for one client opens from the dashboard (CardScreen).
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from ...before_session import Card, client_card, day_cards
from ...model.counting import numbered
from ...store import StoreError
from .. import render
from ..widgets.footer import WrappingFooter
from ..widgets.session_card import card_content, card_row
from .app_access import CaseloadScreen

_BORDER = "border: round $primary-background; background: $background; border-title-color: $foreground-muted;"


class BeforeSessionScreen(CaseloadScreen):
    DEFAULT_CSS = f"""
    BeforeSessionScreen #day {{ height: auto; max-height: 10; {_BORDER} }}
    BeforeSessionScreen #card-scroll {{ height: 1fr; padding: 0 1; {_BORDER} }}
    BeforeSessionScreen #day:focus, BeforeSessionScreen #card-scroll:focus {{ border: round $primary; }}
    """

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the dashboard"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[Card] = []

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        yield OptionList(id="day")
        with VerticalScroll(id="card-scroll"):
            yield Static(id="card")
        yield WrappingFooter(compact=True)

    def on_mount(self) -> None:
        self.follow_privacy_mode(self.redraw)
        now = self.now
        self.title = f"Before the session · {now.strftime('%A %-d %B')}" + (" · demo" if self.app.demo else "")
        day = self.query_one("#day", OptionList)
        day.border_title = "Due today"
        self.query_one("#card-scroll").border_title = "Before they walk in"
        try:
            self.cards = day_cards(self.store, now)
            self.app.privacy.learn(self.store.clients())
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
        self.redraw()
        day.focus()

    def redraw(self) -> None:
        day = self.query_one("#day", OptionList)
        keep = day.highlighted or 0
        now = self.now
        if self.cards:
            day.set_options([Option(card_row(card, now), id=f"card:{i}") for i, card in enumerate(self.cards)])
            day.highlighted = min(keep, len(self.cards) - 1)
        else:
            day.set_options([Option(render.label("No one is due today.", "italic $foreground-muted"), disabled=True)])
        day.border_subtitle = numbered(len(self.cards), "client")
        self._show_card()

    @on(OptionList.OptionHighlighted, "#day")
    def _show_card(self) -> None:
        index = self.query_one("#day", OptionList).highlighted
        card = self.query_one("#card", Static)
        if self.cards and index is not None and index < len(self.cards):
            card.update(card_content(self.cards[index], self.now))
        else:
            card.update(render.label("Nothing to prepare: no session today.", "italic $foreground-muted"))

    def action_back(self) -> None:
        self.dismiss()


class CardScreen(CaseloadScreen):
    """One client's card, from the dashboard: for the moment before they walk in."""

    DEFAULT_CSS = f"""
    CardScreen #card-scroll {{ height: 1fr; padding: 0 1; {_BORDER} }}
    """

    BINDINGS = [
        Binding("escape", "back", "Back", tooltip="Back to the dashboard"),
    ]

    def __init__(self, client_id: int) -> None:
        super().__init__()
        self.client_id = client_id
        self.card: Card | None = None

    def compose(self) -> ComposeResult:
        yield Header(show_clock=False, icon="◆")
        with VerticalScroll(id="card-scroll"):
            yield Static(id="card")
        yield WrappingFooter(compact=True)

    def on_mount(self) -> None:
        self.follow_privacy_mode(self.redraw)
        now = self.now
        self.title = "Before they walk in" + (" · demo" if self.app.demo else "")
        today = next((c for c in day_cards(self.store, now) if c.client.id == self.client_id), None)
        try:
            self.card = today or client_card(self.store, self.client_id, now)
        except StoreError as problem:
            self.app.notify(str(problem), severity="error", markup=False)
        self.redraw()
        self.query_one("#card-scroll").focus()

    def redraw(self) -> None:
        if self.card is not None:
            self.query_one("#card", Static).update(card_content(self.card, self.now))

    def action_back(self) -> None:
        self.dismiss()
