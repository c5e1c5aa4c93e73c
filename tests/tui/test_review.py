"""The day's end review driven by key presses: what is stored, and what the summary says."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import model as m
from caseload_tui.model import QuestionStatus, Status
from caseload_tui.store import Store
from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.screens.dashboard import DashboardScreen
from caseload_tui.tui.screens.review import ReviewScreen
from caseload_tui.tui.widgets.day_summary import DaySummaryView
from caseload_tui.tui.widgets.footer import WrappingFooter
from caseload_tui.tui.widgets.review_notes import ReviewNotes
from caseload_tui.tui.widgets.review_walk import WalkList

from pilot_helpers import NOW, choose_kind, client_named, loaded, make_app, shown, type_text

TODAY = NOW.date()



async def past_the_miss(pilot) -> None:
    """After a miss: record it without a note (enter), and skip the prompt that follows (n)."""
    from caseload_tui.tui.modals.miss import MissNoteForm, ReactionPrompt

    for kind, key in ((MissNoteForm, "enter"), (ReactionPrompt, "n")):
        for _ in range(50):
            if isinstance(pilot.app.screen, kind):
                break
            await pilot.pause(0.05)
        assert isinstance(pilot.app.screen, kind), pilot.app.screen
        await pilot.press(key)
    for _ in range(50):
        if isinstance(pilot.app.screen, ReviewScreen):
            return
        await pilot.pause(0.05)


async def open_review(pilot) -> ReviewScreen:
    """From the dashboard, as a clinician would: the Day's end key."""
    await loaded(pilot)
    await pilot.press("R")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


def heading(screen: ReviewScreen) -> str:
    return shown(screen.query_one("#session")).splitlines()[0]


def session_on(store: Store, name: str, when: datetime) -> m.Appointment:
    client = client_named(store, name)
    [found] = [a for a in store.appointments(client.id) if a.starts_at == when]
    return found


