"""Calendars followed at their address ([calendars.NAME] in the settings), fetched on request.

Nothing here is reached unless the settings give a calendar an address: no other part of
caseload goes on the network. A feed (an iCalendar address, such as a practice system's or
Google's secret address) is fetched with the standard library's urllib; a CalDAV calendar
with the `caldav` library, its events put together as one calendar. What comes back is read
and brought in exactly as a file of that calendar would be (importing.import_calendar).

Messages name the calendar and its server, never the whole address: a secret address is as
good as a password. A fetch that fails changes nothing.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from ..config import FollowedCalendar, Settings
from ..safe_text import one_line
from .calendar_identity import CalendarChoice
from .calendar_passwords import stored_password
from .errors import ImportProblem
from .ics_scan import MAX_FILE_BYTES

if TYPE_CHECKING:
    from ..store import Store

TIMEOUT_SECONDS = 30
# What a calendar holding no events is, as a file would say it (a CalDAV calendar emptied of its sessions).
EMPTY_CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//caseload-tui//following//EN\r\nEND:VCALENDAR\r\n"

# Asked at the terminal when the keyring holds no password: (the calendar) → the password, or None.
AskPassword = Callable[[FollowedCalendar], str | None]


def where(followed: FollowedCalendar) -> str:
    """The calendar as messages name it: “Practice” at its server (never the secret path)."""
    return f"“{one_line(followed.name, 40)}” at {one_line(urlsplit(followed.url).hostname or '', 60)}"


def fetch(followed: FollowedCalendar, ask: AskPassword | None) -> bytes:
    """The calendar's iCalendar text as its address gives it; ImportProblem in plain words when it cannot be had."""
    password = _password(followed, ask)
    if followed.kind == "caldav":
        return _fetch_caldav(followed, password)
    return _fetch_feed(followed, password)


def import_followed(store: Store, followed: FollowedCalendar, raw: bytes, settings: Settings, now: datetime,
                    dry_run: bool) -> list[str]:
    """Bring a fetched calendar in under its own name, all or nothing, as its file would be brought in."""
    from . import ics
    from .importing import import_calendar

    clients = store.clients()
    label = where(followed)
    return import_calendar(
        store, lambda known: ics.parse_calendar(raw, label, clients, settings.calendar, now, known=known),
        label, dry_run, CalendarChoice(name=followed.name))


def changes_nothing(lines: list[str]) -> bool:
    """A dry run's lines say nothing would be added, changed or removed (session_report.describe_changes)."""
    return any(line.startswith("Would add 0, change 0 and remove 0 ") for line in lines)


def _password(followed: FollowedCalendar, ask: AskPassword | None) -> str | None:
    if not followed.username:
        return None
    kept = stored_password(followed)
    if kept is not None:
        return kept
    asked = ask(followed) if ask else None
    if asked is None:
        raise ImportProblem(f"{where(followed)} needs the password of {one_line(followed.username, 40)}, and none "
                            f"is kept: run `caseload calendar password \"{one_line(followed.name, 40)}\"` to keep "
                            "it in this computer's keyring. Nothing was fetched or changed.")
    return asked


def _fetch_feed(followed: FollowedCalendar, password: str | None) -> bytes:
    import urllib.error
    import urllib.request

    headers = {"User-Agent": "caseload-tui", "Accept": "text/calendar"}
    if followed.username:
        token = base64.b64encode(f"{followed.username}:{password or ''}".encode()).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    request = urllib.request.Request(followed.url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            raw: bytes = response.read(MAX_FILE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise _refused(followed, exc.code) from None
    except (urllib.error.URLError, OSError, ValueError):  # refused, unreachable, timed out, no such host
        raise _unreachable(followed) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ImportProblem(f"{where(followed)}: the calendar is larger than any calendar of sessions "
                            f"({MAX_FILE_BYTES // 2**20} MB at most). Nothing was changed.")
    if b"BEGIN:VCALENDAR" not in raw[:4096].upper():
        raise ImportProblem(f"{where(followed)}: the address gives something that is not a calendar (perhaps a web "
                            "page): check it is the calendar's iCalendar (.ics) address. Nothing was changed.")
    return raw


def _fetch_caldav(followed: FollowedCalendar, password: str | None) -> bytes:
    from caldav.calendarobjectresource import Event
    from caldav.collection import Calendar
    from caldav.davclient import DAVClient
    from caldav.lib import error

    try:
        with DAVClient(url=followed.url, username=followed.username, password=password,
                       timeout=TIMEOUT_SECONDS) as client:
            # The synchronous client gives the list itself (the coroutine is its asynchronous client's).
            events = cast("list[Event]", Calendar(client=client, url=followed.url).events())
            texts = [str(event.data).encode("utf-8") for event in events]
    except error.AuthorizationError:
        raise _refused(followed, 401) from None
    except error.NotFoundError:
        raise _refused(followed, 404) from None
    except error.DAVError:
        raise ImportProblem(f"{where(followed)}: the server did not answer as a CalDAV calendar does; check the "
                            "address is the calendar's own (not the account's). Nothing was changed.") from None
    except (OSError, ValueError):  # the connection errors of caldav's HTTP library are OSErrors
        raise _unreachable(followed) from None
    # Each event is a VCALENDAR of its own; the importer reads several VCALENDARs as one calendar.
    return b"".join(texts) if texts else EMPTY_CALENDAR


def _refused(followed: FollowedCalendar, status: int) -> ImportProblem:
    if status in (401, 403):
        if followed.username:
            why = (f"refused the username and password of {one_line(followed.username, 40)}: run "
                   f"`caseload calendar password \"{one_line(followed.name, 40)}\"` to give the right one")
        else:
            why = "asks for a username and password: add username = \"…\" to its section in the settings"
    elif status == 404:
        why = "has no calendar at that address (it may have been moved, or its secret address reset)"
    else:
        why = f"could not give the calendar (it answered {status})"
    return ImportProblem(f"{where(followed)}: the server {why}. Nothing was changed.")


def _unreachable(followed: FollowedCalendar) -> ImportProblem:
    return ImportProblem(f"{where(followed)}: the server could not be reached (it may be down, or this computer "
                         "offline). Nothing was changed; try again later.")
