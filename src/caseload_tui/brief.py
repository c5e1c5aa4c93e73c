"""The supervision brief and the redaction it (and privacy mode) relies on."""

from __future__ import annotations

import re


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
