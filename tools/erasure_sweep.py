"""Sweep hundreds of caseload layouts for removed words left in the database's files (issue 12's promise).

    python tools/erasure_sweep.py --layouts 600 [--first-seed 1000] [--secure-delete-off]

Each layout (tests/trust/erasure_layouts.py) is a caseload of 40-400 notes of varied length for
1-6 clients, written in transactions of varied size; one kind of record is then deleted or edited,
with or without another window reading. Prints each leak (layout, files) and a count per kind.
--secure-delete-off is the control: it shows the sweep finds words that are left.
"""

from __future__ import annotations

import argparse
import collections
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[1] / "tests" / "trust"),
                str(Path(__file__).resolve().parents[1] / "tests")]

from erasure_layouts import KINDS, Layout, leaks  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layouts", type=int, default=600)
    parser.add_argument("--first-seed", type=int, default=1000)
    parser.add_argument("--secure-delete-off", action="store_true")
    args = parser.parse_args()
    if args.secure_delete_off:
        import caseload_tui.store as store_package

        configure = store_package.configure
        store_package.configure = lambda conn, memory: (configure(conn, memory),
                                                     conn.execute("PRAGMA secure_delete = OFF"))
    tried, leaked = collections.Counter(), collections.Counter()
    sizes = []
    started = time.process_time()
    for n in range(args.layouts):
        seed = args.first_seed + n
        rng = random.Random(seed)
        layout = Layout(seed=seed, notes=rng.randint(40, 400), kind=KINDS[n % len(KINDS)], reader=rng.random() < 0.3)
        with tempfile.TemporaryDirectory() as folder:
            found = leaks(Path(folder), layout)
        tried[layout.kind] += 1
        sizes.append(layout.notes)
        if found:
            leaked[layout.kind] += 1
            print(f"LEAK {layout}: {found}", flush=True)
        if n % 50 == 49:
            print(f"... {n + 1} layouts, {sum(leaked.values())} leaked", flush=True)
    print(f"{sum(tried.values())} layouts, {len(set(sizes))} sizes ({min(sizes)}-{max(sizes)} notes), "
          f"{sum(leaked.values())} leaked; cpu {time.process_time() - started:.0f} s")
    for kind in KINDS:
        print(f"  {kind:18} tried {tried[kind]:4}  leaked {leaked[kind]}")


if __name__ == "__main__":
    main()
