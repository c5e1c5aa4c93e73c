"""The supervision brief (Markdown) and the redaction it (and privacy mode) relies on.

Everything a clinician wrote reaches the brief through `inline()` or `block()`:
control characters made visible, Markdown's special characters escaped, so a
note can never become a link, a heading, a table or HTML in the supervisor's viewer.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .model import Client, Question, Thought
from .rules import ScheduleError, describe_schedule
from .safe_text import visible
from .supervision import CaseMaterial, Preparation, attendance_words, short_day


def redact_names(text: str, names_and_codes: list[tuple[str, str]]) -> str:
    """Replace every client's name, and each word of it, with that client's code.

    Whole words only and ignoring case, so "Amaan's" becomes "C-001's" while
    "Pauline" inside another word is left alone. Longer names go first.
    """
    for name, code in names_and_codes:
        words = [name] + [w for w in re.split(r"\s+", name) if len(w) >= 2 and w != name]
        for word in words:
            pattern = r"(?<!\w)" + re.escape(word) + r"(?!\w)"
            text = re.sub(pattern, code.replace("\\", "\\\\"), text, flags=re.IGNORECASE)
    return text


def names_of(clients: list[Client]) -> list[tuple[str, str]]:
    """Every client's (name, code), longest name first, as redact_names wants them."""
    pairs = {(c.name, c.code) for c in clients if c.name.strip()}
    return sorted(pairs, key=lambda p: (-len(p[0]), p))


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


def build_brief(prep: Preparation, redact: bool = False) -> str:
    """The supervision brief: a title, an agenda, then a section for each case."""
    return _Brief(prep, redact).write()


class _Brief:
    def __init__(self, prep: Preparation, redact: bool) -> None:
        self.prep, self.redact = prep, redact
        self.today = prep.now.date()
        self.names = names_of(prep.clients)
        self.lines: list[str] = []

    # -- user text, redacted when asked

    def _clean(self, text: str) -> str:
        return redact_names(text, self.names) if self.redact else text

    def inline(self, text: str) -> str:
        return inline(self._clean(text))

    def block(self, text: str, indent: str = "") -> str:
        return block(self._clean(text), indent)

    def who(self, client: Client) -> str:
        if self.redact:
            return inline(client.code)
        return f"{inline(client.name)} ({inline(client.code)})"

    def day(self, when: date | datetime) -> str:
        return short_day(when.date() if isinstance(when, datetime) else when, self.today)

    def _misses(self, case: CaseMaterial) -> list[str]:
        """The latest misses, each with how it came (the note kept with the session)."""
        items = [f"- *{self.day(m.starts_at)}, {m.status.label}*"
                 + (f": {self.inline(m.note)}" if m.note.strip() else "") for m in case.misses]
        return ["**Recent misses, and how they came:**", "", *items, ""] if items else []

    # -- the document

    def write(self) -> str:
        prep, out = self.prep, self.lines
        out += [f"# Supervision brief, {self.today:%A %-d %B %Y}", ""]
        count = len(prep.cases)
        cases = "no cases" if not count else ("1 case" if count == 1 else f"{count} cases")
        out += [f"{prep.window.describe()} {cases.capitalize()} to bring.", ""]
        if self.redact:
            out += ["Clients appear by their codes only; their names have been taken out, "
                    "from the notes as well.", ""]
        self._agenda()
        for number, case in enumerate(prep.cases, start=1):
            self._case(number, case)
        if prep.practice_thoughts or prep.practice_questions:
            self._practice()
        return "\n".join(out).rstrip("\n") + "\n"

    def _agenda(self) -> None:
        out = self.lines
        out += ["## Agenda", ""]
        if not self.prep.cases:
            out += ["No cases chosen yet. Flag a case on the dashboard (b), or choose cases on the "
                    "supervision screen.", ""]
            return
        for number, case in enumerate(self.prep.cases, start=1):
            question = self.inline(case.question) if case.question.strip() else "*No question written yet.*"
            out.append(f"{number}. **{self.who(case.client)}**: {question}")
        if self.prep.practice_thoughts or self.prep.practice_questions:
            out.append(f"{len(self.prep.cases) + 1}. My own practice")
        out.append("")

    def _case(self, number: int, case: CaseMaterial) -> None:
        out, since = self.lines, self.prep.window.since_words()
        out += ["---", "", f"## {number}. {self.who(case.client)}", ""]
        out += [f"*{self._context(case.client)}*", ""]
        if case.question.strip():
            out += ["**My question:** " + self.block(case.question), ""]
        else:
            out += ["**My question:** *No question written yet.*", ""]
        out += ["**Why I am bringing it:**", ""]
        out += [f"- {self.inline(reason)}" for reason in case.reasons] + [""]
        out += ["**Attendance:** " + self.inline(attendance_words(case, self.prep.now)), ""]
        out += self._misses(case)
        out += [f"**Still with me, {since}** ({_things(len(case.thoughts), 'thought')})", ""]
        if case.thoughts:
            out += [self._thought(t) for t in case.thoughts] + [""]
        else:
            out += [f"Nothing new still lingering {since}.", ""]
        out += [f"**Follow-up questions still open** ({len(case.open_questions)})", ""]
        if case.open_questions:
            out += [self._question(q) for q in case.open_questions] + [""]
        else:
            out += ["None open.", ""]
        self._advice(case)

    def _context(self, client: Client) -> str:
        if client.ended_on is not None:
            parts = [f"Worked together from {self.day(client.started_on)} to {self.day(client.ended_on)}"]
        else:
            parts = [f"In therapy since {self.day(client.started_on)}"]
            try:
                if client.schedule:
                    parts.append(describe_schedule(client.schedule))
            except ScheduleError:
                pass
        text = ", ".join(parts) + "."
        if client.themes.strip():
            text += " Themes: " + self.inline(client.themes) + "."
        return text

    def _thought(self, thought: Thought) -> str:
        label = f"{self.day(thought.written_at)}, {thought.kind.label}"
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
        out += [f"**Last time** (supervision on {self.day(follow.held_on)})", ""]
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
        out, prep, since = self.lines, self.prep, self.prep.window.since_words()
        out += ["---", "", f"## {len(prep.cases) + 1}. My own practice", ""]
        if prep.practice_thoughts:
            out += [f"**Still with me, {since}** ({_things(len(prep.practice_thoughts), 'thought')})", ""]
            out += [self._thought(t) for t in prep.practice_thoughts] + [""]
        if prep.practice_questions:
            out += [f"**Questions still open** ({len(prep.practice_questions)})", ""]
            out += [self._question(q) for q in prep.practice_questions] + [""]


def _things(n: int, noun: str) -> str:
    return f"1 {noun}" if n == 1 else f"{n} {noun}s"
