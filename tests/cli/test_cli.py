"""The `caseload` command as a user runs it: plain messages, nothing half-written, nothing leaked."""

from __future__ import annotations

import copy
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import Result

from caseload_tui import __version__
from caseload_tui.cli import main
from caseload_tui.demo import demo_file
from caseload_tui.store import Store

from cli_runner import run
from clock import WEDNESDAY_EVENING

needs_demo = pytest.mark.skipif(not demo_file().exists(), reason="sample_data/caseload.json not written yet")


def assert_plain_failure(result: Result) -> str:
    """Exit status not 0, one line on stderr, no traceback; returns the line."""
    assert result.exit_code != 0
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert message
    assert "\n" not in message, message
    return message


def base_doc() -> dict:
    return copy.deepcopy({
        "format": "caseload-tui",
        "version": 1,
        "clients": [
            {"code": "A1", "name": "Ann", "started_on": "2026-01-05",
             "schedule": "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "themes": "grief"},
            {"code": "B2", "name": "Ben", "started_on": "2025-02-03", "ended_on": "2026-10-01",
             "ending_kind": "planned", "reflection": {"helped": "time", "i_learned": "patience"}},
        ],
        "appointments": [
            {"client": "A1", "starts_at": "2026-11-24T10:00", "status": "no_show"},
            {"client": "A1", "starts_at": "2026-11-17T10:00", "status": "cancelled", "note": "ill"},
            {"client": "A1", "starts_at": "2026-11-10T10:00", "status": "attended"},
            {"client": "A1", "starts_at": "2026-12-01T10:00", "status": "scheduled"},
        ],
        "thoughts": [
            {"client": "A1", "written_at": "2026-11-24T19:00", "kind": "insight", "body": "she tests me"},
            {"client": None, "written_at": "2026-11-24T19:05", "kind": "learning", "body": "about me",
             "lingering": False},
        ],
        "questions": [
            {"client": "A1", "asked_at": "2026-11-24T19:10", "body": "how is her sister?"},
        ],
        "encounters": [
            {"client": "B2", "happened_on": "2026-11-01", "body": "a card at Christmas"},
        ],
        "supervision": [
            {"held_on": "2026-11-20", "notes": "good", "items": [
                {"client": "A1", "question": "why do I wait?", "advice": "say it", "outcome": ""}]},
        ],
    })


def renamed(doc: dict, prefix: str) -> dict:
    """The same caseload with every client code (and every reference to it) prefixed."""
    for client in doc["clients"]:
        client["code"] = prefix + client["code"]
    for section in ("appointments", "thoughts", "questions", "encounters"):
        for record in doc[section]:
            if record.get("client"):
                record["client"] = prefix + record["client"]
    for meeting in doc["supervision"]:
        for item in meeting["items"]:
            item["client"] = prefix + item["client"]
    return doc


def write_doc(folder: Path, doc, name: str = "caseload.json") -> Path:
    path = folder / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def client_count(db: Path) -> int:
    store = Store.open(db)
    try:
        return store.client_count()
    finally:
        store.close()


def make_db(tmp_path: Path, doc: dict | None = None) -> Path:
    db = tmp_path / "mine.db"
    result = run("import", write_doc(tmp_path, doc or base_doc(), "seed.json"), "--db", db)
    assert result.exit_code == 0, result.output
    return db


# ---------------------------------------------------------------- help, version, locate


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"caseload {__version__}"


@pytest.mark.parametrize("command", [None, *sorted(main.commands)])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help_on_every_command(command, flag):
    result = run(*([command] if command else []), flag)
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert len(result.output.strip().splitlines()) >= 3


def test_help_lists_every_command():
    result = run("--help")
    for name in main.commands:
        assert name in result.output


def test_locate_prints_the_three_paths(isolated_dirs):
    result = run("locate")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].split(maxsplit=1)[1] == str(isolated_dirs["data"] / "caseload.db")
    assert lines[1].split(maxsplit=1)[1] == str(isolated_dirs["config"])
    assert lines[2].split(maxsplit=1)[1] == str(isolated_dirs["data"] / "backups")
    assert not isolated_dirs["data"].exists()  # saying where is not creating


