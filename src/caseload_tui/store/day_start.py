"""Each client's group as the day began: what the day's end compares with (day_review.moves)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .. import model as m
from .base import StoreBase


class DayStartMixin(StoreBase):
    def groups_at_day_start(self, day: date) -> dict[int, m.Placement] | None:
        """The groups kept for `day` by client id, or None if none were kept that day."""
        with self._lock.reading() as conn:
            found = conn.execute("SELECT client_id, grp, reason FROM groups_at_day_start WHERE day = ?",
                                 [day.isoformat()]).fetchall()
        if not found:
            return None
        return {row["client_id"]: m.Placement(m.Group(row["grp"]), row["reason"]) for row in found}

    def kept_day_start(self, day: date) -> bool:
        """Whether the groups were kept for `day` (one row read, however large the caseload)."""
        with self._lock.reading() as conn:
            return conn.execute("SELECT 1 FROM groups_at_day_start WHERE day = ? LIMIT 1",
                                [day.isoformat()]).fetchone() is not None

    def keep_groups_at_day_start(self, day: date, groups: Mapping[int, m.Group]) -> bool:
        """Keep these groups as the day's start, unless some were kept for `day` already; True if kept now.

        The earlier day's are replaced: only the latest day is kept. Only the group is kept (the day's end
        compares groups); the reason is made when a client is shown, and its column is left empty.
        """
        with self._lock.writing() as conn:
            if conn.execute("SELECT 1 FROM groups_at_day_start WHERE day = ? LIMIT 1", [day.isoformat()]).fetchone():
                return False
            conn.execute("DELETE FROM groups_at_day_start")
            conn.executemany(
                "INSERT INTO groups_at_day_start (client_id, day, grp) VALUES (?, ?, ?)",
                [(client_id, day.isoformat(), group.value) for client_id, group in groups.items()])
        return bool(groups)
