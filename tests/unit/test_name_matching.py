"""Finding clients' names: whole words, Unicode-normalised, case-folded, case-aware for names that
are also words. The brief, the leak check and privacy mode all use this one matching."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from caseload_tui.model import Client
from caseload_tui.name_matching import NameMatcher

NFD = "Zo\u0065\u0308 Mu\u0308ller"  # "Zoë Müller" written with combining marks
NFC = unicodedata.normalize("NFC", NFD)


def matcher(*pairs: tuple[str, str]) -> NameMatcher:
    return NameMatcher.of([Client(name=n, code=c, started_on=date(2026, 1, 5)) for n, c in pairs])


@pytest.mark.parametrize("name, text, redacted", [
    ("Ann", "Ann's sister, ANN, ann and Annabel", "C-1's sister, C-1, C-1 and Annabel"),
    ("Mary Jo", "mary jo's mother; Jo alone; Mary-Jo", "C-1's mother; C-1 alone; C-1"),
    ("Dev", "Dev said a dev at work is kind", "C-1 said a dev at work is kind"),  # a word as well as a name
    ("Will", "Will says he will", "C-1 says he will"),
    ("Amaan", "AMAAN and amaan", "C-1 and C-1"),
    (NFC, f"{NFD}, {NFD.upper()}, zoë, MÜLLER", "C-1, C-1, C-1, C-1"),
    (NFD, f"{NFC} came", "C-1 came"),
    ("Straße", "STRASSE", "C-1"),  # case-folded, not only lower-cased
])
def test_names_are_found_as_a_reader_would(name, text, redacted):
    assert matcher((name, "C-1")).redact(text) == redacted


def test_the_whole_name_first_then_a_word_of_it():
    found = matcher(("Mary Jo", "C-1"), ("Jo", "C-2")).redact("Jo met Mary Jo")
    assert found == "C-2 met C-1"


def test_finding_gives_the_client_and_where():
    text = "Later Ben rang."
    [hit] = matcher(("Ben", "B2")).find(text)
    assert (text[hit.start:hit.end], hit.code, hit.name) == ("Ben", "B2", "Ben")
