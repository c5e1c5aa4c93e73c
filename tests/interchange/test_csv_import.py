"""Appointment reports from practice systems: each status vocabulary, encodings, mappings, problems."""

from __future__ import annotations

from datetime import datetime

import pytest

from caseload_tui import model as m
from caseload_tui.interchange import ImportProblem
from caseload_tui.interchange.csv_format import ReportOptions, read_report
from caseload_tui.interchange.vocabularies import NAMES, status_for, vocabulary

from import_helpers import stored


def write(tmp_path, text: str, name: str = "report.csv", bom: bool = False) -> object:
    path = tmp_path / name
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.replace("\n", "\r\n").encode("utf-8"))
    return path


def bring_in(store, path, dry_run=False, **options):
    found = read_report(path, store.clients(), ReportOptions(**options))
    changes = store.upsert_sessions(found.source, found.sessions, dry_run=dry_run)
    return found, changes


# SimplePractice-style: month-first dates, a separate time, words for statuses.
SIMPLEPRACTICE = """\
Date,Start Time,Client,Clinician,Status,Service Code
11/03/2026,10:00 AM,Zoë Adler,Dr. R. Lind,Show,90834
11/10/2026,11:30 AM,Zoë Adler,Dr. R. Lind,No Show,90834
11/17/2026,10:00 AM,Zoë Adler,Dr. R. Lind,Late Canceled,90834
11/19/2026,6:00 PM,Cleo Park,Dr. R. Lind,Canceled,90837
11/20/2026,2:00 PM,Ben Okafor,Dr. R. Lind,Clinician Canceled,90834
12/01/2026,10:00 AM,Zoë Adler,Dr. R. Lind,,90834
"""


def test_simplepractice_vocabulary(store, clients, tmp_path):
    found, changes = bring_in(store, write(tmp_path, SIMPLEPRACTICE), vocabulary="simplepractice")
    source = "csv:simplepractice"
    assert stored(store) == [
        ("A1", "2026-11-03T10:00", "attended", source, "A1|2026-11-03T10:00"),
        ("A1", "2026-11-10T11:30", "no_show", source, "A1|2026-11-10T11:30"),
        ("A1", "2026-11-17T10:00", "late_cancelled", source, "A1|2026-11-17T10:00"),
        ("A1", "2026-12-01T10:00", "scheduled", source, "A1|2026-12-01T10:00"),
        ("B2", "2026-11-20T14:00", "clinician_cancelled", source, "B2|2026-11-20T14:00"),
        ("C3", "2026-11-19T18:00", "cancelled", source, "C3|2026-11-19T18:00"),
    ]
    assert len(changes.added) == 6 and found.not_imported == [] and found.notes == []


# TherapyNotes-style: ISO dates with the time in one column, an appointment id, "Patient".
THERAPYNOTES = """\
Appointment ID,Patient,Appointment Date,Status
TN-1001,A1,2026-11-03 10:00,Kept
TN-1002,A1,2026-11-10 10:00,No Show
TN-1003,A1,2026-11-17 10:00,Late Cancel
TN-1004,B2,2026-11-20 14:00,Rescheduled
TN-1005,C3,2026-11-19 18:00,Kept
"""


def test_therapynotes_vocabulary_and_appointment_ids(store, clients, tmp_path):
    bring_in(store, write(tmp_path, THERAPYNOTES), vocabulary="therapynotes")
    source = "csv:therapynotes"
    assert stored(store) == [
        ("A1", "2026-11-03T10:00", "attended", source, "TN-1001"),
        ("A1", "2026-11-10T10:00", "no_show", source, "TN-1002"),
        ("A1", "2026-11-17T10:00", "late_cancelled", source, "TN-1003"),
        ("B2", "2026-11-20T14:00", "rescheduled", source, "TN-1004"),
        ("C3", "2026-11-19T18:00", "attended", source, "TN-1005"),
    ]


# OpenEMR-style: its calendar table's own column names and one-character status codes.
OPENEMR = """\
pc_eid,pc_pid,fname,pc_eventDate,pc_startTime,pc_apptstatus
501,17,A1,2026-11-02,09:00:00,@
502,17,A1,2026-11-09,09:00:00,~
503,17,A1,2026-11-16,09:00:00,?
504,17,A1,2026-11-23,09:00:00,x
505,18,B2,2026-11-24,15:00:00,%
506,18,B2,2026-11-17,15:00:00,!
507,19,C3,2026-11-26,18:00:00,*
508,19,C3,2026-11-12,18:00:00,> Checked out
509,19,C3,2026-12-10,18:00:00,-
"""
OPENEMR_COLUMNS = {"id": "pc_eid", "client": "fname", "starts_at": "pc_eventDate", "time": "pc_startTime",
                   "status": "pc_apptstatus"}