def test_locate_follows_caseload_db(monkeypatch, tmp_path):
    monkeypatch.setenv("CASELOAD_DB", str(tmp_path / "elsewhere.db"))
    assert str(tmp_path / "elsewhere.db") in run("locate").output


# ---------------------------------------------------------------- the demo


@needs_demo
@pytest.mark.parametrize("clock", [datetime(2026, 11, 26, 18, 0), datetime(2027, 3, 4, 7, 30)])
def test_demo_groups(isolated_dirs, clock):
    result = run("groups", "--demo", "--json", now=clock)
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)
    assert set(groups) == {"regulars", "absentees", "graduates"}
    names = {group: [entry["name"] for entry in members] for group, members in groups.items()}
    assert any("Amaan" in n for n in names["regulars"])
    assert any("Melanie" in n for n in names["absentees"])
    assert any("Pauline" in n for n in names["graduates"])
    for members in groups.values():
        for entry in members:
            assert entry["reason"].strip()
    assert not isolated_dirs["data"].exists(), "the demo touched the user's data folder"


@needs_demo
def test_demo_groups_in_privacy_mode():
    result = run("groups", "--demo", "--json", "--redact")
    groups = json.loads(result.stdout)
    for members in groups.values():
        for entry in members:
            assert entry["name"] == entry["code"]
    text = run("groups", "--demo", "--redact").stdout
    assert "Amaan" not in text and "Melanie" not in text


@needs_demo
def test_demo_export_import_export_is_byte_identical(tmp_path):
    first = run("export", "--demo")
    assert first.exit_code == 0, first.output
    saved = write_doc(tmp_path, first.stdout, "demo.json")
    db = tmp_path / "copy.db"
    imported = run("import", saved, "--db", db)
    assert imported.exit_code == 0, imported.output
    second = run("export", "--db", db)
    assert second.exit_code == 0
    assert second.stdout_bytes == first.stdout_bytes


def test_export_import_export_is_byte_identical(tmp_path):
    db = make_db(tmp_path)
    first = run("export", "--db", db)
    again = tmp_path / "again.db"
    assert run("import", write_doc(tmp_path, first.stdout, "first.json"), "--db", again).exit_code == 0
    second = run("export", "--db", again)
    assert second.stdout_bytes == first.stdout_bytes
    exported = json.loads(first.stdout)
    assert [c["code"] for c in exported["clients"]] == ["A1", "B2"]
    assert len(exported["appointments"]) == 4


def test_export_to_a_file_only_its_owner_can_read(tmp_path):
    db = make_db(tmp_path)
    out = tmp_path / "backup.json"
    result = run("export", "--db", db, "-o", out)
    assert result.exit_code == 0
    assert out.stat().st_mode & 0o077 == 0
    assert out.read_bytes() == run("export", "--db", db).stdout_bytes
    assert result.stdout == ""  # the notes go to the file, not the screen


def test_export_over_an_existing_file_makes_it_private(tmp_path):
    db = make_db(tmp_path)
    out = tmp_path / "backup.json"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o644)
    assert run("export", "--db", db, "-o", out).exit_code != 0  # an existing file is kept unless --force
    assert out.read_text(encoding="utf-8") == "old"
    assert run("export", "--db", db, "-o", out, "--force").exit_code == 0
    assert out.stat().st_mode & 0o077 == 0
    assert out.read_bytes() == run("export", "--db", db).stdout_bytes
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # no temporary file left


def test_either_demo_or_db():
    result = run("groups", "--demo", "--db", "x.db")
    assert "either --demo or --db" in assert_plain_failure(result)


