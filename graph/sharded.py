"""A build's graph files and store written from its N-Quads shards, in memory bounded by a batch.

:func:`write_from_shards` is what a build calls once its shards are written:
the four RDF files (:func:`write_rdf_files`), the store bulk-loaded from
``graph.nt`` (graph/store.py), the network views drawn from the store
(:func:`write_network_files`), and, asked, the store's page index
(graph/indexing.py), written while a pool's worker writes the views' GEXF
and GraphML. ``identity.tsv`` is not among them: it is the resolved
corpus's report (graph/outputs.py).

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

An update need not do all that again. A build keeps, in a folder of its
cache, every tagged triple in sorted order, a line a subject, with the length
in bytes of the subject's text in each file (and each release graph's in
``graph.trig``). The next build sorts only the triples of the shards whose
digest changed, merges them into the kept ones less those of these shards,
and copies the text of each subject whose tagged triples are unchanged (of
each release graph whose shard is unchanged) from the previous files, in
runs and in the kernel (``os.copy_file_range``): only what changed is
formatted again. Which subjects changed is known without reading every line
of triples.tsv in Python: those of the changed shards' triples, read from the
previous build's shards (small, but for ``default.nq``, which grows with the
corpus and changes a little at every update: its lines removed and added are
those the update of the shards wrote, graph/shards.py's ``edit_sorted``, else
found by one merge of its two versions), and the runs of lines between them
are copied as blocks, their lengths summed by one regular expression a block.
The files are the same bytes either way; a state that does not describe the
previous files (their size and time) is not used.

Memory is one run of sorted triples (and one release's shard), whatever the
size of the corpus. A triple is text throughout: its terms are canonical
N-Triples (graph/terms.py), which sort as the triples do, and hold no tab, so
a tab separates a triple from its tag.

The network views (``graph.html``, ``graph.gexf``, ``graph.graphml``) are
drawn from tables on disk (graph/tables.py): each shard's network rows, kept
in the build's cache by the shard's digest (an update reads again only the
shards that changed), sorted and reduced node by node and edge by edge, so
that neither the graph nor the network is held whole (:func:`write_network_files`).

The mapping makes no blank nodes. Should shards hold some, their labels must
be made from the structure of the whole graph (``rdflib.compare``), as the
in-memory writers do: such shards are read into one graph and written by
those writers (memory then grows with the graph).
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import heapq
import json
import os
import re
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from dataclasses import dataclass
from functools import partial
from itertools import groupby, islice, repeat
from operator import add, eq, itemgetter, lt
from pathlib import Path
from typing import BinaryIO

from rdflib import URIRef

from govkg.extract.identity import collector_paused, give_back_memory
from govkg.graph.build import BuildResult
from govkg.graph.folders import scratch, scratch_folder
from govkg.graph.indexing import write_page_index
from govkg.graph.interrupts import retire_workers, stop_workers, worker_pool
from govkg.graph.iris import forget_parts
from govkg.graph.layout import LayoutMemo
from govkg.graph.outputs import (
    JSONLD_SEPARATOR,
    JSONLD_TAIL,
    WRITERS,
    SharedWork,
    SubjectTexts,
    _JsonTerms,
    _Names,
    atomic_open,
    atomic_write,
    jsonld_context,
    jsonld_head,
    named_graph_head,
    prefix_lines,
    turtle_text,
)
from govkg.graph.page_index import INDEX as PAGE_INDEX
from govkg.graph.rdf import new_graph
from govkg.graph.shards import (
    DEFAULT,
    INDEX,
    SHARDS,
    SHARDS_STATE,
    ShardMade,
    SortedLines,
    default_change,
    default_edit,
    index_rows,
    line_pieces,
)
from govkg.graph.splice import Splice, Stale
from govkg.graph.store import (
    DATABASE,
    LOAD_BYTES,
    STORE,
    Changes,
    line_changes,
    load_ntriples,
    manifest,
    previous_store,
    put_store,
    read_graph,
    restamp_store,
    stamp,
    store_staging,
    write_store,
)
from govkg.graph.tables import (
    EXPORTS_STATE,
    ROWS_FORMAT,
    STREAMED_BYTES,
    TABLES_STATE,
    UNIT_ROWS,
    RowsFile,
    Tables,
    exports,
    graph_rows,
    kept_sizes,
    kept_tables,
    network_tables,
    pairs_of_terms,
    pairs_of_triples,
    rankings,
    streamed_rows,
    unit_rows,
    updated_streamed_rows,
    write_exports,
    write_spliced_exports,
)
from govkg.graph.terms import converter, nt_term
from govkg.graph.view import tables_html
from govkg.ontology import PREFIXES

RDF_FILES = ("graph.nt", "graph.ttl", "graph.trig", "graph.jsonld")
NETWORK_FILES = ("graph.html", "graph.gexf", "graph.graphml")
# Characters of triples sorted in memory at once: about 100-150 MB of Python strings.
RUN_CHARS = 40_000_000
# Bytes each of the RDF files (and triples.tsv) is written in: 8 KB, the default, made a system
# call of most subjects' text.
WRITE_BUFFER = 1 << 20
# Prefixed names a writer of the files keeps, of the IRIs it has shortened (graph/outputs.py's
# caches): most IRIs (a person's, an event's) are written in one or two subjects, so a cache of
# every IRI grew with the corpus (2.3 million of them, about 0.9 GB, at 100,000 releases).
CACHED_NAMES = 50_000
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
    return [(graph, folder / name) for graph, name in shard_names(folder)]


def shard_names(folder: Path, rows: list[tuple[str, str, str]] | None = None) -> list[tuple[str, str]]:
    """:func:`shard_files` with each file's name alone (``rows``: the index's, when read)."""
    if rows is None:
        try:
            rows = index_rows(folder)
        except OSError as exc:
            raise ShardError(f"{folder}: no shard index {INDEX} ({exc.strerror})") from exc
    found = []
    for graph, name, _ in rows:
        if graph and graph[0] != "<":
            graph = nt_term(URIRef(graph))
        found.append((graph, name))
    if not any(graph == "" for graph, _ in found) and (folder / DEFAULT).is_file():
        found.append(("", DEFAULT))
    return sorted(found)


def shard_triples(path: Path, graph: str) -> Iterator[str]:
    """The triples of one shard as text (``S P O``, canonical terms), in file order.

    Every line must end in the shard's graph name (``graph``, in N-Triples),
    or, in the default graph's shard, in `` .`` alone.
    """
    for _, lines in _shard_blocks(path, graph):
        yield from lines


def _shard_blocks(path: Path, graph: str, binary: bool = False) -> Iterator[tuple[str, list[str]]]:
    """:func:`shard_triples` a block of lines at a time: each block's text and its triples (with
    ``binary``, its bytes and theirs, not decoded)."""
    end = f" {graph} .\n" if graph else " .\n"
    newline = "\n"
    if binary:
        end, newline = end.encode("utf-8"), b"\n"
    cut = len(end)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise ShardError(f"{path}: {exc.strerror}") from exc
    number = 0  # lines read
    with handle:
        # a block of whole lines (default.nq grows with the corpus); a release's shard at once, read
        # into a buffer of its size (not one of a block's, made and shrunk for each of 30,000 files)
        block = min(os.fstat(handle.fileno()).st_size + 1, 1 << 20)
        while data := handle.read(block):
            if data[-1] != 10:  # b"\n"
                data += handle.readline()
                if data[-1] != 10:  # the last line, without its newline
                    data += b"\n"
            text = data if binary else data.decode("utf-8")
            # Each newline ends a line that ends in ``end`` (a term's text holds none): the lines at once.
            if text.count(end) == text.count(newline):
                lines = text.split(end)
                lines.pop()
                number += len(lines)
                yield text, lines
                continue
            found = []
            for line in text.split(newline)[:-1]:
                number += 1
                if line.endswith(end[:-1]):
                    found.append(line[: 1 - cut])
                elif line.strip():
                    raise ShardError(f"{path}:{number}: not a triple of the graph {graph or '(default)'}")
            yield text, found


def _has_blank_node(triple: str) -> bool:
    if triple[0] == "_":
        return True
    if " _:" not in triple:
        return False
    return triple.split(" ", 2)[2][0] == "_"


class _BlankNodes(Exception):
    """Shards hold blank nodes: their labels need the whole graph."""


def _tagged(shards: list[tuple[str, Path]], binary: bool = False) -> Iterator[str]:
    """Each triple of the shards as a record ``S P O<tab>FILE``, FILE the shard's file name
    (``default.nq`` for the default graph): what tells a triple of no release graph, and what
    an update removes the triples of a changed shard by. With ``binary``, records of bytes (UTF-8:
    they sort as the text does), the shards' bytes never decoded."""
    for graph, path in shards:
        tag = f"\t{path.name if graph else DEFAULT}\n"
        blank = "_:"
        if binary:
            tag, blank = tag.encode("utf-8"), b"_:"
        for text, lines in _shard_blocks(path, graph, binary):
            if blank in text and any(_has_blank_node(_text(triple)) for triple in lines):
                raise _BlankNodes
            yield from map(add, lines, repeat(tag))


