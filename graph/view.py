"""The interactive HTML view of a graph: one self-contained file, built with pyvis.

The view is derived from the RDF graph through
:func:`govkg.graph.tables.knowledge_network`, never from extraction records.
Officials, events, organisations, places, documents and directives each have
their own colour and shape, named in a legend. Hovering shows the fact under
the pointer (the nearest edge, or the node) with its evidence sentence,
release headline and date; clicking an official lists their career (posts
as bars from first to last attestation, events by role) and their events
grouped by year and role, each sentence a click away. A search box finds
names, check boxes hide node kinds.

The page opens laid out and still, whatever its size: positions are computed
once here (:mod:`govkg.graph.layout`, communities first, seeded) and written
into the page with physics off. Zoomed to fit, the page shows the
communities and the most important nodes (a budget of
:data:`~govkg.graph.layout.LEVEL_BUDGET`); each zoom level in shows four
times as many; labels are drawn only where they do not collide at the
current zoom. Above ``max_nodes`` the view keeps the most connected part of
the network, says what it left out, and points at the Gephi exports.

pyvis holds the nodes, edges and options and renders them through its own
Jinja pipeline, but with govkg's template (``static/view.html``): pyvis's
template loads Bootstrap and vis-network from CDNs even in ``in_line`` mode,
which freezes offline. vis-network's script and styles, which pyvis ships,
are inlined instead, so the file works with no network at all.
"""

from __future__ import annotations

import json
import math
import re
import secrets
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2.utils import htmlsafe_json_dumps

from govkg.graph.layout import LEVEL_BUDGET, LayoutMemo, layout
from govkg.graph.network import KINDS, sorted_unique, zh_label
from govkg.graph.tables import knowledge_network, with_figures

if TYPE_CHECKING:
    import networkx as nx
    from rdflib import Graph


DEFAULT_MAX_NODES = 5000  # a ceiling on the page's size; zoom levels share out what is drawn
VIS_VERSION = "9.1.2"  # the vis-network that pyvis 0.3.2 ships
# Colour and shape of each node kind (shapes with the label underneath).
KIND_STYLE: dict[str, tuple[str, str]] = {
    "official": ("dot", "#d9480f"),
    "event": ("square", "#1c7ed6"),
    "organisation": ("triangle", "#2b8a3e"),
    "place": ("star", "#f08c00"),
    "document": ("hexagon", "#7048e8"),
    "directive": ("diamond", "#c2255c"),
}
EDGE_COLOURS = {
    "participation": "#868e96",
    "holding": "#2b8a3e",
    "location": "#f08c00",
    "implements": "#c2255c",
    "issuer": "#7048e8",
    "cites": "#7048e8",
}
FONT_FACE = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif"


@dataclass
class View:
    """The part of a knowledge network a page shows, and what it left out."""

    net: nx.DiGraph
    total_nodes: int
    total_edges: int
    left_out: dict[str, int] = field(default_factory=dict)  # kind -> nodes not shown
    notes: list[str] = field(default_factory=list)  # the filters applied, for the page
    focus: list[str] = field(default_factory=list)  # the officials a view is centred on
    tenures: dict[str, list[list[str]]] = field(default_factory=dict)  # official -> [post, first, last]

    @property
    def trimmed(self) -> bool:
        return bool(self.left_out)


def _kind_label(kind: str) -> str:
    """The ontology's Chinese name of a node kind (人物, 事件 ...)."""
    return zh_label(KINDS[kind][0] if kind != "event" else KINDS[kind][-1])


def select_view(
    net: nx.DiGraph,
    *,
    persons: list[str] | None = None,
    hops: int = 2,
    since: str | None = None,
    until: str | None = None,
    kinds: list[str] | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
) -> View:
    """Filter a knowledge network and trim it to a readable size.

    ``kinds`` keeps only those node kinds; ``since``/``until`` (ISO dates,
    inclusive) keep the events dated in the window (an undated event takes its
    release's date; one with neither is dropped) and drop what was tied only
    to the events dropped; ``persons`` keeps what lies within ``hops`` edges
    of an official of one of those names. Then, above ``max_nodes``, the
    most connected officials and events are kept with what they are tied to
    (see :func:`select_numbered`), or, in a view centred on officials, what is
    nearest to them.
    """
    return tables_view(
        _NetworkTables(net),
        persons=persons,
        hops=hops,
        since=since,
        until=until,
        kinds=kinds,
        max_nodes=max_nodes,
    )


