"""Checkboxes and radio buttons whose state is in the glyph, not only in its colour.

Textual draws every checkbox as "▐X▌" and every radio button as "▐●▌", on or off, and tells them apart
by colour alone: on a monochrome terminal, with NO_COLOR, or read aloud, "on" and "off" look the same.
Here a checkbox is ☑ or ☐ and a radio button ◉ or ○ (render.CHECKBOX_GLYPHS, render.RADIO_GLYPHS).
Forms import these in place of Textual's, under the same names.
"""

from __future__ import annotations

from textual import widgets
from textual.content import Content

from .. import render


class _StateInTheGlyph:
    GLYPHS: tuple[str, str]  # (on, off)
    value: bool

    @property
    def _button(self) -> Content:
        on, off = self.GLYPHS
        return Content.styled(on if self.value else off, "bold $text-success" if self.value else "$foreground-muted")


class Checkbox(_StateInTheGlyph, widgets.Checkbox):
    """A checkbox that shows ☑ when ticked and ☐ when not."""

    GLYPHS = render.CHECKBOX_GLYPHS


class RadioButton(_StateInTheGlyph, widgets.RadioButton):
    """A radio button that shows ◉ when chosen and ○ when not."""

    GLYPHS = render.RADIO_GLYPHS