def test_openemr_status_codes(store, clients, tmp_path):
    found, _ = bring_in(store, write(tmp_path, OPENEMR), vocabulary="openemr", columns=OPENEMR_COLUMNS)
    source = "csv:openemr"
    assert stored(store) == [
        ("A1", "2026-11-02T09:00", "attended", source, "501"),
        ("A1", "2026-11-09T09:00", "late", source, "502"),
        ("A1", "2026-11-16T09:00", "no_show", source, "503"),
        ("A1", "2026-11-23T09:00", "cancelled", source, "504"),
        ("B2", "2026-11-17T15:00", "scheduled", source, "506"),  # '!' left without a visit: yours to record
        ("B2", "2026-11-24T15:00", "late_cancelled", source, "505"),
        ("C3", "2026-11-12T18:00", "attended", source, "508"),
        ("C3", "2026-11-26T18:00", "scheduled", source, "507"),
        ("C3", "2026-12-10T18:00", "scheduled", source, "509"),
    ]
    assert found.notes == ["row 7: “!” has no equivalent here, so the session waits for your record"]


def test_an_unknown_code_is_an_error_naming_row_and_column(store, clients, tmp_path):
    path = write(tmp_path, OPENEMR.replace("508,19,C3,2026-11-12,18:00:00,> Checked out",
                                           "508,19,C3,2026-11-12,18:00:00,Q"))
    with pytest.raises(ImportProblem) as caught:
        bring_in(store, path, vocabulary="openemr", columns=OPENEMR_COLUMNS)
    assert str(caught.value) == (
        "report.csv: row 9, column “pc_apptstatus”: “Q” is not a status in the openemr vocabulary. Say what it "
        'means under [csv.statuses] in the settings, e.g. "Q" = "no_show" (the statuses: '
        f"{', '.join(s.value for s in m.Status)})."
    )
    assert stored(store) == []


def test_caseload_vocabulary_and_the_any_vocabulary(store, clients, tmp_path):
    text = "client,starts_at,status\nA1,2026-11-03T10:00,came\nA1,2026-11-10T10:00,did not come\n" \
           "B2,2026-11-11T10:00,no_show\nB2,2026-11-18T10:00,I cancelled\n"
    bring_in(store, write(tmp_path, text), vocabulary="caseload")
    assert [row[2] for row in stored(store)] == ["attended", "no_show", "no_show", "clinician_cancelled"]
    mixed = "Client,Date,Status\nC3,2026-11-05 18:00,Show\nC3,2026-11-12 18:00,Kept\nC3,2026-11-19 18:00,@\n"
    bring_in(store, write(tmp_path, mixed, "mixed.csv"))  # "any" knows every system's words
    assert [row[2] for row in stored(store) if row[0] == "C3"] == ["attended", "attended", "attended"]


def test_every_vocabulary_reads_a_blank_status_as_awaiting_a_record():
    for name in NAMES:
        assert status_for("", vocabulary(name)) is m.Status.SCHEDULED
        assert status_for(" No-Show ", vocabulary("any")) is m.Status.NO_SHOW


def test_the_settings_can_add_words(store, clients, tmp_path):
    text = "Client,Date,Status\nA1,2026-11-03 10:00,Erschienen\n"
    bring_in(store, write(tmp_path, text), extra_statuses={"Erschienen": "attended"})
    assert stored(store)[0][2] == "attended"
    with pytest.raises(ImportProblem, match="“Erschienen” the status “here”"):
        bring_in(store, write(tmp_path, text), extra_statuses={"Erschienen": "here"})


# ---------------------------------------------------------------- encodings


def test_a_byte_order_mark_is_read_as_nothing(store, clients, tmp_path):
    with_bom = write(tmp_path, SIMPLEPRACTICE, "bom.csv", bom=True)
    without = write(tmp_path, SIMPLEPRACTICE, "plain.csv")
    assert with_bom.read_bytes().startswith(b"\xef\xbb\xbf")
    first = read_report(with_bom, store.clients(), ReportOptions())
    second = read_report(without, store.clients(), ReportOptions())
    assert first.sessions == second.sessions and len(first.sessions) == 6


