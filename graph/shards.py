"""The graph as N-Quads shards, one file per release graph: for bulk loaders and for updates.

``OUT/shards/`` holds one N-Quads file per named graph of ``graph.trig`` (a
release's own triples, in the graph named by the release's IRI) and
``default.nq`` for the default graph (the build's provenance, posts, tenures,
aliases). ``index.tsv`` lists each graph, its file and the digest of its
content. A streaming build writes each release's shard straight from its
mapping (:func:`nquads`, :func:`write_shard`, :class:`ShardIndex`; see
graph/incremental.py); :func:`write_shards` makes the same files from a
``graph.trig``, read as a stream. Either way memory does not grow with the
corpus; a shard whose content has not changed since the last build is not
rewritten, and shards of releases no longer built are removed, so after an
update the files that changed are exactly those of the graphs that changed.

A shard is canonical N-Quads: its triples as canonical N-Triples terms
(graph/terms.py), sorted and each once, every line ending in the graph's
name (none in ``default.nq``).

Any RDF store loads them in bulk and in parallel: ``oxigraph load``,
``tdb2.tdbloader --loc DB shards/*.nq`` (Jena), ``IndexBuilderMain -F nq`` (QLever),
``ld_dir('…/shards', '*.nq', …)`` + ``rdf_loader_run()`` (Virtuoso).
"""

from __future__ import annotations

import hashlib
import heapq
import itertools
import operator
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF

from govkg.extract.identity import Corpus, ReleaseKeys
from govkg.extract.records import Extraction
from govkg.graph.folders import atomic_open, atomic_write, scratch, scratch_folder
from govkg.graph.rdf import _Terms, build_triples, corpus_triples, map_release
from govkg.graph.terms import nt_term
from govkg.graph.version import __version__
from govkg.ontology import GOV

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


NTriple = tuple[str, str, str]  # canonical N-Triples terms
# Characters of lines a build's default graph sorts in memory at once (three sorts at a time, in
# phase 3; 200,000 lines, 266 characters on average, held 52 MB a sort).
RUN_CHARS = 8_000_000


class SortedLines:
    """Text lines, sorted and each once, from any number of them in bounded memory.

    Lines are held until ``run`` of them (or ``run_chars`` characters, when
    given) have come, then sorted and spilled to a temporary file in
    ``folder``; iterating merges the runs (and may be done again). Close it
    (or use it as a context manager) to remove the files. Runs are merged
    as they come, ``fan_in`` of the same size at a time (a run of ``fan_in``
    runs is a run of the next size up), so a merge opens a few hundred files
    at most, however large the input (the open-file limit is often 1,024),
    and each line is rewritten once per size.

    >>> with SortedLines(run=2) as lines:
    ...     lines.extend(["c\\n", "a\\n", "b\\n", "a\\n"])
    ...     "".join(lines)
    'a\\nb\\nc\\n'
    """

    def __init__(
        self,
        folder: str | Path | None = None,
        run: int = 200_000,
        run_chars: int | None = None,
        fan_in: int = 64,
    ) -> None:
        if fan_in < 2:
            raise ValueError(f"fan_in must be at least 2, not {fan_in}")
        self.folder = folder
        self.run = run
        self.fan_in = fan_in
        self.run_chars = run_chars
        self.chars = 0
        self.lines: list[str] = []
        self.runs: list[tuple[int, Path]] = []  # (size: 0 for a spill, 1 for fan_in of them..., file)
        self.spilled = 0
        self.spill: Path | None = None

    def add(self, line: str) -> None:
        self.lines.append(line)
        if self.run_chars is not None:
            self.chars += len(line)
            if self.chars >= self.run_chars:
                self._spill()
        if len(self.lines) >= self.run:
            self._spill()

    def extend(self, lines: Iterable[str]) -> None:
        # As add, line by line, but a thousand lines at a time where none of them fills the run.
        lines = iter(lines)
        while chunk := list(itertools.islice(lines, 1024)):
            chars = 0 if self.run_chars is None else sum(map(len, chunk))
            if len(self.lines) + len(chunk) < self.run and (
                self.run_chars is None or self.chars + chars < self.run_chars
            ):
                self.lines += chunk
                self.chars += chars
            else:
                for line in chunk:
                    self.add(line)

    def _spill(self) -> None:
        if self.spill is None:
            self.spill = (
                Path(tempfile.mkdtemp(prefix="govkg-sort-"))
                if self.folder is None
                else scratch_folder(Path(self.folder) / "govkg-sort")
            )
        self.runs.append((0, self._write(_sorted_once(self.lines))))
        self.lines, self.chars = [], 0
        # the runs are in order of size, largest first: merge the last fan_in while they are of one size
        while len(self.runs) >= self.fan_in and len({size for size, _ in self.runs[-self.fan_in :]}) == 1:
            size = self.runs[-1][0]
            group = [path for _, path in self.runs[-self.fan_in :]]
            merged = self._write(_merged(group))
            for path in group:
                path.unlink()
            self.runs[-self.fan_in :] = [(size + 1, merged)]

    def _write(self, lines: Iterable[str]) -> Path:
        assert self.spill is not None
        self.spilled += 1
        path = self.spill / f"{self.spilled}.txt"
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.writelines(lines)
        return path

    def __iter__(self) -> Iterator[str]:
        self.lines = _sorted_once(self.lines)
        return _merged([path for _, path in self.runs], self.lines)

    def close(self) -> None:
        self.lines, self.runs = [], []
        if self.spill is not None:
            shutil.rmtree(self.spill, ignore_errors=True)
            self.spill = None

    def __enter__(self) -> SortedLines:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _sorted_once(lines: list[str]) -> list[str]:
    """``lines`` sorted, each once. Not ``sorted(set(lines))``: a set's order is random, and lines
    that come in sorted runs (a shard's, a unit's) sort several times faster in their own order.

    >>> _sorted_once(["b", "a", "c", "b"])
    ['a', 'b', 'c']
    """
    return list(map(_FIRST, itertools.groupby(sorted(lines))))  # equal lines are next to each other


