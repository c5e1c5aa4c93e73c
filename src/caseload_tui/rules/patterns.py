"""Patterns in me read: my own responses grouped by the feelings named in them, and feelings that follow one another.

Pure. A response's feelings are first its feeling words, as the clinician gave them and in that
order ("relief, guilt"), one feeling for each part between commas (or "then", "and"...); a single
word that is a listed feeling's usual form ("relieved") is grouped under that feeling's name.
Only a note written without feeling words has its feelings found in its text: where a word
begins with one of a listed feeling's beginnings (model/patterns.py FEELINGS), its place in the
note giving the order, so "relief, then guilt" is read from the text itself. Nothing here
diagnoses: it only counts what the clinician wrote.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from functools import lru_cache
from itertools import combinations
from operator import attrgetter

from ..model.counting import numbered
from ..model.notes import Whose
from ..model.patterns import (
    AROUND_BREAK,
    AROUND_ENDING,
    FEELINGS,
    FROM_TEXT,
    MY_PRACTICE,
    NO_PATTERN,
    WHOSE,
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
SUMMARY_PLACES = 6  # the most places the summary line names
_WORD = re.compile(r"[^\W\d_]{3,}")
# What parts one feeling word from the next: a comma, a semicolon, a slash, an arrow, "then", "and".
_BETWEEN_FEELINGS = re.compile(r"\s*(?:[,;/+&\n→]|->|\bthen\b|\band\b)\s*", re.IGNORECASE)


def feelings_in(text: str) -> list[str]:
    """The feelings a note names, in the order they first appear in it."""
    found: dict[str, None] = {}
    for word in _WORD.findall(text.lower()):
        for start, feeling in _BY_START.get(word[:3], ()):
            if word.startswith(start):
                found.setdefault(feeling)
    return list(found)


def named_feelings(words: str) -> list[str]:
    """The feelings in a reaction's feeling words, in the order given, each once: "relieved, guilty" is relief, guilt.

    A part of one word that is a listed feeling's usual form takes that feeling's name; any other part
    ("the ache of endings", "not sad") is kept in the clinician's words, only its case and spaces evened.
    """
    return list(_named_feelings(words))


@lru_cache(maxsize=4096)  # the same feeling words come again and again ("relief, guilt"): each read once
def _named_feelings(words: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for part in _BETWEEN_FEELINGS.split(words):
        said = " ".join(part.lower().split()).strip(" .!?…\"'()")
        if not said:
            continue
        listed = feelings_in(said) if " " not in said else []
        found.setdefault(listed[0] if len(listed) == 1 and _WORD.fullmatch(said) else said)
    return tuple(found)


def feelings_of(response: OwnResponse) -> tuple[Sequence[str], bool]:
    """A response's feelings in order, and whether they were found in its text (it has no feeling words)."""
    if response.feelings.strip():
        return _named_feelings(response.feelings), False
    if response.body:
        return feelings_in(response.body), True
    return response.in_text, True  # the store found at most one: nothing to order


def read_patterns(responses: Iterable[OwnResponse], weeks: int) -> Patterns:
    by_feeling: defaultdict[str, list[OwnResponse]] = defaultdict(list)
    by_sequence: defaultdict[tuple[str, str], list[OwnResponse]] = defaultdict(list)
    unnamed = from_text = named = 0
    for response in sorted(responses, key=attrgetter("written_at", "thought_id")):
        feelings, in_text = feelings_of(response)
        if not in_text:
            named += 1
        elif feelings:
            from_text += 1
        else:
            unnamed += 1
        for feeling in feelings:
            by_feeling[feeling].append(response)
        if len(feelings) > 1:
            for pair in combinations(feelings, 2):
                by_sequence[pair].append(response)
    groups = tuple(FeelingGroup(f, tuple(rs), whose_tally(rs))
                   for f, rs in sorted(by_feeling.items(), key=lambda kv: -len(kv[1])))
    sequences = tuple(FeelingSequence(first, then, tuple(rs)) for (first, then), rs in
                      sorted(by_sequence.items(), key=lambda kv: -len(kv[1])) if len(rs) >= 2)
    return Patterns(weeks=weeks, groups=groups, sequences=sequences, unnamed=unnamed, from_text=from_text,
                    named=named)


def whose_tally(responses: Iterable[OwnResponse]) -> tuple[tuple[Whose, int], ...]:
    """How often each answer to "whose feeling is it?" was given, in the form's order (unasked ones left out)."""
    said = Counter(r.whose for r in responses if r.whose is not None)
    return tuple((whose, said[whose]) for whose in Whose if said[whose])


def where(response: OwnResponse, who: Callable[[OwnResponse], str]) -> str:
    """Whose it was and what it was near: "Melanie", "my practice, around my own break"."""
    near = [AROUND_BREAK] * response.near_break + [AROUND_ENDING] * response.near_ending
    return ", ".join([who(response) if response.client_id is not None else MY_PRACTICE, *near])


def listed(response: OwnResponse, who: Callable[[OwnResponse], str]) -> str:
    """A response as listed under its feeling: where it sat, then whose it was or that its text was read."""
    how = (WHOSE.format(response.whose.label) if response.whose is not None else "",
           FROM_TEXT if not response.feelings.strip() else "")
    return " · ".join([where(response, who), *(said for said in how if said)])


def whose_words(group: FeelingGroup) -> str:
    """"mine 2, not sure 1": how often the feeling was said to be whose, or "" where never said."""
    return ", ".join(f"{whose.label} {count}" for whose, count in group.whose)


def full_day(when: datetime) -> str:
    return f"{when:%-d %b %Y}"


def summary(patterns: Patterns, who: Callable[[OwnResponse], str], day: Callable[[datetime], str] = full_day,
            feeling: Callable[[str], str] = str, places: int = SUMMARY_PLACES) -> str:
    """One plain line to take to supervision: the sequence, or else the feeling, found most often.

    It names where each came, up to `places` of them (the latest); more are counted, so the line
    stays a line however large the caseload (a narrow screen asks for fewer). `day` writes a date and
    `feeling` a feeling's words (the brief gives its own: months, and words escaped as its notes are).
    """
    def told(responses: tuple[OwnResponse, ...]) -> str:
        latest = responses[-max(1, places):]
        earlier = f"{len(responses) - len(latest)} earlier, then " if len(responses) > len(latest) else ""
        return earlier + "; ".join(f"{where(r, who)} ({day(r.written_at)})" for r in latest)

    if patterns.sequences:
        top = patterns.sequences[0]
        return f"{feeling(top.first)}, then {feeling(top.then)}, {times(len(top.responses))}: {told(top.responses)}."
    repeated = [g for g in patterns.groups if len(g.responses) >= 2]
    if repeated:
        group = repeated[0]
        return f"{feeling(group.feeling)}, {times(len(group.responses))}: {told(group.responses)}."
    return NO_PATTERN


def times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, numbered(count, "time"))
