"""A bracketed paste is taken whole, whatever it holds (issue 11: a paste containing ESC was scrambled).

Textual's terminal parser reads an ESC inside a paste as the start of a key sequence: the characters
after it are sent as key presses (the ESC itself as "^") and only the rest as the paste, so a paste
of text copied from a terminal arrived reordered and changed. Here the text between the paste's start
and end markers is handed over as one Paste, byte for byte; everything outside them goes to
Textual's parser as before. A start marker split across two reads is left to Textual's parser
(which handles a paste without ESC correctly).

`install()` makes the Linux driver use this parser; it is called once, as the app starts.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import events
from textual._xterm_parser import BRACKETED_PASTE_END, BRACKETED_PASTE_START, XTermParser
from textual.message import Message


class WholePasteParser(XTermParser):
    def __init__(self, debug: bool = False) -> None:
        super().__init__(debug)
        self._pasted: str | None = None  # inside a paste: what it holds so far

    def feed(self, data: str) -> Iterable[Message]:
        if not data:  # the end of input
            return super().feed(data)
        found: list[Message] = []
        while data:
            if self._pasted is None:
                start = data.find(BRACKETED_PASTE_START)
                if start == -1:
                    found += super().feed(data)
                    return found
                if start:
                    found += super().feed(data[:start])
                self._pasted, data = "", data[start + len(BRACKETED_PASTE_START):]
            self._pasted += data
            end = self._pasted.find(BRACKETED_PASTE_END)
            if end == -1:
                return found
            data = self._pasted[end + len(BRACKETED_PASTE_END):]
            # NUL removed as Textual does (textual#1661): nothing else is changed
            found.append(events.Paste(self._pasted[:end].replace("\x00", "")))
            self._pasted = None
        return found


def install() -> None:
    """The Linux driver builds its parser from its module's name for it: that name is this parser."""
    from textual.drivers import linux_driver

    linux_driver.XTermParser = WholePasteParser  # type: ignore[attr-defined]
