"""Text that does not fit is cut between words and ends with "…"; names keep their first words; the list's
"today" keeps its own column."""

from __future__ import annotations

from datetime import date, datetime

from screen_checks import overlaps, screen_rows
from textual.content import Content

from caseload_tui.model import Status
from caseload_tui.services.clients import add_client
from caseload_tui.services.sessions import record_outcome
from caseload_tui.tui import render

from pilot_helpers import NOW, client_named, loaded, make_app


def test_a_line_is_cut_between_words_with_an_ellipsis():
    themes = Content("themes: mother's emotional absence, approval-seeking, perfectionism at work")
    assert render.cut(themes, 40).plain == "themes: mother's emotional absence…"
    assert render.cut(themes, 200).plain == themes.plain
    assert render.cut(Content("unbreakable" * 3), 10).plain == "unbreakab…"  # no word fits: cut inside it
    rows = render.fit_lines([Content("a b c d e f g h i j k l m n o p"), Content("second")], 10, 2)
    assert [r.plain for r in rows] == ["a b c d e", "f g h i j…"]


def test_a_name_is_cut_between_its_words():
    name = Content("Marie-Claire Dubois")
    assert render.cut(name, 14, render.NAME_BREAKS).plain == "Marie-Claire…"
    assert render.cut(name, 10, render.NAME_BREAKS).plain == "Marie-Cla…"  # one word longer than the room
    assert render.cut(name, 19, render.NAME_BREAKS).plain == "Marie-Claire Dubois"


async def test_at_80_columns_long_names_and_themes_are_cut_with_an_ellipsis_and_today_has_its_column(demo_store):
    marie = add_client(demo_store, name="Marie-Claire Dubois", started_on=date(2026, 1, 5),
                       themes="grief after a move abroad, a sister who left, work that asks too much of her, "
                              "a father she has not spoken to in years, and a new relationship she distrusts")
    melanie = client_named(demo_store, "Melanie")
    record_outcome(demo_store, melanie.id, datetime(2026, 11, 26, 9, 0), Status.ATTENDED, now=NOW)
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        app.screen.select_client(marie.id)
        await pilot.pause()
        rows = screen_rows(app)
        assert any("Marie-Claire… " in row for row in rows), rows
        assert not any("Marie-…" in row for row in rows)
        [melanie_row] = [row for row in rows if "Melanie" in row]
        assert " today " in melanie_row  # a gap between the strip and "today"
        header = app.screen.query_one("#case-header")
        drawn = rows[header.region.y:header.region.bottom]
        assert drawn[-1].rstrip().rstrip("│ ").endswith("…"), drawn  # more than fits: said so
        assert overlaps(app) == []
