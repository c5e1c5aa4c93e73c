"""The caseload list's rows, made only when drawn or read: at 10,000 clients most never are.

`Rows` stands in for OptionList's list of options (and its maps by id and by option): three group
titles, each group's clients, my practice, each client's option made the first time it is asked for.
`RowLineCache` stands in for its line cache: a row is one line, so nothing is measured or stored.
(Internals of the pinned Textual 8.2.8, as CaseloadList says.)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import cast

from textual.content import Content
from textual.widgets.option_list import Option

PRACTICE_ID = "practice"


def client_option_id(client_id: int) -> str:
    return f"client:{client_id}"


class _LazyRow(Option):
    """A client's row, made when it is first drawn or read: at 10,000 clients most never are. Until then it
    holds only the client's id; their record is read when the row is made (with its neighbours')."""

    def __init__(self, make: Callable[[int], Content], client_id_: int) -> None:
        super().__init__("", id=client_option_id(client_id_))
        self._make: Callable[[int], Content] | None = make  # shared by the rows shown together
        self._client_id = client_id_
        self.index = 0  # where it is in the list (Rows sets it)

    @property
    def prompt(self) -> Content:
        if self._make is not None:
            self._prompt, self._make = self._make(self._client_id), None
        return cast(Content, self._prompt)  # rows are always made as Content

    def _set_prompt(self, prompt) -> None:
        self._make = None
        super()._set_prompt(prompt)


class Rows(Sequence[Option]):
    """The list's options: each group's title and its clients, then my practice; a client's made when asked for."""

    def __init__(self, titles: list[Option], members: list[Sequence[int]], make: Callable[[int], Content],
                 practice: Option) -> None:
        self._titles, self._members, self._make, self._practice = titles, members, make, practice
        self._starts: list[int] = []  # where each title is
        at = 0
        for group in members:
            self._starts.append(at)
            at += 1 + len(group)
        self._length = at + 1
        self._made: dict[int, Option] = {}
        self._where: dict[int, int] | None = None  # a client's row by their id, worked out when first asked

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, index):  # int or slice, as a list's
        if isinstance(index, slice):
            return [self._row(i) for i in range(self._length)[index]]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError(index)
        return self._row(index)

    def _row(self, index: int) -> Option:
        if index == self._length - 1:
            return self._practice
        group = bisect_right(self._starts, index) - 1
        start = self._starts[group]
        if index == start:
            return self._titles[group]
        row = self._made.get(index)
        if row is None:
            row = self._made[index] = _LazyRow(self._make, self._members[group][index - start - 1])
            row.index = index
        return row

    def __iter__(self) -> Iterator[Option]:
        return (self._row(i) for i in range(self._length))

    def clear(self) -> None:
        self._titles, self._members, self._starts, self._length, self._made = [], [], [], 0, {}
        self._where = None

    def index_of(self, option: Option) -> int:
        if isinstance(option, _LazyRow):
            return option.index
        if option is self._practice and self._length:
            return self._length - 1
        return self._starts[self._titles.index(option)]

    def by_id(self, option_id: str) -> Option:
        if option_id == PRACTICE_ID and self._length:
            return self._practice
        for title in self._titles:
            if title.id == option_id:
                return title
        kind, _, number = option_id.partition(":")
        if kind == "client" and number.isdigit():
            if self._where is None:
                self._where = {client: start + 1 + n for start, group in zip(self._starts, self._members, strict=True)
                               for n, client in enumerate(group)}
            if (index := self._where.get(int(number))) is not None:
                return self._row(index)
        raise KeyError(option_id)


class RowIds(Mapping[str, Option]):
    """OptionList's options by id, looked up in the rows."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    def __getitem__(self, option_id: str) -> Option:
        return self._rows.by_id(option_id)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[str]:
        return (cast(str, option.id) for option in self._rows)

    def clear(self) -> None:
        """Nothing is stored."""


class RowIndexes(Mapping[Option, int]):
    """OptionList's index of each option, known to the rows."""

    def __init__(self, rows: Rows) -> None:
        self._rows = rows

    def __getitem__(self, option: Option) -> int:
        return self._rows.index_of(option)

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Option]:
        return iter(self._rows)

    def clear(self) -> None:
        """Nothing is stored."""


class _RowLines(Sequence):
    """An OptionList's lines when every option is one line: line i is (option i, its line 0)."""

    def __init__(self, options: Sequence[Option]) -> None:
        self._options = options

    def __len__(self) -> int:
        return len(self._options)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [(i, 0) for i in range(len(self._options))[index]]
        if index < 0:
            index += len(self._options)
        if not 0 <= index < len(self._options):
            raise IndexError(index)
        return (index, 0)

    def clear(self) -> None:
        """Nothing is stored."""


class _RowMap(Mapping):
    """Option index to its first line (the same number), or to its height (1)."""

    def __init__(self, options: Sequence[Option], height: bool) -> None:
        self._options, self._height = options, height

    def __getitem__(self, index: int) -> int:
        if not 0 <= index < len(self._options):
            raise KeyError(index)
        return 1 if self._height else index

    def __len__(self) -> int:
        return len(self._options)

    def __iter__(self):
        return iter(range(len(self._options)))

    def clear(self) -> None:
        """Nothing is stored."""


class RowLineCache:
    """OptionList's line cache (lines, heights, index_to_line), computed from the rows, never stored."""

    def __init__(self, options: Sequence[Option]) -> None:
        self.lines = _RowLines(options)
        self.heights = _RowMap(options, height=True)
        self.index_to_line = _RowMap(options, height=False)

    def clear(self) -> None:
        """Nothing is stored."""


