"""Reading the fields of a JSON caseload's records, each checked before it is used (json_format.py).

Every problem is reported by the record's place in the file and the field's name, never
with the text it holds.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from .errors import ImportProblem

# A JSON object as json.loads gives it: every value is checked before it is used.
Document = dict[str, object]

_T = TypeVar("_T")
_E = TypeVar("_E", bound=enum.Enum)
# Reads a field's text, given where the record is and the field's name; raises ImportProblem.
_Read = Callable[[str, str, str], _T]


class FieldReader:
    """Reads fields of one record at a time, checking each; an absent optional field reads as None."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.positions: dict[str, int] = {}

    def _fail(self, where: str, message: str) -> ImportProblem:
        return ImportProblem(f"{self.source}: {where}: {message}")

    def _record(self, where: str, raw: object) -> Document:
        if not isinstance(raw, dict):
            raise self._fail(where, "should be an object with named fields.")
        return raw

    def _maybe(self, where: str, raw: Document, key: str, kind: type[_T]) -> _T | None:
        """The field checked to be of `kind`; None when it is absent or null."""
        value = raw.get(key)
        if value is None:
            return None
        if isinstance(value, bool) and kind is not bool:
            raise self._fail(where, f"{key!r} should be {_kind_name(kind)}, not true/false.")
        if not isinstance(value, kind):
            raise self._fail(where, f"{key!r} should be {_kind_name(kind)}.")
        if isinstance(value, str) and not _is_text(value):
            raise self._fail(where, f"{key!r} holds a character that is not valid text.")
        return value

    def _need(self, where: str, raw: Document, key: str, kind: type[_T]) -> _T:
        value = self._maybe(where, raw, key, kind)
        if value is None:
            raise self._fail(where, f"the field {key!r} is missing.")
        return value

    def _text(self, where: str, raw: Document, key: str, required: bool = False) -> str:
        if not required:
            return self._maybe(where, raw, key, str) or ""
        value = self._need(where, raw, key, str)
        if not value.strip():
            raise self._fail(where, f"the field {key!r} is empty.")
        return value

    def _required(self, where: str, raw: Document, key: str, read: _Read[_T]) -> _T:
        return read(where, key, self._need(where, raw, key, str))

    def _optional(self, where: str, raw: Document, key: str, read: _Read[_T]) -> _T | None:
        value = self._maybe(where, raw, key, str)
        return None if value is None else read(where, key, value)

    # Readers of a field's text, for _required and _optional.

    def _day(self, where: str, key: str, value: str) -> date:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self._fail(where, f"{key!r} is not a date in the form YYYY-MM-DD.") from None

    def _minute(self, where: str, key: str, value: str) -> datetime:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self._fail(where, f"{key!r} is not a date and time in the form YYYY-MM-DDTHH:MM.") from None
        if parsed.tzinfo is not None or parsed.second or parsed.microsecond:
            raise self._fail(where, f"{key!r} should be a local time to the minute, YYYY-MM-DDTHH:MM.")
        return parsed

    def _member(self, kind: type[_E]) -> _Read[_E]:
        def read(where: str, key: str, value: str) -> _E:
            try:
                return kind(value)
            except ValueError:
                allowed = ", ".join(str(e.value) for e in kind)
                raise self._fail(where, f"{key!r} must be one of: {allowed}.") from None
        return read

    def _position(self, where: str, key: str, code: str) -> int:
        """The client's place in the file, for the client code in the field `key`."""
        if code not in self.positions:
            raise self._fail(where, f"refers to a client code that is not in the file ({short(code)}).")
        return self.positions[code]

    def _flag(self, where: str, raw: Document, key: str, default: bool) -> bool:
        value = self._maybe(where, raw, key, bool)
        return default if value is None else value


def _kind_name(kind: type) -> str:
    names: dict[type, str] = {str: "text", int: "a number", float: "a number", bool: "true or false",
                              list: "a list", dict: "an object"}
    return names.get(kind, kind.__name__)


def _is_text(value: str) -> bool:
    """False if it holds a lone surrogate ('\\ud83d', half an emoji): JSON allows one, storage does not."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def short(text: str, limit: int = 24) -> str:
    visible = "".join(c if c.isprintable() else "�" for c in text)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"
