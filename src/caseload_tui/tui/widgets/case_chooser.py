"""The cases to bring to supervision, each with a box to tick: space (or enter) chooses or leaves one out."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import Client
from .. import render


@dataclass(frozen=True)
class CaseGroup:
    """A heading over cases (client id, row), spaced out or packed together."""

    title: str
    cases: Sequence[tuple[int, Content]]
    spaced: bool = True


def _option_id(client_id: int) -> str:
    return f"client:{client_id}"


class CaseChooser(OptionList):
    """The cases, each with a box to tick; space (or enter) chooses or leaves out the highlighted one."""

    BORDER_TITLE = "Cases to bring"
    BINDINGS = [
        Binding("enter", "toggle_case", "Choose", show=False),
        Binding("space", "toggle_case", "Choose", key_display="␣",
                tooltip="Choose the highlighted case for supervision, or leave it out"),
    ]

    class CaseToggled(Message):
        """The clinician asked to choose the case, or to leave it out if it is chosen."""

        def __init__(self, client_id: int) -> None:
            super().__init__()
            self.client_id = client_id

    _client_ids: dict[str, int] = {}  # option id -> the client it shows

    def action_toggle_case(self) -> None:
        client_id = self.current_id
        if client_id is None:
            self.app.notify("Highlight a case on the left first, then press space to choose it.", markup=False)
            return
        self.post_message(self.CaseToggled(client_id))

    @property
    def current_id(self) -> int | None:
        """The highlighted case's client id (None on a heading, or with nothing highlighted)."""
        option = self.highlighted_option
        return None if option is None else self._client_ids.get(option.id or "")

    def show_cases(self, groups: Sequence[CaseGroup], keep_highlight: bool) -> None:
        """The groups that have cases, each under its heading; the highlighted case stays if asked and still there."""
        keep = self.current_id if keep_highlight else None
        options: list[Option | None] = []
        self._client_ids = {}
        for group in groups:
            if not group.cases:
                continue
            options.append(_heading(f"{group.title} ({len(group.cases)})"))
            for client_id, prompt in group.cases:
                self._client_ids[_option_id(client_id)] = client_id
                options.append(Option(prompt, id=_option_id(client_id)))
                if group.spaced:
                    options.append(None)
        if not options:
            options = [Option(render.label("The caseload is empty: add clients on the dashboard first.",
                                           "italic $foreground-muted"), disabled=True)]
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(_trim(options))
            self.highlighted = self._first_case()
            if keep is not None:
                with suppress(Exception):  # the kept case is gone
                    self.highlighted = self.get_option_index(_option_id(keep))

    def highlight_case(self, client_id: int) -> None:
        """Highlight the case quietly (the screen shows its material itself)."""
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = self.get_option_index(_option_id(client_id))

    def _first_case(self) -> int | None:
        for index, option in enumerate(self.options):
            if not option.disabled:
                return index
        return None


def case_prompt(client: Client, tags: list[str], chosen: bool, question_written: bool, width: int) -> Content:
    """A case's row: its box, name and marks, then its reasons packed to `width` under the name."""
    mark = ("☑ ", "bold $text-success") if chosen else ("☐ ", "$foreground-muted")
    first = render.join(mark, render.client_name(client, style="bold"))
    if not client.active:
        first = render.join(first, ("  graduate", "$foreground-muted"))
    if question_written:
        first = render.join(first, ("  ? question written", "$text-accent"))
    if not tags:
        return first
    # Packed by hand so a long list of reasons wraps under itself, not under the box.
    lines, line = [], ""
    for tag in tags:
        joined = f"{line} · {tag}" if line else tag
        if line and len(joined) > width:
            lines.append(line)
            joined = tag
        line = joined
    lines.append(line)
    return render.join(first, *(("\n  " + text, "$foreground-muted") for text in lines))


def _heading(text: str) -> Option:
    return Option(render.label(text, "bold $text-primary"), disabled=True)


def _trim(options: list[Option | None]) -> list[Option | None]:
    """No separator right before a heading or at the end."""
    out: list[Option | None] = []
    for option in options:
        if option is not None and option.disabled and out and out[-1] is None:
            out.pop()
        out.append(option)
    while out and out[-1] is None:
        out.pop()
    return out
