"""The [calendar] and [csv] settings: defaults, values read, and values refused in plain words."""

from __future__ import annotations

import pytest

from caseload_tui.config import CalendarSettings, ConfigError, CsvSettings, load_settings


def settings_from(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path)


def test_defaults_without_a_settings_file(tmp_path):
    settings = load_settings(tmp_path / "missing.toml")
    assert settings.calendar == CalendarSettings(match="both", prefix="", timezone="", weeks_back=26,
                                                 weeks_ahead=12, session_minutes=50)
    assert settings.csv == CsvSettings(columns={}, vocabulary="any", statuses={}, date_order="")


def test_values_are_read(tmp_path):
    settings = settings_from(tmp_path, """
[absentees]
missed_in_a_row = 3

[calendar]
match = "code"
prefix = "Therapy:"
timezone = "Europe/Vienna"
weeks_back = 4
weeks_ahead = 6
session_minutes = 45

[csv]
vocabulary = "openemr"
date_order = "dmy"

[csv.columns]
client = "Patient"
starts_at = "Termin"

[csv.statuses]
"Erschienen" = "attended"
""")
    assert settings.thresholds.missed_in_a_row == 3
    assert settings.calendar == CalendarSettings("code", "Therapy:", "Europe/Vienna", 4, 6, 45)
    assert settings.csv == CsvSettings({"client": "Patient", "starts_at": "Termin"}, "openemr",
                                       {"Erschienen": "attended"}, "dmy")


@pytest.mark.parametrize("text, words", [
    ('[calendar]\nmatch = "initials"', "calendar.match"),
    ('[calendar]\nweeks_back = -1', "calendar.weeks_back"),
    ('[calendar]\nweeks_ahead = "six"', "calendar.weeks_ahead"),
    ('[calendar]\nprefix = 3', "calendar.prefix should be text"),
    ('[calendar]\ntimezone = "Nowhere/Town"', "calendar.timezone"),
    ('calendar = 3', "[calendar] should be a section of settings"),
    ('[csv]\ndate_order = "ymd"', "csv.date_order"),
    ('[csv]\ncolumns = "Client"', "[csv.columns] should be a section of settings"),
    ('[csv.statuses]\nShow = 1', "csv.statuses.Show should be text"),
])
def test_unusable_values_are_explained(tmp_path, text, words):
    with pytest.raises(ConfigError) as caught:
        settings_from(tmp_path, text)
    assert words in str(caught.value)
