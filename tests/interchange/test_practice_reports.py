"""Appointment reports as TherapyNotes, TheraNest, Jane, Owl Practice and SimplePractice write them (issue 13)."""

from __future__ import annotations

import pytest

from caseload_tui.interchange import ImportProblem
from caseload_tui.interchange.csv_format import ReportOptions, read_report

from import_helpers import stored


def bring_in(store, tmp_path, text, **options):
    path = tmp_path / "report.csv"
    path.write_text(text.replace("\n", "\r\n"), encoding="utf-8")
    found = read_report(path, store.clients(), ReportOptions(**options))
    store.upsert_sessions(found.source, found.sessions)
    return found


@pytest.mark.parametrize("vocabulary, text, statuses", [
    ("therapynotes", "Client,Date,Time,Status\nA1,2026-11-03,10:00,Missed\nA1,2026-11-10,10:00,Kept\n",
     ["no_show", "attended"]),
    ("theranest", "Client Name,Appointment Date,Start Time,Status\nZoë Adler,11/03/2026,10:00 AM,Upcoming\n"
                  "Zoë Adler,11/10/2026,10:00 AM,No Show\n", ["scheduled", "no_show"]),
    ("jane", "Patient,Start Date,Start Time,Status\nZoë Adler,2026-11-03,10:00,Late Cancellation\n"
             "Zoë Adler,2026-11-10,10:00,Arrived\n", ["late_cancelled", "attended"]),
    ("owl", "Client,Date,Time,Status\nA1,2026-11-03,10:00,Non-Billable\nA1,2026-11-10,10:00,Show\n",
     ["scheduled", "attended"]),
])
def test_each_systems_status_words_are_read(store, clients, tmp_path, vocabulary, text, statuses):
    for name in (vocabulary, "any"):
        store_rows_before = stored(store)
        bring_in(store, tmp_path, text, vocabulary=name, date_order="mdy" if name == "any" and "/" in text else "")
        assert [row[2] for row in stored(store)] == statuses
        assert store_rows_before in ([], stored(store))  # importing it again changes nothing


def test_owl_non_billable_waits_for_the_clinicians_record_and_says_so(store, clients, tmp_path):
    found = bring_in(store, tmp_path, "Client,Date,Time,Status\nA1,2026-11-03,10:00,Non-Billable\n", vocabulary="owl")
    assert found.notes == ["row 2: “Non-Billable” has no equivalent here, so the session waits for your record"]


def test_an_unknown_status_names_the_setting_that_maps_it(store, clients, tmp_path):
    with pytest.raises(ImportProblem) as caught:
        bring_in(store, tmp_path, "Client,Date,Time,Status\nA1,2026-11-03,10:00,Away\n", vocabulary="therapynotes")
    assert "“Away” is not a status in the therapynotes vocabulary. Say what it means under [csv.statuses] in " \
           'the settings, e.g. "Away" = "no_show"' in str(caught.value)
    bring_in(store, tmp_path, "Client,Date,Time,Status\nA1,2026-11-03,10:00,Away\n", vocabulary="therapynotes",
             extra_statuses={"Away": "no_show"})
    assert [row[2] for row in stored(store)] == ["no_show"]


def test_a_cancellation_the_provider_made_is_the_clinicians(store, clients, tmp_path):
    text = ("Client Name,Appointment Date,Start Time,Status,Initiated By\n"
            "Zoë Adler,11/03/2026,10:00 AM,Canceled,Provider\n"
            "Zoë Adler,11/10/2026,10:00 AM,Late Cancel,Client\n")
    bring_in(store, tmp_path, text, vocabulary="theranest")
    assert [row[2] for row in stored(store)] == ["clinician_cancelled", "late_cancelled"]


def test_simplepractice_date_of_service_without_times(store, clients, tmp_path):
    found = bring_in(store, tmp_path, "Date of service,Client,Status\n11/03/2026,Zoë Adler,Show\n"
                                      "11/05/2026,Cleo Park,Show\n", vocabulary="simplepractice")
    # Zoë's schedule: Tuesdays 10:00; Cleo's: every other Thursday 18:00.
    assert [row[:3] for row in stored(store)] == [("A1", "2026-11-03T10:00", "attended"),
                                                  ("C3", "2026-11-05T18:00", "attended")]
    assert found.notes == ["row 2: no time in the report, so placed at A1's usual time (10:00)",
                           "row 3: no time in the report, so placed at C3's usual time (18:00)"]


def test_a_client_written_last_name_first_is_found(store, clients, tmp_path):
    bring_in(store, tmp_path, 'Client,Date,Status\n"Adler, Zoë",2026-11-03 10:00,Show\n"Park, Cleo",'
                              '2026-11-05 18:00,Show\n')
    assert [row[0] for row in stored(store)] == ["A1", "C3"]
