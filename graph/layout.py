"""Positions and levels of detail for the HTML view, computed once in Python.

The browser should open a view laid out and still, whatever its size, so the
layout is computed here, at build time, and written into the page with
physics off. A force layout of every node against every other is quadratic
(networkx's ``forceatlas2_layout`` took two minutes on 5,000 nodes here), so
the layout is hierarchical: the network is split into Louvain communities
(recursively, while a part is too large to lay out at once), the communities
are laid out as circles that do not overlap, weighted by the edges between
them, and each community's nodes inside its circle. Each step is a small
Fruchterman-Reingold layout in numpy, seeded, so that the same network gives
the same positions, rounded so that pages stay byte-identical.

:func:`detail_levels` gives each node the zoom level from which the page
shows it: level 0 (the view zoomed to fit) shows a budget of the most
important nodes, each level after that (zoomed in twice as far) four times as
many, since a quarter of the area is on screen.
"""

from __future__ import annotations

import hashlib
import marshal
import math
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from govkg.graph.cache import software_fingerprint
from govkg.graph.folders import atomic_write
from govkg.graph.network import _louvain

if TYPE_CHECKING:
    import networkx as nx

# Parts larger than this are split again before being laid out node by node.
LEAF = 300
# Canvas units between neighbouring nodes (vis-network draws a node 10 to 30 units wide).
SPACING = 60.0
# Nodes shown at the first zoom level; each level after it shows four times as many.
LEVEL_BUDGET = 400
# Importance of a node kind, times its degree: officials first, then events.
KIND_WEIGHT = {"official": 3.0, "event": 1.5, "place": 1.0, "organisation": 1.0, "document": 0.8}


@dataclass(frozen=True)
class Layout:
    """Where each node is drawn, the communities and their circles, each node's level."""

    positions: dict[str, tuple[float, float]]
    communities: list[list[str]]  # largest first, members sorted
    circles: list[tuple[float, float, float]]  # centre x, y and radius of each community
    levels: dict[str, int]  # the first zoom level at which a node is shown
    rank: dict[str, int]  # 0 for the most important node


def _numpy():
    try:
        import numpy as np
    except ImportError as exc:  # pragma: no cover - numpy is a dependency
        raise ImportError("govkg's view layout needs numpy: pip install numpy") from exc
    return np


def force_layout(
    count: int,
    edges: Iterable[tuple[int, int, float]],
    *,
    seed: int = 0,
    iterations: int = 80,
    radii=None,
):
    """Fruchterman-Reingold positions of ``count`` nodes joined by weighted ``edges``.

    The ideal distance between nodes is 1 (plus their ``radii``, when given);
    a weak pull to the centre keeps parts that share no edge together. Returns
    an ``(count, 2)`` numpy array, centred on the origin.

    >>> force_layout(1, []).tolist()
    [[0.0, 0.0]]
    >>> p = force_layout(3, [(0, 1, 1.0), (1, 2, 1.0)])
    >>> bool(abs(p[0] - p[1]).sum() < abs(p[0] - p[2]).sum())
    True
    """
    np = _numpy()
    if count == 0:
        return np.zeros((0, 2))
    if count == 1:
        return np.zeros((1, 2))
    if count == 2 and radii is None:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, (count, 2)) * math.sqrt(count)
    edge_list = list(edges)
    src = np.array([e[0] for e in edge_list], dtype=np.int64)
    dst = np.array([e[1] for e in edge_list], dtype=np.int64)
    weight = np.array([e[2] for e in edge_list], dtype=float)
    if len(weight):
        weight = weight / weight.max()
    sizes = np.zeros(count) if radii is None else np.asarray(radii, dtype=float)
    ideal = 1.0 + sizes[:, None] + sizes[None, :]
    ideal_squared = ideal**2
    temperature = math.sqrt(count)
    cooling = (0.02) ** (1.0 / iterations)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = _lengths(delta)
        np.fill_diagonal(dist, 1.0)
        dist = np.maximum(dist, 0.01)
        push = ideal_squared / dist**2
        np.fill_diagonal(push, 0.0)
        # the sum over j of delta[i, j] * push[i, j]: the same additions in the same
        # order as (delta * push[:, :, None]).sum(axis=1), without the (n, n, 2) product
        move = np.einsum("ijk,ij->ik", delta, push)
        if len(src):
            d = pos[src] - pos[dst]
            length = np.maximum(_lengths(d), 0.01)
            pull = d * (length / ideal[src, dst] * weight)[:, None]
            np.add.at(move, src, -pull)
            np.add.at(move, dst, pull)
        move -= pos * (0.05 * math.sqrt(count) / max(1.0, _lengths(pos).mean()))
        length = np.maximum(_lengths(move), 1e-9)
        pos += move / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= cooling
    return pos - pos.mean(axis=0)


