"""File names and paths holding terminal sequences are printed as pictures by every command, never obeyed.

Each command is the installed program on a pty (stdout and stderr both a terminal, as a user
would see it); everything it wrote is read back and searched for ESC, BEL and C1 controls.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from terminals import CASELOAD, full_env, on_a_pty, read_to_the_end

from caseload_tui import model as m
from caseload_tui.store import Store

# A folder name that would set the title, write the clipboard, clear the screen and ask the terminal to answer.
HOSTILE = "x\x1b]0;TITLE\x07-\x1b]52;c;SElERU1F\x07-\x1b[2J-\x9b6n-\x1bc"


def on_a_terminal(args: list[str], env: dict[str, str], stdin_text: str = "") -> str:
    """Run `caseload ARGS` with a pty as its terminal; everything it wrote, decoded."""
    process, master = on_a_pty([CASELOAD, *args], env, session=False)
    if stdin_text:
        os.write(master, stdin_text.encode())
    return read_to_the_end(process, master).decode("utf-8", errors="replace")


def obeyable(text: str) -> list[str]:
    """The controls a terminal would act on: ESC, BEL and every C1 character."""
    return sorted({f"U+{ord(c):04X}" for c in text if c in "\x1b\x07" or "\x80" <= c <= "\x9f"})


@pytest.fixture
def hostile(tmp_path):
    folder = tmp_path / HOSTILE
    folder.mkdir()
    store = Store.open(folder / "caseload.db", create=True)
    store.add_client(m.Client(name="Ann \x1b]0;NAME\x07", code="A\x1bc1", started_on=date(2026, 1, 5),
                              schedule="FREQ=WEEKLY;BYDAY=MO;BYHOUR=10;BYMINUTE=0"))
    store.close()
    return folder, full_env(folder)


def commands(folder: Path) -> list[list[str]]:
    db = str(folder / "caseload.db")
    for name, text in (("calendar.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"),
                       ("report.csv", "client,starts_at,status\n"),
                       ("caseload.json", "{}"),
                       ("not-there.ics", None)):
        if text is not None:
            (folder / f"{HOSTILE}{name}").write_text(text)
    return [
        ["groups", "--db", db],
        ["groups", "--db", str(folder / "missing.db")],
        ["groups", "--db", str(folder)],  # click's own refusal of a folder
        ["check", "--db", db],
        ["backup", "--db", db],
        ["backup", "--db", db, str(folder / "copy.db")],
        ["export", "--db", db],
        ["export", "--db", db, "--format", "ics"],
        ["export", "--db", db, "-o", str(folder / "out.json")],
        ["export", "--db", db, "-o", str(folder / "caseload.db")],
        ["brief", "--db", db],
        ["brief", "--db", db, "-o", str(folder / "brief.md")],
        ["restore", "--db", db, str(folder / "copy.db")],  # asks first; the question names both paths
        ["restore", "--db", str(folder / "elsewhere.db"), "--yes", str(folder / "copy.db")],
        ["import", "--db", db, str(folder / f"{HOSTILE}calendar.ics")],
        ["import", "--db", db, "--dry-run", str(folder / f"{HOSTILE}report.csv")],
        ["import", "--db", db, str(folder / f"{HOSTILE}caseload.json")],
        ["import", "--db", db, str(folder / f"{HOSTILE}not-there.ics")],
        ["init", str(folder / "new.db")],
        ["init", db],
        ["locate"],
    ]


def test_every_command_prints_hostile_paths_as_pictures(hostile):
    folder, env = hostile
    env = {**env, "CASELOAD_DB": str(folder / "caseload.db")}  # `locate` shows it
    seen = []
    for args in commands(folder):
        # restore asks whether to replace the caseload (no); a calendar's first import asks which
        # calendar it is (enter takes the name the file offers).
        answer = {"restore": "n\n", "import": "\n"}.get(args[0], "")
        printed = on_a_terminal(args, env, stdin_text=answer)
        seen.append(printed)
        assert obeyable(printed) == [], (args, printed)
    # The paths were printed, as pictures: the commands did talk about them.
    shown = [printed for printed in seen if "\u241b]0;TITLE\u2407" in printed]
    assert len(shown) >= 12, seen


def test_an_ics_export_holds_no_control_character_from_a_code(hostile):
    folder, env = hostile
    out = folder / "sessions.ics"
    printed = on_a_terminal(["export", "--db", str(folder / "caseload.db"), "--format", "ics", "-o", str(out)], env)
    assert obeyable(printed) == []
    calendar = out.read_text(encoding="utf-8")
    assert "SUMMARY:Session: A\u241bc1" in calendar  # the code is there, its ESC shown as a picture
    controls = {c for c in calendar if (ord(c) < 0x20 and c not in "\r\n") or 0x7F <= ord(c) <= 0x9F}
    assert controls == set()
