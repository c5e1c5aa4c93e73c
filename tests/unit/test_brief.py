"""The supervision brief: what it says, that redaction leaves no name, that no note becomes markup.

The committed example, docs/supervision-brief-example.md, is regenerated here
and compared. After a deliberate change to the brief, refresh it with:

    CASELOAD_REFRESH_EXAMPLE=1 .venv/bin/python -m pytest tests/unit/test_brief.py -k example
"""

from __future__ import annotations

import os
import re
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from caseload_tui import supervision as sv
from caseload_tui.brief import block, build_brief, inline, names_of, redact_names
from caseload_tui.demo import load_demo
from caseload_tui.model import Client, Need, Question, Status, SupervisionItem, SupervisionMeeting, Thought, ThoughtKind
from caseload_tui.store import Store

from clock import DEMO_DAY_END
from factories import load_demo_store, memory_store

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "supervision-brief-example.md"

# The questions the example's clinician wrote on the supervision screen for the three flagged cases.
EXAMPLE_QUESTIONS = {
    "Amaan": "When he asks whether he has done it right, I still feel the pull to reassure him. How do I "
             "stay warm in the pause without it becoming one more test he can fail?",
    "Joel": "When he told me about shouting at the baby I felt fear first, then protectiveness. How do I hold "
            "his shame and the baby's safety together, and when would I need to say more?",
    "Melanie": "Do I raise the cancelling again, offer fewer sessions, or keep holding the hope for her? I "
               "cannot tell whether my resentment is showing me her ambivalence or deciding for me.",
}


# What the clinician wrote for Joel in the plan's optional structure (each part shown only when written).
EXAMPLE_STRUCTURE = {
    "Joel": {"need": Need.DECIDE,
                 "tried": "Named the shame before the anger, and asked what happens in him before he shouts.",
                 "between_us": "I catch myself being careful with him, as if he might shout at me."},
}


def ids(store) -> dict[str, int]:
    return {c.name: c.id for c in store.clients()}


def whole_word(name: str, text: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, flags=re.IGNORECASE) is not None


def example_brief() -> str:
    """The demo caseload on its last day, the flagged cases' questions written, redacted."""
    store = load_demo_store()
    try:
        who = ids(store)
        store.add_meeting(SupervisionMeeting(held_on=DEMO_DAY_END.date(), planned=True, items=[
            SupervisionItem(client_id=who[name], question=question, **EXAMPLE_STRUCTURE.get(name, {}))
            for name, question in EXAMPLE_QUESTIONS.items()
        ]))
        window = sv.make_window(store.meetings(), DEMO_DAY_END.date())
        chosen = sv.chosen_for_brief(store, DEMO_DAY_END, window)
        return build_brief(sv.prepare(store, DEMO_DAY_END, chosen), redact=True)
    finally:
        store.close()


# ---------------------------------------------------------------- redaction


def test_redacted_brief_of_the_whole_demo_names_no_one(demo_store):
    who = ids(demo_store)
    # Names in another client's notes, in a question for supervision and in my practice notes.
    demo_store.add_thought(Thought(body="Amaan reminds me of MELANIE, oddly.", written_at=datetime(2026, 11, 25, 9),
                                   client_id=who["Joel"], kind=ThoughtKind.REACTION))
    demo_store.add_thought(Thought(body="Too tired with Tom and Dev's sessions back to back.",
                                   written_at=datetime(2026, 11, 25, 10), kind=ThoughtKind.LEARNING))
    demo_store.add_meeting(SupervisionMeeting(held_on=DEMO_DAY_END.date(), planned=True, items=[
        SupervisionItem(client_id=who["Priya"], question="Is Priya's control like Kofi's perfectionism?")]))
    everyone = list(who.values())
    prep = sv.prepare(demo_store, DEMO_DAY_END, everyone)
    redacted = build_brief(prep, redact=True)
    plain = build_brief(prep, redact=False)
    assert len(who) == 18
    for name in who:
        assert not whole_word(name, redacted), name
        assert whole_word(name, plain), name
    for client in demo_store.clients():
        # After the safety section (the demo has two open concerns), each case in the order chosen.
        assert f"## {list(who.values()).index(client.id) + 2}. {client.code}" in redacted
    assert "C-007 reminds me of C-025, oddly." in redacted
    assert "Too tired with C-022 and C-027's sessions" in redacted
    assert "Is C-026's control like C-014's perfectionism?" in redacted
    assert "De-identified: clients appear by their codes" in redacted
    assert "De-identified" not in plain


