"""ctrl+l on a form or a question over a screen (issue 11: a form could not be blanked).

A modal screen hides the keys of the screen under it and the app's, so each modal has this one of its
own, taken first, before a field sees it; the main screens show theirs in their footers.
"""

from __future__ import annotations

from textual.binding import Binding

BLANK_KEY = Binding("ctrl+l", "app.blank", "Blank", show=False, priority=True)
