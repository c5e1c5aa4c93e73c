"""The supervision brief (Markdown), and how it is de-identified.

Everything a clinician wrote reaches the brief through `inline()` or `block()`:
control characters made visible, Markdown's special characters escaped, so a
note can never become a link, a heading, a table or HTML in the supervisor's viewer.

Redacted (the default for `caseload brief` and the in-app export): clients by their codes,
found in the notes too by `name_matching` (the same matching privacy mode uses); the
brief's own dates as months, never a weekday or a session time. What may still identify
someone inside the notes is listed by `leak_check` before the brief leaves the machine.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .brief_patterns import patterns_section
from .model import Client, Group, Question, Status, Thought
from .model.counting import numbered
from .model.patterns import BRIEF_TITLE, OwnResponse, Patterns
from .name_matching import NameMatcher, names_of
from .rules import ScheduleError, describe_schedule
from .safe_text import visible
from .supervision import CaseMaterial, Preparation, SafetyItem, month_words, short_day

__all__ = ["SAFETY_TITLE", "block", "build_brief", "inline", "months_only", "names_of", "redact_names"]

SAFETY_TITLE = "Safety: what I have assessed; what I need help deciding"


def redact_names(text: str, names_and_codes: list[tuple[str, str]]) -> str:
    """Replace every client's name, and each word of it, with that client's code (see name_matching)."""
    return NameMatcher(names_and_codes).redact(text)


_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
# The brief's own dates, as short_day and long_day write them: 'Thu 29 Oct 2026', '29 Oct', 'on 3 Nov'.
_OWN_DAY = re.compile(rf"\b(on )?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) )?\d{{1,2}} ({_MONTHS})(?: (\d{{4}}))?\b")


def months_only(text: str, today: date) -> str:
    """The program's own sentences (reasons, where a client stands) with each day made its month."""
    def month(found: re.Match[str]) -> str:
        year = int(found.group(3)) if found.group(3) else today.year
        when = month_words(datetime.strptime(f"1 {found.group(2)} {year}", "%d %b %Y").date(), today)
        return ("in " if found.group(1) else "") + when
    return _OWN_DAY.sub(month, text)


# ---------------------------------------------------------------- Markdown-safe user text

# Characters that can start markup anywhere on a line (CommonMark, GitHub's tables,
# strikethrough and autolinks, and the $ of maths in many viewers). Each is backslash-escaped.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>&|~$#@])")
# What makes a line start a block: a list item, a quote, a rule, a setext underline.
_LINE_START = re.compile(r"^([-+=])(?=\s|$|[-=]+\s*$)|^(\d+)([.)])(?=\s|$)")
# What a viewer could turn into a link: 'https://', and a dot inside a word ('www.x', 'x.com').
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp):(?=//)|(?<=\w)\.(?=[a-z])")


def _escape_line(line: str) -> str:
    line = _ANYWHERE.sub(r"\\\1", line)
    line = _AUTOLINK.sub(lambda m: f"{m.group(1)}\\:" if m.group(1) else "\\.", line)
    return _LINE_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line)


def inline(text: str) -> str:
    """User text on one line: whitespace (line breaks too) collapsed, shown, escaped."""
    return _escape_line(visible(" ".join(text.split())))


def block(text: str, indent: str = "") -> str:
    """User text that may run to several paragraphs, kept inside the list item it starts in.

    Lines are kept (a viewer joins them into one paragraph), blank lines separate
    paragraphs, and leading spaces are dropped so nothing becomes a code block.
    """
    paragraphs = []
    for paragraph in re.split(r"\n\s*\n", visible(text.strip(), multiline=True)):
        lines = [_escape_line(line.strip()) for line in paragraph.split("\n") if line.strip()]
        if lines:
            paragraphs.append(f"\n{indent}".join(lines))
    return f"\n\n{indent}".join(paragraphs)


# ---------------------------------------------------------------- the brief


def build_brief(prep: Preparation, redact: bool = True, patterns: Patterns | None = None) -> str:
    """The supervision brief: a title, an agenda (safety first), then a section for each case.

    `patterns` (Patterns in me) is given only when the clinician agreed to add it to this brief.
    """
    return _Brief(prep, redact, patterns).write()


