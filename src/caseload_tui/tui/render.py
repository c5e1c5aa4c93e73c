"""The one road from user text to the screen.

Everything a clinician wrote or imported (names, codes, themes, thoughts,
questions, answers) becomes a `Content` here: never parsed as markup, with
control characters and escape sequences shown as visible symbols, never sent
to the terminal. Widgets must not build user text into strings that Textual
would parse; they ask this module instead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from textual._context import active_app  # the running app (what textual.getters.app reads too)
from textual.content import Content

from ..model import BRING_WORDS, OUTCOMES, Client, Group, MarkedNote, Status, ThoughtKind
from ..safe_text import for_editing, one_line, visible

if TYPE_CHECKING:
    from ..name_matching import NameMatcher  # privacy mode's; loaded when first on


class Privacy:
    """Privacy mode: clients appear only by their codes, even inside note text.

    Names are found exactly as the redacted brief finds them (`name_matching`): whole words,
    Unicode-normalised, case-folded, case-aware for names that are also ordinary words.
    """

    def __init__(self) -> None:
        self.on = False
        self._matcher: NameMatcher | None = None  # made (and name_matching loaded) when first needed
        self._clients: list[Client] | Callable[[], list[Client]] = []

    def learn(self, clients: list[Client] | Callable[[], list[Client]]) -> None:
        """The names to find, or how to read them; made ready when privacy mode first needs them (at 10,000
        clients reading and matching them takes a visible part of the start, which privacy mode off does not need)."""
        self._clients, self._matcher = clients if callable(clients) else list(clients), None

    def apply(self, text: str) -> str:
        if not self.on:
            return text
        if self._matcher is None:
            from ..name_matching import NameMatcher

            self._matcher = NameMatcher.of(self._clients() if callable(self._clients) else self._clients)
        return self._matcher.redact(text)


_NO_APP = Privacy()  # drawing outside a running app (a test of one function): privacy mode off


def privacy() -> Privacy:
    """The running app's privacy mode (its `privacy_mode` reactive keeps this current)."""
    try:
        app = active_app.get()
    except LookupError:
        return _NO_APP
    found = getattr(app, "privacy", None)
    return found if isinstance(found, Privacy) else _NO_APP


def user_text(text: str, style: str = "", multiline: bool = False) -> Content:
    """User-written text, literally, with any control characters made visible."""
    return Content.styled(visible(privacy().apply(text), multiline=multiline), style)


def field_line(line: str) -> str:
    """A line of a note field as it is drawn: each control character as its picture, one for one, so the
    field keeps the bytes as typed or pasted and its columns stay where they were (modals/base.NoteArea)."""
    return for_editing(line)


def user_line(text: str, width: int | None = None, style: str = "") -> Content:
    """User text on one line, cut with an ellipsis to `width` cells."""
    content = Content.styled(one_line(privacy().apply(text)), style)
    if width is not None:
        content = content.truncate(width, ellipsis=True, pad=True)
    return content


# The most of a name or code shown where no width is given: no one's name is longer, and a
# 10,000-character one pasted by mistake would otherwise fill a screen.
NAME_LIMIT = 80


def client_name(client: Client, width: int | None = None, style: str = "") -> Content:
    """A client as the screen shows them: by name, or by code in privacy mode."""
    shown = client.code if privacy().on else client.name
    content = Content.styled(one_line(shown, limit=NAME_LIMIT), style)
    if width is not None:
        content = cut(content, width, NAME_BREAKS)
        content = content.pad_right(width - content.cell_length)
    return content


ELLIPSIS = "…"
# A form's choices, on and off: the state is in the glyph, so it shows without colour (widgets/toggles.py).
CHECKBOX_GLYPHS = ("☑", "☐")
RADIO_GLYPHS = ("◉", "○")
_BREAKS = " -/"  # a line is cut after one of these, so that no word is cut in two
NAME_BREAKS = " "  # a name is cut between its words: "Marie-Claire…", not "Marie-…"


def cut(content: Content, width: int, breaks: str = _BREAKS) -> Content:
    """One line in at most `width` cells: whole if it fits, else cut at the last word that fits and ended
    with "…" (a first word longer than the line is cut inside it, with "…" too)."""
    content = content.first_line
    if content.cell_length <= width:
        return content
    if width <= 1:
        return Content(ELLIPSIS[:width])
    head = content.truncate(width - 1)
    text = head.plain
    boundary = max(text.rfind(mark) + (mark != " ") for mark in breaks)
    if boundary > 0:
        head = head[:boundary]
    return head.rstrip(" ,;:·").append(ELLIPSIS)


def fit_lines(lines: list[Content], width: int, most: int) -> list[Content]:
    """Lines wrapped to `width` at word boundaries, at most `most` of them; if some do not fit, the last
    one shown ends with "…" so that it is plain that more was cut."""
    rows = [row for line in lines for row in (line.wrap(width) if line.plain else [line])]
    if len(rows) <= most:
        return rows
    kept = rows[:most]
    last = kept[-1].rstrip(" ,;:·")
    kept[-1] = last.append(ELLIPSIS) if last.cell_length < width else cut(last.append(" " + ELLIPSIS), width)
    return kept


def label(text: str, style: str = "") -> Content:
    """The program's own words (never user text), styled."""
    return Content.styled(text, style)


def join(*parts: Content | str | tuple[str, str]) -> Content:
    """Glue pieces together; plain strings here are the program's own words, not markup."""
    return Content.assemble(*parts)