class _NetworkTables:
    """A networkx knowledge network as :func:`tables_view` reads a network's tables: its nodes
    numbered in the order of their ids, its edges in the order of their ends', its tenures those
    it carries (``net.graph["tenures"]``)."""

    def __init__(self, net: nx.DiGraph) -> None:
        self.net = net
        self.ids = sorted(net)
        number = {nid: i for i, nid in enumerate(self.ids)}
        self.kinds = [net.nodes[nid]["kind"] for nid in self.ids]
        self.edges = sorted(net.edges())
        self.sources = [number[a] for a, _ in self.edges]
        self.targets = [number[b] for _, b in self.edges]

    def node_lines(self) -> Iterator[tuple[str, dict]]:
        return ((nid, dict(self.net.nodes[nid])) for nid in self.ids)

    def edge_lines(self) -> Iterator[tuple[str, str, dict]]:
        return ((a, b, dict(self.net.edges[a, b])) for a, b in self.edges)

    def tenure_lines(self) -> Iterator[tuple[str, list[list[str]]]]:
        return iter(self.net.graph.get("tenures", {}).items())

    def node_lines_at(self, numbers: set[int]) -> Iterator[tuple[int, str, dict]]:
        return ((n, nid, dict(self.net.nodes[nid])) for n, nid in enumerate(self.ids) if n in numbers)

    def edge_lines_at(self, wanted) -> Iterator[tuple[str, str, dict]]:
        return ((a, b, dict(self.net.edges[a, b])) for (a, b), w in zip(self.edges, wanted, strict=True) if w)

    def tenure_lines_of(self, ids: set[str]) -> Iterator[tuple[str, list[list[str]]]]:
        return ((nid, found) for nid, found in self.tenure_lines() if nid in ids)


# Share of a trimmed view given to officials and events, the backbone of who
# met whom; the rest goes to the organisations, places, documents and
# directives tied to them.
BACKBONE_SHARE = 0.75


class _Numbered:
    """A network's structure in numbers (node ``i`` the ``i``-th id in sorted order): each node's
    distinct neighbours, either way, as arrays (compressed rows), and its kind's rank."""

    def __init__(self, kinds: list[str], sources, targets, inside=None) -> None:
        import numpy as np

        n = len(kinds)
        rank = {kind: i for i, kind in enumerate(KINDS)}
        self.kind_rank = [rank[kind] for kind in kinds]
        src = np.asarray(sources, dtype=np.int64)
        dst = np.asarray(targets, dtype=np.int64)
        if inside is not None:
            both = inside[src] & inside[dst]
            src, dst = src[both], dst[both]
        u, v = np.concatenate([src, dst]), np.concatenate([dst, src])
        apart = u != v
        pairs = sorted_unique(u[apart] * max(n, 1) + v[apart])
        self.u, self.v = pairs // max(n, 1), pairs % max(n, 1)
        self.indptr = np.searchsorted(self.u, np.arange(n + 1))
        self.degree = np.diff(self.indptr)
        self.n = n

    def neighbours(self, node: int):
        return self.v[self.indptr[node] : self.indptr[node + 1]].tolist()

    def priority(self, node: int) -> tuple:
        """Better connected first; among equals, officials and events first."""
        return (-int(self.degree[node]), self.kind_rank[node], node)

    def components(self):
        """Each node's component, named by its smallest node."""
        import numpy as np

        labels = np.arange(self.n)
        u, v = self.u, self.v
        while True:
            lu, lv = labels[u], labels[v]
            if (lu == lv).all():
                return labels
            low = np.minimum(lu, lv)
            np.minimum.at(labels, lu, low)
            np.minimum.at(labels, lv, low)
            while True:
                jumped = labels[labels]
                if (jumped == labels).all():
                    break
                labels = jumped


