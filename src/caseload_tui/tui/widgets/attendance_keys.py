"""The day's-end attendance keys, and the legend of them under the session in hand."""

from __future__ import annotations

from textual.content import Content

from ...model import OUTCOMES, Status
from .. import render

# The attendance keys, in the order the footer and the screen list them (words and keys: model/attendance.py).
ATTENDANCE_KEYS = [(status.words.key, status, status.label) for status in OUTCOMES]


def attendance_legend(current: Status, width: int) -> Content:
    """The seven keys, on one line if it fits, else four and three, each key kept with its words."""
    items: list[Content] = []
    for key, status, words in ATTENDANCE_KEYS:
        chosen = status is current
        items.append(render.join((key, "bold reverse $text-success" if chosen else "bold $text-accent"),
                                 (f" {words}", "bold" if chosen else "")))
    gap = render.label("  ")
    one_line = gap.join(items)
    if one_line.cell_length <= width:
        return one_line
    return render.join(gap.join(items[:4]), "\n", gap.join(items[4:]))
