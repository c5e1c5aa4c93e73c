"""Following a calendar at its address: `caseload import --calendar NAME` against servers on loopback.

A real CalDAV server (Radicale, started by the fixture) and a feed served by http.server. Passwords
go to an in-memory keyring set for these tests, never the user's own.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import keyring
import keyring.backend
import keyring.backends.fail
import pytest
from click.testing import Result

from caseload_tui.store import Store

from cli_runner import run as run_caseload
from clock import WEDNESDAY_EVENING
from following_servers import PASSWORD, USER, Feed, Radicale, free_port, serve_feed, start_radicale
from import_helpers import add_clients, stored

run = partial(run_caseload, now=WEDNESDAY_EVENING)
CALENDAR_SETTINGS = '[calendar]\ntimezone = "Europe/London"\nweeks_back = 8\nweeks_ahead = 3\n'


def event(uid: str, title: str, starts: str, sequence: int = 0) -> str:
    """One event (UTC start, 50 minutes) in a VCALENDAR of its own, as CalDAV keeps each event."""
    hour, minute = int(starts[9:11]), int(starts[11:13]) + 50
    ends = f"{starts[:9]}{hour + minute // 60:02d}{minute % 60:02d}00Z"
    return (f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//test//EN\nBEGIN:VEVENT\nUID:{uid}\nDTSTAMP:20261120T090000Z\n"
            f"SEQUENCE:{sequence}\nDTSTART:{starts}\nDTEND:{ends}\nSUMMARY:{title}\nEND:VEVENT\nEND:VCALENDAR\n")


def feed_of(*events: str) -> str:
    """A feed holding these events, one VCALENDAR as a practice system or Google serves it."""
    body = "".join(e.split("PRODID:-//test//EN\n", 1)[1].rsplit("END:VCALENDAR\n", 1)[0] for e in events)
    return f"BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Practice//Feed//EN\nX-WR-CALNAME:Practice\n{body}END:VCALENDAR\n"


ZOE = event("zoe-1", "Zoë Adler", "20261118T100000Z")
BEN = event("ben-1", "Ben Okafor", "20261120T140000Z")
BEN_MOVED = event("ben-1", "Ben Okafor", "20261121T090000Z", sequence=1)
STORED_BOTH = [("A1", "2026-11-18T10:00", "scheduled"), ("B2", "2026-11-20T14:00", "scheduled")]


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives only as long as the test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.kept.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("none kept")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    kept = MemoryKeyring()
    keyring.set_keyring(kept)
    yield kept
    keyring.set_keyring(keyring.backends.fail.Keyring())  # no later test reaches the user's keyring


@pytest.fixture(scope="module")
def radicale(tmp_path_factory) -> Iterator[Radicale]:
    yield from start_radicale(tmp_path_factory.mktemp("radicale"))


@pytest.fixture
def feed() -> Iterator[Feed]:
    yield from serve_feed()


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "mine.db"
    store = Store.open(path, create=True)
    add_clients(store)
    store.close()
    return path


@pytest.fixture
def settings(isolated_dirs):
    def write(followed: str) -> Path:
        path: Path = isolated_dirs["config"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(CALENDAR_SETTINGS + followed, encoding="utf-8")
        return path
    return write


def sessions_in(path: Path) -> list[tuple[str, str, str]]:
    store = Store.open(path)
    try:
        return [(code, starts, status) for code, starts, status, source, _ in stored(store)
                if source == "ics:Practice"]
    finally:
        store.close()


def plain_failure(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    message = result.stderr.strip()
    assert "\n" not in message, message
    return message


def follow_caldav(settings, url: str) -> Path:
    return settings(f'[calendars.Practice]\nurl = "{url}"\nkind = "caldav"\nusername = "{USER}"\n')


def keep_password(password: str) -> Result:
    return run("calendar", "password", "Practice", input=f"{password}\n{password}\n")


# ---------------------------------------------------------------- CalDAV (Radicale)


def test_a_caldav_calendar_is_imported_then_changes_and_deletions_followed(radicale, settings, db, memory_keyring):
    url = radicale.make_calendar("practice-followed")
    radicale.put_event(url, "zoe-1", ZOE)
    radicale.put_event(url, "ben-1", BEN)
    config_file = follow_caldav(settings, url)
    kept = keep_password(PASSWORD)
    assert kept.exit_code == 0, kept.output
    assert PASSWORD not in config_file.read_text(encoding="utf-8")
    assert list(memory_keyring.kept.values()) == [PASSWORD]

    first = run("import", "--calendar", "Practice", "--db", db)
    assert first.exit_code == 0, first.output
    assert "Added 2, changed 0 and removed 0 sessions" in first.output
    assert sessions_in(db) == STORED_BOTH

    radicale.put_event(url, "ben-1", BEN_MOVED)
    radicale.delete_event(url, "zoe-1")
    proposed = run("import", "--calendar", "Practice", "--db", db, "--dry-run")
    assert proposed.exit_code == 0, proposed.output
    assert "Would add 0, change 1 and remove 1 sessions" in proposed.output
    assert "  would change: Ben Okafor (B2) Fri 20 Nov 2026 14:00: moved to Sat 21 Nov 2026 09:00" in proposed.output
    assert ("  would remove: Zoë Adler (A1) Wed 18 Nov 2026 10:00 (no longer in the file; nothing was recorded "
            "for it)") in proposed.output
    assert sessions_in(db) == STORED_BOTH  # a dry run changes nothing

    applied = run("import", "--calendar", "Practice", "--db", db)
    assert applied.exit_code == 0, applied.output
    assert sessions_in(db) == [("B2", "2026-11-21T09:00", "scheduled")]


def test_caldav_with_a_wrong_password_says_so_and_changes_nothing(radicale, settings, db):
    url = radicale.make_calendar("practice-wrong-password")
    radicale.put_event(url, "zoe-1", ZOE)
    follow_caldav(settings, url)
    assert keep_password("not the password").exit_code == 0
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert message == (f"caseload: “Practice” at 127.0.0.1: the server refused the username and password of "
                       f"{USER}: run `caseload calendar password \"Practice\"` to give the right one. "
                       "Nothing was changed.")
    assert "not the password" not in message
    assert sessions_in(db) == []


def test_caldav_with_no_password_kept_and_no_one_to_ask_says_how_to_keep_one(radicale, settings, db):
    url = radicale.make_calendar("practice-no-password")
    follow_caldav(settings, url)
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert "needs the password of therapist, and none is kept: run `caseload calendar password" in message


def test_a_caldav_server_that_is_down_says_so_and_changes_nothing(radicale, settings, db):
    url = radicale.make_calendar("practice-down")
    radicale.put_event(url, "zoe-1", ZOE)
    follow_caldav(settings, url)
    assert keep_password(PASSWORD).exit_code == 0
    assert run("import", "--calendar", "Practice", "--db", db).exit_code == 0
    follow_caldav(settings, url.replace(str(radicale.port), str(free_port())))  # nothing listens there
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert message == ("caseload: “Practice” at 127.0.0.1: the server could not be reached (it may be down, or this "
                       "computer offline). Nothing was changed; try again later.")
    assert sessions_in(db) == [("A1", "2026-11-18T10:00", "scheduled")]


def test_a_caldav_calendar_emptied_of_its_events_proposes_removing_them(radicale, settings, db):
    url = radicale.make_calendar("practice-emptied")
    radicale.put_event(url, "zoe-1", ZOE)
    follow_caldav(settings, url)
    assert keep_password(PASSWORD).exit_code == 0
    assert run("import", "--calendar", "Practice", "--db", db).exit_code == 0
    radicale.delete_event(url, "zoe-1")
    emptied = run("import", "--calendar", "Practice", "--db", db)
    assert emptied.exit_code == 0, emptied.output
    assert "Added 0, changed 0 and removed 1 session;" in emptied.output
    assert sessions_in(db) == []


# ---------------------------------------------------------------- a feed (http.server)


def follow_feed(settings, feed: Feed, extra: str = "") -> Path:
    return settings(f'[calendars.Practice]\nurl = "{feed.url}"\n{extra}')


def test_a_feed_is_imported_then_changes_and_deletions_followed(feed, settings, db):
    feed.text = feed_of(ZOE, BEN)
    follow_feed(settings, feed)
    first = run("import", "--calendar", "Practice", "--db", db)
    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[0] == "Calendar “Practice”, sessions from 18 Nov to 20 Nov 2026:"
    assert feed.url.split("/", 3)[3] not in first.output  # the secret address is never shown
    assert sessions_in(db) == STORED_BOTH

    feed.text = feed_of(BEN_MOVED)
    proposed = run("import", "--calendar", "Practice", "--db", db, "--dry-run")
    assert "Would add 0, change 1 and remove 1 sessions" in proposed.output
    assert sessions_in(db) == STORED_BOTH
    assert run("import", "--calendar", "Practice", "--db", db).exit_code == 0
    assert sessions_in(db) == [("B2", "2026-11-21T09:00", "scheduled")]
    assert len(feed.requests) == 3


@pytest.mark.parametrize(("status", "says"), [
    (404, "the server has no calendar at that address (it may have been moved, or its secret address reset)"),
    (403, "the server asks for a username and password: add username = \"…\" to its section in the settings"),
    (500, "the server could not give the calendar (it answered 500)"),
])
def test_a_feed_the_server_refuses_says_why_and_changes_nothing(feed, settings, db, status, says):
    feed.text = feed_of(ZOE)
    follow_feed(settings, feed)
    assert run("import", "--calendar", "Practice", "--db", db).exit_code == 0
    feed.status = status
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert message == f"caseload: “Practice” at 127.0.0.1: {says}. Nothing was changed."
    assert sessions_in(db) == [("A1", "2026-11-18T10:00", "scheduled")]


def test_a_feed_address_giving_a_web_page_is_not_a_calendar(feed, settings, db):
    feed.text, feed.content_type = "<!doctype html><html><body>Sign in</body></html>", "text/html"
    follow_feed(settings, feed)
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert "the address gives something that is not a calendar (perhaps a web page)" in message


def test_a_feed_server_that_is_down_says_so_and_changes_nothing(settings, db):
    settings(f'[calendars.Practice]\nurl = "http://127.0.0.1:{free_port()}/practice.ics"\n')
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert "the server could not be reached (it may be down" in message
    assert sessions_in(db) == []


def test_a_feed_behind_a_password_uses_the_kept_one_and_says_when_it_is_wrong(feed, settings, db):
    feed.text, feed.needs = feed_of(ZOE), (USER, PASSWORD)
    config_file = follow_feed(settings, feed, f'username = "{USER}"\n')
    assert keep_password("wrong").exit_code == 0
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert "the server refused the username and password of therapist" in message
    assert sessions_in(db) == []
    assert keep_password(PASSWORD).exit_code == 0
    assert run("import", "--calendar", "Practice", "--db", db).exit_code == 0
    assert sessions_in(db) == [("A1", "2026-11-18T10:00", "scheduled")]
    assert PASSWORD not in config_file.read_text(encoding="utf-8")


# ---------------------------------------------------------------- settings, and no network without an address


@pytest.mark.parametrize(("section", "says"), [
    ('url = "https://x.example/a.ics"\npassword = "hunter2"\n', "holds a password: passwords are never kept"),
    ('url = "https://me:hunter2@x.example/a.ics"\n', "calendars.Practice.url holds a password"),
    ('url = "ftp://x.example/a.ics"\n', "calendars.Practice.url should be a web address starting https://"),
    ('url = "https://x.example/dav/"\nkind = "caldav"\n', "is a CalDAV calendar: it needs username"),
    ('url = "https://x.example/a.ics"\nkind = "webcal"\n', 'calendars.Practice.kind should be "feed"'),
    ('kind = "feed"\n', "needs the calendar's address: url ="),
    ('url = "https://x.example/a.ics"\nuser = "me"\n', "has a setting I do not know (user)"),
])
def test_a_followed_calendar_set_wrongly_is_refused_in_plain_words(settings, db, section, says):
    settings("[calendars.Practice]\n" + section)
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert says in message
    assert "hunter2" not in message


def test_without_an_address_nothing_goes_on_the_network(settings, db, monkeypatch, tmp_path):
    def no_network(*_args: object) -> None:
        raise AssertionError("caseload went on the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    settings("")
    message = plain_failure(run("import", "--calendar", "Practice", "--db", db))
    assert message == ("caseload: No address is set for the calendar “Practice”: give a file to import, or add "
                       "[calendars.\"Practice\"] with its url to the settings.")
    calendar = tmp_path / "practice.ics"
    calendar.write_text(feed_of(ZOE), encoding="utf-8")
    assert run("import", calendar, "--calendar", "Practice", "--db", db).exit_code == 0
    assert sessions_in(db) == [("A1", "2026-11-18T10:00", "scheduled")]


def test_a_password_is_forgotten_on_request(feed, settings, memory_keyring):
    follow_feed(settings, feed, f'username = "{USER}"\n')
    assert keep_password(PASSWORD).exit_code == 0
    forgot = run("calendar", "password", "Practice", "--forget")
    assert forgot.output == "Forgot the password of “Practice”.\n"
    assert memory_keyring.kept == {}
