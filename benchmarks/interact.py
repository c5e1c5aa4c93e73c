"""The in-process figures for one caseload file: grouping, search, selection change, save.

    python benchmarks/interact.py FILE RESULT.json [--queries 100] [--moves 200] [--saves 20] [--seed 1]
    python benchmarks/interact.py floor RESULT.json [--moves 200]

Run by bench.py in a fresh process per size (so one size's caches and memory never
help or hurt another's). FILE is changed (thoughts are saved into it): give a copy.

- grouping: `store.records(now)` then `rules.group_caseload(...)`, as the dashboard and
  `caseload groups` read the caseload; the median of several runs, each part also timed.
- search: `store.search(query, limit=100)`, as the search screen calls it, once per query.
- selection change: in the real app (headless, driven by Textual's Pilot at 120x36), from
  the moment the "down" key is sent to the end of the first screen refresh (the
  compositor's update: the frame a terminal would be sent) that paints the case header and
  both panes after the dashboard has shown the newly highlighted row's client (or group)
  in them. DashboardScreen.show_selection is wrapped to note what it showed, and
  Screen._compositor_refresh to note which widgets each frame painted (those dirty when
  it was made, or all of them after a new layout) and when it was done.
- save: the thought form is opened ("t") and filled outside the timing; the timing runs
  from the ctrl+s key to the end of the first such frame in which the new thought is listed.
  (Headless, the frame is composed but not turned into escape sequences; that last step
  is in the start-up figure, which runs in a real pseudo-terminal.) Only frames Textual
  actually writes count (App._display is watched), never ones it holds back.
- mind and room, patterns in me: from the key ("M", "P") on the dashboard to the end of the
  first frame that shows the screen with what it read (its clients' bars, its feelings);
  escape back outside the timing, so each opening reads the caseload afresh.
- floor: the selection-change timing for a bare Textual app (see measure_floor), in a
  process of its own: what Textual itself takes for such a change on this machine.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import ANCHOR, queries


def summary(samples: list[float]) -> dict:
    """Median, 95th percentile and max, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"median_ms": statistics.median(ordered) * 1e3, "p95_ms": p95 * 1e3, "max_ms": ordered[-1] * 1e3,
            "n": len(ordered), "all_ms": [round(t * 1e3, 1) for t in samples]}


def measure_grouping(store, thresholds, repeats: int) -> dict:
    from caseload_tui.rules import group_caseload

    totals, reads, groupings = [], [], []
    for _ in range(repeats):
        began = time.perf_counter()
        records = store.records(ANCHOR)
        read = time.perf_counter()
        grouped = group_caseload(records, ANCHOR, thresholds)
        done = time.perf_counter()
        totals.append(done - began)
        reads.append(read - began)
        groupings.append(done - read)
    return {"median_ms": statistics.median(totals) * 1e3, "read_ms": statistics.median(reads) * 1e3,
            "group_ms": statistics.median(groupings) * 1e3, "n": repeats,
            "groups": {group.value: len(members) for group, members in grouped.items()}}


def measure_search(store, seed: int, n: int) -> dict:
    asked = queries(seed, n)
    store.search(asked[0], limit=100)  # warm the statement cache, as any use of the app would
    times, found = [], 0
    for query in asked:
        began = time.perf_counter()
        hits = store.search(query, limit=100)
        times.append(time.perf_counter() - began)
        found += bool(hits)
    return {**summary(times), "queries_with_hits": found}