def select_numbered(
    kinds: list[str], sources, targets, max_nodes: int = DEFAULT_MAX_NODES, inside=None
) -> set[int]:
    """The nodes :func:`select_view` keeps of a network (of the nodes ``inside``, a mask, when
    given: what its filters left), from its structure in numbers.

    ``kinds`` holds each node's kind in the order of the ids; ``sources`` and
    ``targets`` the numbers of each edge's ends. The backbone (officials and
    events) is cut first, with whole connected parts kept largest first and
    the first that does not fit grown from its most connected node; the
    other kinds then fill the rest, those tied to most kept nodes first. On
    arrays: a build's network tables (graph/tables.py) never hold the network
    whole.
    """
    import numpy as np

    inside = np.ones(len(kinds), dtype=bool) if inside is None else np.asarray(inside, dtype=bool)
    if int(inside.sum()) <= max_nodes:
        return set(np.flatnonzero(inside).tolist())
    backbone = np.array([kind in ("official", "event") for kind in kinds], dtype=bool) & inside
    whole = _Numbered(kinds, sources, targets, inside=inside)
    if not backbone.any() or int(backbone.sum()) == int(inside.sum()):
        return _connected_numbered(whole, inside, max_nodes)
    inner = _Numbered(kinds, sources, targets, inside=backbone)
    keep = _connected_numbered(inner, backbone, max(1, int(max_nodes * BACKBONE_SHARE)))
    candidates = {m for n in keep for m in whole.neighbours(n)} - keep
    ties = {m: sum(1 for n in whole.neighbours(m) if n in keep) for m in candidates}
    ranked = sorted(candidates, key=lambda m: (-ties[m], *whole.priority(m)))
    keep.update(ranked[: max_nodes - len(keep)])
    return keep


def _connected_numbered(graph: _Numbered, inside, limit: int) -> set[int]:
    """At most ``limit`` of the nodes ``inside`` (a mask): whole connected parts, largest first, the
    last one grown from its most connected node, best-connected neighbours first."""
    import heapq

    import numpy as np

    labels = graph.components()
    members = np.flatnonzero(inside)
    labels = labels[members]
    order = np.lexsort((members, labels))
    members, labels = members[order], labels[order]
    names, starts, sizes = np.unique(labels, return_index=True, return_counts=True)
    keep: set[int] = set()
    for part in np.lexsort((names, -sizes)).tolist():
        room = limit - len(keep)
        if room <= 0:
            break
        nodes = members[starts[part] : starts[part] + sizes[part]].tolist()
        if len(nodes) <= room:
            keep.update(nodes)
            continue
        if room < 2:
            break
        start = min(nodes, key=graph.priority)
        taken, heap = {start}, []
        for m in graph.neighbours(start):
            heapq.heappush(heap, graph.priority(m))
        while heap and len(taken) < room:
            n = heapq.heappop(heap)[-1]
            if n in taken:
                continue
            taken.add(n)
            for m in graph.neighbours(n):
                if m not in taken:
                    heapq.heappush(heap, graph.priority(m))
        keep |= taken
        break  # smaller parts after a cut one would be noise beside it
    return keep


# --- HTML --------------------------------------------------------------------


def _node_tooltip(attrs: dict, degree: int) -> str:
    kind = attrs["kind"]
    lines = [attrs.get("name", "")]
    if attrs.get("aliases"):
        lines.append(f"（{attrs['aliases']}）")
    if kind == "official" and attrs.get("titles"):
        lines.append(attrs["titles"])
    if kind == "event":
        lines.insert(0, attrs.get("label", "").split("\n")[0])  # type and date, as the node shows
    if kind in ("official", "event"):
        if attrs.get("evidence"):
            lines.append(f"“{attrs['evidence']}”")
        if attrs.get("headline") or attrs.get("published"):
            lines.append(f"—— {attrs.get('headline', '')} {attrs.get('published', '')}".rstrip())
    lines.append(f"[{_kind_label(kind)}] {degree}")
    return "\n".join(x for x in lines if x)


