"""Reading JSON with limits: how deep it nests and how large its numbers are, each refused in plain words.

Python's json module would otherwise run out of recursion on a file nested 100,000 deep and
refuse a 5,000-digit number with an error of its own; a caseload file needs neither.
"""

from __future__ import annotations

import itertools
import json
import math
import re

from .errors import ImportProblem

MAX_DEPTH = 32  # a caseload file nests 4 deep; anything far deeper is not one
MAX_NUMBER_DIGITS = 30
_STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(r"[\[\]{}]")


def _whole(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _TooBig
    return int(text)


def _fraction(text: str) -> float:
    value = float(text)
    if len(text) > MAX_NUMBER_DIGITS * 2 or not math.isfinite(value):
        raise _TooBig
    return value


def _not_a_number(text: str) -> float:
    raise _TooBig


class _TooBig(Exception):
    """A number no caseload file holds (too many digits, infinite, NaN)."""


def decode_limited(text: str, source: str) -> object:
    """json.loads with limits: nesting depth and the size of numbers, each refused in plain words."""
    # The nesting is measured before any parsing (so no recursion can run out): brackets outside strings.
    brackets = _BRACKETS.findall(_STRINGS.sub("", text))
    deepest = max(itertools.accumulate(1 if b in "[{" else -1 for b in brackets), default=0)
    if deepest > MAX_DEPTH:
        raise ImportProblem(f"{source}: nested more than {MAX_DEPTH} levels deep; not a caseload file.")
    try:
        return json.loads(text, parse_int=_whole, parse_float=_fraction, parse_constant=_not_a_number)
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"{source}: not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    except (_TooBig, ValueError, RecursionError):
        raise ImportProblem(f"{source}: holds a number too large for a caseload file "
                            f"(more than {MAX_NUMBER_DIGITS} digits, or infinite).") from None
