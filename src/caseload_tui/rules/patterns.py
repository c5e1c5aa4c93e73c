"""Patterns in me read: my own responses grouped by the feelings named in them, and feelings that follow one another.

Pure. A feeling is found where a word begins with one of its beginnings (model/patterns.py
FEELINGS); its place in the note gives the order, so "relief, then guilt" is read from the
text itself. Nothing here diagnoses: it only counts what the clinician wrote.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import combinations

from ..model.counting import numbered
from ..model.patterns import (
    AROUND_BREAK,
    AROUND_ENDING,
    FEELINGS,
    MY_PRACTICE,
    NO_PATTERN,
    FeelingGroup,
    FeelingSequence,
    OwnResponse,
    Patterns,
)

# Each word's first three letters lead to the beginnings that could name a feeling (every one is
# three letters or more): one dictionary look-up a word, far quicker than a regular expression
# tried at every character of a long note.
_BY_START: dict[str, list[tuple[str, str]]] = {}
for _feeling, _starts in FEELINGS.items():
    for _start in _starts:
        _BY_START.setdefault(_start[:3], []).append((_start, _feeling))
_WORD = re.compile(r"[^\W\d_]{3,}")


def feelings_in(text: str) -> list[str]:
    """The feelings a note names, in the order they first appear in it."""
    found: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        for start, feeling in _BY_START.get(word[:3], ()):
            if word.startswith(start):
                found.setdefault(feeling)
    return list(found)


def read_patterns(responses: Iterable[OwnResponse], weeks: int) -> Patterns:
    by_feeling: dict[str, list[OwnResponse]] = {}
    by_sequence: dict[tuple[str, str], list[OwnResponse]] = {}
    unnamed = 0
    for response in sorted(responses, key=lambda r: (r.written_at, r.thought_id)):
        feelings = feelings_in(response.body)
        unnamed += not feelings
        for feeling in feelings:
            by_feeling.setdefault(feeling, []).append(response)
        for pair in combinations(feelings, 2):
            by_sequence.setdefault(pair, []).append(response)
    groups = tuple(FeelingGroup(f, tuple(rs)) for f, rs in sorted(by_feeling.items(), key=lambda kv: -len(kv[1])))
    sequences = tuple(FeelingSequence(first, then, tuple(rs)) for (first, then), rs in
                      sorted(by_sequence.items(), key=lambda kv: -len(kv[1])) if len(rs) >= 2)
    return Patterns(weeks=weeks, groups=groups, sequences=sequences, unnamed=unnamed)


def where(response: OwnResponse, who: Callable[[OwnResponse], str]) -> str:
    """Whose it was and what it was near: "Melanie", "my practice, around my own break"."""
    near = [AROUND_BREAK] * response.near_break + [AROUND_ENDING] * response.near_ending
    return ", ".join([who(response) if response.client_id is not None else MY_PRACTICE, *near])


def summary(patterns: Patterns, who: Callable[[OwnResponse], str]) -> str:
    """One plain line to take to supervision: the sequence, or else the feeling, found most often."""
    def told(responses: tuple[OwnResponse, ...]) -> str:
        return "; ".join(f"{where(r, who)} ({r.written_at:%-d %b %Y})" for r in responses)

    if patterns.sequences:
        top = patterns.sequences[0]
        return f"{top.first}, then {top.then}, {times(len(top.responses))}: {told(top.responses)}."
    repeated = [g for g in patterns.groups if len(g.responses) >= 2]
    if repeated:
        return f"{repeated[0].feeling}, {times(len(repeated[0].responses))}: {told(repeated[0].responses)}."
    return NO_PATTERN


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, numbered(count, "time"))