async def measure_ui(store, moves: int, saves: int, screens: int = 10) -> dict:
    from textual.app import App
    from textual.screen import Screen

    from caseload_tui.config import Settings
    from caseload_tui.tui.app import CaseloadApp
    from caseload_tui.tui.screens.dashboard import DashboardScreen
    from caseload_tui.tui.widgets.caseload_list import CaseloadList, parse_id
    from caseload_tui.tui.widgets.notes_panes import ThoughtsPane

    frames: list[float] = []  # when each frame showing what is awaited was done
    awaited = [lambda: False]
    showing: list = [None]  # what the dashboard last showed: ("client", 12), ("group", "regulars")...
    unpainted: set = set()  # what the dashboard changed that no frame has painted yet
    written: list[bool] = []
    show_selection, compositor_refresh = DashboardScreen.show_selection, Screen._compositor_refresh
    display = App._display

    def noting_show_selection(screen, *args, **kwargs):
        result = show_selection(screen, *args, **kwargs)
        showing[0] = screen.query_one(CaseloadList).current
        unpainted.update(screen.query_one(f"#{name}") for name in ("case-header", "thoughts", "questions"))
        return result

    def noting_display(app, screen, renderable):
        if renderable is not None and not app._batch_count and app._running and not app._closed:
            written.append(True)  # a frame a terminal would be sent (headless, it is made, then dropped)
        return display(app, screen, renderable)

    def noting_compositor_refresh(screen):
        full = screen._layout_required or screen in screen._dirty_widgets  # a new layout repaints all
        painted = set(screen._dirty_widgets)
        written.clear()
        compositor_refresh(screen)
        if screen is not screen.app.screen or not written:
            return  # not the screen shown, or no frame (nothing changed, or a frame held back)
        if full:
            unpainted.clear()
        else:
            unpainted.difference_update(painted)
        if not unpainted and awaited[0]():
            frames.append(time.perf_counter())

    DashboardScreen.show_selection = noting_show_selection
    Screen._compositor_refresh = noting_compositor_refresh
    App._display = noting_display
    app = CaseloadApp(store, clock=lambda: ANCHOR, settings=Settings())
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(3000):  # the caseload is read in a worker
                if getattr(app.screen, "loaded", False):
                    break
                await pilot.pause(0.01)
            screen = app.screen
            caseload = screen.query_one(CaseloadList)
            caseload.focus()

            async def after(key: str, ready) -> float:
                """Seconds from sending `key` to the refresh after the dashboard first showed `ready()`."""
                frames.clear()
                showing[0] = None
                unpainted.clear()
                awaited[0] = ready
                began = time.perf_counter()
                await pilot.press(key)
                for _ in range(10_000):
                    if frames:
                        break
                    await asyncio.sleep(0.001)
                else:
                    raise RuntimeError(f"the dashboard never showed the result of {key}")
                awaited[0] = lambda: False
                await settle()
                return frames[0] - began

            async def settle() -> None:
                """Wait for any re-reading of the caseload to finish, so one timing never overlaps the next."""
                for _ in range(10_000):
                    if not any(w.group == "load" and not w.is_finished for w in app.workers):
                        break
                    await pilot.pause(0.005)
                await pilot.pause()

            await settle()
            move_times, rows_seen = [], set()
            for _ in range(moves):
                target = caseload.highlighted + 1
                if target >= caseload.option_count:
                    break
                wanted = parse_id(caseload.get_option_at_index(target).id)
                move_times.append(await after("down", lambda wanted=wanted: showing[0] == wanted))
                rows_seen.add(wanted[0])

            # Back to a client, to save thoughts about them.
            if caseload.current[0] != "client":
                caseload.highlighted = caseload.get_option_index(next(
                    option.id for option in caseload.options if option.id.startswith("client:")))
                await settle()
            pane = screen.query_one(ThoughtsPane)
            save_times = []
            for i in range(saves):
                marker = f"benchmark thought {i} zqxj"
                await pilot.press("t")
                await pilot.pause()
                app.screen.query_one("#body").text = marker
                await settle()

                def listed(marker=marker) -> bool:
                    return app.screen is screen and any(
                        marker in getattr(option.prompt, "plain", str(option.prompt)) for option in pane.options[:4])

                save_times.append(await after("ctrl+s", listed))

            from caseload_tui.tui.screens.mind import MindScreen
            from caseload_tui.tui.screens.patterns import PatternsScreen

            def drawn(kind) -> bool:
                shown = app.screen
                return isinstance(shown, kind) and (shown.reading if kind is MindScreen else shown.found) is not None

            shown_times: dict[str, list[float]] = {"mind_screen": [], "patterns_screen": []}
            for _ in range(screens):
                for key, kind, figure in (("M", MindScreen, "mind_screen"), ("P", PatternsScreen, "patterns_screen")):
                    shown_times[figure].append(await after(key, lambda kind=kind: drawn(kind)))
                    await pilot.press("escape")
                    await settle()
    finally:
        DashboardScreen.show_selection, Screen._compositor_refresh = show_selection, compositor_refresh
        App._display = display
    return {"selection": {**summary(move_times), "kinds": sorted(rows_seen)}, "save": summary(save_times),
            **{figure: summary(times) for figure, times in shown_times.items()}}


