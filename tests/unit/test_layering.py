"""The house rules that a test can check and the import contracts cannot.

The import contracts in pyproject.toml ([tool.importlinter], run by
test_static_checks.py) say who may import whom: among them, that nothing
outside caseload_tui.tui imports textual or rich. What they cannot see is
checked here:

- an import spelled as a call (importlib.import_module("rich"), __import__),
  which an import graph does not hold;
- that the core, the command line included, really runs without loading
  textual or rich (a dependency could load them);
- that nothing but the entry point (cli/__init__.py) reads the real clock.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import caseload_tui

PACKAGE = Path(caseload_tui.__file__).resolve().parent
ENTRY_POINT = PACKAGE / "cli" / "__init__.py"
FORBIDDEN = ("textual", "rich")


def _python_files(skip_tui: bool) -> list[Path]:
    files = sorted(PACKAGE.rglob("*.py"))
    if skip_tui:
        files = [f for f in files if f.relative_to(PACKAGE).parts[0] != "tui"]
    return files


def dynamic_imports(source: str) -> list[str]:
    """Every textual or rich module a source imports by calling importlib.import_module or __import__."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id in ("__import__", "import_module"))
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            name = node.args[0].value
            if name.split(".")[0] in FORBIDDEN:
                found.append(name)
    return found


def clock_reads(source: str) -> list[str]:
    """Calls that read the real clock: datetime.now(), date.today(), time.time() and kin."""
    tree = ast.parse(source)
    clock_classes = {"datetime", "date"}  # names bound to datetime.datetime / datetime.date
    time_modules = {"time"}
    time_functions: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "datetime":
            for alias in node.names:
                if alias.name in ("datetime", "date"):
                    clock_classes.add(alias.asname or alias.name)
        elif isinstance(node, ast.ImportFrom) and node.module == "time":
            for alias in node.names:
                if alias.name in ("time", "time_ns", "localtime", "gmtime"):
                    time_functions.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "time":
                    time_modules.add(alias.asname or "time")

    def dotted(expr: ast.expr) -> str:
        if isinstance(expr, ast.Name):
            return expr.id
        if isinstance(expr, ast.Attribute):
            return f"{dotted(expr.value)}.{expr.attr}"
        return "?"

    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            base = dotted(func.value)
            reads_a_class = func.attr in ("now", "today", "utcnow") and base.split(".")[-1] in clock_classes
            reads_time = func.attr in ("time", "time_ns", "localtime", "gmtime") and base in time_modules
            if reads_a_class or reads_time:
                found.append(f"{base}.{func.attr}() at line {node.lineno}")
        elif isinstance(func, ast.Name) and func.id in time_functions:
            found.append(f"{func.id}() at line {node.lineno}")
    return found


# ---------------------------------------------------------------- the checkers themselves


def test_import_checker_sees_every_call():
    source = (
        "import rich\nimport importlib\nimportlib.import_module('rich.markup')\n"
        "__import__('textual')\nimport_module('textual.app')\nimportlib.import_module('richer')\n"
        "importlib.import_module(name)\n__import__('json')\n"
    )
    assert dynamic_imports(source) == ["rich.markup", "textual", "textual.app"]


def test_clock_checker_sees_every_spelling():
    source = (
        "import datetime\nfrom datetime import datetime as dt, date\nimport time\n"
        "from time import time as now_s\n"
        "datetime.datetime.now()\ndt.now()\ndate.today()\ndt.utcnow()\ntime.time()\nnow_s()\n"
        "clock()\nself.now()\nrecord.started_on.today\n"
    )
    assert len(clock_reads(source)) == 6


def test_clock_checker_finds_the_entry_points_clock():
    # cli/__init__.py is the one place allowed to read the clock, and it does.
    assert clock_reads(ENTRY_POINT.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the rules


def test_nothing_outside_tui_imports_textual_or_rich_by_a_call():
    files = _python_files(skip_tui=True)
    assert len(files) >= 10  # the core is there to check
    offenders = {
        str(f.relative_to(PACKAGE)): names
        for f in files
        if (names := dynamic_imports(f.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_core_runs_without_loading_textual_or_rich():
    script = r"""
import json, sys
from datetime import date, datetime
import caseload_tui.cli, caseload_tui.store, caseload_tui.rules, caseload_tui.model
import caseload_tui.config, caseload_tui.interchange.json_format, caseload_tui.demo
import caseload_tui.safe_text, caseload_tui.crash
from caseload_tui import model as m, rules
from caseload_tui.interchange import json_format
from caseload_tui.store import Store

store = Store.memory()
client = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5),
                                   schedule="FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"))
store.record_attendance(client.id, datetime(2026, 11, 24, 10), m.Status.ATTENDED)
now = datetime(2026, 11, 25, 18)
grouped = rules.group_caseload(store.records(now), now)
rules.summarise(store.records(now)[0], now)
rules.describe_schedule(client.schedule)
store.search("anything")
json_format.dumps(store.export_data())
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("textual", "rich"))
print(json.dumps(loaded))
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_only_the_entry_point_reads_the_clock():
    offenders = {}
    for f in _python_files(skip_tui=False):
        if f == ENTRY_POINT:
            continue
        if reads := clock_reads(f.read_text(encoding="utf-8")):
            offenders[str(f.relative_to(PACKAGE))] = reads
    assert offenders == {}


MAX_MODULE_LINES = 400  # a module small enough to read in one sitting (docs/ARCHITECTURE.md)


def test_no_module_is_over_400_lines():
    long = {str(f.relative_to(PACKAGE)): n for f in _python_files(skip_tui=False)
            if (n := len(f.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}
