"""The rules as a package: every name callers use is still importable from caseload_tui.rules."""

from __future__ import annotations

import importlib
from pathlib import Path

import caseload_tui.rules as rules
from caseload_tui.model import GROUP_WORDS, Group

RULES = Path(rules.__file__).resolve().parent


def test_every_exported_name_is_there_and_comes_from_its_module():
    for name in rules.__all__:
        value = getattr(rules, name)
        module = getattr(value, "__module__", None)
        if module is not None and module.startswith("caseload_tui.rules."):
            assert getattr(importlib.import_module(module), name) is value


def test_the_names_callers_import():
    names = {"STRIP_LENGTH", "DateError", "ScheduleError", "ago", "describe_schedule", "expected_sessions",
             "group_caseload", "next_expected", "parse_day", "parse_moment", "parse_schedule", "place",
             "shift_schedule_days", "since_short", "summarise"}
    assert names <= set(rules.__all__)


def test_no_rules_module_is_over_400_lines():
    lengths = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in RULES.glob("*.py")}
    assert {"grouping.py", "attendance.py", "schedules.py", "dates.py", "words.py"} <= set(lengths)
    assert max(lengths.values()) <= 400, lengths


def test_a_groups_heading_and_its_old_name_agree():
    for group in Group:
        assert group.heading == GROUP_WORDS[group].title
