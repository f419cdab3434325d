"""Careers: posts as entities, who held them and when, and an official's timeline.

A post is an office in a jurisdiction, such as 巴中市市长: a ``gov:Post``
(aligned with W3C ORG's ``org:Post``). Every position holding whose title
resolves to a post gets ``gov:post``; a title that names no office of a known
place (秘书长, 副主任) resolves to none. Which post a title names and who held it
when are decided in :mod:`govkg.extract.identity` (``resolve``) and written by
:mod:`govkg.graph.rdf` with the rest of the graph. For each person and post, a summary
holding says that the person held the post, attested from the first to the last
publication date of the releases that say so (or, for a release without
one, the latest day of the events it reports)::

    ?tenure a gov:PositionHolding ;
        gov:holder ?person ; gov:post ?post ; gov:jurisdiction ?place ;
        gov:firstAttested "2020-01-26"^^xsd:date ; gov:lastAttested "2021-03-01"^^xsd:date ;
        prov:wasDerivedFrom ?holding1 , ?holding2 .      # the releases' own holdings

It carries no ``gov:title`` and is not derived from a release directly, so
queries over the releases' statements do not count it twice.

This module reads an official's career back from the RDF graph: :func:`timeline`, with
SPARQL (posts, titles as written, events by role, the people named with them
most), and ``govkg person NAME [GRAPH]`` prints it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal

from govkg.graph.iris import person_key_text
from govkg.graph.sparql import graph_to_store, named_query, open_store, query_store, unordered
from govkg.ontology import zh_label

# ---------------------------------------------------------------- reading a career back

# The queries of a timeline (ontology/queries/person-*.rq): each takes ?name, the
# official's name as written, and returns one row per fact.
Q_PERSONS, Q_POSTS, Q_TITLES, Q_EVENTS, Q_MENTIONS, Q_RELEASE_DAYS = (
    "person-nodes",
    "person-posts",
    "person-titles",
    "person-events",
    "person-companions",
    "person-release-days",
)
Q_EVENT_DAYS = "release-event-days"  # bound to one release, not a name


@dataclass(frozen=True)
class Held:
    """A post held, attested from ``first`` to ``last`` in ``releases``."""

    post: str
    first: str | None
    last: str | None
    releases: tuple[str, ...]


@dataclass
class Timeline:
    """An official's career as the graph has it; every line names its releases."""

    person: str  # the node's IRI
    name: str
    releases: list[tuple[str, str]] = field(default_factory=list)  # (date or "", release id)
    posts: list[Held] = field(default_factory=list)
    titles: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # (date, titles, ids)
    events: list[tuple[str, str, str, str]] = field(default_factory=list)  # (date, role, event, id)
    companions: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)  # (name, IRI, ids)

    @property
    def node(self) -> str:
        """The node's identity key, NAME@PLACE."""
        return person_key_text(self.person)


def _day(value) -> str:
    return str(value)[:10] if value is not None else ""


