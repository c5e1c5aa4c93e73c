"""A note field's lines as it draws them, for measuring: each control character as its one-cell picture.

A note field keeps what was typed or pasted byte for byte and draws each control character as its
picture (render.field_line, one character for one). Textual measures a text area's cursor, wraps and
clicks on the text it holds, where a control character takes no cell, so after a pasted ESC the cursor
stood a cell to the left of where it is drawn. Its wrapped view (and so its navigator) is built over
these pictured lines instead: the same columns, measured in the cells they are drawn in.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast, overload

from textual.document._document import DocumentBase
from textual.document._wrapped_document import WrappedDocument

from .render import field_line


class _PicturedList(Sequence[str]):
    """The document's lines, each pictured when read (a slice as a list, as WrappedDocument reads it)."""

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [field_line(line) for line in self._lines[index]]
        return field_line(self._lines[index])


class PicturedLines:
    """What WrappedDocument and DocumentNavigator read of a document, as it is drawn."""

    def __init__(self, document: DocumentBase) -> None:
        self._document = document

    @property
    def lines(self) -> _PicturedList:
        return _PicturedList(self._document.lines)

    @property
    def line_count(self) -> int:
        return self._document.line_count

    def get_line(self, index: int) -> str:
        return field_line(self._document.get_line(index))

    def __getitem__(self, index: int) -> str:
        return field_line(self._document[index])


def pictured_wrapping(document: DocumentBase, tab_width: int) -> WrappedDocument:
    """The wrapped view of `document` measured on its pictured lines (a view: it reads them as they change)."""
    return WrappedDocument(cast(DocumentBase, PicturedLines(document)), tab_width=tab_width)

