"""A build's graph files and store written from its N-Quads shards, in memory bounded by a batch.

:func:`write_from_shards` is what a build calls once its shards are written:
the four RDF files (:func:`write_rdf_files`), the store bulk-loaded from
``graph.nt`` (graph/store.py), and the network views drawn from the store
(:func:`write_network_files`). ``identity.tsv`` is not among them: it is the
resolved corpus's report (graph/outputs.py).

``OUT/shards`` (graph/shards.py) holds one canonical N-Quads file per release
graph and ``default.nq`` for the triples of no release. From them
:func:`write_rdf_files` writes ``graph.nt``, ``graph.ttl``, ``graph.trig``
and ``graph.jsonld``, byte for byte what the in-memory writers of
graph/outputs.py write for the same graph, without ever holding the graph:

1. every triple of every shard, tagged with where it came from (a release
   graph or the default graph), is sorted in runs of at most ``run_chars``
   characters, each run spilled to a temporary file;
2. the runs are merged (``shards.SortedLines``): each triple once, in
   sorted order, grouped by subject. Each group is written at once to ``graph.nt``,
   ``graph.ttl`` and ``graph.jsonld`` (the same formatting functions as the
   in-memory writers), and its triples of no release graph to the default
   graph of ``graph.trig``;
3. the release graphs follow in ``graph.trig``, one shard at a time, in the
   order of their names.

Memory is one run of sorted triples (and one release's shard), whatever the
size of the corpus. A triple is text throughout: its terms are canonical
N-Triples (graph/terms.py), which sort as the triples do, and hold no tab, so
a tab separates a triple from its tag.

The network views (``graph.html``, ``graph.gexf``, ``graph.graphml``) read
the build through :class:`~govkg.graph.store.StoreGraph`, which answers the
look-ups of graph/network.py as an rdflib graph would, and reads what the
network needs whole from graph.nt in one pass (quicker than the store gives
it): the network is held in memory (it is much smaller than the graph), the
graph is not.

The mapping makes no blank nodes. Should shards hold some, their labels must
be made from the structure of the whole graph (``rdflib.compare``), as the
in-memory writers do: such shards are read into one graph and written by
those writers (memory then grows with the graph).
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator
from itertools import groupby
from pathlib import Path

from rdflib import URIRef

from govkg.graph.build import BuildResult
from govkg.graph.outputs import (
    JSONLD_SEPARATOR,
    JSONLD_TAIL,
    WRITERS,
    SharedWork,
    _JsonTerms,
    _Names,
    atomic_open,
    atomic_write,
    jsonld_context,
    jsonld_head,
    named_graph_head,
    prefix_lines,
    subject_groups,
    turtle_block,
)
from govkg.graph.rdf import gc_paused, new_graph
from govkg.graph.shards import DEFAULT, INDEX, SortedLines, index_rows
from govkg.graph.store import STORE, build_graph, previous_store, write_store
from govkg.graph.terms import converter, nt_term
from govkg.ontology import PREFIXES

RDF_FILES = ("graph.nt", "graph.ttl", "graph.trig", "graph.jsonld")
NETWORK_FILES = ("graph.html", "graph.gexf", "graph.graphml")
# Characters of triples sorted in memory at once: about 100-150 MB of Python strings.
RUN_CHARS = 40_000_000
# A triple's tag in the sort: from the default graph, or from a release graph
# (the default graph of graph.trig holds the triples of no release graph).
_DEFAULT, _NAMED = "\td\n", "\tn\n"


class ShardError(ValueError):
    """A shards folder that cannot be read: no index, a missing file, a line not of its graph."""


def shard_files(folder: str | Path) -> list[tuple[str, Path]]:
    """(graph name in N-Triples, or "" for the default graph; file) of each shard in ``index.tsv``.

    Release graphs come in the order graph.trig writes them: by their names
    in N-Triples, which is not the order of the bare IRIs (``…/12>`` sorts
    after ``…/123>``).
    """
    folder = Path(folder)
    try:
        rows = index_rows(folder)
    except OSError as exc:
        raise ShardError(f"{folder}: no shard index {INDEX} ({exc.strerror})") from exc
    found = []
    for graph, name, _ in rows:
        if graph and graph[0] != "<":
            graph = nt_term(URIRef(graph))
        found.append((graph, folder / name))
    if not any(graph == "" for graph, _ in found) and (folder / DEFAULT).is_file():
        found.append(("", folder / DEFAULT))
    return sorted(found)


def shard_triples(path: Path, graph: str) -> Iterator[str]:
    """The triples of one shard as text (``S P O``, canonical terms), in file order.

    Every line must end in the shard's graph name (``graph``, in N-Triples),
    or, in the default graph's shard, in `` .`` alone.
    """
    end = f" {graph} .\n" if graph else " .\n"
    cut = len(end)
    try:
        handle = path.open(encoding="utf-8", newline="\n")
    except OSError as exc:
        raise ShardError(f"{path}: {exc.strerror}") from exc
    with handle:
        for number, line in enumerate(handle, 1):
            if line[-1] != "\n":  # the last line, without its newline
                line += "\n"
            if line.endswith(end):
                yield line[:-cut]
            elif line.strip():
                raise ShardError(f"{path}:{number}: not a triple of the graph {graph or '(default)'}")


def _has_blank_node(triple: str) -> bool:
    if triple[0] == "_":
        return True
    if " _:" not in triple:
        return False
    return triple.split(" ", 2)[2][0] == "_"


class _BlankNodes(Exception):
    """Shards hold blank nodes: their labels need the whole graph."""


def _tagged(shards: list[tuple[str, Path]]) -> Iterator[str]:
    for graph, path in shards:
        tag = _NAMED if graph else _DEFAULT
        for triple in shard_triples(path, graph):
            if "_:" in triple and _has_blank_node(triple):
                raise _BlankNodes
            yield triple + tag


def _distinct(records: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each triple of sorted tagged records once, with whether it is in the default graph alone."""
    last = None
    default = named = False
    for record in records:
        triple = record[:-3]
        if triple != last:
            if last is not None:
                yield last, default and not named
            last, default, named = triple, False, False
        if record[-2] == "n":
            named = True
        else:
            default = True
    if last is not None:
        yield last, default and not named