# ---------------------------------------------------------------- attendance strip

# Every table here has an entry for every member of its enum (tests/unit/test_vocabulary.py).
STRIP_GLYPHS: dict[Status | None, tuple[str, str]] = {
    Status.ATTENDED: ("●", "$success"),
    Status.LATE: ("◑", "$success"),
    Status.CANCELLED: ("○", "$warning"),
    Status.LATE_CANCELLED: ("◌", "$warning"),
    Status.NO_SHOW: ("✕", "$error"),
    Status.CLINICIAN_CANCELLED: ("–", "$foreground-muted"),
    Status.RESCHEDULED: ("↷", "$foreground-muted"),
    Status.SCHEDULED: ("?", "$accent"),
    None: ("·", "$foreground-disabled"),
}


# A session that fell in one of my breaks, whatever was recorded: it says nothing about the client.
IN_MY_BREAK = ("‖", "$foreground-muted")
IN_MY_BREAK_WORDS = "in my break"


def strip(statuses: list[Status | None], in_my_break: list[bool] | None = None) -> Content:
    breaks = in_my_break if in_my_break and len(in_my_break) == len(statuses) else [False] * len(statuses)
    return Content.assemble(*(IN_MY_BREAK if off else STRIP_GLYPHS[s] for s, off in zip(statuses, breaks, strict=True)))


def strip_legend() -> Content:
    """Each glyph with its words: the outcomes in the forms' order, a session not yet recorded, my break."""
    parts: list[tuple[str, str] | str] = []
    for status in (*OUTCOMES, Status.SCHEDULED):
        glyph, style = STRIP_GLYPHS[status]
        parts += [(glyph, style), f" {status.label}   "]
    parts += [IN_MY_BREAK, f" {IN_MY_BREAK_WORDS}"]
    return Content.assemble(*parts)


# ---------------------------------------------------------------- dates and kinds

KIND_STYLES: dict[ThoughtKind, str] = {
    ThoughtKind.INSIGHT: "$text-accent",
    ThoughtKind.BLIND_SPOT: "$text-error",
    ThoughtKind.CURIOSITY: "$text-secondary",
    ThoughtKind.HOLDING: "$text-primary",
    ThoughtKind.REACTION: "$text-warning",
    ThoughtKind.WONDERING: "$text-secondary",
    ThoughtKind.LEARNING: "$text-success",
}

# Beside a thought flagged to bring to supervision.
BRING_MARKER = (f"⇢ {BRING_WORDS.marker}", "$text-secondary")

GROUP_STYLES: dict[Group, str] = {Group.REGULARS: "$text-success", Group.ABSENTEES: "$text-warning",
                Group.GRADUATES: "$text-secondary"}


def day(value: date | datetime | None, today: date) -> str:
    """'today', 'Tue 24 Nov', or '24 Nov 2025' for another year."""
    if value is None:
        return "–"
    d = value.date() if isinstance(value, datetime) else value
    if d == today:
        return "today"
    if d.year == today.year:
        return d.strftime("%a %-d %b")
    return d.strftime("%-d %b %Y")


def moment(value: datetime | None, today: date) -> str:
    if value is None:
        return "–"
    return f"{day(value, today)} {value.strftime('%H:%M')}"


# ---------------------------------------------------------------- safety concerns and closing the loop

CONCERN_GLYPH = ("⚠", "bold $text-error")  # beside every note marked as a safety concern, privacy mode or not
TELL_GLYPH = ("✉", "$text-accent")
ADVICE_GLYPH = ("☞", "$text-secondary")
DATE_GLYPH = ("◷", "$text-warning")
HIDDEN_WORDS = "words hidden in privacy mode"


def concern_marker(note: MarkedNote) -> Content:
    """'⚠ safety concern: risk to self' (or nothing, for a note without one)."""
    if note.safety is None:
        return Content("")
    style = CONCERN_GLYPH[1] if note.safety.open else "$foreground-muted"
    return join((CONCERN_GLYPH[0] + " ", style), (note.safety.words, style))


def hides(note: MarkedNote) -> bool:
    """Whether privacy mode hides this note's words (and its answer): a safety concern, while it is on."""
    return note.safety is not None and privacy().on


def note_text(note: MarkedNote, style: str = "", multiline: bool = False, width: int | None = None) -> Content:
    """A note's words; for a safety concern in privacy mode, hidden (its marker is shown beside it)."""
    if hides(note):
        return label(HIDDEN_WORDS, "italic $foreground-muted")
    if width is not None:
        return user_line(note.body, width, style)
    return user_text(note.body, style=style, multiline=multiline)


# ---------------------------------------------------------------- mind and room (screens/mind.py)

MIND_BAR = ("█", "$text-primary")  # notes written about a client
CAME_BAR = ("█", "$text-success")  # sessions they came to
MISSED_BAR = ("░", "$text-warning")  # sessions they missed
CARRIED_MARK = ("◈", "$text-warning")  # most in mind though least in the room
UNSEEN_MARK = ("◇", "$text-secondary")  # steady in the room, seldom in mind


def bar(runs: list[tuple[int, tuple[str, str]]], most: int, width: int) -> Content:
    """Counts drawn as runs of their glyph, scaled so `most` fills `width` cells; a count above 0 shows."""
    parts, used = [], 0
    for count, (glyph, style) in runs:
        cells = 0 if count <= 0 or most <= 0 else min(max(1, round(count * width / most)), width - used)
        parts.append((glyph * cells, style))
        used += cells
    return Content.assemble(*parts)
