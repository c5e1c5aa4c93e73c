"""Where a selection change and a save spend their CPU: the profile behind the benchmark's figures.

    python benchmarks/profile_change.py S|M|L [--moves 60] [--saves 5] [--cache-dir DIR]

On a copy of the benchmark's cached caseload (bench.py makes it), headless at 120x36 like
interact.py, it moves down the caseload list and saves thoughts, and prints for each: the
CPU time (this thread's, so the machine's load counts little) spent in the dashboard's own
code (`show_selection`, `refresh_client`), in each widget's painting (StylesCache.render_widget,
by widget), in whole frames and in layouts, and how many frames and layouts each took. The
benchmark's clock figures are these CPU costs plus the wait for a core.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench import DEFAULT_CACHE  # noqa: E402

from generate import ANCHOR, GENERATOR_VERSION  # noqa: E402


class Costs:
    """CPU milliseconds by part, collected while `on` is set, for the action now being timed."""

    def __init__(self) -> None:
        self.on = False
        self.now: collections.defaultdict[str, float] = collections.defaultdict(float)
        self.actions: list[dict[str, float]] = []

    def timed(self, part, original):
        costs = self

        def wrapper(*args, **kwargs):
            began = time.thread_time()
            try:
                return original(*args, **kwargs)
            finally:
                if costs.on:
                    name = part(*args) if callable(part) else part
                    costs.now[name] += (time.thread_time() - began) * 1e3
                    costs.now[f"{name} (count)"] += 1
        return wrapper

    def patch(self, owner, name: str, part) -> None:
        setattr(owner, name, self.timed(part, getattr(owner, name)))

    def start(self) -> None:
        self.now = collections.defaultdict(float)
        self.on = True

    def stop(self) -> None:
        self.on = False
        self.actions.append(dict(self.now))

    def report(self, title: str) -> None:
        parts = sorted({k for action in self.actions for k in action if not k.endswith("(count)")},
                       key=lambda k: -statistics.median(a.get(k, 0.0) for a in self.actions))
        print(f"{title}: {len(self.actions)} timed; CPU ms per action, median / p95 (and count per action)")
        for part in parts:
            values = sorted(a.get(part, 0.0) for a in self.actions)
            counts = [a.get(f"{part} (count)", 0.0) for a in self.actions]
            p95 = values[min(len(values) - 1, max(0, round(0.95 * len(values)) - 1))]
            print(f"  {part:<44} {statistics.median(values):6.1f} / {p95:6.1f}   ({statistics.mean(counts):.1f})")
        self.actions.clear()


async def profile(db: Path, moves: int, saves: int) -> None:
    from textual._styles_cache import StylesCache
    from textual.screen import Screen

    from caseload_tui.config import Settings
    from caseload_tui.store import Store
    from caseload_tui.tui.app import CaseloadApp
    from caseload_tui.tui.screens.dashboard import DashboardScreen
    from caseload_tui.tui.widgets.caseload_list import CaseloadList

    costs = Costs()
    costs.patch(Screen, "_compositor_refresh", "a frame (all of it)")
    costs.patch(Screen, "_refresh_layout", "a layout (and its frame)")
    costs.patch(StylesCache, "render_widget", lambda cache, widget, crop: f"  painting {type(widget).__name__}")
    costs.patch(DashboardScreen, "show_selection", "dashboard: show_selection (reads, content)")
    costs.patch(DashboardScreen, "refresh_client", "dashboard: refresh_client (after a save)")
    store = Store.open(db)
    app = CaseloadApp(store, clock=lambda: ANCHOR, settings=Settings())
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(3000):
            if getattr(app.screen, "loaded", False):
                break
            await pilot.pause(0.01)
        screen = app.screen
        caseload = screen.query_one(CaseloadList)
        caseload.focus()
        await pilot.pause(0.3)
        for _ in range(moves):
            costs.start()
            await pilot.press("down")
            await pilot.pause(0.05)
            costs.stop()
        costs.report("selection change")
        if caseload.current[0] != "client":
            caseload.highlighted = caseload.get_option_index(next(
                option.id for option in caseload.options if option.id.startswith("client:")))
        await pilot.pause(0.2)
        for i in range(saves):
            await pilot.press("t")
            await pilot.pause(0.2)
            app.screen.query_one("#body").text = f"profiled thought {i}"
            app.screen.query("#kind RadioButton").first().value = True
            await pilot.pause(0.2)
            costs.start()
            await pilot.press("ctrl+s")
            await pilot.pause(0.3)
            costs.stop()
        costs.report("save a thought (ctrl+s until the dashboard is still)")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", choices=["S", "M", "L"])
    parser.add_argument("--moves", type=int, default=60)
    parser.add_argument("--saves", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args()
    cached = args.cache_dir / f"caseload-{args.size}-seed{args.seed}-v{GENERATOR_VERSION}.db"
    if not cached.exists():
        raise SystemExit(f"{cached} is not there yet: `python benchmarks/bench.py --sizes {args.size}` makes it")
    with tempfile.TemporaryDirectory(prefix="caseload-profile-") as folder:
        # As the benchmark runs it: no settings of yours, drafts and crash reports kept in the scratch folder.
        os.environ["CASELOAD_CONFIG"] = str(Path(folder) / "no-settings.toml")
        os.environ["CASELOAD_DATA_DIR"] = str(Path(folder) / "data")
        work = Path(folder) / "work.db"  # thoughts are saved: never into the cached file
        shutil.copyfile(cached, work)
        asyncio.run(profile(work, args.moves, args.saves))


if __name__ == "__main__":
    main()
