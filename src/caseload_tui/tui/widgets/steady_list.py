"""An OptionList whose options change without a layout, each note wrapped once.

Showing another client's notes then costs one frame that paints the list alone. Three
things would each ask for a layout of the screen, and are kept from it:
- the height: set by the screen (`1fr` here, never `auto`, which would follow the options);
- the virtual size: Widget declares it a layout reactive; here a new one repaints only
  (nothing else on the screen moves when a list's content grows, so the layout would change nothing);
- the scrollbar: one that came and went would ask, so it is always there (`overflow-y: scroll`),
  drawn in the background's colour while everything fits; while it fits before and after a
  show it is not painted again (it looks the same).

OptionList (Textual's line API: a ScrollView drawing each line in `render_line`) wraps every
option twice, once to measure its height and once to draw it, and forgets the drawing on every
`set_options`. Here an option is wrapped once, its lines used both for its height and to draw it,
and kept by what it shows (its text and styles), the style it is drawn in and the width: showing a
client again, or a pane again after a save, wraps only the notes that changed.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Size, Spacing
from textual.reactive import Reactive
from textual.strip import Strip
from textual.style import Style
from textual.visual import Padding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

WRAPPED_KEPT = 400  # notes' wrapped lines kept per pane: a few clients' worth, in each style

_OPTION = "option-list--option"


class SteadyList(OptionList):
    DEFAULT_CSS = """
    SteadyList { height: 1fr; overflow-y: scroll; }
    SteadyList.-fits {
        scrollbar-background: $background; scrollbar-background-hover: $background;
        scrollbar-background-active: $background; scrollbar-color: $background;
        scrollbar-color-hover: $background; scrollbar-color-active: $background;
    }
    """

    virtual_size = Reactive(Size(0, 0), layout=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # (text, styles, style, padding, width) -> the option's lines, before their click targets are added
        self._wrapped: LRUCache[tuple, list[Strip]] = LRUCache(WRAPPED_KEPT)

    def _scroll_update(self, virtual_size: Size) -> None:
        fits = virtual_size.height <= self.scrollable_content_region.height
        bar = self.vertical_scrollbar if self.show_vertical_scrollbar else None
        if fits and self.has_class("-fits") and bar is not None and self.scroll_y == 0:
            # unseen before and after: keep its figures right without painting it again
            bar.window_virtual_size = virtual_size.height
            bar.window_size = self.container_size.height - self.scrollbar_size_horizontal
            return
        super()._scroll_update(virtual_size)
        self.set_class(fits, "-fits")

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

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        padding = self.get_component_styles(_OPTION).padding
        shown_key = (option, style, padding)
        if (strips := self._option_render_cache.get(shown_key)) is None:
            meta = {"option": self._option_to_index[option]}
            strips = [strip.apply_meta(meta) for strip in self._wrap(option, style, padding)]
            self._option_render_cache[shown_key] = strips
        return strips

    def _wrap(self, option: Option, style: Style, padding: Spacing) -> list[Strip]:
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
