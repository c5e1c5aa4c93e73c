"""The in-process figures for one caseload file: grouping, search, selection change, save.

    python benchmarks/interact.py FILE RESULT.json [--queries 100] [--moves 200] [--saves 20] [--seed 1]
    python benchmarks/interact.py floor RESULT.json [--moves 200]

Run by bench.py in a fresh process per size (so one size's caches and memory never
help or hurt another's). FILE is changed (thoughts are saved into it): give a copy.

- grouping: as the dashboard groups the caseload: `CaseloadGroups` (every client's group counted in
  SQL, `store.tallies`), then the first screen's rows (a page of records) and the first client's
  placement; the median of several runs, each part also timed.
- search: `store.search(query, limit=100)`, as the search screen calls it, once per query.
- selection change: in the real app (headless, driven by Textual's Pilot at 120x36), from
  just before the "down" key is sent to the end of the first frame written that paints the
  case header and both panes (a graduate's arc in the questions' place) after the dashboard
  gave them what the newly highlighted row shows (frames.py: the header's `_show`, the panes'
  `show_notes` and the arc's `show` are watched; a frame paints a widget dirty when it was
  made, or every widget after a new layout).
- save: the thought form is opened ("t") and filled outside the timing; the timing runs
  from the ctrl+s key to the end of the first such frame in which the thoughts pane, given
  its notes again, lists the new thought.
- mind and room, patterns in me: from the key ("M", "P") on the dashboard to the end of the
  first frame that shows the screen with what it read (its clients' bars, its feelings);
  escape back outside the timing. Before the first opening, a moment's idle on the dashboard
  (after the saves), in which it reads both screens' readings ahead (screens/readings_ahead.py);
  every opening then shows the kept reading, which is used only while nothing it read has changed
  (a save in between reads afresh: that path is the figure before the readings were kept). Help
  ("?"), which reads nothing, is timed the same way: the floor of showing any screen over this dashboard.
- floor: the selection-change timing for the floor app (floor.py: the dashboard's layout
  and the fastest pattern Textual allows), in a process of its own.
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

from floor import measure_floor
from frames import FrameWatch, summary

from generate import ANCHOR, queries


def measure_grouping(store, thresholds, repeats: int) -> dict:
    """As the dashboard groups the caseload: every client's group counted in SQL (CaseloadGroups), then
    what its first screen draws: the first page of records (the rows) and the first client's placement."""
    from caseload_tui.caseload_groups import CaseloadGroups

    totals, groupings, rows = [], [], []
    for _ in range(repeats):
        began = time.perf_counter()
        groups = CaseloadGroups(store, ANCHOR, thresholds)
        grouped = time.perf_counter()
        first = groups.first()
        if first is not None:
            groups.placement(first)  # reads the first page of records with it
        done = time.perf_counter()
        totals.append(done - began)
        groupings.append(grouped - began)
        rows.append(done - grouped)
    return {"median_ms": statistics.median(totals) * 1e3, "group_ms": statistics.median(groupings) * 1e3,
            "rows_ms": statistics.median(rows) * 1e3, "n": repeats,
            "groups": {group.value: len(members) for group, members in groups.members.items()}}


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
    from caseload_tui.config import Settings
    from caseload_tui.tui.app import CaseloadApp
    from caseload_tui.tui.screens.help import HelpScreen
    from caseload_tui.tui.screens.mind import MindScreen
    from caseload_tui.tui.screens.patterns import PatternsScreen
    from caseload_tui.tui.screens.readings_ahead import GROUP, IDLE_SECONDS, POLL_SECONDS, READERS
    from caseload_tui.tui.widgets.arc_pane import ArcPane
    from caseload_tui.tui.widgets.case_header import CaseHeader
    from caseload_tui.tui.widgets.caseload_list import CaseloadList, parse_id
    from caseload_tui.tui.widgets.notes_panes import NotesPane, ThoughtsPane

    watch = FrameWatch().install()
    for owner, name in ((CaseHeader, "_show"), (NotesPane, "show_notes"), (ArcPane, "show")):
        watch.watch(owner, name)  # what the dashboard gives new content: awaited until a frame paints it
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
            header, thoughts = screen.query_one(CaseHeader), screen.query_one(ThoughtsPane)
            questions, arc = screen.query_one("#questions"), screen.query_one(ArcPane)

            async def after(key: str, ready) -> float:
                took = await watch.after(pilot, key, ready)
                await settle()
                return took

            async def settle() -> None:
                """Wait for any re-reading of the caseload to finish, so one timing never overlaps the next."""
                for _ in range(10_000):
                    if not any(w.group == "load" and not w.is_finished for w in app.workers):
                        break
                    await pilot.pause(0.005)
                await pilot.pause()

            async def read_ahead() -> None:
                """A moment's idle on the dashboard, as between saving a note and pressing M: it reads both
                screens' readings ahead then (screens/readings_ahead.py); wait until both are kept."""
                await pilot.pause(IDLE_SECONDS + POLL_SECONDS)
                for _ in range(10_000):
                    if not any(w.group == GROUP and not w.is_finished for w in app.workers) and all(
                            screen.readings.held(kind, key) for kind, (weeks, _) in READERS.items()
                            if (key := screen.readings.key(screen, weeks)) is not None):
                        break
                    await pilot.pause(0.01)

            def showing(wanted) -> bool:
                """The list on the wanted row, and the header and both panes (a graduate's arc for the
                questions) given what it shows."""
                beside = arc if screen.has_class("-graduate") else questions
                return caseload.current == wanted and {header, thoughts, beside} <= watch.shown

            await settle()
            move_times, rows_seen, cpu_at = [], set(), {"selection": len(watch.cpu)}
            for _ in range(moves):
                target = caseload.highlighted + 1
                if target >= caseload.option_count:
                    break
                wanted = parse_id(caseload.get_option_at_index(target).id)
                move_times.append(await after("down", lambda wanted=wanted: showing(wanted)))
                rows_seen.add(wanted[0])

            # Back to a client, to save thoughts about them.
            if caseload.current[0] != "client":
                caseload.highlighted = caseload.get_option_index(next(
                    option.id for option in caseload.options if option.id.startswith("client:")))
                await settle()
            save_times, cpu_at["save"] = [], len(watch.cpu)
            for i in range(saves):
                marker = f"benchmark thought {i} zqxj"
                await pilot.press("t")
                await pilot.pause()
                app.screen.query_one("#body").text = marker
                app.screen.query("#kind RadioButton").first().value = True  # the form asks the kind: insight
                await settle()

                def listed(marker=marker) -> bool:
                    return app.screen is screen and thoughts in watch.shown and any(
                        marker in getattr(option.prompt, "plain", "") for option in thoughts.options[:4])

                save_times.append(await after("ctrl+s", listed))

            def drawn(kind) -> bool:
                shown = app.screen
                if kind is HelpScreen:  # reads nothing: what showing any screen over this dashboard takes
                    return isinstance(shown, kind)
                return isinstance(shown, kind) and (shown.reading if kind is MindScreen else shown.found) is not None

            await read_ahead()
            opened = (("M", MindScreen, "mind_screen"), ("P", PatternsScreen, "patterns_screen"),
                      ("question_mark", HelpScreen, "help_screen"))
            shown_times: dict[str, list[float]] = {figure: [] for _, _, figure in opened}
            shown_cpu: dict[str, list[float]] = {figure: [] for _, _, figure in opened}
            cpu_at["screens"] = len(watch.cpu)
            for _ in range(screens):
                for key, kind, figure in opened:
                    shown_times[figure].append(await after(key, lambda kind=kind: drawn(kind)))
                    shown_cpu[figure].append(watch.cpu[-1])
                    await pilot.press("escape")
                    await settle()
    finally:
        watch.uninstall()
    return {"selection": {**summary(move_times), **watch.cpu_of(cpu_at["selection"], cpu_at["save"]),
                          "kinds": sorted(rows_seen)},
            "save": {**summary(save_times), **watch.cpu_of(cpu_at["save"], cpu_at["screens"])},
            **{figure: {**summary(times), "cpu_median_ms": summary(shown_cpu[figure])["median_ms"],
                        "cpu_p95_ms": summary(shown_cpu[figure])["p95_ms"]} for figure, times in shown_times.items()}}


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
