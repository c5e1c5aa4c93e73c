"""Every bad input is refused in plain words with a non-zero exit, never with the crash message.

The real program is run (as a user would run it), each time with a time limit: a hang or a
runaway expansion fails the test instead of stalling it. A FIFO is refused before it is ever
opened (opening one waits for a writer for ever).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.interchange import json_format

from trust_helpers import make_caseload, subprocess_env

CASELOAD = str(Path(sys.executable).parent / "caseload")
CRASH_WORDS = ("unexpected problem", "Traceback", "Error:")


def program(args: list[str], env: dict[str, str], limit: float = 5.0,
            as_nobody: bool = False) -> subprocess.CompletedProcess[str]:
    """`caseload ARGS`, killed (and the test failed) if it is not done within LIMIT seconds."""
    prefix = ["setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"] if as_nobody else []
    return subprocess.run(prefix + [CASELOAD, *args], env=env, capture_output=True, text=True,
                          timeout=limit, stdin=subprocess.DEVNULL)


def refused_plainly(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode != 0, done.stdout
    for crash_word in CRASH_WORDS:
        assert crash_word not in done.stderr, done.stderr
    assert done.stderr.startswith("caseload: "), done.stderr
    for word in words:
        assert word in done.stderr, done.stderr
    return done.stderr


def caseload_json(tmp_path: Path, name: str, **client: object) -> Path:
    """A caseload file of one client, with CLIENT's fields changed."""
    doc = json.loads(json_format.dumps(m.CaseloadData()))
    doc["clients"] = [{"name": "Ann", "code": "A1", "started_on": "2026-01-05", **client}]
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    return path


@pytest.fixture
def env(tmp_path):
    return subprocess_env(tmp_path)


def test_json_nested_100000_deep_is_refused(tmp_path, env):
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    refused_plainly(program(["import", str(deep), "--db", str(tmp_path / "c.db")], env), "nested more than")
    assert not (tmp_path / "c.db").exists()


def test_a_5000_digit_number_in_json_is_refused(tmp_path, env):
    big = tmp_path / "big.json"
    big.write_text(f'{{"format": "{json_format.FORMAT}", "version": {"9" * 5000}}}')
    refused_plainly(program(["import", str(big), "--db", str(tmp_path / "c.db")], env), "number too large")


def test_a_minutely_schedule_in_a_caseload_file_is_refused(tmp_path, env):
    minutely = caseload_json(tmp_path, "minutely.json", schedule="FREQ=MINUTELY")
    refused_plainly(program(["import", str(minutely), "--db", str(tmp_path / "c.db")], env),
                    "at most once a day")
    hourly_by_parts = caseload_json(tmp_path, "hours.json", schedule="FREQ=DAILY;BYHOUR=9,10,11")
    refused_plainly(program(["import", str(hourly_by_parts), "--db", str(tmp_path / "c.db")], env),
                    "at most once a day")


def test_a_csv_cell_over_the_limit_is_refused(tmp_path, env):
    report = tmp_path / "report.csv"
    report.write_text("client,starts_at,status\nA1,2026-11-20 10:00," + "x" * 131_073 + "\n")
    make_caseload(tmp_path / "c.db").close()
    refused_plainly(program(["import", str(report), "--db", str(tmp_path / "c.db")], env),
                    "longer than 131,072 characters")


@pytest.mark.parametrize("setting, words", [
    ("[absentees]\nwindow_weeks = 1e400", "absentees.window_weeks should be a whole number from 1 to 104"),
    ("[absentees]\nwindow_weeks = 100000000", "absentees.window_weeks should be a whole number from 1 to 104"),
    ("[calendar]\nweeks_ahead = 500000", "calendar.weeks_ahead should be a whole number from 0 to 156"),
    ("[absentees]\nmissed_in_a_row = -1", "absentees.missed_in_a_row should be a whole number from 1 to 52"),
    ("[absentees]\nmissed_share = nan", "absentees.missed_share should be a number from 0.01 to 1"),
    ("[absentees]\nquiet_days = 2.5", "absentees.quiet_days should be a whole number from 1 to 365"),
    ("[backups]\nkeep = -3", "backups.keep should be a whole number from 0 to 1000"),
    ("[privacy]\nlock_after_minutes = 1e9", "privacy.lock_after_minutes should be a whole number from 0 to 1440"),
])
def test_settings_out_of_range_are_refused_with_the_range_named(tmp_path, env, setting, words):
    config = Path(env["CASELOAD_CONFIG"])
    config.parent.mkdir(parents=True)
    config.write_text(setting + "\n")
    make_caseload(tmp_path / "c.db").close()
    refused_plainly(program(["groups", "--db", str(tmp_path / "c.db")], env), words)


