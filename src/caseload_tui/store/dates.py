"""Dates that matter: a client's (an anniversary, a loss, a court date) or mine (a break)."""

from __future__ import annotations

from .. import model as m
from . import rows
from .base import StoreBase


class DatesMixin(StoreBase):
    def dates(self, client_ids: list[int] | None = None, with_mine: bool = True) -> list[m.DateThatMatters]:
        """Dates that matter to these clients (None: to anyone), in date order; with_mine, my own too."""
        terms, args = [], []
        if client_ids is not None:
            terms.append(f"client_id IN ({', '.join('?' * len(client_ids))})" if client_ids else "0")
            args = list(client_ids)
        if with_mine:
            terms = [f"({' OR '.join([*terms, 'client_id IS NULL'])})"] if terms else []
        elif client_ids is None:
            terms.append("client_id IS NOT NULL")
        sql = "SELECT * FROM dates" + (" WHERE " + terms[0] if terms else "") + " ORDER BY falls_on, id"
        with self._lock.reading() as conn:
            return [rows.date_that_matters(r) for r in conn.execute(sql, args)]

    def date_that_matters(self, date_id: int) -> m.DateThatMatters:
        return self._one("dates", date_id, rows.date_that_matters, "That date has been deleted.")

    def add_date(self, date: m.DateThatMatters) -> m.DateThatMatters:
        return self.date_that_matters(self._add("dates", rows.date_values(date), date.client_id))

    def update_date(self, date: m.DateThatMatters) -> m.DateThatMatters:
        return self.date_that_matters(self._save("dates", date.id, date.version, rows.date_values(date)))

    def delete_date(self, date_id: int) -> None:
        self._delete_note("dates", date_id)