def test_an_undecodable_byte_names_the_row_and_column(store, clients, tmp_path):
    path = write(tmp_path, SIMPLEPRACTICE)
    path.write_bytes(path.read_bytes().replace(b"Cleo Park", b"Cl\xe9o Park"))  # Latin-1, not UTF-8
    with pytest.raises(ImportProblem) as caught:
        bring_in(store, path)
    assert str(caught.value).startswith("report.csv: row 5, column “Client” holds characters that are not UTF-8")
    assert stored(store) == []


def test_an_undecodable_header_is_named_too(store, clients, tmp_path):
    path = tmp_path / "report.csv"
    path.write_bytes(b"Client,Datum \xfc,Status\r\nA1,2026-11-03 10:00,Show\r\n")
    with pytest.raises(ImportProblem, match="report.csv: the header row holds characters"):
        bring_in(store, path)


# ---------------------------------------------------------------- all or nothing


def test_an_import_that_fails_half_way_stores_nothing(store, clients, tmp_path):
    rows = [f"A1,2026-{month:02d}-0{day} 10:00,Show" for month in (9, 10) for day in range(1, 10)]
    rows.insert(12, "B2,2026-10-32 10:00,Show")  # row 14
    path = write(tmp_path, "Client,Date,Status\n" + "\n".join(rows) + "\n")
    with pytest.raises(ImportProblem) as caught:
        bring_in(store, path)
    assert str(caught.value) == ("report.csv: row 14, column “Date”: “2026-10-32 10:00” is not a date "
                                 "and time I can read.")
    assert stored(store) == []


def test_the_store_rolls_back_a_batch_that_fails_part_way(store, clients):
    good = [m.Appointment(client_id=clients["A1"].id, starts_at=datetime(2026, 11, d, 10),
                          source="csv:any", source_uid=f"r{d}") for d in range(1, 8)]
    gone = m.Appointment(client_id=999, starts_at=datetime(2026, 11, 9, 10), source="csv:any", source_uid="r9")
    with pytest.raises(Exception, match="nothing was imported"):
        store.upsert_sessions("csv:any", good + [gone])
    assert stored(store) == []


# ---------------------------------------------------------------- re-import


def test_importing_a_report_again_changes_nothing_and_keeps_what_you_recorded(store, clients, tmp_path):
    path = write(tmp_path, SIMPLEPRACTICE)
    bring_in(store, path, vocabulary="simplepractice")
    store.record_attendance(clients["A1"].id, datetime(2026, 11, 10, 11, 30), m.Status.LATE)
    before = stored(store)
    _, changes = bring_in(store, path, vocabulary="simplepractice")
    assert stored(store) == before
    assert not changes.added and not changes.changed
    assert [(k.status, said.status) for k, said in changes.kept] == [(m.Status.LATE, m.Status.NO_SHOW)]
    # The next month's report fills in the session that was awaiting a record.
    later = SIMPLEPRACTICE.replace("12/01/2026,10:00 AM,Zoë Adler,Dr. R. Lind,,",
                                   "12/01/2026,10:00 AM,Zoë Adler,Dr. R. Lind,Show,")
    _, changes = bring_in(store, write(tmp_path, later, "december.csv"), vocabulary="simplepractice")
    assert [(b.status, a.status) for b, a in changes.changed] == [(m.Status.SCHEDULED, m.Status.ATTENDED)]


def test_a_report_fills_in_a_session_the_calendar_brought_without_a_duplicate(store, clients, tmp_path):
    store.upsert_sessions("ics:Praxis", [m.Appointment(
        client_id=clients["C3"].id, starts_at=datetime(2026, 11, 19, 18), source="ics:Praxis", source_uid="ev1")])
    bring_in(store, write(tmp_path, SIMPLEPRACTICE), vocabulary="simplepractice")
    cleo = [row for row in stored(store) if row[0] == "C3"]
    assert cleo == [("C3", "2026-11-19T18:00", "cancelled", "ics:Praxis", "ev1")]


# ---------------------------------------------------------------- columns, dates, clients


def test_columns_named_on_the_command_line(store, clients, tmp_path):
    text = "Wer;Wann;Ergebnis\nZoë Adler;03.11.2026 10:00;Show\nBen Okafor;17.11.2026 14:00;No Show\n"
    bring_in(store, write(tmp_path, text), columns={"client": "Wer", "starts_at": "wann", "status": "Ergebnis"})
    assert [row[:3] for row in stored(store)] == [("A1", "2026-11-03T10:00", "attended"),
                                                  ("B2", "2026-11-17T14:00", "no_show")]


