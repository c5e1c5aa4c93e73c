"""A first look at a calendar file in large pieces, passing on only the lines that can matter.

A calendar of many years is mostly events far from the weeks being read. Looking at each
of its lines in Python takes seconds for a large file, so the file is read here in large
pieces, and an event is passed over whole when it clearly falls outside: it does not
repeat, and its start and the occurrence it replaces are both dated away from the stretch.
One regular expression finds, in each piece, the lines that could make an event matter
(a rule, or a start near the stretch or not plainly dated), so that most events cost only
a few searches done at the speed of C. Everything else, and any event this
look cannot be sure of, goes on to the line-by-line reading (ics_scan.py), each line with
the number the file gives it, so messages still name the right line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import BinaryIO

PIECE = 4 * 2**20  # read this much at a time: memory stays flat however large the file
# The lines that may make an event matter: a repetition, or a start or replaced occurrence (checked below).
_TELLING = re.compile(rb"^(?:RRULE|RDATE|EXRULE|DTSTART|RECURRENCE-ID)(?:[;:][^\r\n]*|\r?$)",
                      re.MULTILINE | re.IGNORECASE)
_DATE_AT_END = re.compile(rb"(\d{4})(\d{2})(\d{2})(?:T\d{4,6}Z?)?[ \t]*\r?$")
_UID = re.compile(rb"^UID:[ \t]*([^\r\n]*?)[ \t]*\r?$", re.MULTILINE)
_BEGIN, _END = b"BEGIN:VEVENT", b"END:VEVENT"


@dataclass
class Skimmed:
    passed_over: int = 0  # events left out whole
    seen_known: set[str] = field(default_factory=set)


def skim(stream: BinaryIO, near: tuple[date, date], known: frozenset[str],
         tally: Skimmed) -> Iterator[tuple[int, bytes]]:
    """(line number, line without its end) for every line not passed over, in order."""
    number = 0  # lines before `rest`
    rest = b""
    while True:
        piece = stream.read(PIECE)
        data = rest + piece
        last = data.rfind(_END)
        end = data.find(b"\n", last) + 1 if last >= 0 and piece else 0
        if not piece or not end:
            if piece and len(data) < 4 * PIECE:
                rest = data  # no whole event in it yet: read on, unless it is all something else
                continue
            end = len(data) if not piece else data.rfind(b"\n") + 1
        done, rest = data[:end], data[end:]
        counted = 0  # lines of `done` counted into `number` so far
        for at, to in _kept_spans(done, near, known, tally):
            number += done.count(b"\n", counted, at)
            counted = at
            yield from _lines(done[at:to], number)
        number += done.count(b"\n", counted)
        if not piece:
            yield from _lines(rest, number)
            return


def _kept_spans(data: bytes, near: tuple[date, date], known: frozenset[str],
                tally: Skimmed) -> Iterator[tuple[int, int]]:
    """The parts of `data` (whole lines) left after passing over the events that surely fall outside."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:  # the careful reading names the line
        yield 0, len(data)
        return
    telling = {data.rfind(b"\n" + _BEGIN, 0, m.start()) + 1 for m in _TELLING.finditer(data) if _tells(m[0], near)}
    at = pos = 0
    while (begin := data.find(_BEGIN, pos)) >= 0 and (finish := data.find(_END, begin)) >= 0:
        pos = data.find(b"\n", finish) + 1 or len(data)
        if (begin and data[begin - 1] != 10) or begin in telling or data.find(_BEGIN, begin + 1, finish) >= 0 \
                or data.find(b"\nDTSTART", begin, finish) < 0:
            continue  # not plainly one whole event that falls outside: read it line by line
        tally.passed_over += 1
        if known and (uid := _UID.search(data, begin, finish)):
            text = uid[1].decode("utf-8", "replace")
            if text in known:
                tally.seen_known.add(text)
        yield at, begin
        at = pos
    yield at, len(data)


def _tells(line: bytes, near: tuple[date, date]) -> bool:
    """Whether this line of an event may give it an occurrence near the stretch."""
    line = line.upper()
    if not line.startswith((b"DTSTART", b"RECURRENCE-ID")):
        return True  # it repeats
    found = _DATE_AT_END.search(line)
    if not found:
        return True  # folded, or not plainly dated
    try:
        when = date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return True
    if near[0] <= when <= near[1]:
        return True
    return line.startswith(b"RECURRENCE-ID") and b"THISANDFUTURE" in line and when <= near[1]


def _lines(data: bytes, before: int) -> Iterator[tuple[int, bytes]]:
    if not data:
        return
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    yield from enumerate(lines, start=before + 1)
