"""A screen's keys as the clinician reads them: which keys it has (its own, then those every screen
shares) and how each is named. Help, the footer and the command palette all list keys from here."""

from __future__ import annotations

from textual.binding import Binding
from textual.dom import DOMNode

_SPELLED_OUT = {"enter": "enter", "space": "space", "escape": "esc", "delete": "delete"}


def key_name(node: DOMNode, key: str) -> str:
    """A key as help names it: "/", "?", "→", "ctrl+l", "enter" (never Textual's "slash" or "^l")."""
    if key in _SPELLED_OUT:
        return _SPELLED_OUT[key]
    if key.startswith("ctrl+"):
        return key
    return node.app.get_key_display(Binding(key, ""))


def screen_bindings(screen: type[DOMNode]) -> list[Binding]:
    """A screen's keys with a description, its own first, then those it shares; each key once, as Textual binds it."""
    taken: set[str] = set()
    found: list[Binding] = []
    for klass in screen.__mro__:
        if not klass.__module__.startswith("caseload_tui."):
            continue  # Textual's own (tab: "Focus Next") are said in the program's words, where it says them
        for binding in klass.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            keys = binding.key.split(",")
            if all(key in taken for key in keys):
                continue  # a class nearer the screen binds these keys to something of its own
            taken.update(keys)
            found.append(binding)
    return found


