"""Which calendar a file is: two calendars never remove each other's sessions, and a dry run lists every removal."""

from __future__ import annotations

import pytest

from caseload_tui.config import CalendarSettings, Settings
from caseload_tui.interchange import ImportProblem
from caseload_tui.interchange.calendar_identity import CalendarChoice
from caseload_tui.interchange.importing import import_file

from calendars import write_calendar
from cli_runner import run
from clock import WEDNESDAY_EVENING
from import_helpers import stored

SETTINGS = Settings(calendar=CalendarSettings(timezone="Europe/London", weeks_back=8, weeks_ahead=3))


def exchange(*events: tuple[str, str, str]) -> str:
    """An Exchange calendar: every one is called "Calendar"."""
    body = "".join(f"BEGIN:VEVENT\nUID:{uid}\nSUMMARY:{who}\nDTSTART:{when}\nEND:VEVENT\n" for uid, who, when in events)
    return f"BEGIN:VCALENDAR\nPRODID:Microsoft Exchange Server 2010\nX-WR-CALNAME:Calendar\n{body}END:VCALENDAR\n"


HOME = exchange(("home-1", "Zoë Adler", "20261124T100000Z"), ("home-2", "Ben Okafor", "20261125T090000Z"))
CLINIC = exchange(("clinic-1", "Cleo Park", "20261126T180000Z"))


def bring(store, tmp_path, text, name="calendar.ics", dry_run=False, choice=None):
    return import_file(store, write_calendar(tmp_path, text, name), SETTINGS, WEDNESDAY_EVENING, dry_run,
                       calendar=choice)


def test_a_second_calendar_with_the_same_name_is_not_taken_for_the_first(store, clients, tmp_path):
    bring(store, tmp_path, HOME)
    before = stored(store)
    with pytest.raises(ImportProblem) as caught:
        bring(store, tmp_path, CLINIC, name="other.ics")
    assert str(caught.value).startswith("This caseload already has a calendar “Calendar”, and this file holds none "
                                        "of its events: it may be another calendar with the same name. Nothing was "
                                        "changed. Say which calendar it is: --calendar \"Calendar\"")
    assert stored(store) == before


def test_two_calendars_named_apart_never_remove_each_others_sessions(store, clients, tmp_path):
    bring(store, tmp_path, HOME, choice=CalendarChoice(name="Home"))
    bring(store, tmp_path, CLINIC, choice=CalendarChoice(name="Clinic"))
    for _ in range(2):  # each imported again, in turn
        lines = bring(store, tmp_path, HOME, choice=CalendarChoice(name="Home"))
        assert "removed 0 sessions" in lines[1]
        bring(store, tmp_path, CLINIC, choice=CalendarChoice(name="Clinic"))
    assert [(row[0], row[3]) for row in stored(store)] == [("A1", "ics:Home"), ("B2", "ics:Home"), ("C3", "ics:Clinic")]


def test_two_invitations_saved_under_one_file_name_are_two_calendars(store, clients, tmp_path):
    invite = ("BEGIN:VCALENDAR\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:{}\nSUMMARY:{}\nDTSTART:{}\nEND:VEVENT\n"
              "END:VCALENDAR\n")
    bring(store, tmp_path, invite.format("i1", "Zoë Adler", "20261124T100000Z"), name="invite.ics")
    with pytest.raises(ImportProblem):
        bring(store, tmp_path, invite.format("i2", "Ben Okafor", "20261125T090000Z"), name="invite.ics")
    assert [row[0] for row in stored(store)] == ["A1"]


def test_the_same_calendar_downloaded_again_is_recognised_by_its_events(store, clients, tmp_path):
    bring(store, tmp_path, HOME)
    fewer = exchange(("home-1", "Zoë Adler", "20261124T100000Z"))
    lines = bring(store, tmp_path, fewer, name="calendar (1).ics", dry_run=True)
    assert "  would remove: Ben Okafor (B2) Wed 25 Nov 2026 09:00 (no longer in the file; nothing was recorded " \
           "for it)" in lines


def test_a_dry_run_lists_every_removal(store, clients, tmp_path):
    many = exchange(*((f"s{d}", "Zoë Adler", f"202611{d:02d}T100000Z") for d in range(10, 26)))
    bring(store, tmp_path, many, choice=CalendarChoice(name="Praxis"))
    lines = bring(store, tmp_path, exchange(("s10", "Zoë Adler", "20261110T100000Z")), dry_run=True,
                  choice=CalendarChoice(name="Praxis"))
    removals = [line for line in lines if line.startswith("  would remove: Zoë Adler (A1)")]
    assert len(removals) == 15 and "remove 15 sessions" in lines[1]
    assert len(stored(store)) == 16


def test_the_first_import_asks_which_calendar_offering_what_the_file_says(store, clients, tmp_path):
    asked = []

    answers = iter(["Home", "Clinic"])

    def ask(offered, names, why):
        asked.append((offered, names, why))
        return next(answers)

    bring(store, tmp_path, HOME, choice=CalendarChoice(ask=ask))
    bring(store, tmp_path, CLINIC, choice=CalendarChoice(ask=ask))  # no "Calendar" in the caseload: a new one
    assert asked == [("Calendar", [], "new"), ("Calendar", ["Home"], "new")]
    assert [(row[0], row[3]) for row in stored(store)] == [("A1", "ics:Home"), ("B2", "ics:Home"), ("C3", "ics:Clinic")]


def test_a_same_name_calendar_is_asked_about_not_guessed(store, clients, tmp_path):
    answers = iter(["Calendar", "Clinic"])
    bring(store, tmp_path, HOME, choice=CalendarChoice(ask=lambda offered, names, why: next(answers)))
    asked = []

    def ask(offered, names, why):
        asked.append(why)
        return next(answers)

    bring(store, tmp_path, CLINIC, choice=CalendarChoice(ask=ask))
    assert asked == ["same name"]
    assert [(row[0], row[3]) for row in stored(store)] == [("A1", "ics:Calendar"), ("B2", "ics:Calendar"),
                                                          ("C3", "ics:Clinic")]


def test_calendar_option_on_the_command_line(tmp_path):
    db = tmp_path / "mine.db"
    assert run("init", db).exit_code == 0
    path = write_calendar(tmp_path, HOME, "calendar.ics")
    result = run("import", path, "--db", db, "--calendar", "Home", "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "Calendar “Home”:"
    assert "Your caseload has no clients yet" in result.output  # an empty caseload says so, not event by event
    assert "no client's code or name" not in result.output
    refused = run("import", path, "--db", db, "--calendar", " ")
    assert refused.exit_code == 1 and "--calendar needs a name" in refused.output


def test_a_calendar_name_with_control_characters_is_refused(store, clients, tmp_path):
    with pytest.raises(ImportProblem, match="cannot hold control characters"):
        bring(store, tmp_path, HOME, choice=CalendarChoice(ask=lambda offered, names, why: "\x1b[1~"))
    assert stored(store) == []
