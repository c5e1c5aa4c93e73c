"""The benchmark's table and its targets (issue 19's, and issue 18's for its two screens).

Every target is printed for every size measured, beside its goal, and then once more as a
verdict: met, or not met and by how much (the figure over its goal).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

ALL = ("S", "M", "L")


@dataclass(frozen=True)
class Target:
    figure: str  # its key in the JSON's "targets"
    goal: dict[str, float]  # size -> the most the figure may be
    unit: str  # "x bare", "x floor" or "ms"
    value: Callable[[dict], float]  # the figure, from one size's results


def _ratio(part: str, of: str) -> Callable[[dict], float]:
    return lambda f: f["selection"][part] / f["textual_floor"][of]


TARGETS = (
    Target("start", {"S": 1.15, "M": 1.15, "L": 1.6}, "x bare", lambda f: f["start"]["ratio"]),
    Target("first_start_of_day", {"L": 2.5}, "x bare", lambda f: f["start"]["first_of_day_ms"] / f["start"]["bare_ms"]),
    Target("memory", {"S": 1.45, "L": 2.2}, "x bare", lambda f: f["memory"]["ratio"]),
    Target("grouping", {"L": 50.0}, "ms", lambda f: f["grouping"]["median_ms"]),
    Target("search_p95", {"L": 10.0}, "ms", lambda f: f["search"]["p95_ms"]),
    Target("selection_median", dict.fromkeys(ALL, 16.0), "ms", lambda f: f["selection"]["median_ms"]),
    Target("selection_p95", dict.fromkeys(ALL, 25.0), "ms", lambda f: f["selection"]["p95_ms"]),
    Target("selection_median_to_floor", dict.fromkeys(ALL, 1.3), "x floor", _ratio("median_ms", "median_ms")),
    Target("selection_p95_to_floor", dict.fromkeys(ALL, 1.3), "x floor", _ratio("p95_ms", "p95_ms")),
    Target("save_median", dict.fromkeys(ALL, 20.0), "ms", lambda f: f["save"]["median_ms"]),
    Target("save_p95", dict.fromkeys(ALL, 35.0), "ms", lambda f: f["save"]["p95_ms"]),
    Target("mind_p95", {"L": 100.0}, "ms", lambda f: f["mind_screen"]["p95_ms"]),  # issue 18
    Target("patterns_p95", {"L": 100.0}, "ms", lambda f: f["patterns_screen"]["p95_ms"]),  # issue 18
)


def verdicts(results: dict) -> list[dict]:
    """Every target that applies to a measured size, with its figure, whether it is met and by how much not."""
    checks = []
    for target in TARGETS:
        for name, figures in results.items():
            if name in target.goal:
                value, goal = target.value(figures), target.goal[name]
                checks.append({"figure": target.figure, "size": name, "value": round(value, 2), "target": goal,
                               "unit": target.unit, "met": value <= goal, "by": round(value / goal, 2)})
    return checks


def _goal(figure: str) -> str:
    target = next(t for t in TARGETS if t.figure == figure)
    sizes = set(target.goal)
    limits = {target.goal[n] for n in sizes}
    unit = "x" if target.unit.startswith("x") else " ms"
    if sizes == set(ALL) and len(limits) == 1:
        return f"≤{limits.pop():g}{unit}"
    return ", ".join(f"{n} ≤{target.goal[n]:g}{unit}" for n in ALL if n in sizes)


def _ms(figures: dict, key: str) -> str:
    part = figures[key]
    return f"{part['median_ms']:.1f} / {part['p95_ms']:.1f} ms"


def _cpu(figures: dict, key: str) -> str:
    part = figures[key]
    return f"{part['cpu_median_ms']:.1f} / {part['cpu_p95_ms']:.1f} ms" if "cpu_median_ms" in part else "-"


ROWS: tuple[tuple[str, Callable[[dict], str], str], ...] = (
    ("start to populated dashboard", lambda f: f"{f['start']['ms']:.0f} ms ({f['start']['ratio']:.2f}x)",
     _goal("start") + " bare"),
    ("  bare Textual app start", lambda f: f"{f['start']['bare_ms']:.0f} ms", ""),
    ("  first start of a day (+ backup)",
     lambda f: f"{f['start']['first_of_day_ms']:.0f} ms ({f['start']['first_of_day_ms'] / f['start']['bare_ms']:.2f}x)",
     _goal("first_start_of_day") + " bare"),
    ("peak memory", lambda f: f"{f['memory']['mib']:.1f} MiB ({f['memory']['ratio']:.2f}x)", _goal("memory") + " bare"),
    ("  bare Textual app memory", lambda f: f"{f['memory']['bare_mib']:.1f} MiB", ""),
    ("grouping (groups + first rows)", lambda f: f"{f['grouping']['median_ms']:.1f} ms", _goal("grouping")),
    ("  of which counting the groups", lambda f: f"{f['grouping']['group_ms']:.1f} ms", ""),
    ("  of which the first screen's rows", lambda f: f"{f['grouping']['rows_ms']:.1f} ms", ""),
    ("search median / p95", lambda f: _ms(f, "search"), "p95 " + _goal("search_p95")),
    ("selection change median / p95", lambda f: _ms(f, "selection"),
     f"{_goal('selection_median')} / {_goal('selection_p95')}"),
    ("  Textual floor median / p95", lambda f: _ms(f, "textual_floor"), ""),
    ("  ratio to the floor, median / p95",
     lambda f: f"{_ratio('median_ms', 'median_ms')(f):.2f}x / {_ratio('p95_ms', 'p95_ms')(f):.2f}x",
     f"{_goal('selection_median_to_floor')} / {_goal('selection_p95_to_floor')}"),
    ("  CPU per change, median / p95", lambda f: _cpu(f, "selection"), ""),
    ("  floor's CPU per change", lambda f: _cpu(f, "textual_floor"), ""),
    ("save a thought median / p95", lambda f: _ms(f, "save"), f"{_goal('save_median')} / {_goal('save_p95')}"),
    ("  CPU per save, median / p95", lambda f: _cpu(f, "save"), ""),
    ("show Mind and room median / p95", lambda f: _ms(f, "mind_screen"), "p95 " + _goal("mind_p95")),
    ("show Patterns in me median / p95", lambda f: _ms(f, "patterns_screen"), "p95 " + _goal("patterns_p95")),
    ("  show Help (reads nothing) median / p95",
     lambda f: _ms(f, "help_screen") if "help_screen" in f else "-", ""),
    ("  CPU to show Mind / Patterns / Help, median",
     lambda f: " / ".join(f"{f[k]['cpu_median_ms']:.0f}" for k in ("mind_screen", "patterns_screen", "help_screen")
                          if k in f and "cpu_median_ms" in f[k]) + " ms", ""),
)


def table(results: dict) -> str:
    names = list(results)
    rows = [(label, [make(results[n]) for n in names], goal) for label, make, goal in ROWS]
    label_width = max(len(r[0]) for r in rows)
    widths = [max(len(n), *(len(r[1][i]) for r in rows)) for i, n in enumerate(names)]
    goal_width = max(len("goal"), *(len(r[2]) for r in rows))
    lines = ["| " + " | ".join(["figure".ljust(label_width), *(n.ljust(w) for n, w in zip(names, widths, strict=True)),
                                 "goal".ljust(goal_width)]) + " |",
             "|" + "|".join(["-" * (label_width + 2), *("-" * (w + 2) for w in widths), "-" * (goal_width + 2)]) + "|"]
    for label, cells, goal in rows:
        padded = (c.ljust(w) for c, w in zip(cells, widths, strict=True))
        lines.append("| " + " | ".join([label.ljust(label_width), *padded, goal.ljust(goal_width)]) + " |")
    return "\n".join(lines) + "\n\n" + "\n".join(verdict_lines(results))


def verdict_lines(results: dict) -> list[str]:
    marks = []
    for check in verdicts(results):
        unit = check["unit"]
        shown = f"{check['value']:.2f}{unit}" if unit.startswith("x") else f"{check['value']:.1f} {unit}"
        limit = f"{check['target']:g}{unit}" if unit.startswith("x") else f"{check['target']:g} {unit}"
        over = "" if check["met"] else f", {check['by']:.2f}x the goal"
        marks.append(f"{'met    ' if check['met'] else 'NOT met'}  {check['figure']:<26} {check['size']}: "
                     f"{shown} (goal ≤{limit}{over})")
    return marks
