"""What a user wrote reaches the terminal as visible characters, never as commands."""

from __future__ import annotations

import unicodedata

import pytest

from caseload_tui import safe_text
from caseload_tui.safe_text import one_line, visible

HOSTILE = [
    ("\x1b[2J", "\u241b[2J"),  # clear screen
    ("\x1b]52;c;aGk=\x07", "\u241b]52;c;aGk=\u2407"),  # write the clipboard
    ("ring\x07", "ring\u2407"),  # BEL
    ("\x9b31mred", "\ufffd31mred"),  # C1 CSI
    ("del\x7f", "del\u2421"),
    ("nul\x00", "nul\u2400"),
    ("\u202eevil.txt", "\ufffdevil.txt"),  # right-to-left override
    ("\u2066isolate\u2069", "\ufffdisolate\ufffd"),
    ("a\u200fb", "a\ufffdb"),  # right-to-left mark
    ("back\x08space", "back\u2408space"),
    ("line\u2028sep", "line\ufffdsep"),
]


def _no_controls(text: str, keep: str = "") -> bool:
    for char in text:
        if char in keep:
            continue
        if unicodedata.category(char) == "Cc":
            return False
        if char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u2028\u2029":
            return False
    return True


@pytest.mark.parametrize(("raw", "shown"), HOSTILE)
def test_controls_are_made_visible(raw, shown):
    assert visible(raw) == shown
    assert visible(raw, multiline=True) == shown
    assert _no_controls(visible(raw))


@pytest.mark.parametrize(("raw", "shown"), HOSTILE)
def test_one_line_makes_controls_visible(raw, shown):
    assert one_line(raw) == shown


def test_every_c0_c1_and_del_is_made_visible():
    everything = "".join(chr(c) for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)])
    assert _no_controls(visible(everything))
    assert _no_controls(one_line(everything))
    assert _no_controls(visible(everything, multiline=True), keep="\n")


def test_single_line_shows_line_breaks():
    assert visible("first\nsecond") == "first \u23ce second"
    assert visible("first\r\nsecond") == "first \u23ce second"
    assert visible("a\tb") == "a b"


def test_multiline_keeps_line_breaks():
    assert visible("first\nsecond\x1b[2J", multiline=True) == "first\nsecond\u241b[2J"
    assert visible("first\r\nsecond\rthird", multiline=True) == "first\nsecond\nthird"
    assert visible("a\tb", multiline=True) == "a    b"


def test_one_line_joins_lines_and_collapses_their_spacing():
    assert one_line("first\n  second\r\nthird") == "first second third"


def test_one_line_cuts_with_an_ellipsis():
    assert one_line("abcdefgh", limit=5) == "abcd…"
    assert one_line("abcde", limit=5) == "abcde"
    assert len(one_line("x" * 100, limit=10)) == 10


def test_one_line_cuts_after_making_visible():
    shown = one_line("\x1b[2J" * 10, limit=6)
    assert "\x1b" not in shown
    assert len(shown) == 6


@pytest.mark.parametrize(
    "plain",
    [
        "",
        "Ann",
        "O'Brien",
        "[b]O'Brien[/b]",
        "[bold red]not markup[/]",
        "[@click=app.quit]x[/]",
        "Pauline 🌱 feels held",
        "👩‍⚕️ clinician",  # ZWJ sequence with a variation selector
        "心理療法のノート",  # wide CJK
        "مرحبا بالعالم",  # Arabic letters
        "שלום עולם",  # Hebrew letters
        "café naïve Zoë",
        "100% <b>&amp;</b> $HOME `ls` \\n",
    ],
)
def test_plain_text_is_unchanged(plain):
    assert visible(plain) == plain
    assert visible(plain, multiline=True) == plain
    assert one_line(plain) == plain


def test_zero_width_spaces_are_left_out_of_what_is_shown():
    assert safe_text.visible("Zo\u200be\u2060 M\ufeffüller") == "Zoe Müller"


def test_joiners_that_shape_words_and_emoji_are_kept():
    family = "👩\u200d👧"
    persian = "می\u200cخواهم"
    assert safe_text.visible(family) == family and safe_text.visible(persian) == persian


def test_a_pile_of_combining_marks_is_cut_to_a_few():
    zalgo = "Z" + "\u0301" * 300 + "oë"
    shown = safe_text.visible(zalgo)
    assert shown == "Z" + "\u0301" * safe_text.MARKS_SHOWN + "oë"


def test_real_accents_are_kept():
    vietnamese = "Nguyễn Thị Ánh"  # composed and decomposed letters with two marks
    decomposed = "Nguye\u0302\u0303n"
    assert safe_text.visible(vietnamese) == vietnamese and safe_text.visible(decomposed) == decomposed