def _edge_tooltip(net: nx.DiGraph, source: str, target: str, attrs: dict) -> str:
    lines = [
        f"{net.nodes[source].get('name', source)} —{attrs.get('label', '')}→ "
        f"{net.nodes[target].get('name', target)}"
    ]
    if attrs.get("evidence"):
        lines.append(f"“{attrs['evidence']}”")
    if attrs.get("headline") or attrs.get("published"):
        lines.append(f"—— {attrs.get('headline', '')} {attrs.get('published', '')}".rstrip())
    return "\n".join(lines)


def vis_options(node_count: int) -> dict:
    """vis-network options: positions come with the nodes, so physics stays off.

    Node labels are not vis-network's: the page draws them itself, only where
    they do not collide (see ``static/view.html``), so ``label`` is left out
    of the nodes it hands to vis-network.
    """
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {"enabled": False},
        "interaction": {
            "hover": True,
            "tooltipDelay": 3600000,  # the page shows its own tooltip, for the thing under the pointer
            "hideEdgesOnDrag": node_count > 300,
            "hideEdgesOnZoom": node_count > 2000,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "navigationButtons": False,
        },
        "nodes": {"borderWidth": 1, "font": {"face": FONT_FACE, "size": 13}},
        "edges": {
            "smooth": False,
            "width": 1,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.35}},
            "color": {"inherit": False, "opacity": 0.8},
            "selectionWidth": 2,
        },
    }


def node_size(degree: int) -> float:
    """A node's radius in canvas units, growing slowly with its degree.

    >>> node_size(0), node_size(1), node_size(63)
    (6.0, 9.0, 24.0)
    """
    return round(6.0 + 3.0 * math.log2(1 + degree), 1)


def vis_assets() -> tuple[str, str]:
    """vis-network's script and styles as pyvis ships them, ready to inline."""
    try:
        import pyvis
    except ImportError as exc:
        raise ImportError("govkg's HTML view needs pyvis: pip install pyvis==0.3.2") from exc
    folder = Path(pyvis.__file__).parent / "templates" / "lib" / f"vis-{VIS_VERSION}"
    script = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    styles = (folder / "vis-network.css").read_text(encoding="utf-8")
    # The source map is not shipped; a reference to it is a request for nothing.
    script = re.sub(r"\n//# sourceMappingURL=\S*\s*$", "\n", script)
    script = _without_url_text(script)
    if "</script" in script.lower() or "</style" in styles.lower():
        raise ValueError("vis-network's files cannot be inlined: they close their own element")
    if re.search(r"https?://", script + styles):
        raise ValueError("vis-network's files name a URL that could not be rewritten")
    return script, styles


def _without_url_text(script: str) -> str:
    """vis-network's script with no ``http(s)://`` text, behaving the same.

    None of its URLs is ever loaded: the licence header links to the licences
    and authors, an error message and core-js's metadata link to GitHub, and
    ``http://www.w3.org/2000/svg`` is the SVG namespace name. They are
    rewritten so that a search of the page for URLs finds none: the header's
    links lose their scheme (the notices stay), and inside the script's
    double-quoted strings ``"…https://…"`` becomes ``"…https:/"+"/…"``, the
    same string at run time.

    >>> _without_url_text('/** x http://a.org */f("http://www.w3.org/2000/svg")')
    '/** x a.org */f("http:/"+"/www.w3.org/2000/svg")'
    """
    header_end = script.find("*/") + 2 if script.startswith("/*") else 0
    header = re.sub(r"https?://", "", script[:header_end])
    body = script[header_end:]
    pieces, last = [], 0
    for match in re.finditer(r"(https?:)//", body):
        # Only inside a double-quoted string literal, the only kind these are in.
        before = body[: match.start()]
        opening = max(before.rfind('"'), before.rfind("'"), before.rfind("`"))
        if opening < 0 or body[opening] != '"' or "\n" in body[opening : match.start()]:
            raise ValueError(
                f"vis-network names a URL outside a string: {body[match.start() - 40 : match.end()]}"
            )
        pieces.append(body[last : match.start()] + match.group(1) + '/"+"/')
        last = match.end()
    return header + "".join(pieces) + body[last:]


