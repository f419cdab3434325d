"""Precomputed layout: every node placed, the same every time, parts apart, zoom levels by budget."""

from __future__ import annotations

import math
import os
import random
import subprocess
import sys

import networkx as nx
import pytest

from govkg.graph.layout import (
    LEAF,
    SPACING,
    LayoutMemo,
    _lengths,
    _near_pairs,
    _separate,
    _shelves,
    _sorted_graph,
    _Undirected,
    detail_levels,
    layout,
)


def crowd(officials: int = 120, events: int = 30, parts: int = 1) -> nx.DiGraph:
    """Officials taking part in events; ``parts`` disconnected copies."""
    net = nx.DiGraph()
    for part in range(parts):
        for e in range(events):
            net.add_node(f"event/{part}/{e}", kind="event", label=f"会议 2020-01-{e % 28 + 1:02d}")
        for o in range(officials):
            person = f"person/{part}/{o}"
            net.add_node(person, kind="official", name=f"官员{o}", label=f"官员{o}\n市长")
            for k in range(1 + o % 3):
                net.add_edge(person, f"event/{part}/{(o * 7 + k * 11) % events}", relation="participation")
    return net


def test_every_node_is_placed_and_the_layout_is_the_same_every_time():
    net = crowd()
    first, second = layout(net), layout(net)
    assert set(first.positions) == set(net)
    assert first == second


