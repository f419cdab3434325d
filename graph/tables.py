"""The network views of a build from compact tables on disk, in memory bounded by the batch.

graph/network.py draws the knowledge network from one graph held whole (an
rdflib graph, or every triple the network reads, from a build's graph.nt);
at 100,000 releases that read and the networkx graph built from it took most
of the build's memory. Here the same network is derived from its shards,
never held whole:

1. **Rows of a unit** (:func:`unit_rows`): a release's shard (its triples,
   in :class:`~govkg.graph.network._Reader`'s indexes, small) gives one line
   per fact the network uses, keyed by the IRI it belongs to: a type, a name,
   an alias (``owl:sameAs``), an event with its evidence, places and
   directives, a holding of its holder, a participation of its agent, an
   issuer or a citation of a document. Every fact of the network is local to
   a release's graph (an event, its participations, holdings and evidence
   sentences, the release's headline and date), except what a node is called
   and what it is (types, names, aliases), which the rows carry as they are
   for the reduce to decide. A build keeps each shard's rows in its cache
   (``OUT/cache/network``), by the shard's digest: an update reads again only
   the shards that changed.
2. **Nodes** (:func:`network_tables`): the rows, keyed by node id (aliases
   merged into their canonical node), are sorted on disk
   (:class:`~govkg.graph.shards.SortedLines`) and reduced one node at a time:
   an official's latest title, an organisation's aliases, which kind a node
   is. Each node's attributes go to a table on disk, its edges to a second
   sort.
3. **Edges**: that sort, reduced one pair of nodes at a time (roles of one
   official in one event, titles of one holding edge), gives the edge table,
   and the structure the rankings and the page's selection need, as integers
   (a node's number is its rank in sorted order, so numbers sort as ids do).

What stays in memory grows with the network, not with the graph, and small:
each node's id and kind, the participations as pairs of numbers, the edges
as pairs of numbers. The rankings (:func:`~govkg.graph.network.rank_officials`)
and the page's selection (:func:`~govkg.graph.view.select_numbered`) work on
those; GEXF and GraphML are written in one pass over each table
(:func:`write_exports`: both files in that pass), the page from the attributes of its nodes alone.
The files are the bytes the in-memory writers (graph/outputs.py) give for the
same graph: the reduce makes each decision :func:`knowledge_network`
makes, in the same order.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import json
import os
import re
import secrets
import shutil
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby, tee, zip_longest
from json.encoder import c_make_encoder, encode_basestring
from json.scanner import make_scanner
from pathlib import Path
from typing import TYPE_CHECKING

from govkg.extract.identity import collector_paused
from govkg.graph import iris
from govkg.graph.cache import software_fingerprint
from govkg.graph.folders import atomic_open, link_or_copy, scratch_folder, scratch_path
from govkg.graph.network import (
    _AGENT,
    _BEGIN,
    _CITATION,
    _DERIVED_FROM,
    _EVENT,
    _EVIDENCE,
    _HEADLINE,
    _HOLDER,
    _IDENTIFIER,
    _IMPLEMENTS,
    _ISSUER,
    _LOCATION,
    _NAME,
    _ORGANIZATION,
    _PARTICIPATION,
    _PUBLISHED,
    _RELEASE,
    _ROLE,
    _SAME_AS,
    _SENTENCE,
    _START,
    _TITLE,
    _TYPE,
    BETWEENNESS_WORK,
    KINDS,
    LINK_PREDICATES,
    TEXT_PREDICATES,
    GexfPieces,
    GraphmlPieces,
    NetworkStats,
    NodeIds,
    OfficialFigures,
    OfficialRank,
    _clean,
    _edge_attrs,
    _Reader,
    attribute_types,
    bare_name,
    gexf_stream,
    graph_pairs,
    graphml_stream,
    network_stats,
    node_label,
    qualifier,
    rank_numbered,
    zh_label,
)
from govkg.graph.shards import SortedLines
from govkg.graph.splice import Splice, Stale, copy_range, sorted_line_start
from govkg.graph.terms import nt_literal
from govkg.ontology import GOV

if TYPE_CHECKING:
    import networkx as nx

# Classes whose instances the reduce must know: the node kinds.
_CLASSES = {str(cls): kind for kind, classes in KINDS.items() for cls in classes}
_EVENT_CLASSES = {str(cls) for cls in KINDS["event"]}
_PERSON = str(GOV.Person)
_LATE_KINDS = ("organisation", "directive", "document")  # assigned last, in this order: the last wins
# An edge's relation when several are asked of one pair of nodes: the one knowledge_network
# leaves (issuer overwrites, then implements, location, a holding; participation and cites
# only where nothing else is).
_RANK = {"issuer": 0, "implements": 1, "location": 2, "holding": 3, "participation": 4, "cites": 5}
# The rows' format: part of a kept rows file's name (graph/sharded.py), so that rows made by
# another version of unit_rows are made again. Change it with what unit_rows writes.
ROWS_FORMAT = 2
# Characters of rows sorted in memory at once.
RUN_CHARS = 20_000_000
# Rows a unit begins with (an empty IRI sorts first): an alias, the newest publication date.
ALIAS, LATEST = "alias", "latest"


# One encoder for every row: json.dumps with arguments of its own makes a new encoder a call, which
# cost four times the encoding of a row.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _row_encoder():
    """JSONEncoder.encode makes the C encoder of its settings again at every call (iterencode): made
    once here, with the arguments iterencode gives it, a row's text is the same in half the time.
    None where this Python's encoder is not that one (no C encoder, other arguments, other text):
    rows are then written by ``encode``."""
    if c_make_encoder is None:
        return None
    try:
        encoder = c_make_encoder(
            None,  # no markers: check_circular=False (a row holds no cycle)
            _ENCODER.default,
            encode_basestring,  # ensure_ascii=False
            None,
            ":",
            ",",
            False,
            False,
            True,
        )
        probe = ['甲\n"', 1, 2.5, None, True, {"k": [False]}]
        if "".join(encoder(probe, 0)) != _ENCODER.encode(probe):
            return None
    except (TypeError, ValueError):
        return None
    return encoder


_ROW_ENCODER = _row_encoder()


def _dump(value) -> str:
    """A row's value as ``json.dumps(value, ensure_ascii=False, separators=(",", ":"))`` writes it.

    >>> _dump(["甲", 1, 2.5, None, True, {"k": [False]}])
    '["甲",1,2.5,null,true,{"k":[false]}]'
    """
    if _ROW_ENCODER is None or type(value) is str:  # a string alone: encode's own shortcut
        return _ENCODER.encode(value)
    return "".join(_ROW_ENCODER(value, 0))


# And one decoder: json.loads checks its argument's type and first character before calling it,
# and JSONDecoder.decode matches the whitespace around the value twice with a regular expression:
# a row's JSON (its payload, perhaps with the line's newline after it) is scanned from its first
# character at once.
_SCAN = make_scanner(json.JSONDecoder())


def _decode(text: str):
    """The value of a row's JSON (``json.loads(text)`` of the JSON this module writes).

    >>> _decode('["甲",1,2.5,null,true,{"k":[false]}]\\n')
    ['甲', 1, 2.5, None, True, {'k': [False]}]
    """
    return _SCAN(text, 0)[0]


# --- rows of one unit (a shard, or a whole graph) -----------------------------


# Besides what the network reads, the tenures the page draws (careers' summary holdings).
_FIRST, _LAST, _POST = str(GOV.firstAttested), str(GOV.lastAttested), str(GOV.post)
TEXTS, LINKS = (*TEXT_PREDICATES, _FIRST, _LAST), (*LINK_PREDICATES, _POST)
_WANTED = {f"<{p}>": (p, True) for p in TEXTS} | {f"<{p}>": (p, False) for p in LINKS}


def pairs_of_triples(triples: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
    """The pairs the network reads (:func:`~govkg.graph.network.graph_pairs`) from canonical
    N-Triples text, ``S P O`` a triple (a shard's lines, graph/sharded.py's ``shard_triples``)."""
    return _pairs(triple.split(" ", 2) for triple in triples)


def pairs_of_terms(triples: Iterable[tuple[str, str, str]]) -> dict[str, list[tuple[str, str]]]:
    """:func:`pairs_of_triples` of triples given as their three canonical terms (a shard's, as it
    is written: graph/shards.py's ``ReleaseShards``), not as lines to split."""
    return _pairs(triples)


def _pairs(triples: Iterable) -> dict[str, list[tuple[str, str]]]:
    found: dict[str, list[tuple[str, str]]] = {p: [] for p, _ in _WANTED.values()}
    # each predicate's list and whether its object is text, found by one look-up a triple
    wanted = {predicate: (found[p], text) for predicate, (p, text) in _WANTED.items()}
    literal = nt_literal
    for subject, predicate, obj in triples:
        kind = wanted.get(predicate)
        if kind is None or subject[0] != "<":
            continue
        if kind[1]:
            if obj[0] == '"':
                kind[0].append((subject[1:-1], literal(obj)[0]))
        elif obj[0] == "<":
            kind[0].append((subject[1:-1], obj[1:-1]))
    return found


# Evidence as the rows hold it, a list ``[sentence, begin, headline, published, release]``: made
# and read as such, never as :class:`~govkg.graph.network._Evidence` records (a frozen dataclass
# a sentence cost more than the rest of a row).
def _evidence_key(row: list) -> tuple:
    """:func:`~govkg.graph.network._evidence_order` of evidence as a row."""
    return (row[3], row[4], row[1], row[0])


def _evidence_rows(reader: _Reader, node: str) -> list[list]:
    """``reader.evidence(node)`` as rows (:meth:`~govkg.graph.network._Reader.evidence`'s rule)."""
    found = []
    for ev in reader.objects(node, _EVIDENCE):
        release = reader.value(ev, _RELEASE) or reader.value(node, _DERIVED_FROM)
        rid, headline, published = reader.release(release) if release is not None else ("", "", "")
        begin = reader.value(ev, _BEGIN)
        begin = int(begin) if begin is not None else 0
        found.append([reader.text(ev, _SENTENCE), begin, headline, published, rid])
    found.sort(key=_evidence_key)
    return found


def _row_evidence_attrs(rows: list[list]) -> dict[str, str]:
    """:func:`~govkg.graph.network._evidence_attrs` of evidence rows in order."""
    if not rows:
        return {}
    last = rows[-1]
    return {
        "evidence": "\n".join(dict.fromkeys(row[0] for row in rows if row[0])),
        "headline": last[2],
        "published": last[3],
        "release": last[4],
    }


def unit_rows(pairs: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The network's rows of one unit's triples (see the module doc), sorted: ``IRI<tab>TAG<tab>JSON``.

    ``pairs`` as :func:`pairs_of_triples` gives them. Tags: ``T`` a class of a
    node kind, ``N`` a name, ``S`` an alias of another IRI, ``E`` an event,
    ``H`` a holding of a holder, ``P`` a participation of an agent, ``D`` the
    issuers of a document, ``C`` the events of the releases that cite a
    document, ``U`` a tenure (a post, first and last attested) of a holder;
    under the empty IRI, so that they come first, ``alias`` a variant and
    its canonical IRI (``owl:sameAs``) and ``latest`` the newest publication
    date.
    """
    rows: list[str] = []
    for subject, cls in pairs[_TYPE]:
        rows += _type_rows(subject, cls)
    for subject, name in pairs[_NAME]:
        rows.append(_name_row(subject, name))
    for variant, canonical in pairs[_SAME_AS]:
        rows += _alias_rows(variant, canonical)
    rows += _fact_rows(pairs)
    dates = [value[:10] for _, value in pairs[_PUBLISHED]]
    if dates:
        rows.append(f"\t{LATEST}\t{_dump(max(dates))}\n")
    return sorted(set(rows))


def _type_rows(subject: str, cls: str) -> list[str]:
    return [f"{subject}\tT\t{_dump(cls)}\n"] if cls in _CLASSES else []


def _name_row(subject: str, name: str) -> str:
    return f"{subject}\tN\t{_dump(name)}\n"


def _alias_rows(variant: str, canonical: str) -> list[str]:
    # under the empty IRI: first, as the reduce needs them before any other row
    return [f"\t{ALIAS}\t{_dump([variant, canonical])}\n"] if variant != canonical else []


# A unit larger than this (in bytes) is read in three passes, the facts of its own subjects
# alone held (a build's default graph: every tenure and alias of the corpus, few of the facts).
STREAMED_BYTES = 4_000_000
# What makes a subject one whose facts give rows (besides an event's or participation's class):
# a holding's title, a document's issuer, a release's citations, headline, id and date.
_FACT_PREDICATES = {f"<{p}>" for p in (_TITLE, _ISSUER, _CITATION, _HEADLINE, _IDENTIFIER, _PUBLISHED)}
# What a tenure's row reads of it (a tenure's evidence and provenance are not read: the default
# graph holds every tenure of the corpus).
_TENURE_PREDICATES = {f"<{p}>" for p in (_HOLDER, _POST, _FIRST, _LAST)}
_FACT_CLASSES = {f"<{c}>" for c in (*_EVENT_CLASSES, _PARTICIPATION)}
# Where a row reads the triples of a subject other than its own (:func:`_fact_rows`): a fact's
# evidence, and the release of a fact or of its evidence (their headline, id and date); a tenure's post
# (its name).
_READ_THROUGH = {f"<{p}>" for p in (_EVIDENCE, _DERIVED_FROM, _RELEASE, _POST)}
# What makes rows of many subjects at once: the newest publication date of the unit, and the events
# of a document's citing releases. A change of these is not made in part (updated_streamed_rows).
_WHOLE_UNIT = {f"<{p}>" for p in (_PUBLISHED, _CITATION)}
_TYPE_, _POST_, _CITES_ = f"<{_TYPE}>", f"<{_POST}>", f"<{_CITATION}>"


def streamed_rows(read: Callable[[], Iterable[str]], refs: list[str] | None = None) -> list[str]:
    """:func:`unit_rows` of a unit too large to index whole, its triples (``S P O`` text, as
    :func:`pairs_of_triples` reads) given anew by each call of ``read``.

    The first pass makes the rows of one triple each (types, names, aliases)
    and finds the subjects whose facts make rows (events, participations,
    holdings, documents' issuers, releases, tenures); the second reads
    those subjects' triples, and the evidence and posts they name; the
    third, those. The rows are those :func:`unit_rows` gives the whole unit.

    ``refs``, when given, gets a line ``O<tab>S`` for each subject ``S`` whose rows may read the
    triples of another, ``O`` (:data:`_READ_THROUGH`), sorted: what
    :func:`updated_streamed_rows` needs to know which rows a change of ``O``'s triples changes.
    """
    wanted = _WANTED
    rows: list[str] = []
    kept: set[str] = set()
    tenured: set[str] = set()
    dates: list[str] = []
    first_ = f"<{_FIRST}>"
    type_, name_, alias_, published = f"<{_TYPE}>", f"<{_NAME}>", f"<{_SAME_AS}>", f"<{_PUBLISHED}>"
    for triple in read():
        subject, predicate, obj = triple.split(" ", 2)
        if predicate not in wanted or subject[0] != "<":
            continue
        if predicate == type_:
            if obj[0] == "<":
                rows += _type_rows(subject[1:-1], obj[1:-1])
                if obj in _FACT_CLASSES:
                    kept.add(subject)
        elif predicate == name_:
            if obj[0] == '"':
                rows.append(_name_row(subject[1:-1], nt_literal(obj)[0]))
        elif predicate == alias_:
            if obj[0] == "<":
                rows += _alias_rows(subject[1:-1], obj[1:-1])
        elif predicate in _FACT_PREDICATES:
            kept.add(subject)
            if predicate == published and obj[0] == '"':
                dates.append(nt_literal(obj)[0][:10])
        elif predicate == first_:
            tenured.add(subject)
    evidence_, post_ = f"<{_EVIDENCE}>", f"<{_POST}>"
    named = set()  # the evidence of the facts, the posts of the tenures
    for s, p, obj in _split(read()):
        if (p == evidence_ and s in kept) or (p == post_ and s in tenured):
            named.add(obj)
    named -= kept
    chosen = (triple for triple in read() if _wanted(triple, kept, tenured, named))
    found: set[str] = set()
    pairs = pairs_of_triples(chosen if refs is None else _noting_refs(chosen, found))
    if refs is not None:
        refs += sorted(found)
    rows += _fact_rows(pairs)
    if dates:
        rows.append(f"\t{LATEST}\t{_dump(max(dates))}\n")
    return sorted(set(rows))


def updated_streamed_rows(
    path: Path,
    old_rows: Iterable[str],
    old_refs: Iterable[str],
    removed: Iterable[str],
    added: Iterable[str],
    refs: list[str],
) -> list[str] | None:
    """:func:`streamed_rows` of the unit ``path`` (a shard of sorted lines ``S P O .``, each once: a
    build's default graph) from those of its previous version, ``old_rows`` and ``old_refs`` (as
    :func:`streamed_rows` gave them), and the triples taken out of it (``removed``) and put in
    (``added``) since, ``S P O`` each; ``refs`` gets the new version's. None where a change makes
    rows of the whole unit (a publication date, a citation: :data:`_WHOLE_UNIT`).

    Only the rows of the subjects whose triples changed, of those whose rows read them
    (``old_refs``), of what those read in turn and of whatever else reads that are made again,
    from the triples of these subjects alone, read where they are in ``path`` (bisected) and, as
    they were, from those and the changes: the rest of the unit is not read.
    """
    # a triple of a predicate no row reads changes none (the build's provenance, which names each
    # release: at 30,000 releases 60,300 of the lines an update of 100 edits)
    wanted = _WANTED
    removed = [triple for triple in removed if triple.split(" ", 2)[1] in wanted]
    added = {triple for triple in added if triple.split(" ", 2)[1] in wanted}
    if any(triple.split(" ", 2)[1] in _WHOLE_UNIT for triple in (*removed, *added)):
        return None
    old_refs = list(old_refs)
    readers: dict[str, list[str]] = {}
    for line in old_refs:
        obj, subject = line[:-1].split("\t")
        readers.setdefault(obj, []).append(subject)
    was: dict[str, list[str]] = {}
    for triple in removed:
        was.setdefault(triple[: triple.index(" ")], []).append(triple)
    changed = {triple[: triple.index(" ")] for triple in (*removed, *added)}
    todo = changed.union(*(readers.get(subject, ()) for subject in changed))
    seen: set[str] = set()
    before: list[str] = []
    after: list[str] = []
    named: set[str] = set()  # read by the rows of another subject: every link followed
    with path.open("rb") as handle:
        while todo:
            batch = sorted(todo)
            seen.update(batch)
            todo = set()
            for subject, now in zip(batch, _subject_triples(handle, batch), strict=True):
                then = [triple for triple in now if triple not in added] + was.get(subject, [])
                after += now
                before += then
                links = [triple.split(" ", 2) for triple in (*now, *then)]
                if any(predicate == _CITES_ for _, predicate, _ in links):
                    return None  # a citation: its document's rows read other releases' events
                # what streamed_rows reads through: a fact's links, a tenure's post
                fact = subject in named or any(
                    predicate in _FACT_PREDICATES or (predicate == _TYPE_ and obj in _FACT_CLASSES)
                    for _, predicate, obj in links
                )
                for _, predicate, obj in links:
                    if obj in seen or obj[0] != "<" or predicate not in _READ_THROUGH:
                        continue
                    if fact or predicate == _POST_:
                        named.add(obj)
                        todo.add(obj)
                        # and whatever else reads it: whether a subject is read through is
                        # then the same here as in the whole unit
                        todo.update(reader for reader in readers.get(obj, ()) if reader not in seen)
    before.sort()
    after.sort()
    refs_before: list[str] = []
    refs_after: list[str] = []
    latest = f"\t{LATEST}\t"  # made of every publication date: none changed
    gone = {row for row in streamed_rows(lambda: iter(before), refs_before) if not row.startswith(latest)}
    made = {row for row in streamed_rows(lambda: iter(after), refs_after) if not row.startswith(latest)}
    refs += sorted((set(old_refs) - set(refs_before)) | set(refs_after))
    return sorted((set(old_rows) - gone) | made)


def _subject_triples(handle, subjects: list[str]) -> Iterator[list[str]]:
    """The triples (``S P O``) of each of ``subjects`` (sorted, in N-Triples) in the file ``handle``
    (opened in binary) of sorted lines ``S P O .``, each found by bisecting it
    (:func:`~govkg.graph.splice.sorted_line_start`)."""
    size = os.fstat(handle.fileno()).st_size
    low = 0
    for subject in subjects:
        prefix = f"{subject} ".encode()
        low = sorted_line_start(handle, lambda raw, prefix=prefix: raw < prefix, low, size)
        found = []
        while (line := handle.readline()).startswith(prefix):
            if not line.endswith(b" .\n"):
                raise ValueError(f"not a line of the default graph: {line[:200]!r}")
            found.append(line[:-3].decode("utf-8"))
            low += len(line)
        yield found


def _noting_refs(triples: Iterable[str], found: set[str]) -> Iterator[str]:
    """``triples``, each that names a subject its subject's rows may read put in ``found`` (``O<tab>S``)."""
    for triple in triples:
        subject, predicate, obj = triple.split(" ", 2)
        if predicate in _READ_THROUGH and obj[0] == "<":
            found.add(f"{obj}\t{subject}\n")
        yield triple


def _wanted(triple: str, kept: set[str], tenured: set[str], named: set[str]) -> bool:
    subject, predicate, _ = triple.split(" ", 2)
    return subject in kept or subject in named or (subject in tenured and predicate in _TENURE_PREDICATES)


def _split(triples: Iterable[str]) -> Iterator[list[str]]:
    for triple in triples:
        yield triple.split(" ", 2)


def _fact_rows(pairs: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The rows of events, holdings, participations and documents (see :func:`unit_rows`)."""
    reader = _Reader.of_pairs(pairs)
    rows: list[str] = []
    add = rows.append
    events = reader.instances("event")
    for event, cls in events.items():
        rid, headline, published = reader.derived_from(event)
        row = [
            str(cls),
            reader.text(event, _NAME),
            reader.text(event, _START)[:10],
            rid,
            headline,
            published,
            _evidence_rows(reader, event),
            sorted(reader.objects(event, _LOCATION)),
            sorted(reader.objects(event, _IMPLEMENTS)),
        ]
        add(f"{event}\tE\t{_dump(row)}\n")
    for holding, holder in pairs[_HOLDER]:
        title = reader.text(holding, _TITLE)  # reader.holding's rule, its evidence as rows
        if not title:
            continue
        evidence = _evidence_rows(reader, holding)
        rid, _, published = reader.derived_from(holding)
        begin = min((row[1] for row in evidence), default=0)
        orgs = sorted(reader.objects(holding, _ORGANIZATION))
        row = [published, rid, begin, title, holding, evidence, orgs]
        add(f"{holder}\tH\t{_dump(row)}\n")
    for part in reader.subjects(_TYPE, _PARTICIPATION):
        agent, event = reader.value(part, _AGENT), reader.value(part, _EVENT)
        if agent is None or event is None:
            continue
        row = [event, sorted(reader.objects(part, _ROLE)), _evidence_rows(reader, part), part]
        add(f"{agent}\tP\t{_dump(row)}\n")
    issuers: dict[str, list[str]] = {}
    for document, org in pairs[_ISSUER]:
        issuers.setdefault(document, []).append(org)
    for document, orgs in issuers.items():
        add(f"{document}\tD\t{_dump(sorted(orgs))}\n")
    cited: dict[str, set[str]] = {}
    for release, document in pairs[_CITATION]:
        found = [s for s in reader.subjects(_DERIVED_FROM, release) if s in events]
        if found:
            cited.setdefault(document, set()).update(found)
    for document, found in cited.items():
        add(f"{document}\tC\t{_dump(sorted(found))}\n")
    for tenure, first in pairs[_FIRST]:  # a tenure: its post's name, first and last dates
        holder, post = reader.value(tenure, _HOLDER), reader.value(tenure, _POST)
        if holder is None or post is None:
            continue
        last = reader.value(tenure, _LAST) or first
        name = reader.value(post, _NAME)
        label = name if name is not None else iris.node_id(post)
        add(f"{holder}\tU\t{_dump([label, first[:10], last[:10], tenure])}\n")
    return rows


def graph_rows(graph) -> list[str]:
    """The rows of a whole graph as one unit (an rdflib graph, or a build's StoreGraph)."""
    return unit_rows(graph_pairs(graph, TEXTS, LINKS))


# --- the reduce ---------------------------------------------------------------


@dataclass
class Tables:
    """The network of a build as tables on disk, and its structure in numbers.

    ``nodes`` holds a line per node, sorted by id: ``[id, attributes]`` in
    JSON (the attributes as :func:`knowledge_network`
    gives them); ``edges`` a line per edge, sorted by source and target:
    ``[source, target, attributes]``; ``tenures`` a line per holder of a
    tenure, ``[id, tenures]``. ``ids`` and ``kinds`` are each node's,
    in that order (a node's number is its place); ``sources`` and ``targets``
    the numbers of each edge's ends; ``attendees`` and ``attended`` the
    official and event of each participation edge. Close it to remove the files.
    """

    folder: Path
    ids: IdList = field(default_factory=lambda: IdList())
    kinds: list[str] = field(default_factory=list)
    sources: array = field(default_factory=lambda: array("i"))
    targets: array = field(default_factory=lambda: array("i"))
    attendees: array = field(default_factory=lambda: array("i"))
    attended: array = field(default_factory=lambda: array("i"))
    edge_types: dict[str, set[type]] = field(default_factory=dict)  # attribute -> types, in first-use order
    latest: str = "1970-01-01"
    bare_names: NameCounts = field(default_factory=lambda: NameCounts())  # nodes of each bare name
    # where each line of the files starts, when the tables' state holds it (_KeptArrays.starts):
    # a few lines are then read where they are, not found by reading every line before them
    starts: dict = field(default_factory=dict)
    # the stamp of the state the tables were kept in (its meta's, a digest of what they are made
    # of), and of an update's previous state with the runs of its edges that are these tables'
    # unchanged: (old number, number now, how many) each, the edges between them reduced again (an
    # update of the exports follows them: write_spliced_exports)
    made: str = ""
    follows: str = ""
    edge_runs: list[tuple[int, int, int]] | None = None

    @property
    def nodes(self) -> Path:
        return self.folder / "nodes.jsonl"

    @property
    def edges(self) -> Path:
        return self.folder / "edges.jsonl"

    @property
    def tenures(self) -> Path:
        return self.folder / "tenures.jsonl"

    def tenure_lines(self) -> Iterator[tuple[str, list[list[str]]]]:
        """Each official's tenures (the page's career bars), in the order of their ids."""
        with self.tenures.open(encoding="utf-8") as handle:
            for line in handle:
                nid, tenures = _decode(line)
                yield nid, tenures

    def node_lines(self) -> Iterator[tuple[str, dict]]:
        with self.nodes.open(encoding="utf-8") as handle:
            for line in handle:
                nid, attrs = _decode(line)
                yield nid, attrs

    def edge_lines(self) -> Iterator[tuple[str, str, dict]]:
        with self.edges.open(encoding="utf-8") as handle:
            for line in handle:
                source, target, attrs = _decode(line)
                yield source, target, attrs

    def node_lines_at(self, numbers: set[int]) -> Iterator[tuple[int, str, dict]]:
        """(number, id, attributes) of the nodes ``numbers``, in order: read where they are when the
        tables know where their lines start, else the other lines are read, not parsed (a page
        shows 5,000 nodes of a network of millions)."""
        for number, (nid, attrs) in _parsed_lines_at(self.nodes, numbers, self.starts.get("nodes")):
            yield number, nid, attrs

    def edge_lines_at(self, wanted) -> Iterator[tuple[str, str, dict]]:
        """The edges whose place is set in the mask ``wanted`` (aligned with ``sources``), in order;
        read as :meth:`node_lines_at` reads nodes."""
        numbers = wanted.nonzero()[0].tolist()
        for _, (source, target, attrs) in _parsed_lines_at(self.edges, numbers, self.starts.get("edges")):
            yield source, target, attrs

    def tenure_lines_of(self, ids: set[str]) -> Iterator[tuple[str, list[list[str]]]]:
        """The tenures of the nodes ``ids``, in the order of their ids: read where they are when
        the tables know where their lines start, else of each other line only the id is parsed."""
        if "tenures" in self.starts:
            tenured = self.starts["tenure_ids"]
            numbers = {number for nid in ids if (number := tenured.number(nid)) is not None}
            for _, (nid, tenures) in _parsed_lines_at(self.tenures, numbers, self.starts["tenures"]):
                yield nid, tenures
            return
        scan = json.decoder.scanstring
        with self.tenures.open(encoding="utf-8") as handle:
            for line in handle:
                if scan(line, 2)[0] in ids:  # a line is ["ID", [...]]
                    nid, tenures = _decode(line)
                    yield nid, tenures

    def close(self) -> None:
        for path in (self.nodes, self.edges, self.tenures):
            path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.folder.rmdir()

    def __enter__(self) -> Tables:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class NameCounts:
    """How many nodes have each name, as 64-bit digests of the names in arrays (not a dict of the
    names): :meth:`add` each, :meth:`count` once, then ``counts[name]``. Two names of one digest
    would be counted together (one chance in 10^8 at a million names): a namesake more, whose
    exported name is qualified."""

    def __init__(self) -> None:
        self.digests = array("q")
        self.keys = self.totals = None

    @staticmethod
    def _digest(name: str) -> int:
        return int.from_bytes(
            hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "little", signed=True
        )

    def add(self, name: str) -> None:
        self.digests.append(self._digest(name))

    def count(self) -> None:
        import numpy as np

        self.keys, self.totals = np.unique(np.frombuffer(self.digests, dtype=np.int64), return_counts=True)
        self.digests = array("q")

    def __getitem__(self, name: str) -> int:
        if self.keys is None:
            self.count()
        digest = self._digest(name)
        at = int(self.keys.searchsorted(digest))
        return int(self.totals[at]) if at < len(self.keys) and self.keys[at] == digest else 0


class IdList:
    """Strings in the order appended (a network's node ids, sorted), held as one UTF-8 byte string
    and where each ends: about 30 bytes an id, where a list of ``str`` holds about 110 (at 30,000
    gen_corpus releases, 143,529 ids took 14.8 MB so). Read as a list: ``ids[n]``, ``len``, in order.

    >>> ids = IdList(["event/会议1", "person/何平@巴中市"])
    >>> ids[1], len(ids), list(ids) == ["event/会议1", "person/何平@巴中市"]
    ('person/何平@巴中市', 2, True)
    >>> ids.number("person/何平@巴中市"), ids.number("person/何")
    (1, None)
    """

    def __init__(self, items: Iterable[str] = ()) -> None:
        self.data = bytearray()
        self.ends = array("q")
        self._index = None  # the ids' hashes, sorted, and their numbers (number): made when asked
        for item in items:
            self.append(item)

    @classmethod
    def of(cls, data, ends) -> IdList:
        """The ids of UTF-8 bytes ``data`` each ending where ``ends`` (64-bit numbers) says."""
        ids = cls()
        ids.data, ids.ends = bytearray(data), array("q", bytes(ends))
        return ids

    def __getstate__(self) -> dict:  # the index holds this process's hashes: made again where read
        return {"data": self.data, "ends": self.ends}

    def __setstate__(self, state: dict) -> None:
        self.data, self.ends, self._index = state["data"], state["ends"], None

    def append(self, item: str) -> None:
        self.data += item.encode("utf-8")
        self.ends.append(len(self.data))

    def __len__(self) -> int:
        return len(self.ends)

    def _bytes(self, index: int) -> bytes:
        return bytes(self.data[self.ends[index - 1] if index else 0 : self.ends[index]])

    def __getitem__(self, index: int) -> str:
        if index < 0:
            index += len(self.ends)
        if not 0 <= index < len(self.ends):
            raise IndexError("id number out of range")
        return self._bytes(index).decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return (self[index] for index in range(len(self.ends)))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, IdList | list | tuple) and list(self) == list(other)

    def number(self, item: str) -> int | None:
        """The place of ``item`` (its first), or None where it is not there.

        Found by its hash in a sorted array of every id's (made at the first call after an append,
        16 bytes an id), then compared: an edge's ends are asked for by the hundred thousand, where
        a bisection of the bytes in Python took about 10 µs each."""
        key = item.encode("utf-8")
        if self._index is None or self._index[2] != len(self.ends):
            self._index = self._hashed()
        hashes, order, _ = self._index
        digest = hash(key)
        at = int(hashes.searchsorted(digest))
        while at < len(hashes) and hashes[at] == digest:
            found = int(order[at])
            if self._bytes(found) == key:
                return found
            at += 1
        return None

    def _hashed(self):
        import numpy as np

        data, ends = self.data, self.ends
        found = np.fromiter(
            (hash(bytes(data[ends[n - 1] if n else 0 : ends[n]])) for n in range(len(ends))),
            dtype=np.int64,
            count=len(ends),
        )
        order = np.argsort(found, kind="stable")
        return found[order], order, len(ends)


def _head(rows: Iterable[str]) -> Iterator[tuple[str, object]]:
    """The rows a unit begins with (tag, value): its aliases and newest date."""
    for row in rows:
        if row[0] != "\t":
            break
        _, tag, payload = row.split("\t", 2)
        yield tag, json.loads(payload)


def _keyed(rows: Iterable[str], aliases: NodeIds) -> Iterator[str]:
    """Unit rows as lines of the node they belong to: ``NODE<tab>IRI<tab>TAG<tab>JSON``; an event's
    places are told they are one (``L``), a variant that it is one (``S``)."""
    key = aliases.key
    for row in rows:
        if row[0] == "\t":
            _, tag, payload = row.split("\t", 2)
            if tag == ALIAS:
                variant, canonical = json.loads(payload)
                yield f"{key(variant)}\t{variant}\tS\t{_dump(canonical)}\n"
            continue
        subject, tag, payload = row.split("\t", 2)
        yield f"{key(subject)}\t{row}"
        if tag == "E":
            for place in _decode(payload)[7]:
                yield f"{key(place)}\t{place}\tL\t{_dump(subject)}\n"


def _latest_title(holdings: list[list]) -> tuple[dict, list[list]]:
    """An official's title attributes from the holdings of one IRI (knowledge_network's rule)."""
    holdings.sort(key=lambda h: h[:4])
    latest = [h for h in holdings if h[:2] == holdings[-1][:2]] if holdings else []
    evidence = sorted((e for h in latest for e in h[5]), key=_evidence_key)
    attrs = {
        "title": "、".join(dict.fromkeys(h[3] for h in latest)),
        "titles": "、".join(dict.fromkeys(h[3] for h in holdings)),
        **_row_evidence_attrs(evidence),
    }
    return attrs, holdings


def _reduce_node(
    nid: str, lines: list[str], aliases: NodeIds, edge_out: SortedLines
) -> tuple[dict | None, list[list[str]]]:
    """One node's attributes from its rows (None if it is not a node) and its tenures (oldest first);
    its edges to ``edge_out``."""
    key = aliases.key
    types: dict[str, set[str]] = {}
    names: dict[str, list[str]] = {}
    variants: set[str] = set()
    events: list[tuple[str, list]] = []
    holdings: dict[str, list[list]] = {}
    parts: list[tuple[str, list]] = []
    issuers: list[tuple[str, list]] = []
    cites: list[tuple[str, list]] = []
    located = False
    tenures: list[list[str]] = []
    for line in lines:
        _, raw, tag, payload = line.split("\t", 3)
        value = _decode(payload)
        if tag == "T":
            types.setdefault(raw, set()).add(value)
        elif tag == "N":
            names.setdefault(raw, []).append(value)
        elif tag == "S":
            variants.add(raw)
        elif tag == "E":
            events.append((raw, value))
        elif tag == "H":
            holdings.setdefault(raw, []).append(value)
        elif tag == "P":
            parts.append((raw, value))
        elif tag == "D":
            issuers.append((raw, value))
        elif tag == "C":
            cites.append((raw, value))
        elif tag == "L":
            located = True
        elif tag == "U":
            tenures.append(value[:3])

    def name(raw: str) -> str:
        return min(names.get(raw, ()), default="")

    persons = sorted(raw for raw, classes in types.items() if _PERSON in classes)
    attrs: dict | None = None
    seq = 0

    def edge(source: str, target: str, relation: str, payload=None) -> None:
        nonlocal seq
        seq += 1
        edge_out.add(f"{source}\t{target}\t{_RANK[relation]}\t{seq:09d}\t{_dump([relation, payload])}\n")

    # Officials, with the titles of each release that names them.
    for person in persons:
        own, ordered = _latest_title(holdings.get(person, []))
        attrs = {"kind": "official", "name": name(person) or nid, **own}
        for _published, _rid, _begin, title, _holding, evidence, orgs in ordered:
            for org in orgs:
                edge(nid, key(org), "holding", [title, evidence])
    # Events, their places and directives.
    for _raw, (cls, event_name, date, rid, headline, published, evidence, places, directives) in sorted(
        events
    ):
        attrs = {
            "kind": "event",
            "type": zh_label(_term(cls)),
            "name": event_name,
            "date": date or published,
            "dated": "event" if date else ("release" if published else ""),
            **_row_evidence_attrs(evidence),
            "headline": headline,
            "published": published,
            "release": rid,
        }
        for place in places:
            edge(nid, key(place), "location")
        for directive in directives:
            edge(nid, key(directive), "implements")
    person_set = set(persons)
    for agent, (event, roles, evidence, _part) in sorted(parts):
        if agent in person_set:
            edge(nid, key(event), "participation", [roles, evidence])
    if attrs is None and located:
        canonical = [raw for raw in types.keys() | names.keys() if raw not in variants]
        attrs = {"kind": "place", "name": name(min(canonical)) if canonical else ""}
    for kind in _LATE_KINDS:
        for raw in sorted(types):  # a node id last: an IRI's id is decoded from its percent-encoding
            if types[raw] & _KIND_CLASSES[kind] and raw not in variants and iris.node_id(raw) == nid:
                attrs = {"kind": kind, "name": name(raw)}
    documents = {raw for raw, classes in types.items() if classes & _KIND_CLASSES["document"]}
    for document, orgs in sorted(issuers):
        if document in documents:
            for org in orgs:
                edge(nid, key(org), "issuer")
    for document, found in sorted(cites):
        if document in documents:
            for event in found:
                edge(key(event), nid, "cites")
    tenures.sort(key=lambda t: (t[1], t[2], t[0]))
    if attrs is None:
        return None, tenures
    if variants:
        aliases_of = {name(variant) for variant in variants}
        attrs["aliases"] = "、".join(sorted(aliases_of - {attrs.get("name")}))
    attrs["label"] = node_label(attrs)
    return _clean(attrs), tenures


_KIND_CLASSES = {kind: {str(cls) for cls in classes} for kind, classes in KINDS.items()}


def _term(iri: str):
    from rdflib import URIRef

    return URIRef(iri)


def _reduce_edge(lines: list[str]) -> tuple[str, dict]:
    """An edge's relation and attributes from what its rows ask, as knowledge_network leaves them."""
    rank = min(line.split("\t", 3)[2] for line in lines)
    chosen = [_decode(line.split("\t", 4)[4]) for line in lines if line.split("\t", 3)[2] == rank]
    relation = chosen[0][0]
    edge: dict = {"relation": relation}
    evidence = None  # as rows: _edge_attrs' evidence_list, its attributes made here
    if relation == "participation":
        edge["roles"] = {role for _, (roles, _) in chosen for role in roles}
        evidence = [e for _, (_, found) in chosen for e in found]
    elif relation == "holding":
        edge["titles"] = [title for _, (title, _) in chosen]
        evidence = [e for _, (_, found) in chosen for e in found]
    attrs = _edge_attrs(edge)
    if evidence:
        attrs.update(_row_evidence_attrs(sorted(evidence, key=_evidence_key)))
    return relation, _clean(attrs)


def network_tables(
    units: Iterable[Iterable[str]], folder: str | Path, state: str | Path | None = None
) -> Tables:
    """The network of units' rows as :class:`Tables` in a temporary folder inside ``folder``.

    Each unit is a sorted iterable of :func:`unit_rows` that can be iterated
    twice (a list, or :class:`RowsFile`): first for the rows it begins with,
    the aliases, then whole.

    ``state`` is a folder where the tables keep what their next update needs
    (a build's ``cache/network/tables``; the units are then :class:`RowsFile`
    named by their content, as graph/sharded.py keeps them): an update made
    by the govkg that made the state reduces again only the nodes and edges
    that the units added and gone, and the aliases changed, can change
    (:func:`_update_tables`).
    """
    units = list(units)
    names = [_unit_name(unit) for unit in units] if state is not None else None
    if names is not None and None in names:
        names = state = None
    known: dict[str, str] = {}  # the state's line of each unit it knows, written again as it is
    if state is None:
        heads = [list(_head(rows)) for rows in units]
    else:
        heads = _heads(units, names, Path(state), known)
    same_as, latest = _aliases_of(heads)
    aliases = NodeIds(same_as, remember=1 << 16)  # ids remembered up to a bound: memory stays flat
    work = scratch_folder(Path(folder) / "govkg-network")
    tables = Tables(folder=work, latest=latest)
    try:
        if state is None:
            _reduce(units, aliases, tables)
        else:
            keep = _TablesState(Path(state), names, heads, same_as, known)
            try:
                try:
                    updated = keep.previous is not None and _update_tables(units, aliases, tables, keep)
                except _StaleTables:
                    updated = False
                if not updated:  # made whole, from empty tables
                    tables.close()
                    tables = Tables(folder=scratch_folder(Path(folder) / "govkg-network"), latest=latest)
                    keep.start()
                    _reduce(units, aliases, tables, keep)
                keep.finish()
                tables.made = keep.made
            finally:
                keep.close()
    except BaseException:
        tables.close()
        raise
    return tables


def kept_tables(units: Iterable[Iterable[str]], folder: str | Path, state: str | Path) -> Tables | None:
    """The tables a build kept in ``state`` (its ``cache/network/tables``: see :func:`network_tables`)
    as :class:`Tables` in a temporary folder inside ``folder``, when they are those of ``units``
    (the same rows files, in order, with the same aliases, made by this govkg); None when not.

    Each node's and edge's line is read as the state holds it: nothing is sorted or reduced, and
    nothing is written in ``state`` (a build read by a command may be read-only).
    """
    units = list(units)
    names = [_unit_name(unit) for unit in units]
    state = Path(state)
    if None in names:
        return None
    try:
        if _read_names(state) != names:
            return None
        heads = _heads(units, names, state)
    except (OSError, ValueError):
        return None
    same_as, latest = _aliases_of(heads)
    if not _describes(_read_meta(state), _meta(same_as), state):
        return None
    tables = Tables(folder=scratch_folder(Path(folder) / "govkg-network"), latest=latest)
    try:
        _KeptArrays.read(state).fill(tables)
        for name, path in zip(_TABLE_FILES, (tables.nodes, tables.tenures, tables.edges), strict=True):
            _link(state / name, path)
    except _StaleTables:
        tables.close()
        return None
    except BaseException:
        tables.close()
        raise
    return tables


def _aliases_of(heads: list[list[tuple[str, object]]]) -> tuple[dict[str, str], str]:
    """The variants' canonical IRIs and the newest date, from the rows the units begin with."""
    same_as: dict[str, str] = {}
    latest = "1970-01-01"
    for head in heads:
        for tag, value in head:
            if tag == ALIAS:
                variant, canonical = value
                same_as[variant] = max(same_as.get(variant, canonical), canonical)
            elif tag == LATEST:
                latest = max(latest, value)
    return same_as, latest


def _node_of(line: str) -> str:
    return line[: line.index("\t")]


def _pair_of(line: str) -> str:
    return line[: line.index("\t", line.index("\t") + 1)]


def _node_texts(nid: str, attrs: dict | None, tenures: list[list[str]]) -> tuple[str, str, str, str]:
    """A reduced node's kind, bare name, line of the nodes' table and of the tenures' ("" where none)."""
    node = tenure = kind = bare = ""
    if tenures:
        tenure = _dump([nid, tenures])
    if attrs is not None:
        kind, bare, node = attrs["kind"], bare_name(nid, attrs), _dump([nid, attrs])
    return kind, bare, node, tenure


class _Nodes:
    """Writes the node tables (:class:`Tables`' nodes and tenures, its ids, kinds and bare names) a
    node at a time, in the order of their ids; ``tenured`` the ids of the tenures' lines."""

    def __init__(self, tables: Tables, out, tenure_out) -> None:
        self.tables, self.out, self.tenure_out = tables, out, tenure_out
        self.tenured = IdList()

    def reduced(self, nid: str, attrs: dict | None, tenures: list[list[str]]) -> None:
        kind, bare, node, tenure = _node_texts(nid, attrs, tenures)
        if node or tenure:
            self.line(nid, kind, bare, node, tenure)

    def line(self, nid: str, kind: str, bare: str, node: str, tenure: str) -> None:
        if tenure:
            self.tenured.append(nid)
            self.tenure_out.write(tenure + "\n")
        if node:
            tables = self.tables
            tables.ids.append(nid)
            tables.kinds.append(kind)
            tables.bare_names.add(bare)
            self.out.write(node + "\n")


class _Edges:
    """Writes the edge table (:class:`Tables`' edges and the numbers of their ends) an edge at a
    time, in the order of their ends' ids; each edge's attributes' types (a number in ``types``) and
    whether it is a participation, for the state (:class:`_KeptArrays`)."""

    def __init__(self, tables: Tables, out) -> None:
        self.tables, self.out = tables, out
        self.types: dict[str, int] = {}  # the attributes' types of the lines seen (``types`` of :meth:`kept`)
        self.codes = array("i")  # each edge's: its number in ``types``
        self.participations = array("b")  # each edge's: whether it is a participation
        self.source: tuple[str, int | None] = ("", None)  # the last source's number: edges come by source

    def number(self, nid: str, source: bool = False) -> int | None:
        if source and self.source[0] == nid:
            return self.source[1]
        found = self.tables.ids.number(nid)
        if source:
            self.source = (nid, found)
        return found

    def reduced(self, pair: str, lines: list[str]) -> None:
        found = _edge_of(pair, lines, lambda nid, source=False: self.number(nid, source), self.tables.kinds)
        if found is not None:
            self.kept(*found)

    def kept(self, source: str, target: str, relation: str, types: str, line: str, a: int, b: int) -> None:
        tables = self.tables
        if relation == "participation":
            tables.attendees.append(a)
            tables.attended.append(b)
        tables.sources.append(a)
        tables.targets.append(b)
        code = self.types.get(types)
        if code is None:  # the attributes' types of a line first seen: the others add none
            code = self.types[types] = len(self.types)
            _add_types(tables.edge_types, types)
        self.codes.append(code)
        self.participations.append(relation == "participation")
        self.out.write(line + "\n")


def _edge_of(pair: str, lines: list[str], number, kinds) -> tuple | None:
    """The edge a pair's rows give (source, target, relation, attributes' types, line of the edges'
    table, the ends' numbers by ``number``), or None: no rows left, an end no node, or a participation
    or citation of nodes of kinds it does not join."""
    if not lines:  # an edge gone
        return None
    source, target = pair.split("\t")
    a, b = number(source, source=True), number(target)
    if a is None or b is None:
        return None
    relation, attrs = _reduce_edge(lines)
    if relation == "participation":
        if kinds[b] not in ("official", "event", "place"):
            return None
    elif relation == "cites" and kinds[a] != "event":
        return None
    types = "\x1f".join(f"{name}\x1e{type(value).__name__}" for name, value in attrs.items())
    return source, target, relation, types, _dump([source, target, attrs]), a, b


def _add_types(edge_types: dict[str, set[type]], types: str) -> None:
    """Add the attributes' types of an edge's line (``NAME<rs>TYPE`` joined by ``<us>``) to ``edge_types``."""
    for item in types.split("\x1f") if types else ():
        name, kind = item.split("\x1e")
        edge_types.setdefault(name, set()).add(_TYPES[kind])


_TYPES = {t.__name__: t for t in (str, int, float, bool)}


def _reduce(
    units: list[Iterable[str]], aliases: NodeIds, tables: Tables, keep: _TablesState | None = None
) -> None:
    work = tables.folder
    with (
        SortedLines(work, run=1 << 62, run_chars=RUN_CHARS) as rows,
        SortedLines(work, run=1 << 62, run_chars=RUN_CHARS) as edge_rows,
    ):
        if keep is None:
            for unit in units:
                rows.extend(_keyed(unit, aliases))
            lines: Iterable[str] = rows
        else:  # each line tagged with its unit, then counted: in how many units it is
            for number, unit in enumerate(units):
                rows.extend(f"{line[:-1]}\t{number}\n" for line in set(_keyed(unit, aliases)))
            lines = keep.counted(rows)
        with (
            tables.nodes.open("w", encoding="utf-8") as out,
            tables.tenures.open("w", encoding="utf-8") as tenure_out,
        ):
            nodes = _Nodes(tables, out, tenure_out)
            for nid, group in groupby(lines, key=_node_of):
                nodes.reduced(nid, *_reduce_node(nid, list(group), aliases, edge_rows))
        rows.close()
        bare = bytes(tables.bare_names.digests) if keep is not None else b""
        tables.bare_names.count()
        with tables.edges.open("w", encoding="utf-8") as out:
            edges = _Edges(tables, out)
            for pair, group in groupby(edge_rows, key=_pair_of):
                group = list(group)
                if keep is not None:
                    keep.edge_rows.writelines(group)
                    size = sum(len(row.encode("utf-8")) for row in group)
                    keep.index.add(pair, size, any(map(_cited, group)))
                edges.reduced(pair, group)
    if keep is not None:
        for name, path in zip(_TABLE_FILES, (tables.nodes, tables.tenures, tables.edges), strict=True):
            _link(path, keep.folder / name)
        made = _KeptArrays.of_tables(tables, nodes.tenured, bare, edges, keep.folder)
        made.write(keep.folder / _ARRAYS)
        tables.starts = made.starts()


# --- the tables of an update, from the previous build's ---------------------

# What an update of the tables starts from, kept in a folder of the build's cache (``state``):
# each unit's file name (its content: graph/sharded.py names it by its shard's digest) and the
# rows it begins with; every keyed row, in how many units it is; every edge row; the tables' own
# files (nodes, tenures, edges: hard links to them where the file system allows) and what the tables
# hold in memory with where each line of those files starts (``arrays.bin``: _KeptArrays), so that
# an update splices the files and arrays where its nodes and edges go, and a command reads the tables
# without parsing a line. ``meta.json``, written last, says
# which aliases and which govkg made them: the state counts for an update made by that govkg (its
# aliases may differ: the rows they move are re-keyed), for a command's reading of the tables as they
# are when both are the same (kept_tables).
TABLES_FORMAT = 3  # 1: units.tsv without their files' sizes; 2: nodes and edges as lines of text
TABLES_STATE = "tables"  # the state's folder, beside the folder of the units' files
# The units' rows files, in a folder of their own beside the state: named by their content, only
# added while a build runs, that folder is shared with the previous build, not linked file by file
# (graph/folders.py's staged_folder, ``shared``)
UNIT_ROWS = "rows"
_UNITS, _KEYED, _EDGE_ROWS, _META = "units.tsv", "keyed.tsv", "edge_rows.tsv", "meta.json"
_TABLE_FILES = ("nodes.jsonl", "tenures.jsonl", "edges.jsonl")  # the tables' own files (Tables)
_ARRAYS = "arrays.bin"  # what the tables hold in memory, and where each line of their files starts
_FILES = (_UNITS, _KEYED, _EDGE_ROWS, *_TABLE_FILES, _ARRAYS)
# Where each pair's edge rows start, and its ends' digests (_EdgeIndex). Not one of _FILES: a state
# without it (made by a govkg before it) is still the state, its index made again from its edge rows.
_EDGE_INDEX = "edge_index.bin"
_CITES = str(_RANK["cites"])  # an edge row of this rank is the target's (a document's); others the source's


class _StaleTables(Exception):
    """The state does not describe the previous tables: they are made whole."""


def _unit_name(unit) -> str | None:
    """A unit's name in the state: its rows file's, when that is named by its content."""
    name = getattr(unit, "name", None)
    if not isinstance(name, str):
        path = getattr(unit, "path", None)
        if path is None:
            return None
        name = path.name
    if not name.endswith(f".{ROWS_FORMAT}.tsv") or name.split(".")[0].isdigit():
        return None
    return name


def _meta(same_as: dict[str, str]) -> dict:
    aliases = hashlib.sha256(_dump(sorted(same_as.items())).encode("utf-8")).hexdigest()
    return {
        "format": TABLES_FORMAT,
        "rows": ROWS_FORMAT,
        "software": software_fingerprint(),
        "aliases": aliases,
    }


def _read_meta(state: Path) -> dict | None:
    try:
        return json.loads((state / _META).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _units_known(state: Path) -> Iterator[tuple[str, int, str]]:
    """Each unit of the state: its file's name and size when whole, and the rows it begins with (JSON);
    none where the state is not of this format."""
    found = _read_meta(state)
    if found is None or found.get("format") != TABLES_FORMAT or found.get("rows") != ROWS_FORMAT:
        return
    try:
        with (state / _UNITS).open(encoding="utf-8") as handle:
            for line in handle:
                name, size, head = line.rstrip("\n").split("\t", 2)
                yield name, int(size), head
    except (OSError, ValueError):
        return


def kept_sizes(state: str | Path) -> dict[str, int]:
    """The size of each rows file the tables' state was made from, when whole (:meth:`RowsFile.complete`):
    a file of that size need not be read to know it is whole."""
    return {name: size for name, size, _ in _units_known(Path(state))}


def _heads(units: list, names: list[str], state: Path, lines: dict[str, str] | None = None) -> list[list]:
    """The rows each unit begins with: from the state for the units it knows (their files are named
    by their content), else read. ``lines``, if given, gets the state's line of each unit it
    knows (its size and head as :meth:`_TablesState.finish` wrote them), to be written again."""
    try:
        known = {}
        for name, size, head in _units_known(state):
            known[name] = json.loads(head)
            if lines is not None:
                lines[name] = f"{name}\t{size}\t{head}\n"
    except ValueError:
        known = {}
        if lines is not None:
            lines.clear()
    return [
        known[name] if name in known else list(_head(unit)) for name, unit in zip(names, units, strict=True)
    ]


def _describes(found: dict | None, meta: dict, state: Path, aliases: bool = True) -> bool:
    """Whether the state's ``found`` meta is ``meta`` and its files are whole (their sizes); without
    ``aliases``, whatever aliases it was made with (an update re-keys the rows they move)."""
    keys = [key for key in meta if aliases or key != "aliases"]
    if found is None or any(found.get(key) != meta[key] for key in keys):
        return False
    try:
        return found.get("sizes") == {name: (state / name).stat().st_size for name in _FILES}
    except OSError:
        return False


class _TablesState:
    """The state of the tables being made (see :data:`TABLES_FORMAT`): its files written in a folder
    beside ``state`` and put in its place by :meth:`finish`; ``previous`` is the state there,
    when it describes tables made by this govkg, of any aliases (else None)."""

    def __init__(
        self,
        state: Path,
        names: list[str],
        heads: list[list],
        same_as: dict[str, str],
        known: dict[str, str] | None = None,
    ) -> None:
        self.state, self.names, self.heads = state, names, heads
        self.meta, self.made = _meta(same_as), ""
        self.previous = state if _describes(_read_meta(state), self.meta, state, aliases=False) else None
        # a unit's line of a state made by this govkg (:func:`_heads`), the same now
        self.known = (known or {}) if self.previous is not None else {}
        for left in state.parent.glob(f".{state.name}.*"):  # by a build that was killed (the cache's own)
            shutil.rmtree(left, ignore_errors=True)
        self.folder = state.with_name(f".{state.name}.{secrets.token_hex(4)}.tmp")
        self.files: list = []
        self.start()

    def previous_aliases(self) -> dict[str, str]:
        """The aliases the previous tables were made with (from the rows their units begin with)."""
        try:
            return _aliases_of([json.loads(head) for _, _, head in _units_known(self.previous)])[0]
        except (TypeError, ValueError) as exc:
            raise _StaleTables from exc

    def start(self) -> None:
        """(Again) empty files to write."""
        for handle in self.files:
            handle.close()
        self.folder.mkdir(parents=True, exist_ok=True)
        self.files = [
            (self.folder / name).open("w", encoding="utf-8", newline="\n") for name in (_KEYED, _EDGE_ROWS)
        ]
        self.keyed, self.edge_rows = self.files
        self.index: _EdgeIndex | _IndexWriter = _IndexWriter()  # an update's: made by its merge

    def counted(self, tagged: Iterable[str]) -> Iterator[str]:
        """Each line of sorted lines tagged with their unit (``LINE<tab>UNIT``) once, without its tag;
        each line's count of units to the state."""
        keyed = self.keyed
        last, count = None, 0
        for item in tagged:
            line = item[: item.rindex("\t")] + "\n"
            if line == last:
                count += 1
                continue
            if last is not None:
                keyed.write(f"{count}\t{last}")
            yield line
            last, count = line, 1
        if last is not None:
            keyed.write(f"{count}\t{last}")

    def finish(self) -> None:
        with (self.folder / _UNITS).open("w", encoding="utf-8", newline="\n") as handle:
            # a unit the state knew has the same line: its file is named by its content, made again
            # where it was not whole (graph/sharded.py's network_units: its size in the state), and
            # its head is the state's; only the units new to it are looked at (at 30,000 releases,
            # a file's size and its head's JSON for each unit were 0.25 s of an update's CPU)
            rows, known = self.state.parent / UNIT_ROWS, self.known
            lines = (
                known.get(name) or f"{name}\t{os.stat(rows / name).st_size}\t{_dump(head)}\n"
                for name, head in zip(self.names, self.heads, strict=True)
            )
            units = hashlib.sha256()
            for line in lines:
                units.update(line.encode("utf-8"))
                handle.write(line)
        for handle in self.files:
            handle.close()
        index = self.index.made() if isinstance(self.index, _IndexWriter) else self.index
        index.write(self.folder / _EDGE_INDEX, (self.folder / _EDGE_ROWS).stat().st_size)
        sizes = {name: (self.folder / name).stat().st_size for name in _FILES}
        # these tables, named by what they are made of (their units, named by their content, with
        # the aliases and the govkg of the meta): the same inputs give the same state, byte for byte
        units.update(json.dumps({**self.meta, "sizes": sizes}, sort_keys=True).encode("utf-8"))
        self.made = units.hexdigest()[:16]
        meta = {**self.meta, "sizes": sizes, "made": self.made}
        (self.folder / _META).write_text(json.dumps(meta) + "\n", encoding="utf-8")
        old = self.state.with_name(f".{self.state.name}.{secrets.token_hex(4)}.old")
        if self.state.exists():  # replaced, never written into: a previous build may share its files
            os.rename(self.state, old)
        os.rename(self.folder, self.state)
        shutil.rmtree(old, ignore_errors=True)

    def close(self) -> None:
        for handle in self.files:
            handle.close()
        shutil.rmtree(self.folder, ignore_errors=True)


class _Collected(list):
    """Edge rows gathered (what :func:`_reduce_node` adds to)."""

    add = list.append


def _update_tables(units: list, aliases: NodeIds, tables: Tables, keep: _TablesState) -> bool:
    """The tables of ``units`` made from the previous build's (``keep.previous``); False where it
    cannot be (a unit gone whose rows are gone too).

    A keyed row's count of units changes by the units gone and come; the
    nodes of the rows that changed (A) are reduced again, from all their
    rows (the state's, as the merge passes them); every other node's line
    is the state's. An edge row is its source's, or its target's for a
    citation: the rows of the nodes of A are replaced by those they give
    now, and the edges between a node of A and any other reduced again;
    every other edge is the state's, its ends numbered again (a node's
    number is its place among all). Neither pass reads the state's other
    lines: the tables' files are spliced where A's nodes and edges go
    (:func:`_splice_lines`, :func:`_splice_edges`), their runs between
    copied in the kernel, and what the tables hold in memory spliced so
    from the state's arrays (:class:`_KeptArrays`).

    Where the aliases changed (a variant spelling new, gone or given
    another canonical IRI), the rows of each IRI whose node id they moved
    change node (the state's counts go with them: :func:`_rekeyed_rows`),
    and the nodes whose rows name such an IRI, whose edges then end
    elsewhere, are of A too (:func:`_naming`).
    """
    old = keep.previous
    kept = _KeptArrays.read(old)
    rows_dir = keep.state.parent / UNIT_ROWS
    before, after = Counter(_read_names(old)), Counter(keep.names)
    files = dict(zip(keep.names, units, strict=True))
    gone, come = before - after, after - before
    if any(not RowsFile(rows_dir / name).complete() for name in gone):
        return False
    delta: Counter = Counter()
    naming: set[str] = set()
    moved_ids = _moved_ids(keep.previous_aliases(), aliases)
    if moved_ids:
        was = {before for before, _ in moved_ids.values()}
        _rekeyed_rows(old / _KEYED, moved_ids, was, delta)
        naming = _naming(old / _EDGE_ROWS, was)
    for name, times in gone.items():
        for line in set(_keyed(RowsFile(rows_dir / name), aliases)):
            delta[line] -= times
    for name, times in come.items():
        for line in set(_keyed(files[name], aliases)):
            delta[line] += times
    changes = sorted((line, count) for line, count in delta.items() if count)
    del delta
    affected = sorted({_node_of(line) for line, _ in changes} | naming)
    touched = set(affected)
    groups = _merge_keyed(old / _KEYED, changes, touched, keep.keyed)
    del changes
    collected = _Collected()
    results = {
        nid: _reduce_node(nid, groups.pop(nid), aliases, collected) for nid in affected if nid in groups
    }
    folder = keep.folder
    texts = [_node_texts(nid, *results.get(nid, (None, []))) for nid in affected]
    del results
    kinds = list(kept.kinds)
    codes = {kind: code for code, kind in enumerate(kinds)}
    node_changes = [
        (nid, node, (codes.setdefault(kind, len(codes)), NameCounts._digest(bare)) if node else ())
        for nid, (kind, bare, node, _) in zip(affected, texts, strict=True)
    ]
    kinds += list(codes)[len(kinds) :]
    node_ids, node_at, remap, places, (node_kinds, node_bare) = _splice_lines(
        kept.ids("node"),
        kept.arrays["node_at"],
        [kept.arrays["node_kinds"], kept.arrays["node_bare"]],
        node_changes,
        old / _TABLE_FILES[0],
        folder / _TABLE_FILES[0],
    )
    tenure_changes = [(nid, tenure, ()) for nid, (_, _, _, tenure) in zip(affected, texts, strict=True)]
    tenure_ids, tenure_at, *_ = _splice_lines(
        kept.ids("tenure"),
        kept.arrays["tenure_at"],
        [],
        tenure_changes,
        old / _TABLE_FILES[1],
        folder / _TABLE_FILES[1],
    )
    # the nodes of A that became one, are one no more or changed kind: their edges are reduced again
    old_codes = kept.arrays["node_kinds"]
    was = {
        nid: kept.kinds[old_codes[place]] for nid, place in zip(affected, places, strict=True) if place >= 0
    }
    moved = {nid for nid, (kind, *_) in zip(affected, texts, strict=True) if was.get(nid, "") != kind}
    del texts, node_changes, tenure_changes
    node_kinds, kinds = _first_used(node_kinds, kinds)
    tables.ids, tables.kinds = node_ids, [kinds[code] for code in node_kinds.tolist()]  # the edges' ends
    pairs, keep.index = _merge_edge_rows(
        old / _EDGE_ROWS, sorted(set(collected)), touched, moved, keep.edge_rows, _EdgeIndex.read(old)
    )
    del collected
    edge_arrays, types, runs = _splice_edges(
        kept, remap, tables, pairs, old / _TABLE_FILES[2], folder / _TABLE_FILES[2]
    )
    tables.follows, tables.edge_runs = str((_read_meta(old) or {}).get("made", "")), runs
    arrays = {
        "node_ids": node_ids.data,
        "node_ends": node_ids.ends,
        "node_at": node_at,
        "node_kinds": node_kinds,
        "node_bare": node_bare,
        "tenure_ids": tenure_ids.data,
        "tenure_ends": tenure_ids.ends,
        "tenure_at": tenure_at,
        **edge_arrays,
    }
    made = _KeptArrays(kinds, types, arrays)
    made.write(folder / _ARRAYS)
    made.fill(tables)
    for name, path in zip(_TABLE_FILES, (tables.nodes, tables.tenures, tables.edges), strict=True):
        _link(folder / name, path)
    return True


# The arrays of the tables' state (_KeptArrays), in the order arrays.bin holds them.
_ARRAY_TYPES = {
    "node_ids": "u1",
    "node_ends": "<i8",
    "node_at": "<i8",
    "node_kinds": "u1",
    "node_bare": "<i8",
    "tenure_ids": "u1",
    "tenure_ends": "<i8",
    "tenure_at": "<i8",
    "edge_sources": "<i4",
    "edge_targets": "<i4",
    "edge_codes": "<i4",
    "edge_participations": "u1",
    "edge_at": "<i8",
}


class _KeptArrays:
    """What the tables hold in memory, kept in their state (``arrays.bin``) with where each line of
    their files starts, so that an update splices the files and the arrays where the lines of
    nodes and edges reduced again go, and a command reads the tables as they are, parsing none.

    ``arrays``: the nodes' ids (``node_ids``, their UTF-8 bytes, and where each ends,
    ``node_ends``), where each node's line starts in nodes.jsonl (``node_at``, and the file's
    end), its kind (``node_kinds``, a number in ``kinds``) and its bare name's digest
    (``node_bare``: :class:`NameCounts`); the same ids and starts for tenures.jsonl
    (``tenure_*``); each edge's ends (``edge_sources``, ``edge_targets``: numbers of nodes),
    attributes' types (``edge_codes``, a number in ``types``), whether it is a participation
    and where its line starts in edges.jsonl. ``kinds`` and ``types`` are in the order of their
    first use, so that the same tables give the same bytes however they were made.
    """

    def __init__(self, kinds: list[str], types: list[str], arrays: dict) -> None:
        import numpy as np

        self.kinds, self.types = kinds, types
        self.arrays = {
            name: np.frombuffer(arrays[name], dtype=dtype)
            if not isinstance(arrays[name], np.ndarray)
            else arrays[name].astype(dtype, copy=False)
            for name, dtype in _ARRAY_TYPES.items()
        }

    @classmethod
    def of_tables(
        cls, tables: Tables, tenured: IdList, bare: bytes, edges: _Edges, folder: Path
    ) -> _KeptArrays:
        """The arrays of tables just made (their files, named as the state names them, in ``folder``)."""
        import numpy as np

        kinds = list(dict.fromkeys(tables.kinds))
        codes = {kind: code for code, kind in enumerate(kinds)}
        arrays = {
            "node_ids": bytes(tables.ids.data),
            "node_ends": tables.ids.ends,
            "node_at": _line_starts(folder / _TABLE_FILES[0]),
            "node_kinds": np.fromiter(
                (codes[kind] for kind in tables.kinds), dtype=np.uint8, count=len(tables.kinds)
            ),
            "node_bare": bare,
            "tenure_ids": bytes(tenured.data),
            "tenure_ends": tenured.ends,
            "tenure_at": _line_starts(folder / _TABLE_FILES[1]),
            "edge_sources": tables.sources,
            "edge_targets": tables.targets,
            "edge_codes": edges.codes,
            "edge_participations": edges.participations,
            "edge_at": _line_starts(folder / _TABLE_FILES[2]),
        }
        return cls(kinds, list(edges.types), arrays)

    def ids(self, name: str) -> IdList:
        return IdList.of(self.arrays[f"{name}_ids"], self.arrays[f"{name}_ends"])

    def write(self, path: Path) -> None:
        arrays = self.arrays
        head = {
            "kinds": self.kinds,
            "types": self.types,
            "sizes": {name: len(arrays[name]) for name in arrays},
        }
        with path.open("wb") as out:
            out.write(f"{_dump(head)}\n".encode())
            for name in _ARRAY_TYPES:
                out.write(arrays[name].tobytes())

    @classmethod
    def read(cls, state: Path) -> _KeptArrays:
        import numpy as np

        try:
            data = (state / _ARRAYS).read_bytes()
            cut = data.index(b"\n")
            head = json.loads(data[:cut])
            arrays, at = {}, cut + 1
            for name, dtype in _ARRAY_TYPES.items():
                arrays[name] = np.frombuffer(data, dtype=dtype, count=head["sizes"][name], offset=at)
                at += arrays[name].nbytes
            if at != len(data):
                raise ValueError("arrays.bin is longer than its head says")
            return cls(head["kinds"], head["types"], arrays)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise _StaleTables from exc

    def starts(self) -> dict:
        """Where each line of the tables' files starts (:attr:`Tables.starts`), and the tenures' ids."""
        arrays = self.arrays
        return {
            "nodes": arrays["node_at"],
            "edges": arrays["edge_at"],
            "tenures": arrays["tenure_at"],
            "tenure_ids": self.ids("tenure"),
        }

    def fill(self, tables: Tables) -> None:
        """Set the tables' ids, kinds, bare names, edges' ends, attributes' types and where their
        lines start to these."""
        arrays, kinds = self.arrays, self.kinds
        tables.starts = self.starts()
        tables.ids = self.ids("node")
        tables.kinds = [kinds[code] for code in arrays["node_kinds"].tolist()]
        tables.bare_names = NameCounts()
        tables.bare_names.digests = array("q", arrays["node_bare"].tobytes())
        tables.bare_names.count()
        sources, targets = arrays["edge_sources"], arrays["edge_targets"]
        mask = arrays["edge_participations"].astype(bool)
        tables.sources, tables.targets = array("i", sources.tobytes()), array("i", targets.tobytes())
        tables.attendees, tables.attended = (
            array("i", sources[mask].tobytes()),
            array("i", targets[mask].tobytes()),
        )
        tables.edge_types = {}
        for types in self.types:
            _add_types(tables.edge_types, types)


def _line_starts(path: Path):
    """Where each line of a file of lines starts, and its size (a numpy array)."""
    import numpy as np

    found, at = [np.zeros(1, dtype=np.int64)], 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 24):
            found.append(np.flatnonzero(np.frombuffer(chunk, dtype=np.uint8) == 10) + (at + 1))
            at += len(chunk)
    return np.concatenate(found)


def _link(source: Path, target: Path) -> None:
    """``target`` the file ``source`` (a hard link; a copy where there can be none). Neither is
    written after: a state's files are replaced, never written into."""
    target.unlink(missing_ok=True)
    link_or_copy(source, target)


def _first_used(codes, names: list[str]):
    """``codes`` (numbers in ``names``) numbered again in the order of their first use, and the names
    used in that order: what tables made whole number them by."""
    import numpy as np

    used, first = np.unique(codes, return_index=True)
    used = used[np.argsort(first, kind="stable")]
    renumber = np.zeros(max(len(names), 1), dtype=np.int64)
    renumber[used] = np.arange(len(used))
    return renumber[codes].astype(codes.dtype), [names[code] for code in used.tolist()]


def _splice_lines(ids: IdList, starts, columns: list, changes: list[tuple], old: Path, new: Path):
    """A file of lines in the order of their ids (the tables' nodes or tenures) written anew into
    ``new`` from its previous version ``old`` (``ids`` and ``starts``: its lines' ids and where
    each starts, and its end), where ``changes`` (in the order of their ids) say what each id's
    line is now: ``(id, text, values)``, no line where ``text`` is empty, ``values`` its entry in
    each of ``columns`` (arrays aligned with the lines). The runs of lines between them are
    copied in the kernel (graph/splice.py), the arrays' runs by numpy.

    Returns the ids now, the starts now, each old line's number now (-1: gone), each change's old
    number (-1: new) and the columns now.
    """
    import numpy as np

    ends = np.frombuffer(ids.ends, dtype=np.int64)
    total = len(ends)
    id_parts: list = []
    end_parts: list = []
    start_parts: list = []
    column_parts: list[list] = [[] for _ in columns]
    remap = np.full(total, -1, dtype=np.int64)
    places: list[int] = []
    count = size = length = cursor = 0  # lines, bytes of the file and of the ids written; old line next

    def keep(stop: int) -> None:
        nonlocal count, size, length, cursor
        if stop <= cursor:
            return
        low, high = int(ends[cursor - 1]) if cursor else 0, int(ends[stop - 1])
        id_parts.append(ids.data[low:high])
        end_parts.append(ends[cursor:stop] - low + length)
        start_parts.append(starts[cursor:stop] - starts[cursor] + size)
        for part, column in zip(column_parts, columns, strict=True):
            part.append(column[cursor:stop])
        remap[cursor:stop] = np.arange(count, count + stop - cursor)
        run = int(starts[stop] - starts[cursor])
        spliced.copy(run)
        count, size, length, cursor = count + stop - cursor, size + run, length + high - low, stop

    with old.open("rb") as before, new.open("wb") as out, _stale_as_tables():
        spliced = Splice(out, before.fileno())
        for nid, text, values in changes:
            place = bisect.bisect_left(ids, nid, lo=cursor)
            keep(place)
            present = place < total and ids[place] == nid
            if present:
                spliced.skip(int(starts[place + 1] - starts[place]))
                cursor = place + 1
            places.append(place if present else -1)
            if text:
                data, encoded = f"{text}\n".encode(), nid.encode()
                spliced.write(data)
                id_parts.append(encoded)
                length += len(encoded)
                end_parts.append(np.array([length], dtype=np.int64))
                start_parts.append(np.array([size], dtype=np.int64))
                size += len(data)
                for part, column, value in zip(column_parts, columns, values, strict=True):
                    part.append(np.array([value], dtype=column.dtype))
                if present:
                    remap[place] = count
                count += 1
        keep(total)
        spliced.rest(0)  # the previous file is as long as its starts say
    start_parts.append(np.array([size], dtype=np.int64))
    now = IdList.of(b"".join(id_parts), _joined(end_parts, np.int64))
    made = [_joined(part, column.dtype) for part, column in zip(column_parts, columns, strict=True)]
    return now, _joined(start_parts, np.int64), remap, places, made


@contextlib.contextmanager
def _stale_as_tables() -> Iterator[None]:
    """A previous file shorter or longer than the state says (graph/splice.py's Stale): the tables
    are made whole."""
    try:
        yield
    except Stale as exc:
        raise _StaleTables from exc


def _joined(parts: list, dtype):
    import numpy as np

    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)


def _splice_edges(
    kept: _KeptArrays, remap, tables: Tables, pairs: dict[str, list[str]], old: Path, new: Path
):
    """The edges' file written anew into ``new`` from the previous one (``old``, described by
    ``kept``): the edge of each pair of ``pairs`` reduced again from its rows where it goes (by
    the numbers of its ends, in the order of their ids), the runs of edges between copied, their
    ends numbered again (``remap``: each previous node's number now). ``tables`` holds the nodes'
    ids and kinds now. Returns the edges' arrays (see :class:`_KeptArrays`), the types' names and
    the runs of edges copied: (first's number before, now, how many) each."""
    import numpy as np

    arrays = kept.arrays
    previous = kept.ids("node")
    n = len(previous)
    sources, targets = arrays["edge_sources"].astype(np.int64), arrays["edge_targets"].astype(np.int64)
    keys = sources * (n + 1) + targets  # ascending: the edges come in the order of their ends' ids
    codes, participations, starts = arrays["edge_codes"], arrays["edge_participations"], arrays["edge_at"]
    types = {name: code for code, name in enumerate(kept.types)}
    placed: dict[str, tuple[int, bool]] = {}

    def place(nid: str) -> tuple[int, bool]:
        found = placed.get(nid)
        if found is None:
            at = bisect.bisect_left(previous, nid)
            found = placed[nid] = (at, at < n and previous[at] == nid)
        return found

    def number(nid: str, source: bool = False) -> int | None:
        """A node's number now: a previous node's by ``remap``, a new one's asked of the ids."""
        at, present = place(nid)
        if present:
            return int(remap[at]) if remap[at] >= 0 else None
        return tables.ids.number(nid)

    parts: dict[str, list] = {name: [] for name in ("sources", "targets", "codes", "participations", "at")}
    runs: list[tuple[int, int, int]] = []
    count = size = cursor = 0

    def keep(stop: int) -> None:
        nonlocal count, size, cursor
        if stop <= cursor:
            return
        a, b = remap[sources[cursor:stop]], remap[targets[cursor:stop]]
        if (a < 0).any() or (b < 0).any():  # a state that does not describe these tables
            raise _StaleTables
        parts["sources"].append(a)
        parts["targets"].append(b)
        parts["codes"].append(codes[cursor:stop])
        parts["participations"].append(participations[cursor:stop])
        parts["at"].append(starts[cursor:stop] - starts[cursor] + size)
        run = int(starts[stop] - starts[cursor])
        spliced.copy(run)
        runs.append((cursor, count, stop - cursor))
        count, size, cursor = count + stop - cursor, size + run, stop

    with old.open("rb") as before, new.open("wb") as out, _stale_as_tables():
        spliced = Splice(out, before.fileno())
        for pair in sorted(pairs):
            source, target = pair.split("\t")
            (s, s_old), (t, t_old) = place(source), place(target)
            key = s * (n + 1) + (t if s_old else 0)
            at = int(keys.searchsorted(key))
            keep(at)
            if s_old and t_old and at < len(keys) and keys[at] == key:
                spliced.skip(int(starts[at + 1] - starts[at]))
                cursor = at + 1
            found = _edge_of(pair, pairs[pair], number, tables.kinds)
            if found is None:
                continue
            _, _, relation, attr_types, line, a, b = found
            data = f"{line}\n".encode()
            spliced.write(data)
            parts["sources"].append(np.array([a], dtype=np.int64))
            parts["targets"].append(np.array([b], dtype=np.int64))
            parts["codes"].append(np.array([types.setdefault(attr_types, len(types))], dtype=np.int32))
            parts["participations"].append(np.array([relation == "participation"], dtype=np.uint8))
            parts["at"].append(np.array([size], dtype=np.int64))
            count, size = count + 1, size + len(data)
        keep(len(keys))
        spliced.rest(0)
    parts["at"].append(np.array([size], dtype=np.int64))
    edge_codes, names = _first_used(_joined(parts["codes"], np.int32), list(types))
    made = {
        "edge_sources": _joined(parts["sources"], np.int32),
        "edge_targets": _joined(parts["targets"], np.int32),
        "edge_codes": edge_codes,
        "edge_participations": _joined(parts["participations"], np.uint8),
        "edge_at": _joined(parts["at"], np.int64),
    }
    return made, names, runs


def _moved_ids(same_as: dict[str, str], aliases: NodeIds) -> dict[str, tuple[str, str]]:
    """Each IRI whose node id differs between the previous aliases ``same_as`` and ``aliases``:
    IRI -> (id before, id now). Only a variant's id can move (another IRI's is its own)."""
    if same_as == aliases.same_as:
        return {}
    before = NodeIds(same_as)
    found = {}
    for iri in sorted(same_as.keys() | aliases.same_as.keys()):
        was, now = before.key(iri), aliases.key(iri)
        if was != now:
            found[iri] = (was, now)
    return found


def _rekeyed_rows(path: Path, moved_ids: dict[str, tuple[str, str]], was: set[str], delta: Counter) -> None:
    """The state's keyed rows (``COUNT<tab>NODE<tab>IRI...``) of the IRIs ``moved_ids`` (under a node
    of ``was``, their ids before) moved to their ids now, their counts with them, into ``delta``."""
    with path.open(encoding="utf-8", newline="\n") as handle:
        for raw in handle:
            cut = raw.index("\t")
            end = raw.index("\t", cut + 1)
            if raw[cut + 1 : end] not in was:
                continue
            iri = raw[end + 1 : raw.index("\t", end + 1)]
            ids = moved_ids.get(iri)
            if ids is None:
                continue
            count = int(raw[:cut])
            delta[raw[cut + 1 :]] -= count
            delta[f"{ids[1]}{raw[end:]}"] += count


def _naming(path: Path, was: set[str]) -> set[str]:
    """The nodes whose edge rows (the state's) end at a node of ``was``: what names an IRI whose id
    moved, reduced again so that its edges end at the id now."""
    found = set()
    with path.open(encoding="utf-8", newline="\n") as handle:
        for row in handle:
            source, target, emitter = _emitter(row)
            if (target if emitter == source else source) in was:
                found.add(emitter)
    return found


def _read_names(state: Path) -> list[str]:
    with (state / _UNITS).open(encoding="utf-8") as handle:
        return [line.split("\t", 1)[0] for line in handle]


def _merge_keyed(path: Path, changes: list[tuple[str, int]], touched: set[str], out) -> dict[str, list[str]]:
    """The state's keyed rows (``COUNT<tab>LINE``, in the order of their lines) with ``changes``
    (line, change of its count) applied, to ``out``; returns the lines of the nodes ``touched``,
    node by node.

    Every line changed is a touched node's, and a node's lines are together in
    the file (they begin with its id): each touched node's lines are found by
    bisecting the file (:func:`_block_of`) and written again, and the text
    between them is copied in the kernel (graph/splice.py), never read.
    """
    groups: dict[str, list[str]] = {}
    by_node: dict[str, list[tuple[str, int]]] = {}
    for line, count in changes:
        by_node.setdefault(_node_of(line), []).append((line, count))
    out.flush()
    with path.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        written = Splice(out.buffer, handle.fileno())
        at = 0  # where the previous file's text is copied from
        try:
            for nid in sorted(touched):
                start, end, lines = _block_of(handle, nid, at, size)
                written.copy(start - at)
                written.skip(end - start)
                at = end
                kept = _merged_counts(lines, by_node.get(nid, []))
                if kept:
                    written.write("".join(f"{count}\t{line}" for line, count in kept).encode("utf-8"))
                    groups[nid] = [line for line, _ in kept]
            written.copy(size - at)
            written.rest()
        except Stale as exc:
            raise _StaleTables from exc
    return groups


def _merged_counts(lines: list[tuple[str, int]], changes: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """A node's keyed lines (line, count), both sorted, with the changes of their counts applied;
    the lines of no unit left out."""
    counts = dict(lines)
    for line, change in changes:
        counts[line] = counts.get(line, 0) + change
    if any(count < 0 for count in counts.values()):
        raise _StaleTables
    return sorted((line, count) for line, count in counts.items() if count)


def _block_of(handle, nid: str, low: int, size: int) -> tuple[int, int, list[tuple[str, int]]]:
    """Where the keyed lines of the node ``nid`` are in the state's file (bytes from ``low`` on,
    ``size`` in all): their first byte, the byte after them, and the lines with their counts."""
    prefix = f"{nid}\t".encode()
    # the first line at or after ``low`` whose line (after its count) is not before the prefix
    start = sorted_line_start(handle, lambda raw: raw[raw.index(b"\t") + 1 :] < prefix, low, size)
    lines, end = [], start
    while end < size:
        raw = handle.readline()
        cut = raw.index(b"\t")
        if not raw[cut + 1 :].startswith(prefix):
            break
        lines.append((raw[cut + 1 :].decode("utf-8"), int(raw[:cut])))
        end += len(raw)
    return start, end, lines


def _cited(row: str) -> bool:
    """Whether an edge row is a citation's: its target's (:func:`_emitter`)."""
    return row.split("\t", 3)[2] == _CITES


def _emitter(row: str) -> tuple[str, str, str]:
    """An edge row's source, target and the node whose reduce gave it."""
    source, target, rank, _ = row.split("\t", 3)
    return source, target, target if rank == _CITES else source


def _merge_edge_rows(
    path: Path, fresh: list[str], touched: set[str], moved: set[str], out, index: _EdgeIndex | None = None
) -> tuple[dict[str, list[str]], _EdgeIndex]:
    """The state's edge rows less those of the nodes ``touched``, with ``fresh`` (theirs now), to
    ``out``; returns the rows of each pair of nodes whose edge may have changed: its rows changed
    (but for their numbers in their node's sequence, which keep their order), or an end ``moved``;
    and the index of the rows written (:class:`_EdgeIndex`).

    Only the pairs whose rows may change are read: those of a touched source, a touched target
    with a citation's row (its target's), a target moved, and those given ``fresh`` rows.
    ``index`` (the state's; made again from the file where there is none) finds the first three
    by their ends' digests, and a pair of fresh rows by bisecting its pairs; every other pair
    keeps its rows, which are copied in the kernel (graph/splice.py), never read.
    """
    import numpy as np

    if index is None:
        index = _EdgeIndex.of_file(path)
    starts = index.at

    def digests(nids: set[str]):
        return np.array(sorted({NameCounts._digest(nid) for nid in nids}), dtype=np.int64)

    targets = np.isin(index.targets, digests(touched))
    hits = np.flatnonzero(
        np.isin(index.sources, digests(touched))
        | (targets & (index.cites.astype(bool) | np.isin(index.targets, digests(moved))))
    )
    added: dict[str, list[str]] = {pair: list(rows) for pair, rows in groupby(fresh, key=_pair_of)}
    pairs: dict[str, list[str]] = {}
    made = _IndexWriter()
    out.flush()
    with path.open("rb") as handle:
        fd = handle.fileno()
        if os.fstat(fd).st_size != int(starts[-1]):
            raise _StaleTables
        old: dict[str, tuple[int, list[str]]] = {}  # the pairs read: number, rows
        runs = np.split(hits, np.flatnonzero(np.diff(hits) != 1) + 1) if len(hits) else []
        for run in runs:  # pairs one after the other (a node's as source) read at once
            number = int(run[0])
            for pair, rows in groupby(_pair_rows(fd, starts, number, int(run[-1]) + 1), key=_pair_of):
                old[pair] = (number, list(rows))
                number += 1
        written = Splice(out.buffer, fd)
        done = 0  # the state's pairs before this one are written
        for pair in sorted(old.keys() | added.keys()):
            source, target = pair.split("\t")
            if source not in touched and target not in touched:
                continue  # another pair of the same digests: its rows kept
            number, before = old.get(pair, (-1, []))
            if number < 0:  # a pair of fresh rows: where its rows are, or go
                number, before = _pair_place(fd, starts, pair, done)
            made.copied(index, done, number)
            written.copy(int(starts[number] - starts[done]))
            done = number
            if before:
                written.skip(int(starts[number + 1] - starts[number]))
                done = number + 1
            kept = [row for row in before if _emitter(row)[2] not in touched]
            after = sorted(kept + added.get(pair, [])) if kept else added.get(pair, [])
            data = "".join(after).encode("utf-8")
            written.write(data)
            if data:
                made.add(pair, len(data), any(map(_cited, after)))
            if (
                source in moved
                or target in moved
                or (before != after and _unnumbered(before) != _unnumbered(after))
            ):
                pairs[pair] = after
        made.copied(index, done, len(starts) - 1)
        written.copy(int(starts[-1] - starts[done]))
        try:
            if written.rest():
                raise _StaleTables  # longer than its index says
        except Stale as exc:
            raise _StaleTables from exc
    return pairs, made.made()


def _pair_rows(fd: int, starts, number: int, stop: int | None = None) -> list[str]:
    """The edge rows of the ``number``-th pair of the state's file (open as ``fd``), or of the pairs
    from it to ``stop`` (not included)."""
    start, end = int(starts[number]), int(starts[number + 1 if stop is None else stop])
    data = os.pread(fd, end - start, start)
    if len(data) != end - start or not data.endswith(b"\n"):
        raise _StaleTables
    return data.decode("utf-8").splitlines(keepends=True)


def _first_row(fd: int, starts, number: int) -> str:
    """The first row of the ``number``-th pair of the state's file (a bisection's probe: a pair of
    many rows is not read whole)."""
    start, end = int(starts[number]), int(starts[number + 1])
    data = os.pread(fd, min(end - start, 4096), start)
    cut = data.find(b"\n")
    if cut < 0:  # a row longer than that
        return _pair_rows(fd, starts, number)[0]
    return data[: cut + 1].decode("utf-8")


def _pair_place(fd: int, starts, pair: str, low: int) -> tuple[int, list[str]]:
    """The number of the state's pair ``pair`` from ``low`` on and its rows, or where its rows go
    (the first pair after it) and none."""
    lo, hi = low, len(starts) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        found = _pair_of(_first_row(fd, starts, mid))
        if found < pair:
            lo = mid + 1
        else:
            hi = mid
    if lo < len(starts) - 1:
        rows = _pair_rows(fd, starts, lo)
        if _pair_of(rows[0]) == pair:
            return lo, rows
    return lo, []


class _EdgeIndex:
    """Where the rows of each pair of nodes start in the tables' edge rows (``at``, numbers of bytes,
    the file's size last), the digests of each pair's source and target (``sources``, ``targets``:
    :meth:`NameCounts._digest`) and whether a row of it is its target's (``cites``: a citation's),
    so that an update reads only the pairs whose rows may change (:func:`_merge_edge_rows`). Kept
    beside them (:data:`_EDGE_INDEX`) with the size of the file it describes."""

    _TYPES = ("<i8", "<i8", "<i8", "u1")  # at (one more), sources, targets, cites

    def __init__(self, at, sources, targets, cites) -> None:
        self.at, self.sources, self.targets, self.cites = at, sources, targets, cites

    @classmethod
    def read(cls, state: Path) -> _EdgeIndex | None:
        """The state's index, or None where it has none or it describes another file."""
        import numpy as np

        try:
            data = (state / _EDGE_INDEX).read_bytes()
            cut = data.index(b"\n")
            head = json.loads(data[:cut])
            count, size = int(head["pairs"]), int(head["rows"])
            if len(data) != cut + 1 + 25 * count + 8 or (state / _EDGE_ROWS).stat().st_size != size:
                return None
            arrays, at = [], cut + 1
            for dtype, length in zip(cls._TYPES, (count + 1, count, count, count), strict=True):
                arrays.append(np.frombuffer(data, dtype=dtype, count=length, offset=at))
                at += arrays[-1].nbytes
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return cls(*arrays) if int(arrays[0][-1]) == size else None

    @classmethod
    def of_file(cls, path: Path) -> _EdgeIndex:
        """The index of a file of edge rows, read whole (a state made without one)."""
        made = _IndexWriter()
        cites = f"\t{_CITES}\t".encode()
        with path.open("rb") as handle:
            for pair, group in groupby(handle, key=lambda raw: raw[: raw.index(b"\t", raw.index(b"\t") + 1)]):
                group = list(group)
                size = sum(len(raw) for raw in group)
                made.add(pair.decode("utf-8"), size, any(raw[len(pair) :].startswith(cites) for raw in group))
        return made.made()

    def write(self, path: Path, size: int) -> None:
        import numpy as np

        with path.open("wb") as out:
            out.write(f"{_dump({'pairs': len(self.sources), 'rows': size})}\n".encode())
            for dtype, values in zip(
                self._TYPES, (self.at, self.sources, self.targets, self.cites), strict=True
            ):
                out.write(np.asarray(values, dtype=dtype).tobytes())


class _IndexWriter:
    """An :class:`_EdgeIndex` made a pair at a time, in the order of the file (:meth:`add`), or from
    runs of another's pairs copied with their rows (:meth:`copied`)."""

    def __init__(self) -> None:
        self.parts: list[tuple] = []  # (at, sources, targets, cites) arrays, in order
        self.pending: list[tuple[int, int, int, bool]] = []
        self.size = 0
        self.source: tuple[str, int] = ("", 0)  # the last source's digest: pairs come by source

    def add(self, pair: str, size: int, cites: bool) -> None:
        """A pair whose rows (``size`` bytes) come next; ``cites``, whether one is its target's."""
        source, target = pair.split("\t")
        if self.source[0] != source:
            self.source = (source, NameCounts._digest(source))
        self.pending.append((self.size, self.source[1], NameCounts._digest(target), cites))
        self.size += size

    def copied(self, index: _EdgeIndex, first: int, stop: int) -> None:
        """The pairs ``first`` to ``stop`` (not included) of ``index``, their rows copied here."""
        if stop <= first:
            return
        self._flush()
        at = index.at
        shifted = at[first:stop] - at[first] + self.size
        self.parts.append(
            (shifted, index.sources[first:stop], index.targets[first:stop], index.cites[first:stop])
        )
        self.size += int(at[stop] - at[first])

    def _flush(self) -> None:
        import numpy as np

        if self.pending:
            columns = list(zip(*self.pending, strict=True))
            self.parts.append(
                tuple(
                    np.array(column, dtype=dtype)
                    for column, dtype in zip(columns, _EdgeIndex._TYPES, strict=True)
                )
            )
            self.pending = []

    def made(self) -> _EdgeIndex:
        import numpy as np

        self._flush()
        columns = [
            np.concatenate([part[number] for part in self.parts] or [np.zeros(0)]).astype(dtype)
            for number, dtype in enumerate(_EdgeIndex._TYPES)
        ]
        columns[0] = np.append(columns[0], self.size).astype(np.int64)
        return _EdgeIndex(*columns)


def _unnumbered(rows: list[str]) -> list[list[str]]:
    """Edge rows without their number in their node's sequence (what orders rows of one rank)."""
    return [cells[:3] + cells[4:] for cells in (row.split("\t", 4) for row in rows)]


class RowsFile:
    """A unit's rows kept in a file (a line a row), iterable any number of times.

    The file ends in a line of its own (:data:`_END`): a cache's file cut
    short (a crash before the system wrote it out: it is renamed into place
    without a sync, as a cache may be) is not complete, and is made again.
    """

    def __init__(self, path: str | Path, name: str | None = None) -> None:
        """The file ``path``, or the file ``name`` in the folder ``path`` (its path made when asked)."""
        if name is None:
            self._path: Path | None = path if isinstance(path, Path) else Path(path)
            self.name = self._path.name
        else:
            self._path, self._folder, self.name = None, os.fspath(path), name

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(self._folder, self.name)
        return self._path

    def __iter__(self) -> Iterator[str]:
        with self.path.open(encoding="utf-8", newline="\n") as handle:
            for row in handle:
                if row != _END:
                    yield row

    def _where(self) -> str | Path:
        """The file's path, not made a ``Path`` (a build writes one such file a release)."""
        return self._path if self._path is not None else os.path.join(self._folder, self.name)

    def complete(self, size: int | None = None) -> bool:
        """Whether the file is whole: it ends in its last line, or, given the ``size`` it had when
        whole, it has that size (no data read)."""
        if size is not None:
            try:
                return os.stat(self._where()).st_size == size
            except OSError:
                return False
        try:
            with open(self._where(), "rb") as handle:
                handle.seek(max(0, handle.seek(0, 2) - len(_END)))
                return handle.read() == _END.encode("ascii")
        except OSError:
            return False

    def write(self, rows: Iterable[str]) -> None:
        where = os.fspath(self._where())
        temporary = scratch_path(where, "tmp")
        try:
            with open(temporary, "w", encoding="utf-8", newline="\n") as handle:
                handle.writelines(rows)
                handle.write(_END)
            os.replace(temporary, where)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise


_END = "\x7fend\n"  # sorts after every row


def graph_tables(graph, folder: str | Path) -> Tables:
    """:func:`network_tables` of a whole graph, one unit (what the in-memory writers draw)."""
    return network_tables([graph_rows(graph)], folder)


# --- what the build writes from the tables ------------------------------------


def analysed_nodes(tables: Tables, figures: OfficialFigures) -> Iterator[tuple[str, dict]]:
    """Each node and its attributes, an official's figures added (as analysed_network does)."""
    kinds = tables.kinds
    for number, (nid, attrs) in enumerate(tables.node_lines()):
        if kinds[number] == "official":
            with_figures(attrs, figures, number)
        yield nid, attrs


def with_figures(attrs: dict, figures: OfficialFigures, number: int) -> dict:
    """An official's attributes with its ranking figures added (``number``: its node's)."""
    events, contacts, betweenness, community = figures.of(number)
    attrs.update(events=events, contacts=contacts, betweenness=betweenness, community=community)
    return attrs


def rankings(tables: Tables, work: int = BETWEENNESS_WORK, keep_ties: bool = False) -> OfficialFigures:
    """The officials' figures (:func:`~govkg.graph.network.rank_numbered`), keyed by node number;
    with ``keep_ties``, the ties too (numbers into ``people``, as the communities)."""
    import numpy as np

    attendees = np.frombuffer(tables.attendees, dtype=np.int32) if tables.attendees else []
    attended = np.frombuffer(tables.attended, dtype=np.int32) if tables.attended else []
    return rank_numbered(attendees, attended, work, keep_ties=keep_ties)


def _counted(counts: NameCounts) -> Callable[[str], int]:
    """``counts[name]`` of a name counted (once at least: a node's own bare name), from a dict of
    the digests counted more than once, not a search of the sorted digests: the exports ask it of
    every node, twice in an update, and numpy's search for one value cost more than the rest of
    the lookup (at 10,000 gen_corpus releases + 100, 52,000 nodes)."""
    if counts.keys is None:
        counts.count()
    many = counts.totals > 1
    shared = dict(zip(counts.keys[many].tolist(), counts.totals[many].tolist(), strict=True))
    digest = counts._digest
    return lambda name: shared.get(digest(name), 1)


class _Exported:
    """The nodes of one of the networks ``govkg stats`` exports (:data:`~govkg.graph.network.NETWORKS`)
    as GEXF and GraphML name them (:func:`~govkg.graph.network.export_nodes`), from the tables, and
    their attributes' types: a pass to count the qualified names (and, for a network of some of
    the nodes, one to count their names first), then a pass a file.

    The knowledge network is the tables'; the person-event network, its officials and events
    (``bipartite`` 0 and 1) and the participations between them; the co-attendance network, the
    officials and their ties (``weight``: the events shared). Those two are undirected: their
    edges come as networkx gives an undirected graph's, each pair of ids once, in sorted order.
    """

    def __init__(self, tables: Tables, figures: OfficialFigures, network: str = "knowledge") -> None:
        if network not in ("knowledge", "person-event", "co-attendance"):
            raise ValueError(f"no network {network!r}")
        self.tables, self.figures, self.network = tables, figures, network
        self.directed = network == "knowledge"
        if network == "knowledge":
            self.bare_names = tables.bare_names
        else:
            self.bare_names = NameCounts()
            for nid, attrs in self._members():
                self.bare_names.add(bare_name(nid, attrs))
            self.bare_names.count()
        self.counted = _counted(self.bare_names)
        counted = self.counted
        self.qualified: Counter = Counter()
        kinds: dict[str, set[type]] = {}
        for nid, attrs in self._members():
            bare = bare_name(nid, attrs)
            if counted(bare) > 1:
                self.qualified[f"{bare} ({qualifier(nid, attrs)})"] += 1
            for key, value in {**attrs, "name": "", "label": ""}.items():
                kinds.setdefault(key, set()).add(type(value))
        self.node_types = attribute_types(kinds)
        if network == "knowledge":
            self.edge_types = attribute_types(tables.edge_types)
        else:
            found: dict[str, set[type]] = {}
            for _, _, attrs in self.edges():
                for key, value in attrs.items():
                    found.setdefault(key, set()).add(type(value))
            self.edge_types = attribute_types(found)

    def _members(self) -> Iterator[tuple[str, dict]]:
        """The nodes of this network and their attributes (before the exports name them)."""
        for nid, attrs in analysed_nodes(self.tables, self.figures):
            if self.network == "knowledge":
                yield nid, attrs
            elif self.network == "person-event" and attrs["kind"] in ("official", "event"):
                yield nid, {"bipartite": 0 if attrs["kind"] == "official" else 1, **attrs}
            elif self.network == "co-attendance" and attrs["kind"] == "official":
                yield nid, attrs

    def edges(self) -> Iterator[tuple[str, str, dict]]:
        """The edges of this network, in the order networkx gives them."""
        if self.network == "knowledge":
            yield from self.tables.edge_lines()
        elif self.network == "co-attendance":
            ids, people = self.tables.ids, self.figures.people
            for a, b, weight in sorted(self.figures.ties):
                yield ids[people[a]], ids[people[b]], {"weight": weight}
        else:
            with SortedLines(self.tables.folder, run=1 << 62, run_chars=RUN_CHARS) as pairs:
                for source, target, attrs in self.tables.edge_lines():
                    if attrs["relation"] == "participation":
                        low, high = sorted((source, target))
                        pairs.add(f"{low}\t{high}\t{_dump(attrs)}\n")
                for line in pairs:
                    low, high, attrs = line.split("\t", 2)
                    yield low, high, json.loads(attrs)

    def nodes(self) -> Iterator[tuple[str, dict]]:
        for nid, attrs in self._members():
            yield nid, self._named(nid, attrs)

    def _named(self, nid: str, attrs: dict) -> dict:
        """A node's attributes as the exports write them: ``name`` unique, ``label`` the bare name."""
        bare = bare_name(nid, attrs)
        return {**attrs, "name": self.exported_name(nid, bare, qualifier(nid, attrs)), "label": bare}

    def exported_name(self, nid: str, bare: str, qualified_by: str) -> str:
        """The name a node is exported by, of its id, its bare name and what tells its namesakes
        apart (:func:`~govkg.graph.network.qualifier`)."""
        count = self.counted(bare)  # of the name, then of the name it is exported by
        name = bare
        if count > 1:
            name = f"{bare} ({qualified_by})"
            count = self.bare_names[name]  # a name no node may have
        repeated = self.qualified[name] + (1 if count == 1 else 0)
        return name if repeated == 1 else f"{bare} ({nid})"

    def node_lines(self) -> Iterator[tuple[str, str, dict]]:
        """Each node of the knowledge network: its line of the tables (without the figures), its id
        and its attributes as the exports write them (:meth:`nodes`)."""
        kinds, figures = self.tables.kinds, self.figures
        with self.tables.nodes.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                nid, attrs = _decode(line)
                if kinds[number] == "official":
                    with_figures(attrs, figures, number)
                yield line, nid, self._named(nid, attrs)


def gexf_of_tables(exported: _Exported) -> Iterator[str]:
    """graph.gexf from the tables, line by line (the bytes of network.gexf_lines)."""
    return gexf_stream(
        exported.nodes(),
        exported.edges(),
        exported.node_types,
        exported.edge_types,
        exported.tables.latest,
        directed=exported.directed,
    )


def graphml_of_tables(exported: _Exported) -> Iterator[str]:
    """graph.graphml from the tables, line by line (the bytes of network.graphml_lines)."""
    return graphml_stream(
        exported.nodes(),
        exported.edges(),
        exported.node_types,
        exported.edge_types,
        directed=exported.directed,
    )


def write_exports(exported: _Exported, gexf: str | Path, graphml: str | Path) -> None:
    """Write :func:`gexf_of_tables` to ``gexf`` and :func:`graphml_of_tables` to ``graphml`` (each
    atomically) in one pass: each node's and edge's line is read and named once for both files.

    The two writers take a node (an edge) a piece, in step: the pieces shared between them
    (``itertools.tee``) are one or two at a time.
    """
    nodes, edges = tee(exported.nodes()), tee(exported.edges())
    writers = (
        gexf_stream(
            nodes[0],
            edges[0],
            exported.node_types,
            exported.edge_types,
            exported.tables.latest,
            directed=exported.directed,
        ),
        graphml_stream(
            nodes[1], edges[1], exported.node_types, exported.edge_types, directed=exported.directed
        ),
    )
    with atomic_open(gexf) as first, atomic_open(graphml) as second:
        for one, other in zip_longest(*writers, fillvalue=""):
            first.write(one)
            second.write(other)


# --- graph.gexf and graph.graphml of an update, from the previous build's ------

# What an update of the exports starts from, in a folder of the build's cache (``EXPORTS_STATE``):
# a line per node (``nodes.tsv``: its key, the digest of its line of the tables and its exported
# name, and the lengths in bytes of its text in each file before its figures, of its figures and
# after them), the lengths in bytes of each edge's GEXF text after its number and of its GraphML
# text (``edges.bin``: two arrays of int64, in the edges' order), and ``meta.json``: the govkg that
# wrote them, the tables they were written from (their state's stamp, ``Tables.made``), the
# files' sizes and times, their heads' digest and lengths. A node of the same digest is copied
# from the previous files, only an official's figures (which any release added can change)
# written again; the edges follow the update of the tables (``Tables.edge_runs``): each run of
# edges the tables copied is copied, as runs of bytes, its GEXF numbers written again where
# edges came or went before it, and only the edges reduced again are formatted.
EXPORTS_STATE = "exports"
EXPORTS_FORMAT = 3
_EXPORT_INDEX = ("nodes.tsv", "edges.bin")
_FIGURES = frozenset(("events", "contacts", "betweenness", "community"))  # with_figures' attributes
_FIGURE_ORDER = ("events", "contacts", "betweenness", "community")  # in with_figures' order
# a node's line that names one of them itself (its figures not simply added after its attributes)
_FIGURE_KEY = re.compile(r'"(?:events|contacts|betweenness|community)"')
_scan = json.decoder.scanstring
_EXPORT_BUFFER = 1 << 20


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


def _node_key(line: str) -> str:
    """A node's line's JSON up to its id (``["ID"``): its place in the files' order."""
    return line[: _scan(line, 2)[1]]


class _PreviousExports:
    """The previous graph.gexf and graph.graphml (open) and their state, when it describes them and
    their heads are the new files' (the same attributes and types, the same date)."""

    def __init__(self, state: Path, fds: tuple[int, int], heads: tuple[int, int], tables: str) -> None:
        self.state, self.fds, self.heads = state, fds, heads  # heads: their lengths in bytes
        self.tables = tables  # the stamp of the tables they were written from

    @classmethod
    def open(cls, state: Path, previous: Path | None, types: str, stack) -> _PreviousExports | None:
        if previous is None:
            return None
        meta = _read_meta(state)
        files = (previous / "graph.gexf", previous / "graph.graphml")
        try:
            if (
                meta is None
                or meta.get("format") != EXPORTS_FORMAT
                or meta.get("software") != software_fingerprint()
                or meta.get("types") != types
                or meta.get("index") != [(state / name).stat().st_size for name in _EXPORT_INDEX]
            ):
                return None
            fds = []
            for path, kept in zip(files, meta["files"], strict=True):
                fd = os.open(path, os.O_RDONLY)
                stack.callback(os.close, fd)
                found = os.fstat(fd)
                if [found.st_size, found.st_mtime_ns] != kept:
                    return None
                fds.append(fd)
        except (OSError, KeyError, TypeError, ValueError):
            return None
        return cls(state, (fds[0], fds[1]), tuple(meta["heads"]), str(meta.get("tables", "")))

    def lines(self, name: str) -> Iterator[list[str]]:
        with (self.state / name).open(encoding="utf-8", newline="\n") as handle:
            for line in handle:
                yield line[:-1].split("\t")

    def edges(self, tables: Tables):
        """The lengths of each previous edge's GEXF text after its number and of its GraphML text
        (two arrays), when ``tables`` are an update of the tables they were written from (else
        None: the edges are formatted)."""
        import numpy as np

        if tables.edge_runs is None or not self.tables or self.tables != tables.follows:
            return None
        lengths = np.fromfile(self.state / "edges.bin", dtype=np.int64)
        if len(lengths) % 2:
            raise Stale
        rest, text = lengths[: len(lengths) // 2], lengths[len(lengths) // 2 :]
        if any(first < 0 or first + count > len(rest) for first, _, count in tables.edge_runs):
            raise Stale
        return rest, text


def write_spliced_exports(
    exported: _Exported, gexf: str | Path, graphml: str | Path, state: str | Path, previous: str | Path | None
) -> int:
    """:func:`write_exports` of the knowledge network, copying from the previous files (in the
    folder ``previous``) the text of each node and edge whose line and name did not change, as
    the state (the folder ``state``, written anew) says where it is; returns how many nodes and
    edges were formatted. Without a state that describes them, the files are written whole (and
    the state with them)."""
    state = Path(state)
    for left in state.parent.glob(f".{state.name}.*"):  # by a build that was killed
        shutil.rmtree(left, ignore_errors=True)
    folder = state.with_name(f".{state.name}.{secrets.token_hex(4)}.tmp")
    try:
        try:
            formatted = _write_spliced(exported, Path(gexf), Path(graphml), state, previous, folder)
        except Stale:
            formatted = _write_spliced(exported, Path(gexf), Path(graphml), state, None, folder)
        old = state.with_name(f".{state.name}.{secrets.token_hex(4)}.old")
        if state.exists():  # replaced, never written into: a previous build may share its files
            os.rename(state, old)
        os.rename(folder, state)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return formatted


def _write_spliced(
    exported: _Exported, gexf: Path, graphml: Path, state: Path, previous, folder: Path
) -> int:
    if exported.network != "knowledge":
        raise ValueError("only the knowledge network's exports are spliced")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    g = GexfPieces(exported.node_types, exported.edge_types, exported.tables.latest, exported.directed)
    m = GraphmlPieces(exported.node_types, exported.edge_types, exported.directed)
    heads = (g.head().encode("utf-8"), m.head().encode("utf-8"))
    # what a node's or an edge's text depends on besides its line and name: the attributes' types
    types = _digest(_dump([exported.node_types, exported.edge_types, exported.directed]))
    formatted = 0
    with contextlib.ExitStack() as stack:
        old = _PreviousExports.open(state, Path(previous) if previous else None, types, stack)
        # a megabyte's buffer: the nodes and edges are written in pieces of some tens of bytes
        first = stack.enter_context(atomic_open(gexf, "wb", buffering=_EXPORT_BUFFER))
        second = stack.enter_context(atomic_open(graphml, "wb", buffering=_EXPORT_BUFFER))
        out = (_Copier(first, old.fds[0] if old else None), _Copier(second, old.fds[1] if old else None))
        index = [stack.enter_context((folder / "nodes.tsv").open("w", encoding="utf-8", newline="\n"))]
        for writer, head, size in zip(out, heads, old.heads if old else (0, 0), strict=True):
            writer.write(head)
            writer.skip(size)

        # the nodes: before the figures, the figures, after them (lengths of each file's, -1: no run),
        # and what its exported name is made of (its bare name and qualifier), where a tab or a
        # newline does not stand in them
        kept = old.lines("nodes.tsv") if old else iter(())
        was = next(kept, None)
        kinds, figures = exported.tables.kinds, exported.figures
        with exported.tables.nodes.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle):
                official = kinds[number] == "official"
                if (
                    was is not None
                    and len(was) == 10
                    and "-1" not in was[2:8]
                    and (official or was[3] == was[6] == "0")  # figures an official's alone
                    and _FIGURE_KEY.search(line) is None
                    and was[1] == _digest(line + exported.exported_name(_scan(line, 2)[0], was[8], was[9]))
                ):  # the same line and exported name (its bare name and qualifier are the line's):
                    # copied, the figures written again, its line not decoded
                    key, digest, bare, qualified_by = was[0], was[1], was[8], was[9]
                    lengths = [int(x) for x in was[2:8]]
                    values = tuple(zip(_FIGURE_ORDER, figures.of(number), strict=True)) if official else ()
                    _copy_node(out, (g, m), lengths, values)
                    was = next(kept, None)
                    index[0].write(_node_state(key, digest, lengths, bare, qualified_by))
                    continue
                nid, attrs = _decode(line)
                if official:
                    with_figures(attrs, figures, number)
                attrs = exported._named(nid, attrs)
                key, digest = _node_key(line), _digest(f"{line}{attrs['name']}")  # the line ends in a newline
                while was is not None and was[0] < key:
                    _skip_node(out, was)
                    was = next(kept, None)
                if was is not None and was[0] == key and was[1] == digest and "-1" not in was[2:8]:
                    lengths = [int(x) for x in was[2:8]]
                    _copy_node(out, (g, m), lengths, tuple((k, v) for k, v in attrs.items() if k in _FIGURES))
                    was = next(kept, None)
                else:
                    if was is not None and was[0] == key:  # changed: its old text passed over
                        _skip_node(out, was)
                        was = next(kept, None)
                    formatted += 1
                    lengths = []
                    for writer, pieces in zip(out, (g, m), strict=True):
                        texts = pieces.node(nid, attrs, _FIGURES)
                        if texts[1] is None:
                            data = texts[0].encode("utf-8")
                            writer.write(data)
                            lengths += [len(data), -1, 0]
                            continue
                        for text in texts:
                            data = text.encode("utf-8")
                            writer.write(data)
                            lengths.append(len(data))
                index[0].write(_node_state(key, digest, lengths, attrs["label"], qualifier(nid, attrs)))
        while was is not None:
            _skip_node(out, was)
            was = next(kept, None)
        middle = g.middle().encode("utf-8")
        out[0].write(middle)
        out[0].skip(len(middle) if old else 0)

        # the edges: the runs the tables copied, copied (a GEXF edge's number written again where
        # edges came or went before it); the others formatted
        previous_edges = old.edges(exported.tables) if old else None
        formatted += _write_edges(exported.tables, out, (g, m), previous_edges, folder / "edges.bin")
        for writer, pieces in zip(out, (g, m), strict=True):
            writer.write(pieces.tail().encode("utf-8"))
    for handle in index:
        handle.close()
    meta = {
        "format": EXPORTS_FORMAT,
        "software": software_fingerprint(),
        "types": types,
        "tables": exported.tables.made,
        "heads": [len(head) for head in heads],
        "index": [(folder / name).stat().st_size for name in _EXPORT_INDEX],
        "files": [[found.st_size, found.st_mtime_ns] for found in (gexf.stat(), graphml.stat())],
    }
    (folder / _META).write_text(json.dumps(meta) + "\n", encoding="utf-8")
    return formatted


def _write_edges(tables: Tables, out: tuple[_Copier, _Copier], pieces: tuple, previous, index: Path) -> int:
    """The edges' text of both exports (after the nodes' text, the previous files read to the
    previous edges' start): with ``previous`` (the previous edges' lengths:
    :meth:`_PreviousExports.edges`), each run of edges the tables' update copied
    (``tables.edge_runs``) is copied from the previous files and only the other edges are
    formatted; else every edge is. Writes each edge's lengths to ``index``; returns how many
    edges were formatted."""
    import numpy as np

    g, m = pieces
    total = len(tables.sources)
    rest, text = np.zeros(total, dtype=np.int64), np.zeros(total, dtype=np.int64)
    runs = tables.edge_runs if previous is not None else []
    new = np.ones(total, dtype=bool)  # the edges formatted
    for _, first, count in runs:
        new[first : first + count] = False
    if previous is not None:
        old_rest, old_text = previous
        start = len(g.EDGE_START.encode("utf-8"))
        # where each previous edge's text starts in each previous file (and the edges' end)
        old_gexf = np.zeros(len(old_rest) + 1, dtype=np.int64)
        np.cumsum(start + _digits(len(old_rest)) + old_rest, out=old_gexf[1:])
        old_gexf += out[0].at()
        old_graphml = np.zeros(len(old_text) + 1, dtype=np.int64)
        np.cumsum(old_text, out=old_graphml[1:])
        old_graphml += out[1].at()
    numbers = new.nonzero()[0].tolist()
    if previous is None:  # every edge, its line read in turn
        lines = enumerate(tables.edge_lines())
    else:  # the lines of the edges reduced again, read where they are
        lines = _parsed_lines_at(tables.edges, numbers, tables.starts.get("edges")) if numbers else iter(())
    at = 0  # the next edge's number

    def formatted(stop: int) -> None:
        nonlocal at
        while at < stop:
            number, (source, target, attrs) = next(lines)
            if number != at:
                raise Stale
            head, tail = g.edge(number, source, target, attrs)
            data = tail.encode("utf-8")
            out[0].write(head.encode("utf-8") + data)
            graphml_text = m.edge(source, target, attrs).encode("utf-8")
            out[1].write(graphml_text)
            rest[number], text[number] = len(data), len(graphml_text)
            at += 1

    for was, first, count in runs:
        formatted(first)
        rest[first : first + count], text[first : first + count] = (
            old_rest[was : was + count],
            old_text[was : was + count],
        )
        out[1].place(int(old_graphml[was]), int(old_graphml[was + count] - old_graphml[was]))
        if was == first:  # no edge came or went before them: their numbers too
            out[0].place(int(old_gexf[was]), int(old_gexf[was + count] - old_gexf[was]))
        else:
            _renumbered(out[0], g.EDGE_START.encode("utf-8"), old_gexf, was, first, count)
        at = first + count
    formatted(total)
    if previous is not None:  # the previous edges end where the files' tails begin
        for writer, piece, ends in zip(out, pieces, (old_gexf, old_graphml), strict=True):
            if writer.size() != int(ends[-1]) + len(piece.tail().encode("utf-8")):
                raise Stale
    with index.open("wb") as handle:
        handle.write(rest.tobytes())
        handle.write(text.tobytes())
    return len(numbers)


def _digits(count: int):
    """How many digits each number below ``count`` is written with (a numpy array)."""
    import numpy as np

    numbers = np.arange(count, dtype=np.int64)
    digits = np.ones(count, dtype=np.int64)
    power = 10
    while power <= max(count - 1, 0):
        digits += numbers >= power
        power *= 10
    return digits


_RENUMBERED = 1 << 16  # edges read at once


def _renumbered(out: _Copier, edge_start: bytes, starts, was: int, first: int, count: int) -> None:
    """The GEXF text of ``count`` previous edges from number ``was`` (each starts at ``starts``),
    numbered again from ``first``: each edge's text is its start, its number and the rest."""
    for offset in range(0, count, _RENUMBERED):
        low, high = was + offset, was + min(count, offset + _RENUMBERED)
        data = out.read(int(starts[low]), int(starts[high] - starts[low]))
        parts = data.split(edge_start)
        if len(parts) != high - low + 1 or parts[0]:
            raise Stale
        base = first + offset
        out.write(
            b"".join(
                [
                    edge_start + b"%d" % (base + j) + part[len(b"%d" % (low + j)) :]
                    for j, part in enumerate(parts[1:])
                ]
            )
        )


class _Copier:
    """A file written anew (bytes) from text and from spans of its previous version, read in order.

    What :class:`~govkg.graph.splice.Splice` does for long runs, for the exports' many short ones
    (a node's text between two officials' figures, an edge's after its number): the previous
    file is read through a buffer, and runs of spans copied one after the other are read at once,
    where a copy in the kernel a span would cost a system call each.
    """

    def __init__(self, new, old: int | None) -> None:
        self.new, self.pending = new, 0
        self.old = open(old, "rb", buffering=1 << 20, closefd=False) if old is not None else None

    def write(self, data: bytes) -> None:
        if self.pending:
            self._copy()
        self.new.write(data)

    def copy(self, size: int) -> None:
        self.pending += size
        if self.pending >= 1 << 20:  # read a megabyte at most at once
            self._copy()

    def skip(self, size: int) -> None:
        if self.pending:
            self._copy()
        if size:
            if self.old is None:
                raise Stale
            self.old.seek(size, os.SEEK_CUR)

    def _copy(self) -> None:
        size, self.pending = self.pending, 0
        data = self.old.read(size) if self.old is not None else b""
        if len(data) != size:
            raise Stale  # the previous file is shorter than its state says
        self.new.write(data)

    def at(self) -> int:
        """Where in the previous file the spans passed over or copied end."""
        if self.pending:
            self._copy()
        if self.old is None:
            raise Stale
        return self.old.tell()

    def place(self, offset: int, size: int) -> None:
        """Copy ``size`` bytes of the previous file from ``offset`` (copied in the kernel)."""
        if self.pending:
            self._copy()
        if size:
            copy_range(self.old.fileno(), offset, size, self.new)

    def size(self) -> int:
        """The previous file's size."""
        return os.fstat(self.old.fileno()).st_size

    def read(self, offset: int, size: int) -> bytes:
        """``size`` bytes of the previous file from ``offset``."""
        data = os.pread(self.old.fileno(), size, offset)
        if len(data) != size:
            raise Stale
        return data


def _copy_node(out: tuple[_Copier, _Copier], pieces: tuple, lengths: list[int], values: tuple) -> None:
    """A node's text in both exports copied from the previous files, its figures (``values``, pairs
    of a figure and its value) written again: ``lengths`` holds each file's three runs (before the
    figures, the figures, after them) and takes the figures' new lengths."""
    for at, (writer, piece) in zip((0, 3), zip(out, pieces, strict=True), strict=True):
        before, middle, after = lengths[at : at + 3]
        writer.copy(before)
        if middle:  # the figures, written again
            data = "".join(piece.value(k, v) + "\n" for k, v in values).encode("utf-8")
            writer.write(data)
            writer.skip(middle)
            lengths[at + 1] = len(data)
        writer.copy(after)


def _node_state(key: str, digest: str, lengths: list[int], bare: str, qualified_by: str) -> str:
    """A node's line of the exports' state (nodes.tsv): its key, digest and lengths, then its bare
    name and qualifier, left out where a tab or a newline stands in them (its line then decoded
    at the next update)."""
    head = f"{key}\t{digest}\t" + "\t".join(map(str, lengths[:6]))
    names = f"{bare}\t{qualified_by}"
    if names.count("\t") == 1 and "\n" not in names:
        return f"{head}\t{names}\n"
    return f"{head}\n"


def _skip_node(out: tuple[_Copier, _Copier], was: list[str]) -> None:
    """Pass over a previous node's text in both files."""
    lengths = [max(int(x), 0) for x in was[2:8]]
    out[0].skip(sum(lengths[:3]))
    out[1].skip(sum(lengths[3:]))


def exports(tables: Tables, figures: OfficialFigures, network: str = "knowledge") -> _Exported:
    """What :func:`gexf_of_tables` and :func:`graphml_of_tables` write from (one pass over the nodes),
    of one of the networks ``govkg stats`` exports: ``knowledge`` (a build's), ``person-event`` or
    ``co-attendance`` (``figures`` with their ties: ``rankings(tables, keep_ties=True)``)."""
    return _Exported(tables, figures, network)


# --- what the commands read of the tables -------------------------------------


def officials_named_in(tables: Tables, names: Iterable[str]) -> list[int]:
    """The numbers of the officials with one of these names (a name can be several people)."""
    wanted, kinds = set(names), tables.kinds
    return [
        number
        for number, (_, attrs) in enumerate(tables.node_lines())
        if kinds[number] == "official" and attrs.get("name") in wanted
    ]


def tables_stats(tables: Tables, figures: OfficialFigures) -> NetworkStats:
    """:func:`~govkg.graph.network.network_stats` of the tables; ``figures`` are
    ``rankings(tables, keep_ties=True)``. Each official's roles are counted from the participation
    edges' labels, as :func:`~govkg.graph.network.rank_officials` counts them."""
    ids, people, kinds = tables.ids, figures.people, tables.kinds
    counted: dict[str, Counter] = {}
    for source, _, attrs in tables.edge_lines():
        if attrs["relation"] == "participation":
            roles = counted.setdefault(source, Counter())
            for role in attrs.get("roles", "").split():
                roles[role] += 1
    ranks = {}
    for number, (nid, attrs) in enumerate(tables.node_lines()):
        if kinds[number] != "official":
            continue
        events, contacts, betweenness, community = figures.of(number)
        roles = counted.get(nid, {})
        ranks[nid] = OfficialRank(
            id=nid,
            name=attrs.get("name", nid),
            title=attrs.get("title", ""),
            events=events,
            roles=dict(sorted(roles.items(), key=lambda kv: (-kv[1], kv[0]))),
            contacts=contacts,
            betweenness=betweenness,
            community=community,
        )
    return NetworkStats(
        officials=len(ranks),
        events=sum(1 for kind in kinds if kind == "event"),
        participations=figures.participations,
        coattendance_edges=len(figures.ties),
        ranks=ranks,
        communities=[[ids[people[i]] for i in members] for members in figures.communities],
        betweenness_exact=figures.exact,
        betweenness_sources=figures.sources,
        ties=[(ids[people[a]], ids[people[b]], weight) for a, b, weight in figures.ties],
    )


# --- the network as a networkx graph, through the tables ------------------------


def knowledge_network(graph) -> nx.DiGraph:
    """The officials, events, organisations, places, documents and directives of an RDF graph.

    Every node has ``kind`` (a key of :data:`KINDS`) and ``label``; officials
    ``name``, ``title`` (the titles of their latest release, joined by 、) and
    ``titles`` (all); events ``type`` (会议 ...), ``name``, ``date`` (the
    event's, else its release's) and their evidence. Edges have ``relation``
    (``participation`` or a key of :data:`~govkg.graph.network.RELATIONS`), ``label`` (主持、讲话,
    地点, the title held ...) and, for facts, ``evidence``, ``headline``,
    ``published`` and ``release``. One edge per pair of nodes: two roles of
    one official in one event are one edge labelled with both.
    Places appear when they are where an event happened. Variant spellings
    of an organisation or place (``owl:sameAs`` a canonical node) are merged
    into the canonical node, their names kept as ``aliases``.

    Drawn through the tables of the graph as one unit (:func:`graph_tables`), as
    a build draws its views from its shards: each rule that decides a node's or
    an edge's attributes is written once, in the reduce. The officials' tenures
    (the page's career bars: node id -> [post, first, last], oldest first) come
    with it as ``net.graph["tenures"]``.
    """
    import networkx as nx

    net = nx.DiGraph()
    with (
        tempfile.TemporaryDirectory(prefix="govkg-network-") as folder,
        graph_tables(graph, folder) as tables,
    ):
        for nid, attrs in tables.node_lines():
            net.add_node(nid, **attrs)
        for source, target, attrs in tables.edge_lines():
            net.add_edge(source, target, **attrs)
        net.graph["tenures"] = dict(tables.tenure_lines())
    return net


def analysed_network(graph) -> tuple[nx.DiGraph, NetworkStats]:
    """The knowledge network with each official's ranking figures as node attributes.

    Analyse a graph once and hand the result to what draws it (a build's view
    and Gephi exports share one: see ``outputs.SharedWork``). The cyclic
    garbage collector waits meanwhile: the network and the algorithms' tables
    are millions of acyclic objects, which it would rescan again and again
    (5,000 releases: betweenness 0.72 -> 0.10 s of CPU, the network 2.4 -> 1.9 s).
    """
    with collector_paused():
        net = knowledge_network(graph)
        stats = network_stats(net)
    for nid, rank in stats.ranks.items():
        net.nodes[nid].update(
            events=rank.events, contacts=rank.contacts, betweenness=rank.betweenness, community=rank.community
        )
    return net, stats


def _parsed_lines_at(path: Path, numbers, starts=None) -> Iterator[tuple[int, object]]:
    """(number, JSON value) of the lines ``numbers`` of a file, in order. With ``starts`` (where
    each line starts, and the file's size), each run of lines wanted one after another is read
    where it is (at 30,000 releases a page's 5,000 nodes and 30,000 edges among 144,000 nodes and
    225,000 edges); else the other lines are read, not parsed, and none after the last wanted."""
    if starts is not None and len(starts) and os.stat(path).st_size == int(starts[-1]):
        yield from _lines_where(path, sorted(numbers), starts)
        return
    numbers = set(numbers)
    last = max(numbers, default=-1)
    with path.open("rb") as handle:
        for number, line in enumerate(handle):
            if number > last:
                break
            if number in numbers:
                yield number, json.loads(line)


_RUN_LINES = 1 << 14  # lines read at once at most: a long run of lines wanted, read in pieces


def _lines_where(path: Path, numbers: list[int], starts) -> Iterator[tuple[int, object]]:
    """(number, JSON value) of the lines ``numbers`` (sorted) of a file whose lines start at
    ``starts``: each run of consecutive numbers read at once (``_RUN_LINES`` at most), from where
    its first line starts."""
    with path.open("rb") as handle:
        at = 0
        while at < len(numbers):
            end = at + 1
            while end < len(numbers) and numbers[end] == numbers[end - 1] + 1 and end - at < _RUN_LINES:
                end += 1
            first, last = numbers[at], numbers[end - 1]
            handle.seek(int(starts[first]))
            block = handle.read(int(starts[last + 1]) - int(starts[first]))
            for number, line in zip(numbers[at:end], block.split(b"\n"), strict=False):
                yield number, json.loads(line)
            at = end