_FIRST = operator.itemgetter(0)


def _merged(runs: list[Path], lines: Iterable[str] = ()) -> Iterator[str]:
    """The lines of sorted run files (and of sorted ``lines``), merged in order, each once."""
    handles = [path.open(encoding="utf-8", newline="") for path in runs]
    try:
        last = None
        for line in heapq.merge(lines, *handles):
            if line != last:
                yield line
                last = line
    finally:
        for handle in handles:
            handle.close()


def nquads(triples: Iterable[NTriple], graph: str = "") -> bytes:
    """A shard's bytes: the triples (canonical terms) sorted, each once, in the graph ``graph``
    (an N-Triples IRI, ``<…>``; empty for the default graph).

    >>> nquads([("<b>", "<p>", '"x"@zh'), ("<a>", "<p>", "<b>")], "<g>")
    b'<a> <p> <b> <g> .\\n<b> <p> "x"@zh <g> .\\n'
    """
    # Sorting the lines sorts the triples: a term never holds a character below the space that ends it.
    end = f" {graph} .\n" if graph else " .\n"
    return "".join(sorted({f"{s} {p} {o}{end}" for s, p, o in triples})).encode("utf-8")


def _same_file(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def write_shard(folder: str | Path, graph: str, data: bytes) -> tuple[str, bool]:
    """Write one graph's shard into ``folder`` unless it holds those bytes already.

    ``graph`` is the graph's IRI ("" for the default graph). Returns the
    shard's line of ``index.tsv`` and whether the file was written. Files are
    replaced, never written into (a previous build may share them: graph/folders.py).
    """
    folder = Path(folder)
    name = shard_name(graph) if graph else DEFAULT
    written = not _same_file(folder / name, data)
    if written:
        atomic_write(folder / name, data, sync=False)
    return f"{graph}\t{name}\t{hashlib.sha256(data).hexdigest()}\n", written


def write_shard_lines(folder: str | Path, graph: str, lines: Iterable[str]) -> tuple[str, bool]:
    """:func:`write_shard` for a shard of any size, given as its lines in order (streamed to disk)."""
    folder = Path(folder)
    name = shard_name(graph) if graph else DEFAULT
    tmp = scratch(folder / name, "tmp")
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as handle:
            for line in lines:
                data = line.encode("utf-8")
                digest.update(data)
                handle.write(data)
        written = _file_digest(folder / name, tmp.stat().st_size) != digest.digest()
        if written:
            os.replace(tmp, folder / name)
    finally:
        tmp.unlink(missing_ok=True)
    return f"{graph}\t{name}\t{digest.hexdigest()}\n", written


def _file_digest(path: Path, size: int) -> bytes | None:
    """The digest of the file ``path`` if it is ``size`` bytes long (else None: it is not the same
    file, and default.nq, of a hundred megabytes and more, is not read for nothing)."""
    try:
        with path.open("rb") as handle:
            if os.fstat(handle.fileno()).st_size != size:
                return None
            return hashlib.file_digest(handle, "sha256").digest()
    except OSError:
        return None


class ShardIndex:
    """The index of the shards a build writes (``index.tsv``), gathered as they are written.

    :meth:`finish` writes it, sorted by graph, and removes the shards of the
    previous index that this build did not write; both in bounded memory.
    """

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.lines = SortedLines(self.folder)
        self.written = self.unchanged = 0

    def add(self, line: str, written: bool) -> None:
        self.lines.add(line)
        if written:
            self.written += 1
        else:
            self.unchanged += 1

    def finish(self) -> ShardReport:
        removed = 0
        with SortedLines(self.folder) as previous:
            try:
                with (self.folder / INDEX).open(encoding="utf-8", newline="") as handle:
                    next(handle, None)
                    previous.extend(line for line in handle if line.count("\t") == 2)
            except OSError:
                pass
            new = ((line.split("\t", 1)[0], line) for line in self.lines)
            current = next(new, None)
            for line in previous:
                graph, name, _ = line.split("\t")
                while current is not None and current[0] < graph:
                    current = next(new, None)
                if current is None or current[0] != graph:
                    (self.folder / name).unlink(missing_ok=True)
                    removed += 1
        try:
            with atomic_open(self.folder / INDEX, sync=False) as handle:
                handle.write("graph\tfile\tsha256\n")
                handle.writelines(self.lines)
        finally:
            self.lines.close()
        return ShardReport(self.written, self.unchanged, removed)


def index_rows(folder: str | Path) -> list[tuple[str, str, str]]:
    """The rows of a shards folder's ``index.tsv`` in file order: (graph IRI or "", file, sha256).

    A line that is not three tab-separated cells is passed over; a missing
    index raises OSError.
    """
    lines = (Path(folder) / INDEX).read_text(encoding="utf-8").splitlines()[1:]
    return [
        (parts[0], parts[1], parts[2]) for parts in (line.split("\t") for line in lines) if len(parts) == 3
    ]


def _read_index(folder: Path) -> dict[str, tuple[str, str]]:
    try:
        rows = index_rows(folder)
    except OSError:
        return {}
    return {graph: (name, digest) for graph, name, digest in rows}


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
            atomic_write(folder / name, data, sync=False)
            written += 1
    removed = 0
    for graph, (name, _) in previous.items():
        if graph not in index:
            (folder / name).unlink(missing_ok=True)
            removed += 1
    lines = ["graph\tfile\tsha256"] + [f"{g}\t{n}\t{d}" for g, (n, d) in sorted(index.items())]
    atomic_write(folder / INDEX, "\n".join(lines) + "\n", sync=False)
    return ShardReport(written, unchanged, removed)


# ---------------------------------------------------------------------------
# A streaming build's shards, straight from the mapping of each release


@dataclass(frozen=True)
class MappedRelease:
    """What a release's shard gives the build besides its file (kept in the cache: an update whose
    release is unchanged reuses it instead of mapping the release again).

    ``index``: the shard's line of ``index.tsv``; ``default``: its lines of
    the default graph (its holdings' posts and tenures); ``places``: its
    triples about place and organisation nodes, which the corpus's triples may
    repeat (those then stay in the release graph, not in the default one);
    ``stamp``: the shard file's size and modification time once written
    (another build's shard of the same graph in its place has another).
    """

    index: str
    default: tuple[str, ...]
    places: tuple[NTriple, ...]
    stamp: tuple[int, int] = (0, 0)

    def present(self, folder: str | Path) -> bool:
        """Whether ``folder`` holds this shard as it was written (by its size and modification time)."""
        try:
            info = (Path(folder) / self.index.split("\t", 2)[1]).stat()
        except OSError:
            return False
        return (info.st_size, info.st_mtime_ns) == self.stamp


_TYPE = nt_term(RDF.type)
_PLACE_CLASSES = frozenset({nt_term(GOV.Place), nt_term(GOV.Organization)})


class ReleaseShards:
    """Maps releases to their shards in ``folder``, each term's N-Triples form made once per instance
    (make one per batch: memory follows the batch)."""

    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)
        self.terms = _Terms()
        self.forms: dict = {}

    def nt(self, term) -> str:
        text = self.forms.get(term)
        if text is None:
            text = self.forms[term] = nt_term(term)
        return text

    def write(self, extraction: Extraction, keys: ReleaseKeys) -> tuple[MappedRelease, bool]:
        """Map one release with its resolved keys and write its shard; and whether it was written."""
        nt, form = self.nt, self.forms.get  # a form known is taken without a call of nt (most are)
        mapped = map_release(extraction, keys, self.terms)
        own = {(form(s) or nt(s), form(p) or nt(p), form(o) or nt(o)) for s, p, o in mapped.own}
        line, written = write_shard(self.folder, str(mapped.release), nquads(own, nt(mapped.release)))
        places = {s for s, p, o in own if p == _TYPE and o in _PLACE_CLASSES}
        info = (self.folder / line.split("\t", 2)[1]).stat()
        return MappedRelease(
            index=line,
            default=tuple(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in mapped.shared),
            places=tuple(sorted(t for t in own if t[0] in places)),
            stamp=(info.st_size, info.st_mtime_ns),
        ), written


