"""What a clinician would check by looking at a screen: the footer's keys are whole and Help and Quit are
there, no two things are drawn over each other, and notices leave the footer's keys uncovered.

Read from the screen as drawn: its text row by row, and the compositor's map of where each widget is
(Textual 8.2.8, pinned: `Screen._compositor`).
"""

from __future__ import annotations

from textual.geometry import Region
from textual.widget import Widget
from textual.widgets._footer import FooterKey
from textual.widgets._toast import Toast, ToastRack
from textual.widgets._tooltip import Tooltip

from caseload_tui.tui.widgets.footer import WrappingFooter


def screen_rows(app) -> list[str]:
    """The screen's text, row by row, as drawn."""
    return ["".join(segment.text for segment in strip) for strip in app.screen._compositor.render_strips()]


def _overlay(widget: Widget) -> bool:
    """Notices and tooltips float over the screen by design; they are checked against the footer apart."""
    return any(isinstance(node, (ToastRack, Tooltip)) for node in widget.ancestors_with_self)


def drawn_regions(app) -> list[tuple[Widget, Region]]:
    """Every widget that shows on the screen, with the part of the screen it is drawn on."""
    found = []
    for widget, (region, clip) in app.screen._compositor.visible_widgets.items():
        shown = region.intersection(clip)
        if shown.area and not _overlay(widget):
            found.append((widget, shown))
    return found


def overlaps(app) -> list[str]:
    """Each pair of widgets drawn on the same cells where neither holds the other, e.g. 'Toast over FooterKey'."""
    regions = drawn_regions(app)
    found = []
    for i, (one, its) in enumerate(regions):
        for other, theirs in regions[i + 1:]:
            if one in other.ancestors or other in one.ancestors:
                continue
            if its.overlaps(theirs):
                found.append(f"{one!r} {its} and {other!r} {theirs}")
    return found


def footer_problems(app, leave: str = "Quit") -> list[str]:
    """What is wrong with the footer as drawn: Help or Quit missing, a key cut, covered, or off the screen."""
    problems = []
    screen = app.screen
    footer = screen.query_one(WrappingFooter)
    rows = screen_rows(app)
    bottom = "\n".join(rows[footer.region.y:footer.region.bottom])
    for words in ("? Help", f"q {leave}"):
        if words not in bottom:
            problems.append(f"{words!r} is not in the footer's rows: {bottom!r}")
    for key in footer.query(FooterKey):
        label = f"{key.key_display} {key.description}" if key.description else key.key_display
        region = key.region
        if not (screen.region.contains_region(region) and region.width >= len(label)):
            problems.append(f"{label!r} cut: {region}")
        elif label not in rows[region.y][region.x:region.right]:
            problems.append(f"{label!r} not drawn whole: {rows[region.y][region.x:region.right]!r}")
    for toast in screen.query(Toast):
        if toast.region.area and toast.region.overlaps(footer.region):
            problems.append(f"a notice covers the footer: {toast.region} over {footer.region}")
    return problems