def _lengths(delta):
    """The lengths of an array of 2-d vectors (on its last axis).

    The same bits as ``np.sqrt((delta**2).sum(axis=-1))``, ten times quicker
    on this machine: no reduction over an axis of two.
    """
    np = _numpy()
    return np.sqrt(delta[..., 0] ** 2 + delta[..., 1] ** 2)


def _separate(centres, radii, rounds: int = 60):
    """Push circles apart until none overlaps (or ``rounds`` pass).

    Each pair that overlaps moves half the overlap apart, the smaller circle more; the pairs that
    do not are no push (a zero, give or take its sign), so only those that overlap are pushed and
    summed, circle by circle in the order of the others (as numpy sums the pairs' pushes of a
    circle: one after another), to the same bits. Where circles are many (a page's part in a
    thousand communities at 100,000 releases) the pushes of every pair were most of the page.
    """
    np = _numpy()
    n = len(radii)
    if n < 2:
        return centres
    # two circles overlap only where their spans across meet (a margin for the rounding)
    half = radii * (1.0 + 1e-9) + 1e-9
    for _ in range(rounds):
        i, j = _near_pairs(centres[:, 0], half)
        delta = centres[i] - centres[j]
        dist = _lengths(delta)
        need = radii[i] + radii[j]
        overlap = need - dist
        if (overlap <= 1e-6).all():
            break
        pushed = overlap > 0.0
        i, j = i[pushed], j[pushed]
        apart = np.maximum(dist[pushed], 1e-6)
        share = radii[j] / np.maximum(need[pushed], 1e-9)
        push = (delta[pushed] / apart[:, None]) * (overlap[pushed] * share)[:, None] * 0.55
        moved = np.zeros_like(centres)
        np.add.at(moved, i, push)
        centres = centres + moved
    return centres


def _near_pairs(x, half):
    """Every ordered pair ``(i, j)``, ``i != j``, of intervals ``x ± half`` that meet (``x[i]``
    and ``x[j]`` at most ``half[i] + half[j]`` apart, give or take a rounding there: :func:`_separate`
    asks with a margin), as two arrays in the order of ``np.nonzero`` over a square of pairs: by
    ``i``, then ``j``. What :func:`_separate` asks about instead of every pair: the circles of a
    page's part in a thousand communities (100,000 releases) were most of the page, 60 rounds
    of a million pairs.

    >>> import numpy as np
    >>> i, j = _near_pairs(np.array([0.0, 5.0, 0.5, 9.0]), np.array([0.5, 0.5, 0.5, 3.6]))
    >>> [(int(a), int(b)) for a, b in zip(i, j)]
    [(0, 2), (1, 3), (2, 0), (3, 1)]
    """
    np = _numpy()
    n = len(x)
    left, right = x - half, x + half
    order = np.argsort(left, kind="stable")
    starts = left[order]
    # the intervals starting within each one, after it in that order: each pair that meets once
    high = np.searchsorted(starts, right[order], side="right")
    counts = np.maximum(high - np.arange(n) - 1, 0)
    ends = np.cumsum(counts)
    places = np.arange(int(ends[-1])) - np.repeat(ends - counts, counts) + np.repeat(np.arange(n) + 1, counts)
    a, b = np.repeat(order, counts), order[places]
    keys = np.concatenate([a * n + b, b * n + a])
    keys.sort()
    return keys // n, keys % n


def _radius(size: int) -> float:
    return SPACING * 0.62 * math.sqrt(size)


def _sorted_graph(graph: nx.Graph | nx.DiGraph, nodes: Iterable[str]) -> nx.Graph:
    """The undirected subgraph of ``nodes``, nodes and edges (lesser end first) added in sorted order.

    Louvain and the force layout depend on the order they meet nodes and edges
    in, and a networkx subgraph view iterates its nodes in the order of a set,
    which changes with Python's string hashing: a copy in sorted order gives
    the same layout in every process.
    """
    import networkx as nx

    members = sorted(nodes)
    sub = graph.subgraph(members)
    ordered = nx.Graph()
    ordered.add_nodes_from(members)
    ordered.add_edges_from(sorted({(a, b) if a <= b else (b, a) for a, b in sub.edges()}))
    return ordered