# ---------------------------------------------------------------- import problems


def _drop(path: str):
    def change(doc):
        *parents, key = path.split(".")
        target = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[key]
    return change


def _set(path: str, value):
    def change(doc):
        *parents, key = path.split(".")
        target = doc
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[key] = value
    return change


BAD_FILES = {
    "missing field": (_drop("clients.1.started_on"), ["clients[1]", "started_on", "missing"]),
    "missing thought body": (_drop("thoughts.0.body"), ["thoughts[0]", "body"]),
    "duplicate code": (_set("clients.1.code", "A1"), ["clients[1]", "code", "A1"]),
    "number for text": (_set("clients.1.name", 42), ["clients[1]", "name", "text"]),
    "number for a note": (_set("appointments.0.note", 3.5), ["appointments[0]", "note"]),
    "string for true/false": (_set("clients.0.bring_to_supervision", "yes"),
                              ["clients[0]", "bring_to_supervision", "true or false"]),
    "number for true/false": (_set("thoughts.0.lingering", 1), ["thoughts[0]", "lingering"]),
    "unknown status": (_set("appointments.0.status", "maybe"), ["appointments[0]", "status", "no_show"]),
    "unknown ending": (_set("clients.1.ending_kind", "fired"), ["clients[1]", "ending_kind"]),
    "unknown thought kind": (_set("thoughts.0.kind", "rumination"), ["thoughts[0]", "kind"]),
    "day-month date": (_set("clients.0.started_on", "03/12/2026"), ["clients[0]", "started_on", "YYYY-MM-DD"]),
    "day-month moment": (_set("appointments.0.starts_at", "03/12/2026 10:00"), ["appointments[0]", "starts_at"]),
    "impossible date": (_set("encounters.0.happened_on", "2026-02-30"), ["encounters[0]", "happened_on"]),
    "unknown client in a thought": (_set("thoughts.0.client", "ZZ9"), ["thoughts[0]", "client", "ZZ9"]),
    "unknown client in a session": (_set("appointments.1.client", "ZZ9"), ["appointments[1]", "client"]),
    "unknown client in supervision": (_set("supervision.0.items.0.client", "ZZ9"),
                                      ["supervision[0].items[0]", "client"]),
    "ended before it started": (_set("clients.1.ended_on", "2024-01-01"), ["clients[1]", "ended_on"]),
    "unreadable schedule": (_set("clients.0.schedule", "every other blue moon"), ["clients[0]", "schedule"]),
    "a list that is not a list": (_set("clients", {"A1": {}}), ["clients", "list"]),
    "a record that is not an object": (_set("thoughts", ["just text"]), ["thoughts[0]", "object"]),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_import_problem_names_record_and_field_and_writes_nothing(tmp_path, case):
    change, words = BAD_FILES[case]
    doc = base_doc()
    change(doc)
    db = tmp_path / "new.db"
    result = run("import", write_doc(tmp_path, doc, "bad.json"), "--db", db)
    message = assert_plain_failure(result)
    for word in words:
        assert word in message, (word, message)
    assert "bad.json" in message
    assert not db.exists()


@pytest.mark.parametrize("case", ["duplicate code", "unknown status", "unknown client in a thought"])
def test_import_problem_leaves_an_existing_caseload_as_it_was(tmp_path, case):
    db = make_db(tmp_path, renamed(base_doc(), "S"))
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("mine.db")}
    change, words = BAD_FILES[case]
    doc = base_doc()
    change(doc)
    message = assert_plain_failure(run("import", write_doc(tmp_path, doc, "bad.json"), "--db", db))
    for word in words:
        assert word in message
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("mine.db")}
    assert after == before
    assert client_count(db) == 2


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("this is not json", ["not valid JSON", "line 1"]),
        ('{"format": "caseload-tui", "version": 1, "clients": [', ["not valid JSON"]),
        ("", ["not valid JSON"]),
        ('{"hello": "world"}', ["not a caseload file"]),
        ('[1, 2, 3]', ["not a caseload file"]),
        ('{"format": "caseload-tui", "version": 99}', ["version"]),
    ],
)
def test_import_of_something_that_is_not_a_caseload(tmp_path, content, words):
    db = tmp_path / "new.db"
    result = run("import", write_doc(tmp_path, content, "thing.json"), "--db", db)
    message = assert_plain_failure(result)
    for word in words:
        assert word in message
    assert not db.exists()