def _subject(item: tuple[str, bool]) -> str:
    return item[0][: item[0].index(" ")]


def _write_union(records: Iterable[str], nt, ttl, trig, jsonld) -> None:
    """graph.nt, graph.ttl and graph.jsonld whole, and graph.trig up to its release graphs."""
    names = _Names(PREFIXES)
    context = jsonld_context()
    terms = _JsonTerms(context)
    ttl.write(prefix_lines(PREFIXES))
    trig.write(prefix_lines(PREFIXES))
    jsonld.write(jsonld_head(context))
    separator = ""
    for _, group in groupby(_distinct(records), key=_subject):
        group = list(group)
        nt.writelines(f"{triple} .\n" for triple, _ in group)
        triples = [tuple(triple.split(" ", 2)) for triple, _ in group]
        block = turtle_block(triples, names)
        ttl.write(block)
        jsonld.write(separator + terms.node(triples))
        separator = JSONLD_SEPARATOR
        default = [t for t, (_, alone) in zip(triples, group, strict=True) if alone]
        if len(default) == len(triples):
            trig.write(block)
        elif default:
            trig.write(turtle_block(default, names))
    jsonld.write(JSONLD_TAIL)


def _write_release_graphs(shards: list[tuple[str, Path]], trig) -> None:
    """The release graphs of graph.trig, one shard at a time, in the order of their names."""
    names = _Names(PREFIXES)
    for graph, path in shards:
        if not graph:
            continue
        triples = [tuple(t.split(" ", 2)) for t in sorted(set(shard_triples(path, graph)))]
        if not triples:
            continue
        trig.write(named_graph_head(graph, names))
        trig.writelines(turtle_block(group, names) for group in subject_groups(triples))
        trig.write("}\n")