class _Undirected:
    """A view's network without direction, as sets of neighbours: what :func:`_sorted_graph` of
    some of its nodes holds, read without making a networkx graph of each part (a page's layout
    asked for one at every step of its recursion, about a fifth of its time)."""

    def __init__(self, net: nx.DiGraph) -> None:
        self.net = net
        self.adjacent: dict[str, set[str]] = {n: set() for n in net}
        for a, b in net.edges():
            self.adjacent[a].add(b)
            self.adjacent[b].add(a)

    def edges(self, nodes: Iterable[str]) -> list[tuple[str, str]]:
        """``_sorted_graph(net, nodes).edges()``: each edge among ``nodes`` once, lesser end first,
        in sorted order (a self-loop too)."""
        inside = set(nodes)
        adjacent = self.adjacent
        return sorted((a, b) for a in inside for b in adjacent[a] if a <= b and b in inside)

    def components(self) -> list[list[str]]:
        """The connected parts, each sorted, largest first (ties by their first node)."""
        adjacent, seen, found = self.adjacent, set(), []
        for start in adjacent:
            if start in seen:
                continue
            seen.add(start)
            part, frontier = [start], [start]
            while frontier:
                for m in adjacent[frontier.pop()]:
                    if m not in seen:
                        seen.add(m)
                        part.append(m)
                        frontier.append(m)
            found.append(sorted(part))
        return sorted(found, key=lambda c: (-len(c), c[0]))

    def louvain(self, nodes: list[str], resolution: float) -> list[set[str]]:
        """networkx's ``louvain_communities(_sorted_graph(net, nodes), seed=0, resolution=...)``, by
        :func:`~govkg.graph.network._louvain` on lists (the same moves: each node's neighbours in
        the order that graph holds them, ascending; each edge of weight 1)."""
        members = sorted(nodes)
        number = {n: i for i, n in enumerate(members)}
        adjacent = self.adjacent
        neighbours = [sorted(number[m] for m in adjacent[n] if m in number) for n in members]
        if not any(neighbours):  # no edge: networkx's partition is every node alone
            return [{n} for n in members]
        strengths = [[1] * len(row) for row in neighbours]
        return [
            {members[i] for i in c} for c in _louvain(neighbours, strengths, seed=0, resolution=resolution)
        ]


def _parts(graph: _Undirected, nodes: list[str], depth: int) -> list[list[str]]:
    """Louvain communities of ``nodes`` (seeded), largest first; finer at each depth."""
    import networkx as nx

    found = graph.louvain(nodes, resolution=1.0 + depth)
    parts = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    if len(parts) == 1 and len(nodes) > LEAF:
        # One community that will not split: cut it in BFS order from its best connected node.
        sub = _sorted_graph(graph.net, nodes)
        start = max(nodes, key=lambda n: (sub.degree(n), n))
        order = [start, *(v for _, v in nx.bfs_edges(sub, start))]
        order += sorted(set(nodes) - set(order))
        parts = [order[i : i + LEAF] for i in range(0, len(order), LEAF)]
    return parts


def _lay_out(
    graph: _Undirected, nodes: list[str], depth: int, memo: LayoutMemo | None = None
) -> tuple[dict[str, tuple[float, float]], list[list[str]]]:
    """Positions of ``nodes`` around the origin, and the parts they were split into (or none);
    with ``memo``, those of a part laid out before from the same nodes and edges are its."""
    among = graph.edges(nodes)
    if memo is None:
        return _lay_out_part(graph, nodes, depth, among, None)
    key = memo.key(nodes, among, depth)
    found = memo.get(key)
    if found is None:
        mark = len(memo.trail)
        found = _lay_out_part(graph, nodes, depth, among, memo)
        memo.put(key, found, memo.trail[mark:])  # the keys its parts left
        del memo.trail[mark:]
    memo.trail.append(key)
    return found