def test_import_of_a_file_that_is_not_text(tmp_path):
    path = tmp_path / "photo.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00")
    db = tmp_path / "new.db"
    assert "UTF-8" in assert_plain_failure(run("import", path, "--db", db))
    assert not db.exists()


def test_import_of_a_code_already_in_the_caseload_adds_nothing(tmp_path):
    db = make_db(tmp_path)
    doc = base_doc()
    doc["clients"][0]["code"] = "NEW"
    for record in doc["appointments"] + doc["thoughts"] + doc["questions"] + doc["supervision"][0]["items"]:
        if record.get("client") == "A1":
            record["client"] = "NEW"
    assert run("import", write_doc(tmp_path, doc, "check.json"), "--db", tmp_path / "other.db").exit_code == 0
    message = assert_plain_failure(run("import", write_doc(tmp_path, doc, "again.json"), "--db", db))
    assert "B2" in message
    assert client_count(db) == 2


def test_import_problems_do_not_quote_the_notes(tmp_path):
    doc = base_doc()
    doc["thoughts"][0]["body"] = "SECRET confession"
    doc["thoughts"][0]["kind"] = "SECRET kind"
    message = assert_plain_failure(run("import", write_doc(tmp_path, doc, "bad.json"), "--db", tmp_path / "x.db"))
    assert "SECRET" not in message


def test_import_problem_shows_control_characters_harmlessly(tmp_path):
    doc = base_doc()
    doc["thoughts"][0]["client"] = "\x1b]52;c;aGk=\x07"
    message = assert_plain_failure(run("import", write_doc(tmp_path, doc, "bad.json"), "--db", tmp_path / "x.db"))
    assert "\x1b" not in message and "\x07" not in message
    assert "thoughts[0]" in message


def test_import_of_a_lone_surrogate_names_the_record(tmp_path):
    text = json.dumps(base_doc()).replace('"Ann"', '"Ann \\ud83d"')
    result = run("import", write_doc(tmp_path, text, "bad.json"), "--db", tmp_path / "x.db")
    message = assert_plain_failure(result)
    assert "clients[0]" in message and "name" in message
    assert not (tmp_path / "x.db").exists()


# ---------------------------------------------------------------- hostile text, byte for byte


HOSTILE = [
    "[b]O'Brien[/b]",
    "[@click=app.quit]quit[/]",
    "\x1b[2J\x1b[H",
    "\x1b]52;c;aGk=\x07",
    "\x9b31m\x7f",
    "\u202eevil.txt",
    "مرحبا بالعالم",
    "🌱 👩‍⚕️",
    "心理療法",
    "line one\r\nline two\rthree\n",
    "\ttab",
    "y" * 100_000,
]