def timeline(source: str | Path | Graph, name: str, top: int = 10) -> list[Timeline]:
    """The careers of the officials named ``name`` in a graph (a file or an rdflib graph), one per node.

    Namesakes kept apart are separate timelines, the best attested first.
    """
    store = graph_to_store(source) if isinstance(source, Graph) else open_store(source)
    bindings = {"name": Literal(name)}

    def rows(name: str):
        # whole answers, ordered here: their ORDER BY (for a page of them) would only cost
        return query_store(store, unordered(named_query(name)), bindings).rows

    people = {str(row[1]): Timeline(person=str(row[1]), name=name) for row in rows(Q_PERSONS)}
    held: dict[tuple[str, str], dict] = {}
    for _, person, _post, post_label, first, last, rid in rows(Q_POSTS):
        entry = held.setdefault((str(person), str(post_label)), {"first": first, "last": last, "ids": set()})
        entry["ids"].add(str(rid))
    for (person, label), entry in held.items():
        first, last = _day(entry["first"]) or None, _day(entry["last"]) or None
        people[person].posts.append(Held(label, first, last, tuple(sorted(entry["ids"]))))
    titles: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    # a release's day: its publication date, else the latest day of the events it reports
    days: dict[str, str] = {}
    undated: dict[str, object] = {}
    for _, rid, published, release in rows(Q_RELEASE_DAYS):
        if published is not None:
            days[str(rid)] = max(days.get(str(rid), ""), _day(published))
        else:
            undated[str(rid)] = release
    # few releases lack a date: each is asked for on its own, from the release (an OPTIONAL
    # of every named release's events would read every event's date in the store)
    for rid, release in undated.items():
        if rid not in days:
            found = query_store(store, named_query(Q_EVENT_DAYS), {"release": release}).rows
            days[rid] = max((_day(date) for _, _, date in found), default="")
    for _, person, title, rid, _published in rows(Q_TITLES):
        titles[(str(person), str(rid), days.get(str(rid), ""))].add(str(title))
    for (person, rid, day), written in titles.items():
        people[person].titles.append((day, "、".join(sorted(written)), (rid,)))
    events = set()
    for _, person, role, _event, event_name, date, rid, published in rows(Q_EVENTS):
        word = zh_label(role)  # the role's @zh label in gov.ttl: 主持, 会见方 ...
        events.add((str(person), _day(date) or _day(published) or "", word, str(event_name or ""), str(rid)))
    for person, *line in events:
        people[person].events.append(tuple(line))
    seen: dict[str, dict[str, str]] = defaultdict(dict)
    together: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    spelled: dict[str, set[str]] = defaultdict(set)
    for _, person, other, other_name, rid, published in rows(Q_MENTIONS):
        seen[str(person)][str(rid)] = _day(published) or days.get(str(rid), "")
        if other is not None:
            together[str(person)][str(other)].add(str(rid))
            spelled[str(other)].add(str(other_name))
    undated_last = "9999"
    for person, line in people.items():
        line.releases = sorted((day, rid) for rid, day in seen[person].items())
        line.posts.sort(key=lambda h: (h.first or undated_last, h.post))
        line.titles.sort(key=lambda t: (t[0] or undated_last, *t[1:]))
        line.events.sort(key=lambda e: (e[0] or undated_last, *e[1:]))
        ranked = sorted(together[person].items(), key=lambda item: (-len(item[1]), item[0]))
        line.companions = [
            ("/".join(sorted(spelled[iri])), iri, tuple(sorted(ids))) for iri, ids in ranked[:top]
        ]
    return sorted(people.values(), key=lambda t: (-len(t.releases), t.person))


def _span(first: str | None, last: str | None) -> str:
    if not first:
        return "date unknown"
    return first if first == last else f"{first} .. {last}"


def _ids(ids: tuple[str, ...], most: int = 6) -> str:
    shown = ", ".join(ids[:most])
    return f"[{shown}{', ...' if len(ids) > most else ''}]"


def format_timeline(line: Timeline) -> str:
    """A timeline as text, each line pointing at its releases."""
    days = [day for day, _ in line.releases if day]
    out = [
        f"{line.name}  ({line.node}): {len(line.releases)} releases"
        + (f", {days[0]} .. {days[-1]}" if days else "")
    ]
    if line.posts:
        out.append("Posts")
        width = max(len(h.post) for h in line.posts)
        for held in line.posts:
            when = _span(held.first, held.last)
            out.append(f"  {held.post:\u3000<{width}}  {when:<24}  {_ids(held.releases)}")
    if line.titles:
        out.append("Titles as written")
        for day, written, ids in line.titles:
            out.append(f"  {day or '?':<10}  {written}  {_ids(ids)}")
    if line.events:
        out.append("Events")
        counts = Counter(role for _, role, _, _ in line.events)
        out.append("  " + ", ".join(f"{role} {n}" for role, n in sorted(counts.items(), key=lambda x: -x[1])))
        for day, role, event, rid in line.events:
            out.append(f"  {day or '?':<10}  {role}  {event}  [{rid}]")
    if line.companions:
        out.append("Named with")
        for who, iri, ids in line.companions:
            key = Timeline(person=iri, name=who).node
            out.append(f"  {who}  ({key}): {len(ids)}  {_ids(ids)}")
    return "\n".join(out)
