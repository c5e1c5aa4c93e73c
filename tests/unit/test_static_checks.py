"""The type checker, the linter and the import contracts, as part of the test run.

Each runs as it would by hand from the repository root, with the settings in
pyproject.toml ([tool.mypy], [tool.ruff], [tool.importlinter]), and a failure
shows the tool's own report. mypy keeps its cache in .mypy_cache, so after the
first run only changed modules are checked again.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "caseload_tui"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True, timeout=300)


def _report(result: subprocess.CompletedProcess[str]) -> str:
    return f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"


def test_mypy():
    result = _run("-m", "mypy")  # the files and the strictness are in [tool.mypy]
    assert result.returncode == 0, _report(result)


def test_ruff():
    result = _run("-m", "ruff", "check", "--no-fix", "src", "tests", "benchmarks", "tools")
    assert result.returncode == 0, _report(result)


def test_import_contracts():
    result = _run("-c", "from importlinter.cli import lint_imports_command; lint_imports_command()")
    assert result.returncode == 0, _report(result)


# ---------------------------------------------------------------- no import circles


def import_cycles(graph: grimp.ImportGraph, package: str) -> list[list[str]]:
    """Every set of modules of `package` that import one another in a circle, each sorted, largest first.

    The strongly connected components of the import graph (Tarjan's algorithm, without recursion).
    """
    modules = sorted(m for m in graph.modules if m == package or m.startswith(package + "."))
    inside = set(modules)
    edges = {m: sorted(i for i in graph.find_modules_directly_imported_by(m) if i in inside and i != m)
             for m in modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(edges[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(edges[target])))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found, key=lambda c: (-len(c), c))


def _describe(graph: grimp.ImportGraph, cycle: list[str]) -> str:
    members = set(cycle)
    lines = [" <-> ".join(cycle)]
    for importer in cycle:
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported in members:
                details = graph.get_import_details(importer=importer, imported=imported)
                where = ", ".join(f"l.{d['line_number']}" for d in details)
                lines.append(f"    {importer} -> {imported} ({where})")
    return "\n".join(lines)


def test_the_cycle_finder_finds_cycles():
    graph = grimp.ImportGraph()
    for importer, imported in [("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d"),
                               ("p.d", "p.e"), ("p.e", "p.d"), ("p.f", "p.a"), ("p.g", "p.g"), ("q.x", "q.y")]:
        graph.add_import(importer=importer, imported=imported)
    assert import_cycles(graph, "p") == [["p.a", "p.b", "p.c"], ["p.d", "p.e"]]


def test_no_import_cycles():
    # Imports made only for the type checker (under `if TYPE_CHECKING:`) are left out: they are
    # never run, so they make no circle when the program starts, and they let a widget name the
    # app's type. Imports inside functions count: they run.
    graph = grimp.build_graph(PACKAGE, exclude_type_checking_imports=True, cache_dir=None)
    cycles = import_cycles(graph, PACKAGE)
    assert not cycles, "Modules that import each other in a circle:\n" + "\n".join(
        _describe(graph, cycle) for cycle in cycles
    )
