"""Network views of the RDF graph with networkx: who took part in what, who meets whom.

Everything here is derived from the RDF graph (the one source of truth), never
from the extraction records:

- :func:`~govkg.graph.tables.knowledge_network`: one node per official, event, organisation,
  place, document and directive, edges for who did what (roles as written in
  the ontology's ``@zh`` labels: 主持, 出席, 讲话 ...), where events happened,
  what they implement, who holds a post in which organ, who issued a document,
  which documents a report cites. Edges carry their evidence sentence and the
  release's headline and date. The HTML view and the Gephi exports use it.
- :func:`person_event_network`: the bipartite graph of officials and events.
- :func:`coattendance_network`: officials linked by the events they shared,
  weighted by how many.
- :func:`network_stats`: the rankings of ``govkg stats`` (most active, most
  central, communities).

Node ids are the instance IRIs without the ``https://w3id.org/govkg/id/``
base, percent-decoding undone (``person/何平@巴中市``), so that no exported
file or page carries a URL. Output is deterministic: nodes and edges are
added in sorted order, and the community search and centrality sampling use
fixed seeds.
"""

from __future__ import annotations

import bisect
import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV

from govkg.graph import iris
from govkg.ontology import GOV, SCHEMA, EventType, zh_label

if TYPE_CHECKING:
    import networkx as nx


# Node kinds of the view and the exports, in legend order, with their classes.
KINDS: dict[str, tuple[URIRef, ...]] = {
    "official": (GOV.Person,),
    "event": tuple(t.value for t in EventType),  # gov:Event (any event) last
    "organisation": (GOV.Organization,),
    "place": (GOV.Place,),
    "document": (GOV.Document,),
    "directive": (GOV.Directive,),
}
# Roles in the order a reader expects them listed on one edge.
ROLE_ORDER = (
    GOV.Chair,
    GOV.Host,
    GOV.Leader,
    GOV.Attendee,
    GOV.Speaker,
    GOV.Guest,
    GOV.Companion,
    GOV.Appointee,
    GOV.Removed,
)
# Edge relations: name -> the ontology term whose @zh label names the edge.
# ``location`` and ``cites`` borrow the label of the class they point at
# (地点, 文件): schema.org terms have no @zh label in gov.ttl.
RELATIONS: dict[str, URIRef] = {
    "location": GOV.Place,
    "implements": GOV.implements,
    "holding": GOV.title,
    "issuer": GOV.issuer,
    "cites": GOV.Document,
}
# The work betweenness may take, in node and edge visits: each source it is
# computed from costs one breadth-first search of the co-attendance network,
# about nodes + edges visits (Brandes). Exact betweenness takes one source per
# node, quadratic in the network; above the budget, a sample of sources that
# fits it. 4 million visits: 0.1 s of CPU at 5,000 releases (collector paused: analysed_network).
BETWEENNESS_WORK = 4_000_000
# Fewest sources of an estimate: fewer would say more about the sample than the network.
BETWEENNESS_MIN_SOURCES = 16


def _numpy():
    try:
        import numpy as np
    except ImportError as exc:  # pragma: no cover - numpy is a dependency
        raise ImportError("govkg's rankings need numpy: pip install numpy") from exc
    return np


def sorted_unique(values):
    """``np.unique(values)`` (the distinct values, sorted) by one sort: numpy 2.4's ``np.unique``
    without ``return_*`` hashes the values first, and took 0.45 s of CPU for 900,000 numbers where
    this takes 0.05 (an update's page and rankings call it on every edge of the network).

    >>> sorted_unique([3, 1, 3, 2]).tolist()
    [1, 2, 3]
    """
    np = _numpy()
    found = np.sort(np.asarray(values))
    if len(found) < 2:
        return found
    return found[np.concatenate(([True], found[1:] != found[:-1]))]


def _require_networkx():
    try:
        import networkx as nx
    except ImportError as exc:  # pragma: no cover - networkx is a dependency
        raise ImportError("govkg's network views need networkx: pip install networkx") from exc
    return nx


# The short, URL-free id of an instance (``person/何平@巴中市``): graph/iris.py's, cached here.
node_id = lru_cache(maxsize=1 << 16)(iris.node_id)


# --- reading the RDF graph --------------------------------------------------


@dataclass(frozen=True)
class _Evidence:
    sentence: str
    begin: int
    headline: str
    published: str
    release: str


# The predicates the knowledge network reads, by the kind of their objects: a
# literal's text, or an IRI. Nothing else of the graph is read.
TEXT_PREDICATES = tuple(
    str(p)
    for p in (
        GOV.title,
        GOV.sentence,
        GOV.beginIndex,
        SCHEMA.name,
        SCHEMA.identifier,
        SCHEMA.headline,
        SCHEMA.datePublished,
        SCHEMA.startDate,
    )
)
LINK_PREDICATES = tuple(
    str(p)
    for p in (
        RDF.type,
        OWL.sameAs,
        GOV.holder,
        GOV.organization,
        GOV.evidence,
        GOV.release,
        GOV.agent,
        GOV.event,
        GOV.role,
        GOV.implements,
        GOV.issuer,
        PROV.wasDerivedFrom,
        SCHEMA.location,
        SCHEMA.citation,
    )
)
_TYPE, _SAME_AS, _HOLDER, _ORGANIZATION, _EVIDENCE, _RELEASE, _AGENT, _EVENT, _ROLE = LINK_PREDICATES[:9]
_IMPLEMENTS, _ISSUER, _DERIVED_FROM, _LOCATION, _CITATION = LINK_PREDICATES[9:]
_TITLE, _SENTENCE, _BEGIN, _NAME, _IDENTIFIER, _HEADLINE, _PUBLISHED, _START = TEXT_PREDICATES
_PARTICIPATION = str(GOV.Participation)


