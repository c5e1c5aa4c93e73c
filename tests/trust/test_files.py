"""Files and permissions: private whatever the umask; missing and bad files refused plainly and left as they were."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime
from pathlib import Path

import pytest

from caseload_tui import config
from caseload_tui import model as m
from caseload_tui.cli import main
from caseload_tui.cli.common import open_store
from caseload_tui.store import Store

from clock import WEDNESDAY_EVENING
from trust_helpers import PAGE, damaged_middle, db_files, folder_snapshot, make_caseload, real_caseload, run, sha


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def one_line(result) -> str:
    """A refusal: exit status not 0, no traceback, one plain line on stderr."""
    assert result.exit_code != 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message.startswith("caseload: ") and "\n" not in message, message
    return message


# ---------------------------------------------------------------- permissions


def test_under_umask_022_the_folder_is_0700_and_every_database_file_0600(umask_022, isolated_dirs):
    data = isolated_dirs["data"]
    with open_store(lambda: WEDNESDAY_EVENING, None) as store:  # your own caseload, made on first use
        ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
        store.add_thought(m.Thought(body="a thought", written_at=datetime(2026, 11, 24, 19), client_id=ann.id))
        files = db_files(config.default_db_path())
        assert {p.name for p in files} >= {"caseload.db", "caseload.db-wal", "caseload.db-shm"}
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
    assert mode(data) == 0o700

    # The next day's first start makes a backup: 0600, in a 0700 folder.
    cli_clock_next_day = datetime(2026, 11, 26, 8, 0)
    with open_store(lambda: cli_clock_next_day, None):
        pass
    backups = config.backups_dir()
    assert mode(backups) == 0o700
    made = list(backups.iterdir())
    assert [p.name for p in made] == ["caseload-2026-11-26.db"]
    assert mode(made[0]) == 0o600


def test_a_rollback_journal_is_as_private_as_the_caseload(umask_022, tmp_path):
    """SQLite gives side files the main file's mode; the caseload's is 0600, so a journal is too."""
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE clients SET name = 'Annie'")
        journal = Path(str(path) + "-journal")
        assert journal.exists()
        assert mode(journal) == 0o600
        conn.execute("ROLLBACK")
    finally:
        conn.close()


def test_a_caseload_others_could_read_is_reported_at_start_and_made_private(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    os.chmod(path, 0o644)
    result = run("groups", "--db", path)
    assert result.exit_code == 0, result.output
    assert "could be read by other people using this computer" in result.stderr
    assert "made private to you now" in result.stderr
    assert mode(path) == 0o600
    again = run("groups", "--db", path)  # reported once: it is private now
    assert again.stderr == ""


def test_the_store_offers_the_warning_for_the_dashboard_to_show(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    os.chmod(path, 0o640)
    store = Store.open(path)
    try:
        assert len(store.warnings) == 1 and "could be read by other people" in store.warnings[0]
    finally:
        store.close()


def test_check_reports_a_readable_file_without_changing_it(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    os.chmod(path, 0o644)
    result = run("check", "--db", path)
    assert result.exit_code == 0
    assert "can be read by other people" in result.stderr
    assert mode(path) == 0o644


# ---------------------------------------------------------------- a missing file


def _registered(name: str) -> bool:
    return name in main.commands


OPENING_COMMANDS = [[], ["groups"], ["export"], ["brief"], ["review"], ["supervision"], ["check"], ["backup"]]


@pytest.mark.parametrize("command", OPENING_COMMANDS, ids=lambda c: c[0] if c else "dashboard")
def test_an_explicit_caseload_that_does_not_exist_is_an_error(tmp_path, command):
    if command and not _registered(command[0]):
        pytest.skip(f"`caseload {command[0]}` is not built yet")
    missing = tmp_path / "elsewhere" / "caseload.db"
    missing.parent.mkdir()
    message = one_line(run(*command, "--db", missing))
    assert f"There is no caseload at {missing}" in message
    assert list(missing.parent.iterdir()) == []


def test_init_and_import_create_the_file_they_are_given(tmp_path):
    made = tmp_path / "new" / "made.db"
    assert run("init", made).exit_code == 0
    assert Store.open(made).client_count() == 0

    doc = tmp_path / "caseload.json"
    assert run("export", "--db", made, "-o", doc).exit_code == 0
    imported = tmp_path / "imported.db"
    result = run("import", doc, "--db", imported)
    assert result.exit_code == 0, result.output
    assert imported.exists()
    assert mode(imported) == 0o600


# ---------------------------------------------------------------- bad files


def _foreign_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
    conn.execute("INSERT INTO photos (caption) VALUES ('beach')")
    conn.commit()
    conn.close()


def _damaged_rollback_mode(raw: bytes) -> bytes:
    """Damaged, and its header says rollback journal: opening in WAL mode would rewrite that header."""
    damaged = bytearray(damaged_middle(raw))
    damaged[18:20] = b"\x01\x01"
    return bytes(damaged)


BAD_FILES = {
    "text file": (lambda raw, p: p.write_text("Monday: Ann came, talked about her mother.\n" * 40),
                  "is not a caseload"),
    "another program's database": (lambda raw, p: _foreign_database(p), "not a caseload"),
    "empty": (lambda raw, p: p.write_bytes(b""), "is empty"),
    "header cut short": (lambda raw, p: p.write_bytes(raw[:60]), "cut short"),
    "truncated": (lambda raw, p: p.write_bytes(raw[: (len(raw) // PAGE // 2) * PAGE]), "cut short"),
    "damaged page in the middle": (lambda raw, p: p.write_bytes(damaged_middle(raw)), "is damaged"),
    "damaged, in rollback mode": (lambda raw, p: p.write_bytes(_damaged_rollback_mode(raw)), "is damaged"),
}
COMMANDS = {
    "dashboard": [], "groups": ["groups"], "export": ["export"], "check": ["check"], "backup": ["backup"],
    "review": ["review"],
}


# The dashboard checks a file's pages in the background while it starts: one damaged in the middle
# opens, and every write is refused (tests/trust/test_background_check.py).
CHECKED_IN_BACKGROUND = {("damaged page in the middle", "dashboard"), ("damaged page in the middle", "review")}


@pytest.mark.parametrize(("kind", "command"), [(kind, command) for kind in BAD_FILES for command in COMMANDS
                                               if (kind, command) not in CHECKED_IN_BACKGROUND])
def test_each_kind_of_bad_file_is_refused_plainly_and_left_byte_identical(tmp_path, kind, command):
    make, words = BAD_FILES[kind]
    bad = tmp_path / "bad" / "caseload.db"
    bad.parent.mkdir()
    make(real_caseload(tmp_path), bad)
    os.chmod(bad, 0o600)  # as private as a caseload: the only thing to report is what is wrong with it
    before_hash, before_folder = sha(bad), folder_snapshot(bad.parent)

    message = one_line(run(*COMMANDS[command], "--db", bad))

    assert words in message, message
    assert str(bad) in message
    assert sha(bad) == before_hash
    assert folder_snapshot(bad.parent) == before_folder  # no WAL, journal or copy left beside it
    backups = config.backups_dir()
    assert not backups.exists() or list(backups.iterdir()) == []  # a bad file is never backed up


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_bad_file_is_not_put_back_as_the_caseload(tmp_path, kind):
    make, words = BAD_FILES[kind]
    bad = tmp_path / "bad" / "backup.db"
    bad.parent.mkdir()
    make(real_caseload(tmp_path), bad)
    os.chmod(bad, 0o600)
    target = tmp_path / "caseload.db"
    make_caseload(target).close()
    before = (sha(bad), sha(target), folder_snapshot(tmp_path))

    message = one_line(run("restore", bad, "--db", target, "--yes"))

    assert words in message
    assert (sha(bad), sha(target), folder_snapshot(tmp_path)) == before


# ---------------------------------------------------------------- caseload check


def test_check_says_a_healthy_caseload_is_in_good_order(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path, thoughts=("one", "two")).close()
    before = sha(path)
    result = run("check", "--db", path)
    assert result.exit_code == 0, result.output
    assert "in good order: no damage found" in result.stdout
    assert "1 client," in result.stdout and "2 thoughts" in result.stdout  # "1 clients" before issue 20
    assert sha(path) == before


def test_check_reports_broken_links_between_records(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    conn = sqlite3.connect(path)  # foreign keys off, as an old or careless tool would write
    conn.execute("INSERT INTO thoughts (client_id, written_at, body, kind) "
                 "VALUES (999, '2026-11-24T19:00', 'orphan', 'insight')")
    conn.commit()
    conn.close()
    message = one_line(run("check", "--db", path))
    assert "1 record points to a client or meeting that is no longer there" in message
    assert "orphan" not in message


def test_check_of_your_own_caseload_before_there_is_one(tmp_path):
    message = one_line(run("check"))
    assert "There is no caseload at" in message
    assert not config.default_db_path().exists()