def _lay_out_part(
    graph: _Undirected, nodes: list[str], depth: int, among: list[tuple[str, str]], memo: LayoutMemo | None
) -> tuple[dict[str, tuple[float, float]], list[list[str]]]:
    """:func:`_lay_out` of a part not found in the memo (``among``: its edges)."""
    np = _numpy()
    if len(nodes) <= LEAF or depth > 4:
        index = {n: i for i, n in enumerate(nodes)}
        edges = [(index[a], index[b], 1.0) for a, b in among if a != b]
        pos = force_layout(len(nodes), sorted(edges), seed=depth, iterations=60 if len(nodes) > 8 else 30)
        # Scale so that the mean distance to the nearest neighbour is SPACING.
        if len(nodes) > 1:
            delta = pos[:, None, :] - pos[None, :, :]
            dist = _lengths(delta)
            np.fill_diagonal(dist, np.inf)
            nearest = float(np.median(dist.min(axis=1)))
            pos = pos * (SPACING / max(nearest, 1e-9))
        return {n: (float(pos[i, 0]), float(pos[i, 1])) for n, i in index.items()}, []
    parts = _parts(graph, nodes, depth)
    inner = [_lay_out(graph, part, depth + 1, memo)[0] for part in parts]
    radii = []
    for part, placed in zip(parts, inner, strict=True):
        reach = max((math.hypot(*placed[n]) for n in part), default=0.0)
        radii.append(reach + SPACING * 0.8)
    member = {n: i for i, part in enumerate(parts) for n in part}
    weights: dict[tuple[int, int], float] = {}
    for a, b in among:
        i, j = sorted((member[a], member[b]))
        if i != j:
            weights[(i, j)] = weights.get((i, j), 0.0) + 1.0
    scale = float(np.mean(radii))
    radii_arr = np.array(radii) / scale
    centres = force_layout(
        len(parts),
        [(i, j, w) for (i, j), w in sorted(weights.items())],
        seed=depth,
        radii=radii_arr,
        iterations=100,
    )
    centres = _separate(centres * scale, np.array(radii) * 1.02)
    # Draw the communities together, keeping their arrangement: shrink, then push apart where they overlap.
    for _ in range(12):
        centres = _separate((centres - centres.mean(axis=0)) * 0.85, np.array(radii) * 1.02)
    positions = {}
    for i, placed in enumerate(inner):
        cx, cy = centres[i]
        for n, (x, y) in placed.items():
            positions[n] = (x + cx, y + cy)
    return positions, parts


# What a memo of laid-out parts was made by: another format, govkg or numpy may place them elsewhere.
MEMO_FORMAT = 1


