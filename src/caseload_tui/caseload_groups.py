"""The caseload in its groups as the dashboard shows it: every client's group counted in SQL, the rest read
only for the clients shown.

At 10,000 clients the groups are one query over the active clients' recent sessions
(`Store.tallies`, decided by `rules.group_of`); a client's record (their sessions, counts, client
row) is read with its neighbours in the list when its row is first drawn, and their placement (the
reason sentence) is made from it by `rules.place` when first asked for. The two agree:
tests/store/test_grouping_in_sql.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import TypeVar

from . import rules
from .config import Thresholds
from .model import Client, ClientRecord, Group, Placement
from .store import NotFound, Store

PAGE = 64  # records read at once: a screenful of rows and more, in one query


class CaseloadGroups:
    """Who is in which group, in the list's order (by name, then id); records and placements when asked."""

    def __init__(self, store: Store, now: datetime, thresholds: Thresholds) -> None:
        self.store, self.now, self.thresholds = store, now, thresholds
        self.members: dict[Group, list[int]] = {g: [] for g in Group}
        self._group: dict[int, Group] = {}
        for client_id, tally in store.tallies(now, thresholds):
            group = rules.group_of(tally, thresholds)
            self.members[group].append(client_id)
            self._group[client_id] = group
        self._order: list[int] = []
        self._position: dict[int, int] = {}
        self._place_in_order()
        self._records: dict[int, ClientRecord] = {}
        self._placements: dict[int, Placement] = {}
        self._clients: dict[int, Client] | None = None
        self._longest: tuple[int, int] | None = None
        self.records: Mapping[int, ClientRecord] = _Lazy(self, self.record)
        self.placements: Mapping[int, Placement] = _Lazy(self, self.placement)

    def _place_in_order(self) -> None:
        self._order = [i for group in Group for i in self.members[group]]
        self._position = {client_id: n for n, client_id in enumerate(self._order)}

    def __contains__(self, client_id: object) -> bool:
        return client_id in self._group

    def __len__(self) -> int:
        return len(self._group)

    def __iter__(self) -> Iterator[int]:
        return iter(self._order)

    def group(self, client_id: int) -> Group:
        return self._group[client_id]

    def groups(self) -> dict[int, Group]:
        """Every client's group by id: what the day's start keeps (day_review.keep_day_start)."""
        return dict(self._group)

    def first(self) -> int | None:
        return self._order[0] if self._order else None

    def record(self, client_id: int) -> ClientRecord:
        """A client's record, read with the neighbours of their row (the rows drawn beside it). NotFound if
        they have gone since the groups were read (another window deleted them: the dashboard reads again)."""
        found = self.record_if_there(client_id)
        if found is None:
            raise NotFound("That client is no longer in the caseload.")
        return found

    def record_if_there(self, client_id: int) -> ClientRecord | None:
        found = self._records.get(client_id)
        if found is None and client_id in self._position:
            at = self._position[client_id]
            start = max(0, at - PAGE // 4)
            page = [i for i in self._order[start:start + PAGE] if i not in self._records]
            for record in self.store.records_of(page, self.now):
                self._records[record.client.id or 0] = record
            found = self._records.get(client_id)
        return found

    def placement(self, client_id: int) -> Placement:
        """A client's group and the reason in a sentence, made from their record when first shown."""
        found = self._placements.get(client_id)
        if found is None:
            found = self._placements[client_id] = rules.place(self.record(client_id), self.now, self.thresholds)
        return found

    def clients(self) -> list[Client]:
        """Every client in the list's order (names and codes: privacy mode, type to jump, the next free code),
        read when first asked for."""
        if self._clients is None:
            self._clients = {c.id or 0: c for c in self.store.clients()}
        return [self._clients[i] for i in self._order if i in self._clients]

    def clients_of(self, client_ids: list[int]) -> dict[int, Client]:
        """These clients by id (a group's, whose notes its view shows with their names)."""
        self.clients()
        assert self._clients is not None
        return {i: self._clients[i] for i in client_ids if i in self._clients}

    def longest(self, by_code: bool) -> int:
        """The length of the longest name (or code), for the list's width: read in SQL, not from every client."""
        if self._longest is None:
            self._longest = self.store.longest_names()
        return self._longest[1 if by_code else 0]

    def update(self, record: ClientRecord, now: datetime) -> bool:
        """A client read again (after a save) or added; True if the list must be made again: they moved to
        another group, or were added or renamed (their place in the order changed)."""
        client_id = record.client.id
        assert client_id is not None
        placement = rules.place(record, now, self.thresholds)
        before = self._group.get(client_id)
        known = self._records.get(client_id)
        self._records[client_id], self._placements[client_id] = record, placement
        if self._clients is not None:
            self._clients[client_id] = record.client
        self._longest = None
        renamed = known is not None and known.client.name != record.client.name
        if before is placement.group and not renamed:
            return False
        self._group[client_id] = placement.group
        order = self.store.client_order()  # by name, as the store sorts them
        self.members = {g: [i for i in order if self._group.get(i) is g] for g in Group}
        self._place_in_order()
        return True


V = TypeVar("V")


class _Lazy(Mapping[int, V]):
    """A mapping by client id whose values are read when first looked up (records, placements)."""

    def __init__(self, groups: CaseloadGroups, read: Callable[[int], V]) -> None:
        self._groups, self._read = groups, read

    def __getitem__(self, client_id: int) -> V:
        if client_id not in self._groups:
            raise KeyError(client_id)
        return self._read(client_id)

    def __contains__(self, client_id: object) -> bool:
        return client_id in self._groups

    def __len__(self) -> int:
        return len(self._groups)

    def __iter__(self) -> Iterator[int]:
        return iter(self._groups)
