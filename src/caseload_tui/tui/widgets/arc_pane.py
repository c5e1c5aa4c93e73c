"""A graduate's whole arc: when the work began and ended, the closing reflection, and news since."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import Client, Encounter, Question
from .. import render
from .notes_panes import question_prompt


class ArcPane(OptionList):
    BORDER_TITLE = "Their arc"

    def show(self, client: Client, sessions_attended: int, encounters: list[Encounter],
             open_questions: list[Question], today: date, reflection_parts: Sequence[tuple[str, str]]) -> None:
        """`reflection_parts`: each part of the closing reflection, (its field, its title), as the form asks them."""
        ending = f" ({client.ending_kind.label})" if client.ending_kind else ""
        options: list[Option | None] = [Option(render.join(
            ("Began ", "$foreground-muted"), render.day(client.started_on, today),
            ("  ·  ended ", "$foreground-muted"), render.day(client.ended_on, today), (ending, "$foreground-muted"),
            ("  ·  ", "$foreground-muted"), f"{sessions_attended} sessions attended",
        ), id="arc:dates"), None]
        for key, title in reflection_parts:
            text = getattr(client.reflection, key)
            body = (render.user_text(text, multiline=True) if text
                    else render.label("not written", "italic $foreground-muted"))
            options += [Option(render.join((title, "bold $text-secondary"), "\n", body), id=f"arc:{key}"), None]
        for encounter in encounters:
            options += [Option(render.join((f"News · {render.day(encounter.happened_on, today)}", "bold $text-accent"),
                                           "\n", render.user_text(encounter.body, multiline=True)),
                               id=f"encounter:{encounter.id}"), None]
        if not encounters:
            options += [Option(render.label("No news yet. Press n to note news or a chance meeting.",
                                            "italic $foreground-muted"), id="arc:no-news", disabled=True), None]
        for question in open_questions:
            options += [Option(question_prompt(question, today, None), id=f"question:{question.id}"), None]
        keep = self.highlighted
        self.set_options(options[:-1])
        if keep is not None and keep < self.option_count:
            self.highlighted = keep