def test_a_column_that_is_not_there_is_named(store, clients, tmp_path):
    with pytest.raises(ImportProblem) as caught:
        bring_in(store, write(tmp_path, SIMPLEPRACTICE), columns={"status": "Outcome"})
    assert str(caught.value).startswith("report.csv: there is no column “Outcome” for the status. "
                                        "The columns are: “Date”, “Start Time”, “Client”")


def test_a_report_without_a_recognisable_client_column_asks_for_one(store, clients, tmp_path):
    with pytest.raises(ImportProblem, match="--column client=HEADER"):
        bring_in(store, write(tmp_path, "Who,Date\nA1,2026-11-03 10:00\n"))


def test_dates_that_could_be_either_way_round_are_not_guessed(store, clients, tmp_path):
    text = "Client,Date,Status\nA1,03/11/2026 10:00,Show\nA1,04/11/2026 10:00,Show\n"
    with pytest.raises(ImportProblem, match="row 2, column “Date”, could be read day first or month first"):
        bring_in(store, write(tmp_path, text))
    bring_in(store, write(tmp_path, text), date_order="dmy")
    assert [row[1] for row in stored(store)] == ["2026-11-03T10:00", "2026-11-04T10:00"]


def test_the_file_shows_which_way_round_its_dates_are(store, clients, tmp_path):
    text = "Client,Date,Status\nA1,03/11/2026 10:00,Show\nA1,25/11/2026 10:00,Show\n"
    bring_in(store, write(tmp_path, text))
    assert [row[1] for row in stored(store)] == ["2026-11-03T10:00", "2026-11-25T10:00"]


def test_a_day_without_a_time_is_placed_at_the_clients_usual_time(store, clients, tmp_path):
    found, _ = bring_in(store, write(tmp_path, "Client,Date of service\nA1,2026-11-03\nB2,2026-11-04\n"))
    assert [row[:2] for row in stored(store)] == [("A1", "2026-11-03T10:00")]  # Zoë's schedule: Tuesdays 10:00
    assert found.notes == ["row 2: no time in the report, so placed at A1's usual time (10:00)"]
    assert [(e.where, e.reason) for e in found.not_imported] == [
        ("row 3 (Wed 4 Nov 2026 00:00)", "the report gives a day but no time, and B2 has no usual time "
                                         "(a schedule with an hour) to place it at")]


def test_rows_naming_no_client_are_listed_not_guessed(store, clients, tmp_path):
    text = "Client,Date,Status\nA1,2026-11-03 10:00,Show\nZoe,2026-11-04 10:00,Show\n,2026-11-05 10:00,Show\n" \
           "Gil Moss,2026-11-06 10:00,Show\n"
    found, _ = bring_in(store, write(tmp_path, text))
    assert len(stored(store)) == 1
    assert [(e.where, e.reason) for e in found.not_imported] == [
        ("row 3 (Wed 4 Nov 2026 10:00)", "no client's code or name is in it"),
        ("row 4 (Thu 5 Nov 2026 10:00)", "no client is named"),
        ("row 5 (Fri 6 Nov 2026 10:00)", "it is after the work with G4 ended (1 Oct 2026)"),
    ]


def test_the_same_session_twice_in_a_report_is_an_error(store, clients, tmp_path):
    text = ("Client,Date,Status\nA1,2026-11-03 10:00,Show\nB2,2026-11-03 12:00,Show\n"
            "Zoë Adler,2026-11-03 10:00,No Show\n")
    with pytest.raises(ImportProblem, match="row 4 is the same session as row 2 \\(the same client and time\\)"):
        bring_in(store, write(tmp_path, text))


def test_blank_rows_and_a_report_with_only_a_header(store, clients, tmp_path):
    found, changes = bring_in(store, write(tmp_path, "Client,Date,Status\n,,\n\n"))
    assert found.sessions == [] and changes.added == []
    with pytest.raises(ImportProblem, match="the file is empty"):
        bring_in(store, write(tmp_path, "", "empty.csv"))


def test_a_dry_run_writes_nothing(store, clients, tmp_path):
    _, changes = bring_in(store, write(tmp_path, SIMPLEPRACTICE), dry_run=True)
    assert len(changes.added) == 6
    assert stored(store) == []