def test_hostile_text_imports_and_exports_byte_for_byte(tmp_path):
    doc = base_doc()
    for i, text in enumerate(HOSTILE):
        code = f"H{i}"
        doc["clients"].append({"code": code, "name": text, "started_on": "2026-01-05", "themes": text,
                               "reflection": {"helped": text, "not_helped": text,
                                              "they_learned": text, "i_learned": text}})
        doc["appointments"].append({"client": code, "starts_at": "2026-11-20T10:00", "status": "attended",
                                    "note": text})
        doc["thoughts"].append({"client": code, "written_at": "2026-11-20T19:00", "kind": "holding",
                                "body": text, "tell_client": True,
                                "telling": {"outcome": "told", "on": "2026-11-21T10:00", "how_taken": text}})
        doc["questions"].append({"client": code, "asked_at": "2026-11-20T19:00", "body": text,
                                 "answer": text, "status": "answered", "closed_at": "2026-11-21T09:00"})
        doc["encounters"].append({"client": code, "happened_on": "2026-11-02", "body": text})
        doc["supervision"].append({"held_on": "2026-11-03", "notes": text, "items": [
            {"client": code, "question": text, "advice": text, "outcome": text}]})
        doc.setdefault("dates", []).append({"client": code, "falls_on": "2026-12-03", "note": text})
    db = tmp_path / "hostile.db"
    imported = run("import", write_doc(tmp_path, doc, "hostile.json"), "--db", db)
    assert imported.exit_code == 0, imported.output

    exported = run("export", "--db", db)
    assert exported.exit_code == 0
    assert exported.stdout.isascii()  # escapes, not raw control characters, in the file
    back = json.loads(exported.stdout)
    for i, text in enumerate(HOSTILE):
        client = back["clients"][2 + i]
        assert client["name"] == text and client["themes"] == text
        [episode] = client["episodes"]  # an older file's reflection, kept in its one episode
        assert set(episode["reflection"].values()) == {text, ""}
        assert [v for v in episode["reflection"].values() if v] == [text] * 4
        assert back["appointments"][4 + i]["note"] == text
        assert back["thoughts"][2 + i]["body"] == back["thoughts"][2 + i]["telling"]["how_taken"] == text
        assert back["dates"][i]["note"] == text
        assert (back["questions"][1 + i]["body"], back["questions"][1 + i]["answer"]) == (text, text)
        assert back["encounters"][1 + i]["body"] == text
        meeting = back["supervision"][1 + i]
        assert meeting["notes"] == text
        item = meeting["items"][0]
        assert {item[k] for k in ("client", "question", "advice", "outcome")} == {f"H{i}", text}

    again = tmp_path / "again.db"
    assert run("import", write_doc(tmp_path, exported.stdout, "round.json"), "--db", again).exit_code == 0
    assert run("export", "--db", again).stdout_bytes == exported.stdout_bytes


def test_hostile_names_are_shown_harmlessly_by_groups(tmp_path):
    doc = base_doc()
    doc["clients"][0]["name"] = "\x1b]52;c;aGk=\x07\x1b[2JAnn\u202e"
    db = make_db(tmp_path, doc)
    result = run("groups", "--db", db)
    assert result.exit_code == 0
    for char in "\x1b\x07\u202e":
        assert char not in result.stdout
    assert "\u241b[2JAnn" in result.stdout


# ---------------------------------------------------------------- dry run


