"""Under umask 000 every file and folder the program makes is 0600/0700, and no file is made more open.

The real program is run with umask 000 (so nothing relies on the user's umask), each command
making what it makes; then every path under the test's folder is looked at.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from caseload_tui import config, crash

from trust_helpers import make_caseload, subprocess_env

CASELOAD = str(Path(sys.executable).parent / "caseload")
DEMO = Path(__file__).parents[2] / "src" / "caseload_tui" / "sample_data" / "caseload.json"


def under_umask_000(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CASELOAD, *args], env=env, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL, preexec_fn=lambda: os.umask(0))


def too_open(root: Path, leave: set[Path]) -> dict[str, str]:
    """Every path under root (but those in leave, made by the test itself) not 0700/0600 or stricter."""
    found = {}
    for path in [root, *root.rglob("*")]:
        if path in leave:
            continue
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            found[str(path.relative_to(root))] = oct(mode)
    return found


def test_every_path_made_under_umask_000_is_private(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir(mode=0o700)
    env = subprocess_env(home)
    env["CASELOAD_DATA_DIR"] = str(home / "deep" / "er" / "data")
    env["CASELOAD_CONFIG"] = str(home / "conf" / "ig" / "config.toml")
    steps = [
        ("import", str(DEMO)),  # your own caseload, made with its folders
        ("groups",),  # the next day's start: the daily backup and its folder
        ("init", str(home / "new" / "folder" / "c.db")),
        ("export", "-o", str(home / "caseload.json")),
        ("export", "--format", "csv", "-o", str(home / "tables" / "inner")),
        ("export", "--format", "ics", "-o", str(home / "sessions.ics")),
        ("brief", "-o", str(home / "brief.md")),
        ("backup",),
        ("backup", str(home)),
    ]
    for step in steps:
        done = under_umask_000(*step, env=env)
        assert done.returncode == 0, (step, done.stderr)
    # What the dashboard writes: the theme in the settings, a crash report (drafts are in the caseload).
    monkeypatch.setenv("CASELOAD_DATA_DIR", env["CASELOAD_DATA_DIR"])
    monkeypatch.setenv("CASELOAD_CONFIG", env["CASELOAD_CONFIG"])
    old = os.umask(0)
    try:
        config.save_theme("nord")
        try:
            raise RuntimeError("for the report")
        except RuntimeError as exc:
            assert crash.write_report(exc, datetime(2026, 11, 25, 18)) is not None
    finally:
        os.umask(old)
    assert too_open(home, leave=set()) == {}
    made = {p.name for p in home.rglob("*")}
    assert {"caseload.db", "backups", "config.toml", "c.db", "inner", "brief.md"} <= made


def test_an_existing_file_is_never_made_more_open(tmp_path):
    """A 0400 caseload stays 0400 after a command reads it; a 0640 one loses only what others could do."""
    env = subprocess_env(tmp_path)
    strict = tmp_path / "strict.db"
    make_caseload(strict).close()
    os.chmod(strict, 0o400)
    under_umask_000("groups", "--db", str(strict), env=env)
    assert stat.S_IMODE(strict.stat().st_mode) == 0o400
    shared = tmp_path / "shared.db"
    make_caseload(shared).close()
    os.chmod(shared, 0o640)
    assert under_umask_000("groups", "--db", str(shared), env=env).returncode == 0
    assert stat.S_IMODE(shared.stat().st_mode) == 0o600
    settings = tmp_path / "config.toml"
    settings.write_text("[look]\ntheme = \"nord\"\n")
    os.chmod(settings, 0o400)
    config.save_theme("gruvbox", settings)
    assert stat.S_IMODE(settings.stat().st_mode) == 0o400
    assert 'theme = "gruvbox"' in settings.read_text()
