"""Counting in words: "1 session", "3 sessions". The one plural helper every sentence uses
(tests/unit/test_user_words.py fails on "{n} minutes" written without it)."""

from __future__ import annotations


def plural(n: int, noun: str, many: str = "") -> str:
    """`noun` as it reads after the number n: as given for 1, else `many` (or noun + "s")."""
    return noun if n == 1 else (many or f"{noun}s")


def numbered(n: int, noun: str, many: str = "") -> str:
    """The number and the noun that follows it: "1 minute", "0 minutes", "2,400 characters"."""
    return f"{n:,} {plural(n, noun, many)}"
