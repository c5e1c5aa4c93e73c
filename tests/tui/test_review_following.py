"""The day's end review begins by fetching the calendars followed at an address: changes shown, then confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from caseload_tui.config import CalendarSettings, FollowedCalendar, Settings
from caseload_tui.tui.app import CaseloadApp
from caseload_tui.tui.modals.confirm import Confirm
from caseload_tui.tui.screens.review import ReviewScreen

from following_servers import Feed, free_port, serve_feed
from pilot_helpers import NOW, client_named, loaded, shown


def feed_with(title: str, starts: datetime) -> str:
    return ("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Practice//EN\nBEGIN:VEVENT\nUID:amaan-today@practice\n"
            f"DTSTAMP:20261120T090000Z\nDTSTART:{starts:%Y%m%dT%H%M%S}\nDTEND:{starts:%Y%m%dT%H}5000\n"
            f"SUMMARY:{title}\nEND:VEVENT\nEND:VCALENDAR\n")


@pytest.fixture
def feed() -> Iterator[Feed]:
    yield from serve_feed()


def app_following(store, url: str) -> CaseloadApp:
    settings = Settings(calendar=CalendarSettings(weeks_back=2, weeks_ahead=2),
                        calendars={"Practice": FollowedCalendar(name="Practice", url=url)})
    return CaseloadApp(store, clock=lambda: NOW, settings=settings)


async def wait_for(pilot, kind) -> None:
    for _ in range(300):
        if isinstance(pilot.app.screen, kind):
            return
        await pilot.pause(0.02)
    raise AssertionError(f"{kind.__name__} never opened")


async def test_the_review_starts_with_the_followed_calendars_changes_confirmed(demo_store, feed):
    amaan = client_named(demo_store, "Amaan")
    starts = (NOW - timedelta(days=1)).replace(hour=7, minute=0, second=0, microsecond=0)
    feed.text = feed_with("Amaan", starts)
    before = len(demo_store.appointments(amaan.id))
    app = app_following(demo_store, feed.url)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("R")
        await wait_for(pilot, Confirm)
        asked = shown(app.screen.query_one("Static"))
        assert "The calendar Practice, fetched from its address, would do this:" in asked
        assert "would add: Amaan" in asked
        assert len(demo_store.appointments(amaan.id)) == before  # only a look so far
        await pilot.press("y")
        await wait_for(pilot, ReviewScreen)
        assert [a.starts_at for a in demo_store.appointments(amaan.id) if a.source == "ics:Practice"] == [starts]
        await pilot.press("escape")
        await pilot.pause(0.1)
        await pilot.press("R")  # nothing changed at the address since: straight into the review
        await wait_for(pilot, ReviewScreen)
        assert len(feed.requests) == 2


async def test_a_followed_calendar_whose_server_is_down_is_said_and_the_review_opens(demo_store):
    before = len(demo_store.appointments(client_named(demo_store, "Amaan").id))
    app = app_following(demo_store, f"http://127.0.0.1:{free_port()}/practice.ics")
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await pilot.press("R")
        await wait_for(pilot, ReviewScreen)
        said = [str(n.message) for n in app._notifications]
        assert any("the server could not be reached" in message for message in said), said
    assert len(demo_store.appointments(client_named(demo_store, "Amaan").id)) == before
