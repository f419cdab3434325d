"""The graph of record: a build folder's on-disk Oxigraph store, and opening any graph source.

``govkg build`` bulk-loads its graph into a pyoxigraph store in the output
folder (``OUT/store``), so that the commands that read a build (``query``,
``serve``, ``check``, ``stats``, ``person``, ``view``) open it in a moment
instead of parsing a gigabyte of Turtle. This module is the one place that
turns a graph source (a build folder, a graph file, or a file of a build folder
whose store is current) into a pyoxigraph store for SPARQL
(:func:`open_graph_store`) or an rdflib graph (:func:`read_graph`, for SHACL
and networkx, which need every term as written).

The store's default graph is the build's graph, a set of triples: the same
triples as ``graph.nt``. A manifest (``store/govkg.json``) records the size and
modification time of the graph files written with it, so a file that has been
replaced since (by hand, or by another tool) is read from the file instead.
Stores are opened read-only: any number of processes (the server's workers)
read one at the same time.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govkg.graph.folders import atomic_write, scratch, scratch_folder
from govkg.graph.terms import converter, nt_literal, to_oxigraph

if TYPE_CHECKING:
    from rdflib import Graph

STORE = "store"  # the folder of a build's store, inside the output folder
MANIFEST = "govkg.json"
DATABASE = "oxigraph"  # the RocksDB folder inside the store folder
# The graph files a build's store stands for (the same triples).
GRAPH_FILES = ("graph.nt", "graph.ttl", "graph.trig", "graph.jsonld")


class GraphSourceError(ValueError):
    """A graph source that cannot be opened: missing, of an unknown type, or unparsable."""


def _oxigraph():
    try:
        import pyoxigraph
    except ImportError as exc:  # pragma: no cover - a dependency, but say how to get it
        raise ImportError("govkg's store needs pyoxigraph: pip install pyoxigraph") from exc
    return pyoxigraph


def rdf_format(path: Path):
    """The pyoxigraph format of a graph file, from its extension."""
    suffix = path.suffix.lstrip(".").lower()
    fmt = _oxigraph().RdfFormat.from_extension(
        {"json": "jsonld", "owl": "rdf", "xml": "rdf"}.get(suffix, suffix)
    )
    if fmt is None:
        raise GraphSourceError(f"{path}: unknown RDF file type {path.suffix!r} (Turtle, TriG, N-Triples...)")
    return fmt


def stamp(path: Path) -> dict[str, Any]:
    """What tells a file apart from a later version of it, cheaply: size and modification time."""
    info = path.stat()
    return {"size": info.st_size, "mtime_ns": info.st_mtime_ns}


# ---------------------------------------------------------------------------
# Writing a build's store


# Lines of N-Triples per bulk load: Oxigraph's loader holds a whole call in memory
# (495k triples: 492 MB in one call, 188 MB in calls of 100k, in the same 10 s).
LOAD_LINES = 100_000
# Bytes of a build's N-Triples per bulk load from its shards (about 25,000 lines), loaded by a
# thread while the command makes the network's tables, where the build's process tree peaks:
# the store of 10,000 releases loaded alone peaked at 115 MB in calls of 5 MB, 158 in calls of
# 10 MB and 227 in calls of 20 MB (3,000: 107 and 198), for 0.3 to 2.5 s more CPU than 20 MB
# (14.4-14.9 s; 3,000: 0.8 s more than 3.2).
LOAD_BYTES = 5_000_000
Changes = tuple[Path, Path]  # files of N-Triples lines: the triples removed, the triples added


def write_store(
    outdir: str | Path,
    source: str = "graph.nt",
    batch: int = LOAD_LINES,
    base: StoreBase | None = None,
    changes: Changes | None = None,
) -> Path:
    """Bulk-load a build's graph (its sorted N-Triples, ``source``) into ``OUT/store``.

    N-Triples are loaded ``batch`` lines at a time, so that memory does not
    grow with the graph. The new store is made beside the old one and swapped
    in whole, so a reader never opens half a store; the manifest names the
    graph files of the folder it stands for.

    With ``base`` (:func:`previous_store`), the store is instead a checkpoint
    of the previous build's store (RocksDB hard links: no copy) updated by the
    difference between its graph.nt and this one (:func:`update_store`), so
    that an update costs what changed; ``changes`` (:func:`apply_changes`),
    when the writer of the new graph.nt knows that difference, spares the
    merge. Should that fail, the store is loaded whole.
    """
    ox = _oxigraph()
    outdir = Path(outdir)
    graph_path = outdir / source
    with store_staging(outdir) as staging:
        store = None
        fmt = rdf_format(graph_path)
        if base is not None and fmt == ox.RdfFormat.N_TRIPLES:
            store = _updated(base, graph_path, staging / DATABASE, batch, changes)
        if store is None and fmt == ox.RdfFormat.N_TRIPLES:
            with graph_path.open("rb") as handle:
                chunks = iter(lambda: b"".join(islice(handle, batch)), b"")
                return put_store(outdir, staging, load_ntriples(staging / DATABASE, chunks), source)
        if store is None:
            store = ox.Store(str(staging / DATABASE))
            store.bulk_load(path=str(graph_path), format=fmt)
            store.flush()
            store.optimize()
        triples = len(store)
        del store  # closes the database before it is moved
        return put_store(outdir, staging, triples, source)


def load_ntriples(database: str | Path, chunks: Iterable[bytes]) -> int:
    """A new store at ``database`` holding the N-Triples of ``chunks`` (whole lines, each chunk
    bulk-loaded by one call: what sets the loader's memory); returns its number of triples.

    The graph's triples are a set: a triple given twice is held once. The
    text is a build's own (its shards or graph.nt: canonical N-Triples,
    graph/terms.py), so the loader does not check its IRIs and language tags
    again (``lenient``: an eighth of its CPU).
    """
    ox = _oxigraph()
    store = ox.Store(str(database))
    for chunk in chunks:
        store.bulk_load(input=chunk, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    store.flush()
    store.optimize()
    triples = len(store)
    del store  # closes the database
    return triples


@contextlib.contextmanager
def store_staging(outdir: str | Path) -> Iterator[Path]:
    """A folder beside ``OUT/store`` to make a new store in (its database at ``DATABASE`` inside it),
    removed at the end of the block unless :func:`put_store` put it in place."""
    staging = scratch_folder(Path(outdir) / STORE)
    try:
        yield staging
    finally:  # gone if put in place
        shutil.rmtree(staging, ignore_errors=True)


def put_store(
    outdir: str | Path,
    staging: Path,
    triples: int,
    source: str = "graph.nt",
    files: Iterable[str] = GRAPH_FILES,
) -> Path:
    """Put a store made in ``staging`` (:func:`store_staging`) in place as ``OUT/store``, its manifest
    naming those of the graph ``files`` that ``outdir`` holds now (:func:`restamp_store` names more)."""
    outdir = Path(outdir)
    stamps = {name: stamp(outdir / name) for name in files if (outdir / name).is_file()}
    manifest = {"format": 1, "source": source, "triples": triples, "files": stamps}
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    _swap_in(staging, outdir / STORE)
    return outdir / STORE


def restamp_store(outdir: str | Path) -> None:
    """Name in the manifest of ``OUT/store`` every graph file of ``outdir`` as it is now: the files
    written after the store, which holds their triples (graph/sharded.py)."""
    outdir = Path(outdir)
    found = manifest(outdir)
    if found is None:
        raise OSError(f"{outdir / STORE}: no store manifest")
    found["files"] = {name: stamp(outdir / name) for name in GRAPH_FILES if (outdir / name).is_file()}
    atomic_write(outdir / STORE / MANIFEST, json.dumps(found, indent=1, sort_keys=True) + "\n")


@dataclass(frozen=True)
class StoreBase:
    """A previous build's store and the graph.nt it holds: what an update's store is made from.

    ``graph`` is a hard link to that graph.nt, so that it outlives the
    previous file being replaced by the new one (a folder updated in place).
    """

    database: Path
    graph: Path


@contextlib.contextmanager
def previous_store(folder: str | Path | None, keep_in: str | Path) -> Iterator[StoreBase | None]:
    """The store of the build in ``folder`` and its graph.nt, linked into ``keep_in`` for the block.

    None when ``folder`` has no store, or one whose manifest does not name
    ``folder/graph.nt`` as it is now (written since, by hand or by another
    tool): then the new store is loaded whole.
    """
    found = None if folder is None else manifest(folder)
    base = None
    if found is not None and found.get("format") == 1 and found.get("source") == "graph.nt":
        folder = Path(folder)
        link = scratch(Path(keep_in) / "graph.nt", "previous")
        try:
            os.link(folder / "graph.nt", link)
            # the link's own stamp: the file linked is the one the manifest names
            if found.get("files", {}).get("graph.nt") == stamp(link):
                base = StoreBase(folder / STORE / DATABASE, link)
            else:
                link.unlink()
        except OSError:
            link.unlink(missing_ok=True)
    try:
        yield base
    finally:
        if base is not None:
            base.graph.unlink(missing_ok=True)


def _updated(base: StoreBase, graph: Path, database: Path, batch: int, changes: Changes | None):
    """A checkpoint of ``base``'s store at ``database`` updated to hold ``graph`` (by ``changes``, when
    given); None if that failed."""
    ox = _oxigraph()
    store = None
    try:
        ox.Store.read_only(str(base.database)).backup(str(database))
        store = ox.Store(str(database))
        if changes is not None:
            apply_changes(store, *changes, batch=batch)
        else:
            update_store(store, base.graph, graph, batch)
        store.flush()
        return store
    except (OSError, ValueError, SyntaxError):
        del store  # closes the checkpoint before it is removed
        shutil.rmtree(database, ignore_errors=True)
        return None


def update_store(store, old: str | Path, new: str | Path, batch: int = LOAD_LINES) -> tuple[int, int]:
    """Make a store that holds the triples of ``old`` hold those of ``new`` (both sorted N-Triples, each
    triple once, as a build writes graph.nt); returns (triples removed, triples added).

    One merge of the two files finds the lines of ``old`` only, removed from
    the store ``batch`` at a time, and those of ``new`` only, gathered in a
    temporary file beside ``new`` and loaded once every removal is done.
    Oxigraph keeps some literals by value (``"05"^^xsd:integer`` is
    ``"5"^^xsd:integer``, ``xsd:nonNegativeInteger`` becomes ``xsd:integer``,
    language tags are lower-cased), so removing one may remove another the
    new graph still holds: with a literal removed, the new graph's literals
    of the same subject and predicate are loaded again (:func:`graph_changes`).
    Raises ValueError if a file is not sorted.
    """
    new = Path(new)
    removed, added = (scratch(new, kind) for kind in ("rm", "add"))
    try:
        with removed.open("wb") as removals, added.open("wb") as additions:
            for adds, line in graph_changes(old, new):
                (additions if adds else removals).write(line)
        return apply_changes(store, removed, added, batch=batch)
    finally:
        removed.unlink(missing_ok=True)
        added.unlink(missing_ok=True)


def apply_changes(store, removed: str | Path, added: str | Path, batch: int = LOAD_LINES) -> tuple[int, int]:
    """Remove the triples of the file ``removed`` from a store, then load those of ``added``, ``batch``
    lines at a time; returns how many lines each held.

    ``added`` must hold again what a removal may take with it (Oxigraph
    keeps some literals by value: see :func:`update_store`).
    """
    ox = _oxigraph()
    fmt = ox.RdfFormat.N_TRIPLES
    counts = [0, 0]
    with open(removed, "rb") as handle:
        while chunk := list(islice(handle, batch)):
            for quad in ox.parse(input=b"".join(chunk), format=fmt):
                store.remove(quad)
            counts[0] += len(chunk)
    with open(added, "rb") as handle:
        while chunk := list(islice(handle, batch)):
            store.bulk_load(input=b"".join(chunk), format=fmt)
            counts[1] += len(chunk)
    return counts[0], counts[1]


def _sorted(path: str | Path, handle) -> Iterator[bytes]:
    last = b""
    for line in handle:
        if line <= last:
            raise ValueError(f"{path}: not sorted N-Triples, each triple once")
        last = line
        yield line


_REMOVED, _KEPT, _ADDED = "removed", "kept", "added"


def graph_changes(old: str | Path, new: str | Path) -> Iterator[tuple[bool, bytes]]:
    """(added, line) for each line of one of two sorted N-Triples files only, in one merge
    (:func:`line_changes`); a file not sorted, each triple once, raises ValueError.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "old.nt").write_text('<a> <p> "05"^^<i> .\\n<a> <p> "5"^^<i> .\\n<b> <q> <c> .\\n')
    >>> _ = (folder / "new.nt").write_text('<a> <p> "5"^^<i> .\\n<b> <q> <d> .\\n')
    >>> for added, line in graph_changes(folder / "old.nt", folder / "new.nt"):
    ...     print("+" if added else "-", line.decode(), end="")
    - <a> <p> "05"^^<i> .
    + <a> <p> "5"^^<i> .
    - <b> <q> <c> .
    + <b> <q> <d> .
    """
    with open(old, "rb") as old_handle, open(new, "rb") as new_handle:
        yield from line_changes(_sorted(old, old_handle), _sorted(new, new_handle))


def line_changes(before: Iterable[bytes], after: Iterable[bytes]) -> Iterator[tuple[bool, bytes]]:
    """(added, line) for each line in one of two sorted runs of N-Triples lines only, in one merge.

    Oxigraph keeps some literals by value (:func:`update_store`): where a
    line with a literal object is removed, the lines kept with a literal
    object and the same subject and predicate follow as added once that
    subject and predicate are passed (lines of one subject and predicate are
    together in a sorted run), since the store may have lost them with it.
    The one rule for a whole graph.nt (:func:`graph_changes`) and for one
    subject's triples (graph/sharded.py).
    """
    before, after = iter(before), iter(after)
    a, b = next(before, None), next(after, None)
    key = b"\0"  # the subject and predicate of the lines at hand, with the space after them
    literals: list[bytes] = []  # the lines kept under ``key`` with a literal object
    lost = False  # whether a line under ``key`` with a literal object was removed
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            line, kind, a = a, _REMOVED, next(before, None)
        else:
            line, kind = b, (_KEPT if a == b else _ADDED)
            if kind is _KEPT:
                a = next(before, None)
            b = next(after, None)
        if not line.startswith(key):
            if lost:
                yield from ((True, again) for again in literals)
            first = line.index(b" ")
            key = line[: line.index(b" ", first + 1) + 1]
            literals, lost = [], False
        literal = line[len(key) : len(key) + 1] == b'"'
        if kind is _REMOVED:
            lost = lost or literal
            yield False, line
        elif kind is _ADDED:
            yield True, line
        elif literal:
            literals.append(line)
    if lost:
        yield from ((True, again) for again in literals)


def _swap_in(staging: Path, target: Path) -> None:
    """Put a finished folder in place of ``target`` (the old one, if any, is removed after)."""
    old = None
    if target.exists():
        old = scratch(target, "old")
        os.replace(target, old)
    os.replace(staging, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def manifest(folder: str | Path) -> dict | None:
    """The manifest of a build folder's store, or None when it has none (or an unreadable one)."""
    try:
        found = json.loads((Path(folder) / STORE / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return found if isinstance(found, dict) and (Path(folder) / STORE / DATABASE).is_dir() else None


def store_of(path: str | Path) -> Path | None:
    """The store that holds the graph of ``path``, if there is a current one.

    ``path`` is a build folder with a store, or one of a build folder's graph
    files, unchanged since its store was written.
    """
    path = Path(path)
    if path.is_dir():
        return path / STORE / DATABASE if manifest(path) is not None else None
    found = manifest(path.parent)
    if found is None or path.name not in found.get("files", {}):
        return None
    try:
        current = stamp(path)
    except OSError:
        return None
    return path.parent / STORE / DATABASE if found["files"][path.name] == current else None


# ---------------------------------------------------------------------------
# Opening a graph source


def graph_file(path: str | Path) -> Path:
    """The graph file of a source: ``path`` itself, or a build folder's ``graph.ttl``."""
    path = Path(path)
    if path.is_dir() and (path / "graph.ttl").is_file():
        return path / "graph.ttl"
    if not path.is_file():
        raise GraphSourceError(f"{path}: no such graph file or build folder")
    return path


def load_file(store, path: Path) -> None:
    """Load a graph file into a store; a dataset's named graphs are also merged into the default graph.

    SPARQL's default graph is then the RDF merge of the release graphs of a
    TriG build, a set of triples (pyoxigraph's union default graph would
    repeat a triple once per graph that holds it).
    """
    fmt = rdf_format(path)
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError) as exc:
        raise GraphSourceError(f"{path}: {exc}") from exc
    if fmt.supports_datasets:
        merge_into_default_graph(store)


def merge_into_default_graph(store) -> None:
    """Copy every triple of a store's named graphs into its default graph."""
    ox = _oxigraph()
    default = ox.DefaultGraph()
    store.bulk_extend(
        ox.Quad(quad.subject, quad.predicate, quad.object, default)
        for quad in store.quads_for_pattern(None, None, None)
        if quad.graph_name != default
    )


def open_graph_store(path: str | Path):
    """A pyoxigraph store of a graph source: a build's own store (read-only), else the file loaded in memory.

    ``path`` is a build folder or a graph file (Turtle, TriG, N-Triples,
    N-Quads, JSON-LD, RDF/XML). A build folder without a store stands for its
    ``graph.ttl``.
    """
    ox = _oxigraph()
    database = store_of(path)
    if database is not None:
        try:
            return ox.Store.read_only(str(database))
        except OSError:
            pass  # a store being replaced this instant, or damaged: read the file instead
    memory = ox.Store()
    load_file(memory, graph_file(path))
    return memory


class StoreGraph:
    """A store's default graph read as an rdflib graph is, by the look-ups of the network views.

    ``subject_objects``, ``subjects``, ``objects`` and ``value`` take and give
    rdflib terms, as rdflib's ``Graph`` does: graph/network.py and
    graph/view.py draw a build from its store without parsing it into an
    rdflib graph, so memory follows what they look up, not the graph. Values
    are as the store keeps them: a literal of a numeric or date type in its
    canonical form, a language tag in lower case (graph/network.py reads
    neither form).

    ``ntriples`` is a file that holds the same triples, a build's graph.nt
    (:func:`build_graph`): what the network reads whole (:meth:`pairs`) is
    parsed from it, three times quicker than the store gives its triples
    (5,000 releases: 0.9 against 2.8 s of CPU).
    """

    def __init__(self, store, ntriples: str | Path | None = None) -> None:
        self.store = store
        self.ntriples = None if ntriples is None else Path(ntriples)
        self._default = _oxigraph().DefaultGraph()
        self._term = converter()

    def _quads(self, subject, predicate, value):
        convert = None if subject is None else to_oxigraph(subject)
        target = None if value is None else to_oxigraph(value)
        return self.store.quads_for_pattern(convert, to_oxigraph(predicate), target, self._default)

    def subject_objects(self, predicate) -> Iterator[tuple]:
        term = self._term
        return ((term(q.subject), term(q.object)) for q in self._quads(None, predicate, None))

    def subjects(self, predicate, value) -> Iterator:
        return (self._term(q.subject) for q in self._quads(None, predicate, value))

    def objects(self, subject, predicate) -> Iterator:
        return (self._term(q.object) for q in self._quads(subject, predicate, None))

    def value(self, subject, predicate):
        """One value of ``predicate`` for ``subject`` (the first the store gives), or None."""
        return next(self.objects(subject, predicate), None)

    def pairs(self, texts: Iterable[str], links: Iterable[str]) -> dict[str, list[tuple[str, str]]]:
        """Predicate IRI -> (subject, object) of its triples, as plain strings (graph/network.py's read).

        ``texts`` are read where their object is a literal (its lexical form),
        ``links`` where it is an IRI; subjects are IRIs. With ``ntriples``, the
        file is read once for all of them (:func:`ntriples_pairs`); else each
        predicate is a scan of the store.
        """
        if self.ntriples is not None:
            return ntriples_pairs(self.ntriples, texts, links)
        ox = _oxigraph()
        iri = ox.NamedNode
        wanted = {p: ox.Literal for p in texts} | {p: iri for p in links}
        found: dict[str, list[tuple[str, str]]] = {p: [] for p in wanted}
        one = _Shared()
        for predicate, kind in wanted.items():
            add = found[predicate].append
            for quad in self.store.quads_for_pattern(None, iri(predicate), None, self._default):
                if type(quad.object) is kind and type(quad.subject) is iri:
                    value = quad.object.value
                    add((one(quad.subject.value), one(value) if kind is iri else value))
        return found


def ntriples_pairs(
    path: str | Path, texts: Iterable[str], links: Iterable[str]
) -> dict[str, list[tuple[str, str]]]:
    """:meth:`StoreGraph.pairs` read from a file of canonical N-Triples (a build's graph.nt), in one pass.

    Lines are split as govkg writes them (``S P O .``, one space apart, IRIs
    percent-encoded, literals escaped as :func:`~govkg.graph.terms.nt_escape`
    does): twice as quick as a parser's terms, and most lines are passed over
    at a glance.

    >>> import tempfile
    >>> path = Path(tempfile.mkdtemp()) / "graph.nt"
    >>> lines = ['<a> <n> "甲 \\\\"乙\\\\""@zh .', "<a> <n> <b> .", '_:x <n> "丙" .', "<a> <k> <b> ."]
    >>> _ = path.write_text("".join(line + "\\n" for line in lines))
    >>> ntriples_pairs(path, ["n"], ["k"])
    {'n': [('a', '甲 "乙"')], 'k': [('a', 'b')]}
    """
    wanted = {f"<{p}>": (p, True) for p in texts} | {f"<{p}>": (p, False) for p in links}
    found: dict[str, list[tuple[str, str]]] = {p: [] for p, _ in wanted.values()}
    one = _Shared()
    with open(path, encoding="utf-8", newline="\n") as handle:
        for line in handle:
            subject, predicate, rest = line.split(" ", 2)
            kind = wanted.get(predicate)
            if kind is None or subject[0] != "<":
                continue
            obj = rest[: rest.rindex(" .")]
            if kind[1]:
                if obj[0] == '"':
                    found[kind[0]].append((one(subject[1:-1]), nt_literal(obj)[0]))
            elif obj[0] == "<":
                found[kind[0]].append((one(subject[1:-1]), one(obj[1:-1])))
    return found


class _Shared(dict):
    """One string for each IRI read (call it on each): a node's IRI is the subject or object of
    many triples, and a class's of millions; each read makes a new string otherwise."""

    def __call__(self, text: str) -> str:
        return self.setdefault(text, text)


def build_graph(path: str | Path) -> StoreGraph:
    """The graph of a build folder (or of a graph file of one) with a current store, as a StoreGraph.

    Its graph.nt is read for the network (:meth:`StoreGraph.pairs`) when the
    store's manifest names it as it is now.
    """
    path = Path(path)
    folder = path if path.is_dir() else path.parent
    ntriples = folder / "graph.nt"
    found = manifest(folder)
    try:
        current = found is not None and found.get("files", {}).get("graph.nt") == stamp(ntriples)
    except OSError:
        current = False
    return StoreGraph(open_graph_store(path), ntriples if current else None)


def read_graph(path: str | Path) -> Graph:
    """A graph source as one rdflib graph, for pyshacl and networkx; the named graphs of a dataset merged.

    A build folder is read from its ``graph.nt`` (the quickest to parse),
    not from its store: Oxigraph keeps the value of a literal of a type derived
    from ``xsd:integer`` (``xsd:nonNegativeInteger``, the evidence offsets) and
    gives it back as ``xsd:integer``, which the SHACL shapes reject.
    """
    from rdflib import Graph

    ox = _oxigraph()
    path = Path(path)
    if path.is_dir() and (path / "graph.nt").is_file():
        path = path / "graph.nt"
    path = graph_file(path)
    fmt = rdf_format(path)
    term = converter()
    graph = Graph()
    add = graph.add
    with path.open("rb") as handle:
        for quad in ox.parse(handle, format=fmt):
            add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return graph
