"""The review's closing of the loop: for a client seen today, each thing to tell them, and the advice to try.

Each is offered until it is settled (told or let go; tried or found not to fit); what was settled
today stays in the list with its story, so the clinician sees what was done. The screen asks
what became of the highlighted item (FollowThroughList.ItemChosen, or its own key).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ... import model as m
from ...supervision import FollowThrough
from .. import render

_MUTED = "$foreground-muted"


@dataclass(frozen=True)
class LoopItem:
    """What a row of the list is: a thought to tell them, or advice from a supervision (by its item's id)."""

    what: Literal["thought", "advice"]
    id: int


class FollowThroughList(OptionList):
    """Things to tell them I remembered and supervision's advice to try, for the session in hand."""

    BORDER_TITLE = "Closing the loop"
    BINDINGS = [Binding("enter", "choose", "Told?", show=False)]

    class ItemChosen(Message):
        """Enter on an item: the screen asks what became of it."""

        def __init__(self, item: LoopItem) -> None:
            super().__init__()
            self.item = item

    _items: dict[str, LoopItem] = {}  # by option id
    _open: list[str] = []  # the option ids of the items still offered, in order

    def show(self, thoughts: list[m.Thought], advice: FollowThrough | None, today: date) -> None:
        """`thoughts`: to tell them, still offered or settled today; `advice`: the last supervision's about them."""
        options: list[Option | None] = []
        keep = self.highlighted_option.id if self.highlighted_option else None
        self._items, self._open = {}, []
        for thought in thoughts:
            self._add(options, LoopItem("thought", thought.id or 0), _thought_row(thought, today),
                      thought.still_to_tell)
        if advice is not None and advice.item.advice.strip() and advice.item.id is not None:
            self._add(options, LoopItem("advice", advice.item.id), _advice_row(advice, today),
                      advice.item.still_to_try)
        self.set_options(options[:-1])
        self.display = bool(self._items)
        wanted = keep if keep in self._open else (self._open[0] if self._open else next(iter(self._items), None))
        self.highlighted = self.get_option_index(wanted) if wanted is not None else None
        self.border_subtitle = f"{len(self._open)} to settle: o or enter" if self._open else "all settled"

    def _add(self, options: list[Option | None], item: LoopItem, prompt: Content, still_open: bool) -> None:
        option_id = f"loop:{item.what}:{item.id}"
        if still_open:
            self._open.append(option_id)
        self._items[option_id] = item
        options += [Option(prompt, id=option_id), None]

    @property
    def current(self) -> LoopItem | None:
        """The highlighted item, or the first one still offered."""
        option = self.highlighted_option
        if option is not None and option.id in self._items:
            return self._items[option.id]
        return self._items[self._open[0]] if self._open else None

    def action_choose(self) -> None:
        if (item := self.current) is not None:
            self.post_message(self.ItemChosen(item))


def _thought_row(thought: m.Thought, today: date) -> Content:
    head: list[Content | str | tuple[str, str]] = [render.TELL_GLYPH, " "]
    telling = thought.telling
    if telling is None or not telling.outcome.words.done:
        head.append(("to tell them", "$text-accent"))
        if telling is not None:
            head.append((f"  ({telling.outcome.words.past} {render.day(telling.on, today)})", _MUTED))
    else:
        head.append((f"{telling.outcome.words.past} {render.day(telling.on, today)}", "$text-success"))
    body = render.join(*head, "\n", render.note_text(thought, multiline=True))
    if thought.cue.strip():
        body = render.join(body, "\n", ("cue: ", _MUTED), render.user_text(thought.cue, multiline=True))
    if telling is not None and telling.how_taken.strip():
        body = render.join(body, "\n", (f"{m.HOW_TAKEN_LABEL}: ", _MUTED),
                           render.user_text(telling.how_taken, multiline=True))
    return body


def _advice_row(advice: FollowThrough, today: date) -> Content:
    item = advice.item
    state = ("to try", "$text-secondary") if item.still_to_try or item.advice_tried is None \
        else (item.advice_tried.words.past, "$text-success")
    body = render.join(render.ADVICE_GLYPH, " ", state,
                       (f"  advice from the supervision on {render.day(advice.held_on, today)}", _MUTED),
                       "\n", render.user_text(item.advice, multiline=True))
    if item.outcome.strip():
        body = render.join(body, "\n", (f"{m.HOW_IT_WENT_LABEL}: ", _MUTED),
                           render.user_text(item.outcome, multiline=True))
    return body