def render_html(view: View, title: str = "govkg") -> str:
    """The page of a view: one self-contained HTML document (no external resource), laid out."""
    return "".join(html_pieces(view, title))


def html_pieces(view: View, title: str = "govkg", memo: LayoutMemo | None = None) -> Iterator[str]:
    """:func:`render_html`'s page in pieces: the nodes and edges, most of it, are made into JSON a
    chunk at a time as the page is written, not held as one string (nor copied by the template).
    ``memo`` holds parts laid out before (:class:`~govkg.graph.layout.LayoutMemo`)."""
    try:
        from pyvis.network import Network
    except ImportError as exc:
        raise ImportError("govkg's HTML view needs pyvis: pip install pyvis==0.3.2") from exc

    net = view.net
    placed = layout(net, memo=memo)
    page = Network(height="100%", width="100%", directed=True, cdn_resources="remote", heading="")
    # pyvis checks that each edge's ends are nodes by scanning its list of node ids (at 4,466
    # nodes and 12,158 edges, 0.4 of the page's 2.8 s of CPU): its map of the same ids answers
    # at once
    page.get_nodes = page.node_map.keys
    for nid in sorted(net):
        attrs = net.nodes[nid]
        shape, colour = KIND_STYLE[attrs["kind"]]
        degree = net.degree(nid)
        extra = {
            k: attrs[k]
            for k in (
                "name",
                "title",
                "titles",
                "aliases",
                "type",
                "date",
                "evidence",
                "headline",
                "published",
                "release",
            )
            if attrs.get(k)
        }
        if extra.get("date") and attrs.get("dated") == "release":
            extra["date"] = f"≈{extra['date']}"  # the text gives no date: the release's
        x, y = placed.positions[nid]
        page.add_node(
            nid,
            label=attrs.get("label", nid),
            shape=shape,
            color=colour,
            size=node_size(degree),
            x=x,
            y=y,
            physics=False,
            kind=attrs["kind"],
            g_tip=_node_tooltip(attrs, degree),
            g_level=0 if nid in view.focus else placed.levels[nid],  # a view's centre is always drawn
            g_rank=placed.rank[nid],
            **{f"g_{k}": v for k, v in extra.items()},
        )
    for source, target in sorted(net.edges()):
        attrs = net.edges[source, target]
        extra = {
            k: attrs[k] for k in ("label", "evidence", "headline", "published", "release") if attrs.get(k)
        }
        page.add_edge(
            source,
            target,
            g_tip=_edge_tooltip(net, source, target, attrs),
            color=EDGE_COLOURS.get(attrs["relation"], "#868e96"),
            relation=attrs["relation"],
            **{f"g_{k}": v for k, v in extra.items()},
        )
    page.options = vis_options(net.number_of_nodes())
    script, styles = vis_assets()
    kinds_in_view = Counter(net.nodes[n]["kind"] for n in net)
    legend = [
        {
            "kind": kind,
            "label": _kind_label(kind),
            "shape": KIND_STYLE[kind][0],
            "colour": KIND_STYLE[kind][1],
            "count": kinds_in_view[kind],
        }
        for kind in KINDS
    ]
    communities = []
    for members, (cx, cy, r) in zip(placed.communities, placed.circles, strict=True):
        if len(members) < 3:
            continue
        head = min(members, key=lambda n: placed.rank[n])
        communities.append(
            {"x": cx, "y": cy, "r": r, "size": len(members), "name": net.nodes[head].get("name", head)}
        )
    summary = {
        "nodes": net.number_of_nodes(),
        "edges": net.number_of_edges(),
        "total_nodes": view.total_nodes,
        "total_edges": view.total_edges,
        "trimmed": view.trimmed,
        "left_out": [{"label": _kind_label(k), "count": n} for k, n in view.left_out.items()],
        "notes": view.notes,
        "focus": view.focus,
        "budget": LEVEL_BUDGET,
        "levels": max(placed.levels.values(), default=0) + 1,
        "communities": communities,
        "tenures": {k: v for k, v in view.tenures.items() if k in net},
    }
    static = resources.files("govkg.graph").joinpath("static")
    page.set_template_dir(str(static), "view.html")
    env = page.templateEnv
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals.update(
        page_title=title,
        vis_script=script,
        vis_styles=styles,
        legend=legend,
        summary=summary,
        font_face=FONT_FACE,
    )
    # pyvis's generate_html, with the nodes and edges left to mark where they go (view.html
    # writes them with Jinja's tojson filter, which is htmlsafe_json_dumps: the same text).
    nodes, edges = page.nodes, page.edges
    marks = {kind: [{"govkg": f"{kind}-{secrets.token_hex(8)}"}] for kind in ("nodes", "edges")}
    page.nodes, page.edges = marks["nodes"], marks["edges"]
    template = page.generate_html(name="graph.html")
    page.nodes, page.edges = nodes, edges
    policies = env.policies
    dumps = policies["json.dumps_function"] or json.dumps
    head, rest = template.split(json.dumps(marks["nodes"]), 1)
    middle, tail = rest.split(json.dumps(marks["edges"]), 1)
    yield head
    yield from _json_list(nodes, dumps, policies["json.dumps_kwargs"])
    yield middle
    yield from _json_list(edges, dumps, policies["json.dumps_kwargs"])
    yield tail


