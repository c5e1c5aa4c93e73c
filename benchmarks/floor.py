"""The floor: the best Textual allows for the dashboard's selection change, on this machine.

    python benchmarks/floor.py [--moves 200]       # prints the median and p95

A bare Textual app laid out as the dashboard is (a header line, a list 44 columns wide, a
case header 10 rows high, two bordered panes of notes at 3fr and 2fr, a footer), at the
benchmark's 120x36, with its content made in memory (no store, no rules). Moving down the
list changes what the header and the panes show, the fastest way Textual offers:

- in the same tick as the highlight: the list's own watcher calls the app (a message
  would arrive after a frame that paints the highlight alone);
- the highlight repaints the two rows it left and reached, not the whole list;
- the header has a fixed height and is updated with `update(layout=False)`;
- the panes make only the notes that fill them, each wrapped once (its lines give its height
  and draw it), and their new virtual size and their (always present) scrollbar ask for no
  layout: one frame, no layout, per move. The pane is the dashboard's own `SteadyList` (it
  uses nothing but Textual), so the floor is the same pattern, not a copy that could drift.

It is timed exactly as the dashboard is (frames.py): key press to the end of the first frame
written that paints the header and both panes after the app showed the new row. The
caseload's selection figure is read against it: what the program adds to Textual's own cost.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from frames import FrameWatch, summary

WORDS = ("the session felt heavy again and I noticed my own wish to hurry past what she said about her "
         "mother; a long silence before the end, then a question about whether I would still be here in "
         "spring; worth bringing to supervision").split()
STRIP = "●●○✕●◑●●"


def text(seed: int, words: int) -> str:
    return " ".join(WORDS[(seed * 7 + k) % len(WORDS)] for k in range(words))


def build_app(rows: int):
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.containers import Horizontal, Vertical
    from textual.content import Content
    from textual.reactive import reactive
    from textual.widgets import Footer, Header, OptionList, Static
    from textual.widgets.option_list import Option

    from caseload_tui.tui.widgets.steady_list import SteadyList  # the pane pattern: Textual only, no store

    def row(i: int) -> Content:
        strip = STRIP[i % 3:] + STRIP[:i % 3]
        return Content.assemble((f" Client {i:05d}".ljust(15), "bold"), " ", (strip, "$success"),
                                (f"{i % 9 + 1:>3}w", "$foreground-muted"), " ", (f"?{i % 4}", "$text-accent"), " ",
                                (f"✎{i % 5}", "$text-secondary"))

    def header_lines(i: int) -> Content:
        return Content("\n").join([
            Content.assemble((f"Client {i:05d}", "bold"), "  ", (f"C{i:05d}", "$foreground-muted")),
            Content.assemble(("Regular: ", "bold $success"), text(i, 14)),
            Content.styled(f"since 3 Mar 2024 · weekly on Tuesday at {9 + i % 8}:00", "$foreground-muted"),
            Content.styled(f"last came {i % 6 + 1} days ago · next Tue {i % 28 + 1} Dec 10:00", "$foreground-muted"),
            Content.assemble(("themes: ", "$foreground-muted"), text(i + 3, 6)),
        ])

    def note(i: int, j: int, heading: str) -> Content:
        return Content.assemble((f"Thu {j % 28 + 1} Nov", "$foreground-muted"), "  ", (heading, "$text-primary"), "  ",
                                ("● still with me", "$text-warning"), "\n", text(i + j, 8 + (i * 3 + j * 5) % 40))

    class Pane(SteadyList):  # new notes repainted with no layout, each wrapped once (its docstring says how)
        def show(self, i: int, heading: str) -> None:
            height, lines = self.scrollable_content_region.height or 20, 0
            notes: list[Option | None] = []
            while lines <= height:  # the notes that fill the pane, as the dashboard's make them
                option = Option(note(i, len(notes) // 2, heading))
                lines += self.lines_of(option, divider=True)
                notes += [option, None]
            self.set_options(notes)

    class Rows(OptionList):
        highlighted: reactive[int | None] = reactive(None, repaint=False)

        def watch_highlighted(self, left: int | None, highlighted: int | None) -> None:
            for line in (left, highlighted):
                if line is not None:
                    self.refresh_line(line)
            super().watch_highlighted(highlighted)
            if highlighted is not None and self.is_mounted:
                self.app.show(highlighted)  # type: ignore[attr-defined]

    class FloorApp(App[None]):
        CSS = """
        Rows { width: 44; height: 1fr; scrollbar-gutter: stable; }
        Rows, Pane { border: round $primary-background; background: $background; }
        #side { width: 1fr; }
        #header { height: 10; padding: 0 1; }
        #thoughts { height: 3fr; } #questions { height: 2fr; }
        """
        BINDINGS = [Binding(key, key, label) for key, label in (
            ("t", "Thought"), ("f", "Question"), ("a", "Attend"), ("e", "Edit"), ("c", "Client+"), ("b", "Flag"),
            ("slash", "Search"), ("R", "Review"), ("S", "Supervise"), ("p", "Privacy"), ("question_mark", "Help"),
            ("q", "Quit"))]
        shown: int | None = None

        def compose(self) -> ComposeResult:
            yield Header()
            with Horizontal():
                yield Rows(*[Option(row(i)) for i in range(rows)], id="rows")
                with Vertical(id="side"):
                    yield Static(id="header")
                    yield Pane(id="thoughts")
                    yield Pane(id="questions")
            yield Footer(compact=True)

        def show(self, i: int) -> None:
            self.query_one("#header", Static).update(header_lines(i), layout=False)
            self.query_one("#thoughts", Pane).show(i, "insight")
            self.query_one("#questions", Pane).show(i, "? open")
            self.shown = i

    return FloorApp(), Pane, Static


async def measure_floor(moves: int) -> dict:
    app, pane_class, static_class = build_app(moves + 10)
    watch = FrameWatch().install()
    watch.watch(pane_class, "show")
    watch.watch(static_class, "update")
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            rows = app.query_one("#rows")
            rows.focus()
            await pilot.pause(0.2)
            header, thoughts, questions = (app.query_one(f"#{name}") for name in ("header", "thoughts", "questions"))
            times = []
            for _ in range(moves):
                target = 0 if rows.highlighted is None else rows.highlighted + 1
                times.append(await watch.after(pilot, "down", lambda target=target: app.shown == target and
                                               {header, thoughts, questions} <= watch.shown))
                await pilot.pause()
    finally:
        watch.uninstall()
    return {**summary(times), **watch.cpu_of(0)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    figures = asyncio.run(measure_floor(args.moves))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"floor: median {figures['median_ms']:.1f} ms, p95 {figures['p95_ms']:.1f} ms over {figures['n']} moves "
          f"(CPU median {figures['cpu_median_ms']:.1f} ms)")


if __name__ == "__main__":
    main()
