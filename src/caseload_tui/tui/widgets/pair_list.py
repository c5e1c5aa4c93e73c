"""A list of two-line rows drawn only as they come into view (Textual's Line API).

Mind and room shows a pair of bars for every active client: at the benchmark's largest size that
is 1,500 rows. An OptionList builds and measures every prompt before it shows the first, so the
screen took most of a second to appear; here a row is drawn the first time it is on screen, and
kept until the rows, the width or privacy mode change (`redraw`). Every row is exactly two lines,
so the list's height is known without drawing any of them.

Keys move the highlight (up, down, home, end, page up, page down); a click highlights a row and
chooses it (`RowChosen`), as OptionList does. Enter belongs to the screen (what choosing means).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual

ROW_LINES = 2


class PairList(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    PairList {
        color: $foreground;
        overflow-x: hidden;
        padding: 0 1;
        background: $surface;
        & > .pair-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
        }
        &:focus > .pair-list--highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
    }
    """
    COMPONENT_CLASSES = {"pair-list--highlighted"}
    BINDINGS = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
    ]

    highlighted: reactive[int | None] = reactive(None)

    class RowChosen(Message):
        """A row was clicked: the screen does what choosing it means."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._count = 0
        self._draw: Callable[[int, int], Content] = lambda index, width: Content("")
        self._drawn: dict[tuple[int, int], list[Strip]] = {}  # (row, width) -> its two lines

    @property
    def row_count(self) -> int:
        return self._count

    def show_rows(self, count: int, draw: Callable[[int, int], Content]) -> None:
        """Show `count` rows; `draw(index, width)` gives row `index`'s two lines, only when it is first in view."""
        self._count, self._draw = count, draw
        self.redraw()
        if self.highlighted is None or self.highlighted >= count:
            self.highlighted = 0 if count else None
        self.scroll_to_highlight()

    def redraw(self) -> None:
        """Forget every drawn row (privacy mode or the rows changed): each is drawn again when next in view."""
        self._drawn.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, ROW_LINES * self._count)
        self.refresh()

    def row_lines(self, index: int, width: int | None = None) -> Content:
        """Row `index` as it is drawn (for a test, or a width of its own)."""
        return self._draw(index, self.scrollable_content_region.width if width is None else width)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index, line = divmod(self.scroll_offset.y + y, ROW_LINES)
        if not 0 <= index < self._count:
            return Strip.blank(width, self.rich_style)
        if index == self.highlighted:  # drawn on the highlight's own colours, each time (one row)
            return self._strips(index, width, self.get_visual_style("pair-list--highlighted"))[line]
        strips = self._drawn.get((index, width))
        if strips is None:
            strips = self._drawn[(index, width)] = self._strips(index, width, self.visual_style)
        return strips[line]

    def _strips(self, index: int, width: int, style: VisualStyle) -> list[Strip]:
        strips = Visual.to_strips(self, self.row_lines(index, width), width, ROW_LINES, style, apply_selection=False)
        filled = [strip.extend_cell_length(width, style.rich_style).crop(0, width) for strip in strips]
        blank = [Strip.blank(width, style.rich_style)] * (ROW_LINES - len(filled))
        return [strip.apply_meta({"row": index}) for strip in filled + blank]

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, ROW_LINES * self._count)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None:
                self.refresh(Region(0, ROW_LINES * index - int(self.scroll_offset.y), self.size.width, ROW_LINES))
        self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        if self.highlighted is not None and self.is_mounted:
            self.scroll_to_region(Region(0, ROW_LINES * self.highlighted, self.scrollable_content_region.width,
                                         ROW_LINES), animate=False, force=True, immediate=True)

    def _move(self, to: int) -> None:
        if self._count:
            self.highlighted = max(0, min(self._count - 1, to))

    def action_cursor_down(self) -> None:
        self._move(0 if self.highlighted is None else self.highlighted + 1)

    def action_cursor_up(self) -> None:
        self._move(0 if self.highlighted is None else self.highlighted - 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(self._count - 1)

    def action_page_down(self) -> None:
        self._move((self.highlighted or 0) + max(1, self.scrollable_content_region.height // ROW_LINES))

    def action_page_up(self) -> None:
        self._move((self.highlighted or 0) - max(1, self.scrollable_content_region.height // ROW_LINES))

    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("row")
        if isinstance(index, int):
            self.highlighted = index
            self.post_message(self.RowChosen(index))
