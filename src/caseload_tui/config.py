"""Where things live and the thresholds the clinician may tune.

Paths come from platformdirs; the environment can override them
(CASELOAD_DB, CASELOAD_CONFIG, CASELOAD_DATA_DIR) so tests and second
installs never touch the real caseload.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .private_files import NotAFile, private_dir, require_regular_file, write_private

APP_NAME = "caseload-tui"


class ConfigError(Exception):
    """The config file exists but cannot be used; the message says why."""


def data_dir() -> Path:
    override = os.environ.get("CASELOAD_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_path() -> Path:
    override = os.environ.get("CASELOAD_CONFIG")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def default_db_path() -> Path:
    override = os.environ.get("CASELOAD_DB")
    if override:
        return Path(override)
    return data_dir() / "caseload.db"


def backups_dir() -> Path:
    return data_dir() / "backups"


def backups_keep(path: Path | None = None) -> int:
    """How many daily backups to keep: `[backups] keep = 14` in the settings file (0: none made)."""
    path = path or config_path()
    if not path.exists():
        return 14
    raw = _read_settings(path)
    section = _table(raw, "backups", path)
    return int(_number(section, "backups", "keep", path, 14))


def _read_settings(path: Path) -> Table:
    """The settings file as tomllib reads it; a folder, pipe or device in its place is refused at once."""
    try:
        require_regular_file(path, "settings file")
        text = path.read_text(encoding="utf-8")
    except NotAFile as exc:
        raise ConfigError(str(exc)) from None
    except OSError as exc:
        raise ConfigError(f"The settings file {path} could not be read ({exc.strerror}).") from None
    import tomllib  # only when there is a settings file to read

    try:
        return tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"The settings file {path} is not UTF-8 text.") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"The settings file {path} could not be read: {exc}") from None


def ensure_private_dir(path: Path) -> Path:
    """Create a directory (and any missing above it) only its owner can enter, whatever the umask."""
    return private_dir(path)


@dataclass(frozen=True)
class Thresholds:
    """When an active client counts as an absentee (docs/ARCHITECTURE.md, "Grouping rules")."""

    missed_in_a_row: int = 2
    missed_share: float = 0.30
    window_weeks: int = 8
    min_scheduled_in_window: int = 3
    quiet_days: int = 21
    # Nothing attended in quiet_days makes an absentee only with this many of the client's own misses
    # in that time: my cancellations, my breaks and moved sessions never make a gap theirs.
    quiet_min_missed: int = 2
    # Reading an absence: a client who came to at least steady_sessions before their misses began,
    # missing at most steady_missed_share of them, was a steady attender, and this is a change.
    steady_sessions: int = 10
    steady_missed_share: float = 0.15
    # A regular not seen for gap_days because of me or a move is said to be in a gap, not absent.
    gap_days: int = 14
    # Shown as New, not a Regular, until this many sessions have been counted.
    new_sessions: int = 3


# ---------------------------------------------------------------- calendar and CSV imports


@dataclass(frozen=True)
class CalendarSettings:
    """How calendar events become sessions ([calendar] in the settings file).

    match: find the client in an event's title by their "code", their "name" or "both".
    prefix: when set (e.g. "Therapy:"), only events whose title starts with it are sessions.
    timezone: the zone sessions are kept in (e.g. "Europe/London"); empty: this computer's zone.
    weeks_back / weeks_ahead: which stretch of a calendar an import reads, around today.
    session_minutes: how long each session lasts in an exported calendar.
    """

    match: str = "both"
    prefix: str = ""
    timezone: str = ""
    weeks_back: int = 26
    weeks_ahead: int = 12
    session_minutes: int = 50


@dataclass(frozen=True)
class CsvSettings:
    """How appointment reports are read ([csv], [csv.columns] and [csv.statuses]).

    columns: field → the report's column header (fields: client, starts_at, date, time, status, id).
    vocabulary: the status words the report uses (see interchange/vocabularies.py); "any" knows them all.
    statuses: extra words → a session status, added to the vocabulary.
    date_order: "dmy" or "mdy" for dates like 03/04/2026; empty: worked out from the file.
    """

    columns: dict[str, str] = field(default_factory=dict)
    vocabulary: str = "any"
    statuses: dict[str, str] = field(default_factory=dict)
    date_order: str = ""


@dataclass(frozen=True)
class FollowedCalendar:
    """A calendar fetched from its address ([calendars.NAME]): an iCalendar feed or a CalDAV calendar.

    Its password is never here: it is kept in the system keyring (`caseload calendar password NAME`)
    or asked each time. Without such a section nothing is ever fetched.
    """

    name: str
    url: str
    kind: str = "feed"  # "feed" (an .ics address) or "caldav"
    username: str = ""  # a CalDAV account, or a feed behind a password


FOLLOWED_KINDS = ("feed", "caldav")
MATCH_RULES = ("code", "name", "both")
DATE_ORDERS = ("", "dmy", "mdy")

# A table of the settings file as tomllib reads it; every value is checked before it is used.
Table = dict[str, object]
# Checked settings on their way into a dataclass as keyword arguments; each key holds its field's type.
Fields = dict[str, Any]


def _calendar_settings(raw: Table, path: Path) -> CalendarSettings:
    section = _table(raw, "calendar", path)
    values: Fields = {}
    for name in ("match", "prefix", "timezone"):
        if name in section:
            values[name] = _text_setting(section, "calendar", name, path)
    for name in ("weeks_back", "weeks_ahead", "session_minutes"):
        if name in section:
            values[name] = int(_number(section, "calendar", name, path, 0))
    if values.get("match", "both") not in MATCH_RULES:
        raise ConfigError(f'In {path}, calendar.match should be "code", "name" or "both".')
    if values.get("timezone"):
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(
                f'In {path}, calendar.timezone should name a time zone such as "Europe/London".'
            ) from None
    return CalendarSettings(**values)


def _csv_settings(raw: Table, path: Path) -> CsvSettings:
    section = _table(raw, "csv", path)
    values: Fields = {}
    for name in ("vocabulary", "date_order"):
        if name in section:
            values[name] = _text_setting(section, "csv", name, path)
    if values.get("date_order", "") not in DATE_ORDERS:
        raise ConfigError(f'In {path}, csv.date_order should be "dmy" or "mdy".')
    for name in ("columns", "statuses"):
        table = _table(section, name, path, where=f"csv.{name}")
        for key in table:
            _text_setting(table, f"csv.{name}", key, path)
        values[name] = dict(table)
    return CsvSettings(**values)


def _followed_calendars(raw: Table, path: Path) -> dict[str, FollowedCalendar]:
    from urllib.parse import urlsplit

    found = {}
    for name in _table(raw, "calendars", path):
        where = f"calendars.{name}"
        section = _table(_table(raw, "calendars", path), name, path, where=where)
        if "password" in section:
            raise ConfigError(f"In {path}, {where} holds a password: passwords are never kept in the settings file. "
                              f"Remove it, then run `caseload calendar password \"{name}\"` to keep it in this "
                              "computer's keyring.")
        unknown = sorted(set(section) - {"url", "kind", "username"})
        if unknown:
            raise ConfigError(f"In {path}, {where} has a setting I do not know ({unknown[0]}); "
                              "a followed calendar has url, kind and username.")
        if "url" not in section:
            raise ConfigError(f"In {path}, {where} needs the calendar's address: url = \"https://…\".")
        values = {key: _text_setting(section, where, key, path) for key in section}
        address = urlsplit(values["url"].strip())
        if address.scheme.lower() not in ("http", "https") or not address.hostname:
            raise ConfigError(f"In {path}, {where}.url should be a web address starting https:// (or http://).")
        if address.password is not None:
            raise ConfigError(f"In {path}, {where}.url holds a password: passwords are never kept in the settings "
                              f"file. Remove it, then run `caseload calendar password \"{name}\"`.")
        if values.get("kind", "feed") not in FOLLOWED_KINDS:
            raise ConfigError(f'In {path}, {where}.kind should be "feed" (an iCalendar address) or "caldav".')
        if values.get("kind") == "caldav" and not values.get("username", "").strip():
            raise ConfigError(f"In {path}, {where} is a CalDAV calendar: it needs username = \"…\".")
        found[name] = FollowedCalendar(name=name, url=values["url"].strip(), kind=values.get("kind", "feed"),
                                       username=values.get("username", "").strip())
    return found


# Every number in the settings file and the range it must fall in (inclusive): a value outside is
# refused with the range named, before anything uses it.
RANGES: dict[str, tuple[float, float]] = {
    "absentees.missed_in_a_row": (1, 52),
    "absentees.missed_share": (0.01, 1.0),
    "absentees.window_weeks": (1, 104),
    "absentees.min_scheduled_in_window": (1, 100),
    "absentees.quiet_days": (1, 365),
    "absentees.quiet_min_missed": (0, 52),
    "absentees.steady_sessions": (1, 500),
    "absentees.steady_missed_share": (0.0, 1.0),
    "absentees.gap_days": (1, 365),
    "absentees.new_sessions": (0, 100),
    "calendar.weeks_back": (0, 260),
    "calendar.weeks_ahead": (0, 156),
    "calendar.session_minutes": (5, 600),
    "privacy.lock_after_minutes": (0, 1440),
    "backups.keep": (0, 1000),
}


def _number(section: Table, where: str, name: str, path: Path, default: float) -> float:
    """A number setting, checked for its type and its range (RANGES); the message names the range."""
    value = section.get(name, default)
    low, high = RANGES[f"{where}.{name}"]
    whole = isinstance(default, int)
    kind = "a whole number" if whole else "a number"
    if (isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high
            or (whole and not float(value).is_integer())):  # NaN and infinity fail the range
        raise ConfigError(f"In {path}, {where}.{name} should be {kind} from {low:g} to {high:g}.")
    return int(value) if whole else float(value)


def _table(raw: Table, name: str, path: Path, where: str | None = None) -> Table:
    section = raw.get(name, {})
    if not isinstance(section, dict):
        raise ConfigError(f"In {path}, [{where or name}] should be a section of settings: a line [name] "
                          "followed by lines such as key = value.")
    return section


def _text_setting(section: Table, where: str, name: str, path: Path) -> str:
    value = section[name]
    if not isinstance(value, str):
        raise ConfigError(f"In {path}, {where}.{name} should be text in quotes.")
    return value


@dataclass(frozen=True)
class Settings:
    thresholds: Thresholds = field(default_factory=Thresholds)
    theme: str | None = None
    calendar: CalendarSettings = field(default_factory=CalendarSettings)
    csv: CsvSettings = field(default_factory=CsvSettings)
    lock_after_minutes: int = 0  # [privacy] lock_after_minutes: hide everything after this long idle; 0: never
    # [supervision] monthly_minimum_minutes: the supervision a month my accrediting body asks for (BACP: 1.5 h).
    supervision_minimum: int = 90
    calendars: dict[str, FollowedCalendar] = field(default_factory=dict)  # [calendars.NAME]: followed at an address


def _supervision_minimum(raw: Table, path: Path) -> int:
    value = _table(raw, "supervision", path).get("monthly_minimum_minutes", 90)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigError(f"In {path}, supervision.monthly_minimum_minutes should be a whole number of minutes "
                          "(0: none).")
    return value


def _lock_after(raw: Table, path: Path) -> int:
    section = _table(raw, "privacy", path)
    return int(_number(section, "privacy", "lock_after_minutes", path, 0))


def load_settings(path: Path | None = None) -> Settings:
    """Read the TOML config; defaults for anything absent."""
    path = path or config_path()
    if not path.exists():
        return Settings()
    raw = _read_settings(path)
    section = _table(raw, "absentees", path)
    values: Fields = {}
    for f in fields(Thresholds):
        if f.name in section:
            values[f.name] = _number(section, "absentees", f.name, path, getattr(Thresholds(), f.name))
    look = raw.get("look")
    theme = look.get("theme") if isinstance(look, dict) else None
    return Settings(thresholds=Thresholds(**values), theme=theme if isinstance(theme, str) else None,
                    calendar=_calendar_settings(raw, path), csv=_csv_settings(raw, path),
                    lock_after_minutes=_lock_after(raw, path), supervision_minimum=_supervision_minimum(raw, path),
                    calendars=_followed_calendars(raw, path))


def save_theme(theme: str, path: Path | None = None) -> None:
    """Remember the chosen theme, keeping the rest of the file as written."""
    path = path or config_path()
    private_dir(path.parent, tighten_existing=False)
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    out, in_look, written = [], False, False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("["):
            if in_look and not written:
                out.append(f"theme = {json.dumps(theme)}")
                written = True
            in_look = stripped == "[look]"
        elif in_look and stripped.startswith("theme"):
            if not written:
                out.append(f"theme = {json.dumps(theme)}")
                written = True
            continue
        out.append(line)
    if in_look and not written:
        out.append(f"theme = {json.dumps(theme)}")
        written = True
    if not written:
        out += ["", "[look]", f"theme = {json.dumps(theme)}"]
    write_private(path, "\n".join(out).lstrip("\n") + "\n")
