"""A graduate's whole arc: every period of work with its ending and reflection, and news since.

Enter on a period of work, or on a part of its reflection, asks to write it again
(`ReflectionChosen`): a reflection often comes later than the ending.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import REFLECTION_PARTS, Client, Encounter, Episode, Question
from ...model.counting import numbered
from .. import render
from .notes_panes import question_prompt
from .steady_list import SteadyList

NEWS_PARTS = (("stirred", "What it stirred in me"), ("taught", "What it taught me"))


def episode_heading(episode: Episode, number: int, of: int, today: date) -> list[tuple[str, str]]:
    """'Period of work 1 of 2 · 3 Jan 2024 – 5 Jun 2025 · ended by both of us, with time to say goodbye'."""
    which = f"Period of work {number} of {of}" if of > 1 else "The work"
    ending = episode.ending_words() or "who ended it and how: not yet said"
    return [(which, "bold $text-secondary"),
            (f"  ·  {render.day(episode.started_on, today)} – {render.day(episode.ended_on, today)}",
             "$foreground-muted"),
            (f"\n{ending}" if episode.ended else "\ngoing on now", "$foreground-muted")]


class ArcPane(SteadyList):
    BORDER_TITLE = "Their arc"

    @dataclass
    class ReflectionChosen(Message):
        """Enter on a period of work or a part of its reflection: write it again (part None: who and how)."""

        episode_id: int
        part: str | None

    def show(self, client: Client, episodes: list[Episode], sessions_attended: int, encounters: list[Encounter],
             open_questions: list[Question], today: date) -> None:
        periods = f" over {numbered(len(episodes), 'period')} of work" if len(episodes) > 1 else ""
        options: list[Option | None] = [Option(render.join(
            f"{numbered(sessions_attended, 'session')} attended", (periods, "$foreground-muted"),
        ), id="arc:dates"), None]
        for number, episode in enumerate(episodes, start=1):
            options += [Option(render.join(*episode_heading(episode, number, len(episodes), today)),
                               id=f"episode:{episode.id}:"), None]
            unwritten = []
            for key, title in REFLECTION_PARTS:
                if text := getattr(episode.reflection, key):
                    options += [Option(render.join(("  " + title, "bold $text-secondary"), "\n",
                                                   render.user_text(text, multiline=True)),
                                       id=f"episode:{episode.id}:{key}"), None]
                else:
                    unwritten.append((key, title))
            if unwritten:  # one line for every part not written yet, so the written ones stand out
                missing = " · ".join(title[:1].lower() + title[1:] for _, title in unwritten)
                options += [Option(render.label(f"  Not written yet: {missing} (enter to write)",
                                                "italic $foreground-muted"),
                                   id=f"episode:{episode.id}:{unwritten[0][0]}"), None]
        for encounter in encounters:
            parts: list[Content | str | tuple[str, str]] = [
                (f"News · {render.day(encounter.happened_on, today)}", "bold $text-accent"), "\n",
                render.user_text(encounter.body, multiline=True)]
            for key, title in NEWS_PARTS:
                if text := getattr(encounter, key):
                    parts += ["\n", (f"{title}: ", "$text-secondary"), render.user_text(text, multiline=True)]
            options += [Option(render.join(*parts), id=f"encounter:{encounter.id}"), None]
        if not encounters:
            options += [Option(render.label("No news yet. Press n to note news or a chance meeting.",
                                            "italic $foreground-muted"), id="arc:no-news", disabled=True), None]
        for question in open_questions:
            options += [Option(question_prompt(question, today, None), id=f"question:{question.id}"), None]
        keep = self.highlighted
        self.set_options(options[:-1])
        if keep is not None and keep < self.option_count:
            self.highlighted = keep

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, rest = (event.option.id or "").partition(":")
        if kind != "episode":
            return
        event.stop()
        episode_id, _, part = rest.partition(":")
        self.post_message(self.ReflectionChosen(int(episode_id), part or None))
