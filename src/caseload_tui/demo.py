"""The demo caseload: the sample file with its dates moved so its story ends today."""

from __future__ import annotations

from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from . import model as m
from .interchange import json_format


def demo_file() -> Path:
    return Path(str(resources.files("caseload_tui") / "sample_data" / "caseload.json"))


def load_demo(today: date) -> m.CaseloadData:
    """The sample caseload, shifted by whole weeks so that its 'written_on' day is the latest such weekday.

    Whole weeks keep every weekday true (a Tuesday session stays on a Tuesday), so the demo's
    day stays the working day it was written on (a Thursday): today on a Thursday, else the
    Thursday just gone. Never one ahead: what the demo records as having happened has happened.
    """
    path = demo_file()
    doc = json_format.read_file(path)
    data = json_format.parse(doc, source=path.name)
    written = json_format.written_on(doc) or today
    return json_format.shift_dates(data, demo_shift_days(written, today))


def demo_shift_days(written: date, today: date) -> int:
    """Whole weeks, in days, that move `written` to the latest day of its weekday on or before `today`."""
    return 7 * ((today - written).days // 7)


def demo_day(today: date) -> date:
    """The day the demo's story ends on, as load_demo moves it: today on its weekday, else the last one gone."""
    doc = json_format.read_file(demo_file())
    written = json_format.written_on(doc) or today
    return written + timedelta(days=demo_shift_days(written, today))