def test_redact_names_keeps_its_behaviour():
    pairs = names_of([Client(name="Ann", code="C-2", started_on=date(2025, 1, 1)),
                      Client(name="Mary Jo", code="C-1", started_on=date(2025, 1, 1))])
    assert pairs == [("Mary Jo", "C-1"), ("Ann", "C-2")]  # longest first
    assert redact_names("mary jo's sister, ANN, Jo and Annabel", pairs) == "C-1's sister, C-2, C-1 and Annabel"


# ---------------------------------------------------------------- no note becomes markup


HOSTILE = (
    "<script>alert(1)</script> <b>bold</b> <!-- hidden --> &amp; &#60;\n"
    "[a link](https://evil.example/x) ![img](http://x.y/p.png) www.evil.com evil.com me@evil.com\n"
    "**strong** _em_ ~~gone~~ `code` $x^2$ | a | b |\n"
    "# heading\n"
    "- item\n"
    "1. first\n"
    "> quote\n"
    "---\n"
    "    indented code\n"
    "```\n"
    "fenced\n"
    "```\n"
    "\n"
    "===\n"
    "\x1b]52;c;aGk=\x07 \x1b[2J \u202e reversed"
)

# The only elements the template makes: anything else came from user text.
TEMPLATE_TAGS = {"h1", "h2", "p", "ol", "ul", "li", "strong", "em", "hr"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += attrs

    def handle_comment(self, data):
        self.comments.append(data)


def rendered(markdown: str) -> _Tags:
    html = MarkdownIt("gfm-like", {"linkify": True}).render(markdown)
    parser = _Tags()
    parser.feed(html)
    return parser


def hostile_store() -> Store:
    store = memory_store()
    client = store.add_client(Client(name="O'Brien [/x] <i>", code="`C*1`", started_on=date(2026, 1, 5),
                                     themes="# themes <u>x</u> [y](z)", schedule="FREQ=WEEKLY;BYDAY=TH;BYHOUR=9"))
    store.set_flag(client.id, True)
    store.record_attendance(client.id, datetime(2026, 11, 19, 9), Status.ATTENDED)
    store.add_thought(Thought(body=HOSTILE, written_at=datetime(2026, 11, 20, 9), client_id=client.id,
                              kind=ThoughtKind.REACTION))
    store.add_thought(Thought(body=HOSTILE, written_at=datetime(2026, 11, 20, 10), kind=ThoughtKind.INSIGHT))
    store.add_question(Question(body=HOSTILE, asked_at=datetime(2026, 11, 20, 9), client_id=client.id))
    store.add_meeting(SupervisionMeeting(held_on=date(2026, 11, 1), items=[
        SupervisionItem(client_id=client.id, question=HOSTILE, advice=HOSTILE, outcome=HOSTILE)]))
    store.add_meeting(SupervisionMeeting(held_on=DEMO_DAY_END.date(), planned=True, items=[
        SupervisionItem(client_id=client.id, question=HOSTILE)]))
    return store


@pytest.mark.parametrize("redact", [False, True], ids=["names", "redacted"])
def test_markup_and_html_in_notes_stay_text(redact):
    store = hostile_store()
    try:
        text = build_brief(sv.prepare(store, DEMO_DAY_END, [c.id for c in store.clients()]), redact=redact)
    finally:
        store.close()
    found = rendered(text)
    assert found.tags <= TEMPLATE_TAGS, found.tags - TEMPLATE_TAGS
    assert found.attrs == [] and found.comments == []
    # Headings only from the template: the title, the agenda and one per section.
    assert text.count("\n## ") + text.startswith("## ") == 3
    # Nothing reaches the viewer (or a terminal showing the file) as a control character.
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f\u202e]", text)
    assert "␛\\]52;c;aGk=␇" in text and "␛\\[2J" in text


