"""`caseload supervision log`: the record a licensing board or an accreditation audit asks for."""

from __future__ import annotations

import csv
import io
import stat
from collections import defaultdict
from functools import partial

from caseload_tui.demo import load_demo

from cli_runner import run as run_caseload
from clock import DEMO_DAY_END

run = partial(run_caseload, now=DEMO_DAY_END)


def demo_meetings():
    return [m for m in load_demo(DEMO_DAY_END.date()).meetings if not m.planned]


def hours(minutes: int) -> str:
    h, m = divmod(minutes, 60)
    return "0 h" if not minutes else (f"{h} h {m} min" if h and m else (f"{h} h" if h else f"{m} min"))


def test_the_demo_log_sums_its_meetings_by_month():
    result = run("supervision", "log", "--demo")
    assert result.exit_code == 0, result.output
    text = result.stdout
    by_month: dict[str, list[int]] = defaultdict(list)
    for meeting in demo_meetings():
        by_month[f"{meeting.held_on:%B %Y}"].append(meeting.minutes)
    assert len(by_month) >= 10
    rows = {line.split(" | ")[0].strip("| "): line for line in text.split("## By month", 1)[1].splitlines()
            if line.startswith("| ") and "Month" not in line}
    for month, minutes in by_month.items():
        count, total = len(minutes), sum(minutes)
        short = "none" if total >= 90 else hours(90 - total)
        assert rows[month] == f"| {month} | {count} | {hours(total)} | {short} |", month
    # The month whose one supervision was cut short to an hour falls 30 minutes short.
    assert any(line.endswith("| 1 | 1 h | 30 min |") for line in rows.values())
    total = sum(m.minutes for m in demo_meetings())
    assert f"{len(demo_meetings())} meetings, {hours(total)} in all" in text
    assert "Monthly minimum: 1 h 30 min." in text


def test_the_csv_has_one_row_a_meeting():
    result = run("supervision", "log", "--demo", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    meetings = sorted(demo_meetings(), key=lambda m: m.held_on)
    assert len(rows) == len(meetings)
    assert [r["date"] for r in rows] == [m.held_on.isoformat() for m in meetings]
    assert [int(r["minutes"]) for r in rows] == [m.minutes for m in meetings]
    assert {r["individual or group"] for r in rows} == {"individual", "group"}
    last_individual = next(r for r in rows if r["date"] == "2026-10-29")
    assert (last_individual["supervisor"], last_individual["hours"], last_individual["cases brought"]) == (
        "Helen Achebe", "1.50", "C-007; C-025; C-012")
    assert list(rows[0]) == ["date", "supervisor", "minutes", "hours", "individual or group", "cases brought"]


def test_since_a_date_and_to_a_file_only_its_owner_can_read(tmp_path):
    out = tmp_path / "log.csv"
    result = run("supervision", "log", "--demo", "--since", "1 oct", "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    dates = [r["date"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))]
    assert dates and all(d >= "2026-10-01" for d in dates)


def test_a_start_after_today_is_refused_in_one_line():
    result = run("supervision", "log", "--demo", "--since", "2027-01-01")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip() == "caseload: The start of the log cannot be after today."


def test_a_formula_in_a_supervisor_s_name_stays_text(tmp_path):
    from datetime import date

    from caseload_tui.model import SupervisionMeeting
    from caseload_tui.store import Store

    path = tmp_path / "c.db"
    store = Store.open(path, create=True)
    store.add_meeting(SupervisionMeeting(held_on=date(2026, 11, 2), supervisor="=HYPERLINK(\"x\")", minutes=60))
    store.close()
    rows = list(csv.reader(io.StringIO(run("supervision", "log", "--db", path, "--format", "csv").stdout)))
    assert rows[1][1] == "'=HYPERLINK(\"x\")"
    assert "\\=HYPERLINK" not in run("supervision", "log", "--db", path).stdout.split("|")[0]
