"""The caseload on the left: three titled groups, a row per client."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import Client, ClientRecord, Group
from ...rules import recent_strip, since_short
from .. import render
from .caseload_jump import TypeToJump
from .caseload_rows import PRACTICE_ID, RowIds, RowIndexes, RowLineCache, Rows, client_option_id

NAME_WIDTH = 14
ROOM_FOR_NAMES = 44  # the widest the list grows so that a long name shows its first words (narrow screens)
CHROME = 5  # the list's border, padding and its scrollbar's gutter


def stored_id(client: Client) -> int:
    """The id of a client read from the store (every client the list shows has one)."""
    if client.id is None:
        raise ValueError("a client not yet saved has no row")
    return client.id


def group_id(group: Group) -> str:
    return f"group:{group.value}"


def client_id(client_id: int) -> str:
    return client_option_id(client_id)


def parse_id(option_id: str | None) -> tuple[str, str | int | None]:
    """('client', 12), ('group', 'absentees'), ('practice', None) or ('none', None)."""
    if not option_id:
        return "none", None
    kind, _, rest = option_id.partition(":")
    if kind == "client":
        return "client", int(rest)
    if kind == "group":
        return "group", rest
    return kind, None


@dataclass(frozen=True)
class Case:
    """What a row of the list stands for: a client, a group, my practice, or (all empty) nothing."""

    client_id: int | None = None
    group: Group | None = None
    practice: bool = False

    @classmethod
    def of_option(cls, option_id: str | None) -> Case:
        kind, value = parse_id(option_id)
        if kind == "client" and isinstance(value, int):
            return cls(client_id=value)
        if kind == "group" and isinstance(value, str):
            return cls(group=Group(value))
        return cls(practice=kind == "practice")


ROW_EXTRAS = 24  # everything on a row but the name: strip, a gap, last seen ("today" fills it), counts, flag


def client_row(record: ClientRecord, now: datetime, name_width: int = NAME_WIDTH) -> Content:
    """Name, the last eight sessions, last seen, open questions, lingering thoughts, flag."""
    strip, in_my_break = recent_strip(record, now)  # not summarise: a row shows no next session
    last = since_short(record.last_attended, now).rjust(5)
    questions = f"?{record.open_questions}" if record.open_questions else "  "
    thoughts = f"✎{record.lingering_thoughts}" if record.lingering_thoughts else "  "
    flag = ("⚑", "$accent") if record.client.bring_to_supervision else " "
    return render.join(
        " ",
        render.client_name(record.client, name_width),
        " ",
        render.strip(strip, in_my_break),
        " ",
        (last, "$foreground-muted"),
        " ",
        (questions.ljust(3), "$text-accent"),
        (thoughts.ljust(3), "$text-secondary"),
        flag,
    )


def group_row(group: Group, count: int) -> Content:
    return render.join((f"{group.heading} ", f"bold {render.GROUP_STYLES[group]}"), (f"({count})", "$foreground-muted"))


@dataclass(frozen=True)
class Shown:
    """What the list shows: each group's clients by id in order, how to read a client's record when their row
    is drawn, every client (for type to jump, read when first asked), the longest name's length, `now`."""

    members: Mapping[Group, Sequence[int]]
    record: Callable[[int], ClientRecord | None]  # None: gone since (deleted in another window)
    clients: Callable[[], Iterable[Client]]
    longest: int
    now: datetime
    practice_thoughts: int


