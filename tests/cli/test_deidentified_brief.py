"""`caseload brief --demo`, as issue 16 asks of it: de-identified by default, what is still with me
brought along, safety first."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from functools import partial

import pytest

from caseload_tui.demo import load_demo
from caseload_tui.model import Client, SafetyConcern, SafetyMark, Thought, ThoughtKind
from caseload_tui.store import Store

from cli_runner import run as run_caseload
from clock import DEMO_DAY_END

run = partial(run_caseload, now=DEMO_DAY_END)
DEMO_NAMES = [c.name for c in load_demo(DEMO_DAY_END.date()).clients]

MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*"
EXACT_DATE = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? {MONTH}\b|\b{MONTH} \d{{1,2}}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
                        r"|\b\d{1,2}/\d{1,2}\b")
WEEKDAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)(?:day|s|days)?\b|\b(?:Tues|Wednes|Thurs|Satur)days?\b")
SESSION_TIME = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?[ap]m\b", re.IGNORECASE)


def named(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE) is not None


def section(text: str, heading: str) -> str:
    """From a `## n. heading` line to the next section."""
    start = re.search(rf"^## \d+\. {re.escape(heading)}$", text, flags=re.MULTILINE)
    assert start, heading
    rest = text[start.end():]
    end = rest.find("\n---\n")
    return rest if end < 0 else rest[:end]


def not_yet_brought(case: str) -> str:
    head = "**Still with me from before the last supervision (not yet brought)**"
    assert head in case
    return case.split(head, 1)[1].split("**Follow-up questions", 1)[0]


@pytest.fixture(scope="module")
def demo_brief() -> str:
    result = run("brief", "--demo")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_demo_brief_names_no_client(demo_brief):
    text = unicodedata.normalize("NFC", demo_brief)
    for name in DEMO_NAMES:
        assert not named(name, text), name
    assert "**C-007**" in text and "**C-024**" in text and "**C-025**" in text


def test_the_demo_brief_gives_no_exact_date_weekday_or_session_time(demo_brief):
    assert EXACT_DATE.findall(demo_brief) == []
    assert WEEKDAY.findall(demo_brief) == []
    session_times = {f"{a.starts_at:%H:%M}" for a in load_demo(DEMO_DAY_END.date()).appointments}
    assert len(session_times) > 5
    found = SESSION_TIME.findall(demo_brief)
    assert not session_times & set(found)
    # A time of day a clinician wrote in a note (when a text came) stays as written, and the leak check
    # lists it before the brief leaves.
    leaks = run("brief", "--demo").stderr
    assert found == ["7:40"] and "C-025, a missed session of November 2026: a time of day, '7:40'" in leaks
    assert demo_brief.startswith("# Supervision brief, November 2026\n")
    assert "*In therapy since January 2025, weekly." in demo_brief  # how often, never which day or hour


def test_what_is_still_with_me_from_before_comes_along(demo_brief):
    amaan = not_yet_brought(section(demo_brief, "C-007"))
    assert "Tidying the living room this morning it came to me" in amaan
    assert amaan.count("\n- *") == 3  # '6 thoughts still with me', and all six are in the brief
    assert "- 6 thoughts still with me." in section(demo_brief, "C-007")
    joel = not_yet_brought(section(demo_brief, "C-024"))
    assert "- *October, reaction, flagged to bring:* When he described shouting at the baby" in joel


def test_safety_leads_when_a_concern_is_open(demo_brief):
    agenda = demo_brief.split("## Agenda\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert agenda[0] == "1. **Safety: what I have assessed; what I need help deciding** (2 concerns)"
    sections = re.findall(r"^## (\d+\. .*)$", demo_brief, flags=re.MULTILINE)
    assert sections[0] == "1. Safety: what I have assessed; what I need help deciding"
    safety = section(demo_brief, "Safety: what I have assessed; what I need help deciding")
    assert "- **C-024** *(safeguarding, October):* When he described shouting at the baby" in safety
    assert "- **C-019** *(risk to self, November):* Missed again" in safety


def test_an_insight_is_not_counted_as_my_own_response(demo_brief):
    joel = section(demo_brief, "C-024")
    assert "My own responses" not in joel  # his insight is about him, not about me
    assert "- My own responses and blind spots: 1 reaction since October." in section(
        demo_brief, "C-025")


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    ann = store.set_flag(store.add_client(Client(name="Ann", code="A1", started_on=date(2026, 1, 5))).id, True)
    store.add_thought(Thought(body="a plain thought", written_at=datetime(2026, 11, 20, 9), client_id=ann.id))
    store.close()
    return path


def test_no_safety_section_without_an_open_concern(small):
    text = run("brief", "--db", small).stdout
    assert "Safety" not in text and "## 1. A1" in text
    store = Store.open(small)
    ann = store.find_client("A1")
    store.add_thought(Thought(body="she spoke of not wanting to wake up", written_at=datetime(2026, 11, 21, 9),
                              client_id=ann.id, kind=ThoughtKind.HOLDING,
                              safety=SafetyMark(SafetyConcern.RISK_TO_SELF, datetime(2026, 11, 21, 9))))
    store.close()
    text = run("brief", "--db", small).stdout
    assert "1. **Safety: what I have assessed; what I need help deciding** (1 concern)" in text
    assert text.index("## 1. Safety") < text.index("## 2. A1")


def test_names_only_when_asked(small):
    assert named("Ann", run("brief", "--db", small, "--names").stdout)
    assert not named("Ann", run("brief", "--db", small).stdout)
