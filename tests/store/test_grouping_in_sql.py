"""The dashboard's grouping gives exactly the groups, and the reason sentences, of the rules' own placement.

The reference is `rules.place` over every client's record (`store.records`), as the dashboard and
`caseload groups` placed everyone before the grouping was read in SQL. Checked for the demo caseload at
several moments, and for caseloads of many shapes (caseload_shapes.py) with thresholds drawn around their
defaults, judged at moments on the edges of every window.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest

from caseload_tui import model as m
from caseload_tui.caseload_groups import CaseloadGroups
from caseload_tui.config import Thresholds
from caseload_tui.demo import load_demo
from caseload_tui.rules import place
from caseload_tui.store import NotFound, Store

from caseload_shapes import ANCHOR, make_shape

SEEDS = range(24)


def reference(store: Store, now: datetime, thresholds: Thresholds) -> dict[m.Group, list[tuple[int, m.Placement]]]:
    """Every client placed by the rules, in the list's order (by name, then id), group by group."""
    grouped: dict[m.Group, list[tuple[int, m.Placement]]] = {g: [] for g in m.Group}
    for record in store.records(now):
        placement = place(record, now, thresholds)
        assert record.client.id is not None
        grouped[placement.group].append((record.client.id, placement))
    return grouped


def as_the_dashboard_groups(store: Store, now: datetime,
                            thresholds: Thresholds) -> dict[m.Group, list[tuple[int, m.Placement]]]:
    """The groups as the dashboard reads them (counted in SQL), each client's placement made as when their
    row is shown: the reason from the record read with its neighbours'. The last client first, so the pages
    read begin in the middle of the list as well as at its start."""
    groups = CaseloadGroups(store, now, thresholds)
    for client_id in reversed(list(groups)):
        groups.placement(client_id)
    return {group: [(i, groups.placements[i]) for i in members] for group, members in groups.members.items()}


def check_the_same(store: Store, now: datetime, thresholds: Thresholds) -> Counter[str]:
    """Assert the two agree; what was seen, for the check that the shapes reach every kind of placement."""
    expected = reference(store, now, thresholds)
    found = as_the_dashboard_groups(store, now, thresholds)
    for group in m.Group:
        assert [i for i, _ in found[group]] == [i for i, _ in expected[group]], (group, now, thresholds)
        for (client_id, got), (_, wanted) in zip(found[group], expected[group], strict=True):
            assert (got.group, got.reason, got.pattern, got.new) == (
                wanted.group, wanted.reason, wanted.pattern, wanted.new), (client_id, now, thresholds)
    seen: Counter[str] = Counter()
    for group, members in expected.items():
        for _, placement in members:
            seen[group.value] += 1
            seen[f"pattern {placement.pattern.value}" if placement.pattern else "no pattern"] += 1
            seen["new"] += placement.new
            seen[f"reads '{placement.reason.split()[0]}'"] += 1
    return seen


def test_the_demo_is_grouped_as_the_rules_place_it_at_several_moments():
    store = Store.memory()
    store.import_data(load_demo(ANCHOR.date()))
    seen: Counter[str] = Counter()
    for now in (ANCHOR, ANCHOR - timedelta(days=3), ANCHOR - timedelta(weeks=6), ANCHOR + timedelta(days=9),
                ANCHOR.replace(hour=0, minute=0)):
        seen += check_the_same(store, now, Thresholds())
    assert {"regulars", "absentees", "graduates"} <= set(seen)


@pytest.mark.parametrize("seed", SEEDS)
def test_caseloads_of_many_shapes_are_grouped_as_the_rules_place_them(seed):
    shape = make_shape(seed)
    for now in shape.nows:
        check_the_same(shape.store, now, shape.thresholds)


def test_the_shapes_reach_every_kind_of_placement():
    """Else the check above would pass over a rule it never met."""
    seen: Counter[str] = Counter()
    for seed in SEEDS:
        shape = make_shape(seed, clients=12)
        for now in shape.nows:
            seen += check_the_same(shape.store, now, shape.thresholds)
    kinds = {"regulars", "absentees", "graduates", "new", "pattern from_start", "pattern change", "pattern gap",
             "reads 'Missed'", "reads 'Has'", "reads 'Came'", "reads 'Started'", "reads 'No'", "reads 'Work'"}
    assert kinds <= {kind for kind, count in seen.items() if count}, sorted(seen.items())


def test_a_client_deleted_since_the_groups_were_read_is_said_to_be_gone_not_a_crash():
    shape = make_shape(3, clients=8)
    groups = CaseloadGroups(shape.store, ANCHOR, shape.thresholds)
    gone, kept = list(groups)[:2]
    shape.store.delete_client(gone)  # as another window would
    assert groups.record_if_there(gone) is None
    with pytest.raises(NotFound):
        groups.placement(gone)
    assert groups.record(kept).client.id == kept
