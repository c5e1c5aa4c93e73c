"""What calendar and report imports share: finding the client, and the sessions read from a file.

A file is read into a SessionFile (sessions ready for Store.upsert_sessions,
and the entries that were not imported, with the reason); nothing here
writes. Clients are never guessed: an entry that names no client, or more
than one, is listed for the clinician instead.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, time

from .. import model as m
from ..safe_text import one_line


@dataclass
class NotImported:
    """An entry of the file that did not become a session, and why, in the clinician's words."""

    where: str  # 'event “Team meeting” on Tue 24 Nov 2026 10:00', 'row 7'
    reason: str
    more: int = 0  # further occurrences of the same repeating event, not listed one by one


@dataclass
class SessionFile:
    """Sessions read from one calendar or report."""

    source: str  # 'ics:<calendar name>' or 'csv:<vocabulary>'
    sessions: list[m.Appointment] = field(default_factory=list)
    where: dict[str, str] = field(default_factory=dict)  # source_uid → how the file names the entry
    not_imported: list[NotImported] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # things worth saying, e.g. '3 all-day events skipped'
    # A calendar speaks for everything in this stretch: sessions it no longer lists may be withdrawn.
    covers: tuple[datetime, datetime] | None = None
    # Entries in the file that are not sessions here; a session once imported from one is never withdrawn.
    still_listed: frozenset[str] = frozenset()
    # Calendars only: the name the file gives itself, and the UIDs of its events near the stretch and of
    # those asked about anywhere in it (to tell calendars apart: calendar_identity.py).
    suggested_name: str = ""
    event_uids: frozenset[str] = frozenset()


def describe_moment(when: datetime) -> str:
    return when.strftime("%a %-d %b %Y %H:%M")


def normal_text(text: str) -> str:
    """For comparing names: composed Unicode ('Zoë' either way), case folded, spaces single."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


class ClientFinder:
    """Finds the one client an event title or a report cell names.

    rule: "code", "name" or "both" (which of the client's code and name may name them).
    """

    def __init__(self, clients: list[m.Client], rule: str = "both"):
        self.clients = clients
        self.rule = rule
        # Compiled once: a calendar's thousands of occurrences are each looked for every client.
        self._patterns = [
            (label, re.compile(rf"(?<!\w){re.escape(label)}(?!\w)"), client)
            for client in clients for label in self._labels(client)
        ]

    def _labels(self, client: m.Client) -> list[str]:
        labels = []
        if self.rule in ("code", "both") and client.code.strip():
            labels.append(client.code)
        if self.rule in ("name", "both") and client.name.strip():
            labels.append(client.name)
        return [normal_text(label) for label in labels]

    def in_title(self, title: str) -> tuple[m.Client | None, str]:
        """The client whose code or name stands in the title as whole words; else None and why."""
        text = normal_text(title)
        spans = [(found.start(), found.end(), client)
                 for label, pattern, client in self._patterns if label in text for found in pattern.finditer(text)]
        # 'Ann Lee' holds 'Ann': a client named only inside another's longer match is not meant.
        meant = {
            id(c): c for s, e, c in spans
            if not any(s2 <= s and e <= e2 and (e2 - s2) > (e - s) and c2 is not c for s2, e2, c2 in spans)
        }
        return self._one(list(meant.values()), "the title")

    def named(self, value: str) -> tuple[m.Client | None, str]:
        """The client whose code (or name, as the rule allows) is exactly the value ("Last, First" too)."""
        text = normal_text(value)
        if not text:
            return None, "no client is named"
        exact = [c for c in self.clients if self.rule != "name" and c.code == value.strip()]
        if len(exact) == 1:
            return exact[0], ""
        found = [c for c in self.clients if text in self._labels(c)]
        last, comma, first = value.partition(",")
        if not found and comma and last.strip() and first.strip():
            turned = normal_text(f"{first} {last}")
            found = [c for c in self.clients if turned in self._labels(c)]
        return self._one(found, "it")

    def _one(self, found: list[m.Client], place: str) -> tuple[m.Client | None, str]:
        if len(found) == 1:
            return found[0], ""
        what = {"code": "code", "name": "name", "both": "code or name"}[self.rule]
        if not found:
            return None, f"no client's {what} is in {place}"
        codes = ", ".join(one_line(c.code, 12) for c in found[:4])
        return None, f"more than one client could be meant ({codes})"


def usual_time(schedule: str) -> time | None:
    """The hour (and minute) a client's schedule gives their sessions; None without one."""
    hour = re.search(r"BYHOUR=(\d{1,2})(?![\d,])", schedule.upper())
    if not hour or int(hour.group(1)) > 23:
        return None
    minute = re.search(r"BYMINUTE=(\d{1,2})(?![\d,])", schedule.upper())
    return time(int(hour.group(1)), int(minute.group(1)) if minute and int(minute.group(1)) < 60 else 0)


def after_the_ending(client: m.Client, when: datetime) -> str:
    """Why a session after the client's work ended is not imported; '' if it is not after."""
    if client.ended_on is not None and when.date() > client.ended_on:
        return f"it is after the work with {one_line(client.code, 12)} ended ({client.ended_on:%-d %b %Y})"
    return ""