def _json_list(items: list, dumps, kwargs: dict, chunk: int = 500) -> Iterator[str]:
    """``htmlsafe_json_dumps(items)`` (Jinja's tojson), a chunk of items at a time: a list is its items'
    JSON joined by ", " in brackets (json's default separators), and the escapes are by character."""
    if kwargs.get("indent") is not None or kwargs.get("separators") is not None:
        yield str(htmlsafe_json_dumps(items, dumps=dumps, **kwargs))
        return
    yield "["
    for start in range(0, len(items), chunk):
        text = ", ".join(dumps(item, **kwargs) for item in items[start : start + chunk])
        escaped = (
            text.replace("<", "\\u003c")
            .replace(">", "\\u003e")
            .replace("&", "\\u0026")
            .replace("'", "\\u0027")
        )
        yield (", " if start else "") + escaped
    yield "]"


def view_html(graph: Graph, title: str = "govkg", **selection) -> str:
    """The HTML view of an RDF graph; ``selection`` as for :func:`select_view`."""
    return render_html(select_view(knowledge_network(graph), **selection), title=title)


def html(net: nx.DiGraph) -> str:
    """``graph.html`` of an analysed network (:func:`~govkg.graph.tables.analysed_network`)."""
    return render_html(select_view(net))


def tables_html(
    tables, figures, max_nodes: int = DEFAULT_MAX_NODES, memo: LayoutMemo | None = None
) -> Iterator[str]:
    """``graph.html`` of a build's network tables (graph/tables.py): :func:`html`'s page, with the
    attributes and tenures of the nodes it shows alone read, from the tables; ``memo``, the parts
    a previous build laid out (:class:`~govkg.graph.layout.LayoutMemo`)."""
    return html_pieces(tables_view(tables, max_nodes=max_nodes, figures=figures), memo=memo)


def _within_numbered(graph: _Numbered, centre: int, hops: int) -> set[int]:
    """Nodes at most ``hops`` edges from ``centre``."""
    seen, frontier = {centre}, [centre]
    for _ in range(max(hops, 0)):
        frontier = sorted({m for n in frontier for m in graph.neighbours(n)} - seen)
        seen.update(frontier)
    return seen


def _nearest_numbered(graph: _Numbered, centres: list[int], limit: int) -> set[int]:
    """At most ``limit`` nodes around ``centres``: nearer first, better connected first."""
    keep = set(centres[:limit])
    layer = sorted(keep)
    while layer and len(keep) < limit:
        ring = sorted({m for n in layer for m in graph.neighbours(n)} - keep, key=graph.priority)
        layer = ring[: limit - len(keep)]
        keep.update(layer)
    return keep