def write_release_shards(
    folder: str | Path, corpus: Corpus, mapped: Iterable[tuple[MappedRelease, bool]]
) -> ShardReport:
    """Write (or update) a build's shards: those of ``mapped`` releases are written
    (:class:`ReleaseShards`, batch by batch, in this process or on Dask workers);
    this indexes them, writes the default graph (cross-release facts and the
    build's provenance) and removes the shards of releases gone, in bounded memory.
    """
    folder = Path(folder)
    index = ShardIndex(folder)
    # The corpus's triples (a post's, a tenure's, an alias's: they grow with the corpus) and the
    # release graphs' place triples are sorted on disk, not held, and the first less the second
    # go to the default graph.
    with (
        SortedLines(folder, run_chars=RUN_CHARS) as default,
        SortedLines(folder, run_chars=RUN_CHARS) as repeated,
        SortedLines(folder, run_chars=RUN_CHARS) as shared,
    ):
        for release, written in mapped:
            index.add(release.index, written)
            default.extend(release.default)
            repeated.extend(f"{s} {p} {o} .\n" for s, p, o in release.places)
        if corpus.releases:
            default.extend(nt_lines(build_triples(corpus, __version__)))
        shared.extend(nt_lines(corpus_triples(corpus)))
        default.extend(_less(iter(shared), iter(repeated)))
        lines = iter(default)
        first = next(lines, None)
        if first is not None:
            index.add(*write_shard_lines(folder, "", itertools.chain([first], lines)))
    return index.finish()


