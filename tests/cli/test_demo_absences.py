"""The demo read on any day of the week: its absences read as the essay tells them, and its
schedules stay on weekdays (the demo moves by whole weeks)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta

import pytest

from caseload_tui import model as m
from caseload_tui.demo import demo_shift_days, load_demo
from caseload_tui.rules import describe_schedule

from cli_runner import run

# Monday 30 November 2026 to Sunday 6 December, one evening each, and a morning.
A_WEEK = [datetime(2026, 11, 30, 19, 0) + timedelta(days=n) for n in range(7)] + [datetime(2027, 3, 4, 7, 30)]
# The database's words for a status that are not the clinician's ("cancelled" is both, "attended" is not).
DATABASE_WORDS = [s.value for s in m.Status if s.value not in s.label]


def by_name(doc: dict) -> dict[str, tuple[str, dict]]:
    return {entry["name"]: (group, entry) for group, members in doc.items() for entry in members}


@pytest.mark.parametrize("now", A_WEEK, ids=lambda d: d.strftime("%a"))
def test_the_three_patterns_on_any_day(now):
    result = run("groups", "--demo", "--json", now=now)
    assert result.exit_code == 0, result.output
    found = by_name(json.loads(result.stdout))
    assert found["Melanie"][0] == "absentees" and found["Melanie"][1]["pattern"] == "from the start"
    assert found["Noor"][0] == "absentees" and found["Noor"][1]["pattern"] == "a change"
    group, gareth = found["Gareth"]
    assert group == "regulars" and gareth["pattern"] == "a gap that is not an absence"
    assert "in my break" in gareth["reason"] and "moved to another time" in gareth["reason"]  # I was ill
    assert "never counted" in gareth["reason"]
    for _, entry in found.values():
        words = entry["reason"].lower().replace(",", " ").replace(".", " ").split()
        assert "_" not in entry["reason"] and not set(words) & set(DATABASE_WORDS), entry["reason"]
    assert found["Dev"][1]["label"] == "New" and found["Amaan"][1]["label"] == "Regular"


@pytest.mark.parametrize("now", A_WEEK, ids=lambda d: d.strftime("%a"))
def test_the_demo_keeps_its_weekdays_on_any_day(now):
    data = load_demo(now.date())
    for client in data.clients:
        words = describe_schedule(client.schedule)
        assert "Saturday" not in words and "Sunday" not in words, words
    assert all(a.starts_at.weekday() < 5 for a in data.appointments)
    # The demo's own day is the latest Thursday, never ahead of today: what it records has happened.
    demo_day = date(2026, 11, 26) + timedelta(days=demo_shift_days(date(2026, 11, 26), now.date()))
    assert demo_day.weekday() == 3 and 0 <= (now.date() - demo_day).days < 7
    done = [a for a in data.appointments if a.status is not m.Status.SCHEDULED]
    assert max(a.starts_at for a in done).date() <= demo_day


def test_my_breaks_are_recorded_once_and_listed(tmp_path):
    db = tmp_path / "caseload.db"
    assert run("init", db).exit_code == 0
    recorded = run("breaks", "--db", db, "--from", "21 dec", "--to", "3 jan", "--word", "holiday")
    assert recorded.exit_code == 0, recorded.output
    assert "Recorded my break: 21 Dec 2026 to 3 Jan 2027." in recorded.output
    refused = run("breaks", "--db", db, "--from", "2027-01-03", "--to", "2027-01-02")
    assert refused.exit_code != 0 and "ends on or after the day it starts" in refused.output
    assert "Traceback" not in refused.output
    listed = run("breaks", "--db", db)
    assert listed.stdout.splitlines() == ["21 Dec 2026 to 3 Jan 2027  holiday"]


@pytest.mark.parametrize("now", A_WEEK[:7], ids=lambda d: d.strftime("%a"))
def test_my_breaks_move_with_the_demo_and_survive_a_round_trip(now):
    from caseload_tui.interchange import json_format
    from caseload_tui.store import Store

    data = load_demo(now.date())
    assert [b.word for b in data.breaks].count("ill") == 1
    assert all(b.starts_on.weekday() == 0 and b.ends_on.weekday() == 6 for b in data.breaks if b.word == "holiday")
    [ill] = [b for b in data.breaks if b.word == "ill"]
    assert ill.starts_on.weekday() == 1  # the Tuesday I was ill, whatever day the demo is opened
    store = Store.memory()
    store.import_data(data)
    again = store.export_data()
    assert again.breaks == data.breaks
    assert json_format.parse(json.loads(json_format.dumps(again))).breaks == data.breaks
