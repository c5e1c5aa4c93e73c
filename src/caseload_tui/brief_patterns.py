"""The supervision brief's "Patterns in me" section, written only when the clinician agrees to it for that brief.

The brief (brief.py) hands in how it writes a client, a day and user text, so this section is
de-identified exactly as the rest is: codes for clients (in the feeling words too, by
name_matching), months for days, Markdown escaped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .model.counting import numbered
from .model.patterns import BRIEF_AGREED, BRIEF_TITLE, DEFAULT_WEEKS, HOW_FOUND, OwnResponse, Patterns
from .rules.patterns import read_patterns, summary, where, whose_words

if TYPE_CHECKING:
    from .store import Store

LISTED_A_FEELING = 12  # the most recent responses named under a feeling; the rest counted


def patterns_for_brief(store: Store, now: datetime, weeks: int = DEFAULT_WEEKS) -> Patterns:
    """What the section reads: my own responses over the same window as `caseload patterns`."""
    return read_patterns(store.own_responses(now - timedelta(weeks=weeks), now), weeks)


def patterns_section(found: Patterns, number: int, who: Callable[[OwnResponse], str],
                     day: Callable[[datetime], str], text: Callable[[str], str]) -> list[str]:
    """The section's Markdown lines: `who` writes a client and `day` a date as the brief does (escaped);
    `text` the clinician's feeling words (names redacted, Markdown escaped, as every note in the brief)."""
    lines = ["---", "", f"## {number}. {BRIEF_TITLE}", "",
             f"*{BRIEF_AGREED}. My own responses over the last {numbered(found.weeks, 'week')}; {HOW_FOUND}.*", "",
             f"**{summary(found, who, day, text)}**", ""]
    for group in found.groups:
        tally = whose_words(group)
        shown = group.responses[-LISTED_A_FEELING:]
        places = "; ".join(f"{where(r, who)} ({day(r.written_at)})" for r in shown)
        earlier = len(group.responses) - len(shown)
        lines.append(f"- **{text(group.feeling)}** ({len(group.responses)}{'; ' + tally if tally else ''}): "
                     + places + (f"; and {earlier} earlier" if earlier else ""))
    return [*lines, ""] if found.groups else [*lines[:-1], ""]
