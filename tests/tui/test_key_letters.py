"""One key, one meaning: every screen's, form's and widget's keys are walked, and a key that means two
different things in two places fails the test, unless it is listed below as deliberate, with why.

"Means the same" is read as the clinician reads it: the same action, or the same words in the footer and
help (the dashboard's `t` writes a thought with `new_thought`, the review's with `thought`: both "Thought").
Keys that move about rather than act (escape, enter, space, tab, the arrows and the like) are left out:
on every screen they go back, open or choose the highlighted thing, and move; they are not letters.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode

import caseload_tui.tui as tui
from caseload_tui.tui.screens.app_access import CaseloadScreen
from caseload_tui.tui.screens.dashboard import DashboardScreen

MOVING = {"escape", "enter", "space", "tab", "shift+tab", "up", "down", "left", "right", "home", "end",
          "pageup", "pagedown", "backspace", "delete"}

# (key, where): why that place gives the key a meaning of its own. Also in the closing note of issue 20.
DELIBERATE = {
    ("n", "Confirm"): "a yes-or-no question: y and n answer it, as in every such prompt (n is News on the dashboard)",
    ("n", "ReactionPrompt"): "a yes-or-no question (write the reaction, or skip it): y and n answer it",
    ("q", "HelpScreen"): "q closes the help page, as it closes a manual page; the screen behind is where q quits",
    ("question_mark", "HelpScreen"): "the key that opens the help closes it again",
    ("f1", "HelpScreen"): "the key that opens the help closes it again",
    ("ctrl+l", "BlankScreen"): "the key that blanks the screen brings it back",
    ("ctrl+d", "Confirm"): "the deliberate yes to deleting or replacing (d as in delete); in the answer form the "
                           "same key drops the question: both let something go, on purpose",
}


def places() -> list[type[DOMNode]]:
    """Every class of the program's own that has keys: screens, forms, widgets, the app."""
    for module in pkgutil.walk_packages(tui.__path__, tui.__name__ + "."):
        importlib.import_module(module.name)
    found: set[type[DOMNode]] = set()
    pending = [DOMNode]
    while pending:
        for sub in pending.pop().__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("caseload_tui.") and not sub.__name__.startswith("_"):
                found.add(sub)
    return sorted(found, key=lambda c: (c.__module__, c.__qualname__))


def own_keys(place: type[DOMNode]) -> dict[str, list[Binding]]:
    """The keys the program itself binds in this place (Textual's own widget keys left aside): for each key,
    the bindings of the nearest class that binds it, as Textual merges them (a subclass's binding wins)."""
    keys: dict[str, list[Binding]] = {}
    for klass in reversed(place.__mro__):
        if not klass.__module__.startswith("caseload_tui."):
            continue
        mine: dict[str, list[Binding]] = {}
        for binding in klass.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                for key in binding.key.split(","):
                    mine.setdefault(key.strip(), []).append(binding)
        keys.update(mine)
    return keys


def meaning(bindings: list[Binding]) -> tuple[str, str]:
    """(action, words) of a key in one place: its first binding that has words, else its first."""
    chosen = next((b for b in bindings if b.description), bindings[0])
    return re.sub(r"^(app|screen)\.", "", chosen.action), chosen.description


def same(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] == b[0] or (bool(a[1]) and a[1] == b[1])


def conflicts(classes: list[type[DOMNode]]) -> list[str]:
    """Each key that means two different things in two places, said as 'key: where "words", where "words"'."""
    by_key: dict[str, list[tuple[str, tuple[str, str]]]] = {}
    for place in classes:
        for key, bindings in own_keys(place).items():
            if key in MOVING or (key, place.__name__) in DELIBERATE:
                continue
            by_key.setdefault(key, []).append((place.__name__, meaning(bindings)))
    found = []
    for key, uses in sorted(by_key.items()):
        first = uses[0][1]
        if any(not same(first, other) for _, other in uses[1:]):
            found.append(f"{key}: " + ", ".join(f"{where} {words or action!r}" for where, (action, words) in uses))
    return found


def test_every_key_means_one_thing_everywhere():
    classes = places()
    assert {"DashboardScreen", "ReviewScreen", "SupervisionScreen", "MindScreen", "HelpScreen", "Confirm"} <= {
        c.__name__ for c in classes}
    assert conflicts(classes) == []


def test_the_deliberate_exceptions_are_still_there():
    """A listed exception that no longer exists is taken off the list (the note lists the same)."""
    classes = {c.__name__: c for c in places()}
    for key, where in DELIBERATE:
        assert key in own_keys(classes[where]), (key, where)


def test_two_meanings_of_one_letter_are_found():
    """The check itself: the review's old `p` (back a session) beside privacy is caught."""
    from textual.screen import Screen

    class OldReview(Screen):
        BINDINGS = [Binding("p,left", "previous", "Back")]

    OldReview.__module__ = "caseload_tui.tui.screens.old_review"
    found = conflicts([DashboardScreen, OldReview])
    assert len(found) == 1 and found[0].startswith("p: ") and "'Privacy'" in found[0] and "'Back'" in found[0]


def test_privacy_blank_help_and_quit_are_the_same_on_every_screen():
    screens = [c for c in places() if issubclass(c, CaseloadScreen) and not inspect.isabstract(c)]
    assert len(screens) >= 7
    for screen in screens:
        merged = screen._merged_bindings.key_to_bindings
        for key, action in (("p", "app.toggle_privacy"), ("ctrl+l", "app.blank"), ("question_mark", "help"),
                            ("q", "app.quit")):
            assert merged[key][0].action == action, (screen.__name__, key)


README = Path(__file__).resolve().parents[2] / "README.md"


def test_the_readmes_keys_are_the_dashboards():
    """Every key the README's table names is bound on the dashboard (or its caseload list), and every one is in it."""
    table = README.read_text(encoding="utf-8").split("| key | what it does |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| (.+) \|$", table, flags=re.M)
    in_readme = {key for key, _ in rows}
    names = {"/": "slash", "!": "exclamation_mark", "?": "question_mark"}
    from caseload_tui.tui.widgets.caseload_list import CaseloadList

    bound = own_keys(DashboardScreen) | own_keys(CaseloadList)  # the list's own: j, to jump to a name
    for key in in_readme - {"tab", "ctrl+q"}:
        assert names.get(key, key) in bound, key
    spelled = {v: k for k, v in names.items()}
    for key, bindings in bound.items():
        if any(b.description for b in bindings) and key not in ("delete", "f1"):
            assert spelled.get(key, key) in in_readme, key