class _Brief:
    def __init__(self, prep: Preparation, redact: bool, patterns: Patterns | None = None) -> None:
        self.prep, self.redact, self.patterns = prep, redact, patterns
        self.today = prep.now.date()
        self.matcher = NameMatcher.of(prep.clients)
        self.lines: list[str] = []

    # -- user text, redacted when asked

    def _clean(self, text: str) -> str:
        return self.matcher.redact(text) if self.redact else text

    def inline(self, text: str) -> str:
        return inline(self._clean(text))

    def block(self, text: str, indent: str = "") -> str:
        return block(self._clean(text), indent)

    def own(self, text: str) -> str:
        """The program's own words about a case: with months for days when redacted."""
        return inline(months_only(text, self.today) if self.redact else text)

    def who(self, client: Client) -> str:
        if self.redact:
            return inline(client.code)
        return f"{inline(client.name)} ({inline(client.code)})"

    def day(self, when: date | datetime) -> str:
        day = when.date() if isinstance(when, datetime) else when
        return month_words(day, self.today) if self.redact else short_day(day, self.today)

    def since(self) -> str:
        return self.prep.window.since_words(month_only=self.redact)

    def _misses(self, case: CaseMaterial) -> list[str]:
        """The latest misses, each with how it came (the note kept with the session)."""
        items = [f"- *{self.day(m.starts_at)}, {m.status.label}*"
                 + (f": {self.inline(m.note)}" if m.note.strip() else "") for m in case.misses]
        return ["**Recent misses, and how they came:**", "", *items, ""] if items else []

    # -- the document

    def write(self) -> str:
        prep, out = self.prep, self.lines
        title = f"{self.today:%B %Y}" if self.redact else f"{self.today:%A %-d %B %Y}"
        out += [f"# Supervision brief, {title}", ""]
        count = len(prep.cases)
        cases = "no cases" if not count else numbered(count, "case")
        out += [f"{prep.window.describe(month_only=self.redact)} {cases.capitalize()} to bring.", ""]
        if self.redact:
            out += ["De-identified: clients appear by their codes, in the notes as well; dates appear as "
                    "months, with no weekday or session time. Other people's names and details written "
                    "in the notes stay as written: read it through before it leaves your hands.", ""]
        self._agenda()
        if prep.safety:
            self._safety()
        for number, case in enumerate(prep.cases, start=self._first_case()):
            self._case(number, case)
        if prep.practice_thoughts or prep.practice_questions:
            self._practice()
        if self.patterns is not None:
            out += patterns_section(self.patterns, self._patterns_number(), self._responder, self.day, self.inline)
        return "\n".join(out).rstrip("\n") + "\n"

    def _patterns_number(self) -> int:
        practice = bool(self.prep.practice_thoughts or self.prep.practice_questions)
        return len(self.prep.cases) + self._first_case() + practice

    def _responder(self, response: OwnResponse) -> str:
        """Whom an own response was about, as the brief writes a client."""
        return inline(response.code) if self.redact else f"{inline(response.name)} ({inline(response.code)})"

    def _first_case(self) -> int:
        return 2 if self.prep.safety else 1

    def _agenda(self) -> None:
        out = self.lines
        out += ["## Agenda", ""]
        if self.prep.safety:
            out.append(f"1. **{SAFETY_TITLE}** ({_things(len(self.prep.safety), 'concern')})")
        if not self.prep.cases:
            out += ["", "No cases chosen yet. Flag a case on the dashboard (b), or choose cases on the "
                    "supervision screen.", ""]
            return
        for number, case in enumerate(self.prep.cases, start=self._first_case()):
            question = self.inline(case.question) if case.question.strip() else "*No question written yet.*"
            out.append(f"{number}. **{self.who(case.client)}**: {question}")
        if self.prep.practice_thoughts or self.prep.practice_questions:
            out.append(f"{len(self.prep.cases) + self._first_case()}. My own practice")
        if self.patterns is not None:
            out.append(f"{self._patterns_number()}. {BRIEF_TITLE}")
        out.append("")

    def _safety(self) -> None:
        out = self.lines
        out += ["---", "", f"## 1. {SAFETY_TITLE}", ""]
        out += [self._safety_item(item) for item in self.prep.safety] + [""]

    def _safety_item(self, item: SafetyItem) -> str:
        who = self.who(item.client) if item.client is not None else "My own practice"
        label = f"{inline(item.concern)}, {self.day(item.written_at)}"
        return f"- **{who}** *({label}):* {self.block(item.body, indent='  ')}"

    def _case(self, number: int, case: CaseMaterial) -> None:
        out = self.lines
        out += ["---", "", f"## {number}. {self.who(case.client)}", ""]
        out += [f"*{self._context(case.client)}*", ""]
        if case.question.strip():
            out += ["**My question:** " + self.block(case.question), ""]
        else:
            out += ["**My question:** *No question written yet.*", ""]
        self._structure(case)
        out += ["**Why I am bringing it:**", ""]
        out += [f"- {self.own(reason)}" for reason in case.reasons] + [""]
        out += ["**Attendance:** " + self.own(self._attendance(case)), ""]
        out += self._misses(case)
        self._thoughts(case)
        out += [f"**Follow-up questions still open** ({len(case.open_questions)})", ""]
        if case.open_questions:
            out += [self._question(q) for q in case.open_questions] + [""]
        else:
            out += ["None open.", ""]
        self._advice(case)

    def _structure(self, case: CaseMaterial) -> None:
        """What I need today, what I have tried, what happens between us: each only when written."""
        item, out = case.plan_item, self.lines
        if item is None:
            return
        if item.need is not None:
            out += [f"**What I need today:** {item.need.label}.", ""]
        if item.tried.strip():
            out += ["**What I have tried:** " + self.block(item.tried), ""]
        if item.between_us.strip():
            out += ["**What happens between us:** " + self.block(item.between_us), ""]

    def _thoughts(self, case: CaseMaterial) -> None:
        out, since = self.lines, self.since()
        out += [f"**Still with me, {since}** ({_things(len(case.thoughts), 'thought')})", ""]
        if case.thoughts:
            out += [self._thought(t) for t in case.thoughts] + [""]
        else:
            out += [f"Nothing new still with me {since}.", ""]
        if case.carried:
            window = self.prep.window
            before = ("before the last supervision" if window.last_meeting is not None and not window.typed
                      else f"before {self.day(window.start)}")
            out += [f"**Still with me from {before} (not yet brought)** "
                    f"({_things(len(case.carried), 'thought')})", ""]
            out += [self._thought(t) for t in case.carried] + [""]

    def _context(self, client: Client) -> str:
        if client.ended_on is not None:
            parts = [f"Worked together from {self.day(client.started_on)} to {self.day(client.ended_on)}"]
        else:
            parts = [f"In therapy since {self.day(client.started_on)}"]
            try:
                if client.schedule:
                    words = describe_schedule(client.schedule)
                    # Redacted: how often, never which day or hour.
                    parts.append(words.split(",", 1)[0] if self.redact else words)
            except ScheduleError:
                pass
        text = ", ".join(parts) + "."
        if client.themes.strip():
            text += " Themes: " + self.inline(client.themes) + "."
        return text

    def _attendance(self, case: CaseMaterial) -> str:
        """Where the client stands: in a few words for a regular, session by session for an absentee."""
        client, summary = case.client, case.summary
        if client.ended_on is not None:
            return case.placement.reason
        recent = [status for status in summary.strip if status is not None]
        if case.placement.group is Group.REGULARS and recent:
            counted = [s for s in recent if s is not Status.SCHEDULED and s.words.counts_as]
            came = sum(1 for s in counted if s.words.counts_as == "came")
            if counted and came == len(counted):
                words = f"A regular, attending steadily, {came} of {len(counted)}."
            else:
                words = f"A regular. {case.placement.reason}"
        else:
            words = f"{case.placement.group.singular.capitalize()}. {case.placement.reason}"
            if len(recent) == 1:
                words += f" The last session: {recent[0].label}."
            elif recent:
                words += (f" The last {numbered(len(recent), 'session')}, oldest first: "
                          f"{', '.join(s.label for s in recent)}.")
        if summary.next_expected is not None and not self.redact:
            when = summary.next_expected
            words += f" Next session expected {short_day(when.date(), self.today, weekday=True)} {when:%H:%M}."
        return words

    def _thought(self, thought: Thought) -> str:
        label = f"{self.day(thought.written_at)}, {thought.kind.label}"
        if thought.bring_to_supervision:
            label += ", flagged to bring"
        return f"- *{label}:* {self.block(thought.body, indent='  ')}"

    def _question(self, question: Question) -> str:
        return f"- *asked {self.day(question.asked_at)}:* {self.block(question.body, indent='  ')}"

    def _advice(self, case: CaseMaterial) -> None:
        out = self.lines
        follow = case.advice
        if follow is None:
            out += ["**Last time:** no earlier advice recorded for this case.", ""]
            return
        item = follow.item
        out += [f"**Last time** (supervision {'in' if self.redact else 'on'} {self.day(follow.held_on)})", ""]
        if item.question.strip():
            out.append(f"- *I asked:* {self.block(item.question, indent='  ')}")
        if item.advice.strip():
            out.append(f"- *You advised:* {self.block(item.advice, indent='  ')}")
        if item.how_it_went.strip():  # whether it was tried (day's end, issue 14), and how it went
            out.append(f"- *How it went:* {self.block(item.how_it_went, indent='  ')}")
        else:
            out.append("- *How it went:* not recorded yet.")
        out.append("")

    def _practice(self) -> None:
        out, prep, since = self.lines, self.prep, self.since()
        out += ["---", "", f"## {len(prep.cases) + self._first_case()}. My own practice", ""]
        if prep.practice_thoughts:
            out += [f"**Still with me, {since}** ({_things(len(prep.practice_thoughts), 'thought')})", ""]
            out += [self._thought(t) for t in prep.practice_thoughts] + [""]
        if prep.practice_questions:
            out += [f"**Questions still open** ({len(prep.practice_questions)})", ""]
            out += [self._question(q) for q in prep.practice_questions] + [""]


def _things(n: int, noun: str) -> str:
    return numbered(n, noun)
