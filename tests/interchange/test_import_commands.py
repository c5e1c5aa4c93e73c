"""`caseload import FILE.ics|FILE.csv` and `caseload export --format csv|ics`, as a user runs them."""

from __future__ import annotations

import csv
import json
import stat
from functools import partial
from pathlib import Path

import icalendar
import pytest
from click.testing import Result

from caseload_tui.cli.import_export import VOCABULARY_NAMES
from caseload_tui.interchange.vocabularies import NAMES
from caseload_tui.store import Store

from calendars import GOOGLE, GOOGLE_UPDATED, write_calendar
from cli_runner import run as run_caseload
from clock import WEDNESDAY_EVENING
from import_helpers import CLIENTS, stored

CALENDAR_SETTINGS = '[calendar]\ntimezone = "Europe/London"\nweeks_back = 8\nweeks_ahead = 3\n'


@pytest.fixture
def settings(isolated_dirs):
    def write(text: str) -> None:
        isolated_dirs["config"].parent.mkdir(parents=True, exist_ok=True)
        isolated_dirs["config"].write_text(text, encoding="utf-8")
    write(CALENDAR_SETTINGS)
    return write


run = partial(run_caseload, now=WEDNESDAY_EVENING)


def plain_failure(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert "\n" not in message, message
    return message


@pytest.fixture
def db(tmp_path) -> Path:
    """A caseload holding the four clients, one with a private note."""
    doc = {"format": "caseload-tui", "version": 1, "clients": [
        {"code": c.code, "name": c.name, "started_on": c.started_on.isoformat(),
         "ended_on": c.ended_on.isoformat() if c.ended_on else None,
         "ending_kind": "planned" if c.ended_on else None, "schedule": c.schedule}  # a file from before episodes
        for c in CLIENTS
    ], "thoughts": [{"client": "A1", "written_at": "2026-11-24T19:00", "kind": "insight",
                     "body": "she tests whether I stay"}]}
    seed = tmp_path / "seed.json"
    seed.write_text(json.dumps(doc), encoding="utf-8")
    path = tmp_path / "mine.db"
    assert run("import", seed, "--db", path).exit_code == 0
    return path


def sessions_in(path: Path) -> list[tuple]:
    store = Store.open(path)
    try:
        return stored(store)
    finally:
        store.close()


# ---------------------------------------------------------------- calendars


def test_a_dry_run_shows_what_would_be_added_changed_and_left_alone(db, tmp_path, settings):
    result = run("import", write_calendar(tmp_path, GOOGLE, "basic.ics"), "--db", db, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Calendar “Praxis”, sessions from 16 Oct to 15 Dec 2026:",  # its own, not the weeks read
        "“Praxis” is a calendar new to this caseload (to give it another name, import it with --calendar NAME).",
        "Would add 7, change 0 and remove 0 sessions; 0 left alone (already as the file says, or recorded by you).",
        "  would add: Ben Okafor (B2), 1 session",
        "  would add: Zoë Adler (A1), 6 sessions",
        "Not imported (1): these name no client, or more than one, or fall after the work ended; "
        "nothing was guessed.",
        "  event “Supervision with Dr. Hale” on Mon 23 Nov 2026 16:00: no client's code or name is in the title",
        "Note: 1 event lasting all day skipped (not sessions).",
    ]
    assert sessions_in(db) == []


def test_import_then_import_again_unchanged_then_changed(db, tmp_path, settings):
    assert run("import", write_calendar(tmp_path, GOOGLE, "basic.ics"), "--db", db).exit_code == 0
    first = sessions_in(db)
    assert len(first) == 7
    again = run("import", write_calendar(tmp_path, GOOGLE, "basic.ics"), "--db", db)
    assert "Added 0, changed 0 and removed 0 sessions; 7 left alone" in again.output
    assert sessions_in(db) == first
    changed = run("import", write_calendar(tmp_path, GOOGLE_UPDATED, "basic.ics"), "--db", db, "--dry-run")
    assert "Would add 0, change 2 and remove 0 sessions; 5 left alone" in changed.output
    assert "  would change: Ben Okafor (B2) Fri 16 Oct 2026 10:00: moved to Fri 16 Oct 2026 14:00" in changed.output
    assert "  would change: Zoë Adler (A1) Tue 1 Dec 2026 10:00: moved to Tue 1 Dec 2026 09:00" in changed.output


def test_the_settings_prefix_marks_therapy_sessions(db, tmp_path, settings):
    settings(CALENDAR_SETTINGS + 'prefix = "Therapy:"\nmatch = "name"\n')
    result = run("import", write_calendar(tmp_path, GOOGLE, "basic.ics"), "--db", db)
    assert result.exit_code == 0, result.output
    assert {row[0] for row in sessions_in(db)} == {"A1"}  # Ben's event has no prefix
    assert "Note: 2 events not starting with “Therapy:” skipped (not sessions)." in result.output


def test_a_broken_calendar_names_file_event_and_field_and_changes_nothing(db, tmp_path, settings):
    bad = GOOGLE.replace("DTSTART:20261123T160000Z", "DTSTART:tomorrow")
    message = plain_failure(run("import", write_calendar(tmp_path, bad, "basic.ics"), "--db", db))
    assert message == ("caseload: basic.ics: line 75, event “Supervision with Dr. Hale”: DTSTART “tomorrow” "
                       "is not a date and time I can read.")
    assert sessions_in(db) == []


def test_report_options_are_refused_for_a_calendar(db, tmp_path, settings):
    message = plain_failure(run("import", write_calendar(tmp_path, GOOGLE), "--db", db, "--vocabulary", "openemr"))
    assert "for CSV reports only" in message


def test_unusable_calendar_settings_are_explained(db, tmp_path, settings):
    settings('[calendar]\nmatch = "initials"\n')
    assert "calendar.match" in plain_failure(run("import", write_calendar(tmp_path, GOOGLE), "--db", db))
    settings('[calendar]\ntimezone = "Mars/Olympus"\n')
    assert "calendar.timezone" in plain_failure(run("import", write_calendar(tmp_path, GOOGLE), "--db", db))


# ---------------------------------------------------------------- reports


REPORT = "Appt,Who,When,Outcome\n1,A1,2026-11-03 10:00,Show\n2,B2,2026-11-04 15:00,No Show\n"


def test_a_report_with_columns_and_vocabulary_from_the_command_line(db, tmp_path):
    (tmp_path / "report.csv").write_text(REPORT, encoding="utf-8")
    result = run("import", tmp_path / "report.csv", "--db", db, "--column", "client=Who", "--column",
                 "starts_at=When", "--column", "status=Outcome", "--column", "id=Appt",
                 "--vocabulary", "simplepractice")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [
        "Appointment report (simplepractice status words), sessions from 3 Nov to 4 Nov 2026:",
        "Added 2, changed 0 and removed 0 sessions; 0 left alone (already as the file says, or recorded by you).",
    ]
    assert sessions_in(db) == [("A1", "2026-11-03T10:00", "attended", "csv:simplepractice", "1"),
                               ("B2", "2026-11-04T15:00", "no_show", "csv:simplepractice", "2")]


def test_a_report_with_columns_from_the_settings(db, tmp_path, settings):
    settings('[csv]\nvocabulary = "therapynotes"\n[csv.columns]\nclient = "Who"\nstarts_at = "When"\n'
             'status = "Outcome"\n[csv.statuses]\nShow = "attended"\n')
    (tmp_path / "report.csv").write_text(REPORT, encoding="utf-8")
    result = run("import", tmp_path / "report.csv", "--db", db)
    assert result.exit_code == 0, result.output
    assert [row[2:4] for row in sessions_in(db)] == [("attended", "csv:therapynotes"), ("no_show", "csv:therapynotes")]


def test_a_report_failing_half_way_names_the_row_and_stores_nothing(db, tmp_path):
    rows = "".join(f"A1,2026-10-{d:02d} 10:00,Show\n" for d in range(1, 20))
    (tmp_path / "report.csv").write_text("Client,Date,Status\n" + rows + "A1,2026-10-20 10:00,Maybe\n" + rows
                                         .replace("2026-10", "2026-11"), encoding="utf-8")
    message = plain_failure(run("import", tmp_path / "report.csv", "--db", db))
    assert message.startswith("caseload: report.csv: row 21, column “Status”: “Maybe” is not a status in the any "
                              "vocabulary. Say what it means under [csv.statuses] in the settings, e.g. "
                              '"Maybe" = "no_show"')
    assert sessions_in(db) == []


def test_a_badly_written_column_option(db, tmp_path):
    (tmp_path / "report.csv").write_text(REPORT, encoding="utf-8")
    assert "FIELD=HEADER" in plain_failure(run("import", tmp_path / "report.csv", "--db", db, "--column", "Who"))
    message = plain_failure(run("import", tmp_path / "report.csv", "--db", db, "--column", "patient=Who"))
    assert "“patient” is not a field I can read" in message


def test_a_dry_run_into_a_caseload_not_yet_made_creates_nothing(tmp_path, isolated_dirs):
    (tmp_path / "report.csv").write_text("Client,Date\nA1,2026-11-03 10:00\nB2,2026-11-04 15:00\n")
    result = run("import", tmp_path / "report.csv", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Your caseload has no clients yet, so no row could be matched" in result.output
    assert "import the report again" in result.output
    assert not isolated_dirs["data"].exists()


def test_the_command_knows_every_vocabulary():
    assert sorted(VOCABULARY_NAMES) == sorted(NAMES)


# ---------------------------------------------------------------- exports


def test_export_ics_is_private_and_names_no_client(db, tmp_path, settings):
    out = tmp_path / "sessions.ics"
    result = run("export", "--db", db, "--format", "ics", "-o", out)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    summaries = sorted({str(e["SUMMARY"]) for e in calendar.walk("VEVENT")})
    assert summaries == ["Session: A1", "Session: C3"]
    assert len(calendar.walk("VEVENT")) == 12 + 6  # 12 weeks of Tuesdays, a fortnight's Thursdays
    text = out.read_text(encoding="utf-8")
    assert not any(part in text for c in CLIENTS for part in c.name.split())
    assert "tests whether" not in text
    assert run("export", "--db", db, "--format", "ics", "--weeks", "2").stdout.count("BEGIN:VEVENT") == 3


def test_export_csv_writes_one_private_file_per_table(db, tmp_path):
    folder = tmp_path / "tables"
    result = run("export", "--db", db, "--format", "csv", "-o", folder)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["clients.csv", "periods-of-work.csv", "sessions.csv", "thoughts.csv", "questions.csv",
                            "news.csv", "supervisions.csv", "supervision-cases.csv", "dates-that-matter.csv"])
    assert result.stderr.startswith("Wrote 9 files to ") and "tables:" in result.stderr  # the folder is called tables
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with open(folder / "clients.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["code"] for r in rows] == ["A1", "B2", "C3", "G4"]
    assert rows[0]["name"] == "Zoë Adler" and rows[3]["ended on"] == "2026-10-01"
    with open(folder / "periods-of-work.csv", encoding="utf-8-sig", newline="") as handle:
        episodes = list(csv.DictReader(handle))
    assert [(e["client"], e["ended on"], e["recorded as"], e["how"]) for e in episodes][3] == (
        "G4", "2026-10-01", "planned", "with time to say goodbye")  # the older file's one ending, as one episode
    with open(folder / "thoughts.csv", encoding="utf-8-sig", newline="") as handle:
        # The columns every thought has (the ones after them are tested beside what they hold).
        assert [row[:6] for row in csv.reader(handle)] == [["client", "written at", "kind", "lingering",
                                                            "to tell them", "body"],
                                            ["A1", "2026-11-24T19:00", "insight", "yes", "no",
                                             "she tests whether I stay"]]
    # Exporting again replaces the earlier export, one made before the files had their names too.
    (folder / "news.csv").rename(folder / "encounters.csv")
    assert run("export", "--db", db, "--format", "csv", "-o", folder).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == names


def test_export_csv_never_lands_among_other_files(db, tmp_path):
    folder = tmp_path / "Documents"
    folder.mkdir(mode=0o755)
    (folder / "taxes.pdf").write_bytes(b"%PDF")
    message = plain_failure(run("export", "--db", db, "--format", "csv", "-o", folder))
    assert "already holds other files" in message
    assert stat.S_IMODE(folder.stat().st_mode) == 0o755
    assert "A CSV export is a folder" in plain_failure(run("export", "--db", db, "--format", "csv"))


def test_export_json_to_a_folder_is_refused(db, tmp_path):
    assert "is a folder" in plain_failure(run("export", "--db", db, "-o", tmp_path))