class CaseloadList(TypeToJump):
    """Group titles and client rows; highlighting one tells the screen what to show.

    The screen hands the list its reaction (`on_case`), called in the same tick as the
    highlight moves: the highlighted row and what it shows are painted in one frame. (A
    message would reach the screen after the frame that paints the highlight alone.) A
    row highlighted by the program (`select_*`, `show`) calls nothing: the caller shows it.

    Virtualised for large caseloads: a row is one line by design (names are cut to fit),
    so rows are counted rather than measured (OptionList measures every option, which
    means making all of them), and each client's row is only made when it is first drawn
    or read. Showing 10,000 clients makes a few dozen rows, not 10,000. (This replaces
    OptionList's line cache and `_update_lines`, internals of the pinned Textual 8.2.8.)
    """

    DEFAULT_CSS = """
    CaseloadList { width: 44; height: 1fr; scrollbar-gutter: stable; }
    """

    _shown: tuple[int, Shown] | None = None

    # Moving the highlight repaints the two rows it left and reached (a row is a line), not the list.
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def __init__(self, *args, on_case: Callable[[], object] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._on_case = on_case
        self._quiet = 0  # > 0 while the program moves the highlight itself
        self._line_cache = RowLineCache(self._options)  # type: ignore[assignment]  # same face, nothing stored

    @property
    def name_width(self) -> int:
        """Names take what the row leaves, so rows never wrap at 80 columns."""
        width = self.scrollable_content_region.width or 44
        return max(6, min(24, width - ROW_EXTRAS - 1))

    def on_resize(self) -> None:
        if self._shown is not None and self._shown[0] != self.name_width:
            self.show(self._shown[1])

    def show(self, shown: Shown) -> None:
        """Rebuild the rows, keeping the highlighted row (by identity) and the scroll position. A client's row
        is made (and their record read) only when it is drawn."""
        # Where the screen's width would cut names, the list grows (up to a point) to show the longest whole.
        self.styles.min_width = min(ROOM_FOR_NAMES, shown.longest + ROW_EXTRAS + 1 + CHROME)
        width = self.name_width
        self._shown = (width, shown)
        keep = self.highlighted_option.id if self.highlighted_option else None
        scroll = self.scroll_y
        make = partial(self._make_row, shown.record, shown.now, width)
        practice = render.join(("My practice ", "bold $primary"),
                               (f"({shown.practice_thoughts})" if shown.practice_thoughts else "", "$foreground-muted"))
        titles = [Option(group_row(group, len(members)), id=group_id(group))
                  for group, members in shown.members.items()]
        rows = Rows(titles, list(shown.members.values()), make, Option(practice, id=PRACTICE_ID))
        with self.prevent(OptionList.OptionHighlighted), self._quietly():
            self._set_rows(rows)
            if keep is not None:
                self.select_id(keep)
            self.scroll_to(y=scroll, animate=False, immediate=True)

    def _set_rows(self, rows: Rows) -> None:
        """What OptionList.set_options does, with options made only when drawn or read (caseload_rows.py)."""
        self._options = rows  # type: ignore[assignment]  # a list's face
        self._line_cache = RowLineCache(rows)  # type: ignore[assignment]
        self._id_to_option = RowIds(rows)  # type: ignore[assignment]
        self._option_to_index = RowIndexes(rows)  # type: ignore[assignment]
        self._option_render_cache.clear()
        self.highlighted = None
        self.scroll_y = 0
        if self.is_mounted:
            self.refresh()
            self._update_lines()

    @staticmethod
    def _make_row(record: Callable[[int], ClientRecord | None], now: datetime, width: int, client_id_: int) -> Content:
        found = record(client_id_)
        if found is None:  # the list is made again when the dashboard next reads the caseload (within 2 s)
            return render.label("…", "$foreground-muted")
        return client_row(found, now, name_width=width)

    def update_row(self, record: ClientRecord, now: datetime) -> None:
        """Redraw one client's row in place (after a save changed it); every other row stays as it is."""
        row_id = client_id(stored_id(record.client))
        option = self.get_option(row_id)
        option._set_prompt(client_row(record, now, self.name_width))
        for drawn in [key for key in self._option_render_cache.keys() if key[0] is option]:  # noqa: SIM118 - not a dict
            self._option_render_cache.discard(drawn)  # that row's drawing; the others' are kept
        self.refresh_line(self.get_option_index(row_id))

    # A row is always one line, so the list's lines are its rows: nothing needs measuring.

    def _update_lines(self) -> None:
        if not self.scrollable_content_region:
            return
        width = self.scrollable_content_region.width - self._get_left_gutter_width()
        virtual_size = Size(width, len(self._options))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._options)

    _lit: int | None = None  # the row drawn highlighted

    def watch_highlighted(self, highlighted: int | None) -> None:
        for row in (self._lit, highlighted):
            if row is not None:
                self.refresh_line(row)
        self._lit = highlighted
        super().watch_highlighted(highlighted)  # scrolled into view (a scroll repaints every row)
        if highlighted is not None and not self._quiet and self._on_case is not None:
            self._on_case()

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def select_id(self, option_id: str) -> bool:
        """Highlight a row by its id (the caller shows it); False if it has gone."""
        try:
            index = self.get_option_index(option_id)
        except Exception:  # noqa: BLE001 - OptionDoesNotExist: the row has gone
            return False
        with self._quietly():
            self.highlighted = index
        return True

    def select_client(self, client_id_: int) -> bool:
        """Highlight a client's row; False if they have no row."""
        return self.select_id(client_id(client_id_))

    def select_group(self, group: Group) -> bool:
        return self.select_id(group_id(group))

    def select_practice(self) -> bool:
        return self.select_id(PRACTICE_ID)

    def jump_clients(self) -> Iterator[tuple[str, Client]]:
        """(option id, client) of every client row in the list's order, for `j` (caseload_jump.py)."""
        for client in (self._shown[1].clients() if self._shown else ()):
            yield client_id(stored_id(client)), client

    @property
    def case(self) -> Case:
        """What the highlighted row stands for."""
        option = self.highlighted_option
        return Case.of_option(option.id if option else None)

    @property
    def current(self) -> tuple[str, str | int | None]:
        """The highlighted row as ('client', 12), ('group', 'absentees'), ('practice', None) or ('none', None)."""
        option = self.highlighted_option
        return parse_id(option.id if option else None)
