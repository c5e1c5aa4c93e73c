"""`check` and a wrong passphrase leave every byte as it was; damage in an encrypted caseload is called damage
and a backup can be put back over it.

A leftover -wal is made the way a power cut makes one: a program that wrote and then ended without
closing (os._exit), so the -wal holds committed changes not yet in the file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from trust_helpers import run, sha

pytest.importorskip("sqlcipher3")

PASSPHRASE = "Kestrel-orchard 4417"
WRONG = "not-the-passphrase"
LEFT_OPEN = """
import os, sys
from datetime import date, datetime
from caseload_tui import model as m
from caseload_tui.store import Store
passphrase = sys.argv[2] or None
store = Store.open(sys.argv[1], create=True, passphrase=passphrase)
ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
for i in range(int(sys.argv[3])):
    store.add_thought(m.Thought(body=f"thought {i} " * 40, written_at=datetime(2026, 11, 2, 10), client_id=ann.id))
os._exit(0)  # ended without closing: the -wal and -shm stay, the -wal holding what was written
"""


def left_with_a_wal(tmp_path: Path, passphrase: str = "", thoughts: int = 30) -> Path:
    path = tmp_path / "caseload.db"
    script = tmp_path / "left_open.py"
    script.write_text(LEFT_OPEN)
    subprocess.run([sys.executable, str(script), str(path), passphrase, str(thoughts)], check=True, timeout=60)
    assert Path(f"{path}-wal").stat().st_size > 0
    return path


def fingerprints(path: Path) -> dict[str, str]:
    return {suffix: sha(Path(f"{path}{suffix}")) for suffix in ("", "-wal", "-shm")}


def typed(*lines: str) -> str:
    return "".join(f"{line}\n" for line in lines)


def test_check_leaves_the_file_its_wal_and_shm_byte_identical(tmp_path):
    path = left_with_a_wal(tmp_path)
    before = fingerprints(path)
    result = run("check", "--db", path)
    assert result.exit_code == 0, result.output
    assert "in good order" in result.output and "30 thoughts" in result.output  # the -wal's changes were read
    assert fingerprints(path) == before
    assert not list(tmp_path.glob(".*"))


def test_check_and_a_wrong_passphrase_leave_an_encrypted_caseload_byte_identical(tmp_path):
    path = left_with_a_wal(tmp_path, PASSPHRASE)
    before = fingerprints(path)
    wrong = run("check", "--db", path, input=typed(WRONG, WRONG, WRONG, WRONG))
    assert wrong.exit_code == 1 and "That passphrase does not open this caseload" in wrong.stderr
    assert fingerprints(path) == before
    for command in ("groups", "export", "backup"):
        refused = run(command, "--db", path, input=typed(WRONG, WRONG, WRONG, WRONG))
        assert refused.exit_code == 1, refused.output
        assert fingerprints(path) == before, command
    right = run("check", "--db", path, input=typed(PASSPHRASE))
    assert right.exit_code == 0 and "30 thoughts" in right.output and "encrypted" in right.output
    assert fingerprints(path) == before


@pytest.mark.parametrize("page", [1, 30])
def test_a_flipped_byte_in_an_encrypted_caseload_is_damage_and_restore_recovers(tmp_path, page):
    path = left_with_a_wal(tmp_path, PASSPHRASE, thoughts=200)
    settled = run("backup", "--db", path, tmp_path / "good.db", input=typed(PASSPHRASE))
    assert settled.exit_code == 0, settled.output
    opened = run("groups", "--db", path, input=typed(PASSPHRASE))  # folds the -wal in on closing
    assert opened.exit_code == 0, opened.output
    assert path.stat().st_size > 30 * 4096 and not Path(f"{path}-wal").exists()
    with open(path, "r+b") as handle:  # one byte inside the page (past page 1's salt)
        handle.seek((page - 1) * 4096 + 1000)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0x01]))
    for command in ("check", "groups", "export", "backup"):
        damaged = run(command, "--db", path, input=typed(PASSPHRASE, PASSPHRASE, PASSPHRASE))
        assert damaged.exit_code == 1, (command, damaged.output)
        assert "damaged" in damaged.stderr, (command, damaged.stderr)
        assert "unexpected problem" not in damaged.stderr and "passphrase does not open" not in damaged.stderr
    put_back = run("restore", "--yes", "--db", path, tmp_path / "good.db", input=typed(PASSPHRASE))
    assert put_back.exit_code == 0, put_back.output
    healthy = run("check", "--db", path, input=typed(PASSPHRASE))
    assert healthy.exit_code == 0 and "200 thoughts" in healthy.output, healthy.output