def nt_lines(triples: Iterable[tuple]) -> Iterator[str]:
    """Triples of rdflib terms as N-Triples lines (``S P O .\\n``, canonical terms), each term's text
    made once: the corpus's triples name a place, a post, a predicate many times over.

    >>> from rdflib import Literal, URIRef
    >>> list(nt_lines([(URIRef("a:b"), URIRef("a:p"), Literal("甲", lang="zh"))]))
    ['<a:b> <a:p> "甲"@zh .\\n']
    """
    forms: dict = {}
    form = forms.get
    for triple in triples:
        texts = []
        for term in triple:
            text = form(term)
            if text is None:
                if len(forms) > _FORMS:
                    forms.clear()
                text = forms[term] = nt_term(term)
            texts.append(text)
        yield f"{texts[0]} {texts[1]} {texts[2]} .\n"


# Terms nt_lines keeps the text of: most of a tenure's are written once or twice.
_FORMS = 200_000


def _less(lines: Iterator[str], taken: Iterator[str]) -> Iterator[str]:
    """The sorted ``lines`` that the sorted ``taken`` does not hold.

    >>> list(_less(iter(["a", "b", "d"]), iter(["b", "c"])))
    ['a', 'd']
    """
    other = next(taken, None)
    for line in lines:
        while other is not None and other < line:
            other = next(taken, None)
        if line != other:
            yield line
