"""The graph as N-Quads shards, one file per release graph: for bulk loaders and for updates.

``OUT/shards/`` holds one N-Quads file per named graph of ``graph.trig`` (a
release's own triples, in the graph named by the release's IRI) and
``default.nq`` for the default graph (the build's provenance, posts, tenures,
aliases). ``index.tsv`` lists each graph, its file and the digest of its
content. The shards are read from ``graph.trig`` as a stream, one graph at a
time, so memory does not grow with the corpus; a shard whose content has not
changed since the last build is not rewritten, and shards of releases no
longer built are removed, so after an update the files that changed are
exactly those of the graphs that changed.

Any RDF store loads them in bulk and in parallel: ``oxigraph load``,
``tdb2.tdbloader --loc DB shards/*.nq`` (Jena), ``IndexBuilderMain -F nq`` (QLever),
``ld_dir('…/shards', '*.nq', …)`` + ``rdf_loader_run()`` (Virtuoso).
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

SHARDS = "shards"
INDEX = "index.tsv"
DEFAULT = "default.nq"


@dataclass(frozen=True)
class ShardReport:
    """What a shard update did: files written, files left as they were, files removed."""

    written: int
    unchanged: int
    removed: int


def shard_name(graph: str) -> str:
    """The file of a named graph: a digest of its IRI (release ids may hold any character).

    >>> shard_name("https://w3id.org/govkg/id/release/0000")
    'ce7efa1ae9f1a508.nq'
    """
    return hashlib.sha256(graph.encode("utf-8")).hexdigest()[:16] + ".nq"


def _read_index(folder: Path) -> dict[str, tuple[str, str]]:
    try:
        lines = (folder / INDEX).read_text(encoding="utf-8").splitlines()[1:]
    except OSError:
        return {}
    index = {}
    for line in lines:
        parts = line.split("\t")
        if len(parts) == 3:
            index[parts[0]] = (parts[1], parts[2])
    return index


def _write(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _graphs(trig: Path):
    """(graph IRI or "", N-Quads bytes) per graph of a TriG file, in file order, streamed."""
    import pyoxigraph as ox

    current: str | None = None
    lines: list[str] = []
    with trig.open("rb") as handle:
        for quad in ox.parse(handle, format=ox.RdfFormat.TRIG):
            name = quad.graph_name.value if isinstance(quad.graph_name, ox.NamedNode) else ""
            if name != current:
                if current is not None:
                    yield current, "".join(lines).encode("utf-8")
                current, lines = name, []
            lines.append(f"{quad} .\n")
    if current is not None:
        yield current, "".join(lines).encode("utf-8")


def write_shards(outdir: str | Path, source: str = "graph.trig") -> ShardReport:
    """Write (or update) ``OUT/shards`` from the build's TriG file; see the module doc."""
    outdir = Path(outdir)
    folder = outdir / SHARDS
    folder.mkdir(parents=True, exist_ok=True)
    previous = _read_index(folder)
    index: dict[str, tuple[str, str]] = {}
    written = unchanged = 0
    for graph, data in _graphs(outdir / source):
        name = shard_name(graph) if graph else DEFAULT
        if graph in index:  # a graph given in two parts (govkg writes each once): keep it whole
            data = (folder / name).read_bytes() + data
        digest = hashlib.sha256(data).hexdigest()
        index[graph] = (name, digest)
        if previous.get(graph) == (name, digest) and (folder / name).is_file():
            unchanged += 1
        else:
            _write(folder / name, data)
            written += 1
    removed = 0
    for graph, (name, _) in previous.items():
        if graph not in index:
            (folder / name).unlink(missing_ok=True)
            removed += 1
    lines = ["graph\tfile\tsha256"] + [f"{g}\t{n}\t{d}" for g, (n, d) in sorted(index.items())]
    _write(folder / INDEX, ("\n".join(lines) + "\n").encode("utf-8"))
    return ShardReport(written, unchanged, removed)
