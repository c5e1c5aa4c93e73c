"""An OptionList whose options change without a layout, each note wrapped once.

Showing another client's notes then costs one frame that paints the list alone. Three
things would each ask for a layout of the screen, and are kept from it:
- the height: set by the screen (`1fr` here, never `auto`, which would follow the options);
- the virtual size: Widget declares it a layout reactive; here a new one repaints only
  (nothing else on the screen moves when a list's content grows, so the layout would change nothing);
- the scrollbar: one that came and went would ask, so it is always there (`overflow-y: scroll`),
  drawn in the background's colour while everything fits (by its renderer: a class set and unset
  would restyle the pane on many moves), and painted again only when its thumb changes.

OptionList (Textual's line API: a ScrollView drawing each line in `render_line`) wraps every
option twice, once to measure its height and once to draw it, and forgets the drawing on every
`set_options`. Here an option is wrapped once, its lines used both for its height and to draw it,
and kept by what it shows (its text and styles), the style it is drawn in and the width: showing a
client again, or a pane again after a save, wraps only the notes that changed. The lines carry no
click target (OptionList adds one to every line of every show); a click or the mouse finds its
option by its line.
"""

from __future__ import annotations

from functools import partial

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size, Spacing
from textual.reactive import Reactive
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

WRAPPED_KEPT = 400  # notes' wrapped lines kept per pane: a few clients' worth, in each style

_OPTION = "option-list--option"


class _UnseenWhileAllFits(ScrollBarRender):
    """A pane's scrollbar: while everything fits (ScrollBar then gives no window), its track alone, in the
    screen's background: there, but unseen."""

    def __init__(self, *args, pane: Widget, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.window_size:
            self.style = RichStyle(bgcolor=pane.screen.styles.background.rich_color)


class SteadyList(OptionList):
    DEFAULT_CSS = "SteadyList { height: 1fr; overflow-y: scroll; }"

    virtual_size = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # (text, styles, separator, style, padding, width) -> the option's lines, with no click target
        self._wrapped: LRUCache[tuple, list[Strip]] = LRUCache(WRAPPED_KEPT)

    def on_mount(self) -> None:
        # one scrollbar of its own, as ScrollBar.renderer's docs show (it is declared a class variable)
        self.vertical_scrollbar.renderer = partial(_UnseenWhileAllFits, pane=self)  # type: ignore[misc,assignment]

    def _scroll_update(self, virtual_size: Size) -> None:
        """The scrollbar's figures for a new virtual size, repainting it only if one changed (Widget's
        repaints it on every show) and, while it is unseen before and after, not at all."""
        bar = self._vertical_scrollbar
        if bar is None or not self.show_vertical_scrollbar or self.show_horizontal_scrollbar:
            super()._scroll_update(virtual_size)  # the first time (it is made), or a layout of its own
            return
        window = self.container_size.height
        if virtual_size.height <= window and bar.window_virtual_size <= bar.window_size:
            bar.set_reactive(ScrollBar.window_virtual_size, virtual_size.height)
            bar.set_reactive(ScrollBar.window_size, window)
        else:  # ScrollBar's figures are reactives: a changed one repaints it
            bar.window_virtual_size = virtual_size.height
            bar.window_size = window
        self.scroll_y = self.validate_scroll_y(self.scroll_y)

    # ------------------------------------------------------------ each option wrapped once

    def _style_of(self, index: int, option: Option) -> Style:
        """The style option `index` is drawn in (as OptionList.render_line chooses it)."""
        if option.disabled:
            return self.get_visual_style(_OPTION, "option-list--option-disabled")
        if self.highlighted == index:
            return self.get_visual_style(_OPTION, "option-list--option-highlighted")
        if self._mouse_hovering_over == index:
            return self.get_visual_style(_OPTION, "option-list--option-hover")
        return self.get_visual_style(_OPTION)

    def lines_of(self, option: Option, divider: bool) -> int:
        """How many lines `option` takes, not yet added (with the separator it will have below it or not):
        wrapped now, in the style it will be drawn in, and kept to draw it."""
        option._divider = divider  # as add_options will set it, so its lines are found again when drawn
        return len(self._wrap(option, self.get_visual_style(_OPTION), self.get_component_styles(_OPTION).padding))

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        return self._wrap(option, style, self.get_component_styles(_OPTION).padding)

    def _wrap(self, option: Option, style: Style, padding: Spacing) -> list[Strip]:
        """The option's lines, wrapped once: no click target in them (a click finds its option by its line)."""
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        prompt = option.prompt
        what = (prompt.plain, tuple(prompt.spans)) if isinstance(prompt, Content) else (prompt,)
        key = (*what, option._divider, style, padding, width)
        if (strips := self._wrapped.get(key)) is None:
            visual = self._get_visual(option)
            if padding:
                visual = Padding(visual, padding)
            strips = [strip.extend_cell_length(width, style.rich_style)
                      for strip in visual.to_strips(self, visual, width, None, style)]
            if option._divider:
                rule = self.get_visual_style("option-list--separator").rich_style
                strips.append(Strip([Segment("─" * width, rule)], width))
            self._wrapped[key] = strips
        return strips

    def _option_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        line, lines = self.scroll_offset.y + offset.y, self._lines
        return lines[line][0] if 0 <= line < len(lines) else None

    async def _on_click(self, event: events.Click) -> None:
        # OptionList's own, run after this, reads the option from the line's style: none here, so it does nothing
        clicked = self._option_at(event)
        if clicked is not None and not self.options[clicked].disabled:
            self.highlighted = clicked
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        event.prevent_default()  # OptionList's own would read no option from the line's style
        self._mouse_hovering_over = self._option_at(event)

    def _update_lines(self) -> None:
        """Each new option's height from its drawn lines (OptionList measures by wrapping it apart)."""
        lines = self._line_cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        if lines and next_index >= len(self.options):
            return  # every option measured (a resize or new options clear the lines): drawing a line asks this
        if not self.scrollable_content_region:
            return
        line_cache = self._line_cache
        for index, option in enumerate(self.options[next_index:], next_index):
            height = len(self._get_option_render(option, self._style_of(index, option)))
            line_cache.index_to_line[index] = len(lines)
            line_cache.heights[index] = height
            lines.extend([(index, line) for line in range(height)])
        last_divider = self.options and self.options[-1]._divider
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)
