"""`caseload brief`: the supervision brief from the command line."""

from __future__ import annotations

import re
import stat
from datetime import date, datetime
from functools import partial
from pathlib import Path

import pytest
from click.testing import Result

from caseload_tui.demo import load_demo
from caseload_tui.model import Client, SupervisionItem, SupervisionMeeting, Thought, ThoughtKind
from caseload_tui.store import Store

from cli_runner import run as run_caseload
from clock import DEMO_DAY_END

DEMO_NAMES = [c.name for c in load_demo(DEMO_DAY_END.date()).clients]


run = partial(run_caseload, now=DEMO_DAY_END)


def one_line_failure(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message and "\n" not in message, message
    return message


def named(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE) is not None


@pytest.fixture
def caseload(tmp_path):
    """A small caseload file: Ann flagged, Ben in the plan with a question, Cat neither."""
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    ann = store.add_client(Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    ben = store.add_client(Client(name="Ben", code="B2", started_on=date(2026, 2, 2)))
    store.add_client(Client(name="Cat", code="C3", started_on=date(2026, 3, 2)))
    store.set_flag(ann.id, True)
    store.add_thought(Thought(body="Ann and Cat both <b>test</b> me", written_at=datetime(2026, 11, 20, 9),
                              client_id=ann.id, kind=ThoughtKind.REACTION))
    store.add_thought(Thought(body="an older thought", written_at=datetime(2026, 10, 2, 9), client_id=ann.id))
    store.add_meeting(SupervisionMeeting(held_on=date(2026, 10, 1), items=[
        SupervisionItem(client_id=ann.id, question="why?", advice="Wait and see.")]))
    store.add_meeting(SupervisionMeeting(held_on=DEMO_DAY_END.date(), planned=True, items=[
        SupervisionItem(client_id=ben.id, question="What does Ben want from me?")]))
    store.close()
    return path


def test_brief_with_names_of_the_flagged_and_planned_cases_to_the_screen(caseload):
    result = run("brief", "--db", caseload, "--names")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# Supervision brief, Thursday 26 November 2026\n")
    assert "Since the last supervision, on Thu 1 Oct 2026 (8 weeks ago). 2 cases to bring." in text
    assert "1. **Ann (A1)**: *No question written yet.*" in text
    assert "2. **Ben (B2)**: What does Ben want from me?" in text
    assert "Cat (C3)" not in text
    assert "Ann and Cat both \\<b\\>test\\</b\\> me" in text
    assert "- *You advised:* Wait and see." in text
    assert "an older thought" in text  # lingering, written since the last supervision


@pytest.mark.parametrize("flag", [[], ["--redact"]], ids=["by default", "asked"])
def test_redacted_brief_names_no_one(caseload, flag):
    result = run("brief", "--db", caseload, *flag)
    assert result.exit_code == 0, result.output
    for name in ("Ann", "Ben", "Cat"):
        assert not named(name, result.stdout), name
    assert "A1 and C3 both" in result.stdout
    assert "What does B2 want from me?" in result.stdout
    # The leak check, on the error stream only: Cat's name inside a note about Ann.
    assert "A1, a reaction of November 2026: another client's name (shown as C3), 'Cat'" in result.stderr
    assert "Leak check" not in result.stdout


def test_since_a_typed_date(caseload):
    result = run("brief", "--db", caseload, "--since", "15 nov", "--names")
    assert result.exit_code == 0, result.output
    assert "Since Sun 15 Nov 2026 (11 days ago)." in result.stdout
    assert "Since November 2026 (11 days ago)." in run("brief", "--db", caseload, "--since", "15 nov").stdout
    # Written before the time covered and still with me: brought along, under its own heading.
    new, before = result.stdout.split("**Still with me from before 15 Nov (not yet brought)** (1 thought)")
    assert "an older thought" in before and "an older thought" not in new


@pytest.mark.parametrize("typed", ["someday", "31 feb", "next year please"])
def test_a_bad_date_is_one_line_and_exit_1(caseload, typed):
    message = one_line_failure(run("brief", "--db", caseload, "--since", typed))
    assert message.startswith("caseload: I couldn't read")


def test_a_future_start_is_refused(caseload):
    message = one_line_failure(run("brief", "--db", caseload, "--since", "2027-01-01"))
    assert message == "caseload: The start of the time to cover cannot be after today."


def test_written_to_a_file_only_its_owner_can_read(caseload, tmp_path):
    out = tmp_path / "brief.md"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    # An existing file is replaced only when asked (--force), and then readable by its owner only.
    result = run("brief", "--db", caseload, "--redact", "-o", out, "--force")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == f"Wrote the supervision brief to {out}."
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_text(encoding="utf-8").startswith("# Supervision brief")


def test_unwritable_output_is_one_line(caseload, tmp_path):
    message = one_line_failure(run("brief", "--db", caseload, "-o", tmp_path / "missing" / "brief.md"))
    assert "could not be written" in message


def test_demo_brief(tmp_path):
    result = run("brief", "--demo", "--redact")
    assert result.exit_code == 0, result.output
    assert "3 cases to bring" in result.stdout
    for code in ("C-007", "C-024", "C-025"):
        assert f"**{code}**" in result.stdout
    for name in DEMO_NAMES:
        assert not named(name, result.stdout), name
    assert run("brief", "--demo").stdout == result.stdout  # redacted by default
    plain = run("brief", "--demo", "--names").stdout
    assert "**Amaan (C-007)**" in plain and "**Melanie (C-025)**" in plain


def test_demo_and_db_together_are_refused(caseload):
    message = one_line_failure(run("brief", "--demo", "--db", caseload))
    assert message == "caseload: Use either --demo or --db, not both."


def test_brief_of_an_empty_caseload_says_how_to_choose(tmp_path):
    assert one_line_failure(run("brief", "--db", tmp_path / "new.db")).startswith("caseload: There is no caseload")
    assert run("init", tmp_path / "new.db").exit_code == 0
    result = run("brief", "--db", tmp_path / "new.db")
    assert result.exit_code == 0, result.output
    assert "No cases chosen yet." in result.stdout


@pytest.mark.parametrize("command", [["brief"], ["export"], ["export", "--format", "ics"]])
def test_output_never_replaces_the_caseload_a_backup_or_an_existing_file(caseload, tmp_path, command):
    """-o refuses the caseload file, a copy beside it, a daily backup, and without --force any existing file."""
    from caseload_tui import config

    beside = caseload.parent / f"{caseload.stem}.before-0003{caseload.suffix}"
    beside.write_bytes(b"a backup")
    daily = config.backups_dir() / "caseload-2026-11-25.db"
    daily.parent.mkdir(parents=True, exist_ok=True)
    daily.write_bytes(b"a daily backup")
    existing = tmp_path / "notes.md"
    existing.write_text("mine", encoding="utf-8")
    for target, force in [(caseload, True), (Path(f"{caseload}-wal"), True), (beside, True), (daily, True),
                          (existing, False)]:
        before = target.read_bytes() if target.exists() else None
        extra = ["--force"] if force else []
        result = run(*command, "--db", caseload, "-o", target, *extra)
        assert result.exit_code != 0, (target, result.output)
        assert "Nothing was changed" in result.output
        assert (target.read_bytes() if target.exists() else None) == before
    Store.open(caseload).close()  # still a caseload


def test_a_csv_export_is_never_written_into_the_caseload_or_backups_folder(caseload):
    from caseload_tui import config

    config.backups_dir().mkdir(parents=True, exist_ok=True)
    for folder in (caseload.parent, config.backups_dir()):
        before = sorted(p.name for p in folder.iterdir())
        result = run("export", "--db", caseload, "--format", "csv", "-o", folder)
        assert result.exit_code != 0 and "Nothing was changed" in result.output
        assert sorted(p.name for p in folder.iterdir()) == before
