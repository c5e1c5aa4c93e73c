"""Textual's footer, wrapping its keys onto two rows on a narrow terminal instead of cutting them."""

from __future__ import annotations

from textual.widgets import Footer

NARROW_COLUMNS = 6
NARROW_BELOW = 110  # columns: below this the keys wrap


class WrappingFooter(Footer):
    DEFAULT_CSS = """
    WrappingFooter.-wrap { layout: grid; height: auto; max-height: 3; grid-gutter: 0 0; grid-rows: 1; }
    """

    def compose(self):
        yield from super().compose()
        if self.has_class("-wrap"):
            # Footer sets one column per key; on a narrow screen, six to a row.
            self.styles.grid_size_columns = NARROW_COLUMNS

    def on_resize(self) -> None:
        # Docked at the bottom, the footer is as wide as its screen: it decides for itself.
        self.set_narrow(self.size.width < NARROW_BELOW)

    def set_narrow(self, narrow: bool) -> None:
        if narrow != self.has_class("-wrap"):
            self.set_class(narrow, "-wrap")
            self.show_command_palette = not narrow
            self.refresh(recompose=True)