@pytest.mark.parametrize("size", [5, LEAF + 200])
def test_nodes_do_not_sit_on_each_other(size):
    net = crowd(officials=size, events=max(3, size // 5))
    positions = list(layout(net).positions.values())
    nearest = sorted(
        min(math.dist(p, q) for j, q in enumerate(positions) if j != i) for i, p in enumerate(positions[:200])
    )
    assert nearest[len(nearest) // 2] > SPACING / 4  # the typical node has room around it


def test_disconnected_parts_are_laid_out_apart():
    net = crowd(officials=20, events=5, parts=3)
    placed = layout(net).positions
    boxes = []
    for part in range(3):
        xs = [placed[n][0] for n in net if n.split("/")[1] == str(part)]
        ys = [placed[n][1] for n in net if n.split("/")[1] == str(part)]
        boxes.append(((sum(xs) / len(xs), sum(ys) / len(ys)), max(max(xs) - min(xs), max(ys) - min(ys)) / 2))
    for i in range(3):
        for j in range(i + 1, 3):
            (a, ra), (b, rb) = boxes[i], boxes[j]
            assert math.dist(a, b) > 0.5 * (ra + rb)


def test_packed_parts_do_not_overlap():
    radii = [50.0, 30.0, *[10.0] * 40]
    centres = _shelves(radii)
    for i in range(len(radii)):
        for j in range(i + 1, len(radii)):
            assert math.dist(centres[i], centres[j]) >= radii[i] + radii[j] - 1e-6


def test_levels_share_out_a_budget_most_important_first():
    net = crowd(officials=300, events=40)
    levels, rank = detail_levels(net, budget=50)
    assert sum(1 for v in levels.values() if v == 0) == 50
    assert sum(1 for v in levels.values() if v <= 1) == 200
    assert max(levels.values()) == 2
    top = min(rank, key=rank.get)
    assert net.degree(top) == max(d for _, d in net.degree())
    assert levels[top] == 0


def test_officials_outrank_events_of_the_same_degree():
    net = nx.DiGraph()
    net.add_node("a", kind="event")
    net.add_node("b", kind="official")
    net.add_edge("b", "a")
    assert detail_levels(net, budget=1)[0] == {"a": 1, "b": 0}


def test_a_large_network_is_split_into_communities_with_circles():
    net = crowd(officials=LEAF * 2, events=60)
    placed = layout(net)
    assert len(placed.communities) > 1
    assert sorted(n for c in placed.communities for n in c) == sorted(net)
    for members, (cx, cy, r) in zip(placed.communities, placed.circles, strict=True):
        assert all(math.dist((cx, cy), placed.positions[n]) <= r for n in members)


def test_an_empty_network_has_an_empty_layout():
    assert layout(nx.DiGraph()).positions == {}


# A network whose nodes and edges were added in the order a set of strings
# iterates, which changes with Python's string hashing (PYTHONHASHSEED).
_SET_ORDERED = """
import hashlib, json, random
import networkx as nx
from govkg.graph.layout import layout
rng = random.Random(7)
names = {f"person/{i}" for i in range(700)}
ordered = sorted(names)
edges = {(rng.choice(ordered), rng.choice(ordered)) for _ in range(1400)}
net = nx.DiGraph()
net.add_nodes_from(names, kind="official")
net.add_edges_from(edges)
placed = layout(net)
print(hashlib.sha256(json.dumps([placed.positions, placed.communities]).encode()).hexdigest())
"""


def test_the_layout_does_not_depend_on_the_order_nodes_were_added_in():
    """The same network, built in another order by another process: the same positions, byte for byte."""
    digests = set()
    for seed in ("1", "2", "3"):
        done = subprocess.run(
            [sys.executable, "-c", _SET_ORDERED],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        )
        digests.add(done.stdout.strip())
    assert len(digests) == 1


def tangle(seed: int, nodes: int = 400, edges: int = 900) -> nx.DiGraph:
    """Nodes joined at random, a few to themselves, in no order."""
    rng = random.Random(seed)
    names = [f"n/{rng.randrange(10**6)}" for _ in range(nodes)]
    net = nx.DiGraph()
    net.add_nodes_from(names, kind="official")
    net.add_edges_from((rng.choice(names), rng.choice(names)) for _ in range(edges))
    net.add_edges_from((n, n) for n in names[:5])
    return net


@pytest.mark.parametrize(("seed", "resolution"), [(0, 1.0), (1, 2.0), (2, 3.0), (3, 5.0)])
def test_parts_are_networkxs_louvain_communities_of_the_sorted_graph(seed, resolution):
    """The layout's parts, found on lists, are the communities networkx finds (at each depth's
    resolution, self-loops counted as networkx counts them): the same page as before."""
    net = tangle(seed)
    nodes = sorted(net)[: len(net) - 7]
    ours = sorted(sorted(c) for c in _Undirected(net).louvain(nodes, resolution))
    theirs = nx.community.louvain_communities(_sorted_graph(net, nodes), seed=0, resolution=resolution)
    assert ours == sorted(sorted(c) for c in theirs)


def test_edges_among_nodes_are_the_sorted_graphs():
    net = tangle(4)
    nodes = sorted(net)[::2]
    assert _Undirected(net).edges(nodes) == list(_sorted_graph(net, nodes).edges())


def test_a_memo_of_another_networks_layout_places_what_did_not_change_as_it_was(tmp_path):
    """Two large parts laid out, then one of them changed: laid out with the memo of the first
    layout, the unchanged part is read from it, and the whole layout is the one made afresh."""
    before = crowd(officials=LEAF + 60, events=40, parts=2)
    after = before.copy()
    after.add_edge("person/1/3", "event/1/5", relation="participation")
    after.add_node("person/1/new", kind="official", name="新人", label="新人")
    after.add_edge("person/1/new", "event/1/7", relation="participation")
    path = tmp_path / "layout.marshal"
    assert layout(before, memo=LayoutMemo(path)) == layout(before)
    memo = LayoutMemo(path)
    assert layout(after, memo=memo) == layout(after)
    assert memo.hits == 1  # the unchanged part, whole (its communities with it)
    again = LayoutMemo(path)  # saved with this layout's parts: all of them are found
    assert layout(after, memo=again) == layout(after) and again.hits == 2


def test_a_memo_made_by_other_code_is_not_read(tmp_path, monkeypatch):
    net = crowd(officials=40, events=10)
    path = tmp_path / "layout.marshal"
    layout(net, memo=LayoutMemo(path))
    monkeypatch.setattr(LayoutMemo, "_head", staticmethod(lambda: "another govkg"))
    memo = LayoutMemo(path)
    assert layout(net, memo=memo) == layout(net) and memo.hits == 0


def _separate_every_pair(centres, radii, rounds: int = 60):
    """Circles pushed apart with every pair's push summed (what _separate did before)."""
    import numpy as np

    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        dist = _lengths(delta)
        need = radii[:, None] + radii[None, :]
        overlap = need - dist
        np.fill_diagonal(overlap, -1.0)
        if (overlap <= 1e-6).all():
            break
        overlap = np.maximum(overlap, 0.0)
        dist = np.maximum(dist, 1e-6)
        share = radii[None, :] / np.maximum(need, 1e-9)
        push = (delta / dist[:, :, None]) * (overlap * share)[:, :, None] * 0.55
        centres = centres + push.sum(axis=1)
    return centres


@pytest.mark.parametrize(
    ("count", "spread"),
    [(2, 1.0), (9, 3.0), (60, 8.0), (300, 3.0), (300, 30.0), (300, 200.0), (1000, 40.0), (40, 1e4)],
)
def test_circles_are_pushed_apart_as_by_every_pairs_push(count, spread):
    """Only the pairs that overlap pushed, to the same bits, also as the layout shrinks the circles
    together again and again (most pairs apart, a few touching)."""
    import numpy as np

    rng = np.random.default_rng(count)
    centres, radii = rng.standard_normal((count, 2)) * spread, rng.uniform(0.5, 4.0, count)
    ours, theirs = _separate(centres, radii), _separate_every_pair(centres, radii)
    assert np.array_equal(ours, theirs)
    for _ in range(4):
        shrunk = (ours - ours.mean(axis=0)) * 0.85
        ours, theirs = _separate(shrunk, radii * 1.02), _separate_every_pair(shrunk, radii * 1.02)
        assert np.array_equal(ours, theirs)
    if count > 2:
        dist = _lengths(ours[:, None, :] - ours[None, :, :])
        assert (dist + np.eye(count) * 100 >= (radii[:, None] + radii[None, :]) * 1.02 - 1e-3).mean() > 0.9


@pytest.mark.parametrize("seed", range(5))
def test_near_pairs_are_every_pair_of_meeting_spans_in_the_order_of_nonzero(seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    x = np.round(rng.standard_normal(200) * 10, 1)  # ties too
    half = np.round(rng.uniform(0.1, 3.0, 200), 1) + 0.025  # no pair just meeting
    close = np.abs(x[:, None] - x[None, :]) <= half[:, None] + half[None, :]
    np.fill_diagonal(close, False)
    i, j = _near_pairs(x, half)
    want_i, want_j = np.nonzero(close)
    assert np.array_equal(i, want_i) and np.array_equal(j, want_j)