def test_escaped_text_reads_back_as_typed():
    md = MarkdownIt("gfm-like", {"linkify": True})
    for typed in ["a <b> & c", "[x](y) **z**", "see https://a.example, www.b.org", "3.5 mg, e.g. # 1",
                  "back\\slash", "under_score_s", "Dr. No's *star*"]:
        html = md.render("- x: " + inline(typed))
        assert html == f"<ul>\n<li>x: {_html(typed)}</li>\n</ul>\n"


def test_block_keeps_paragraphs_inside_the_list_item():
    html = MarkdownIt("commonmark").render("- x: " + block("one\n- two\n\n\n    three\n1. four", indent="  "))
    assert html == "<ul>\n<li>\n<p>x: one\n- two</p>\n<p>three\n1. four</p>\n</li>\n</ul>\n"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


# ---------------------------------------------------------------- what the brief says


def test_brief_reads_in_order(demo_store):
    who = ids(demo_store)
    demo_store.add_meeting(SupervisionMeeting(held_on=DEMO_DAY_END.date(), planned=True, items=[
        SupervisionItem(client_id=who["Melanie"], question="Is it mine or hers?")]))
    text = build_brief(sv.prepare(demo_store, DEMO_DAY_END, [who["Melanie"], who["Amaan"]]), redact=False)
    assert text.startswith("# Supervision brief, Thursday 26 November 2026\n\n"
                           "Since the last supervision, on Thu 29 Oct 2026 (4 weeks ago). 2 cases to bring.\n")
    agenda = text.split("## Agenda\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert agenda == ["1. **Safety: what I have assessed; what I need help deciding** (2 concerns)",
                      "2. **Melanie (C-025)**: Is it mine or hers?",
                      "3. **Amaan (C-007)**: *No question written yet.*",
                      "4. My own practice"]
    melanie = text.split("## 2. Melanie (C-025)", 1)[1].split("## 3.", 1)[0]
    for part in ["**My question:** Is it mine or hers?", "**Why I am bringing it:**",
                 "- Flagged to bring to supervision.",
                 "**Attendance:** An absentee. From the start: has come to 6 of 12 since starting in September",
                 "**Still with me, since 29 Oct** (4 thoughts)", "- *19 Nov, reaction:* Another cancellation",
                 "**Follow-up questions still open** (2)", "- *asked 29 Oct:* Ask what she hoped for",
                 "**Last time** (supervision on 29 Oct)", "- *I asked:* I feel resentful when she cancels",
                 "- *You advised:* Probably both.", "- *How it went:* Asked whether the time still suits her."]:
        assert part in melanie, part
    assert melanie.index("My question") < melanie.index("Why I am") < melanie.index("Attendance") \
        < melanie.index("Still with me") < melanie.index("Follow-up") < melanie.index("Last time")
    assert "## 4. My own practice" in text


def test_brief_with_no_cases_says_how_to_choose_them(store):
    text = build_brief(sv.prepare(store, DEMO_DAY_END, []))
    assert "No cases to bring." in text and "No cases chosen yet." in text


def test_brief_since_a_typed_date(demo_store):
    text = build_brief(sv.prepare(demo_store, DEMO_DAY_END, [ids(demo_store)["Amaan"]], since=date(2026, 11, 20)),
                       redact=False)
    assert "Since Fri 20 Nov 2026 (6 days ago)." in text
    assert "**Still with me, since 20 Nov** (1 thought)" in text


# ---------------------------------------------------------------- the committed example


def test_committed_example_is_current():
    text = example_brief()
    if os.environ.get("CASELOAD_REFRESH_EXAMPLE"):
        EXAMPLE.parent.mkdir(exist_ok=True)
        EXAMPLE.write_text(text, encoding="utf-8")
    assert EXAMPLE.read_text(encoding="utf-8") == text, (
        "docs/supervision-brief-example.md is out of date; refresh it with "
        "CASELOAD_REFRESH_EXAMPLE=1 .venv/bin/python -m pytest tests/unit/test_brief.py -k example")
    for name in ids_of_demo():
        assert not whole_word(name, text)


def ids_of_demo() -> list[str]:
    return [c.name for c in load_demo(DEMO_DAY_END.date()).clients]
