"""What to bring to supervision about one case, as the supervision screen shows it."""

from __future__ import annotations

from datetime import date, datetime

from textual.content import Content

from ... import supervision as sv
from ...model import Thought
from ...model.counting import numbered
from .. import render


def material_content(case: sv.CaseMaterial, window: sv.Window, now: datetime, chosen: bool) -> Content:
    """What to bring about one case, in the order it will be talked about."""
    client, today = case.client, now.date()
    group_style = f"bold {render.GROUP_STYLES[case.placement.group]}"
    lines: list[Content] = [
        render.join(
            render.client_name(client, style="bold"),
            "  ",
            render.user_line("" if render.privacy().on else client.code, style="$foreground-muted"),
            ("   ☑ chosen" if chosen else "   ☐ not chosen (space to choose)",
             "$text-success" if chosen else "$foreground-muted"),
        ),
        render.join((f"{case.placement.label}: ", group_style), case.placement.reason),
        render.label(""),
        render.label("The question to bring", "bold"),
    ]
    if case.question.strip():
        lines.append(render.user_text(case.question, multiline=True))
    else:
        lines.append(render.label("Not written yet. Press w to write it.", "italic $foreground-muted"))
    lines += [render.label(""), render.label("Why it might go to supervision", "bold")]
    lines += [render.join(("• ", "$foreground-muted"), reason) for reason in case.reasons]
    lines += [render.label("")]
    follow = case.advice
    if follow is None:
        lines.append(render.join(("Last time  ", "bold"),
                                 ("no earlier advice recorded for this case", "$foreground-muted")))
    else:
        item = follow.item
        lines.append(render.join(("Last time  ", "bold"),
                                 (f"supervision on {sv.short_day(follow.held_on, today)}", "$foreground-muted")))
        if item.question.strip():
            lines.append(render.join(("I asked: ", "$foreground-muted"),
                                     render.user_text(item.question, multiline=True)))
        if item.advice.strip():
            lines.append(render.join(("Advised: ", "$foreground-muted"), render.user_text(item.advice, multiline=True)))
        if item.outcome.strip():
            lines.append(render.join(("How it went: ", "$foreground-muted"),
                                     render.user_text(item.outcome, multiline=True),
                                     ("  (o to change)", "$foreground-muted")))
        else:
            lines.append(render.join(("How it went: ", "$foreground-muted"),
                                     ("not recorded yet. Press o to record whether it was tried and how it went.",
                                      "$text-warning")))
    lines += [render.label(""), render.label("Attendance", "bold")]
    lines.append(render.join(render.strip(case.summary.strip, case.summary.in_my_break),
                             ("  oldest to newest", "$foreground-muted")))
    if case.summary.next_expected is not None:
        lines.append(render.label(f"Next session expected {render.moment(case.summary.next_expected, today)}",
                                  "$foreground-muted"))
    lines += [render.label(""),
              render.join((f"Still with me, {window.since_words()}", "bold"),
                          (f"  ({len(case.thoughts)})", "$foreground-muted"))]
    if not case.thoughts:
        lines.append(render.label(f"Nothing new still lingering {window.since_words()}.", "italic $foreground-muted"))
    lines += _thoughts(case.thoughts, today)
    if case.carried:  # still with me from before the window, never brought: the brief brings them too
        before = "the last supervision" if window.last_meeting is not None and not window.typed else "then"
        lines += [render.label(""),
                  render.join((f"Still with me from before {before} (not yet brought)", "bold"),
                              (f"  ({len(case.carried)})", "$foreground-muted"))]
        lines += _thoughts(case.carried, today)
    lines += [render.label(""),
              render.join(("Follow-up questions still open", "bold"),
                          (f"  ({len(case.open_questions)})", "$foreground-muted"))]
    if not case.open_questions:
        lines.append(render.label("None open.", "italic $foreground-muted"))
    for question in case.open_questions:
        lines.append(render.join((f"asked {render.day(question.asked_at, today)}  ", "$foreground-muted"),
                                 render.user_text(question.body, multiline=True)))
    return Content("\n").join(lines)


def _thoughts(thoughts: list[Thought], today: date) -> list[Content]:
    lines = []
    for thought in thoughts:
        flag: list[Content | str | tuple[str, str]] = (["  ", render.BRING_MARKER] if thought.bring_to_supervision
                                                        else [])
        lines.append(render.join((render.day(thought.written_at, today), "$foreground-muted"), "  ",
                                 (thought.kind.label, render.KIND_STYLES[thought.kind]), *flag))
        lines.append(render.user_text(thought.body, multiline=True))
    return lines


def window_line(window: sv.Window, chosen: int, written: int) -> Content:
    """The line above the lists: the time the supervision covers, and how many cases are ready."""
    return render.join(
        ("Supervision  ", "bold"),
        window.describe(),
        (f"  {numbered(chosen, 'case')} chosen, {written} with a question.", "$foreground-muted"),
        ("  h: another start date", "$foreground-muted"),
    )