async def test_a_full_days_review_over_the_demo_caseload(demo_store):
    melanie = client_named(demo_store, "Melanie")
    first_question, second_question = sorted(demo_store.questions([melanie.id], open_only=True),
                                              key=lambda q: q.asked_at)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(pilot)
        walk = screen.query_one(WalkList)
        assert [line.strip() for line in shown(walk).splitlines() if line.strip()] == [
            "Today, Thu 26 Nov", "? 09:00 Melanie", "? 11:00 Ines", "? 15:00 Sanne", "? 18:00 Joel",
            "Never recorded", "? Fri 20 Nov Priya", "? Wed 25 Nov Tom", "Summary of the day",
        ]

        # Melanie, 09:00: she came; one question answered, one carried forward; a thought; a new question.
        assert heading(screen).startswith("Melanie  today 09:00")
        await pilot.press("1")
        await pilot.pause()
        assert "What happened: came" in shown(screen.query_one("#session"))
        notes = screen.query_one(ReviewNotes)
        assert app.focused is notes and notes.current_question == first_question.id
        await pilot.press("r")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "She hoped to feel less alone; some of that hope is still there")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert notes.current_question == second_question.id  # on to the next open question
        await pilot.press("k")
        await pilot.pause()
        assert "↷ carried forward" in shown(notes)
        await pilot.press("t")
        await type_text(pilot, "She came, and stayed the whole hour")
        await choose_kind(pilot, m.ThoughtKind.INSIGHT)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("f")
        await type_text(pilot, "Ask what made it possible to come today")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "She came, and stayed the whole hour" in shown(notes)
        assert "Ask what made it possible to come today" in shown(notes)

        # Ines, 11:00: moved to another time, typed as a day and time.
        await pilot.press("right")
        assert heading(screen).startswith("Ines  today 11:00")
        await pilot.press("7")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "fri 14:00")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)

        # Sanne came late; Joel did not come; then the two never recorded (right arrow moves on too).
        await pilot.press("right")
        assert heading(screen).startswith("Sanne  today 15:00")
        await pilot.press("2", "right")
        assert heading(screen).startswith("Joel  today 18:00")
        await pilot.press("5")
        await past_the_miss(pilot)
        await pilot.press("right")
        assert heading(screen).startswith("Priya  Fri 20 Nov 10:00")
        await pilot.press("6", "right")
        assert heading(screen).startswith("Tom  Wed 25 Nov 18:00")
        await pilot.press("4")
        await past_the_miss(pilot)
        await pilot.pause()
        assert walk.border_subtitle == "6 of 6 recorded"

        # After the last one, the summary.
        await pilot.press("right")
        await pilot.pause()
        summary = screen.query_one(DaySummaryView).text

    # What is stored.
    assert session_on(demo_store, "Melanie", datetime(2026, 11, 26, 9)).status is Status.ATTENDED
    assert session_on(demo_store, "Ines", datetime(2026, 11, 26, 11)).status is Status.RESCHEDULED
    assert session_on(demo_store, "Ines", datetime(2026, 11, 27, 14)).status is Status.SCHEDULED
    assert session_on(demo_store, "Sanne", datetime(2026, 11, 26, 15)).status is Status.LATE
    assert session_on(demo_store, "Joel", datetime(2026, 11, 26, 18)).status is Status.NO_SHOW
    assert session_on(demo_store, "Priya", datetime(2026, 11, 20, 10)).status is Status.CLINICIAN_CANCELLED
    assert session_on(demo_store, "Tom", datetime(2026, 11, 25, 18)).status is Status.LATE_CANCELLED
    answered = demo_store.question(first_question.id)
    assert answered.status is QuestionStatus.ANSWERED and answered.closed_at == NOW
    assert answered.answer == "She hoped to feel less alone; some of that hope is still there"
    assert demo_store.question(second_question.id).status is QuestionStatus.OPEN
    thought = demo_store.thoughts([melanie.id])[0]
    assert (thought.body, thought.written_at, thought.lingering) == ("She came, and stayed the whole hour", NOW, True)
    newest = max(demo_store.questions([melanie.id], open_only=True), key=lambda q: q.asked_at)
    assert (newest.body, newest.asked_at) == ("Ask what made it possible to come today", NOW)

    # What the summary shows.
    assert "4 sessions: 1 came, 1 came late, 1 did not come, 1 moved to another time." in summary
    assert "Every session is recorded." in summary
    assert "No one moved between groups today." in summary  # Melanie came: still an absentee, for now
    lingering = _section(summary, "Still with you, written today")
    assert lingering == ["Melanie  insight", "She came, and stayed the whole hour"]
    carried = _section(summary, "Questions carried forward")
    assert "Melanie" in carried
    assert any(second_question.body in line for line in carried)
    assert any("Ask what made it possible to come today" in line for line in carried)
    assert not any(first_question.body in line for line in carried)
    assert any("Did her husband take the news well?" in line for line in carried)  # Ines's, still open
    told = _section(summary, "Things to tell them you remembered")
    assert told[0] == "Sanne  insight" and told[1].startswith("Something to tell her I remembered")


def _section(summary: str, title: str) -> list[str]:
    """The lines under one heading of the summary, up to the blank line that ends it."""
    lines = summary.splitlines()
    start = lines.index(title) + 1
    end = lines.index("", start)
    return [line.strip() for line in lines[start:end]]


async def test_leaving_half_way_keeps_what_was_recorded(demo_store):
    melanie, ines = client_named(demo_store, "Melanie"), client_named(demo_store, "Ines")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(pilot)
        await pilot.press("5")
        await past_the_miss(pilot)
        await pilot.press("right", "t")
        await type_text(pilot, "Ines was quiet")
        await choose_kind(pilot, m.ThoughtKind.CURIOSITY)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        await loaded(pilot)
        # Back on the dashboard, Melanie's row shows today's missed session.
        assert app.screen.records[melanie.id].recent[0].status is Status.NO_SHOW

        # Coming back, the review shows what was recorded, and still waits for the rest.
        await pilot.press("R")
        await pilot.pause()
        walk = shown(app.screen.query_one(WalkList))
        assert "✕ 09:00 Melanie" in walk and "? 11:00 Ines" in walk
        assert app.screen.query_one(WalkList).border_subtitle == "1 of 6 recorded"
        assert screen is not app.screen
    assert session_on(demo_store, "Melanie", datetime(2026, 11, 26, 9)).status is Status.NO_SHOW
    assert session_on(demo_store, "Ines", datetime(2026, 11, 26, 11)).status is Status.SCHEDULED
    assert demo_store.thoughts([ines.id])[0].body == "Ines was quiet"


