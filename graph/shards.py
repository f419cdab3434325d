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

An update follows the change (:func:`update_release_shards`): a build keeps,
in a folder of its cache, the digest of what each input file's shards are
made from (its records, govkg, its releases' resolved keys), how many
release graphs hold each place triple, the corpus's tenures and aliases, and
the build's own triples. The next build maps only the files whose digest
changed, edits ``index.tsv`` and ``default.nq`` by the lines these files and
the changed tenures, posts, aliases and provenance add or take away (a merge
that copies the rest of ``default.nq`` as it is, :func:`edit_sorted`), and
keeps those lines for the RDF files (graph/sharded.py). The same bytes as
:func:`write_release_shards` from every release.

A shard is canonical N-Quads: its triples as canonical N-Triples terms
(graph/terms.py), sorted and each once, every line ending in the graph's
name (none in ``default.nq``).

Any RDF store loads them in bulk and in parallel: ``oxigraph load``,
``tdb2.tdbloader --loc DB shards/*.nq`` (Jena), ``IndexBuilderMain -F nq`` (QLever),
``ld_dir('…/shards', '*.nq', …)`` + ``rdf_loader_run()`` (Virtuoso).
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import heapq
import itertools
import json
import marshal
import operator
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import RDF
from rdflib.namespace import PROV

from govkg.extract.identity import Corpus, PersonKey, Post, ReleaseKeys, Tenure
from govkg.extract.records import Extraction
from govkg.graph.folders import atomic_open, atomic_write, scratch, scratch_file, scratch_folder
from govkg.graph.iris import corpus_iri, place_iri, release_iri_text
from govkg.graph.rdf import (
    TextTerms,
    _Terms,
    alias_triples,
    build_triples,
    corpus_triples,
    map_release,
    place_triples,
    post_triples,
    tenure_triples,
)
from govkg.graph.terms import nt_iri, nt_term
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
# Characters of lines SortedLines.blocks reads of its runs at a time, shared among them: a run's
# block is this over the number of runs (MERGE_LEAST at least), so that a merge holds about as much
# for a corpus of any size (a block of 1 MB a run held 24 MB, and the lists made of them about as
# much again, for graph.nt's 24 runs at 30,000 releases).
MERGE_CHARS = 8 << 20
MERGE_LEAST = 64 << 10


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

    With ``unique=False`` every line is kept, and ``key`` (then allowed) sorts them as
    :func:`sorted` does. With ``binary``, lines are bytes (``run_chars`` then counts bytes): UTF-8
    sorts as the text does, and runs are spilled and read back without encoding or decoding.
    """

    def __init__(
        self,
        folder: str | Path | None = None,
        run: int = 200_000,
        run_chars: int | None = None,
        fan_in: int = 64,
        key: Callable[[str], Any] | None = None,
        unique: bool = True,
        binary: bool = False,
    ) -> None:
        if fan_in < 2:
            raise ValueError(f"fan_in must be at least 2, not {fan_in}")
        if key is not None and unique:
            raise ValueError("a key sorts lines kept each (unique=False)")
        self.key, self.unique, self.binary = key, unique, binary
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
        self.runs.append((0, self._write(self._sorted(self.lines))))
        self.lines, self.chars = [], 0
        # the runs are in order of size, largest first: merge the last fan_in while they are of one size
        while len(self.runs) >= self.fan_in and len({size for size, _ in self.runs[-self.fan_in :]}) == 1:
            size = self.runs[-1][0]
            group = [path for _, path in self.runs[-self.fan_in :]]
            merged = self._write(_merged(group, key=self.key, unique=self.unique, binary=self.binary))
            for path in group:
                path.unlink()
            self.runs[-self.fan_in :] = [(size + 1, merged)]

    def _write(self, lines: Iterable[str]) -> Path:
        assert self.spill is not None
        self.spilled += 1
        path = self.spill / f"{self.spilled}.txt"
        with path.open("wb") if self.binary else path.open("w", encoding="utf-8", newline="") as handle:
            handle.writelines(lines)
        return path

    def _sorted(self, lines: list[str]) -> list[str]:
        return _sorted_once(lines) if self.unique else sorted(lines, key=self.key)

    def __iter__(self) -> Iterator[str]:
        self.lines = self._sorted(self.lines)
        return _merged([path for _, path in self.runs], self.lines, self.key, self.unique, self.binary)

    def blocks(self, size: int = MERGE_CHARS) -> Iterator[list[str]]:
        """The lines iterating gives, in lists of some thousands (of lines kept each once, without
        ``key``): the runs merged about ``size`` characters at a time, a block of each run (``size``
        over the number of runs, at least :data:`MERGE_LEAST` or ``size``), by one sort of the
        blocks' lines up to the least of their last lines, not a step of a heap a line. Where runs
        were spilled, the lines held are spilled too before the merge: it holds blocks of each,
        not the last run whole (up to ``run_chars``) beside the others' blocks.

        >>> with SortedLines(run=2) as lines:
        ...     lines.extend(["c\\n", "a\\n", "b\\n", "a\\n", "b\\n"])
        ...     list(lines.blocks())
        [['a\\n', 'b\\n'], ['c\\n']]
        """
        if self.key is not None or not self.unique:
            raise ValueError("blocks are of lines sorted as they are, each once")
        if self.runs and self.lines:
            self._spill()
        self.lines = self._sorted(self.lines)
        runs = [path for _, path in self.runs]
        each = max(size // max(len(runs), 1), min(size, MERGE_LEAST))
        return _merged_blocks(runs, self.lines, each, self.binary)

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


def _merged(
    runs: list[Path], lines: Iterable[str] = (), key=None, unique: bool = True, binary: bool = False
) -> Iterator[str]:
    """The lines of sorted run files (and of sorted ``lines``), merged in order (by ``key``), each
    once (with ``unique``); ``binary``: lines of bytes."""
    handles = [_open_run(path, binary) for path in runs]
    try:
        if not unique:
            yield from heapq.merge(lines, *handles, key=key)
            return
        last = None
        for line in heapq.merge(lines, *handles):
            if line != last:
                yield line
                last = line
    finally:
        for handle in handles:
            handle.close()


def _open_run(path: Path, binary: bool):
    return path.open("rb") if binary else path.open(encoding="utf-8", newline="")


def _merged_blocks(runs: list[Path], lines: list, size: int, binary: bool = False) -> Iterator[list]:
    """:func:`_merged` (each line once) in lists: each run read a block of lines at a time, and the
    lines of every block up to the least of the blocks' last lines (no line after it can come before
    them) sorted at once, which merges them in C. A line found in several runs is taken from all of
    them in the same list."""
    handles = [_open_run(path, binary) for path in runs]
    try:
        # each source: [its block, where the block's lines not yet given start, the file or None]
        sources = [[lines, 0, None]] if lines else []
        for handle in handles:
            if block := handle.readlines(size):
                sources.append([block, 0, handle])
        while sources:
            bound = min(block[-1] for block, _, _ in sources)
            pieces = []
            for source in sources:
                block, start, _ = source
                end = len(block) if block[-1] <= bound else bisect.bisect_right(block, bound, start)
                if end > start:
                    pieces.append(block[start:end] if start or end < len(block) else block)
                source[1] = end
            for source in sources:
                if source[1] == len(source[0]):
                    handle = source[2]
                    source[0] = handle.readlines(size) if handle is not None else []
                    source[1] = 0
            sources = [source for source in sources if source[0]]
            found = pieces[0] if len(pieces) == 1 else sorted(itertools.chain.from_iterable(pieces))
            if any(map(operator.eq, found, itertools.islice(found, 1, None))):
                found = list(map(_FIRST, itertools.groupby(found)))
            yield found
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
    return sorted_nquads(sorted(set(triples)), graph)


def sorted_nquads(ordered: Iterable[NTriple], graph: str = "") -> bytes:
    """:func:`nquads` of triples already sorted, each once (their lines are then in order)."""
    end = f" {graph} .\n" if graph else " .\n"
    return "".join([f"{s} {p} {o}{end}" for s, p, o in ordered]).encode("utf-8")


def write_shard(folder: str | Path, graph: str, data: bytes) -> tuple[str, bool, os.stat_result]:
    """Write one graph's shard into ``folder`` (which exists) unless it holds those bytes already.

    ``graph`` is the graph's IRI ("" for the default graph). Returns the
    shard's line of ``index.tsv``, whether the file was written, and the
    file's status as it is now (its size and modification time: what
    :meth:`MappedRelease.present` compares). Files are replaced, never
    written into (a previous build may share them: graph/folders.py); each
    is new under a scratch name and renamed into place without a sync (a
    shard is made again from the cache if lost), in few system calls: a
    build writes one a release. The new file's status is read from its
    handle (a rename changes neither its size nor its modification time).
    """
    name = shard_name(graph) if graph else DEFAULT
    line = f"{graph}\t{name}\t{hashlib.sha256(data).hexdigest()}\n"
    path = os.path.join(folder, name)
    try:
        info = os.stat(path)
        if info.st_size == len(data):
            with open(path, "rb") as handle:
                if handle.read() == data:
                    return line, False, info
    except OSError:
        pass
    fd, tmp = scratch_file(path)
    try:
        with open(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            info = os.fstat(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return line, True, info


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


def line_pieces(path: Path, size: int) -> Iterator[bytes]:
    """A file's bytes in pieces of whole lines, each about ``size`` bytes (one line more at most),
    the last line ended by a newline; a file smaller than ``size`` in one read of its size. The
    default graph's shard of 100,000 releases (394 MB) is read so by the store's loader and by
    co-attendance, never whole.

    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile() as file:
    ...     _ = file.write(b"a b c .\\nd e f .\\ng h i .")
    ...     file.flush()
    ...     list(line_pieces(Path(file.name), 9))
    [b'a b c .\\nd e f .\\n', b'g h i .\\n']
    """
    with path.open("rb") as handle:
        size = min(os.fstat(handle.fileno()).st_size + 1, size)
        while data := handle.read(size):
            if data[-1] != 10:  # b"\n"
                data += handle.readline()
                if data[-1] != 10:
                    data += b"\n"
            yield data


def iter_shards(folder: str | Path) -> Iterator[tuple[str, Path]]:
    """Each shard of a shards folder as (graph name in N-Triples, or "" for the default graph; file),
    in the order of ``index.tsv``, read a line at a time: the shards graph/sharded.py's
    ``shard_files`` lists (``default.nq`` last where the index does not name it), not sorted and
    never held whole. A missing index raises OSError."""
    folder = Path(folder)
    default = False
    with (folder / INDEX).open(encoding="utf-8") as handle:
        next(handle, None)  # the header
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 3:
                continue
            graph, name, _ = parts
            default = default or not graph
            yield (nt_iri(graph) if graph and graph[0] != "<" else graph), folder / name
    if not default and (folder / DEFAULT).is_file():
        yield "", folder / DEFAULT


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

    @property
    def graph(self) -> str:
        """The release graph's name (the first cell of its ``index`` line)."""
        return self.index[: self.index.index("\t")]

    def present(self, folder: str | Path) -> bool:
        """Whether ``folder`` holds this shard as it was written (by its size and modification time)."""
        try:
            info = (Path(folder) / self.index.split("\t", 2)[1]).stat()
        except OSError:
            return False
        return (info.st_size, info.st_mtime_ns) == self.stamp


_TYPE = nt_term(RDF.type)
_PLACE_CLASSES = frozenset({nt_term(GOV.Place), nt_term(GOV.Organization)})


# What is told of each shard a ReleaseShards writes (or finds written): its line of index.tsv, its
# size in bytes and its triples in the order of its lines.
ShardMade = Callable[[str, int, list[NTriple]], object]


class ReleaseShards:
    """Maps releases to their shards in ``folder``, each term's N-Triples form made once per instance
    (make one per batch: memory follows the batch).

    ``made``, when given, is called with each shard's line of ``index.tsv``, its size and its
    triples (:data:`ShardMade`), while they are in hand: what is made of a shard's triples (the
    network's rows, graph/sharded.py's ``shard_rows_maker``) is made without reading it back.
    """

    def __init__(self, folder: str | Path, made: ShardMade | None = None) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.terms = TextTerms()  # literals made as their text: none to convert here
        self.forms: dict = {}
        self.made = made

    def nt(self, term) -> str:
        text = self.forms.get(term)
        if text is None:
            text = self.forms[term] = nt_term(term)
        return text

    def write(self, extraction: Extraction, keys: ReleaseKeys) -> tuple[MappedRelease, bool]:
        """Map one release with its resolved keys and write its shard; and whether it was written."""
        nt, form = self.nt, self.forms.get  # a form known is taken without a call of nt (most are)
        mapped = map_release(extraction, keys, self.terms)
        # an IRI's form looked up (a URIRef hashes as its string); a literal is its form already
        own = {
            (form(s) or nt(s), form(p) or nt(p), o if type(o) is str else form(o) or nt(o))
            for s, p, o in mapped.own
        }
        # the triples in the order of the shard's lines (nquads: terms sort as their lines do)
        ordered = sorted(own)
        data = sorted_nquads(ordered, nt(mapped.release))
        line, written, info = write_shard(self.folder, str(mapped.release), data)
        if self.made is not None:
            self.made(line, len(data), ordered)
        places = {s for s, p, o in own if p == _TYPE and o in _PLACE_CLASSES}
        return MappedRelease(
            index=line,
            default=tuple(f"{nt(s)} {nt(p)} {nt(o)} .\n" for s, p, o in mapped.shared),
            places=tuple(sorted(t for t in own if t[0] in places)),
            stamp=(info.st_size, info.st_mtime_ns),
        ), written


def write_release_shards(
    folder: str | Path,
    corpus: Corpus,
    mapped: Iterable[tuple[MappedRelease, bool]],
    state: str | Path | None = None,
    sources: Mapping[str, str] | None = None,
) -> ShardReport:
    """Write (or update) a build's shards: those of ``mapped`` releases are written
    (:class:`ReleaseShards`, batch by batch, in this process or on Dask workers);
    this indexes them, writes the default graph (cross-release facts and the
    build's provenance) and removes the shards of releases gone, in bounded memory.

    With ``state`` (a folder of the build's cache), what an update needs to
    follow the change is kept there (:class:`KeptShards`): ``sources``, each
    input file's key and the digest of what its shards are made from, the
    place triples of the release graphs with how many releases hold each,
    the corpus's triples and the build's (see :func:`update_release_shards`).
    """
    folder = Path(folder)
    if state is not None:
        state = Path(state)
        state.mkdir(parents=True, exist_ok=True)
        (state / _STAMPS).unlink(missing_ok=True)  # until it describes the new files
    index = ShardIndex(folder)
    build = build_lines(corpus)
    # The corpus's triples (a post's, a tenure's, an alias's: they grow with the corpus) and the
    # release graphs' place triples are sorted on disk, not held, and the first less the second
    # go to the default graph.
    with contextlib.ExitStack() as stack:
        default = stack.enter_context(SortedLines(folder, run_chars=RUN_CHARS))
        repeated = stack.enter_context(SortedLines(folder, run_chars=RUN_CHARS))
        shared = stack.enter_context(SortedLines(folder, run_chars=RUN_CHARS))
        for release, written in mapped:
            index.add(release.index, written)
            default.extend(release.default)
            # each release's once: counted below
            repeated.extend(f"{s} {p} {o} .\t{release.graph}\n" for s, p, o in release.places)
        default.extend(build)
        shared.extend(nt_lines(corpus_triples(corpus)))
        places_out = None
        if state is not None:
            places_out = stack.enter_context(atomic_open(state / _PLACES, sync=False))
            _keep_corpus(state, map(_tenure_row, corpus.tenures), _alias_lines(corpus, _Terms()))
        default.extend(_less(iter(shared), _counted(iter(repeated), places_out)))
        lines = iter(default)
        first = next(lines, None)
        if first is not None:
            index.add(*write_shard_lines(folder, "", itertools.chain([first], lines)))
    report = index.finish()
    if state is not None:
        _keep_state(state, folder, sources or {}, build, None)
    return report


def _counted(tagged: Iterator[str], out) -> Iterator[str]:
    """The triples of sorted lines ``TRIPLE<tab>TAG``, each once; with ``out``, each written there
    with the number of its tags (``TRIPLE<tab>N``)."""
    for triple, group in itertools.groupby(tagged, key=lambda line: line[: line.rindex("\t")]):
        count = sum(1 for _ in group)
        if out is not None:
            out.write(f"{triple}\t{count}\n")
        yield triple + "\n"


# ---------------------------------------------------------------------------
# An update of the shards that follows the change

SHARDS_STATE = "shards"  # the state's folder in a build's cache folder (graph/incremental.py)
_SOURCES, _PLACES, _BUILD = "sources.tsv", "places.tsv", "build.nt"
_TENURES, _ALIASES = "tenures.marshal", "aliases.nt"  # the corpus's tenures (as rows) and aliases' lines
_STAMPS = "files.json"  # written last: the state counts only when it names the files as they are
# The lines the last update took out of default.nq and put in (graph/sharded.py reads them)
DEFAULT_REMOVED, DEFAULT_ADDED = "default-removed.nt", "default-added.nt"
_STATE_FORMAT = 1


class Unkept(Exception):
    """What an update would follow is not what the state keeps: the shards are written whole."""


def _stamp(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_size, info.st_mtime_ns]


@dataclass(frozen=True)
class KeptShards:
    """What a build's shards folder was made from (:func:`write_release_shards`'s ``state``), when
    the state describes the folder as it is (its index's and default graph's size and time):
    ``sources``, each input file's key -> the digest of what its shards are made from."""

    state: Path
    folder: Path
    sources: dict[str, str]
    default_digest: str

    @classmethod
    def of(cls, state: str | Path, folder: str | Path) -> KeptShards | None:
        state, folder = Path(state), Path(folder)
        try:
            found = json.loads((state / _STAMPS).read_text(encoding="utf-8"))
            stamps = {name: _stamp(folder / name) for name in (INDEX, DEFAULT)}
            if found.get("format") != _STATE_FORMAT or found.get("files") != stamps:
                return None
            with (state / _SOURCES).open(encoding="utf-8", newline="") as handle:
                sources = dict(line[:-1].split("\t") for line in handle)
            default = _read_index(folder).get("", ("", ""))[1]
        except (OSError, ValueError):
            return None
        if not default or not all((state / name).is_file() for name in (_PLACES, _TENURES, _ALIASES, _BUILD)):
            return None
        return cls(state, folder, sources, default)


def _keep_state(
    state: Path, folder: Path, sources: Mapping[str, str], build: list[str], change: dict | None
) -> None:
    atomic_write(state / _SOURCES, "".join(f"{key}\t{sources[key]}\n" for key in sorted(sources)), sync=False)
    atomic_write(state / _BUILD, "".join(build), sync=False)
    if change is None:
        for name in (DEFAULT_REMOVED, DEFAULT_ADDED):
            (state / name).unlink(missing_ok=True)
    found = {
        "format": _STATE_FORMAT,
        "files": {name: _stamp(folder / name) for name in (INDEX, DEFAULT) if (folder / name).is_file()},
    }
    if change is not None:
        found["default"] = change
    atomic_write(state / _STAMPS, json.dumps(found, indent=1, sort_keys=True) + "\n", sync=False)


def default_change(state: str | Path, before: str, after: str) -> tuple[Path, Path] | None:
    """The files of the lines the last update took out of default.nq and put in, when it made the
    shard of digest ``after`` from that of digest ``before`` (else None)."""
    try:
        found = json.loads((Path(state) / _STAMPS).read_text(encoding="utf-8")).get("default")
    except (OSError, ValueError):
        return None
    if found != {"from": before, "to": after}:
        return None
    paths = (Path(state) / DEFAULT_REMOVED, Path(state) / DEFAULT_ADDED)
    return paths if all(path.is_file() for path in paths) else None


def default_edit(state: str | Path, after: str) -> tuple[str, Path, Path] | None:
    """The digest default.nq had before the last update made it the shard of digest ``after``, and
    the files of the lines that update took out and put in (:func:`default_change`); None when the
    state does not say."""
    try:
        found = json.loads((Path(state) / _STAMPS).read_text(encoding="utf-8")).get("default")
    except (OSError, ValueError):
        return None
    if not isinstance(found, dict) or found.get("to") != after or not isinstance(found.get("from"), str):
        return None
    paths = default_change(state, found["from"], after)
    return (found["from"], *paths) if paths is not None else None


def update_release_shards(
    kept: KeptShards,
    corpus: Corpus,
    mapped: Iterable[tuple[MappedRelease, bool]],
    before: Iterable[MappedRelease],
    sources: Mapping[str, str],
) -> ShardReport:
    """:func:`write_release_shards` from what the previous build kept (``kept``, whose folder is
    updated): ``mapped`` are the releases of the files that changed, ``before`` what the previous
    build had mapped of those files and of the files gone. Only their lines of ``index.tsv`` and of
    the default graph change, and what changed in the corpus's triples and the build's: default.nq
    is edited by a merge of those lines, its unchanged text copied as it is (:func:`edit_sorted`),
    not sorted again. Raises :class:`Unkept` when a release's lines of the default graph do not name
    its own nodes (then two releases might share one, and only the whole sort knows).
    """
    if not corpus.releases:
        raise Unkept("no release")
    folder, state = kept.folder, kept.state
    fresh = list(mapped)
    before = list(before)
    for release in (*before, *(release for release, _ in fresh)):
        own = (f"<{release.graph}/", f"<{release.graph}#")
        if not all(own[0] in line or own[1] in line for line in release.default):
            raise Unkept(release.graph)
    counts, kept_build, kept_tenures, kept_aliases = _read_kept(state)
    (state / _STAMPS).unlink(missing_ok=True)  # until it describes the new files
    # index.tsv: the lines of the releases mapped again in place of those they had
    lines = {release.graph: release.index for release, _ in fresh}
    gone = {}
    for release in before:
        graph, name, _ = release.index.split("\t")
        if graph not in lines:
            gone[graph] = name
    index = []
    with (folder / INDEX).open(encoding="utf-8", newline="") as handle:
        next(handle, None)
        for line in handle:
            graph = line[: line.index("\t")]
            if graph and graph not in lines and graph not in gone:
                index.append(line)
    index += lines.values()
    # the place triples the release graphs hold, each with how many releases: those no release
    # holds any more, and those a release holds now, may leave or join the default graph
    edits: set[str] = set()
    for releases, step in ((before, -1), ([release for release, _ in fresh], 1)):
        for release in releases:
            for s, p, o in release.places:
                line = f"{s} {p} {o} .\n"
                count = counts.get(line, 0) + step
                if count < 0:
                    raise Unkept(line)
                counts[line] = count
                if count == (1 if step > 0 else 0):
                    edits.add(line)
    # the lines of the releases' own (their holdings' posts and tenures), the build's, the corpus's
    own = {line for release, _ in fresh for line in release.default}
    edits.update(line for release in before for line in release.default)
    edits.update(own)
    build = build_lines(corpus)
    edits.update(kept_build ^ set(build))
    corpus_has = _corpus_change(state, corpus, edits, kept_tenures, kept_aliases)
    build_set = set(build)
    wanted = [
        (line, line in own or line in build_set or (not counts.get(line) and corpus_has(line)))
        for line in sorted(edits)
    ]
    atomic_write(
        state / _PLACES,
        "".join(f"{line[:-1]}\t{count}\n" for line, count in sorted(counts.items()) if count),
        sync=False,
    )
    digest = kept.default_digest
    changed = edit_sorted(folder / DEFAULT, wanted, state / DEFAULT_REMOVED, state / DEFAULT_ADDED)
    if changed is not None:
        digest = changed
    index.append(f"\t{DEFAULT}\t{digest}\n")
    index.sort()
    with atomic_open(folder / INDEX, sync=False) as handle:
        handle.write("graph\tfile\tsha256\n")
        handle.writelines(index)
    for name in gone.values():
        (folder / name).unlink(missing_ok=True)
    written = sum(1 for _, was in fresh if was) + (changed is not None)
    _keep_state(
        state, folder, sources, build, {"from": kept.default_digest, "to": digest} if changed else None
    )
    return ShardReport(written, len(index) - written, len(gone))


_TENURE_ROW = 7  # the fields of a tenure's row


def _tenure_row(tenure: Tenure) -> tuple:
    person, post = tenure.person, tenure.post
    return (person.name, person.place, person.release, post.place, post.office, tenure.first, tenure.last)


def _tenure_node(tenure: Tenure) -> tuple[str, str, str]:
    """What a tenure's node (graph/iris.py's ``tenure_iri``) is made from: two tenures of one node
    share its lines."""
    return str(tenure.person), tenure.post.place, tenure.post.office


def _tenure(row: tuple) -> Tenure:
    return Tenure(PersonKey(*row[:3]), Post(*row[3:5]), *row[5:])


def _alias_lines(corpus: Corpus, terms: _Terms) -> set[str]:
    """The lines of the corpus's aliases (:func:`~govkg.graph.rdf.alias_triples`)."""
    return set(nt_lines(triple for alias in corpus.same_as for triple in alias_triples(alias, terms)))


def _keep_corpus(state: Path, rows: Iterable[tuple], aliases: set[str]) -> None:
    """The corpus's tenures (:func:`_tenure_row`) and aliases' lines, kept for :func:`_corpus_change`."""
    rows = tuple(sorted(rows))  # named: marshal marks an object held twice, the file kept its bytes
    atomic_write(state / _TENURES, marshal.dumps(rows), sync=False)
    atomic_write(state / _ALIASES, "".join(sorted(aliases)), sync=False)


def _read_kept(state: Path) -> tuple[dict[str, int], set[str], set[tuple], set[str]]:
    """What an update reads of the state: the place triples' lines with how many releases hold each,
    the build's lines, the corpus's tenure rows and aliases' lines. Raises :class:`Unkept` (the
    shards are then written whole) when a file of it cannot be read as one a build wrote."""
    try:
        counts: dict[str, int] = {}
        with (state / _PLACES).open(encoding="utf-8", newline="") as handle:
            for line in handle:
                cut = line.rindex("\t")
                counts[line[:cut] + "\n"] = int(line[cut + 1 :])
        with (state / _BUILD).open(encoding="utf-8", newline="") as handle:
            build = set(handle)
        tenures = set(marshal.loads((state / _TENURES).read_bytes()))
        if not all(isinstance(row, tuple) and len(row) == _TENURE_ROW for row in tenures):
            raise ValueError("not tenure rows")
        with (state / _ALIASES).open(encoding="utf-8", newline="") as handle:
            aliases = set(handle)
    except (OSError, ValueError, EOFError, TypeError) as error:
        raise Unkept(f"the shards' state in {state}: {error}") from error
    return counts, build, tenures, aliases


def _corpus_change(
    state: Path, corpus: Corpus, edits: set[str], before: set[tuple], kept_aliases: set[str]
) -> Callable[[str], bool]:
    """Add to ``edits`` the lines of the corpus's triples (:func:`~govkg.graph.rdf.corpus_triples`)
    that the tenures, posts and aliases changed since the state's may have added or taken away,
    keep the new ones in ``state``, and return whether a line of ``edits`` is one of the corpus's
    now: only the changed tenures and posts are written as triples, not the whole corpus.
    ``before`` and ``kept_aliases`` are the state's rows and lines (:func:`_read_kept`)."""
    terms = _Terms()
    # read from the identity state once, not once a pass (four passes: 0.48 s of CPU at 30,000
    # releases, 37,097 tenures); ``now`` holds every one of them already, by its row
    now = {_tenure_row(tenure): tenure for tenure in corpus.tenures}
    changed = [_tenure(row) for row in before - now.keys()] + [now[row] for row in now.keys() - before]
    # posts as the rows' (place, office) cells, a Post made only of those that came or went
    posts = {row[3:5] for row in now}
    places = {post[0] for post in posts}
    held: set[str] = set()  # lines of the corpus now that a changed tenure or post may share
    nodes = {_tenure_node(tenure) for tenure in changed}
    # a tenure of a changed node has its name and post: only those are asked their node
    near = {(tenure.person.name, tenure.post.place, tenure.post.office) for tenure in changed}
    for row, tenure in now.items():
        if (row[0], row[3], row[4]) in near and _tenure_node(tenure) in nodes:
            held.update(nt_lines(tenure_triples(tenure, terms)))
    for tenure in changed:
        edits.update(nt_lines(tenure_triples(tenure, terms)))
    for cells in sorted(posts ^ {row[3:5] for row in before}):
        lines = list(nt_lines(post_triples(Post(*cells), terms)))
        edits.update(lines)
        if cells in posts:
            held.update(lines)
    aliases = _alias_lines(corpus, terms)
    edits.update(aliases ^ kept_aliases)
    # a place's lines are the corpus's while a post is of that place (or an alias names it)
    place_of = {nt_term(place_iri(place)): place for place in places}

    def has(line: str) -> bool:
        if line in held or line in aliases:
            return True
        place = place_of.get(line[: line.index(" ")])
        return place is not None and line in set(nt_lines(place_triples(place, terms)))

    _keep_corpus(state, now, aliases)  # its rows, each once: the state is read as a set
    return has


def edit_sorted(
    path: Path, wanted: list[tuple[str, bool]], removed_out: Path, added_out: Path, block: int = 1 << 20
) -> str | None:
    """Make the file ``path`` of sorted lines (each once) hold each line of ``wanted`` or not, as
    each says (lines in order, each ending in a newline): its other lines are copied as they are,
    a block at a time, and only around those lines is it read line by line (each found by bisecting
    its block). The new file replaces ``path`` (a previous build may share the old one: graph/folders.py);
    the lines taken out and put in are written to ``removed_out`` and ``added_out``. Returns the
    new file's SHA-256, or None when nothing changed (then nothing is written).
    """
    digest = hashlib.sha256()
    removed, added = [], []
    tmp = scratch(path, "tmp")
    try:
        with path.open("rb") as old, tmp.open("wb") as new:

            def put(data: bytes) -> None:
                if data:
                    digest.update(data)
                    new.write(data)

            data, at = b"", 0
            for text, keep in wanted:
                line = text.encode("utf-8")
                while True:
                    if at == len(data):  # the next block of whole lines
                        data, at = old.read(block), 0
                        if data and data[-1] != 10:
                            data += old.readline()
                        if not data:
                            break
                    last = data.rfind(b"\n", 0, len(data) - 1) + 1
                    if data[last:] >= line:
                        break
                    put(data[at:])  # every line of the block comes before it
                    at = len(data)
                if not data:
                    found = 0
                elif data[at : data.index(b"\n", at) + 1] >= line:  # where the last one was (runs)
                    found = at
                else:
                    found = _line_at_least(data, at, line)
                put(data[at:found])
                at = found
                there = bool(data) and data.startswith(line, at)
                if there and not keep:
                    removed.append(line)
                    at += len(line)
                elif keep and not there:
                    added.append(line)
                    put(line)
            put(data[at:])
            while chunk := old.read(block):
                put(chunk)
        if not removed and not added:
            return None
        atomic_write(removed_out, b"".join(removed), sync=False)
        atomic_write(added_out, b"".join(added), sync=False)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return digest.hexdigest()


def _line_at_least(data: bytes, low: int, line: bytes) -> int:
    """Where, in ``data`` (whole sorted lines) from ``low`` (a line's start), the first line not
    before ``line`` starts (``len(data)`` if none): by bisecting the bytes.

    >>> _line_at_least(b"a\\nc\\ne\\n", 0, b"d\\n")
    4
    """
    high = len(data)
    while low < high:
        middle = (low + high) // 2
        start = data.rfind(b"\n", low, middle) + 1 or low  # a line's start, not before low
        end = data.index(b"\n", start) + 1
        if data[start:end] < line:
            low = end
        else:
            high = start
    return low


def build_lines(corpus: Corpus) -> list[str]:
    """The build's triples (:func:`~govkg.graph.rdf.build_triples`) as sorted N-Triples lines, each
    once; none for a corpus without releases. The line naming each release a member of the corpus
    is formatted from its id, no term made for it: the same text, in a quarter of the CPU (at
    100,000 releases, 0.45 -> 0.12 s), which an update spent on every release it kept."""
    if not corpus.releases:
        return []
    lines = set(nt_lines(build_triples(corpus, __version__, members=False)))
    member = f"{nt_term(corpus_iri())} {nt_term(PROV.hadMember)} "
    lines.update(f"{member}{nt_iri(release_iri_text(rid))} .\n" for rid in corpus.releases)
    return sorted(lines)


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
