"""Key press to frame: when the first frame that paints the result of a key was done.

Shared by the dashboard's figures (interact.py) and the floor app's (floor.py), so both are
timed the same way, headless, driven by Textual's Pilot:

- a widget's new content is awaited once a `watch`ed method of it has run (the case
  header's `_show`, a pane's `show`...): it is then "unpainted" until a frame paints it;
- a frame paints a widget if the widget was dirty when the frame was made, or if the frame
  came with a new layout (which repaints everything);
- only frames Textual actually writes count (App._display is watched), never ones it holds
  back while it puts a screen together; headless, the frame is composed but not turned into
  escape sequences (that last step is in the start-up figure, in a real pseudo-terminal).

The time is from just before the key is sent to the end of the first such frame after
which nothing awaited is unpainted and `ready()` holds. Beside it, the CPU time the process
spent in that span: on a shared machine the clock also counts waiting for a core, the CPU
time does not, so it says what the work itself costs.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable


def summary(samples: list[float]) -> dict:
    """Median, 95th percentile and max, in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"median_ms": statistics.median(ordered) * 1e3, "p95_ms": p95 * 1e3, "max_ms": ordered[-1] * 1e3,
            "n": len(ordered), "all_ms": [round(t * 1e3, 1) for t in samples]}


class FrameWatch:
    def __init__(self) -> None:
        self.frames: list[tuple[float, float]] = []  # (clock, CPU) at the end of each frame that showed it all
        self.cpu: list[float] = []  # the process's CPU seconds from each key to its frame: what bounds it
        self.unpainted: set = set()  # widgets given new content that no frame has painted yet
        self.shown: set = set()  # widgets given new content since the key
        self.ready: Callable[[], bool] = lambda: False
        self._written = False
        self._undo: list[tuple[type, str, object]] = []

    def _patch(self, owner: type, name: str, make) -> None:
        original = getattr(owner, name)
        self._undo.append((owner, name, original))
        setattr(owner, name, make(original))

    def watch(self, owner: type, name: str) -> None:
        """Note the widget whose method `owner.name` has run: its new content is awaited."""
        watch = self

        def make(original):
            def noting(widget, *args, **kwargs):
                result = original(widget, *args, **kwargs)
                watch.unpainted.add(widget)
                watch.shown.add(widget)
                return result
            return noting

        self._patch(owner, name, make)

    def install(self) -> FrameWatch:
        from textual.app import App
        from textual.screen import Screen

        watch = self

        def make_display(display):
            def noting_display(app, screen, renderable):
                if renderable is not None and not app._batch_count and app._running and not app._closed:
                    watch._written = True  # a frame a terminal would be sent (headless, made, then dropped)
                return display(app, screen, renderable)
            return noting_display

        def make_refresh(compositor_refresh):
            def noting_compositor_refresh(screen):
                full = screen._layout_required or screen in screen._dirty_widgets  # a new layout repaints all
                painted = set(screen._dirty_widgets)
                watch._written = False
                compositor_refresh(screen)
                if screen is not screen.app.screen or not watch._written:
                    return  # not the screen shown, or no frame (nothing changed, or a frame held back)
                if full:
                    watch.unpainted.clear()
                else:
                    watch.unpainted.difference_update(painted)
                if not watch.unpainted and watch.ready():
                    watch.frames.append((time.perf_counter(), time.process_time()))
            return noting_compositor_refresh

        self._patch(App, "_display", make_display)
        self._patch(Screen, "_compositor_refresh", make_refresh)
        return self

    def uninstall(self) -> None:
        while self._undo:
            owner, name, original = self._undo.pop()
            setattr(owner, name, original)

    async def after(self, pilot, key: str, ready: Callable[[], bool]) -> float:
        """Seconds from sending `key` to the end of the first frame that paints its result."""
        self.frames.clear()
        self.unpainted.clear()
        self.shown.clear()
        self.ready = ready
        began, cpu = time.perf_counter(), time.process_time()
        await pilot.press(key)
        for _ in range(20_000):
            if self.frames:
                break
            await asyncio.sleep(0.001)
        else:
            raise RuntimeError(f"no frame showed the result of {key}")
        self.ready = lambda: False
        done, done_cpu = self.frames[0]
        self.cpu.append(done_cpu - cpu)
        return done - began

    def cpu_of(self, start: int, end: int | None = None) -> dict:
        """The CPU figures of the keys timed from `start` to `end` (indexes into `cpu`): median and p95, in ms."""
        taken = summary(self.cpu[start:end])
        return {"cpu_median_ms": taken["median_ms"], "cpu_p95_ms": taken["p95_ms"]}