async def test_going_back_and_changing_what_was_recorded(demo_store):
    app = make_app(demo_store, start="review")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        await pilot.press("left")  # nothing before the first
        assert heading(screen).startswith("Melanie")
        await pilot.press("3")
        await past_the_miss(pilot)
        await pilot.press("right", "left")
        assert heading(screen).startswith("Melanie")
        await pilot.press("4")
        await past_the_miss(pilot)
        await pilot.pause()
        assert "What happened: cancelled late" in shown(screen.query_one("#session"))
        await pilot.press("s")
        await pilot.pause()
        assert "Still to record:" in screen.query_one(DaySummaryView).text
        await pilot.press("left")  # from the summary back to the last session
        assert heading(screen).startswith("Tom")
    assert session_on(demo_store, "Melanie", datetime(2026, 11, 26, 9)).status is Status.LATE_CANCELLED


async def test_a_moved_session_asks_for_a_date_it_can_read(demo_store):
    sanne = client_named(demo_store, "Sanne")
    before = len(demo_store.appointments(sanne.id))
    app = make_app(demo_store, start="review")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("right", "right", "7")
        await type_text(pilot, "someday")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "couldn't read" in shown(app.screen.query_one("#error"))
        await pilot.press("escape")  # changed my mind: asked first (text was typed), then let go
        await pilot.pause()
        await pilot.press("right", "enter")
        await pilot.pause()
        assert "What happened: not yet recorded" in shown(app.screen.query_one("#session"))
        await pilot.press("7")
        await type_text(pilot, "18:00")  # later today: it joins today's sessions
        await pilot.press("enter")
        await pilot.pause()
        walk = shown(app.screen.query_one(WalkList))
        assert "↷ 15:00 Sanne" in walk and "? 18:00 Sanne" in walk
        assert app.screen.query_one(WalkList).border_subtitle == "1 of 7 recorded"
    assert len(demo_store.appointments(sanne.id)) == before + 1
    assert session_on(demo_store, "Sanne", datetime(2026, 11, 26, 18)).status is Status.SCHEDULED


async def test_the_summary_says_who_moved_and_why():
    store = Store.memory()
    hana = store.add_client(m.Client(name="Hana", code="C-1", started_on=date(2026, 9, 3),
                                     schedule="FREQ=WEEKLY;BYDAY=TH;BYHOUR=9;BYMINUTE=0"))
    for when, status in [(datetime(2026, 10, 8, 9), Status.ATTENDED), (datetime(2026, 10, 15, 9), Status.ATTENDED),
                         (datetime(2026, 10, 22, 9), Status.ATTENDED), (datetime(2026, 10, 29, 9), Status.ATTENDED),
                         (datetime(2026, 11, 5, 9), Status.ATTENDED), (datetime(2026, 11, 12, 9), Status.ATTENDED),
                         (datetime(2026, 11, 19, 9), Status.CANCELLED)]:
        store.add_appointment(m.Appointment(client_id=hana.id, starts_at=when, status=status))
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_review(pilot)
        assert heading(screen).startswith("Hana  today 09:00")
        await pilot.press("5")
        await past_the_miss(pilot)
        await pilot.press("right")
        await pilot.pause()
        summary = screen.query_one(DaySummaryView).text
        assert ("Hana is now an absentee: Missed 2 of the last 8 sessions, 2 in a row."
                in summary)
        await pilot.press("escape")
        await loaded(pilot)
        assert app.screen.placements[hana.id].group is m.Group.ABSENTEES
    store.close()


async def test_a_day_with_nothing_to_review_opens_on_the_summary(empty_store):
    app = make_app(empty_store, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = app.screen.query_one(DaySummaryView).text
        assert "No sessions today." in text and "Every session is recorded." in text
        await pilot.press("1", "t", "right")  # keys for a session do nothing here
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)