def write_rdf_files(
    shards_dir: str | Path, outdir: str | Path, run_chars: int = RUN_CHARS
) -> dict[str, Path]:
    """Write graph.nt, graph.ttl, graph.trig and graph.jsonld into ``outdir`` from a shards folder.

    The files are byte-identical to those the in-memory writers
    (graph/outputs.py) write for the graph the shards hold, each written
    atomically; memory is bounded by ``run_chars`` (see the module doc).
    Returns file name -> path.
    """
    shards = shard_files(shards_dir)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = {name: outdir / name for name in RDF_FILES}
    try:
        with SortedLines(outdir, run=sys.maxsize, run_chars=run_chars) as records, gc_paused():
            records.extend(_tagged(shards))
            with contextlib.ExitStack() as files:
                handles = {name: files.enter_context(atomic_open(path)) for name, path in paths.items()}
                _write_union(
                    iter(records),
                    handles["graph.nt"],
                    handles["graph.ttl"],
                    handles["graph.trig"],
                    handles["graph.jsonld"],
                )
                _write_release_graphs(shards, handles["graph.trig"])
    except _BlankNodes:
        shared = SharedWork(BuildResult(graph=_read_shards(shards)))
        for name, path in paths.items():
            atomic_write(path, WRITERS[name](shared))
    return paths


def _read_shards(shards: list[tuple[str, Path]]):
    """The graph of shards in memory, each release's triples remembered (as the mapping does)."""
    import pyoxigraph as ox

    graph = new_graph()
    term = converter()
    for name, path in shards:
        own = graph.release_triples.setdefault(URIRef(name[1:-1]), []) if name else None
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            triple = (term(quad.subject), term(quad.predicate), term(quad.object))
            graph.add(triple)
            if own is not None:
                own.append(triple)
    return graph


def write_network_files(outdir: str | Path) -> dict[str, Path]:
    """Write graph.html, graph.gexf and graph.graphml from the build's store in ``outdir``.

    The same files as the in-memory writers of graph/outputs.py, drawn from
    the store and graph.nt (:func:`~govkg.graph.store.build_graph`) instead of
    an rdflib graph of the whole build.
    """
    outdir = Path(outdir)
    shared = SharedWork(BuildResult(graph=build_graph(outdir)))
    return {name: atomic_write(outdir / name, WRITERS[name](shared)) for name in NETWORK_FILES}


def write_from_shards(
    shards_dir: str | Path,
    outdir: str | Path,
    network: bool = True,
    run_chars: int = RUN_CHARS,
    previous: str | Path | None = None,
) -> dict[str, Path]:
    """Write a build's graph files and its store into ``outdir`` from its shards; returns name -> path.

    The four RDF files (:func:`write_rdf_files`, memory bounded by
    ``run_chars``), then ``OUT/store`` bulk-loaded from ``graph.nt``
    (:func:`~govkg.graph.store.write_store`: its manifest names the files
    just written), then, with ``network``, the network views drawn from that
    store (:func:`write_network_files`). ``outdir`` is the folder being
    written, a build's staging folder (graph/folders.py); ``shards_dir`` is
    usually ``outdir / "shards"``. Each file is written atomically.

    ``previous`` is the folder of the build being updated (``outdir`` itself
    for a folder written in place): when its store holds its graph.nt, the
    new store is that store with the difference between the two graph.nt
    applied (:func:`~govkg.graph.store.previous_store`), not a bulk load of
    the whole graph.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with previous_store(previous, outdir) as base:
        written = write_rdf_files(shards_dir, outdir, run_chars)
        written[STORE] = write_store(outdir, base=base)
    if network:
        written.update(write_network_files(outdir))
    return written
