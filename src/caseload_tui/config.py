"""Where things live and the thresholds the clinician may tune.

Paths come from platformdirs; the environment can override them
(CASELOAD_DB, CASELOAD_CONFIG, CASELOAD_DATA_DIR) so tests and second
installs never touch the real caseload.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

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


def ensure_private_dir(path: Path) -> Path:
    """Create a directory only its owner can enter, whatever the umask."""
    path.mkdir(parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


@dataclass(frozen=True)
class Thresholds:
    """When an active client counts as an absentee (DESIGN.md, grouping rules)."""

    missed_in_a_row: int = 2
    missed_share: float = 0.30
    window_weeks: int = 8
    min_scheduled_in_window: int = 3
    quiet_days: int = 21


@dataclass(frozen=True)
class Settings:
    thresholds: Thresholds = field(default_factory=Thresholds)
    theme: str | None = None


def load_settings(path: Path | None = None) -> Settings:
    """Read the TOML config; defaults for anything absent."""
    path = path or config_path()
    if not path.exists():
        return Settings()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"The settings file {path} could not be read: {exc}") from None
    section = raw.get("absentees", {})
    if not isinstance(section, dict):
        raise ConfigError(f"In {path}, [absentees] should be a table of settings.")
    values = {}
    for f in fields(Thresholds):
        if f.name in section:
            value = section[f.name]
            expected = float if f.type in ("float", float) else int
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ConfigError(f"In {path}, absentees.{f.name} should be a number.")
            values[f.name] = expected(value)
    theme = raw.get("look", {}).get("theme") if isinstance(raw.get("look"), dict) else None
    return Settings(thresholds=Thresholds(**values), theme=theme if isinstance(theme, str) else None)


def save_theme(theme: str, path: Path | None = None) -> None:
    """Remember the chosen theme, keeping the rest of the file as written."""
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True)
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
    path.write_text("\n".join(out).lstrip("\n") + "\n", encoding="utf-8")