async def test_the_everyday_keys_are_in_the_footer_and_every_key_in_help_at_80_columns(demo_store):
    from caseload_tui.tui.screens.help import HelpScreen

    app = make_app(demo_store, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(WrappingFooter)
        keys = {key.key for key in footer.query("FooterKey")}
        assert {"r", "k", "t", "f", "left", "right", "p", "question_mark", "escape", "q"} <= keys
        assert footer.outer_size.height <= 2
        for widget in footer.query("FooterKey"):  # nothing spills past the screen's edge
            assert widget.region.right <= 80 and widget.region.bottom <= 24
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = " ".join(shown(widget) for widget in app.screen.query("Static"))
        for key, words in [("1", "What happened: came"), ("7", "moved to another time"), ("k", "Keep the highlighted"),
                           ("o", "Told them?"), ("s", "The day's summary"), ("ctrl+l", "Blank the screen"),
                           ("←", "session before"), ("→", "next session")]:
            assert f"  {key}" in text and words in text, (key, words)


async def test_privacy_mode_shows_codes_in_the_review(demo_store):
    melanie = client_named(demo_store, "Melanie")
    app = make_app(demo_store, start="review", redact=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert heading(screen).startswith(f"{melanie.code}  today 09:00")
        assert "Melanie" not in shown(screen.query_one(WalkList))
        await pilot.press("s")
        await pilot.pause()
        assert "Melanie" not in screen.query_one(DaySummaryView).text
    app.privacy.on = False


HOSTILE = "O'Brien [/x] \x1b[31mRED\x1b]52;c;aGVsbG8=\x07"


async def test_hostile_text_is_shown_literally():
    store = Store.memory()
    client = store.add_client(m.Client(name=HOSTILE, code="C-1 [i]", started_on=date(2026, 1, 5),
                                       schedule="FREQ=WEEKLY;BYDAY=TH;BYHOUR=9;BYMINUTE=0"))
    store.add_question(m.Question(body="did she say [red]no[/red]?\x1b[2J", asked_at=datetime(2026, 11, 20, 18),
                                  client_id=client.id))
    store.add_thought(m.Thought(body="[@click=app.quit]x[/]", written_at=datetime(2026, 11, 26, 10),
                                client_id=client.id, tell_client=True))
    app = make_app(store, start="review")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert heading(screen).startswith("O'Brien [/x] ␛[31mRED␛]52;c;aGVsbG8=␇")
        assert "did she say [red]no[/red]?␛[2J" in shown(screen.query_one(ReviewNotes))
        await pilot.press("1", "s")
        await pilot.pause()
        summary = screen.query_one(DaySummaryView).text
        assert "[@click=app.quit]x[/]" in summary and "did she say [red]no[/red]?␛[2J" in summary
        screenshot = app.export_screenshot()
        assert "\x1b" not in screenshot and "\x07" not in screenshot
    store.close()


async def test_a_session_moved_to_an_earlier_day_still_waits_to_be_recorded(demo_store):
    app = make_app(demo_store, start="review")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        await pilot.press("s", "left")  # from the summary back to the last session: Tom's, Wed 25 Nov
        assert heading(app.screen).startswith("Tom  Wed 25 Nov 18:00")
        await pilot.press("7")
        await type_text(pilot, "2026-11-24 19:00")
        await pilot.press("enter")
        await pilot.pause()
        rows = [line.strip() for line in shown(app.screen.query_one(WalkList)).splitlines()]
        assert rows[rows.index("Never recorded") + 1:][:3] == [
            "? Fri 20 Nov Priya", "? Tue 24 Nov Tom", "↷ Wed 25 Nov Tom"]
        assert heading(app.screen).startswith("Tom  Wed 25 Nov 18:00")  # still on the session in hand
    assert session_on(demo_store, "Tom", datetime(2026, 11, 24, 19)).status is Status.SCHEDULED


async def test_help_lists_the_reviews_keys(demo_store):
    from caseload_tui.tui.screens.help import HelpScreen as ReviewHelp  # the review's help is a HelpScreen

    app = make_app(demo_store, start="review")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, ReviewHelp)
        text = shown(app.screen.query_one("Static"))
        assert "What happened: did not come" in text and "Keep the highlighted question open" in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)


async def test_answer_and_keep_open_with_no_question_highlighted_say_why(demo_store):
    for question in demo_store.questions():
        demo_store.delete_question(question.id)
    app = make_app(demo_store, start="review")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.session is not None and screen.query_one(ReviewNotes).current_question is None
        await pilot.pause()
        footer = {key.key: key for key in screen.query_one(WrappingFooter).query("FooterKey")}
        assert "r" not in footer and "k" not in footer  # left out, as on the dashboard, not dimmed
        await pilot.press("r", "k")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any("No question to answer for this session" in s and "f" in s for s in said), said
        assert any("No question to keep open for this session" in s for s in said), said
        assert isinstance(app.screen, ReviewScreen)  # no form opened