def test_dry_run_adds_nothing(tmp_path):
    db = make_db(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("mine.db")}
    doc = renamed(base_doc(), "X")
    result = run("import", write_doc(tmp_path, doc, "more.json"), "--db", db, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "Would add" in result.stdout
    assert "2 clients" in result.stdout and "4 sessions" in result.stdout
    assert client_count(db) == 2
    after = {p.name: p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith("mine.db")}
    assert after == before


def test_dry_run_still_reports_problems(tmp_path):
    db = make_db(tmp_path)
    message = assert_plain_failure(run("import", write_doc(tmp_path, base_doc(), "again.json"), "--db", db,
                                       "--dry-run"))
    assert "A1" in message
    assert client_count(db) == 2


def test_dry_run_does_not_create_a_caseload(tmp_path):
    db = tmp_path / "never.db"
    result = run("import", write_doc(tmp_path, base_doc()), "--db", db, "--dry-run")
    assert result.exit_code == 0
    assert not db.exists()


# ---------------------------------------------------------------- groups from a real file


def test_groups_from_a_caseload_file(tmp_path):
    db = make_db(tmp_path)
    result = run("groups", "--db", db, "--json")
    assert result.exit_code == 0, result.output
    groups = json.loads(result.stdout)
    ann = groups["absentees"][0]
    assert (ann["name"], ann["code"]) == ("Ann", "A1")
    assert "2 in a row" in ann["reason"]
    assert ann["last_attended"] == "2026-11-10T10:00"
    assert (ann["open_questions"], ann["lingering_thoughts"]) == (1, 1)
    assert [g["name"] for g in groups["graduates"]] == ["Ben"]
    assert groups["regulars"] == []

    text = run("groups", "--db", db).stdout
    assert "Absentees (1)" in text and "Ann (A1)" in text and "2 in a row" in text


def test_groups_use_the_thresholds_in_the_settings_file(tmp_path, isolated_dirs):
    db = make_db(tmp_path)
    isolated_dirs["config"].parent.mkdir(parents=True)
    isolated_dirs["config"].write_text("[absentees]\nmissed_in_a_row = 3\nmissed_share = 0.9\n"
                                       "quiet_days = 30\n", encoding="utf-8")
    groups = json.loads(run("groups", "--db", db, "--json").stdout)
    assert [g["name"] for g in groups["regulars"]] == ["Ann"]


@pytest.mark.parametrize("settings", ["[absentees\nmissed = ", '[absentees]\nmissed_in_a_row = "two"\n'])
def test_an_unusable_settings_file_is_explained(tmp_path, isolated_dirs, settings):
    db = make_db(tmp_path)
    isolated_dirs["config"].parent.mkdir(parents=True)
    isolated_dirs["config"].write_text(settings, encoding="utf-8")
    message = assert_plain_failure(run("groups", "--db", db))
    assert "settings" in message.lower() or "config" in message.lower()


@pytest.mark.parametrize("command", ["groups", "export"])
def test_a_missing_caseload_is_explained_not_created(tmp_path, command):
    db = tmp_path / "missing.db"
    message = assert_plain_failure(run(command, "--db", db))
    assert "no caseload" in message.lower()
    assert str(db) in message
    assert not db.exists()


def test_a_file_that_is_not_a_caseload_is_refused_and_untouched(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("private notes\n" * 100, encoding="utf-8")
    before = notes.read_bytes()
    for args in (["groups", "--db", notes], ["export", "--db", notes],
                 ["import", write_doc(tmp_path, base_doc()), "--db", notes]):
        assert "not a caseload" in assert_plain_failure(run(*args))
    assert notes.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["caseload.json", "notes.txt"]


def test_the_default_caseload_is_created_in_the_data_folder(isolated_dirs):
    result = run("groups", "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"regulars": [], "absentees": [], "graduates": []}
    db = isolated_dirs["data"] / "caseload.db"
    assert db.exists()
    assert isolated_dirs["data"].stat().st_mode & 0o077 == 0
    assert db.stat().st_mode & 0o077 == 0


# ---------------------------------------------------------------- init


def test_init_creates_an_empty_caseload(tmp_path):
    db = tmp_path / "fresh" / "caseload.db"
    result = run("init", db)
    assert result.exit_code == 0
    assert str(db) in result.output
    assert client_count(db) == 0


def test_init_never_overwrites(tmp_path):
    db = make_db(tmp_path)
    before = db.read_bytes()
    assert "already exists" in assert_plain_failure(run("init", db))
    assert db.read_bytes() == before
    assert client_count(db) == 2


def test_dates_in_the_file_are_kept(tmp_path):
    db = make_db(tmp_path)
    store = Store.open(db)
    try:
        ben = store.find_client("B2")
        assert (ben.started_on, ben.ended_on) == (date(2025, 2, 3), date(2026, 10, 1))
        [episode] = store.episodes(ben.id)  # a file from before episodes: its one ending, one episode
        assert (episode.reflection.i_learned, episode.recorded_as) == ("patience", "planned")
    finally:
        store.close()


# ---------------------------------------------------------------- before the session (issue 14)


@needs_demo
def test_today_lists_the_demo_s_clients_due_with_what_to_bring(tmp_path):
    from clock import DEMO_DAY_END

    result = run("today", "--demo", now=DEMO_DAY_END)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("Before the session · Thursday 26 November (the demo's day)")
    assert [line.split("  ")[1] for line in text.splitlines() if line[:2].isdigit()] == [
        "Melanie (C-025)", "Ines (C-018)", "Sanne (C-021)", "Joel (C-024)"]
    melanie = text.split("Ines (C-018)")[0]
    for part in ["To tell them I remembered:", "✉ Something to tell her I remembered: in the first session",
                 "(cue: if she says again that nothing ever grows for her)", "? Ask plainly whether she wants",
                 "Advice from supervision to try (29 Oct): Probably both.",
                 "◷ Tue 1 Dec (in 5 days): Anniversary of her father's death"]:
        assert part in melanie, part
    assert "⚠ Safety concern: safeguarding — When he described shouting at the baby" in text
    # On another day the demo's day is still the one prepared: the Thursday its story ends on.
    tuesday = run("today", "--demo", now=datetime(2026, 12, 1, 9, 0)).stdout
    assert tuesday.startswith("Before the session · Thursday 26 November (the demo's day)")
    assert "09:00  Melanie (C-025)" in tuesday


@needs_demo
def test_today_as_json_and_redacted(tmp_path):
    from clock import DEMO_DAY_END

    doc = json.loads(run("today", "--demo", "--json", now=DEMO_DAY_END).stdout)
    assert doc["day"] == "2026-11-26"
    melanie = doc["clients"][0]
    assert (melanie["name"], melanie["starts_at"], melanie["booked"]) == ("Melanie", "2026-11-26T09:00", True)
    assert melanie["tell_them"][0]["cue"] == "if she says again that nothing ever grows for her"
    assert melanie["advice_to_try"]["tried"] is None and len(melanie["open_questions"]) == 2
    assert melanie["dates_coming_up"] == [{"on": "2026-12-01", "note": "Anniversary of her father's death; she "
                                           "mentioned it once, in passing.", "yearly": True, "mine": False}]
    redacted = run("today", "--demo", "--json", "--redact", now=DEMO_DAY_END).stdout
    assert "Melanie" not in redacted and "Joel" not in redacted
    joel = json.loads(redacted)["clients"][3]
    assert joel["name"] == "C-024"
    assert joel["safety_concerns"] == [{"concern": "safeguarding", "marked_at": "2026-10-22T19:10",
                                        "about": "thought", "body": "(words hidden: --redact)"}]


def test_today_with_no_one_due(tmp_path):
    db = tmp_path / "empty.db"
    assert run("init", db).exit_code == 0
    result = run("today", "--db", db)
    assert result.exit_code == 0 and "No one is due today." in result.stdout
    assert run("today", "--db", db, "--demo").exit_code != 0  # one caseload or the other, as for every command


def test_the_day_s_first_opening_keeps_where_every_client_stands(tmp_path):
    """What the day's end compares with (day_review.moves): kept by the first import of the day (as by the
    dashboard's opening), never by a dry run or a command that only reads."""
    db = make_db(tmp_path)
    more = write_doc(tmp_path, renamed(base_doc(), "X"), "more.json")
    for reading in (("groups",), ("import", more, "--dry-run")):
        assert run(*reading, "--db", db).exit_code == 0
        store = Store.open(db)
        assert store.groups_at_day_start(WEDNESDAY_EVENING.date()) is None
        store.close()
    assert run("import", more, "--db", db).exit_code == 0
    store = Store.open(db)
    try:
        kept = store.groups_at_day_start(WEDNESDAY_EVENING.date())
        assert kept is not None and len(kept) == 2  # the two clients there before the import, not the two it added
    finally:
        store.close()
