"""Pages of the named queries read in order from files beside a build's store: its page index.

A page of a named query's unbound answer is read a value of its first key at
a time (graph/sparql.py, ``_keyed_page``), but the store lists those values by
reading and sorting them all (276,823 names at 100,000 releases, about a
second) before the first is used; and ``co-attendance`` is ordered by a count,
which only its whole answer gives (396 s at 100,000 releases). A build writes
both once, in order, into ``OUT/store/index``
(:func:`govkg.graph.indexing.write_page_index`), and a page reads only the
lines it needs (:class:`PageIndex`):

- ``NAME.nt``: the values of each key query (``ontology/queries/keys``), one
  N-Triples term a line, in the key query's order; queries with the same key
  query share a file;
- ``co-attendance.tsv``: co-attendance's unbound answer, a line a row in its
  order (most shared events first), counted once from the participations;
- ``NAME.tsv``: the whole answer of each other named query without a key
  query (documents-cited, directives-implemented), a line a row in its
  order, its terms in N-Triples, tab-separated (an unbound one empty);
- ``NAME.walk.tsv``: the values of each walk query (``ontology/queries/walks``), a line
  each: the value walked (an IRI) and its order key (N-Triples terms, tab-separated, an
  unbound one empty), in the walk query's order; queries with the same walk share a file.
  A page of a query bound to its first key reads the rows of a block of those values at a
  time (graph/sparql.py, ``_walked_page``);
- ``co-attendance-by-name.tsv``: its rows for each official's name bound, the
  official on the left, grouped by the name (sorted by its N-Triples text, so
  that a name's rows are found by bisecting the file) and in the query's order
  within each name;
- ``NAME.busy.tsv``: for each value of a named query's parameter whose bound answer is
  large (``ontology/queries/busy``), the first rows of the query bound to it (every row of a
  query that groups), a line a row: the value and the row's terms in N-Triples,
  tab-separated, grouped by the value (sorted by its N-Triples text, found by bisecting the
  file) and in the query's order within it; its entry in ``index.json`` lists under
  ``empty`` the values listed whose bound answer has no rows (none in the file), which an
  update needs to tell a value listed from one not;
- ``index.json``: which file answers which query, with the digest of the
  query text it was made for (a file made for another text of a query is
  not used) and the store's triples (a file made for another store is not
  used).

Files, not triples in the store: the store's default graph is the build's
graph, the triples of ``graph.nt`` (its manifest stands for the four graph
files), and Oxigraph's indexes order terms by their encoding, not by value,
so no pattern reads names in order. The folder lies inside ``OUT/store``, and
is made with it: every build (a whole one, ``--add``, ``govkg remove``, one on
a Dask cluster) writes the store anew and this index from it (an update, from
the previous index and what changed: graph/indexing.py), the same bytes for
the same store. A store without one (a graph file's, an older build's) is
paged by the store as before.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain, islice, takewhile
from pathlib import Path
from typing import Any

from govkg.graph.splice import sorted_line_start
from govkg.graph.store import MANIFEST, _oxigraph, store_of
from govkg.graph.terms import nt_literal

INDEX = "index"  # the folder inside OUT/store
FORMAT = 1
COATTENDANCE = "co-attendance"
UNBOUND = "co-attendance.tsv"
BY_NAME = "co-attendance-by-name.tsv"
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


def digest(text: str) -> str:
    """The digest of a query's text an index file was made for."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class PageIndex:
    """A build's page index (``OUT/store/index``), opened by :meth:`open` or :meth:`of`."""

    folder: Path
    manifest: Mapping[str, Any]

    @classmethod
    def open(cls, folder: str | Path, triples: int | None = None) -> PageIndex | None:
        """The index in ``folder``; None when there is none, or one made for a store of another
        number of ``triples`` (when given)."""
        folder = Path(folder)
        try:
            found = json.loads((folder / "index.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(found, dict) or found.get("format") != FORMAT:
            return None
        if triples is not None and found.get("triples") != triples:
            return None
        return cls(folder, found)

    @classmethod
    def of(cls, path: str | Path) -> PageIndex | None:
        """The index of the store that holds the graph of ``path`` (a build folder, or one of its
        graph files while its store is current: :func:`~govkg.graph.store.store_of`), if any."""
        database = store_of(path)
        if database is None:
            return None
        try:
            triples = json.loads((database.parent / MANIFEST).read_text(encoding="utf-8"))["triples"]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return cls.open(database.parent / INDEX, triples)

    def _entry(self, kind: str, name: str, text: str) -> dict | None:
        """The manifest's entry of ``kind`` (keys, walks, answers) for named query ``name``, when
        it was written for that query's ``text``."""
        found = self.manifest.get(kind, {}).get(name)
        return found if found and found.get("digest") == digest(text) else None

    def _file(self, kind: str, name: str, text: str) -> Path | None:
        """The file of :meth:`_entry`, when there is one."""
        found = self._entry(kind, name, text)
        if found is None:
            return None
        path = self.folder / found["file"]
        return path if path.is_file() else None

    def keys(self, name: str, text: str) -> Iterator | None:
        """The values of named query ``name``'s key query (of ``text``), in order, read as needed;
        None when the index has none for that text."""
        path = self._file("keys", name, text)
        return _terms(path) if path is not None else None

    def walk(
        self, name: str, text: str, wanted: set[str] | None, block: int = 64, most: int = 1024
    ) -> Iterator[list[str]] | None:
        """The values of named query ``name``'s walk query (of ``text``) among ``wanted`` (N-Triples
        terms; None: all of them), in its order, in blocks: the first of ``block`` values, each
        next twice the one before up to ``most``, a block never ending between two values of the
        same order key.
        None when the index has none for that text."""
        path = self._file("walks", name, text)
        return _blocks(path, wanted, block, most) if path is not None else None

    def answer(
        self, name: str, text: str, first: int | None, offset: int
    ) -> tuple[tuple[Any, ...], ...] | None:
        """Rows of the unbound answer of named query ``name`` (of ``text``) that the index holds
        whole: ``first`` rows after ``offset``; None when it holds none for that text."""
        found = self._entry("answers", name, text)
        if found is None:
            return None
        stop = None if first is None else offset + first
        with (self.folder / found["file"]).open(encoding="utf-8") as handle:
            return _answer_rows(islice(handle, offset, stop))

    def bound(
        self,
        name: str,
        text: str,
        parameter: str,
        terms: Iterable[str],
        first: int | None,
        offset: int,
        ranges: Mapping[str, tuple[str, str]] | None = None,
    ) -> tuple[tuple[Any, ...], ...] | None:
        """Rows of named query ``name`` (of ``text``) bound to ``parameter``, read from its whole
        answer where the index holds it with the parameter's rows together (``bound``: the
        parameter's column and the ORDER BY's first, which holds the same value): those of the
        first of the ``terms`` tried (N-Triples) that has rows, ``first`` rows after ``offset``,
        the block of lines found by bisecting the file. ``ranges``, the other parameters bound
        (each its N-Triples term and its text), are bounds of a column compared as text
        (``ranges`` in the index: ``from`` and ``to`` of a day), the rows out of them left out
        and the parameter's column set to the term, as the engine gives them. None when the
        index holds none so, or a term is of a kind the column's cells are not ordered with here
        (a number bound where the column holds names)."""
        found = self._entry("answers", name, text)
        if found is None or parameter not in found.get("bound", {}):
            return None
        if set(ranges or ()) - set(found.get("ranges", {})):
            return None
        column, ordered = found["bound"][parameter]
        stop = None if first is None else offset + first
        with (self.folder / found["file"]).open("rb") as handle:
            for term in terms:
                wanted = _cell_order(term)
                try:
                    sorted_line_start(handle, lambda line, w=wanted: _cell_order(_cells(line)[ordered]) < w)
                except TypeError:  # a number among names (or names among numbers): no order here
                    return None  # between them: the engine answers
                rows = list(takewhile(lambda cells, t=term: cells[ordered] == t, map(_cells, handle)))
                if any(cells[column] != term for cells in rows):
                    return None  # not the rows of the value: the engine answers
                for bound, (value, value_text) in (ranges or {}).items():
                    at, compared, kind = found["ranges"][bound]
                    rows = [cells for cells in rows if _within(cells[compared], value_text, kind)]
                    for cells in rows:
                        cells[at] = value
                if rows:
                    return _answer_rows(rows[offset:stop])
        return ()

    def busy(
        self, name: str, text: str, term: str, first: int | None, offset: int
    ) -> tuple[tuple[Any, ...], ...] | None:
        """Rows of named query ``name`` (of ``text``) bound to ``term`` (N-Triples) that the index
        keeps for a value whose answer is large (``NAME.busy.tsv``): ``first`` rows after
        ``offset``; None where it keeps none for that value, or the page runs past the rows kept
        (the first ``rows`` of the entry, when the value has that many)."""
        found = self._entry("busy", name, text)
        if found is None:
            return None
        with (self.folder / found["file"]).open("rb") as handle:
            lines = list(_lines_of(handle, term.encode("utf-8") + b"\t"))
        stop = None if first is None else offset + first
        kept = found.get("rows")
        if not lines or (kept is not None and len(lines) >= kept and (stop is None or stop > len(lines))):
            return None
        return _answer_rows([_cells(line)[1:] for line in lines[offset:stop]])

    def coattendance(
        self, text: str, names: Iterable[str] | None, first: int | None, offset: int
    ) -> tuple[tuple[Any, ...], ...] | None:
        """Rows of co-attendance (of ``text``): unbound (``names`` None), or bound to the first of
        the ``names`` tried (N-Triples terms) that has rows; ``first`` rows after ``offset``. None
        when the index has no table for that text."""
        found = self.manifest.get(COATTENDANCE)
        if not found or found.get("digest") != digest(text):
            return None
        stop = None if first is None else offset + first
        if names is None:
            with (self.folder / UNBOUND).open("rb") as handle:
                return _rows(islice(handle, offset, stop), unbound=True)
        with (self.folder / BY_NAME).open("rb") as handle:
            for term in names:
                lines = _lines_of(handle, term.encode("utf-8") + b"\t")
                peeked = next(lines, None)
                if peeked is not None:
                    lines = chain([peeked], lines)
                    return _rows(islice(lines, offset, stop), unbound=False)
        return ()


def _lines_of(handle, prefix: bytes) -> Iterator[bytes]:
    """The lines of a sorted file that begin with ``prefix`` (a name and its tab), found by
    bisecting the file's bytes (:func:`~govkg.graph.splice.sorted_line_start`): only a few are
    read."""
    key = prefix[:-1]
    sorted_line_start(handle, lambda line: line.split(b"\t", 1)[0] < key)
    for line in handle:
        if not line.startswith(prefix):
            return
        yield line


def _rows(lines: Iterable[bytes], unbound: bool) -> tuple[tuple[Any, ...], ...]:
    """Rows of co-attendance (?name ?official ?other ?events ?person ?partner) from its lines."""
    ox = _oxigraph()
    integer = ox.NamedNode(_XSD_INTEGER)
    cells = []
    for line in lines:
        fields = line.decode("utf-8").rstrip("\n").split("\t")
        if unbound:
            events, name, other, person, partner = fields
        else:
            name, events, other, person, partner = fields
        cells.append((events, name, other, person, partner))
    terms = _parse([term for row in cells for term in row[1:]])
    rows = []
    for i, (events, *_) in enumerate(cells):
        name, other, person, partner = terms[4 * i : 4 * i + 4]
        rows.append((name, name, other, ox.Literal(events, datatype=integer), person, partner))
    return tuple(rows)


def _cells(line: bytes | str) -> list[str]:
    """A whole answer's line as its cells (N-Triples terms, an unbound one empty)."""
    return (line.decode("utf-8") if isinstance(line, bytes) else line).rstrip("\n").split("\t")


def _within(cell: str, bound: str, kind: str) -> bool:
    """Whether a cell's text is within a bound (the text of a ``from`` or ``to`` parameter) as a
    named query compares them: ``>=`` the first day (unbound: ""), ``<`` the last day
    followed by "~" (unbound: "~", after any day); see graph/indexing.py, _range_columns."""
    text = nt_literal(cell)[0] if cell.startswith('"') else cell[1:-1] if cell else None
    if kind == ">=":
        return (text if text is not None else "") >= bound
    return (text if text is not None else "~") < bound + "~"


def _answer_rows(lines: Iterable[str | list[str]]) -> tuple[tuple[Any, ...], ...]:
    """Rows of a whole answer's lines (N-Triples terms, tab-separated, an unbound one empty), or
    of their cells."""
    rows = [line if isinstance(line, list) else _cells(line) for line in lines]
    terms = iter(_parse([cell for row in rows for cell in row if cell]))
    return tuple(tuple(next(terms) if cell else None for cell in row) for row in rows)


def _parse(texts: list[str]) -> list:
    """N-Triples terms (IRIs and literals) as pyoxigraph terms, in one parse."""
    if not texts:
        return []
    ox = _oxigraph()
    document = "".join(f"<urn:x:s> <urn:x:p> {text} .\n" for text in texts)
    parsed = ox.parse(input=document.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return [triple.object for triple in parsed]


def _terms(path: Path) -> Iterator:
    """The terms of a file of one N-Triples term a line, parsed a few lines at a time (more as
    more are read: a first page reads a few)."""
    with path.open(encoding="utf-8") as handle:
        size = 8
        while lines := [line.rstrip("\n") for line in islice(handle, size)]:
            yield from _parse(lines)
            size = min(size * 4, 4096)


def _blocks(path: Path, wanted: set[str] | None, size: int, most: int) -> Iterator[list[str]]:
    """The values of a walk file (see :meth:`PageIndex.walk`) among ``wanted`` (None: all), in blocks."""
    with path.open(encoding="utf-8") as handle:
        held: list[str] = []
        key = None
        for line in handle:
            value, _, now = line.partition("\t")
            if wanted is not None and value not in wanted:
                continue
            if len(held) >= size and now != key:
                yield held
                held, size = [], min(size * 2, most)
            held.append(value)
            key = now
        if held:
            yield held


# How the cells of a line (N-Triples terms) are ordered as the store orders them: the key and
# walk files' lines, a whole answer's ORDER BY columns (graph/indexing.py writes and edits them).
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# a day, or a day and a time of day, without a time zone: ordered by the store as by their text
_TEMPORAL = re.compile(
    r'"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2})?"\^\^<http://www\.w3\.org/2001/XMLSchema#date(?:Time)?>'
)
_INTEGER = re.compile(r'"-?\d+"\^\^<http://www\.w3\.org/2001/XMLSchema#integer>')


def _cell_kind(cell: str) -> str:
    """How a walk line's cell is ordered here: ``u`` unbound, ``i`` an IRI, ``t`` a day or a
    day and time (:data:`_TEMPORAL`: by its text), ``s`` a string, tagged or not; ``x`` none."""
    if not cell:
        return "u"
    if cell.startswith("<"):
        return "i"
    if cell.endswith('"') or cell.endswith(f"^^<{_XSD_STRING}>") or re.search(r'"@[\w-]+$', cell):
        return "s"
    return "t" if _TEMPORAL.fullmatch(cell) else "x"


def _answer_kind(cell: str) -> str:
    """:func:`_cell_kind`, with ``n`` for an integer."""
    kind = _cell_kind(cell)
    return "n" if kind == "x" and _INTEGER.fullmatch(cell) else kind


def _cell_order(cell: str) -> tuple:
    """A cell's place in a column of one kind (:func:`_answer_kind`), as the store orders it."""
    kind = _answer_kind(cell)
    if kind == "u":
        return (0,)
    if kind == "i":
        return (1, cell[1:-1])
    if kind == "t":
        return (2, cell[1 : cell.index('"', 1)])
    if kind == "n":
        return (2, int(cell[1 : cell.index('"', 1)]))
    return (2, *_literal_key(cell))


def _literal_key(text: str) -> tuple:
    """A literal's place among names in the store's ORDER BY (N-Triples): by its text, a tagged
    one before a plain one."""
    lexical, language, datatype = nt_literal(text)
    return (lexical, 0, language) if language else (lexical, 1, datatype[1:-1] if datatype else _XSD_STRING)