def tables_view(
    tables,
    *,
    persons: list[str] | None = None,
    hops: int = 2,
    since: str | None = None,
    until: str | None = None,
    kinds: list[str] | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    figures=None,
) -> View:
    """:func:`select_view` of a network's tables (graph/tables.py), the same view: chosen on the
    structure in numbers, then the attributes, edges and tenures of the nodes shown alone read
    from the tables (with each official's ranking figures, when ``figures`` are given).

    Only what the filters ask is read of the other nodes: the officials' names for ``persons``,
    the events' dates for ``since`` and ``until``.
    """
    import networkx as nx
    import numpy as np

    node_kinds, sources, targets = tables.kinds, tables.sources, tables.targets
    count = len(node_kinds)
    notes: list[str] = []
    focus: list[int] = []
    keep = np.ones(count, dtype=bool)
    wanted = set(persons or ())
    dates: dict[int, str] = {}
    named: list[int] = []
    if persons is not None or since or until:  # what the filters read of the other nodes
        for number, (_, attrs) in enumerate(tables.node_lines()):
            if node_kinds[number] == "event":
                dates[number] = attrs.get("date", "")
            elif node_kinds[number] == "official" and attrs.get("name") in wanted:
                named.append(number)
    if kinds is not None:
        keep &= np.array([kind in kinds for kind in node_kinds], dtype=bool)
        notes.append("、".join(_kind_label(k) for k in KINDS if k in kinds))
    if since or until:
        low, high = since or "0000-00-00", until or "9999-99-99"
        for number, date in dates.items():
            if keep[number] and not low <= date <= high:
                keep[number] = False
        events = keep & np.array([kind == "event" for kind in node_kinds], dtype=bool)
        # keep what is connected to an event left in the window
        labels = _Numbered(node_kinds, sources, targets, inside=keep).components()
        keep &= np.isin(labels, labels[events])
        notes.append(f"{since or '…'} – {until or '…'}")
    if persons is not None:
        centres = [n for n in named if keep[n]]
        graph = _Numbered(node_kinds, sources, targets, inside=keep)
        reached: set[int] = set()
        for centre in centres:
            reached |= _within_numbered(graph, centre, hops)
        keep = np.zeros(count, dtype=bool)
        keep[sorted(reached)] = True
        notes.append(f"{'、'.join(persons)} ±{hops}")
        focus = sorted(centres)
    if int(keep.sum()) > max_nodes:
        if focus:
            chosen = _nearest_numbered(_Numbered(node_kinds, sources, targets, inside=keep), focus, max_nodes)
        else:
            chosen = select_numbered(node_kinds, sources, targets, max_nodes, inside=keep)
    else:
        chosen = set(np.flatnonzero(keep).tolist())
    left = Counter(node_kinds[n] for n in np.flatnonzero(keep).tolist() if n not in chosen)
    shown = nx.DiGraph()
    # the lines of the nodes shown and of the edges between them alone are parsed
    for number, nid, attrs in tables.node_lines_at(chosen):
        if figures is not None and node_kinds[number] == "official":
            with_figures(attrs, figures, number)
        shown.add_node(nid, **attrs)
    inside = np.zeros(count, dtype=bool)
    inside[sorted(chosen)] = True
    ends = np.asarray(sources, dtype=np.int64), np.asarray(targets, dtype=np.int64)
    for source, target, attrs in tables.edge_lines_at(inside[ends[0]] & inside[ends[1]]):
        shown.add_edge(source, target, **attrs)
    view = View(
        net=shown,
        total_nodes=count,
        total_edges=len(sources),
        left_out={k: left[k] for k in KINDS if left[k]},
        notes=notes,
        focus=[tables.ids[n] for n in focus if n in chosen],
    )
    view.tenures = dict(tables.tenure_lines_of(set(shown)))
    return view
