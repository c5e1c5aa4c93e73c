"""One app, started as its user starts it, reporting when its first complete frame was painted.

    python benchmarks/start_driver.py caseload RESULT.json NOW --db FILE
    python benchmarks/start_driver.py bare RESULT.json

The benchmark runs this in a pseudo-terminal and notes `time.perf_counter()` just
before it starts the process. On Linux `perf_counter` reads CLOCK_MONOTONIC, one clock
for every process, so the figures this writes (perf_counter at the moment in
question) can be subtracted from that note: the difference is the time from process
start, interpreter start-up included.

"Populated" is the same event for both apps: the end of the first frame actually written
to the terminal (Textual holds back frames while it puts a screen together) that paints
everything the app has to show:
- caseload: after `DashboardScreen._populate` has put the caseload in the list and the
  first client in the case header and panes (it runs when the worker that reads the
  caseload finishes), the first frame by which the list, the case header and both panes
  have been painted (each was dirty when a frame was made, or a frame came with a new
  layout, which repaints everything);
- bare: the first frame of its screen, which shows its Header, Static and Footer.
The moment is taken when Textual has handed the frame to its writer thread, then the app
exits at once. At exit the driver adds its peak resident memory (VmHWM, which unlike the
parent's rusage never counts what the parent held when it started the child).

For caseload the real entry point (`caseload_tui.cli:run`, what the `caseload` command
runs) is called, with the clock fixed to the generated caseload's "now". The hooks are
put in by an import hook as `textual.screen` and the dashboard module are first
imported, so the import order and laziness of the program are left exactly as they are.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()  # the first line of Python run: the interpreter is up

import atexit  # noqa: E402
import importlib.abc  # noqa: E402
import importlib.machinery  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402

DASHBOARD = "caseload_tui.tui.screens.dashboard"


class _Hooks(importlib.abc.MetaPathFinder):
    """Patch a module as it is loaded, whoever imports it and whenever."""

    def __init__(self, patches: dict):
        self.patches = patches

    def find_spec(self, name, path, target=None):
        patch = self.patches.pop(name, None)
        if patch is None:
            return None
        if not self.patches:
            sys.meta_path.remove(self)
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        load = spec.loader.exec_module

        def exec_module(module):
            load(module)
            patch(module)

        spec.loader.exec_module = exec_module
        return spec


class _FrameWatch:
    """Reports, then exits, after the first frame written that paints everything awaited.

    `waiting_for(screen)` gives the widgets whose new content is awaited (None: not ready
    yet; empty: any frame will do). A frame paints a widget if the widget was dirty when
    the frame was made, or if the frame came with a new layout (which repaints all). Only
    frames actually written count: Textual holds back (drops) frames made while the app is
    still putting its screen together, and makes none when nothing changed.
    """

    def __init__(self, result_path: str, waiting_for):
        self.result_path, self.waiting_for = result_path, waiting_for
        self.pending: set | None = None
        self.written = False
        self.reported = False

    def patch_app(self, module) -> None:
        watch, app_class = self, module.App
        display = app_class._display

        def _display(app, screen, renderable):
            if renderable is not None and not app._batch_count and app._running and not app._closed:
                watch.written = True
            return display(app, screen, renderable)

        app_class._display = _display

    def patch_screen(self, module) -> None:
        watch, screen_class = self, module.Screen
        refresh = screen_class._compositor_refresh

        def _compositor_refresh(screen):
            full = screen._layout_required or screen in screen._dirty_widgets
            painted = set(screen._dirty_widgets)
            watch.written = False
            refresh(screen)
            if watch.written and screen is screen.app.screen and not watch.reported:
                watch.saw_frame(screen, full, painted)

        screen_class._compositor_refresh = _compositor_refresh

    def saw_frame(self, screen, full: bool, painted: set) -> None:
        if self.pending is None:
            awaited = self.waiting_for(screen)
            if awaited is None:
                return
            self.pending = set(awaited)
        if full:
            self.pending.clear()
        else:
            self.pending -= painted
        if not self.pending:
            populated = time.perf_counter()
            self.reported = True
            with open(self.result_path, "w", encoding="utf-8") as handle:
                json.dump({"interpreter_up": STARTED, "populated": populated}, handle)
            screen.app.exit()

    def add_peak_memory(self) -> None:
        """At exit: this process's own peak resident memory (VmHWM), in KiB.

        Read here rather than from the parent's rusage, which on Linux also counts what
        the parent held when it started the child.
        """
        try:
            with open("/proc/self/status", encoding="ascii") as status:
                peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
            with open(self.result_path, encoding="utf-8") as handle:
                figures = json.load(handle)
            figures["peak_kib"] = peak
            with open(self.result_path, "w", encoding="utf-8") as handle:
                json.dump(figures, handle)
        except (OSError, StopIteration, ValueError):
            pass

    def install(self, more: dict | None = None) -> None:
        atexit.register(self.add_peak_memory)
        sys.meta_path.insert(0, _Hooks({"textual.app": self.patch_app, "textual.screen": self.patch_screen,
                                        **(more or {})}))


def run_caseload(result_path: str, now: str, args: list[str]) -> None:
    populated = []

    def patch_dashboard(module) -> None:
        screen_class = module.DashboardScreen
        populate = screen_class._populate

        def _populate(screen, *args, **kwargs):
            populate(screen, *args, **kwargs)
            populated.append(screen)  # the frames that follow must paint what it put in place

        screen_class._populate = _populate

    def shows_caseload(screen):
        """After the caseload is in place: the list, the case header and both panes must be painted."""
        if screen not in populated:
            return None
        return [screen.query_one(f"#{name}") for name in ("caseload", "case-header", "thoughts", "questions")]

    _FrameWatch(result_path, shows_caseload).install({DASHBOARD: patch_dashboard})
    from datetime import datetime

    from caseload_tui import cli

    fixed = datetime.fromisoformat(now)
    # The command line's seam for the clock: the generated caseload's "now". `run` is what the
    # `caseload` command runs (a plain start opens the dashboard without loading click).
    cli.run(args, clock=lambda: fixed)


def run_bare(result_path: str) -> None:
    _FrameWatch(result_path, lambda screen: []).install()
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class BareApp(App[None]):
        BINDINGS = [("q", "quit", "Quit")]

        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("A bare Textual app: a Header, a Static and a Footer.")
            yield Footer()

    BareApp().run()


if __name__ == "__main__":
    which, result = sys.argv[1], sys.argv[2]
    if which == "caseload":
        run_caseload(result, sys.argv[3], sys.argv[4:])
    elif which == "bare":
        run_bare(result)
    else:
        raise SystemExit(f"unknown app {which!r}")
