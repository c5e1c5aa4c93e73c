"""The thought form's kind choice: asked every time (no default), each kind offered with the essay's
sense of it; a reaction also asks whose feeling it is, and its feeling words."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import Input, RadioSet

from ...model import Thought, ThoughtKind, Whose
from .. import render
from ..widgets.toggles import RadioButton
from .base import FormError, label, line_text

KIND_HINTS = {kind: f"{kind.label}: {kind.words.hint}" for kind in ThoughtKind}
MAX_FEELING_CHARS = 200


@dataclass
class KindAnswer:
    kind: ThoughtKind
    whose: Whose | None = None  # a reaction's only
    feelings: str = ""  # a reaction's only


class HintButton(RadioButton):
    """A kind and its hint: a long hint wraps onto the lines below instead of being cut short."""

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # A Widget measures its content's wrapped height; ToggleButton always says one line. Measured a
        # cell narrower: a hint ending at the very edge otherwise got one line too few, and was cut.
        return Widget.get_content_height(self, container, viewport, width - 1)


class KindChoice(Vertical):
    """Seven kinds, none chosen until the clinician chooses; the reaction's questions under them."""

    DEFAULT_CSS = """
    KindChoice { height: auto; }
    KindChoice RadioSet { width: 100%; }
    /* a long hint wraps, never cut */
    KindChoice #kind RadioButton { width: 100%; height: auto; text-wrap: wrap; text-overflow: fold; }
    KindChoice #whose { layout: horizontal; }
    KindChoice #reaction { height: auto; display: none; }
    KindChoice.-reaction #reaction { display: block; }
    """

    def __init__(self, thought: Thought | None = None, kind: ThoughtKind | None = None) -> None:
        super().__init__(id="kind-choice")
        self._thought = thought
        self._kind = thought.kind if thought else kind

    def compose(self) -> ComposeResult:
        yield label("What kind of thought is it? (choose one)")
        with RadioSet(id="kind", compact=True):
            for kind, hint in KIND_HINTS.items():
                yield HintButton(render.label(hint), value=kind is self._kind, name=kind.value)
        with Vertical(id="reaction"):
            yield label("Whose feeling is it?")
            whose = self._thought.whose if self._thought else None
            with RadioSet(id="whose", compact=True):
                for choice in Whose:
                    yield RadioButton(render.label(choice.label), value=choice is whose, name=choice.value)
            yield label("Feeling words, if any (optional: irritated, protective, bored...)")
            yield Input(self._thought.feelings if self._thought else "", id="feelings",
                        max_length=MAX_FEELING_CHARS, compact=True)

    def on_mount(self) -> None:
        self._show_reaction()

    @on(RadioSet.Changed, "#kind")
    def _kind_changed(self) -> None:
        self._show_reaction()

    def _chosen_kind(self) -> ThoughtKind | None:
        pressed = self.query_one("#kind", RadioSet).pressed_button
        return ThoughtKind(pressed.name) if pressed is not None and pressed.name else None

    def _show_reaction(self) -> None:
        # Shown for a reaction, and kept in sight while it holds feeling words, so none are hidden.
        self.set_class(self._chosen_kind() is ThoughtKind.REACTION
                       or bool(self.query_one("#feelings", Input).value.strip()), "-reaction")

    def answer(self) -> KindAnswer:
        kind = self._chosen_kind()
        if kind is None:
            raise FormError("Please choose what kind of thought this is (each kind says what it is for).")
        feelings = line_text(self.query_one("#feelings", Input), "feeling words", required=False)
        if kind is not ThoughtKind.REACTION:
            if feelings.strip():
                raise FormError("Feeling words belong to a reaction: choose reaction, or clear them.")
            return KindAnswer(kind)
        pressed = self.query_one("#whose", RadioSet).pressed_button
        if pressed is None or not pressed.name:
            raise FormError("Please say whose feeling this is: mine, theirs, both, or not sure.")
        return KindAnswer(kind, Whose(pressed.name), feelings)
