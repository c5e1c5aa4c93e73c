"""Crash reports: each under a name of its own, and the next start mentions a new one once, in one line."""

from __future__ import annotations

from datetime import datetime

from caseload_tui import config, crash

from trust_helpers import make_caseload, run

WHEN = datetime(2026, 11, 25, 18, 0)


def failed() -> BaseException:
    try:
        raise RuntimeError("the note text would be here")
    except RuntimeError as exc:
        return exc


def test_reports_in_the_same_second_never_replace_each_other():
    first, second, third = (crash.write_report(failed(), WHEN) for _ in range(3))
    assert len({first, second, third}) == 3
    assert all(p is not None and p.exists() for p in (first, second, third))
    assert "the note text" not in first.read_text()


def test_the_next_start_mentions_a_new_report_once(tmp_path):
    db = tmp_path / "caseload.db"
    make_caseload(db).close()
    report = crash.write_report(failed(), WHEN)
    told = run("groups", "--db", db)
    lines = [line for line in told.stderr.splitlines() if "stopped unexpectedly" in line]
    assert lines == [f"caseload: caseload stopped unexpectedly last time. A report without any of your notes "
                     f"is in {report}."]
    again = run("groups", "--db", db)
    assert "stopped unexpectedly" not in again.stderr
    assert (config.data_dir() / crash.SEEN).exists()
