"""Locked at rest: an encrypted caseload (SQLCipher) round trip, a wrong passphrase refused with the file
untouched, the passphrase asked for before anything starts and kept nowhere, and backups encrypted too."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3")

from caseload_tui import config
from caseload_tui import model as m
from caseload_tui.store import Store, StoreError
from caseload_tui.store.errors import PassphraseNeeded, WrongPassphrase

from clock import WEDNESDAY_EVENING
from trust_helpers import HEADER, _plain, folder_snapshot, run, sha, subprocess_env

PASSPHRASE = "Kestrel-orchard 'quiet' \"lamp\" 4417"
OTHER = "not-the-Passphrase-9"
SECRET = "zebrafinch"  # a word written only in a note
WRONG_MESSAGE = "That passphrase does not open this caseload. Nothing was changed."
DAY = date(2026, 11, 25)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def typed(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


def make_encrypted(path: Path, notes: tuple[str, ...] = (f"the {SECRET} dream again",)) -> None:
    """`caseload init --encrypt`, then a client and notes added through the store."""
    result = run("init", "--encrypt", path, input=typed(PASSPHRASE, PASSPHRASE))
    assert result.exit_code == 0, result.output
    store = Store.open(path, passphrase=PASSPHRASE)
    try:
        ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
        for body in notes:
            store.add_thought(m.Thought(body=body, written_at=datetime(2026, 11, 24, 19), client_id=ann.id,
                                        kind=m.ThoughtKind.INSIGHT))
        store.add_question(m.Question(body=f"did the {SECRET} come back?", asked_at=datetime(2026, 11, 24, 19),
                                      client_id=ann.id))
    finally:
        store.close()


def holdings(path: Path, passphrase: str = PASSPHRASE) -> dict:
    """What an encrypted caseload holds, as the export sees it."""
    store = Store.open(path, passphrase=passphrase)
    try:
        return _plain(store.export_data())
    finally:
        store.close()


def every_byte(folder: Path) -> list[tuple[Path, bytes]]:
    return [(p, p.read_bytes()) for p in sorted(Path(folder).rglob("*")) if p.is_file()]


def assert_locked(path: Path) -> None:
    """Not an SQLite file to anyone without the key, and no note's words readable in it or beside it."""
    raw = path.read_bytes()
    assert not raw.startswith(HEADER)
    for side in ("", "-wal", "-shm", "-journal"):
        beside = Path(str(path) + side)
        if beside.exists():
            assert SECRET.encode() not in beside.read_bytes(), beside


# ---------------------------------------------------------------- round trip


def test_init_encrypt_then_notes_survive_a_reopen_with_the_passphrase(tmp_path):
    path = tmp_path / "caseload.db"
    result = run("init", "--encrypt", path, input=typed(PASSPHRASE, PASSPHRASE))
    assert result.exit_code == 0, result.output
    assert f"Created an empty encrypted caseload at {path}." in result.stdout
    assert "stored nowhere" in result.stdout
    assert mode(path) == 0o600

    store = Store.open(path, passphrase=PASSPHRASE)
    try:
        assert store.pending_migrations() == []  # the normal schema, made through the same road
        assert store.encrypted
        ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
        store.add_thought(m.Thought(body=f"the {SECRET} dream again", written_at=datetime(2026, 11, 24, 19),
                                    client_id=ann.id, kind=m.ThoughtKind.INSIGHT))
        store.add_question(m.Question(body="how was the wedding?", asked_at=datetime(2026, 11, 24, 19),
                                      client_id=ann.id))
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        store.close()

    assert_locked(path)
    again = Store.open(path, passphrase=PASSPHRASE)
    try:
        assert [t.body for t in again.thoughts()] == [f"the {SECRET} dream again"]
        assert [q.body for q in again.questions()] == ["how was the wedding?"]
        assert [hit.body for hit in again.search(SECRET[:5])] == [f"the {SECRET} dream again"]  # full-text search
        assert [r.client.name for r in again.records(WEDNESDAY_EVENING)] == ["Ann"]
    finally:
        again.close()
    assert mode(path) == 0o600


def test_a_passphrase_with_quotes_and_spaces_is_taken_literally(tmp_path):
    path = tmp_path / "caseload.db"
    odd = "it's ' OR ''=' ; PRAGMA key = 'x"
    Store.open(path, create=True, passphrase=odd).close()
    Store.open(path, passphrase=odd).close()
    with pytest.raises(WrongPassphrase):
        Store.open(path, passphrase="it's")


