"""Jumping to a client in a long caseload by typing the start of their name: `j`, then letters.

The dashboard's letters are keys (t writes a thought, f a question...), so typing a name straight
into the list would set them off. `j` ("jump") starts it, as `/` starts a search: then each letter
typed moves the highlight to the first client, in the list's order, whose name begins with what was
typed (or, failing that, one of whose names does: "ok" finds Kofi Okafor). In privacy mode only codes
are matched and shown, never names. Enter or Escape ends it (Escape goes back to where the highlight
was); an arrow or any other key ends it and does what it always does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from textual import events
from textual.binding import Binding
from textual.widgets import OptionList

from ...model import Client
from .. import render

# Short enough for the list's border at 80 columns; Enter and Escape are in the help and the README.
JUMP_HINT = "first letters of a name"
JUMP_HINT_PRIVATE = "first letters of a code"


def folded(text: str) -> str:
    """For matching what is typed: case and accents set aside ("Zoë" is found by "zoe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def first_match(typed: str, clients: Iterable[tuple[str, Client]], by_code: bool) -> str | None:
    """The option id of the first client whose name (by_code: code) begins with `typed`; else, by name,
    the first one of whose names does."""
    wanted = folded(typed)
    if not wanted:
        return None
    later: str | None = None
    for option_id, client in clients:
        label = folded(client.code if by_code else client.name)
        if label.startswith(wanted):
            return option_id
        if later is None and not by_code and any(word.startswith(wanted) for word in label.split()[1:]):
            later = option_id
    return later


class TypeToJump(OptionList):
    """`j`, then letters: the highlight jumps to the client they begin (see the module)."""

    BINDINGS = [Binding("j", "start_jump", "Jump to", show=False,
                        tooltip="Jump to a client: type the start of their name")]

    _typed: str | None = None  # the letters typed since j; None: not jumping
    _jumped_from: int | None = None
    _subtitle_before = ""

    def jump_clients(self) -> Iterable[tuple[str, Client]]:
        """(option id, client) of every client row, in the list's order."""
        return ()

    def action_start_jump(self) -> None:
        self._typed, self._jumped_from, self._subtitle_before = "", self.highlighted, str(self.border_subtitle or "")
        self._say()

    def _end_jump(self, back: bool = False) -> None:
        if back and self._jumped_from is not None:
            self.highlighted = self._jumped_from
        self._typed = None
        self.border_subtitle = self._subtitle_before

    def _say(self, found: bool = True) -> None:
        private = render.privacy().on
        typed = self._typed or ""
        if not typed:
            self.border_subtitle = f"jump: {JUMP_HINT_PRIVATE if private else JUMP_HINT}"
        else:
            # What was typed is shown as typed (in privacy mode it is a code's beginning, never a name's).
            self.border_subtitle = f"jump: {typed}" + ("" if found else " (no one)")

    async def _on_key(self, event: events.Key) -> None:
        if self._typed is None:
            return
        if event.key in ("enter", "escape"):
            self._end_jump(back=event.key == "escape")
        elif event.key == "backspace" or event.is_printable and event.character and event.key not in ("tab", "space"):
            typed = self._typed[:-1] if event.key == "backspace" else self._typed + (event.character or "")
            self._jump_to(typed)
        else:
            self._end_jump()  # an arrow, tab, a function key: no longer jumping; the key does its work
            return
        event.stop()  # a letter typed here is part of a name, not a key
        event.prevent_default()

    def _jump_to(self, typed: str) -> None:
        self._typed = typed
        target = first_match(typed, self.jump_clients(), by_code=render.privacy().on)
        if target is not None:
            self.highlighted = self.get_option_index(target)
        self._say(found=target is not None or not typed)
