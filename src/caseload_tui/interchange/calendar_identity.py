"""Which calendar a calendar file is, so that two calendars never remove each other's sessions.

A calendar's sessions are kept under its name ('ics:NAME'); importing a file speaks for
that calendar's sessions in the stretch it covers, and removes those it no longer lists.
So the name must say which calendar the file is, not merely what the file calls itself:
Exchange names every calendar "Calendar", and two invitations may both be `invite.ics`.

- `--calendar NAME` (or the calendar's own settings, for one that is followed) says it.
- Otherwise the file's own name (X-WR-CALNAME, or the file name without "(1)") is offered:
  when someone can be asked, they are asked, with the calendars already in the caseload;
  when not, a name new to the caseload is taken as a new calendar, and said.
- A name already in the caseload is taken as that calendar only when the file holds at
  least one of the events its sessions came from (by UID). A file that shares none is
  another calendar of the same name: the clinician is asked, or the import stops and says
  how to name it; nothing is removed on a guess.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..safe_text import one_line
from .errors import ImportProblem
from .session_files import SessionFile

if TYPE_CHECKING:
    from ..store import Store

# (what the file calls itself, the calendars already in the caseload, why it is asked) → the name chosen
Ask = Callable[[str, list[str], str], str]
_OCCURRENCE = re.compile(r"/\d{8}(T\d{6}Z?)?$")


@dataclass
class CalendarChoice:
    name: str | None = None  # given with --calendar
    ask: Ask | None = None  # None when there is no one to ask (the dashboard, a script)


def event_uid(source_uid: str) -> str:
    """The event a session came from: its source_uid without the occurrence ('UID/20261103T100000Z')."""
    return _OCCURRENCE.sub("", source_uid)


def known_event_uids(store: Store) -> dict[str, frozenset[str]]:
    """Each calendar in the caseload (by name) and the UIDs of the events its sessions came from."""
    return {source.removeprefix("ics:"): frozenset(event_uid(u) for u in uids)
            for source, uids in store.source_uids("ics:").items()}


def choose_calendar(found: SessionFile, known: dict[str, frozenset[str]], choice: CalendarChoice) -> tuple[str, str]:
    """The name the file's sessions are kept under, and a line saying how it was chosen ('' if nothing to say)."""
    if choice.name and choice.name.strip():
        return _checked(choice.name), ""
    offered = found.suggested_name or "calendar"
    names = sorted(known)
    if offered not in known:
        if choice.ask:
            return _asked(choice.ask, offered, names, "new"), ""
        return offered, (f"“{one_line(offered, 40)}” is a calendar new to this caseload (to give it another name, "
                         "import it with --calendar NAME).")
    ours = known[offered]
    if not ours or ours & found.event_uids:
        return offered, ""
    if choice.ask:
        return _asked(choice.ask, offered, names, "same name"), ""
    shown = one_line(offered, 40)
    raise ImportProblem(
        f"This caseload already has a calendar “{shown}”, and this file holds none of its events: it may be "
        f"another calendar with the same name. Nothing was changed. Say which calendar it is: --calendar "
        f"\"{shown}\" if it is that one (its sessions that this file does not list would be removed), or "
        f"--calendar with a new name to keep both."
    )


def _asked(ask: Ask, offered: str, names: list[str], why: str) -> str:
    answer = ask(offered, names, why).strip()
    return _checked(answer) if answer else offered


def _checked(name: str) -> str:
    """A calendar's name as given; one holding control characters (a key pressed by mistake) is refused."""
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in name):
        raise ImportProblem("A calendar's name cannot hold control characters (perhaps a key such as Home "
                            "was pressed); nothing was changed. Give it in words.")
    return name.strip()
