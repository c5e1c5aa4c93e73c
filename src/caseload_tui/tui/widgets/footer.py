"""The footer: the screen's everyday keys on the left, Help and Quit pinned on the right, at any width.

Only keys bound with `show=True` appear (a screen keeps those few); every other key is in help (?) and
the command palette, which "more:" before Help says. The everyday keys take as many rows as they need,
each key whole: a label is never cut, at any width. Notices are lifted above the footer so that they
never cover its keys.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, Vertical
from textual.widgets import Footer
from textual.widgets._footer import FooterKey, FooterLabel
from textual.widgets._toast import ToastRack

from ..keys import screen_bindings

PINNED_KEYS = ("question_mark", "escape", "q")  # help, back, quit: in this order, always on the right
MORE = "more:"  # before the Help key: help lists every key the footer leaves out
GAP = 1  # columns after each key (Textual's compact footer)


@dataclass(frozen=True)
class Key:
    """A key as the footer shows it: the binding, whether it applies now, and its tooltip."""

    binding: Binding
    enabled: bool
    tooltip: str
    display: str

    @property
    def width(self) -> int:
        return cell_len(self.display) + 1 + cell_len(self.binding.description) + GAP


def rows_of(keys: list[Key], width: int) -> list[list[Key]]:
    """The keys in order, as many to a row as fit in `width` columns (a key wider than that on its own row)."""
    rows: list[list[Key]] = [[]]
    used = 0
    for key in keys:
        if rows[-1] and used + key.width > width:
            rows.append([])
            used = 0
        rows[-1].append(key)
        used += key.width
    return [row for row in rows if row]


class WrappingFooter(Footer):
    DEFAULT_CSS = """
    WrappingFooter { height: auto; layout: horizontal; }
    WrappingFooter > .everyday { width: 1fr; height: auto; }
    WrappingFooter > .everyday > HorizontalGroup { height: 1; }
    WrappingFooter > .pinned { width: auto; height: 1; }
    WrappingFooter > .pinned > FooterLabel { color: $footer-description-foreground; margin: 0 1 0 0; }
    """

    rows = 0  # rows the everyday keys took when last composed
    _composed: tuple | None = None  # the keys as last composed

    def _keys_now(self) -> tuple:
        return tuple((binding.key, binding.description, enabled, tooltip)
                     for _node, binding, enabled, tooltip in self.screen.active_bindings.values() if binding.show)

    _queued = False  # a recompose is asked for and not made yet: it will show the keys as they are then

    def bindings_changed(self, screen) -> None:
        """Made again only when the keys it shows changed, and once however often they change before it is:
        a remount of every key is a layout and two frames (a form closing, a focus moving within the screen,
        the start's focus and first selection, would otherwise each cost them)."""
        if self._bindings_ready and self.is_attached and screen is self.screen and (
                self._queued or self._keys_now() == self._composed):
            return
        self._queued = bool(self.app.app_focus and self.is_attached and screen is self.screen)  # as Footer does
        super().bindings_changed(screen)

    def shown_keys(self) -> list[Key]:
        """The keys that show in the footer now, each action once: the screen's own first, then those it shares."""
        keys: dict[str, Key] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.description and binding.action not in keys:
                keys[binding.action] = Key(binding, enabled, tooltip, self.app.get_key_display(binding))
        order = {binding.action: i for i, binding in enumerate(screen_bindings(type(self.screen)))}
        return sorted(keys.values(), key=lambda key: order.get(key.binding.action, len(order)))

    @staticmethod
    def pinned_rank(key: Key) -> int | None:
        first = key.binding.key.split(",")[0]
        return PINNED_KEYS.index(first) if first in PINNED_KEYS else None

    def layout_keys(self, width: int) -> tuple[list[list[Key]], list[Key]]:
        """The everyday keys in rows, and the pinned keys (Help, Back, Quit), for a footer `width` wide."""
        shown = self.shown_keys()
        pinned = sorted((k for k in shown if self.pinned_rank(k) is not None), key=lambda k: self.pinned_rank(k) or 0)
        everyday = [k for k in shown if self.pinned_rank(k) is None]
        pinned_width = sum(k.width for k in pinned) + (len(MORE) + 1 if pinned else 0)
        return rows_of(everyday, max(1, width - pinned_width)), pinned

    def compose(self) -> ComposeResult:
        width = self.size.width or self.app.size.width
        self._shown_width, self._queued = width, False  # (a first resize to this width asks for nothing)
        if not self._bindings_ready:
            return
        self._composed = self._keys_now()
        rows, pinned = self.layout_keys(width)
        self.rows = max(1, len(rows))
        with Vertical(classes="everyday"):
            for row in rows:
                with HorizontalGroup():
                    for key in row:
                        yield self._footer_key(key)
        with HorizontalGroup(classes="pinned"):
            if pinned:
                yield FooterLabel(MORE)
            for key in pinned:
                yield self._footer_key(key)
        self.call_after_refresh(self._lift_notices)

    def _footer_key(self, key: Key) -> FooterKey:
        return FooterKey(key.binding.key, key.display, key.binding.description, key.binding.action,
                         disabled=not key.enabled, tooltip=key.tooltip or key.binding.tooltip).data_bind(
                             compact=Footer.compact)

    _shown_width = 0

    def on_resize(self) -> None:
        if self.size.width and self.size.width != self._shown_width:
            self.refresh(recompose=True)  # another width: another number of keys to a row

    def _lift_notices(self) -> None:
        """Notices stand above the footer's rows, never on its keys."""
        if self.is_attached:
            for rack in self.screen.query(ToastRack):
                rack.styles.margin = (0, 0, self.outer_size.height or self.rows, 0)