class LayoutMemo:
    """Parts of a page laid out before (:func:`_lay_out`'s positions and parts), by a digest of
    what they were laid out from: their nodes in order, the edges among them and their depth.

    Laying a part out is a function of those alone (seeded), so a part found here is placed as it
    would be again, to the bit, and an update's page, where most communities are those of the
    previous build, lays out only the parts that changed (and those that hold them). The memo
    is kept in a file (``path``; a build's ``cache/network/layout.marshal``), read when made and
    written again by :meth:`save` with the parts this layout used alone, so that it stays the
    size of one page; a file of another :data:`MEMO_FORMAT`, govkg or numpy is not read.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.found: dict[bytes, tuple] = {}
        self.used: dict[bytes, tuple] = {}
        self.trail: list[bytes] = []  # the keys of the parts laid out, each part's after its own
        self.hits = 0
        if self.path is not None:
            try:
                head, found = marshal.loads(self.path.read_bytes())
            except (OSError, EOFError, ValueError, TypeError):
                return
            if head == self._head():
                self.found = found

    @staticmethod
    def _head() -> str:
        return f"{MEMO_FORMAT} {software_fingerprint()} numpy {_numpy().__version__}"

    @staticmethod
    def key(nodes: list[str], among: list[tuple[str, str]], depth: int) -> bytes:
        digest = hashlib.blake2b(f"{depth}\n{len(nodes)}\n".encode(), digest_size=16)
        digest.update("\n".join(nodes).encode("utf-8"))
        digest.update(b"\0")
        digest.update("\n".join(f"{a}\t{b}" for a, b in among).encode("utf-8"))
        return digest.digest()

    def get(self, key: bytes):
        """The positions and parts of the part of digest ``key``, or None; the parts under it
        are kept too (they are its memo's, for when it changes)."""
        entry = self.found.get(key)
        if entry is None:
            return None
        self.hits += 1
        self._keep(key, entry)
        names, xs, ys, parts, _below, numbers = entry
        if numbers:  # a part split into parts placed its nodes by numpy's floats: kept as they were
            np = _numpy()
            xs, ys = (np.frombuffer(xs, dtype=np.float64), np.frombuffer(ys, dtype=np.float64))
            return dict(zip(names, zip(list(xs), list(ys), strict=True), strict=True)), parts
        return dict(zip(names, zip(xs, ys, strict=True), strict=True)), parts

    def _keep(self, key: bytes, entry: tuple) -> None:
        self.used[key] = entry
        for child in entry[4]:
            if child in self.found:
                self._keep(child, self.found[child])

    def put(self, key: bytes, found: tuple[dict, list[list[str]]], children: list[bytes]) -> None:
        positions, parts = found
        names = list(positions)
        numbers = bool(parts)
        if numbers:
            np = _numpy()
            xs = np.array([positions[n][0] for n in names], dtype=np.float64).tobytes()
            ys = np.array([positions[n][1] for n in names], dtype=np.float64).tobytes()
        else:
            xs = [positions[n][0] for n in names]
            ys = [positions[n][1] for n in names]
        self.used[key] = (names, xs, ys, parts, list(children), numbers)

    def save(self) -> None:
        """Write the parts used by the layouts made with this memo to its file (atomically)."""
        if self.path is not None:
            atomic_write(self.path, marshal.dumps((self._head(), self.used)), sync=False)


def importance(net: nx.DiGraph) -> dict[str, float]:
    """How much a node matters to the view: its degree, weighted by its kind.

    Officials count more than events, events more than places, so that a
    distant view shows who met whom before where.
    """
    scores = {}
    for n, attrs in net.nodes(data=True):
        degree = net.degree(n)
        bonus = float(attrs.get("betweenness", 0.0)) * 100.0
        scores[n] = KIND_WEIGHT.get(attrs.get("kind", ""), 0.6) * (1 + degree) + bonus
    return scores


def detail_levels(net: nx.DiGraph, budget: int = LEVEL_BUDGET) -> tuple[dict[str, int], dict[str, int]]:
    """Each node's first zoom level, and its rank by :func:`importance` (0 first).

    Level ``L`` shows the ``budget * 4**L`` most important nodes.

    >>> import networkx as nx
    >>> g = nx.DiGraph()
    >>> g.add_nodes_from(["a", "b", "c"], kind="event")
    >>> g.add_edges_from([("a", "b"), ("a", "c")])
    >>> detail_levels(g, budget=1)
    ({'a': 0, 'b': 1, 'c': 1}, {'a': 0, 'b': 1, 'c': 2})
    """
    score = importance(net)
    order = sorted(net, key=lambda n: (-score[n], n))
    rank = {n: i for i, n in enumerate(order)}
    levels = {}
    for n in sorted(net):
        level, room = 0, budget
        while rank[n] >= room:
            level += 1
            room *= 4
        levels[n] = level
    return levels, rank


def _shelves(radii: list[float], aspect: float = 1.5) -> list[tuple[float, float]]:
    """Centres for circles of ``radii`` (largest first), packed in rows into a box about ``aspect`` wide.

    Rows are filled left to right, each as tall as its first (largest) circle,
    so the parts of a network fill a screen-shaped area instead of a ring.

    >>> _shelves([10.0, 5.0, 5.0], aspect=1.0)
    [(10.0, 10.0), (34.0, 5.0), (5.0, 34.0)]
    """
    if not radii:
        return []
    gap = SPACING * 0.15
    area = sum((2 * r + gap) ** 2 for r in radii)
    width = max(math.sqrt(area * aspect), 2 * radii[0] + gap)
    centres = []
    x = y = 0.0
    row_height = 0.0
    for r in radii:
        if x > 0 and x + 2 * r > width:
            x, y = 0.0, y + row_height + gap
            row_height = 0.0
        centres.append((round(x + r, 6), round(y + r, 6)))
        x += 2 * r + gap
        row_height = max(row_height, 2 * r)
    return centres


def layout(net: nx.DiGraph, budget: int = LEVEL_BUDGET, memo: LayoutMemo | None = None) -> Layout:
    """The positions, communities and levels of detail of a view's network.

    Each connected part is laid out on its own (split into communities when
    large), then the parts are packed in rows, largest first. With ``memo``,
    a part laid out before from the same nodes and edges is placed as it was
    (the same positions), and the memo is saved with the parts of this layout.
    """
    if not net:
        return Layout({}, [], [], {}, {})
    undirected = _Undirected(net)
    laid, radii, communities = [], [], []
    for component in undirected.components():
        placed, parts = _lay_out(undirected, component, 0, memo)
        laid.append(placed)
        radii.append(max(math.hypot(x, y) for x, y in placed.values()) + SPACING * 0.4)
        communities.extend(parts or [component])
    positions = {}
    for placed, (cx, cy) in zip(laid, _shelves(radii), strict=True):
        for n, (x, y) in placed.items():
            positions[n] = (round(x + cx, 1), round(y + cy, 1))
    positions = dict(sorted(positions.items()))
    circles = []
    for members in communities:
        xs = [positions[n][0] for n in members]
        ys = [positions[n][1] for n in members]
        cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
        r = max(math.hypot(x - cx, y - cy) for x, y in zip(xs, ys, strict=True)) + SPACING * 0.5
        circles.append((round(cx, 1), round(cy, 1), round(r, 1)))
    levels, rank = detail_levels(net, budget)
    if memo is not None:
        memo.save()
    return Layout(positions, communities, circles, levels, rank)
