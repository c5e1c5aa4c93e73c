"""Finding clients' names in text: the one matching that the redacted brief, its leak check and
privacy mode on screen all use, so what one hides the others hide too.

- Whole words only: "Ann" is found in "Ann's" but not in "Annabel".
- Unicode-normalised and case-folded: "Zoë" typed as one character or as "e" and a combining
  diaeresis, "ZOË" or "zoë", are the same name. Text is compared, and returned, in NFC (the
  composed form), which looks exactly the same on any screen.
- Case-aware for names that are also ordinary words: "Dev" and "Will" are found only written
  with a capital, so "a dev" and "I will" are left as they are. Any other name is found
  whatever its case, because a name typed in a hurry ("saw amaan") must not slip through.
- A client's whole name first, then each word of it, longest first: "Mary Jo" before "Jo".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Client

# Names that are also everyday English words. Written in lower case they are taken as the word.
COMMON_WORD_NAMES = frozenset("""
    amber april art august bill bob brook candy carol chance chase chip christian clay cliff cole
    crystal dale dawn dean dev destiny dick dot drew eve faith frank gene gil grace guy hazel heath
    honey hope hunter iris ivy jack jade jasmine jay jean jewel jimmy joy june justice king lance
    lee lily mark mason matt max may melody mike miles minnie misty mo nick norm olive pat patience
    pearl penny pepper peter poppy ray reed rich rob robin rock rocky rose rowan ruby rusty sage
    sandy scott shad skip sky sol sonny stone storm sue summer sunny tad ted teddy terry tiger tim
    tom toby viola violet will willow win wren
""".split())

_WORD = re.compile(r"\w+")
_JOINER = re.compile(r"[\s\-‐‑]+")  # what may separate the words of one name: spaces, hyphens


def normal(text: str) -> str:
    """The form text is compared in: NFC, so composed and decomposed letters are one."""
    return unicodedata.normalize("NFC", text)


def fold(word: str) -> str:
    return normal(word).casefold()


@dataclass(frozen=True)
class Found:
    """A client's name (or a word of it) found in text, at [start, end) of the normalised text."""

    start: int
    end: int
    code: str
    name: str  # the client's whole name


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]  # case-folded
    case_aware: tuple[bool, ...]  # per word: found only when written with a capital
    code: str
    name: str
    whole: bool  # the whole name, not one word of it


def _is_word_form(token: str) -> bool:
    """Written as the ordinary word would be: no capital at its start."""
    return not token[:1].isupper()


class NameMatcher:
    """Every client's name, ready to be found in text."""

    def __init__(self, names_and_codes: Iterable[tuple[str, str]]) -> None:
        entries: list[_Entry] = []
        for name, code in names_and_codes:
            words = [w.group() for w in _WORD.finditer(normal(name))]
            if not words:
                continue
            folded = tuple(fold(w) for w in words)
            aware = tuple(f in COMMON_WORD_NAMES for f in folded)
            entries.append(_Entry(folded, aware, code, name, True))
            if len(words) > 1:
                for word, f, a in zip(words, folded, aware, strict=True):
                    if len(word) >= 2:
                        entries.append(_Entry((f,), (a,), code, name, False))
        # Whole names before single words, longer before shorter, then as given.
        entries.sort(key=lambda e: (not e.whole, -len(e.words), -sum(map(len, e.words))))
        self._by_first: dict[str, list[_Entry]] = {}
        for entry in entries:
            self._by_first.setdefault(entry.words[0], []).append(entry)

    @classmethod
    def of(cls, clients: Iterable[Client]) -> NameMatcher:
        return cls(names_of(clients))

    def find(self, text: str) -> list[Found]:
        """Every name found, in order, in `normal(text)` (the positions refer to that)."""
        text = normal(text)
        tokens = list(_WORD.finditer(text))
        found: list[Found] = []
        i = 0
        while i < len(tokens):
            entry = self._match_at(text, tokens, i)
            if entry is None:
                i += 1
                continue
            last = tokens[i + len(entry.words) - 1]
            found.append(Found(tokens[i].start(), last.end(), entry.code, entry.name))
            i += len(entry.words)
        return found

    def _match_at(self, text: str, tokens: list[re.Match[str]], i: int) -> _Entry | None:
        for entry in self._by_first.get(tokens[i].group().casefold(), ()):
            n = len(entry.words)
            if i + n > len(tokens):
                continue
            here = tokens[i:i + n]
            if any(t.group().casefold() != w for t, w in zip(here, entry.words, strict=True)):
                continue
            if any(aware and _is_word_form(t.group()) for t, aware in zip(here, entry.case_aware, strict=True)):
                continue
            if any(not _JOINER.fullmatch(text[a.end():b.start()]) for a, b in zip(here, here[1:], strict=False)):
                continue
            return entry
        return None

    def redact(self, text: str) -> str:
        """The text (normalised) with every client's name replaced by that client's code."""
        text = normal(text)
        out, at = [], 0
        for hit in self.find(text):
            out += [text[at:hit.start], hit.code]
            at = hit.end
        out.append(text[at:])
        return "".join(out)


def names_of(clients: Iterable[Client]) -> list[tuple[str, str]]:
    """Every client's (name, code), longest name first."""
    pairs = {(c.name, c.code) for c in clients if c.name.strip()}
    return sorted(pairs, key=lambda p: (-len(p[0]), p))