async def measure_floor(moves: int) -> dict:
    """The same key-to-frame timing for a bare Textual app: moving down an OptionList updates a
    Static (height auto, like the case header) and a second OptionList (like a pane).

    It shows what Textual itself takes for such a change (its frames are paced at 60 a
    second, and the widgets that change after a highlight are painted in a later frame
    than the list), so the caseload's figure can be read against it.
    """
    from textual.app import App, ComposeResult
    from textual.containers import Horizontal, Vertical
    from textual.screen import Screen
    from textual.widgets import OptionList, Static

    class FloorApp(App[None]):
        CSS = "#rows { width: 44; height: 1fr; } #side { width: 1fr; } #pane { height: 1fr; }"

        def compose(self) -> ComposeResult:
            with Horizontal():
                yield OptionList(*[f"row {i}" for i in range(moves + 10)], id="rows")
                with Vertical(id="side"):
                    yield Static("", id="header")
                    yield OptionList(id="pane")

        def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
            if event.option_list.id == "rows":
                i = event.option_index
                self.query_one("#header", Static).update(f"row {i}\n" + "more\n" * (i % 3))
                self.query_one("#pane", OptionList).set_options([f"note {i}.{j}\nits text" for j in range(1 + i % 7)])
                self.shown = i

    frames: list[float] = []
    unpainted: set = set()
    compositor_refresh = Screen._compositor_refresh

    def noting_compositor_refresh(screen):
        full = screen._layout_required or screen in screen._dirty_widgets
        painted = set(screen._dirty_widgets)
        compositor_refresh(screen)
        if full:
            unpainted.clear()
        else:
            unpainted.difference_update(painted)
        if not unpainted and getattr(screen.app, "shown", None) == awaited[0]:
            frames.append(time.perf_counter())

    awaited = [None]
    Screen._compositor_refresh = noting_compositor_refresh
    try:
        app = FloorApp()
        async with app.run_test(size=(120, 36)) as pilot:
            rows = app.query_one("#rows", OptionList)
            rows.focus()
            await pilot.pause(0.2)
            times = []
            for _ in range(moves):
                target = 0 if rows.highlighted is None else rows.highlighted + 1
                frames.clear()
                awaited[0] = target
                unpainted.update((app.query_one("#header"), app.query_one("#pane")))
                began = time.perf_counter()
                await pilot.press("down")
                for _ in range(10_000):
                    if frames:
                        break
                    await asyncio.sleep(0.001)
                times.append(frames[0] - began)
                awaited[0] = None
                await pilot.pause()
    finally:
        Screen._compositor_refresh = compositor_refresh
    return summary(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db", help="the caseload file, or 'floor' for the bare Textual app's figure alone")
    parser.add_argument("result")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--grouping-runs", type=int, default=5)
    parser.add_argument("--screens", type=int, default=10, help="openings of each of Mind and room, Patterns in me")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    if args.db == "floor":  # in a process of its own, like every size
        Path(args.result).write_text(json.dumps(asyncio.run(measure_floor(args.moves)), indent=2), encoding="utf-8")
        return

    from caseload_tui.config import Settings
    from caseload_tui.store import Store

    store = Store.open(args.db)
    try:
        result = {
            "grouping": measure_grouping(store, Settings().thresholds, args.grouping_runs),
            "search": measure_search(store, args.seed, args.queries),
        }
        # As `caseload` does just before it runs the dashboard (cli.main): what is loaded by
        # then is set aside from garbage collection. (Collected first: unlike the program
        # at that point, this process has just made and dropped the figures above.)
        gc.collect()
        gc.freeze()
        result.update(asyncio.run(measure_ui(store, args.moves, args.saves, args.screens)))
    finally:
        store.close()
    Path(args.result).write_text(json.dumps(result, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