def test_the_store_without_a_passphrase_says_one_is_needed_and_changes_nothing(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    before = folder_snapshot(tmp_path)
    with pytest.raises(PassphraseNeeded) as caught:
        Store.open(path)
    assert str(path) in str(caught.value) and "passphrase is needed" in str(caught.value)
    with pytest.raises(WrongPassphrase) as caught:
        Store.open(path, passphrase=OTHER)
    assert str(caught.value) == WRONG_MESSAGE
    assert folder_snapshot(tmp_path) == before


def test_init_encrypt_asks_twice_and_a_mismatch_asks_again(tmp_path):
    path = tmp_path / "caseload.db"
    result = run("init", "--encrypt", path, input=typed(PASSPHRASE, "typo", PASSPHRASE, PASSPHRASE))
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output
    Store.open(path, passphrase=PASSPHRASE).close()

    nothing = run("init", "--encrypt", tmp_path / "other.db", input="")
    assert nothing.exit_code != 0
    assert "No passphrase was given" in nothing.stderr
    assert not (tmp_path / "other.db").exists()


# ---------------------------------------------------------------- asking for it, and a wrong one


def test_a_command_asks_for_the_passphrase_when_it_is_not_a_terminal(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    result = run("groups", "--db", path, input=typed(PASSPHRASE))
    assert result.exit_code == 0, result.output
    assert "Passphrase for this caseload" in result.stderr
    assert "Ann (A1)" in result.stdout


def test_a_wrong_passphrase_is_asked_again_and_the_right_one_opens(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    result = run("groups", "--db", path, input=typed(OTHER, PASSPHRASE))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("does not open this caseload. Try again.") == 1
    assert "Ann (A1)" in result.stdout


def test_three_wrong_passphrases_exit_plainly_and_leave_the_file_byte_identical(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    before_hash, before_folder = sha(path), folder_snapshot(tmp_path)

    result = run("groups", "--db", path, input=typed(OTHER, OTHER + "x", OTHER + "y", PASSPHRASE))

    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stderr.count("Passphrase for this caseload") == 3  # three tries, not a fourth
    assert result.stderr.strip().splitlines()[-1] == f"caseload: {WRONG_MESSAGE}"
    assert sha(path) == before_hash
    assert folder_snapshot(tmp_path) == before_folder  # no WAL, journal or copy left beside it
    assert not config.backups_dir().exists() or list(config.backups_dir().iterdir()) == []


def test_no_passphrase_at_all_is_a_plain_refusal(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    before = sha(path)
    result = run("export", "--db", path, input="")
    assert result.exit_code == 1
    assert "No passphrase was given, so the caseload was not opened. Nothing was changed." in result.stderr
    assert sha(path) == before


def test_the_dashboard_asks_before_the_app_starts_and_never_starts_on_a_wrong_one(tmp_path, monkeypatch):
    import caseload_tui.tui.app as app_module

    started = []

    def fake_run_app(store, **kwargs):
        started.append([c.name for c in store.clients()])
        return 0

    monkeypatch.setattr(app_module, "run_app", fake_run_app)
    path = tmp_path / "caseload.db"
    make_encrypted(path)

    refused = run("--db", path, input=typed(OTHER, OTHER, OTHER))
    assert refused.exit_code == 1 and started == []
    assert WRONG_MESSAGE in refused.stderr

    opened = run("--db", path, input=typed(PASSPHRASE))
    assert opened.exit_code == 0, opened.output
    assert started == [["Ann"]]  # the app got a store already unlocked: nothing is asked beneath it


def test_the_library_writes_nothing_to_the_terminal_on_a_wrong_passphrase(tmp_path):
    """SQLCipher logs a failed key to the process's stderr unless told not to."""
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    script = (
        "import sys\n"
        "from caseload_tui.store import Store\n"
        "from caseload_tui.store.errors import WrongPassphrase\n"
        "try:\n"
        "    Store.open(sys.argv[1], passphrase=sys.argv[2])\n"
        "except WrongPassphrase:\n"
        "    print('refused')\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(path), OTHER], capture_output=True, text=True,
                          env=subprocess_env(tmp_path), timeout=60)
    assert done.stdout == "refused\n"
    assert done.stderr == ""


def test_without_the_extra_an_encrypted_caseload_says_what_to_install(tmp_path, monkeypatch):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    before = sha(path)
    monkeypatch.setitem(sys.modules, "sqlcipher3", None)  # as if sqlcipher3 were not installed
    monkeypatch.setitem(sys.modules, "sqlcipher3.dbapi2", None)

    result = run("groups", "--db", path)
    assert result.exit_code == 1
    assert ("This caseload is encrypted; install the extra with pip install 'caseload-tui[encrypted]'."
            in result.stderr)
    assert "Passphrase" not in result.output  # nothing to ask for: it could not be used
    assert sha(path) == before

    refused = run("init", "--encrypt", tmp_path / "new.db")
    assert refused.exit_code == 1 and "pip install 'caseload-tui[encrypted]'" in refused.stderr
    assert not (tmp_path / "new.db").exists()


# ---------------------------------------------------------------- the checks that apply to every caseload


def test_check_reports_an_encrypted_caseload_in_good_order(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path, notes=("one", "two"))
    before = sha(path)
    result = run("check", "--db", path, input=typed(PASSPHRASE))
    assert result.exit_code == 0, result.output
    assert "in good order: no damage found" in result.stdout
    assert "1 client," in result.stdout and "2 thoughts" in result.stdout and "It is encrypted." in result.stdout
    assert sha(path) == before

    wrong = run("check", "--db", path, input=typed(OTHER, OTHER, OTHER))
    assert wrong.exit_code == 1 and WRONG_MESSAGE in wrong.stderr


def test_a_damaged_encrypted_caseload_is_refused_plainly_and_left_byte_identical(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path, notes=tuple(f"thought {n} " + "and more words " * 40 for n in range(150)))
    raw = bytearray(path.read_bytes())
    pages = len(raw) // 4096
    assert pages > 20
    middle = pages // 2
    raw[middle * 4096 + 100:middle * 4096 + 200] = bytes(100)  # one page no longer decrypts
    path.write_bytes(bytes(raw))
    before_hash, before_folder = sha(path), folder_snapshot(tmp_path)

    for command in (["groups"], ["check"], ["backup"]):
        result = run(*command, "--db", path, input=typed(PASSPHRASE))
        assert result.exit_code == 1, command
        assert "is damaged" in result.stderr and str(path) in result.stderr, result.stderr
        assert "Traceback" not in result.output
        assert sha(path) == before_hash
        assert folder_snapshot(tmp_path) == before_folder


def test_an_encrypted_caseload_is_private_under_umask_022(tmp_path):
    path = tmp_path / "caseload.db"
    old = os.umask(0o022)
    try:
        make_encrypted(path)
        store = Store.open(path, passphrase=PASSPHRASE)
        try:
            store.add_thought(m.Thought(body="another", written_at=datetime(2026, 11, 24, 20)))
            files = [Path(str(path) + s) for s in ("", "-wal", "-shm") if Path(str(path) + s).exists()]
            assert {p.name for p in files} == {"caseload.db", "caseload.db-wal", "caseload.db-shm"}
            assert all(mode(p) == 0o600 for p in files)
        finally:
            store.close()
    finally:
        os.umask(old)


# ---------------------------------------------------------------- backups


def test_caseload_backup_of_an_encrypted_caseload_is_encrypted_with_the_same_passphrase(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    copy = tmp_path / "copy.db"
    result = run("backup", copy, "--db", path, input=typed(PASSPHRASE))
    assert result.exit_code == 0, result.output
    assert f"Backed up the caseload to {copy}." in result.stdout
    assert_locked(copy)
    assert mode(copy) == 0o600
    assert holdings(copy) == holdings(path)
    with pytest.raises(WrongPassphrase):
        Store.open(copy, passphrase=OTHER)


def test_a_wrong_passphrase_makes_no_backup(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    before = folder_snapshot(tmp_path)
    result = run("backup", "--db", path, input=typed(OTHER, OTHER, OTHER))
    assert result.exit_code == 1 and WRONG_MESSAGE in result.stderr
    assert folder_snapshot(tmp_path) == before
    assert not config.backups_dir().exists()  # not even the folder is made


def test_the_daily_backup_of_an_encrypted_caseload_is_encrypted(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    folder = tmp_path / "backups"
    for offset in range(3):
        Store.open(path, daily_backup_dir=folder, today=DAY + timedelta(days=offset), keep_backups=2,
                   passphrase=PASSPHRASE).close()
    made = sorted(folder.iterdir())
    assert [p.name for p in made] == ["caseload-2026-11-26.db", "caseload-2026-11-27.db"]
    for backup in made:
        assert_locked(backup)
        assert mode(backup) == 0o600
        assert holdings(backup) == holdings(path)


def test_the_daily_backup_through_the_command_is_encrypted(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    assert run("groups", "--db", path, input=typed(PASSPHRASE)).exit_code == 0
    made = list(config.backups_dir().iterdir())
    assert len(made) == 1
    assert_locked(made[0])
    assert holdings(made[0]) == holdings(path)


def test_the_backup_before_an_update_is_encrypted(tmp_path, monkeypatch):
    from test_backups import _adds_a_table, _with_extra_migrations

    path = tmp_path / "caseload.db"
    make_encrypted(path)
    before = holdings(path)
    _with_extra_migrations(monkeypatch, ("9998_adds_drafts", _adds_a_table))
    store = Store.open(path, passphrase=PASSPHRASE)
    try:
        assert "drafts" in store.db.table_names()  # the update ran on the encrypted caseload
    finally:
        store.close()
    beside = tmp_path / "caseload.before-9998_adds_drafts.db"
    assert_locked(beside)
    assert mode(beside) == 0o600
    kept = Store.open(beside, passphrase=PASSPHRASE)  # opening it applies the update to it too
    try:
        assert [t.body for t in kept.thoughts()] == [f"the {SECRET} dream again"]
    finally:
        kept.close()
    monkeypatch.undo()
    assert holdings(path) == before


def test_a_failed_update_of_an_encrypted_caseload_leaves_it_as_it_was(tmp_path, monkeypatch):
    from test_backups import _breaks, _with_extra_migrations

    path = tmp_path / "caseload.db"
    make_encrypted(path)
    before_hash = sha(path)
    _with_extra_migrations(monkeypatch, ("9999_breaks", _breaks))
    with pytest.raises(StoreError) as caught:
        Store.open(path, passphrase=PASSPHRASE)
    assert "could not be updated" in str(caught.value) and PASSPHRASE not in str(caught.value)
    assert sha(path) == before_hash
    assert_locked(tmp_path / "caseload.before-9999_breaks.db")


def test_restore_puts_an_encrypted_backup_back_encrypted(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    copy = tmp_path / "copy.db"
    assert run("backup", copy, "--db", path, input=typed(PASSPHRASE)).exit_code == 0
    store = Store.open(path, passphrase=PASSPHRASE)
    store.add_thought(m.Thought(body="written after the backup", written_at=datetime(2026, 11, 25, 9)))
    store.close()
    newer = holdings(path)

    result = run("restore", copy, "--db", path, "--yes", input=typed(PASSPHRASE))
    assert result.exit_code == 0, result.output
    assert result.stderr.count("Passphrase for this caseload") == 1  # one passphrase for both files
    aside = tmp_path / "caseload.replaced-20261125-1800.db"
    assert f"kept as {aside}" in result.stdout
    assert_locked(path)
    assert holdings(path) == holdings(copy)
    assert holdings(aside) == newer


def test_restore_with_a_wrong_passphrase_changes_nothing(tmp_path):
    path = tmp_path / "caseload.db"
    make_encrypted(path)
    copy = tmp_path / "copy.db"
    assert run("backup", copy, "--db", path, input=typed(PASSPHRASE)).exit_code == 0
    before = folder_snapshot(tmp_path)
    result = run("restore", copy, "--db", path, "--yes", input=typed(OTHER, OTHER, OTHER))
    assert result.exit_code == 1 and WRONG_MESSAGE in result.stderr
    assert folder_snapshot(tmp_path) == before


# ---------------------------------------------------------------- the passphrase is kept nowhere


def test_the_passphrase_is_in_no_file_and_in_no_output(tmp_path, isolated_dirs, monkeypatch):
    path = isolated_dirs["data"] / "caseload.db"  # your own caseload, in the data folder
    isolated_dirs["data"].mkdir(parents=True)
    outputs = [run("init", "--encrypt", path, input=typed(PASSPHRASE, PASSPHRASE))]
    store = Store.open(path, passphrase=PASSPHRASE)
    store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    store.close()
    for args, given in (
        (["groups"], typed(PASSPHRASE)),
        (["groups"], typed(OTHER, PASSPHRASE)),
        (["check"], typed(PASSPHRASE)),
        (["backup"], typed(PASSPHRASE)),
        (["export", "--format", "json"], typed(PASSPHRASE)),
        (["groups"], typed(OTHER, OTHER, OTHER)),
    ):
        outputs.append(run(*args, input=given))
    # the next day's backup too
    outputs.append(run("groups", input=typed(PASSPHRASE), now=WEDNESDAY_EVENING + timedelta(days=1)))
    assert all(r.exit_code == 0 for r in outputs[:-2] + outputs[-1:]), [r.output for r in outputs]

    secret = PASSPHRASE.encode()
    for result in outputs:
        assert PASSPHRASE not in result.stdout and PASSPHRASE not in result.stderr
        assert OTHER not in result.stdout and OTHER not in result.stderr
    written = every_byte(tmp_path)  # the data folder (caseload, backups, any report) and the settings
    assert any(p.parent.name == "backups" for p, _ in written)
    for where, raw in written:
        assert secret not in raw and PASSPHRASE.encode("utf-16-le") not in raw, where
    assert all(PASSPHRASE not in value for value in os.environ.values())
