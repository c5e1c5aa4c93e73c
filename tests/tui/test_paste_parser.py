"""A bracketed paste reaches the app whole and as pasted, control characters and all (issue 11)."""

from __future__ import annotations

import pytest
from textual import events

from caseload_tui.tui.paste_parser import WholePasteParser

START, END = "\x1b[200~", "\x1b[201~"
HOSTILE = "ESC\x1b[31mred\x1b[0m bell\x07 del\x7f \x1b]0;title\x07 tab\t end\r\nnext"


def parsed(*chunks: str) -> list:
    parser = WholePasteParser()
    found: list = []
    for chunk in chunks:
        found += parser.feed(chunk)
    return found


def test_a_paste_holding_escape_sequences_is_one_paste_byte_for_byte():
    [paste] = parsed(START + HOSTILE + END)
    assert isinstance(paste, events.Paste) and paste.text == HOSTILE


@pytest.mark.parametrize("cut", [3, 10, len(START) + 4, len(START) + len(HOSTILE) + 2])
def test_a_paste_split_across_reads_is_still_one(cut):
    whole = START + HOSTILE + END
    found = parsed(whole[:cut], whole[cut:])
    if cut < len(START):  # the marker itself split: Textual's own parser takes it (no ESC-safe path)
        assert any(isinstance(e, events.Paste) for e in found)
        return
    assert [e.text for e in found if isinstance(e, events.Paste)] == [HOSTILE]
    assert not [e for e in found if isinstance(e, events.Key)]


def test_keys_around_a_paste_are_still_keys():
    found = parsed("ab" + START + "x\x1by" + END + "c")
    assert [(type(e).__name__, getattr(e, "key", None) or getattr(e, "text", None)) for e in found] == [
        ("Key", "a"), ("Key", "b"), ("Paste", "x\x1by"), ("Key", "c")]