def test_every_number_setting_has_its_range_and_its_default_is_in_it():
    from dataclasses import fields

    from caseload_tui import config

    defaults = {f"absentees.{f.name}": f.default for f in fields(config.Thresholds)}
    defaults |= {f"calendar.{name}": getattr(config.CalendarSettings(), name)
                 for name in ("weeks_back", "weeks_ahead", "session_minutes")}
    defaults |= {"privacy.lock_after_minutes": 0, "backups.keep": 14}
    assert set(defaults) == set(config.RANGES)
    for name, default in defaults.items():
        low, high = config.RANGES[name]
        assert low <= default <= high, name


def test_a_settings_path_that_is_a_folder_is_refused(tmp_path, env):
    Path(env["CASELOAD_CONFIG"]).mkdir(parents=True)
    make_caseload(tmp_path / "c.db").close()
    refused_plainly(program(["groups", "--db", str(tmp_path / "c.db")], env), "is a folder, not a settings file")


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe.db"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", [
    ["groups", "--db", "{fifo}"],
    ["check", "--db", "{fifo}"],
    ["backup", "--db", "{fifo}"],
    ["export", "--db", "{fifo}"],
    ["brief", "--db", "{fifo}"],
    ["restore", "--yes", "--db", "{db}", "{fifo}"],
    ["restore", "--yes", "--db", "{fifo}", "{backup}"],
    ["import", "{fifo}", "--db", "{db}"],
    ["import", "--dry-run", "{fifo_ics}", "--db", "{db}"],
])
def test_a_fifo_is_refused_at_once(tmp_path, env, fifo, command):
    """Refused in under a second, counting the program's own start (the limit kills a hang)."""
    make_caseload(tmp_path / "c.db").close()
    make_caseload(tmp_path / "backup.db").close()
    fifo_ics = tmp_path / "pipe.ics"
    os.mkfifo(fifo_ics)
    names = {"fifo": str(fifo), "db": str(tmp_path / "c.db"), "backup": str(tmp_path / "backup.db"),
             "fifo_ics": str(fifo_ics)}
    args = [part.format(**names) for part in command]
    # One second for the refusal itself; Python's start on a shared machine is allowed two more.
    refused_plainly(program(args, env, limit=3.0), "is a pipe (FIFO)")


def test_a_device_is_refused_as_a_caseload(tmp_path, env):
    refused_plainly(program(["groups", "--db", "/dev/zero"], env), "is a device")


@pytest.fixture
def open_folder():
    """A folder outside the test's own (which only root can enter), for running as another account."""
    folder = Path(tempfile.mkdtemp(prefix="caseload-hostile-"))
    os.chmod(folder, 0o755)
    yield folder
    subprocess.run(["rm", "-rf", str(folder)], check=False)


def test_init_in_a_folder_that_cannot_be_written_names_the_folder(open_folder, env):
    locked = open_folder / "locked"
    locked.mkdir(mode=0o555)
    os.chmod(locked, 0o555)
    env = {**env, "CASELOAD_DATA_DIR": str(open_folder / "data"), "CASELOAD_CONFIG": str(open_folder / "none.toml")}
    done = program(["init", str(locked / "caseload.db")], env, as_nobody=os.geteuid() == 0)
    refused_plainly(done, f"The folder {locked} cannot be written to")
    assert list(locked.iterdir()) == []


def test_a_healthy_caseload_in_a_read_only_folder_is_not_called_damaged(open_folder):
    locked = open_folder / "locked"
    locked.mkdir()
    db = locked / "caseload.db"
    make_caseload(db).close()
    os.chown(db, 65534, 65534) if os.geteuid() == 0 else None
    os.chmod(locked, 0o555)
    env = {**subprocess_env(open_folder), "CASELOAD_DATA_DIR": str(open_folder / "data"),
           "CASELOAD_CONFIG": str(open_folder / "none.toml")}
    refused = program(["groups", "--db", str(db)], env, as_nobody=os.geteuid() == 0)
    words = refused_plainly(refused, f"The folder {locked} cannot be written to", "is not damaged")
    assert "damaged (" not in words
    checked = program(["check", "--db", str(db)], env, as_nobody=os.geteuid() == 0)
    assert checked.returncode == 0 and "in good order" in checked.stdout, checked.stderr
