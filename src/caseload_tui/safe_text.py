"""Making user text safe to put in front of a terminal, without changing what is stored.

Control characters become their visible Unicode pictures (ESC shows as ␛),
so nothing a user typed or imported can move the cursor, clear the screen,
write the clipboard or reorder the line around it.
"""

from __future__ import annotations

import re

# C0/C1 controls and DEL; bidirectional embeddings, overrides and isolates
# (they reorder what follows them); line and paragraph separators.
_NEEDS_WORK = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")


def _picture(char: str) -> str:
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"  # C1 controls, bidi controls, line and paragraph separators


# Characters that take no cell but that terminals and Textual count differently, so a row holding
# them is drawn out of line: zero-width spaces, the word joiner and a stray byte-order mark are
# left out of what is shown (the joiners that shape emoji and Persian words are kept).
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff\u180e]")
# A letter carries at most this many combining marks on screen: enough for any written language
# (Vietnamese stacks two), while a pasted "Zalgo" pile of hundreds would paint over other lines.
MARKS_SHOWN = 3
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"  # the combining-mark blocks
_MARK_RUN = re.compile(f"[{_MARKS}]{{{MARKS_SHOWN + 1},}}")


def _drawable(text: str) -> str:
    """What is shown of text whose every character takes the cells Textual counts for it."""
    if _ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", text)
    if _MARK_RUN.search(text):
        text = _MARK_RUN.sub(lambda m: m.group()[:MARKS_SHOWN], text)
    return text


def visible(text: str, multiline: bool = False) -> str:
    """Text as it should appear on screen: every control character shown, none obeyed.

    With multiline=True, newlines are kept (and CRLF/CR read as one line break)
    and tabs become four spaces; otherwise a line break shows as ⏎. Zero-width spaces are
    left out and a pile of combining marks is cut to MARKS_SHOWN (what is stored is untouched).
    """
    text = _drawable(text)
    if not _NEEDS_WORK.search(text):
        return text
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
        return "\n".join(_NEEDS_WORK.sub(lambda m: _picture(m.group()), line) for line in text.split("\n"))
    text = text.replace("\r\n", "\n").replace("\t", " ")
    text = text.replace("\n", " \u23ce ")
    return _NEEDS_WORK.sub(lambda m: _picture(m.group()), text)


def one_line(text: str, limit: int | None = None) -> str:
    """A single visible line, cut with an ellipsis at `limit` characters."""
    line = visible(" ".join(text.split()) if "\n" in text or "\r" in text else text)
    if limit is not None and len(line) > limit:
        return line[: max(limit - 1, 0)] + "…"
    return line


_NOT_FOR_EDITING = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]"
)


def for_editing(text: str, multiline: bool = True) -> str:
    """Text to put in an editing field: control characters shown as pictures, line breaks kept.

    Editing widgets draw what they hold straight to the terminal, so stored
    text goes in through here. A form compares what comes back with this
    value: unchanged means the stored bytes are kept exactly (see keep_if_unchanged).
    """
    shown = _NOT_FOR_EDITING.sub(lambda m: _picture(m.group()), text)
    if not multiline:
        shown = shown.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\u23ce").replace("\t", " ")
    return shown


def keep_if_unchanged(edited: str, original: str, multiline: bool = True) -> str:
    """The original bytes when the field came back as it was shown; otherwise what was typed."""
    return original if edited == for_editing(original, multiline) else edited


# What may not reach a terminal in a message or a document printed outside Textual: the same
# controls, and a carriage return not followed by a line feed (it would draw over the line).
_NOT_FOR_TERMINAL = re.compile(
    "\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]"
)


def for_terminal(text: str) -> str:
    """The one road outside Textual: every message, path, report or document printed by the program.

    Line breaks (LF, CRLF) and tabs are kept, so a printed document keeps its lines; every other
    control character is shown as a picture, never obeyed.
    """
    return _NOT_FOR_TERMINAL.sub(lambda m: _picture(m.group()), text)


def for_export(text: str) -> str:
    """A code or name as it goes into an exported file: one line, every control character replaced.

    The same everywhere a code or name leaves the program in a file another program reads.
    """
    return one_line(text)
