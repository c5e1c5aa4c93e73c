"""An OptionList whose options change without a layout: its size on screen never depends on them.

Showing another client's notes then costs one frame that paints the list alone. Three
things would each ask for a layout of the screen, and are kept from it:
- the height: set by the screen (`1fr` here, never `auto`, which would follow the options);
- the virtual size: Widget declares it a layout reactive; here a new one repaints only
  (nothing else on the screen moves when a list's content grows, so the layout would change nothing);
- the scrollbar: one that came and went would ask, so it is always there (`overflow-y: scroll`),
  drawn in the background's colour while everything fits.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList


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

    def _scroll_update(self, virtual_size: Size) -> None:
        super()._scroll_update(virtual_size)
        self.set_class(virtual_size.height <= self.scrollable_content_region.height, "-fits")