def graph_pairs(graph, texts: Iterable[str], links: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """Predicate -> (subject, object) of its triples, as plain strings, for the predicates named.

    ``texts`` are read where their object is a literal (its lexical form),
    ``links`` where it is an IRI; subjects are IRIs. A graph that can say this
    itself, such as a build's store (:meth:`~govkg.graph.store.StoreGraph.pairs`),
    is asked; an rdflib graph is read one predicate at a time.
    """
    own = getattr(graph, "pairs", None)
    if own is not None:
        return own(texts, links)
    found = {}
    for predicates, kind in ((texts, Literal), (links, URIRef)):
        for predicate in predicates:
            found[predicate] = [
                (str(s), str(o))
                for s, o in graph.subject_objects(URIRef(predicate))
                if isinstance(s, URIRef) and isinstance(o, kind)
            ]
    return found


class NodeIds:
    """The node id of an IRI (:func:`~govkg.graph.iris.node_id`), variants merged into their canonical node.

    ``same_as`` maps the IRI of a variant spelling of an organisation or place
    to the IRI it is ``owl:sameAs``; a chain of variants is followed (never a
    cycle). Ids are remembered, at most ``remember`` of them (all, when None).

    >>> ids = NodeIds({"https://w3id.org/govkg/id/org/巴中市政府": "https://w3id.org/govkg/id/org/巴中市人民政府"})
    >>> ids.key("https://w3id.org/govkg/id/org/巴中市政府")
    'org/巴中市人民政府'
    """

    def __init__(self, same_as: dict[str, str], remember: int | None = None) -> None:
        self.same_as = same_as
        self._ids: dict[str, str] = {}
        self._remember = remember

    def canonical(self, node: str) -> str:
        for _ in range(8):  # a chain of variants, never a cycle
            if node not in self.same_as:
                break
            node = self.same_as[node]
        return node

    def key(self, node: str) -> str:
        found = self._ids.get(node)
        if found is None:
            found = iris.node_id(self.canonical(node))
            if self._remember is not None and len(self._ids) >= self._remember:
                self._ids.clear()  # the ids asked since remembered, not the first ones for ever
            self._ids[node] = found
        return found


class _Reader:
    """One-pass indexes of the predicates the network reads, over plain strings.

    Every predicate is read once, whole (:func:`graph_pairs`): a look-up per
    node costs far more than a scan, in rdflib's store and in Oxigraph's.
    """

    def __init__(self, graph: Graph | None, pairs: dict[str, list[tuple[str, str]]] | None = None) -> None:
        self._pairs = pairs if pairs is not None else graph_pairs(graph, TEXT_PREDICATES, LINK_PREDICATES)
        self._releases: dict = {}
        self._indexes: dict = {}
        # Variant spellings of an organisation or place point at one canonical node.
        self.same_as = {s: o for s, o in self._pairs[_SAME_AS] if s != o}
        self._nodes = NodeIds(self.same_as)

    @classmethod
    def of_pairs(cls, pairs: dict[str, list[tuple[str, str]]]) -> _Reader:
        """The indexes of pairs already read (:func:`graph_pairs`; graph/tables.py reads a shard's)."""
        return cls(None, pairs)

    def _index(self, predicate: str) -> dict[str, str]:
        """Subject -> one value of a predicate (the smallest, for determinism)."""
        index = self._indexes.get(predicate)
        if index is None:
            index = {}
            for subject, value in self._pairs[predicate]:
                current = index.get(subject)
                if current is None or value < current:
                    index[subject] = value
            self._indexes[predicate] = index
        return index

    def objects(self, node: str, predicate: str) -> list[str]:
        """Every value of a predicate for a subject."""
        return self._multi(predicate, inverse=False).get(node, [])

    def subjects(self, predicate: str, node: str) -> list[str]:
        """Every subject with this value of a predicate."""
        return self._multi(predicate, inverse=True).get(node, [])

    def _multi(self, predicate: str, inverse: bool) -> dict[str, list[str]]:
        index = self._indexes.get((predicate, inverse))
        if index is None:
            index = defaultdict(list)
            for subject, value in self._pairs[predicate]:
                if inverse:
                    index[value].append(subject)
                else:
                    index[subject].append(value)
            index = self._indexes[(predicate, inverse)] = dict(index)
        return index

    def value(self, node: str, predicate: str) -> str | None:
        return self._index(predicate).get(node)

    def text(self, node: str, predicate: str) -> str:
        """One literal value as text, or ""."""
        return self._index(predicate).get(node, "")

    def canonical(self, node: str) -> str:
        return self._nodes.canonical(node)

    def key(self, node: str) -> str:
        """The node id of an IRI, variants merged into their canonical node."""
        return self._nodes.key(node)

    def release(self, node: str) -> tuple[str, str, str]:
        """(id, headline, publication date) of a release node."""
        found = self._releases.get(node)
        if found is None:
            found = self._releases[node] = (
                self.text(node, _IDENTIFIER) or node_id(node),
                self.text(node, _HEADLINE),
                self.text(node, _PUBLISHED)[:10],
            )
        return found

    def evidence(self, node: str) -> list[_Evidence]:
        """The evidence of a fact node, in text order, each with its release."""
        found = []
        for ev in self.objects(node, _EVIDENCE):
            release = self.value(ev, _RELEASE) or self.value(node, _DERIVED_FROM)
            rid, headline, published = self.release(release) if release is not None else ("", "", "")
            begin = self.value(ev, _BEGIN)
            found.append(
                _Evidence(
                    sentence=self.text(ev, _SENTENCE),
                    begin=int(begin) if begin is not None else 0,
                    headline=headline,
                    published=published,
                    release=rid,
                )
            )
        return sorted(found, key=_evidence_order)

    def holding(self, holding: str) -> tuple[str, str, int, str, list[_Evidence]] | None:
        """A title holding as the network orders them: (published, release id, where its first
        evidence begins, title, evidence); None for a holding with no title."""
        title = self.text(holding, _TITLE)
        if not title:
            return None
        evidence = self.evidence(holding)
        rid, _, published = self.derived_from(holding)
        return published, rid, min((e.begin for e in evidence), default=0), title, evidence

    def derived_from(self, node: str) -> tuple[str, str, str]:
        release = self.value(node, _DERIVED_FROM)
        return self.release(release) if release is not None else ("", "", "")

    def instances(self, kind: str) -> dict[str, URIRef]:
        """Instances of a node kind -> their most specific class."""
        return self.of_classes(KINDS[kind])

    def of_classes(self, classes: Iterable[URIRef]) -> dict[str, URIRef]:
        """Instances of these classes -> the first class of the list they have."""
        found: dict[str, URIRef] = {}
        for cls in classes:  # specific classes first
            for node in self.subjects(_TYPE, str(cls)):
                found.setdefault(node, cls)
        return found


def _evidence_order(e: _Evidence) -> tuple:
    return (e.published, e.release, e.begin, e.sentence)


def _evidence_attrs(evidence: list[_Evidence]) -> dict[str, str]:
    """Edge or node attributes for evidence: sentences (distinct, in order), release, date."""
    if not evidence:
        return {}
    sentences = list(dict.fromkeys(e.sentence for e in evidence if e.sentence))
    last = evidence[-1]
    return {
        "evidence": "\n".join(sentences),
        "headline": last.headline,
        "published": last.published,
        "release": last.release,
    }


def _clean(attrs: dict) -> dict:
    """Drop empty values: GEXF and GraphML have no null."""
    return {k: v for k, v in attrs.items() if v not in (None, "")}


def _edge_attrs(edge: dict) -> dict:
    relation = edge["relation"]
    attrs = {"relation": relation}
    if relation == "participation":
        roles = sorted(map(_role, edge["roles"]), key=lambda r: (_ROLE_RANK.get(r, 99), str(r)))
        attrs["label"] = "、".join(zh_label(r) for r in roles)
        attrs["roles"] = " ".join(zh_label(r) for r in roles)
    elif relation == "holding":
        attrs["label"] = "、".join(dict.fromkeys(edge["titles"]))
    else:
        attrs["label"] = zh_label(RELATIONS[relation])
    if edge.get("evidence_list"):
        evidence = sorted(edge["evidence_list"], key=_evidence_order)
        attrs.update(_evidence_attrs(evidence))
    return attrs


_ROLE_RANK = {role: rank for rank, role in enumerate(ROLE_ORDER)}
_ROLES = {str(role): role for role in ROLE_ORDER}


def _role(iri: str) -> URIRef:
    """A role's term, from the IRI read (the ontology's own term where it is one)."""
    return _ROLES.get(iri) or URIRef(iri)


def node_label(attrs: dict, width: int = 14) -> str:
    """What a node shows: an official's name and latest title, an event's type and date.

    >>> node_label({"kind": "official", "name": "何平", "title": "市委副书记、市长"})
    '何平\\n市委副书记、市长'
    >>> node_label({"kind": "event", "type": "会议", "date": "2020-01-25", "name": "防控工作电视电话会议"})
    '会议 2020-01-25\\n防控工作电视电话会议'

    An event the text gives no date shows its release's, marked ≈:

    >>> node_label({"kind": "event", "type": "会议", "date": "2020-01-26", "dated": "release"})
    '会议 ≈2020-01-26'
    """
    name = _shorten(attrs.get("name", ""), width)
    if attrs["kind"] == "official":
        title = _shorten(attrs.get("title", ""), width)
        return f"{name}\n{title}" if title else name
    if attrs["kind"] == "event":
        date = attrs.get("date", "")
        if date and attrs.get("dated") == "release":
            date = f"≈{date}"
        head = " ".join(x for x in (attrs.get("type", ""), date) if x)
        return f"{head}\n{name}" if name else head
    return name


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# --- analysis ---------------------------------------------------------------


def person_event_network(net: nx.DiGraph) -> nx.Graph:
    """The bipartite graph of officials (``bipartite=0``) and events (``bipartite=1``)."""
    nx = _require_networkx()
    bipartite = nx.Graph()
    for nid, attrs in net.nodes(data=True):
        if attrs["kind"] in ("official", "event"):
            bipartite.add_node(nid, bipartite=0 if attrs["kind"] == "official" else 1, **attrs)
    for source, target, attrs in net.edges(data=True):
        if attrs["relation"] == "participation":
            bipartite.add_edge(source, target, **attrs)
    return bipartite


def coattendance_network(net: nx.DiGraph) -> nx.Graph:
    """Officials linked when they took part in the same event; ``weight`` counts the events.

    Every official is a node, those who shared no event too.
    """
    nx = _require_networkx()
    attendees: dict[str, list[str]] = defaultdict(list)
    for source, target, attrs in net.edges(data=True):
        if attrs["relation"] == "participation":
            attendees[target].append(source)
    weights = coattendance_weights(attendees.values())
    co = nx.Graph()
    for nid, attrs in net.nodes(data=True):
        if attrs["kind"] == "official":
            co.add_node(nid, **attrs)
    for a, b in sorted(weights):
        co.add_edge(a, b, weight=weights[(a, b)])
    return co


@dataclass(frozen=True)
class OfficialRank:
    """One official's figures in the rankings."""

    id: str
    name: str
    title: str
    events: int  # distinct events taken part in
    roles: dict[str, int]  # role label -> events in that role
    contacts: int  # distinct officials met at events
    betweenness: float  # in the co-attendance network, normalised
    community: int  # index into NetworkStats.communities, -1 when alone


@dataclass(frozen=True)
class NetworkStats:
    """What ``govkg stats`` prints: sizes, rankings, communities."""

    officials: int
    events: int
    participations: int
    coattendance_edges: int
    ranks: dict[str, OfficialRank] = field(repr=False)
    communities: list[list[str]] = field(repr=False)
    betweenness_exact: bool = True
    betweenness_sources: int = 0  # the sources betweenness was computed from (every node when exact)
    ties: list[tuple[str, str, int]] = field(default_factory=list, repr=False)  # heaviest first

    def strongest_ties(self, top: int = 10) -> list[tuple[OfficialRank, OfficialRank, int]]:
        """Who met whom most often: pairs of officials by the number of events they shared."""
        return [(self.ranks[a], self.ranks[b], w) for a, b, w in self.ties[:top]]

    def most_active(self, top: int = 10) -> list[OfficialRank]:
        ranked = sorted(self.ranks.values(), key=lambda r: (-r.events, -r.contacts, r.id))
        return [r for r in ranked if r.events][:top]

    def most_central(self, top: int = 10) -> list[OfficialRank]:
        ranked = sorted(self.ranks.values(), key=lambda r: (-r.betweenness, -r.contacts, r.id))
        return [r for r in ranked if r.contacts][:top]


def betweenness_sources(nodes: int, edges: int, work: int = BETWEENNESS_WORK) -> int:
    """How many sources betweenness is computed from: every node when ``work`` allows, else a sample.

    One source costs a breadth-first search, about ``nodes + edges`` visits,
    so exact betweenness costs ``nodes * (nodes + edges)``. Above ``work``,
    the sample is as large as the budget allows, but never smaller than
    :data:`BETWEENNESS_MIN_SOURCES`: the cost stops growing with the network
    until the floor is reached (about 250,000 nodes and edges with the
    defaults), and grows linearly after it.

    >>> betweenness_sources(664, 2279)  # the shared corpus' 207 releases: exact
    664
    >>> betweenness_sources(13_723, 45_619)  # 5,000 generated releases: 67 sources
    67
    >>> betweenness_sources(1_000_000, 5_000_000)
    16
    """
    if nodes * (nodes + edges) <= work:
        return nodes
    return min(nodes, max(BETWEENNESS_MIN_SOURCES, work // (nodes + edges)))


def coattendance_weights(attendees: Iterable[Iterable]) -> dict[tuple, int]:
    """The co-attendance table: (a, b) -> the number of events both attended, ``a < b``.

    ``attendees`` holds, for each event, the officials who took part in it
    (numbers or ids; each event once). What :func:`coattendance_network`
    draws (the rankings count the same pairs as arrays: :func:`rank_numbered`).

    >>> coattendance_weights([[2, 1], [1, 2, 3], [3]])
    {(1, 2): 2, (1, 3): 1, (2, 3): 1}
    """
    weights: dict[tuple, int] = defaultdict(int)
    for people in attendees:
        people = sorted(set(people))
        for i, a in enumerate(people):
            for b in people[i + 1 :]:
                weights[(a, b)] += 1
    return dict(sorted(weights.items()))


@dataclass(frozen=True)
class OfficialFigures:
    """The rankings' figures of the officials who took part in something, aligned with ``people``
    (their ids or numbers, sorted); :meth:`of` finds one official's."""

    people: list  # sorted
    events: Any  # participation edges of each, an array aligned with people
    contacts: Any  # officials met
    betweenness: Any  # normalised betweenness, rounded to 6 places
    community: Any  # index into communities, -1 when alone
    communities: list[list]  # largest first, members sorted
    ties: list[tuple]  # (a, b, weight), heaviest first (when asked for)
    roles: dict  # official -> role label -> edges with it (when asked for)
    participations: int
    exact: bool
    sources: int

    def of(self, official) -> tuple[int, int, float, int]:
        """(events, contacts, betweenness, community) of an official: (0, 0, 0.0, -1) for one who
        took part in nothing."""
        at = bisect.bisect_left(self.people, official)
        if at == len(self.people) or self.people[at] != official:
            return 0, 0, 0.0, -1
        return (
            int(self.events[at]),
            int(self.contacts[at]),
            float(self.betweenness[at]),
            int(self.community[at]),
        )


# Betweenness (Brandes, 2001) and Louvain communities (Blondel et al., 2008) on lists of
# numbers. They follow networkx 3's betweenness_centrality and louvain_communities step for
# step (networkx is BSD-3-Clause, (c) NetworkX Developers), so that the figures are
# networkx's to the last bit (tests/graph/test_network.py compares them): networkx's own
# functions need its graph of dicts, which at 100,000 releases held the co-attendance
# network several times over.


def _betweenness(neighbours: list[list[int]], k: int | None, seed: int = 0) -> list[float]:
    """Normalised betweenness of nodes ``0..n-1`` (their neighbours in lists), from every source, or
    from ``k`` sources sampled with ``random.Random(seed)``: networkx's ``betweenness_centrality``
    (3.x, endpoints excluded) step for step, on lists, so the same sums in the same order.

    >>> _betweenness([[1], [0, 2], [1]], None)
    [0.0, 1.0, 0.0]
    """
    import random
    from collections import deque

    n = len(neighbours)
    betweenness = [0.0] * n
    if k is not None and k == n:
        k = None
    nodes = range(n) if k is None else random.Random(seed).sample(list(range(n)), k)
    # A source's search reaches its part of the network alone (the co-attendance network is in
    # many parts): the lists are made once and what a search wrote is set back after it, where
    # making them for each source was most of the work (at 5,000 releases, 0.55 of 0.60 s).
    preds: list[list[int]] = [[] for _ in range(n)]
    sigma = [0.0] * n
    dist = [-1] * n
    delta = [0.0] * n
    for s in nodes:
        stack: list[int] = []
        sigma[s] = 1.0
        dist[s] = 0
        queue = deque([s])
        while queue:
            v = queue.popleft()
            stack.append(v)
            dv = dist[v] + 1
            sigmav = sigma[v]
            for w in neighbours[v]:
                if dist[w] < 0:
                    queue.append(w)
                    dist[w] = dv
                if dist[w] == dv:
                    sigma[w] += sigmav
                    preds[w].append(v)
        reached = list(stack)
        while stack:
            w = stack.pop()
            coeff = (1 + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                betweenness[w] += delta[w]
        for w in reached:  # every node written to was reached
            preds[w] = []
            sigma[w] = 0.0
            dist[w] = -1
            delta[w] = 0.0
    pairs = n - 1  # endpoints excluded: v is never the target
    if pairs < 2:
        return betweenness
    if k is None:
        scale = 1 / (pairs * (pairs - 1))
        return [b * scale for b in betweenness]
    source_scale = 1 / ((k - 1) * (pairs - 1)) if k > 1 else math.nan
    other_scale = 1 / (k * (pairs - 1))
    sampled = set(nodes)
    return [b * (source_scale if v in sampled else other_scale) for v, b in enumerate(betweenness)]


def _louvain(
    neighbours: list[list[int]],
    strengths: list[list[int]],
    seed: int = 0,
    threshold: float = 1e-7,
    resolution: float = 1,
) -> list[list[int]]:
    """Louvain communities of nodes ``0..n-1`` (neighbours and edge weights in lists, no self-loops):
    networkx's ``louvain_communities`` (3.x) step for step, on lists, so the same moves with the
    same ``random.Random(seed)``: the same communities. Where networkx keeps each community's
    nodes in sets, level after level, each node's community is a number here, and a node of the
    first level is followed up the levels (``where``). ``resolution`` enters each formula where
    networkx's does (a factor of 1 changes no bit).

    >>> sorted(sorted(c) for c in _louvain([[1], [0], [3], [2]], [[1], [1], [1], [1]]))
    [[0, 1], [2, 3]]
    """
    import random

    rng = random.Random(seed)
    # A level's graph: each node's neighbours and weights in the order networkx's graph holds
    # them, a community's inner edges as a self-loop once aggregated.
    adjacency = (neighbours, strengths)
    degrees = _degrees(adjacency)  # a level's, made once for its modularity and moves
    m = sum(degrees) / 2  # networkx's graph.size: a self-loop's weight once
    mod = _modularity(adjacency, list(range(len(neighbours))), resolution, degrees)
    node2com, _ = _louvain_level(adjacency, m, rng, resolution, degrees)
    where = list(range(len(neighbours)))  # a first node's node at the current level
    while True:
        new_mod = _modularity(adjacency, node2com, resolution, degrees)
        if new_mod - mod <= threshold:
            break
        mod = new_mod
        rank = {c: i for i, c in enumerate(sorted(set(node2com)))}  # the communities left, in order
        labels = [rank[c] for c in node2com]
        adjacency = _aggregate(adjacency, labels, len(rank))
        degrees = _degrees(adjacency)
        where = [labels[w] for w in where]
        node2com, improved = _louvain_level(adjacency, m, rng, resolution, degrees)
        if not improved:
            break
    groups: dict[int, list[int]] = defaultdict(list)
    for node, w in enumerate(where):
        groups[node2com[w]].append(node)
    return list(groups.values())


def _louvain_level(
    adjacency, m: float, rng, resolution: float = 1, degrees: list | None = None
) -> tuple[list[int], bool]:
    """One level of Louvain's moves (networkx's ``_one_level``, undirected): each node's community
    (the number of the node it started with) and whether any node moved.

    From the second pass over the nodes on, a node whose neighbours are all in its own community
    is passed over: networkx weighs its one community against itself and leaves it there (the
    gain of staying is 0, give or take a rounding, and no other community is weighed), and its
    community's total is taken and put back unchanged when the degrees are whole numbers (the
    weights of both callers), so nothing it would do changes anything. How many of a node's
    neighbours are in another community (``outside``) is counted once after the first pass and
    kept as nodes move; at 30,000 releases about three quarters of the neighbours' entries of
    the later passes are of such nodes.
    """
    nbrs, wts = adjacency
    n = len(nbrs)
    node2com = list(range(n))
    degrees = _degrees(adjacency) if degrees is None else degrees
    totals = list(degrees)
    order = list(range(n))
    rng.shuffle(order)
    moves, improved = 1, False
    twice_m2 = 2 * m**2
    # each node's neighbours but itself, with the edges' weights (as networkx's ``nbrs``)
    pairs = [
        list(zip(row, wts[u], strict=True))  # no self-loop: made in C (a level's first graph has none)
        if u not in row
        else [(v, w) for v, w in zip(row, wts[u], strict=True) if v != u]
        for u, row in enumerate(nbrs)
    ]
    whole = all(type(degree) is int for degree in degrees)  # a total taken and put back is the same
    outside: list[int] | None = None  # after the first pass: each node's neighbours in another community
    while moves > 0:
        moves = 0
        for u in order:
            if outside is not None and not outside[u]:
                continue
            best_mod = 0
            best = was = node2com[u]
            weights2com: dict[int, float] = {}
            for v, w in pairs[u]:
                com = node2com[v]
                weights2com[com] = weights2com.get(com, 0.0) + w
            degree = degrees[u]
            totals[best] -= degree
            # networkx's dict of weights is a defaultdict: reading its own community's puts it last
            remove_cost = (
                -weights2com.setdefault(best, 0.0) / m + resolution * (totals[best] * degree) / twice_m2
            )
            for com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (totals[com] * degree) / twice_m2
                if gain > best_mod:
                    best_mod = gain
                    best = com
            totals[best] += degree
            if best != was:
                improved = True
                moves += 1
                node2com[u] = best
                if outside is not None:  # u's neighbours' counts, and its own, as it moves
                    apart = 0
                    for v, _ in pairs[u]:
                        com = node2com[v]
                        if com == was:
                            outside[v] += 1
                        elif com == best:
                            outside[v] -= 1
                        if com != best:
                            apart += 1
                    outside[u] = apart
        if outside is None and whole and moves > 0:
            outside = [
                sum(node2com[v] != com for v, _ in row) for row, com in zip(pairs, node2com, strict=True)
            ]
    return node2com, improved


def _degrees(adjacency) -> list:
    """Each node's weighted degree, a self-loop counted twice (networkx's ``degree(weight=...)``)."""
    nbrs, wts = adjacency
    return [
        sum(row) + (sum(w for v, w in zip(nbrs[u], row, strict=True) if v == u) if u in nbrs[u] else 0)
        for u, row in enumerate(wts)
    ]


def _aggregate(adjacency, labels: list[int], count: int):
    """The graph of a level's ``count`` communities, ``labels`` each node's (networkx's
    ``_gen_graph``): an edge a pair of communities, weighed as the edges between them, in the
    order networkx adds them."""
    nbrs, wts = adjacency
    rows: list[dict[int, float]] = [{} for _ in range(count)]
    seen = [False] * len(nbrs)
    for u in range(len(nbrs)):
        for v, w in zip(nbrs[u], wts[u], strict=True):
            if not seen[v]:  # each edge once, a self-loop too
                a, b = labels[u], labels[v]
                rows[a][b] = rows[a].get(b, 0) + w
                if a != b:
                    rows[b][a] = rows[a][b]
        seen[u] = True
    return [list(row) for row in rows], [list(row.values()) for row in rows]


def _modularity(adjacency, node2com: list[int], resolution: float = 1, degrees: list | None = None) -> float:
    """Modularity of the communities of a level (networkx's ``modularity``, undirected), summed
    community by community in the order of their numbers (``degrees``: the level's, if made)."""
    nbrs, wts = adjacency
    degrees = _degrees(adjacency) if degrees is None else degrees
    total = sum(degrees)
    m = total / 2
    norm = 1 / total**2
    inside: dict[int, int] = {}
    degree: dict[int, int] = {}
    for u, c in enumerate(node2com):
        degree[c] = degree.get(c, 0) + degrees[u]
        for v, w in zip(nbrs[u], wts[u], strict=True):
            if v >= u and node2com[v] == c:  # each edge once
                inside[c] = inside.get(c, 0) + w
    return sum(inside.get(c, 0) / m - resolution * degree[c] * degree[c] * norm for c in sorted(degree))


def rank_officials(participations: Iterable[tuple], work: int = BETWEENNESS_WORK) -> OfficialFigures:
    """The rankings of officials from their participations, (official, event, roles) each.

    ``roles`` are the labels of one participation edge, space-separated.
    Officials are any values that sort as their ids do (a network's node
    ids, or their numbers in sorted order): the co-attendance network is
    built in sorted order, so that the sample of betweenness' sources and
    Louvain's seeded moves depend on the order of the ids alone. See
    :func:`network_stats` and :func:`rank_numbered`. The ties are listed,
    heaviest first, and each official's roles counted.
    """
    np = _numpy()
    people_of: dict = {}
    event_of: dict = {}
    officials, events = array("q"), array("q")
    counted: dict = defaultdict(lambda: defaultdict(int))
    for official, event, labels in participations:
        officials.append(people_of.setdefault(official, len(people_of)))
        events.append(event_of.setdefault(event, len(event_of)))
        for role in labels.split():
            counted[official][role] += 1
    del event_of
    people = sorted(people_of)
    place = np.zeros(max(len(people_of), 1), dtype=np.int64)
    place[[people_of[p] for p in people]] = np.arange(len(people))
    numbers = place[np.frombuffer(officials, dtype=np.int64)] if officials else np.zeros(0, dtype=np.int64)
    figures = rank_numbered(numbers, np.frombuffer(events, dtype=np.int64), work, keep_ties=True)
    return OfficialFigures(
        people=people,
        events=figures.events,
        contacts=figures.contacts,
        betweenness=figures.betweenness,
        community=figures.community,
        communities=[[people[i] for i in c] for c in figures.communities],
        ties=[(people[a], people[b], w) for a, b, w in figures.ties],
        roles={n: dict(sorted(r.items(), key=lambda kv: (-kv[1], kv[0]))) for n, r in counted.items()},
        participations=figures.participations,
        exact=figures.exact,
        sources=figures.sources,
    )


def rank_numbered(
    officials, events, work: int = BETWEENNESS_WORK, keep_ties: bool = False
) -> OfficialFigures:
    """:func:`rank_officials` of participations as two arrays of numbers, the official's and the
    event's of each (officials numbered in the order of their ids), held as arrays and lists of
    numbers throughout: a build's network tables (graph/tables.py) hand theirs as they are.

    The co-attendance network is never a networkx graph (a dict of dicts
    and a dict of attributes per edge: at 100,000 releases, about a million
    ties, that and Louvain's copies of it took over a gigabyte); betweenness
    and Louvain are networkx's own algorithms (:func:`_betweenness`,
    :func:`_louvain`), step for step, so the figures are those networkx gives.
    """
    np = _numpy()
    officials = np.asarray(officials, dtype=np.int64)
    events = np.asarray(events, dtype=np.int64)
    people, number = np.unique(officials, return_inverse=True)
    n = len(people)
    counts = np.bincount(number, minlength=n)
    # The co-attendance table: a pair of officials (numbers a < b) a code, counted by np.unique.
    # An event's officials are a run of the participations sorted by event, then official.
    order = np.lexsort((number, events))
    by_event = events[order]
    bounds = [0, *(np.flatnonzero(by_event[1:] != by_event[:-1]) + 1).tolist(), len(by_event)]
    members = array("q", number[order].tobytes())
    del order, by_event
    codes = array("q")
    for start, end in pairwise(bounds):
        group = list(dict.fromkeys(members[start:end]))  # sorted: an official once an event
        for i, a in enumerate(group):
            codes.extend(a * n + b for b in group[i + 1 :] if b != a)
    del bounds, members
    pairs, weights = np.unique(np.frombuffer(codes, dtype=np.int64), return_counts=True)
    del codes
    a, b = pairs // max(n, 1), pairs % max(n, 1)
    # The co-attendance network of the officials who met someone, as lists of numbers: node i is
    # the i-th such official, its neighbours in ascending order (the order a networkx graph built
    # from the sorted table iterates them in).
    met = sorted_unique(np.concatenate([a, b]))
    place = np.zeros(max(n, 1), dtype=np.int64)
    place[met] = np.arange(len(met))
    u = np.concatenate([place[a], place[b]])
    v = np.concatenate([place[b], place[a]])
    w = np.concatenate([weights, weights])
    order = np.lexsort((v, u))
    u, v, w = u[order], v[order], w[order]
    starts = np.searchsorted(u, np.arange(len(met) + 1)).tolist()
    # Each node's row an array of 4-byte numbers (a list held a Python int and its pointer, about
    # 36 bytes an entry, the rankings' largest holding); the algorithms read them as lists.
    v, w = array("i", v.astype(np.int32).tobytes()), array("i", w.astype(np.int32).tobytes())
    neighbours = [v[starts[i] : starts[i + 1]] for i in range(len(met))]
    strengths = [w[starts[i] : starts[i + 1]] for i in range(len(met))]
    del u, v, w, order, place
    contacts = np.zeros(n, dtype=np.int64)
    contacts[met] = np.diff(np.asarray(starts, dtype=np.int64))
    ties = []
    if keep_ties:
        ties = [(x, y, c) for x, y, c in zip(a.tolist(), b.tolist(), weights.tolist(), strict=True)]
        ties.sort(key=lambda t: -t[2])  # stable: pairs stay in their sorted order among equals
    edges = len(pairs)
    del pairs, weights, a, b
    sources = betweenness_sources(len(met), edges, work)
    exact = sources == len(met)
    betweenness = np.zeros(n, dtype=np.float64)
    if len(met):
        found = _betweenness(neighbours, None if exact else sources, seed=0)
        betweenness[met] = [round(x, 6) for x in found]
    community = np.full(n, -1, dtype=np.int64)
    communities: list[list] = []
    if edges:
        groups = _louvain(neighbours, strengths, seed=0)
        communities = sorted((sorted(met[i] for i in c) for c in groups), key=lambda c: (-len(c), c[0]))
        communities = [[int(x) for x in c] for c in communities]
        for index, members_of in enumerate(communities):
            community[members_of] = index
    return OfficialFigures(
        people=people.tolist(),
        events=counts,
        contacts=contacts,
        betweenness=betweenness,
        community=community,
        communities=communities,
        ties=ties,
        roles={},
        participations=len(officials),
        exact=exact,
        sources=sources,
    )


def network_stats(net: nx.DiGraph, work: int = BETWEENNESS_WORK) -> NetworkStats:
    """Rankings of the officials of a knowledge network (see :func:`knowledge_network`).

    Betweenness is computed on the co-attendance network of the officials
    who met someone, exactly while that costs at most ``work`` node and edge
    visits, else estimated from a sample of sources that fits it (picked with
    a fixed seed, so the same network gives the same figures; see
    :func:`betweenness_sources`). Communities are Louvain communities of the
    weighted co-attendance network (seed 0), officials who met nobody left
    out, largest first (the table of who met whom is made from the
    participations: :func:`rank_officials`).
    """
    figures = rank_officials(
        (
            (source, target, attrs.get("roles", ""))
            for source, target, attrs in net.edges(data=True)
            if attrs["relation"] == "participation"
        ),
        work,
    )
    officials = [n for n, a in net.nodes(data=True) if a["kind"] == "official"]
    ranks = {}
    for nid in officials:
        attrs = net.nodes[nid]
        events, contacts, betweenness, community = figures.of(nid)
        ranks[nid] = OfficialRank(
            id=nid,
            name=attrs.get("name", nid),
            title=attrs.get("title", ""),
            events=events,
            roles=figures.roles.get(nid, {}),
            contacts=contacts,
            betweenness=betweenness,
            community=community,
        )
    return NetworkStats(
        officials=len(officials),
        events=sum(1 for _, a in net.nodes(data=True) if a["kind"] == "event"),
        participations=figures.participations,
        coattendance_edges=len(figures.ties),
        ranks=ranks,
        communities=figures.communities,
        betweenness_exact=figures.exact,
        betweenness_sources=figures.sources,
        ties=figures.ties,
    )


# --- exports ----------------------------------------------------------------


def latest_date(graph: Graph) -> str:
    """The newest publication date in the graph (the data's clock), ISO."""
    dates = [str(d)[:10] for d in graph.objects(None, SCHEMA.datePublished)]
    return max(dates, default="1970-01-01")


# XML 1.0 forbids most control characters; the five markup characters are escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# What _xml changes: most values hold none of it, and are written as they are after one search.
_XML_CHANGED = re.compile('[\x00-\x1f\ufffe\uffff&<>"]')


def _xml(value: object) -> str:
    text = value if type(value) is str else str(value)
    if _XML_CHANGED.search(text) is None:
        return text
    text = _XML_INVALID.sub("", text)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if '"' in text:
        text = text.replace('"', "&quot;")
    if "\n" in text or "\r" in text or "\t" in text:
        # parsers fold white space in attribute values unless it is a character reference
        text = text.replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    return text


def _attribute_types(items) -> dict[str, str]:
    """Each attribute's type across all items: boolean, long, double or string."""
    kinds: dict[str, set[type]] = {}
    for attrs in items:
        for key, value in attrs.items():
            kinds.setdefault(key, set()).add(type(value))
    return attribute_types(kinds)


def attribute_types(kinds: dict[str, set[type]]) -> dict[str, str]:
    """Each attribute's type from the Python types of its values: boolean, long, double or string."""
    types = {}
    for key, seen in kinds.items():
        if seen == {bool}:
            types[key] = "boolean"
        elif seen == {int}:
            types[key] = "long"
        elif seen <= {int, float}:
            types[key] = "double"
        else:
            types[key] = "string"
    return types


def _value(value: object, kind: str) -> str:
    if type(value) is int:  # a count or a number (a long, or a double's whole number): no markup in it
        return repr(float(value)) if kind == "double" else str(value)
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return _xml(value)


def bare_name(node: str, attrs: dict) -> str:
    """A node's name as exported before namesakes are told apart: its name, else label, else id."""
    return str(attrs.get("name") or attrs.get("label") or node)


def qualifier(node: str, attrs: dict) -> str:
    """What tells namesakes apart in the exports: an official's place, an event's date and release,
    anything else's node id."""
    if attrs.get("kind") == "official" and "@" in node:
        return node.rsplit("@", 1)[1]
    if attrs.get("kind") == "event":
        return " ".join(x for x in (attrs.get("date", ""), attrs.get("release", "")) if x) or node
    return node


def export_nodes(net: nx.DiGraph) -> dict[str, dict]:
    """Node attributes for GEXF and GraphML: ``name`` unique, the bare name as ``label``.

    igraph and Gephi take ``name`` as a node's key (``vs.find(name=…)``), so two
    officials called 何平 must not share one. Where names collide, an official's
    is qualified by the place of their node (``何平 (巴中市)``), an event's by its
    date or release, anything else by its node id.

    >>> import networkx as nx
    >>> net = nx.DiGraph()
    >>> net.add_node("person/何平@巴中市", kind="official", name="何平")
    >>> net.add_node("person/何平@宝鸡市", kind="official", name="何平")
    >>> net.add_node("person/温奇志@巴中市", kind="official", name="温奇志")
    >>> [(a["name"], a["label"]) for a in export_nodes(net).values()]
    [('何平 (巴中市)', '何平'), ('何平 (宝鸡市)', '何平'), ('温奇志', '温奇志')]
    """
    bare = {node: bare_name(node, a) for node, a in net.nodes(data=True)}
    counts = Counter(bare.values())
    names = {}
    for node, attrs in net.nodes(data=True):
        name = bare[node]
        names[node] = f"{name} ({qualifier(node, attrs)})" if counts[name] > 1 else name
    repeated = Counter(names.values())
    return {
        node: {
            **attrs,
            "name": names[node] if repeated[names[node]] == 1 else f"{bare[node]} ({node})",
            "label": bare[node],
        }
        for node, attrs in net.nodes(data=True)
    }


def gexf_text(net: nx.DiGraph, date: str) -> str:
    """A network as GEXF 1.2 for Gephi (:func:`gexf_lines`, joined)."""
    return "".join(gexf_lines(net, date))


def gexf_lines(net: nx.DiGraph, date: str) -> Iterator[str]:
    """A network as GEXF 1.2 for Gephi, byte-stable, line by line (each ends in a newline).

    Written directly rather than through networkx's ElementTree writer, which
    took most of a large build's export time. Node ``label`` and edge
    ``label`` / ``weight`` are GEXF's own fields; every other attribute is
    declared with its type. ``date`` (the newest release's, see
    :func:`latest_date`) stamps the file, so the same graph gives the same
    bytes on any day. Lines are made as they are written: a build's file is
    never held whole.
    """
    nodes = export_nodes(net)
    return gexf_stream(
        nodes.items(),
        net.edges(data=True),
        _attribute_types(nodes.values()),
        _attribute_types(attrs for _, _, attrs in net.edges(data=True)),
        date,
        directed=net.is_directed(),
    )


def gexf_stream(
    nodes: Iterable[tuple[str, dict]],
    edges: Iterable[tuple[str, str, dict]],
    node_types: dict[str, str],
    edge_types: dict[str, str],
    date: str,
    directed: bool = True,
) -> Iterator[str]:
    """GEXF of nodes and edges as they come (:func:`gexf_lines`), their attributes' types known.

    ``nodes`` are export attributes (:func:`export_nodes`), ``node_types`` and
    ``edge_types`` each attribute's type (:func:`_attribute_types`, every
    attribute of every node or edge, in the order they first appear): what a
    writer that streams the network from a table (graph/tables.py) gathers
    before it writes.
    """
    return GexfPieces(node_types, edge_types, date, directed).stream(nodes, edges)


def _text(lines: list[str]) -> str:
    return "\n".join(lines) + "\n" if lines else ""


def _cut(lines: list[str], marked: list[int]) -> tuple[str, str | None, str]:
    """A node's lines as three pieces of text: those before the ``marked`` lines (a run of them),
    the marked lines, those after; the whole first and None for the middle when the marked
    lines are not one run."""
    if not marked:
        return _text(lines), "", ""
    first, last = marked[0], marked[-1] + 1
    if last - first != len(marked):
        return _text(lines), None, ""
    return _text(lines[:first]), _text(lines[first:last]), _text(lines[last:])


class _Pieces:
    """What the pieces of a GEXF and a GraphML file share: the whole file as a stream."""

    def stream(
        self, nodes: Iterable[tuple[str, dict]], edges: Iterable[tuple[str, str, dict]]
    ) -> Iterator[str]:
        """The whole file, a node or an edge a piece (the head with the first)."""
        head = self.head()
        for node, attrs in nodes:
            before, middle, after = self.node(node, attrs)
            yield head + before + (middle or "") + after
            head = ""
        head += self.middle()
        for number, (source, target, attrs) in enumerate(edges):
            yield head + self.edge_text(number, source, target, attrs)
            head = ""
        yield head + self.tail()


class GexfPieces(_Pieces):
    """The text of a GEXF file a piece at a time: its head, each node (cut around the lines of some
    of its attributes: :meth:`node`), each edge (its number apart: :meth:`edge`), the line between
    nodes and edges, its tail. An update copies the pieces that did not change (graph/tables.py)."""

    EDGE_START = '      <edge id="'

    def __init__(
        self, node_types: dict[str, str], edge_types: dict[str, str], date: str, directed: bool = True
    ):
        self.node_types = {k: v for k, v in node_types.items() if k != "label"}
        self.edge_types = {k: v for k, v in edge_types.items() if k not in ("label", "weight")}
        self.node_ids = {key: str(number) for number, key in enumerate(self.node_types)}
        self.edge_ids = {key: str(number + len(self.node_ids)) for number, key in enumerate(self.edge_types)}
        self.date, self.directed = date, directed

    def head(self) -> str:
        out = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">',
            f'  <meta lastmodifieddate="{self.date}">',
            "    <creator>govkg</creator>",
            "  </meta>",
            f'  <graph defaultedgetype="{"directed" if self.directed else "undirected"}" mode="static">',
        ]
        for cls, types, ids in (
            ("node", self.node_types, self.node_ids),
            ("edge", self.edge_types, self.edge_ids),
        ):
            if types:
                out.append(f'    <attributes class="{cls}" mode="static">')
                out.extend(
                    f'      <attribute id="{ids[key]}" title="{_xml(key)}" type="{kind}" />'
                    for key, kind in types.items()
                )
                out.append("    </attributes>")
        out.append("    <nodes>")
        return _text(out)

    def value(self, key: str, value: object) -> str:
        """A node's line of one attribute."""
        return (
            f'          <attvalue for="{self.node_ids[key]}" value="{_value(value, self.node_types[key])}" />'
        )

    def node(self, node: str, attrs: dict, cut: frozenset = frozenset()) -> tuple[str, str | None, str]:
        """A node's text in three pieces: before the lines of the attributes ``cut``, those lines
        (None when they are not one run), after them."""
        out = [f'      <node id="{_xml(node)}" label="{_xml(attrs["label"])}">']
        marked = []
        values = [(key, value) for key, value in attrs.items() if key != "label"]
        if values:
            out.append("        <attvalues>")
            for key, value in values:
                if key in cut:
                    marked.append(len(out))
                out.append(self.value(key, value))
            out.append("        </attvalues>")
        out.append("      </node>")
        return _cut(out, marked)

    def middle(self) -> str:
        return "    </nodes>\n    <edges>\n"

    def edge(self, number: int, source: str, target: str, attrs: dict) -> tuple[str, str]:
        """An edge's text in two pieces: up to its number (:data:`EDGE_START` and the number), the rest."""
        head = f'" source="{_xml(source)}" target="{_xml(target)}"'
        if "label" in attrs:
            head += f' label="{_xml(attrs["label"])}"'
        if "weight" in attrs:
            head += f' weight="{_value(attrs["weight"], "double")}"'
        edge_ids, edge_types = self.edge_ids, self.edge_types
        values = [
            f'          <attvalue for="{edge_ids[key]}" value="{_value(value, edge_types[key])}" />'
            for key, value in attrs.items()
            if key not in ("label", "weight")
        ]
        if values:
            rest = _text(
                [head + ">", "        <attvalues>", *values, "        </attvalues>", "      </edge>"]
            )
        else:
            rest = head + " />\n"
        return f"{self.EDGE_START}{number}", rest

    def tail(self) -> str:
        return "    </edges>\n  </graph>\n</gexf>\n"

    def edge_text(self, number: int, source: str, target: str, attrs: dict) -> str:
        return "".join(self.edge(number, source, target, attrs))


def graphml_text(net: nx.DiGraph) -> str:
    """A network as GraphML (:func:`graphml_lines`, joined)."""
    return "".join(graphml_lines(net))


def graphml_lines(net: nx.DiGraph) -> Iterator[str]:
    """A network as GraphML, byte-stable, line by line (written directly, as :func:`gexf_lines`)."""
    nodes = export_nodes(net)
    return graphml_stream(
        nodes.items(),
        net.edges(data=True),
        _attribute_types(nodes.values()),
        _attribute_types(attrs for _, _, attrs in net.edges(data=True)),
        directed=net.is_directed(),
    )


def graphml_stream(
    nodes: Iterable[tuple[str, dict]],
    edges: Iterable[tuple[str, str, dict]],
    node_types: dict[str, str],
    edge_types: dict[str, str],
    directed: bool = True,
) -> Iterator[str]:
    """GraphML of nodes and edges as they come, their attributes' types known (as :func:`gexf_stream`)."""
    return GraphmlPieces(node_types, edge_types, directed).stream(nodes, edges)


class GraphmlPieces(_Pieces):
    """The text of a GraphML file a piece at a time (as :class:`GexfPieces`; an edge is one piece)."""

    def __init__(self, node_types: dict[str, str], edge_types: dict[str, str], directed: bool = True):
        self.node_types, self.edge_types, self.directed = node_types, edge_types, directed
        self.node_ids = {key: f"d{number}" for number, key in enumerate(node_types)}
        self.edge_ids = {key: f"d{number + len(self.node_ids)}" for number, key in enumerate(edge_types)}

    def head(self) -> str:
        out = [
            '<?xml version="1.0" encoding="utf-8"?>',
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
        ]
        for cls, types, ids in (
            ("node", self.node_types, self.node_ids),
            ("edge", self.edge_types, self.edge_ids),
        ):
            out.extend(
                f'  <key id="{ids[key]}" for="{cls}" attr.name="{_xml(key)}" attr.type="{kind}" />'
                for key, kind in types.items()
            )
        out.append(f'  <graph edgedefault="{"directed" if self.directed else "undirected"}">')
        return _text(out)

    def value(self, key: str, value: object) -> str:
        """A node's line of one attribute."""
        return f'      <data key="{self.node_ids[key]}">{_value(value, self.node_types[key])}</data>'

    def node(self, node: str, attrs: dict, cut: frozenset = frozenset()) -> tuple[str, str | None, str]:
        """A node's text in three pieces, as :meth:`GexfPieces.node`."""
        out = [f'    <node id="{_xml(node)}">']
        marked = []
        for key, value in attrs.items():
            if key in cut:
                marked.append(len(out))
            out.append(self.value(key, value))
        out.append("    </node>")
        return _cut(out, marked)

    def middle(self) -> str:
        return ""

    def edge(self, source: str, target: str, attrs: dict) -> str:
        edge_ids, edge_types = self.edge_ids, self.edge_types
        out = [f'    <edge source="{_xml(source)}" target="{_xml(target)}">']
        out.extend(
            f'      <data key="{edge_ids[key]}">{_value(value, edge_types[key])}</data>'
            for key, value in attrs.items()
        )
        out.append("    </edge>")
        return _text(out)

    def tail(self) -> str:
        return "  </graph>\n</graphml>\n"

    def edge_text(self, number: int, source: str, target: str, attrs: dict) -> str:
        return self.edge(source, target, attrs)


# --- the ``govkg stats`` command ---------------------------------------------


def _pad(text: str, width: int) -> str:
    """``text`` cut or padded to ``width`` terminal columns (a Chinese character takes two).

    >>> _pad("何平", 6) + "|", _pad("中共中央政治局常委", 8) + "|"
    ('何平  |', '中共中… |')
    """
    import unicodedata

    def cols(c: str) -> int:
        return 2 if unicodedata.east_asian_width(c) in "WF" else 1

    out, used = "", 0
    for i, c in enumerate(text):
        rest = sum(cols(x) for x in text[i:])
        if used + rest <= width:
            return out + text[i:] + " " * (width - used - rest)
        if used + cols(c) + 1 > width:
            break
        out, used = out + c, used + cols(c)
    return out + "…" + " " * (width - used - 1)


def format_stats(stats: NetworkStats, top: int = 10) -> str:
    """The rankings as plain text tables."""
    lines = [
        f"{stats.officials} officials, {stats.events} events, {stats.participations} participations, "
        f"{stats.coattendance_edges} co-attendance ties, {len(stats.communities)} communities",
        "",
        "Most active officials (events taken part in):",
    ]
    for i, r in enumerate(stats.most_active(top), 1):
        roles = " ".join(f"{role}{n}" for role, n in r.roles.items())
        lines.append(f"{i:3}. {_pad(r.name, 8)} {_pad(r.title, 32)} {r.events:4}  {roles}")
    note = "" if stats.betweenness_exact else f", estimated from {stats.betweenness_sources} sources"
    lines += ["", f"Most central officials (betweenness in the co-attendance network{note}):"]
    for i, r in enumerate(stats.most_central(top), 1):
        lines.append(f"{i:3}. {_pad(r.name, 8)} {_pad(r.title, 32)} {r.betweenness:.4f}  met {r.contacts}")
    lines += ["", "Who met whom most often (events shared):"]
    for i, (a, b, weight) in enumerate(stats.strongest_ties(top), 1):
        lines.append(f"{i:3}. {_pad(a.name, 8)} {_pad(b.name, 8)} {weight:4}")
    lines += ["", "Communities (Louvain, co-attendance weighted by shared events):"]
    for i, community in enumerate(stats.communities[:top]):
        members = sorted(community, key=lambda n: (-stats.ranks[n].events, n))
        names = "、".join(stats.ranks[n].name for n in members[:8])
        more = f" and {len(members) - 8} more" if len(members) > 8 else ""
        lines.append(f"{i:3}. {len(community):3} officials: {names}{more}")
    return "\n".join(lines) + "\n"


def stats_json(stats: NetworkStats, top: int = 10) -> dict:
    def row(r: OfficialRank) -> dict:
        return {
            "id": r.id,
            "name": r.name,
            "title": r.title,
            "events": r.events,
            "roles": r.roles,
            "contacts": r.contacts,
            "betweenness": r.betweenness,
            "community": r.community,
        }

    return {
        "officials": stats.officials,
        "events": stats.events,
        "participations": stats.participations,
        "coattendance_edges": stats.coattendance_edges,
        "most_active": [row(r) for r in stats.most_active(top)],
        "most_central": [row(r) for r in stats.most_central(top)],
        "strongest_ties": [[a.id, b.id, w] for a, b, w in stats.strongest_ties(top)],
        "communities": stats.communities[:top],
    }


# The networks ``govkg stats`` exports, each derived from the analysed knowledge network.
NETWORKS = {
    "knowledge": lambda net: net,
    "person-event": lambda net: person_event_network(net),
    "co-attendance": lambda net: coattendance_network(net),
}