def _text(line: str | bytes) -> str:
    return line.decode("utf-8") if isinstance(line, bytes) else line


_DEFAULT_TAG = f"\t{DEFAULT}"
_DEFAULT_TAG_BYTES = _DEFAULT_TAG.encode("ascii")
# A subject's line in triples.tsv (the state, below): its records joined by _RS,
# then _LS and the lengths of its text in graph.nt, .ttl, .trig and .jsonld.
# Canonical N-Triples escape every control character: no triple holds either.
_RS, _LS = "\x1f", "\x1e"
_TAGS = re.compile(b"\t([^\t\x1f\x1e]*)[\x1f\x1e]")
_LS_BYTES, _RS_BYTES = _LS.encode("ascii"), _RS.encode("ascii")


def _distinct(records: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """Each triple of sorted tagged records once, with whether it is in the default graph alone."""
    last = None
    default = named = False
    for record in records:
        triple = record[: record.rindex("\t")]
        if triple != last:
            if last is not None:
                yield last, default and not named
            last, default, named = triple, False, False
        if record.endswith(_DEFAULT_TAG):
            default = True
        else:
            named = True
    if last is not None:
        yield last, default and not named


def _subject(record: str) -> str:
    return record[: record.index(" ")]


def _groups(records: Iterable[str]) -> Iterator[tuple[str, list[str]]]:
    """Sorted tagged lines in runs of one subject (a subject's triples are together), as records
    without their newline."""
    for subject, group in groupby(records, key=_subject):
        yield subject, [record[:-1] for record in group]


def _subject_lines(lines: Iterator[str], chunk: int = 4096) -> Iterator[tuple[str, list[str]]]:
    """Sorted tagged lines in runs of one subject, newlines and all, taken ``chunk`` at a time."""
    return _subject_runs(iter(lambda: list(islice(lines, chunk)), []), " ")


def _subject_runs(blocks: Iterable[list], space: str | bytes) -> Iterator[tuple]:
    """:func:`_subject_lines` of sorted tagged lines given in lists (``SortedLines.blocks``), of
    text or of bytes (``space`` of the same kind): each run's subject is found by one comprehension
    a list, not a call a line."""
    held: tuple | None = None  # the last run, which the next list may go on with
    for block in blocks:
        start = 0
        for subject, run in groupby([line[: line.index(space)] for line in block]):
            end = start + len(list(run))
            if held is not None:
                if held[0] == subject:
                    held[1].extend(block[start:end])
                    start = end
                    continue
                yield held
            held = (subject, block[start:end])
            start = end
    if held is not None:
        yield held


_SEPARATOR = JSONLD_SEPARATOR.encode("utf-8")


class _Union:
    """graph.nt, graph.ttl and graph.jsonld whole, and graph.trig up to its release graphs, one
    subject at a time: its text made from its records, or copied from the previous files."""

    def __init__(self, files: dict[str, Splice], parts: _GraphParts | None = None) -> None:
        self.parts = parts
        self.names = _Names(PREFIXES)
        context = jsonld_context()
        self.terms = _JsonTerms(context)
        self.texts = SubjectTexts(self.names, self.terms)
        self.nt, self.ttl = files["graph.nt"], files["graph.ttl"]
        self.trig, self.jsonld = files["graph.trig"], files["graph.jsonld"]
        heads = (prefix_lines(PREFIXES), prefix_lines(PREFIXES), jsonld_head(context))
        self.heads = tuple(text.encode("utf-8") for text in heads)
        self.separator = b""  # before the next node of graph.jsonld
        self.old_separator = b""  # before the next node of the previous graph.jsonld

    def head(self, previous: bool) -> None:
        for file, data in zip((self.ttl, self.trig, self.jsonld), self.heads, strict=True):
            if previous:
                file.skip(len(data))
            file.write(data)
        if self.parts is not None:
            self.parts.at = len(self.heads[0])

    def subject(self, subject: str, records: list[str], joined: str) -> tuple[int, int, int, int]:
        """Write one subject's text from its records (and them joined by _RS); returns its length in
        bytes in graph.nt, .ttl, .trig and .jsonld."""
        triples = [record[: record.index("\t")] for record in records]
        default = None  # its triples in no release graph (the default graph of graph.trig): most have none
        if _DEFAULT_TAG in joined or any(map(eq, triples, islice(triples, 1, None))):
            group = list(_distinct(records))
            triples = [triple for triple, _ in group]
            default = [triple for triple, alone in group if alone]
        text = " .\n".join(triples) + " .\n"
        pairs = _PAIRS.findall(text)
        block, node = self.texts.of(subject, pairs)
        nt, ttl = text.encode("utf-8"), block.encode("utf-8")
        if not default:
            trig = b""
        elif len(default) == len(triples):
            trig = ttl
        else:
            trig = turtle_text(subject, _PAIRS.findall(" .\n".join(default) + " .\n"), self.names).encode()
        node = node.encode("utf-8")
        if self.parts is not None:
            self._parts(subject, records, joined, triples, len(ttl), default is not None)
        return self._write(nt, ttl, trig, node)

    def tagged(self, subject: bytes, lines: list[bytes]) -> bytes:
        """:meth:`subject` of a subject's sorted tagged lines (UTF-8), newlines and all (a full
        build's); returns its line of triples.tsv. Most subjects' triples are of one release graph
        alone: their text in graph.nt is made from the lines' bytes at once, and decoded once for
        the other files."""
        data = b"".join(lines)
        first = lines[0]
        tag = first[first.index(b"\t") : -1]
        name = subject.decode("utf-8")
        if tag == _DEFAULT_TAG_BYTES or data.count(tag + b"\n") != len(lines):  # (each line is once)
            records = data[:-1].decode("utf-8").split("\n")
            lengths = self.subject(name, records, _RS.join(records))
        else:
            nt = data.replace(tag + b"\n", b" .\n")
            ttl, node = self.texts.of(name, _PAIRS.findall(nt.decode("utf-8")))
            ttl, node = ttl.encode("utf-8"), node.encode("utf-8")
            if self.parts is not None:
                self.parts.whole(tag[1:].decode("utf-8"), name, len(ttl))
                self.parts.at += len(ttl)
            lengths = self._write(nt, ttl, b"", node)
        # the records joined by _RS (a newline and _RS are single bytes in UTF-8, inside no character)
        return data[:-1].replace(b"\n", _RS_BYTES) + b"\x1e%d\t%d\t%d\t%d\n" % lengths

    def _write(self, nt: bytes, ttl: bytes, trig: bytes, node: bytes) -> tuple[int, int, int, int]:
        self.nt.write(nt)
        self.ttl.write(ttl)
        self.trig.write(trig)
        self.jsonld.write(self.separator + node)
        self.separator = _SEPARATOR
        for cache in (self.names.cache, self.terms.compact):  # the names of IRIs often written stay
            if len(cache) > CACHED_NAMES:
                cache.clear()
        self.texts.forget(CACHED_NAMES)
        return len(nt), len(ttl), len(trig), len(node)

    def _parts(
        self, subject: str, records: list[str], joined: str, triples: list[str], size: int, mixed: bool
    ) -> None:
        """Tell ``parts`` where the subject's text is in each release graph that holds it: its text in
        graph.ttl where the graph holds all its triples (most subjects are of one release), else its
        text made from the graph's triples."""
        parts = self.parts
        first = records[0]
        tag = first[first.index("\t") + 1 :]
        if not mixed and joined.count("\t" + tag) == len(records):  # one shard's, each triple once
            parts.whole(tag, subject, size)
            parts.at += size
            return
        own: dict[str, list[str]] = {}
        for record in records:
            cut = record.index("\t")
            tag = record[cut + 1 :]
            if tag != DEFAULT:
                own.setdefault(tag, []).append(record[:cut])
        for tag, held in own.items():
            held = list(dict.fromkeys(held))
            if len(held) == len(triples):
                parts.whole(tag, subject, size)
            else:
                pairs = _PAIRS.findall(" .\n".join(held) + " .\n")
                parts.partial(tag, subject, turtle_text(subject, pairs, self.names).encode("utf-8"))
        parts.at += size

    def _old_separator(self) -> None:
        self.jsonld.skip(len(self.old_separator))
        self.old_separator = _SEPARATOR

    def copy(self, lengths: tuple[int, int, int, int]) -> None:
        """The previous files' text of a subject whose records are unchanged."""
        nt, ttl, trig, node = lengths
        self.nt.copy(nt)
        self.ttl.copy(ttl)
        self.trig.copy(trig)
        if self.separator and self.old_separator:  # both files have one before it: a run copied whole
            self.jsonld.copy(len(_SEPARATOR) + node)
        else:
            self._old_separator()
            self.jsonld.write(self.separator)
            self.jsonld.copy(node)
        self.separator = self.old_separator = _SEPARATOR

    def copy_more(self, count: int, lengths: tuple[int, int, int, int]) -> None:
        """:meth:`copy` of ``count`` subjects more, their ``lengths`` summed: each follows one copied."""
        nt, ttl, trig, node = lengths
        self.nt.copy(nt)
        self.ttl.copy(ttl)
        self.trig.copy(trig)
        self.jsonld.copy(count * len(_SEPARATOR) + node)

    def skip(self, lengths: tuple[int, int, int, int]) -> None:
        """Pass over the previous files' text of a subject changed or gone."""
        self._old_separator()
        for file, size in zip((self.nt, self.ttl, self.trig, self.jsonld), lengths, strict=True):
            file.skip(size)

    def tail(self, previous: bool) -> None:
        tail = JSONLD_TAIL.encode("utf-8")
        if previous and (self.nt.rest() or self.ttl.rest() or self.jsonld.rest() != tail):
            raise Stale
        self.jsonld.write(tail)


class _GraphParts:
    """The release graphs of graph.trig, gathered while a full build writes the union
    (:class:`_Union`): where each subject's text in each release graph is, as a line sorted by the
    graph's place in graph.trig, then by subject. A subject whose triples are all in one release
    graph (most: a release's events, mentions, evidence) has the text it has in graph.ttl, read back
    from there (``at`` is where the next subject's text starts in it); the text of the others in a
    release graph, made from that graph's triples, is kept in a scratch file. No shard is read again
    and no subject of one release formatted twice. Subjects of one release graph whose texts follow
    one another in graph.ttl (a release's events, mentions, evidence: nothing sorts between them)
    are one line, their first subject's, for the run of their texts: a line a run, not a subject."""

    def __init__(self, shards: list[tuple[str, Path]], folder: Path, run_chars: int) -> None:
        self.shards = shards
        self.order = {path.name: f"{number:08d}" for number, (graph, path) in enumerate(shards) if graph}
        self.lines = SortedLines(folder, run=sys.maxsize, run_chars=run_chars)
        self.texts_path = scratch(folder / "graph.trig", "parts")
        self.texts = self.texts_path.open("w+b")
        self.written = 0  # bytes in ``texts``
        self.at = 0
        self.run: list | None = None  # the last run of one release graph's text: [tag, subject, start, end]

    def whole(self, tag: str, subject: str, size: int) -> None:
        run = self.run
        if run is not None and run[0] == tag and run[3] == self.at:  # it goes on with the last run
            run[3] += size
            return
        self._held()
        self.run = [tag, subject, self.at, self.at + size]

    def _held(self) -> None:
        """The last run's line, once it is known to go on no further."""
        if self.run is not None:
            tag, subject, start, end = self.run
            self.lines.add(f"{self.order[tag]}\t{subject}\tt{start}\t{end - start}\n")
            self.run = None

    def partial(self, tag: str, subject: str, text: bytes) -> None:
        self.lines.add(f"{self.order[tag]}\t{subject}\tp{self.written}\t{len(text)}\n")
        self.texts.write(text)
        self.written += len(text)

    def write(self, trig: Splice, ttl, digests: dict[str, str], graphs_out) -> None:
        """Write the release graphs into ``trig`` from graph.ttl (``ttl``, the file being written,
        flushed) and the texts kept; each shard's line of graphs.tsv into ``graphs_out``."""
        self._held()
        self.texts.flush()
        ttl.flush()
        sources = {"t": ttl.fileno(), "p": self.texts.fileno()}
        names = _Names(PREFIXES)
        lines = iter(self.lines)
        line = next(lines, None)
        for number, (graph, path) in enumerate(self.shards):
            order = f"{number:08d}\t"
            length = 0
            if graph and line is not None and line.startswith(order):
                pieces = [named_graph_head(graph, names).encode("utf-8")]
                start = end = None  # a range of graph.ttl's subjects, one after the other
                while line is not None and line.startswith(order):
                    where, size = line[line.rindex("\t", 0, line.rindex("\t")) + 1 : -1].split("\t")
                    offset, size = int(where[1:]), int(size)
                    if where[0] == "t" and offset == end:
                        end += size
                    else:
                        if start is not None:
                            pieces.append(os.pread(sources["t"], end - start, start))
                            start = end = None
                        if where[0] == "t":
                            start, end = offset, offset + size
                        else:
                            pieces.append(os.pread(sources["p"], size, offset))
                    line = next(lines, None)
                if start is not None:
                    pieces.append(os.pread(sources["t"], end - start, start))
                pieces.append(b"}\n")
                text = b"".join(pieces)
                trig.write(text)
                length = len(text)
            if graphs_out is not None:
                graphs_out.write(f"{graph}\t{path.name}\t{digests.get(path.name, '')}\t{length}\n")
        if line is not None:
            raise ValueError("release graph parts of no shard")

    def close(self) -> None:
        self.lines.close()
        self.texts.close()
        self.texts_path.unlink(missing_ok=True)


def _write_union(
    groups: Iterable[tuple[str, list[str]]],
    files: dict[str, Splice],
    previous: BinaryIO | None,
    changed: frozenset[str],
    records_out: Splice | None,
    changes_out: tuple | None = None,
    default: _DefaultChanges | None = None,
    touched: list[bytes] | None = None,
    parts: _GraphParts | None = None,
) -> None:
    """The union of the graphs, subject by subject, from ``groups`` (each subject's records, sorted).

    With ``previous`` (the previous build's triples.tsv, opened in binary), the
    groups are the records of the shards in ``changed`` only (and, with
    ``default``, the records added to the default graph): a previous subject
    holding no record of those shards, none of the groups and none of
    ``default``'s removed records is copied from the previous files as it is
    (and its line of triples.tsv), in runs of lines read a block at a time
    (:class:`_Runs`); the others are written from their previous records less
    those of ``changed`` and those ``default`` removes, and their records of
    the groups (copied still, if these are the records they had). The subjects
    that hold records of ``changed`` are ``touched`` (sorted: those of the
    previous build's shards), else found by looking for their tags in every line.
    ``changes_out`` (two binary files) then gets the triples of graph.nt
    removed and added (:func:`_changes`), for the store.
    """
    union = _Union(files, parts if previous is None else None)
    union.head(previous is not None)

    def written(records: list[str], subject: str | None = None) -> None:
        joined = _RS.join(records)
        if subject is None:
            subject = records[0][: records[0].index(" ")]
        lengths = union.subject(subject, records, joined)
        if records_out is not None:
            line = f"{joined}{_LS}{lengths[0]}\t{lengths[1]}\t{lengths[2]}\t{lengths[3]}\n"
            records_out.write(line.encode("utf-8"))

    if previous is None:  # groups of tagged lines
        for subject, lines in groups:  # of bytes
            line = union.tagged(subject, lines)
            if records_out is not None:
                records_out.write(line)
        union.tail(False)
        return
    tags = frozenset(name.encode("utf-8") for name in changed)
    if touched is None:  # lines holding records of changed shards found by their tags
        touched = default.subjects if default is not None else []
    else:
        tags = frozenset()
    removed = default.removed if default is not None else frozenset()
    lines = _Lines(union, records_out, written, changes_out, changed, removed)
    subjects = iter(dict.fromkeys(touched))
    touch = next(subjects, None)  # the next subject with a record removed
    fresh = next(groups, None)
    subject = fresh[0].encode("utf-8") if fresh is not None else None
    runs = _Runs(previous)
    while True:
        limit = subject if touch is None or (subject is not None and subject < touch) else touch
        run = runs.before(limit)  # lines of subjects before the next one that changes
        if run:
            lines.copy(run, tags)
            continue
        line = runs.line()  # not taken yet
        old = line[: line.index(b" ")] if line is not None else None
        if fresh is not None and (old is None or subject < old):
            written(fresh[1], fresh[0])  # a subject new to the graph
            _write_changes(changes_out, [], fresh[1])
            fresh = next(groups, None)
            subject = fresh[0].encode("utf-8") if fresh is not None else None
            continue
        while touch is not None and (old is None or touch < old):  # a subject the state does not hold
            touch = next(subjects, None)
        if line is None:
            break
        same = fresh is not None and subject == old
        if same or touch == old:
            if touch == old:
                touch = next(subjects, None)
            lines.rewrite(line, fresh[1] if same else [])
        else:
            lines.copy(line, tags)
        runs.take(len(line))
        if same:
            fresh = next(groups, None)
            subject = fresh[0].encode("utf-8") if fresh is not None else None
    union.tail(True)
    records_out.rest()


# A line's lengths of its subject's text in graph.nt, .ttl, .trig and .jsonld (triples.tsv).
_LENGTHS = re.compile(rb"\x1e(\d+)\t(\d+)\t(\d+)\t(\d+)\n")


class _Lines:
    """What an update does with lines of the previous triples.tsv: copy a subject's text from the
    previous files, or write it again from its records less those of the shards ``changed`` and
    those ``removed`` from the default graph (:func:`_write_union`)."""

    def __init__(self, union: _Union, records_out: Splice, written, changes_out, changed, removed) -> None:
        self.union, self.records_out, self.written = union, records_out, written
        self.changes_out, self.changed, self.removed = changes_out, changed, removed

    def copy(self, run: bytes, tags: frozenset[bytes]) -> None:
        """Copy the text of the subjects of ``run`` (whole lines, none of a subject that changes);
        a line holding a record of a shard in ``tags`` (their names' bytes) is written again."""
        while tags and not tags.isdisjoint(_TAGS.findall(run)):  # the first line holding one, apart
            at = next(match.start() for match in _TAGS.finditer(run) if match.group(1) in tags)
            start = run.rfind(b"\n", 0, at) + 1
            end = run.index(b"\n", at) + 1
            self.copy(run[:start], frozenset())
            self.rewrite(run[start:end], [])
            run = run[end:]
        if not run:
            return
        lengths = _LENGTHS.findall(run)
        if len(lengths) != run.count(b"\n"):
            raise Stale
        self.union.copy(tuple(map(int, lengths[0])))
        if len(lengths) > 1:
            nt, ttl, trig, node = (sum(map(int, column)) for column in zip(*lengths[1:], strict=True))
            self.union.copy_more(len(lengths) - 1, (nt, ttl, trig, node))
        self.records_out.copy(len(run))

    def rewrite(self, line: bytes, fresh: list[str]) -> None:
        """A subject's ``line`` with its records of changed shards and removed ones taken out and
        ``fresh`` merged in: copied if that leaves its records as they were, else written again."""
        body, _, tail = line.rpartition(_LS_BYTES)
        lengths = tuple(int(cell) for cell in tail.split(b"\t"))
        if len(lengths) != 4:
            raise Stale
        before = body.decode("utf-8").split(_RS)
        changed, removed = self.changed, self.removed
        records = [r for r in before if r[r.rindex("\t") + 1 :] not in changed and r not in removed]
        if fresh:
            records = list(heapq.merge(records, fresh))
        if records == before:
            self.union.copy(lengths)
            self.records_out.copy(len(line))
        else:
            self.union.skip(lengths)
            self.records_out.skip(len(line))
            if records:
                self.written(records)
            _write_changes(self.changes_out, before, records)


class _Runs:
    """The lines of the previous triples.tsv, read a block at a time: runs of whole lines whose
    subjects come before a given one (found by bisecting the block), or one line."""

    def __init__(self, handle: BinaryIO, block: int = 1 << 20) -> None:
        self.handle, self.block = handle, block
        self.data, self.at = b"", 0

    def _fill(self) -> bool:
        if self.at < len(self.data):
            return True
        data = self.handle.read(self.block)
        if data and not data.endswith(b"\n"):
            data += self.handle.readline()
        self.data, self.at = data, 0
        return bool(data)

    def before(self, limit: bytes | None) -> bytes:
        """The lines from here, in this block, of subjects before ``limit`` (all, for None)."""
        if not self._fill():
            return b""
        data, low, high = self.data, self.at, len(self.data)
        if limit is not None:
            start = data.rfind(b"\n", low, high - 1) + 1  # the block's last line
            if data[max(start, low) : data.index(b" ", max(start, low))] >= limit:
                while low < high:  # lines before ``low`` are before ``limit``; the line at ``high`` is not
                    middle = (low + high) // 2
                    start = max(data.rfind(b"\n", low, middle) + 1, low)
                    if data[start : data.index(b" ", start)] < limit:
                        low = data.index(b"\n", start) + 1
                    else:
                        high = start
                high = low
        run, self.at = data[self.at : high], high
        return run

    def line(self) -> bytes | None:
        """The next line (not taken: :meth:`take`), or None at the end."""
        if not self._fill():
            return None
        return self.data[self.at : self.data.index(b"\n", self.at) + 1]

    def take(self, size: int) -> None:
        self.at += size


def _changes(before: list[str], after: list[str]) -> tuple[list[str], list[str]]:
    """The triples of one subject removed and added, from its records before and after
    (store.line_changes: with a literal removed, the subject's literals of that predicate
    that stay are added again)."""

    def lines(records: list[str]) -> Iterator[bytes]:
        return (f"{triple} .\n".encode() for triple, _ in _distinct(records))

    changes: tuple[list[str], list[str]] = ([], [])
    for added, line in line_changes(lines(before), lines(after)):
        changes[added].append(line[:-3].decode())
    return changes


def _write_changes(changes_out: tuple | None, before: list[str], after: list[str]) -> None:
    if changes_out is None:
        return
    for handle, triples in zip(changes_out, _changes(before, after), strict=True):
        handle.write("".join(f"{triple} .\n" for triple in triples).encode("utf-8"))


def _write_release_graphs(
    shards: list[tuple[str, Path]],
    digests: dict[str, str],
    trig: Splice,
    previous: Iterator[tuple[str, str, str, int]] | None,
    graphs_out,
) -> None:
    """The release graphs of graph.trig, one shard at a time, in the order of their names; with
    ``previous`` (each shard of the previous build: graph, file, digest, length of its text, in
    that order), a shard whose digest is unchanged is copied from the previous graph.trig."""
    names = _Names(PREFIXES)
    old = next(previous, None) if previous is not None else None
    for graph, path in shards:
        digest = digests.get(path.name, "")
        while old is not None and old[0] < graph:
            trig.skip(old[3])
            old = next(previous, None)
        same = old is not None and old[0] == graph
        if same and digest and old[1:3] == (path.name, digest):
            trig.copy(old[3])
            length = old[3]
        else:
            if same:
                trig.skip(old[3])
            length = _write_release_graph(graph, path, trig, names)
        if same:
            old = next(previous, None)
        if graphs_out is not None:
            graphs_out.write(f"{graph}\t{path.name}\t{digest}\t{length}\n")
    while old is not None:
        trig.skip(old[3])
        old = next(previous, None)
    if previous is not None and trig.rest():
        raise Stale


def _write_release_graph(graph: str, path: Path, trig: Splice, names: _Names) -> int:
    if not graph:
        return 0
    lines = list(shard_triples(path, graph))
    if not all(map(lt, lines, islice(lines, 1, None))):  # a shard is sorted, each line once: or made so
        lines = sorted(dict.fromkeys(lines))
    if not lines:
        return 0
    pieces = [named_graph_head(graph, names)]
    for subject, group in groupby(_TRIPLES.findall(" .\n".join(lines) + " .\n"), key=_SUBJECT):
        pieces.append(turtle_text(subject, map(_PREDICATE_OBJECT, group), names))
    pieces.append("}\n")
    text = "".join(pieces).encode("utf-8")
    trig.write(text)
    return len(text)


# A line of N-Triples (``S P O .``: a subject and a predicate hold no space) as its terms, or as
# its predicate and object.
_TRIPLES = re.compile(r"^([^ ]+) ([^ ]+) (.*) \.$", re.MULTILINE)
_PAIRS = re.compile(r"^[^ ]+ ([^ ]+) (.*) \.$", re.MULTILINE)
_SUBJECT, _PREDICATE_OBJECT = itemgetter(0), itemgetter(1, 2)


# What an update of the RDF files starts from, kept in a folder of the build's
# cache (``state``): every record of every shard (_tagged), sorted, a line a
# subject with the length of its text in each file (_RS, _LS); each shard's
# graph, file, digest and length of its text in graph.trig; and the size and
# time of the four files they describe (written last: the state counts only
# when it names the files as they are).
TRIPLES, GRAPHS, FILES = "triples.tsv", "graphs.tsv", "files.json"
STATE_FORMAT = 3  # lengths in bytes (2: in characters; 1: a line a record)
RDF_STATE = "rdf"  # the state's folder in a build's cache folder (graph/incremental.py)


class _Previous:
    """The previous build's RDF files and their state, when the state describes them."""

    def __init__(self, state: Path, folder: Path) -> None:
        self.state, self.folder = state, folder

    @classmethod
    def of(cls, state: Path | None, folder: Path | None) -> _Previous | None:
        if state is None or folder is None:
            return None
        try:
            found = json.loads((state / FILES).read_text(encoding="utf-8"))
            current = {name: stamp(folder / name) for name in RDF_FILES}
        except (OSError, ValueError):
            return None
        if found != {"format": STATE_FORMAT, "files": current}:
            return None
        if not all((state / name).is_file() for name in (TRIPLES, GRAPHS)):
            return None
        return cls(state, folder)

    def open(self, stack: contextlib.ExitStack, name: str) -> int:
        """A previous file, as a file descriptor (graph.nt...), or the state's triples.tsv."""
        fd = os.open(self.folder / name if name in RDF_FILES else self.state / name, os.O_RDONLY)
        stack.callback(os.close, fd)
        return fd

    def graphs(self, stack: contextlib.ExitStack) -> Iterator[tuple[str, str, str, int]]:
        """(graph, file, digest, length of its text in graph.trig) of each shard, in graph.trig's order."""
        for line in self.lines(stack, GRAPHS):
            graph, name, digest, length = line[:-1].split("\t")
            yield graph, name, digest, int(length)

    def changed(self, stack: contextlib.ExitStack, shards, digests: dict[str, str]) -> frozenset[str]:
        """The files of the shards whose digest is not the previous one's, or that are new or gone."""
        before = {name: digest for _, name, digest, _ in self.graphs(stack)}
        now = {path.name for _, path in shards}
        return frozenset(
            {name for name in now if before.get(name) != digests.get(name, "")} | (before.keys() - now)
        )

    def lines(self, stack: contextlib.ExitStack, name: str) -> Iterator[str]:
        return iter(stack.enter_context((self.state / name).open(encoding="utf-8", newline="")))

    def triples(self, stack: contextlib.ExitStack) -> BinaryIO:
        """The previous triples.tsv, opened in binary (most of it is copied as it is)."""
        return stack.enter_context((self.state / TRIPLES).open("rb"))

    def default(self, stack: contextlib.ExitStack, shards, digests: dict[str, str]) -> _DefaultChanges | None:
        """What changed in the default graph's shard, from the previous build's (its ``shards`` folder
        still holds it, of the digest the state names); None when that is not at hand."""
        before = {name: digest for _, name, digest, _ in self.graphs(stack)}
        new = next((path for graph, path in shards if not graph), None)
        old = self.folder / SHARDS / DEFAULT
        if new is None or DEFAULT not in before:
            return None
        edited = default_change(self.state.parent / SHARDS_STATE, before[DEFAULT], digests.get(DEFAULT, ""))
        if edited is not None:  # the update of the shards wrote what it took out and put in
            return _DefaultChanges.edited(*edited)
        if not old.is_file() or old.samefile(new):
            return None
        return _DefaultChanges.of(old, new, before[DEFAULT])

    def subjects(self, stack: contextlib.ExitStack, changed: frozenset[str]) -> list[bytes] | None:
        """The subjects of the previous build's shards among ``changed`` (release graphs: small), sorted:
        the lines of triples.tsv that hold their records. None when one of them is not at hand as the
        state names it (the lines are then found by their tags)."""
        before = {name: (graph, digest) for graph, name, digest, _ in self.graphs(stack)}
        found: set[bytes] = set()
        for name in changed:
            if name not in before:
                continue  # a new shard: no previous record
            graph, digest = before[name]
            try:
                data = (self.folder / SHARDS / name).read_bytes()
            except OSError:
                return None
            if hashlib.sha256(data).hexdigest() != digest:
                return None
            end = f" {graph} .\n".encode() if graph else b" .\n"
            found.update(line[: line.index(b" ")] for line in data.split(end)[:-1])
        return sorted(found)


@dataclass(frozen=True)
class _DefaultChanges:
    """The records removed from the default graph's shard (as ``S P O<tab>default.nq``) and those
    added (with their newline), and the subjects of those removed, in order: what an update
    takes of ``default.nq``, which grows with the corpus and changes a little at every update."""

    removed: frozenset[str]
    added: list[str]
    subjects: list[bytes]

    @classmethod
    def of(cls, old: Path, new: Path, digest: str) -> _DefaultChanges | None:
        """The changes from the shard ``old`` to ``new`` (both sorted, each line once); None if
        ``old``'s digest is not ``digest`` (it is not the shard the previous files were written from)."""
        found = hashlib.sha256()
        removed: list[bytes] = []
        added: list[bytes] = []
        with old.open("rb") as before, new.open("rb") as after:
            lines, others = _Ordered(_hashed_lines(before, found)), _Ordered(after)
            a, b = next(lines, None), next(others, None)
            while a is not None or b is not None:
                if b is None or (a is not None and a < b):
                    removed.append(a)
                    a = next(lines, None)
                elif a == b:
                    a, b = next(lines, None), next(others, None)
                else:
                    added.append(b)
                    b = next(others, None)
        if not (lines.ordered and others.ordered) or found.hexdigest() != digest:
            return None  # not sorted, each line once (not a build's), or not the previous files' shard
        if not all(line.endswith(b" .\n") for line in (*removed, *added)):
            return None
        tag = f"\t{DEFAULT}"
        gone = [line[:-3].decode("utf-8") for line in removed]  # "S P O .\n"
        return cls(
            removed=frozenset(triple + tag for triple in gone),
            added=[line[:-3].decode("utf-8") + tag + "\n" for line in added],
            subjects=list(dict.fromkeys(line[: line.index(b" ")] for line in removed)),
        )

    @classmethod
    def edited(cls, removed: Path, added: Path) -> _DefaultChanges:
        """The changes an update of the shards wrote (:func:`~govkg.graph.shards.edit_sorted`: lines
        ``S P O .``, in order)."""
        tag = f"\t{DEFAULT}"
        # each line "S P O ." without its " .": the triple, tagged as _DefaultChanges.of tags them
        gone = [line[:-2] for line in removed.read_text(encoding="utf-8").split("\n")[:-1]]
        lines = [line[:-2] for line in added.read_text(encoding="utf-8").split("\n")[:-1]]
        return cls(
            removed=frozenset(triple + tag for triple in gone),
            added=[triple + tag + "\n" for triple in lines],
            subjects=list(dict.fromkeys(triple[: triple.index(" ")].encode("utf-8") for triple in gone)),
        )


class _Ordered:
    """An iterator over lines that tells, once read to the end, whether each came after the last."""

    def __init__(self, lines: Iterable[bytes]) -> None:
        self.lines, self.last, self.ordered = iter(lines), b"", True

    def __iter__(self) -> _Ordered:
        return self

    def __next__(self) -> bytes:
        line = next(self.lines)
        if line <= self.last:
            self.ordered = False
        self.last = line
        return line


def _hashed_lines(handle: BinaryIO, digest) -> Iterator[bytes]:
    """The lines of a file opened in binary, its bytes fed to ``digest`` as they are read."""
    rest = b""
    while data := handle.read(1 << 20):
        digest.update(data)
        lines = (rest + data).split(b"\n")
        rest = lines.pop()
        yield from (line + b"\n" for line in lines)
    if rest:
        yield rest


def write_rdf_files(
    shards_dir: str | Path,
    outdir: str | Path,
    run_chars: int = RUN_CHARS,
    previous: str | Path | None = None,
    state: str | Path | None = None,
    changes: Changes | None = None,
) -> dict[str, Path]:
    """Write graph.nt, graph.ttl, graph.trig and graph.jsonld into ``outdir`` from a shards folder.

    The files are byte-identical to those the in-memory writers
    (graph/outputs.py) write for the graph the shards hold, each written
    atomically; memory is bounded by ``run_chars`` (see the module doc).
    Returns file name -> path.

    With ``state`` (a folder of the build's cache), what the next update
    needs is kept there: every triple of every shard, tagged with its shard,
    sorted, and the length of each subject's text in each file. When it
    describes the files of ``previous`` (the folder of the build being
    updated, or ``outdir`` itself), only the shards whose digest changed are
    sorted and merged into the previous records, and the text of each
    subject whose records are unchanged (of each release graph whose shard is
    unchanged, in graph.trig) is copied from the previous files instead of
    being written again; then the triples removed from graph.nt and those
    added are written to the two files ``changes`` (for the store:
    :func:`~govkg.graph.store.apply_changes`), which are not written when
    the files are written whole.
    """
    shards = shard_files(shards_dir)
    digests = {name: digest for _, name, digest in index_rows(shards_dir)}
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    paths = {name: outdir / name for name in RDF_FILES}
    state = Path(state) if state is not None else None
    base = _Previous.of(state, Path(previous) if previous is not None else None)
    if state is not None:
        (state / FILES).unlink(missing_ok=True)
    try:
        try:
            _write_rdf(shards, digests, paths, outdir, run_chars, base, state, changes)
        except (Stale, ValueError):  # a state that does not fit (an error of the shards comes again)
            if base is None:
                raise
            _write_rdf(shards, digests, paths, outdir, run_chars, None, state)
    except _BlankNodes:
        shared = SharedWork(BuildResult(graph=_read_shards(shards)))
        for name, path in paths.items():
            atomic_write(path, WRITERS[name](shared))
        return paths
    if state is not None:
        stamps = {name: stamp(path) for name, path in paths.items()}
        found = {"format": STATE_FORMAT, "files": stamps}
        atomic_write(state / FILES, json.dumps(found, indent=1, sort_keys=True) + "\n")
    return paths


def _write_rdf(
    shards, digests, paths, outdir, run_chars, base: _Previous | None, state: Path | None, changes=None
) -> None:
    with contextlib.ExitStack() as stack, collector_paused():
        # a full build's records are bytes, from the shards' to the files' (an update's, text)
        records = SortedLines(outdir, run=sys.maxsize, run_chars=run_chars, binary=base is None)
        stack.enter_context(records)
        changed = frozenset()
        default = None
        touched = None  # the subjects of the records changed shards had, when known
        if base is None:
            records.extend(_tagged(shards, binary=True))
        else:  # only the shards that changed, and what changed in the default graph's
            changed = base.changed(stack, shards, digests)
            if DEFAULT in changed:
                default = base.default(stack, shards, digests)
                if default is not None:
                    changed -= {DEFAULT}
                    if any("_:" in line and _has_blank_node(line) for line in default.added):
                        raise _BlankNodes
                    records.extend(default.added)
            records.extend(_tagged([(graph, path) for graph, path in shards if path.name in changed]))
            subjects = base.subjects(stack, changed)
            if subjects is not None:  # where the records of the changed shards are: no tag looked for
                touched = list(heapq.merge(subjects, default.subjects if default is not None else []))
        records_out = graphs_out = None
        if state is not None:
            records_out = Splice(
                stack.enter_context(atomic_open(state / TRIPLES, "wb", buffering=WRITE_BUFFER)),
                base.open(stack, TRIPLES) if base else None,
            )
            graphs_out = stack.enter_context(atomic_open(state / GRAPHS))
        files = {
            name: Splice(
                stack.enter_context(atomic_open(path, "wb", buffering=WRITE_BUFFER)),
                base.open(stack, name) if base else None,
            )
            for name, path in paths.items()
        }
        previous = base.triples(stack) if base else None
        changes_out = None
        if base is not None and changes is not None:
            changes_out = tuple(stack.enter_context(atomic_open(path, "wb")) for path in changes)
        if base is None:  # the release graphs gathered while writing the union
            parts = _GraphParts(shards, outdir, max(1, run_chars // 8))  # beside the records' last run
            stack.callback(parts.close)
            groups = _subject_runs(records.blocks(), b" ")
            _write_union(groups, files, None, changed, records_out, parts=parts)
            records.close()
            parts.write(files["graph.trig"], files["graph.ttl"].new, digests, graphs_out)
        else:
            _write_union(
                _groups(iter(records)), files, previous, changed, records_out, changes_out, default, touched
            )
            _write_release_graphs(shards, digests, files["graph.trig"], base.graphs(stack), graphs_out)
        for file in files.values():
            file.rest()  # the last run of text copied


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


NETWORK_STATE = "network"  # the network's rows of each shard (in UNIT_ROWS), in a build's cache folder
LAYOUT_MEMO = "layout.marshal"  # the parts of the page laid out, beside them (graph/layout.py)


def write_network_files(
    outdir: str | Path,
    shards_dir: str | Path | None = None,
    rows: str | Path | None = None,
    pool: Executor | None = None,
    previous: str | Path | None = None,
    meanwhile: Callable[[], object] | None = None,
    retire: bool = False,
) -> dict[str, Path]:
    """Write graph.html, graph.gexf and graph.graphml into ``outdir`` from the build's shards.

    The same files as the in-memory writers of graph/outputs.py, drawn from
    network tables on disk (graph/tables.py): each shard's rows, sorted and
    reduced node by node, never the network whole. ``rows`` is a folder
    where each shard's rows are kept by its digest (a build's
    ``cache/network``, and by the rows' format, ``tables.ROWS_FORMAT``): a
    shard whose rows are there is not read again, and rows no shard has any
    more are removed; the parts of the page laid out are kept there too, for the next update's
    page (``layout.marshal``: :class:`~govkg.graph.layout.LayoutMemo`). The page's tenures (careers'
    summary holdings) are rows of the tables too: the views read no store.
    ``pool`` (a process pool) makes the shards' rows with this process
    (:func:`network_units`), and writes graph.gexf and graph.graphml while
    this process draws the page. With ``rows``, graph.gexf and graph.graphml copy from those of
    ``previous`` (the folder of the build being updated) the text of the nodes and edges that did
    not change (:func:`~govkg.graph.tables.write_spliced_exports`, its state in ``rows``).

    ``meanwhile()``, work of the caller's that needs none of these files (a build's store and page
    index: :func:`write_from_shards`), runs once the page is written, while the pool's worker
    may still be writing graph.gexf and graph.graphml (its files are not removed before that worker
    is done or stopped), with the cycle collector as the caller had it. With ``retire``, ``pool``
    gets no more work from the caller: its workers end once the Gephi files are written
    (:func:`~govkg.graph.interrupts.retire_workers`), not idle beside ``meanwhile()``.
    """
    outdir = Path(outdir)
    shards_dir = Path(shards_dir) if shards_dir is not None else outdir / SHARDS
    with contextlib.ExitStack() as stack:
        with collector_paused():
            units = network_units(shards_dir, rows, stack, outdir, prune=False, pool=pool)
            give_back_memory()  # each step's free memory given back, not left to grow with the corpus
            state = Path(rows) / TABLES_STATE if rows is not None else None
            tables = stack.enter_context(network_tables(units, outdir, state))
            give_back_memory()
            # once the tables are made (an update's reads the rows of shards gone); a folder shared
            # with the previous build is pruned once it is swapped in (write_build: prune_network)
            if rows is not None and not (Path(rows) / UNIT_ROWS).is_symlink():
                prune_rows(Path(rows), units)
            del units  # a file a shard: not held through the page and the page index
            figures = rankings(tables)
            give_back_memory()  # the rankings' work on every official, freed: not resident under the page
        # the Gephi files by a worker of the pool, from the tables' files, while this draws the page
        spliced = (Path(rows) / EXPORTS_STATE, previous) if rows is not None else None
        gephi = None
        if pool is not None:
            gephi = pool.submit(_given_back, _write_gephi, outdir, tables, figures, spliced)
        if gephi is not None and retire:
            retire_workers(pool)  # its last task
        try:
            with collector_paused():
                written = _write_gephi(outdir, tables, figures, spliced) if gephi is None else {}
                memo = LayoutMemo(Path(rows) / LAYOUT_MEMO) if rows is not None else None
                page = tables_html(tables, figures, memo=memo)  # the view chosen, its text not made yet
                give_back_memory()  # the choice's arrays over every node and edge, freed before the text
                written["graph.html"] = atomic_write(outdir / "graph.html", page)
                del page  # not held while meanwhile() runs
            give_back_memory()
            if meanwhile is not None:
                meanwhile()
            if gephi is not None:
                written |= gephi.result()
        except BaseException:
            if gephi is not None and not gephi.cancel():
                stop_workers(pool)  # before the tables are removed: none is read after
            raise
    return {name: written[name] for name in NETWORK_FILES}


def _given_back(function: Callable, *args):
    """``function(*args)`` as a task of a pool's worker, and then the worker's free memory handed
    back (:func:`~govkg.extract.identity.give_back_memory`, after a collection), whether it
    returned or raised. A worker done with its task stays until the pool's last task is done
    (the pool sends its workers away only then): the one that wrote the RDF files waited beside
    the page index with its heap's free memory, part of the process tree's peak. What the worker
    kept of phase 3's batches, which it mapped (:func:`~govkg.graph.iris.forget_parts`), is
    dropped before the task."""
    forget_parts()
    try:
        return function(*args)
    finally:
        gc.collect()
        give_back_memory()


def _write_gephi(outdir: Path, tables: Tables, figures, spliced=None) -> dict[str, Path]:
    """graph.gexf and graph.graphml of the tables into ``outdir`` (:func:`write_network_files`);
    ``spliced``, the exports' state and the previous build's folder, copies what did not change."""
    written = {name: outdir / name for name in ("graph.gexf", "graph.graphml")}
    exported = exports(tables, figures)
    if spliced is None:
        write_exports(exported, written["graph.gexf"], written["graph.graphml"])
    else:
        write_spliced_exports(exported, written["graph.gexf"], written["graph.graphml"], *spliced)
    return written


def network_units(
    shards_dir: Path,
    rows: str | Path | None,
    stack: contextlib.ExitStack,
    work: Path,
    prune: bool = True,
    read_only: bool = False,
    pool: Executor | None = None,
) -> list:
    """The network's rows of each shard (graph/tables.py), as files: kept in ``rows`` by the shard's
    digest (made where missing; with ``prune``, the others removed: :func:`prune_rows`), else in a
    temporary folder in ``work``.

    With ``read_only``, ``rows`` is only read (a build's, read by a command: the folder may be
    read-only): the rows missing there are made in the temporary folder, and nothing is removed.

    With ``pool`` (a process pool), the rows to make are tasks of :data:`ROWS_TASK` shards, handed
    to the pool and taken back by this process while none of its workers has started them
    (:func:`_make_all`): in a build, one worker writes the RDF files meanwhile, and this process
    would otherwise make every shard's rows while the other waits.
    """
    try:
        index = index_rows(shards_dir)
    except OSError as exc:
        raise ShardError(f"{shards_dir}: no shard index {INDEX} ({exc.strerror})") from exc
    shards = shard_names(Path(shards_dir), index)
    digests = {name: digest for _, name, digest in index}
    del index
    aside = None
    if rows is None or read_only:
        aside = scratch_folder(Path(work) / "govkg-rows")
        stack.callback(shutil.rmtree, aside, ignore_errors=True)
    if rows is None:
        folder = aside
    else:
        folder = Path(rows) / UNIT_ROWS
        if not read_only:
            folder.mkdir(parents=True, exist_ok=True)
    units = []
    missing: list[_Missing] = []
    sizes = kept_sizes(Path(rows) / TABLES_STATE) if rows is not None else {}  # no need to read these
    # a unit a file named in a folder: a path made of each only where its rows are made (at 100,000
    # releases, paths made and made again were most of this)
    for number, (graph, shard) in enumerate(shards):
        digest = digests.get(shard, "")
        name = _rows_name(digest) if digest and rows is not None else f"{number}.tsv"
        unit = RowsFile(folder, name)
        if not (digest and rows is not None and unit.complete(sizes.get(name))):
            path = Path(shards_dir) / shard
            if read_only:
                unit = RowsFile(aside / f"{number}.tsv")
                missing.append((graph, path, unit.path, None))
            elif rows is not None and not graph:  # the default graph: its refs kept, its edit followed
                missing.append((graph, path, unit.path, _edited_rows(Path(rows), digest)))
            else:
                missing.append((graph, path, unit.path, None))
        units.append(unit)
    _make_all(missing, pool)
    if rows is not None and prune and not read_only:
        prune_rows(Path(rows), units)
    return units


# Shards whose rows a task of a pool makes (network_units).
ROWS_TASK = 100
# Beside a large unit's rows (``DIGEST.FORMAT.tsv``), what its rows read of other subjects
# (``DIGEST.FORMAT.refs``: tables.streamed_rows' ``refs``), for the next update's.
REFS_SUFFIX = ".refs"

# A shard whose rows are made (network_units): its graph, file and rows file, and for the default
# graph of a kept build True (its refs kept), or when an update edited it, the rows and refs files
# of the shard it was made from and the files of the lines taken out and put in; else None.
_Missing = tuple[str, Path, Path, "tuple[Path, Path, Path, Path] | bool | None"]


def _rows_name(digest: str) -> str:
    """The name of the rows file of the shard of content ``digest`` in the network state."""
    return f"{digest}.{ROWS_FORMAT}.tsv"


def shard_rows_maker(rows: str | Path) -> ShardMade:
    """What makes each release shard's network rows where it is written (graph/shards.py's
    ``ReleaseShards(folder, made=...)``), from its triples in hand: the rows file
    :func:`network_units` would make by reading the shard back, the same name and bytes, in the
    network state ``rows`` (a build's ``cache/network``). A shard whose rows are there already is
    passed over, as is one larger than ``STREAMED_BYTES`` (its rows made in passes by
    :func:`network_units`, as the default graph's).
    """
    folder = Path(rows) / UNIT_ROWS
    folder.mkdir(parents=True, exist_ok=True)

    def made(line: str, size: int, triples: list[tuple[str, str, str]]) -> None:
        if size > STREAMED_BYTES:
            return
        digest = line[line.rindex("\t") + 1 : -1]  # the line's last cell
        unit = RowsFile(folder, _rows_name(digest))
        if not unit.complete():
            with collector_paused():
                unit.write(unit_rows(pairs_of_terms(triples)))

    return made


def _edited_rows(state: Path, digest: str) -> tuple[Path, Path, Path, Path] | bool:
    """The rows and refs of the default graph's shard the last update of the shards edited into
    that of ``digest`` (in the network state ``state``, a build's ``cache/network``), and the files
    of what it took out and put in, when all are at hand; else True (the refs of the rows made are
    kept all the same)."""
    edit = default_edit(state.parent / SHARDS_STATE, digest) if digest else None
    if edit is None:
        return True
    before, removed, added = edit
    folder = state / UNIT_ROWS
    rows, refs = (folder / f"{before}.{ROWS_FORMAT}{suffix}" for suffix in (".tsv", REFS_SUFFIX))
    if not (RowsFile(rows).complete() and RowsFile(refs).complete()):
        return True
    return rows, refs, removed, added


def _make_rows(missing: list[_Missing]) -> None:
    """Make the rows file ``target`` of each shard ``(graph, path, target, previous)``
    (:data:`_Missing`)."""
    with collector_paused():
        for graph, path, target, previous in missing:
            if path.stat().st_size > STREAMED_BYTES:  # the default graph: not indexed whole
                refs: list[str] | None = [] if previous else None
                found = _updated_rows(path, previous, refs) if isinstance(previous, tuple) else None
                if found is None:
                    refs = [] if previous else None
                    found = streamed_rows(lambda path=path, graph=graph: shard_triples(path, graph), refs)
                if refs is not None:  # before the rows: rows found whole are not made again
                    RowsFile(target.with_name(target.name[: -len(".tsv")] + REFS_SUFFIX)).write(refs)
            else:
                found = unit_rows(pairs_of_triples(shard_triples(path, graph)))
            RowsFile(target).write(found)


def _updated_rows(path: Path, previous: tuple[Path, Path, Path, Path], refs: list[str]) -> list[str] | None:
    """The default graph's rows (``path``: its shard) from those of the shard an update edited
    (:func:`~govkg.graph.tables.updated_streamed_rows`), or None where they are to be made whole."""
    rows, old_refs, removed, added = previous

    def triples(lines: Path) -> Iterator[str]:  # lines "S P O ." (graph/shards.py's edit_sorted)
        return (line[:-2] for line in lines.read_text(encoding="utf-8").split("\n")[:-1])

    try:
        kept = RowsFile(rows), RowsFile(old_refs)
        return updated_streamed_rows(path, *kept, triples(removed), triples(added), refs)
    except (OSError, ValueError):
        del refs[:]
        return None


def _make_all(missing: list[_Missing], pool: Executor | None) -> None:
    """:func:`_make_rows` of every shard of ``missing``: here, or in tasks of ``pool`` of which this
    process makes those no worker has started, from the last (a task cancelled is this one's)."""
    if pool is None or len(missing) <= ROWS_TASK:
        _make_rows(missing)
        return
    tasks = [missing[start : start + ROWS_TASK] for start in range(0, len(missing), ROWS_TASK)]
    futures = [pool.submit(_make_rows, task) for task in tasks]
    try:
        for task, future in zip(reversed(tasks), reversed(futures), strict=True):
            if future.cancel():
                _make_rows(task)
        for future in futures:
            if not future.cancelled():
                future.result()
    except BaseException:
        for future in futures:
            future.cancel()
        raise


def prune_rows(rows: Path, units: list) -> None:
    """Remove the rows files (and their refs) of the network state ``rows`` that are none of
    ``units``' (and those a govkg kept beside the state, before :data:`UNIT_ROWS`)."""
    _prune(rows, {unit.path.name for unit in units})


def prune_network(outdir: Path) -> None:
    """:func:`prune_rows` of a build folder: the rows files of no shard of its own removed."""
    try:
        digests = [digest for _, _, digest in index_rows(outdir / SHARDS)]
    except OSError:  # no shards: nothing to tell
        return
    _prune(outdir / "cache" / NETWORK_STATE, {_rows_name(digest) for digest in digests if digest})


def _prune(rows: Path, wanted: set[str]) -> None:
    for old in (*rows.glob("*.tsv"), *rows.glob(f"*{REFS_SUFFIX}")):
        old.unlink(missing_ok=True)
    folder = rows / UNIT_ROWS
    for old in folder.glob("*.tsv"):
        if old.name not in wanted:
            old.unlink(missing_ok=True)
    for old in folder.glob(f"*{REFS_SUFFIX}"):
        if old.name[: -len(REFS_SUFFIX)] + ".tsv" not in wanted:
            old.unlink(missing_ok=True)


def write_from_shards(
    shards_dir: str | Path,
    outdir: str | Path,
    network: bool = True,
    run_chars: int = RUN_CHARS,
    previous: str | Path | None = None,
    state: str | Path | None = None,
    pool: Executor | None = None,
    workers: int | None = None,
    changes: Changes | None = None,
    index: bool = False,
    retire: bool = False,
) -> dict[str, Path]:
    """Write a build's graph files and its store into ``outdir`` from its shards; returns name -> path.

    The four RDF files (:func:`write_rdf_files`, memory bounded by
    ``run_chars``), ``OUT/store`` holding their triples (its manifest names
    them), and, with ``network``, the network views (:func:`write_network_files`).
    ``outdir`` is the folder being written, a build's staging folder
    (graph/folders.py); ``shards_dir`` is usually ``outdir / "shards"``. Each
    file is written atomically.

    Two processes share the work: ``pool``'s (a process pool,
    :func:`~govkg.graph.interrupts.worker_pool`; without one, a pool of its
    own from :data:`PARALLEL_SHARDS` shards on, ``workers`` permitting:
    processes, default one per core) writes the RDF files while this one
    draws the views from the shards. The store, written whole, is
    bulk-loaded from the shards by a thread of this process meanwhile
    (:func:`load_store`; the loader leaves Python's lock);
    an update's is made once the RDF files have found what changed. The
    pool's process opens no store: RocksDB's threads, once started in a
    process, do not survive its forks (a forked child that opens a store
    waits for them for ever).

    ``previous`` is the folder of the build being updated (``outdir`` itself
    for a folder written in place), ``state`` a folder where the RDF files
    keep what their update needs (:func:`write_rdf_files`). An update copies
    the text of what did not change from the previous files, and, when the
    previous store holds its graph.nt, the new store is that store with the
    difference between the two graph.nt applied
    (:func:`~govkg.graph.store.previous_store`), not a bulk load of the whole
    graph. ``changes``, two paths, are where an update writes the triples
    graph.nt lost and gained (:func:`write_rdf_files`), left for the caller
    (the store's page index reads them: graph/indexing.py); by default,
    scratch files removed at the end.

    With ``index``, the store's page index too (``OUT/store/index``:
    :func:`~govkg.graph.indexing.write_page_index`; an update's made from the
    previous build's and the changes of graph.nt), written as soon as the
    store stands for the four files: while the pool's worker writes
    graph.gexf and graph.graphml, which neither the store nor the index reads.

    With ``retire``, the caller hands ``pool`` no more work after this call's: its workers end
    with their last task (:func:`~govkg.graph.interrupts.retire_workers`), as those of a pool of
    its own do.
    """
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    rows = Path(state).parent / NETWORK_STATE if state is not None else None
    views = partial(write_network_files, outdir, shards_dir, rows, previous=previous) if network else None
    kept = changes
    if changes is None:
        changes = (scratch(outdir / "graph.nt", "removed"), scratch(outdir / "graph.nt", "added"))
    indexed = partial(_page_index, outdir, previous, changes, Path(shards_dir)) if index else dict
    try:
        if pool is not None or _parallel(shards_dir, workers):
            with contextlib.ExitStack() as stack:
                if pool is None:
                    pool, retire = stack.enter_context(worker_pool(2)), True
                shared = (run_chars, previous, state, views, pool, changes, indexed, retire)
                return _write_shared(Path(shards_dir), outdir, *shared)
        with previous_store(previous, outdir) as base:
            written = write_rdf_files(shards_dir, outdir, run_chars, previous, state, changes)
            written[STORE] = _StoreUpdate(outdir, base, changes).put()
        written |= indexed()
    finally:
        for path in changes if kept is None else ():
            path.unlink(missing_ok=True)
    if views is not None:
        written.update(views())
    return written


# From this many shards on, a build's files are written whole by two processes (write_from_shards).
PARALLEL_SHARDS = 200


def _parallel(shards_dir: str | Path, workers: int | None) -> bool:
    if (workers or os.cpu_count() or 1) < 2:
        return False
    try:
        with (Path(shards_dir) / INDEX).open("rb") as handle:
            return sum(1 for _ in islice(handle, PARALLEL_SHARDS + 1)) > PARALLEL_SHARDS
    except OSError:
        return False


def _write_shared(
    shards_dir: Path,
    outdir: Path,
    run_chars: int,
    previous,
    state,
    views: Callable | None,
    pool: Executor,
    changes: Changes,
    indexed: Callable[[], dict[str, Path]],
    retire: bool,
) -> dict[str, Path]:
    """:func:`write_from_shards` by two processes: the RDF files by ``pool``'s, the views by this
    one; the store by a thread of this one from the shards (written whole), or by this one from the
    previous store and the changes of graph.nt (an update, written to ``changes``) once the RDF
    files are written; then ``indexed()`` (the store's page index, or nothing), while the pool's
    workers write graph.gexf and graph.graphml (:func:`write_network_files`' ``meanwhile``) and,
    for a store written whole, which needs no file, maybe the RDF files still; the store's
    manifest names those once they are. With ``retire``, the pool's workers end with their last
    task."""
    whole = (
        _Previous.of(Path(state) if state is not None else None, Path(previous) if previous else None) is None
    )
    with contextlib.ExitStack() as stack:
        if whole:
            previous = changes = None
            store = stack.enter_context(_StoreLoading(shards_dir, outdir))
        else:
            store = _StoreUpdate(outdir, stack.enter_context(previous_store(previous, outdir)), changes)
        written: dict[str, Path] = {}
        index: dict[str, Path] = {}

        def rdf_files() -> None:
            written.update(files.result())

        def stored() -> None:  # the store and its page index, not the views
            if not whole:  # an update's store is made from the changes the RDF files found
                rdf_files()
            store.put(rdf_files)
            give_back_memory()  # what the store's loader freed (its threads' arenas)
            index.update(indexed())
            rdf_files()
            restamp_store(outdir)  # the store stands for the four files

        try:
            rdf = (shards_dir, outdir, run_chars, previous, state, changes)
            files = pool.submit(_given_back, write_rdf_files, *rdf)
            if views is None:
                if retire:
                    retire_workers(pool)
                drawn = stored() or {}
            else:
                drawn = views(pool=pool, meanwhile=stored, retire=retire)
        except BaseException:
            stop_workers(pool)  # before their files are removed: none is written after
            raise
    return written | {STORE: outdir / STORE} | index | drawn


def _page_index(outdir: Path, previous, changes: Changes, shards_dir: Path) -> dict[str, Path]:
    """The page index of the store in ``outdir`` (graph/indexing.py), from the previous build's and
    the changes of graph.nt where an update wrote them (:func:`write_from_shards`); what
    co-attendance counts read from the shards (``shards_dir``), not the store."""
    if manifest(outdir) is None:
        return {}
    known = changes if all(path.is_file() for path in changes) else None
    index = write_page_index(outdir, previous=previous, changes=known, shards=shards_dir)
    return {f"{STORE}/{PAGE_INDEX}": index}


class _StoreUpdate:
    """An update's store (:func:`~govkg.graph.store.write_store` from the previous one, ``base``),
    made once the RDF files have found what changed (the changes of graph.nt, when they did)."""

    def __init__(self, outdir: Path, base, changes: Changes) -> None:
        self.outdir, self.base, self.changes = outdir, base, changes

    def put(self, rdf_files: Callable[[], object] = lambda: None) -> Path:
        """Write the store (the RDF files written: ``rdf_files()`` has returned)."""
        known = self.changes if all(path.is_file() for path in self.changes) else None
        return write_store(self.outdir, base=self.base, changes=known)


class _StoreLoading:
    """A build's store bulk-loaded from its shards by a thread (:func:`load_store`) while this
    process does other work; a context manager that stops the thread and removes what is not
    put in place at its end."""

    def __init__(self, shards_dir: Path, outdir: Path) -> None:
        self.outdir = outdir
        self.folder = store_staging(outdir)
        self.stop = threading.Event()
        self.triples: int | None = None
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._load, args=(shards_dir,), name="govkg-store", daemon=True)

    def _load(self, shards_dir: Path) -> None:
        try:
            self.triples = load_store(self.staging / DATABASE, shards_dir, stop=self.stop)
        except _BlankNodes:
            pass
        except BaseException as exc:  # raised by the thread that waits for it
            self.error = exc
        finally:  # what the loader's threads freed, given back now, not once the page is drawn
            give_back_memory()

    def __enter__(self) -> _StoreLoading:
        self.staging = self.folder.__enter__()
        self.thread.start()
        return self

    def put(self, rdf_files: Callable[[], object] = lambda: None) -> None:
        """Wait for the store and put it in place (``OUT/store``), its manifest naming no file yet
        (:func:`~govkg.graph.store.restamp_store`); where the shards hold blank nodes, the store is
        loaded from graph.nt, as it labels them, once ``rdf_files()`` (waiting for the RDF files)
        has returned."""
        self.thread.join()
        if self.error is not None:
            raise self.error
        if self.triples is not None:
            put_store(self.outdir, self.staging, self.triples, files=())
        else:
            rdf_files()
            write_store(self.outdir)

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join()  # at most one call of the loader: a thread cannot be killed
        self.folder.__exit__(None, None, None)  # the staging folder, unless put in place


def load_store(
    database: Path, shards_dir: Path, chunk: int = LOAD_BYTES, stop: threading.Event | None = None
) -> int:
    """A new store at ``database`` whose default graph holds the triples of every shard (each shard's
    graph name dropped: the triples of graph.nt), loaded ``chunk`` bytes of lines a call; returns its
    number of triples (:func:`write_from_shards`).

    Raises _BlankNodes where a shard may hold a blank node (their labels
    are graph.nt's), and _Stopped when ``stop`` is set (checked between
    pieces of shards: a shard larger than ``chunk``, the default graph's
    of a large build, is read a piece at a time).
    """

    def chunks() -> Iterator[bytes]:
        held: list[bytes] = []
        size = 0
        for graph, path in shard_files(shards_dir):
            end = f" {graph} .\n".encode() if graph else b""
            for data in line_pieces(path, chunk):
                if stop is not None and stop.is_set():
                    raise _Stopped
                # a blank node's label (or a literal that says so); one scan where none is written
                if b"_:" in data and (data.startswith(b"_:") or b" _:" in data or b"\n_:" in data):
                    raise _BlankNodes
                if end:  # canonical N-Triples end a line in a newline only: the graph name ends a line
                    data = data.replace(end, b" .\n")
                held.append(data)
                size += len(data)
                if size >= chunk:
                    yield b"".join(held)
                    held, size = [], 0
        if held:
            yield b"".join(held)

    return load_ntriples(database, chunks())


class _Stopped(Exception):
    """A load given up (its build failed or was interrupted)."""


@contextlib.contextmanager
def tables_of(path: str | Path, folder: str | Path | None = None) -> Iterator[Tables]:
    """The network tables of a build folder or a graph file, in a temporary folder in ``folder``
    (the system's by default), removed after.

    A build folder's come from its shards' rows (those its ``cache/network`` keeps are read, the
    others made aside: nothing is written in the build, which may be read-only); a graph file's
    from its graph, parsed (as one unit). Either way the network is never a graph in memory.
    """
    path = Path(path)
    work = Path(tempfile.mkdtemp(prefix="govkg-tables-", dir=folder))
    try:
        with contextlib.ExitStack() as stack:
            shards = path / SHARDS
            kept = None
            if path.is_dir() and shards.is_dir():
                rows = path / "cache" / NETWORK_STATE
                units = network_units(shards, rows if rows.is_dir() else None, stack, work, read_only=True)
                if rows.is_dir():  # the tables the build kept, when they are those of its rows
                    kept = kept_tables(units, work, rows / TABLES_STATE)
            else:
                units = [graph_rows(read_graph(path))]
            with kept or network_tables(units, work) as tables:
                yield tables
    finally:
        shutil.rmtree(work, ignore_errors=True)
