"""Before a de-identified brief leaves the machine: what in the notes may still identify someone.

Redaction takes out clients' names and the brief's own dates and times. It cannot know
what else a note holds, so this lists it, each with the case and the note it is in:

- an exact date ("18 Jan", "3/12", "2026-01-18", "on Monday") or a session time ("17:00", "5pm",
  "nine o'clock");
- a capitalised word that is not a client's name and not at the start of a sentence: often
  a person (a partner, a child, a colleague) or a place;
- another client's name inside a note about someone else (redaction makes it that client's
  code, which is right only if the note means that client: "her husband Tom" is not Tom).

Names are found by `name_matching`, exactly as the brief and privacy mode find them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Client
from .model.patterns import Patterns
from .name_matching import NameMatcher, normal
from .supervision import CaseMaterial, Preparation

EXACT_DATE = "an exact date"
SESSION_TIME = "a time of day"
OTHER_NAME = "a name that is not a client's"
OTHER_CLIENT = "another client's name"

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?"
_ORDINAL = r"\d{1,2}(?:st|nd|rd|th)?"
_DATES = re.compile(
    rf"\b{_ORDINAL}(?: of)? {_MONTH}\b(?: \d{{4}})?"  # 18 Jan, 3rd of March 2025
    rf"|\b{_MONTH} {_ORDINAL}\b(?:,? \d{{4}})?"  # January 18, Jan 3rd, 2025
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2026-01-18
    r"|\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?\b(?![.:]\d)"  # 18/1, 3.12.25
    rf"|\b{_WEEKDAY}\b",  # on Monday, Saturdays
)
_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
_TIMES = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b(?:\s?[ap]\.?m\.?)?"  # 17:00, 9.30, 7:40am
    r"|\b\d{1,2}\s?[ap]\.?m\b\.?"  # 5pm, 9 a.m.
    rf"|\b(?:\d{{1,2}}|{_NUMBER_WORDS}) o'clock\b|\bhalf past (?:{_NUMBER_WORDS}|\d{{1,2}})\b",
    re.IGNORECASE,
)
# Capitalised words that name no one: the clinician, family words, days and months (found as
# dates above), and the ordinary capitals of English.
_ORDINARY = frozenset("""
    i i'm i'd i've i'll mum mom dad mummy daddy mother father god christmas easter ok okay
    english tv gp nhs a&e
""".split()) | {m.lower() for m in ("January February March April May June July August September October "
                                     "November December").split()}
_WORD = re.compile(r"[^\W\d_][\w'’]*")
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)]*\s*$|^\s*$|[\"“‘(]\s*$|\n\s*$")


@dataclass(frozen=True)
class Leak:
    """Something in a note that may identify a person."""

    where: str  # the case (by code) and the note: "C-007, a thought written in November"
    what: str  # one of the kinds above
    found: str  # the words found, exactly as they are in the note

    def line(self) -> str:
        return f"{self.where}: {self.what}, '{self.found}'"


@dataclass(frozen=True)
class Note:
    """One piece of user text that goes into the brief, and whose case it belongs to."""

    where: str
    text: str
    client: Client | None  # None: about my own practice


def check_text(note: Note, matcher: NameMatcher, client_words: frozenset[str]) -> list[Leak]:
    """What in one note may still identify someone once the brief is redacted."""
    text = normal(note.text)
    leaks = [Leak(note.where, EXACT_DATE, m.group()) for m in _DATES.finditer(text)]
    leaks += [Leak(note.where, SESSION_TIME, m.group()) for m in _TIMES.finditer(text)]
    names = matcher.find(text)
    own = note.client.code if note.client is not None else None
    leaks += [Leak(note.where, f"{OTHER_CLIENT} (shown as {hit.code})", text[hit.start:hit.end])
              for hit in names if hit.code != own]
    covered = [(hit.start, hit.end) for hit in names]
    for word in _WORD.finditer(text):
        token = word.group().rstrip("'’")
        token = re.sub(r"['’]s$", "", token)
        if not token[:1].isupper() or token.casefold() in _ORDINARY or token.casefold() in client_words:
            continue
        if any(a <= word.start() < b for a, b in covered) or _SENTENCE_END.search(text[:word.start()]):
            continue
        if _DATES.fullmatch(token) or len(token) < 2:
            continue
        leaks.append(Leak(note.where, OTHER_NAME, token))
    return leaks


def check_brief(prep: Preparation, patterns: Patterns | None = None) -> list[Leak]:
    """Every possible leak in the notes a redacted brief of `prep` would carry, case by case.

    With `patterns` (Patterns in me, when the clinician agreed to add it), its feeling words too.
    """
    matcher = NameMatcher.of(prep.clients)
    client_words = frozenset(w.casefold() for c in prep.clients for w in _WORD.findall(normal(c.name)))
    found: list[Leak] = []
    for note in notes_in(prep) + (feeling_words_in(patterns, prep.clients) if patterns is not None else []):
        found += check_text(note, matcher, client_words)
    return found


def feeling_words_in(patterns: Patterns, clients: list[Client]) -> list[Note]:
    """The feeling words of the own responses Patterns in me names (its only user text), each once."""
    by_id = {c.id: c for c in clients}
    given = {r.thought_id: r for g in patterns.groups for r in g.responses if r.feelings.strip()}
    return [Note(f"{r.code or 'My own practice'}, a reaction's feeling words of {r.written_at:%B %Y}", r.feelings,
                 by_id.get(r.client_id) if r.client_id is not None else None)
            for r in sorted(given.values(), key=lambda r: (r.written_at, r.thought_id))]


def notes_in(prep: Preparation) -> list[Note]:
    """Every piece of user text the brief carries, with where it is."""
    notes: list[Note] = []
    for item in prep.safety:
        notes.append(Note(f"{item.client.code if item.client else 'My own practice'}, a safety concern",
                          item.body, item.client))
    for case in prep.cases:
        notes += _case_notes(case)
    for thought in prep.practice_thoughts:
        notes.append(Note("My own practice, a thought", thought.body, None))
    for question in prep.practice_questions:
        notes.append(Note("My own practice, a question", question.body, None))
    return notes


def _case_notes(case: CaseMaterial) -> list[Note]:
    client, code = case.client, case.client.code
    notes = [Note(f"{code}, the themes", client.themes, client), Note(f"{code}, my question", case.question, client)]
    if case.plan_item is not None:
        notes += [Note(f"{code}, what I have tried", case.plan_item.tried, client),
                  Note(f"{code}, what happens between us", case.plan_item.between_us, client)]
    for thought in case.thoughts + case.carried:
        notes.append(Note(f"{code}, a {thought.kind.label} of {thought.written_at:%B %Y}", thought.body, client))
    for miss in case.misses:
        notes.append(Note(f"{code}, a missed session of {miss.starts_at:%B %Y}", miss.note, client))
    for question in case.open_questions:
        notes.append(Note(f"{code}, a question asked in {question.asked_at:%B %Y}", question.body, client))
    if case.advice is not None:
        item = case.advice.item
        for label, text in (("what I asked", item.question), ("the advice", item.advice),
                            ("how it went", item.outcome)):
            notes.append(Note(f"{code}, last supervision: {label}", text, client))
    return [n for n in notes if n.text.strip()]
