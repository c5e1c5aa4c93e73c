"""The caseload on the left: three titled groups, a row per client."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...model import ClientRecord, Group, Placement
from ...rules import STRIP_LENGTH, since_short, summarise
from .. import render

PRACTICE_ID = "practice"
NAME_WIDTH = 14


def group_id(group: Group) -> str:
    return f"group:{group.value}"


def client_id(client_id: int) -> str:
    return f"client:{client_id}"


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


ROW_EXTRAS = 23  # everything on a row but the name: strip, last seen, counts, flag


def client_row(record: ClientRecord, now: datetime, thresholds, name_width: int = NAME_WIDTH) -> Content:
    """Name, the last eight sessions, last seen, open questions, lingering thoughts, flag."""
    summary = summarise(record, now, thresholds)
    last = since_short(record.last_attended, now).rjust(5)
    questions = f"?{record.open_questions}" if record.open_questions else "  "
    thoughts = f"✎{record.lingering_thoughts}" if record.lingering_thoughts else "  "
    flag = ("⚑", "$accent") if record.client.bring_to_supervision else " "
    return render.join(
        " ",
        render.client_name(record.client, name_width),
        " ",
        render.strip(summary.strip[-STRIP_LENGTH:]),
        (last, "$foreground-muted"),
        " ",
        (questions.ljust(3), "$text-accent"),
        (thoughts.ljust(3), "$text-secondary"),
        flag,
    )


def group_row(group: Group, count: int) -> Content:
    return render.join((f"{group.title} ", f"bold {render.GROUP_STYLES[group]}"), (f"({count})", "$foreground-muted"))


class CaseloadList(OptionList):
    """Group titles and client rows; highlighting one tells the screen what to show."""

    DEFAULT_CSS = """
    CaseloadList { width: 44; height: 1fr; scrollbar-gutter: stable; }
    """

    _shown: tuple | None = None

    @property
    def name_width(self) -> int:
        """Names take what the row leaves, so rows never wrap at 80 columns."""
        width = self.scrollable_content_region.width or 44
        return max(6, min(24, width - ROW_EXTRAS - 1))

    def on_resize(self) -> None:
        if self._shown is not None and self._shown[0] != self.name_width:
            self.show(*self._shown[1:])

    def show(self, grouped: dict[Group, list[tuple[ClientRecord, Placement]]], now: datetime,
             thresholds, practice_thoughts: int) -> None:
        """Rebuild the rows, keeping the highlighted row (by identity) and the scroll position."""
        width = self.name_width
        self._shown = (width, grouped, now, thresholds, practice_thoughts)
        keep = self.highlighted_option.id if self.highlighted_option else None
        scroll = self.scroll_y
        options: list[Option | None] = []
        for group, members in grouped.items():
            options.append(Option(group_row(group, len(members)), id=group_id(group)))
            for record, _ in members:
                options.append(Option(client_row(record, now, thresholds, width), id=client_id(record.client.id)))
        practice = render.join(("My practice ", "bold $primary"),
                               (f"({practice_thoughts})" if practice_thoughts else "", "$foreground-muted"))
        options.append(Option(practice, id=PRACTICE_ID))
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            if keep is not None:
                self.select_id(keep)
            self.scroll_to(y=scroll, animate=False, immediate=True)

    def update_row(self, record: ClientRecord, now: datetime, thresholds) -> None:
        """Redraw one client's row in place."""
        self.replace_option_prompt(client_id(record.client.id), client_row(record, now, thresholds, self.name_width))

    def select_id(self, option_id: str) -> bool:
        try:
            self.highlighted = self.get_option_index(option_id)
        except Exception:  # noqa: BLE001 - OptionDoesNotExist: the row has gone
            return False
        return True

    @property
    def current(self) -> tuple[str, str | int | None]:
        option = self.highlighted_option
        return parse_id(option.id if option else None)
