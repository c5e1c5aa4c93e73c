"""Helpers for Pilot tests: an app on a fixed clock, waiting for the load, reading the screen."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.screen import ModalScreen, Screen

from caseload_tui.config import Settings
from caseload_tui.store import Store
from caseload_tui.tui import app_base
from caseload_tui.tui.app import CaseloadApp
from caseload_tui.tui.app_base import AppBase

from clock import DEMO_DAY_END

# The screen tests' clock: clock.DEMO_DAY_END, the day the demo's story ends (NOW is its name here).
NOW = DEMO_DAY_END


def make_app(store, now: datetime = NOW, **kwargs) -> CaseloadApp:
    return CaseloadApp(store, clock=lambda: now, settings=Settings(), **kwargs)


class FormHost(AppBase):
    """A tiny host for one form (after ggozad/oterm's tests/_helpers.py): a plain screen, the form over it.

    It is the real app's base (its store, clock, settings, privacy mode) with the real app's styles, but
    no dashboard behind: a form's snapshot shows the form, and does not wait for a caseload to load.
    """

    CSS_PATH = str(Path(app_base.__file__).with_name("app.tcss"))  # a path relative to tests/ would not be found

    def __init__(self, form: Callable[[], ModalScreen], store: Store, now: datetime = NOW) -> None:
        super().__init__(store, clock=lambda: now, settings=Settings())
        self._make_form = form  # made once the app runs: a form's labels ask the running app for privacy mode

    def on_mount(self) -> None:
        self.push_screen(Screen())
        self.push_screen(self._make_form())


async def loaded(pilot) -> None:
    """Wait until the dashboard has read the caseload (it loads in a worker)."""
    for _ in range(200):
        screen = pilot.app.screen
        if getattr(screen, "loaded", False):
            break
        await pilot.pause(0.01)
    await settle(pilot, "load")
    # Let a first resize (which re-fits the list's columns and the footer) finish.
    for _ in range(3):
        await pilot.pause(0.02)


async def settle(pilot, group: str) -> None:
    """Wait for background readers of one group (not for forms awaiting the user)."""
    for _ in range(500):
        if not any(w.group == group and not w.is_finished for w in pilot.app.workers):
            break
        await pilot.pause(0.01)
    await pilot.pause()


def shown(widget) -> str:
    """The plain text a widget shows: an option list's prompts, a pair list's rows or a static's content."""
    from textual.widgets import OptionList, Static

    from caseload_tui.tui.widgets.pair_list import PairList

    if isinstance(widget, OptionList):
        return "\n".join(_plain(option.prompt) for option in widget.options)
    if isinstance(widget, PairList):
        return "\n".join(widget.row_lines(index).plain for index in range(widget.row_count))
    if isinstance(widget, Static):
        return _plain(widget.content)
    raise TypeError(type(widget))


def _plain(visual) -> str:
    return visual.plain if hasattr(visual, "plain") else str(visual)


async def go_to(pilot, option_id: str) -> None:
    """Move the caseload list's highlight with the arrow keys, as a user would."""
    from caseload_tui.tui.widgets.caseload_list import CaseloadList

    caseload = pilot.app.screen.query_one(CaseloadList)
    caseload.focus()
    target = caseload.get_option_index(option_id)
    while caseload.highlighted != target:
        await pilot.press("down" if caseload.highlighted < target else "up")
    await pilot.pause()


async def type_text(pilot, text: str) -> None:
    """Type TEXT key by key, as a person would (a space is the "space" key)."""
    await pilot.press(*[{" ": "space"}.get(c, c) for c in text])


def client_named(store: Store, name: str):
    return next(c for c in store.clients() if c.name == name)


async def choose(pilot, set_id: str, index: int) -> None:
    """Answer one of a form's choices by keys: to its buttons, down to the one wanted, enter."""
    from textual.widgets import RadioSet

    pilot.app.screen.query_one(f"#{set_id}", RadioSet).focus()
    await pilot.pause()
    await pilot.press(*["down"] * index, "enter")


async def choose_kind(pilot, kind) -> None:
    """The thought form asks what kind of thought it is (no kind is assumed): answer it by keys."""
    from caseload_tui.model import ThoughtKind

    await choose(pilot, "kind", list(ThoughtKind).index(kind))


async def confirm_deliberately(pilot) -> None:
    """Answer yes to a deliberate question (a delete): not by a letter; ctrl+d once its button is enabled."""
    from caseload_tui.tui.modals.confirm import Confirm

    for _ in range(200):
        if isinstance(pilot.app.screen, Confirm) and pilot.app.screen.armed:
            break
        await pilot.pause(0.02)
    await pilot.press("ctrl+d")
    await pilot.pause()
