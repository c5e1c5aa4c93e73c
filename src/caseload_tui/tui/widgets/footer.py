"""Textual's footer, wrapping its keys onto rows when they do not fit on one, instead of cutting them.

Cut, the footer lost its last keys first, and those are Help and Quit; so it wraps whenever the
screen's keys need more columns than there are, whatever the width.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Footer

KEY_CELL = 13  # columns a key takes when wrapped ("S Supervise" and a gap): as many to a row as fit
PALETTE_WIDTH = 12  # "▏^p palette" and its margin, shown on the right when the keys fit on one row


class WrappingFooter(Footer):
    DEFAULT_CSS = """
    WrappingFooter.-wrap { layout: grid; height: auto; max-height: 4; grid-gutter: 0 0; grid-rows: 1; }
    """

    _composed: tuple | None = None  # the keys as last composed

    def _keys_now(self) -> tuple:
        return tuple((binding.key, binding.description, enabled, tooltip)
                     for _node, binding, enabled, tooltip in self.screen.active_bindings.values() if binding.show)

    def bindings_changed(self, screen) -> None:
        """Made again only when the keys it shows changed: a remount of every key is a layout and two
        frames (a form closing, a focus moving within the screen, would otherwise each cost them)."""
        if self._bindings_ready and self.is_attached and screen is self.screen and self._keys_now() == self._composed:
            return
        super().bindings_changed(screen)

    def compose(self):
        if self._bindings_ready:
            self._composed = self._keys_now()
        yield from super().compose()
        if self.has_class("-wrap"):
            # Footer sets one column per key; wrapped, as many to a row as the width holds.
            self.styles.grid_size_columns = self.columns()
        self.call_after_refresh(self._fit)  # the keys change with the screen and the focus

    def on_resize(self) -> None:
        self._fit()

    def keys_width(self) -> int:
        """Columns the screen's keys take on one row: "t Thought " each, and the palette's key."""
        widths: dict[str, int] = {}
        for _node, binding, _enabled, _tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in widths:
                widths[binding.action] = cell_len(self.app.get_key_display(binding)) + cell_len(binding.description) + 2
        return sum(widths.values()) + PALETTE_WIDTH

    def columns(self) -> int:
        return max(1, (self.size.width or 80) // KEY_CELL)

    def _fit(self) -> None:
        # Docked at the bottom, the footer is as wide as its screen: it decides for itself.
        if not (self.is_attached and self.size.width):
            return
        narrow = self.size.width < self.keys_width()
        if narrow and self.has_class("-wrap") and self.styles.grid_size_columns != self.columns():
            self.refresh(recompose=True)  # wrapped at another width: another number of keys to a row
        self.set_narrow(narrow)

    def set_narrow(self, narrow: bool) -> None:
        if narrow != self.has_class("-wrap"):
            self.set_class(narrow, "-wrap")
            self.show_command_palette = not narrow
            self.refresh(recompose=True)
