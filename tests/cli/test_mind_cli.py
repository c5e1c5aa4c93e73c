"""`caseload mind`: the demo's contrast between who is in my mind and who is in the room."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from cli_runner import run
from clock import DEMO_DAY_END

# Every evening of the demo's week: the demo moves by whole weeks, so its story reads the same.
A_WEEK = [DEMO_DAY_END + timedelta(days=n) for n in range(7)]


@pytest.mark.parametrize("now", A_WEEK, ids=lambda d: d.strftime("%a"))
def test_the_demo_carries_melanie_and_overlooks_a_steady_attender(now: datetime):
    result = run("mind", "--demo", "--json", now=now)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert "Melanie" in doc["carried"]["clients"]
    rows = {r["name"]: r for r in doc["clients"]}
    melanie = rows["Melanie"]
    # most in mind: more written about her than about anyone; least in the room: she missed more than she came
    assert melanie["thoughts"] + melanie["questions"] == max(r["thoughts"] + r["questions"] for r in rows.values())
    assert melanie["missed"] > melanie["came"]
    unseen = doc["steady_seldom_in_mind"]["clients"]
    assert unseen, "at least one steady attender seldom written about"
    for name in unseen:
        row = rows[name]
        assert row["missed"] * 4 <= row["came"] and row["thoughts"] + row["questions"] < melanie["thoughts"]
        assert name not in doc["carried"]["clients"]


def test_text_says_the_contrast_first_then_the_table():
    result = run("mind", "--demo", now=DEMO_DAY_END)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1].startswith("Who I carry most, though they come least: Melanie")
    assert lines[3].startswith("Who comes steadily, yet seldom crosses my mind: ")
    table = lines[lines.index("") + 1:]
    assert table[0].split() == ["client", "thoughts", "questions", "lingering", "words", "came", "missed"]
    assert table[1].split()[0] == "Melanie"  # most in mind first


def test_redact_shows_codes_only():
    result = run("mind", "--demo", "--json", "--redact", now=DEMO_DAY_END)
    assert result.exit_code == 0, result.output
    assert "Melanie" not in result.stdout and "C-025" in json.loads(result.stdout)["carried"]["clients"]
    text = run("mind", "--demo", "--redact", now=DEMO_DAY_END).stdout
    assert "Melanie" not in text and "Priya" not in text and "C-025" in text


def test_weeks_narrows_the_window():
    eight = json.loads(run("mind", "--demo", "--json", now=DEMO_DAY_END).stdout)
    one = json.loads(run("mind", "--demo", "--json", "--weeks", "1", now=DEMO_DAY_END).stdout)
    assert one["weeks"] == 1
    assert sum(r["came"] for r in one["clients"]) < sum(r["came"] for r in eight["clients"])


@pytest.mark.parametrize("weeks", ["0", "-3", "soon"])
def test_a_bad_window_is_refused_plainly(weeks: str):
    result = run("mind", "--demo", "--weeks", weeks, now=DEMO_DAY_END)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "--weeks" in result.output


def test_demo_and_db_together_are_refused(tmp_path):
    result = run("mind", "--demo", "--db", tmp_path / "c.db", now=DEMO_DAY_END)
    assert result.exit_code == 1 and "either --demo or --db" in result.output


def test_a_new_client_is_in_neither_contrast():
    doc = json.loads(run("mind", "--demo", "--json", now=DEMO_DAY_END).stdout)
    dev = next(r for r in doc["clients"] if r["name"] == "Dev")
    assert dev["came"] + dev["missed"] < 3 and dev["missed"] == 0  # began last week, came to both
    assert "Dev" not in doc["carried"]["clients"] and "Dev" not in doc["steady_seldom_in_mind"]["clients"]
    assert "fewer than 3 sessions" in doc["too_new"]
