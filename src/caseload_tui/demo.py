"""The demo caseload: the sample file with its dates moved so its story ends today."""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from . import model as m
from .interchange import json_format


def demo_file() -> Path:
    return Path(str(resources.files("caseload_tui") / "sample_data" / "caseload.json"))


def load_demo(today: date) -> m.CaseloadData:
    """The sample caseload, shifted by whole days so that its 'written_on' day is today."""
    path = demo_file()
    doc = json_format.read_file(path)
    data = json_format.parse(doc, source=path.name)
    written = json_format.written_on(doc) or today
    return json_format.shift_dates(data, (today - written).days)
