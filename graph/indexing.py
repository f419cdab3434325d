"""Writing a build's page index (graph/page_index.py) from its store, once, at the end of the build.

:func:`write_page_index` is what a build calls once its store is in place
(graph/sharded.py, ``write_from_shards``; graph/outputs.py): the key queries'
values listed in order, as graph/sparql.py lists them; co-attendance's
rows counted from the participations and sorted as the query orders them;
and the whole answer of every other named query without a key query
(documents-cited, directives-implemented: ordered by a count, or by a place
a row may lack), as the store gives it; and the first rows of each named
query bound to each value whose answer is large (:func:`_write_busy`: 习近平's
20,298 events, 中国's officials), which the store answers only after reading
and sorting every row of the value; each file written in one pass. The
busy values' files are written on a second thread beside the others
(:func:`_beside`): the engine answers without the GIL, so the build's two
cores are busy on the one store open.

An update (``--add``, ``remove``, a build into a folder) has the previous
build's index and the triples its graph.nt lost and gained: the key files
and co-attendance's tables are then the previous ones with the lines that
changed taken out and put in at their place (:func:`update_coattendance`,
:func:`_update_keys`; the text between copied in the kernel, graph/splice.py),
the walk files (:func:`_update_walk`), the whole answers (:func:`_update_answer`: the rows
of the events or documents the changes reach) and the busy values' rows (:func:`_busy_edits`:
those of the events, releases or officials the changes reach), the bytes a whole build gives.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import shutil
import threading
from array import array
from collections.abc import Iterator
from itertools import islice, pairwise
from pathlib import Path

from govkg.extract.identity import give_back_memory
from govkg.graph.folders import atomic_open, atomic_write, scratch, scratch_folder
from govkg.graph.page_index import (
    BY_NAME,
    COATTENDANCE,
    FORMAT,
    INDEX,
    UNBOUND,
    PageIndex,
    _answer_kind,
    _cell_kind,
    _cell_order,
    _lines_of,
    _literal_key,
    _parse,
    digest,
)
from govkg.graph.shards import SortedLines, iter_shards, line_pieces
from govkg.graph.sparql import (
    _CLOSING_ORDER,
    _nt_term,
    _ordered_keys,
    named_queries,
    page_busy,
    page_keys,
    page_walk,
)
from govkg.graph.splice import Splice, Stale
from govkg.graph.store import DATABASE, MANIFEST, STORE, _oxigraph
from govkg.graph.terms import nt_literal

# The participations and the names of the participants, for the co-attendance counts: the
# predicates in N-Triples, and the queries of a store.
_GOV = "https://w3id.org/govkg/ontology#"
_AGENT, _EVENT, _NAME = f"<{_GOV}agent>", f"<{_GOV}event>", "<https://schema.org/name>"
_PARTICIPATIONS = """PREFIX gov: <https://w3id.org/govkg/ontology#>
SELECT ?event ?person WHERE {
  { SELECT ?p ?person WHERE { ?p gov:agent ?person } }
  { SELECT ?p ?event WHERE { ?p gov:event ?event } }
}"""
_NAMES = """PREFIX gov: <https://w3id.org/govkg/ontology#>
PREFIX schema: <https://schema.org/>
SELECT ?person ?name WHERE {
  { SELECT DISTINCT ?person WHERE { ?p gov:agent ?person } }
  { SELECT ?person ?name WHERE { ?person schema:name ?name } }
}"""


def write_page_index(outdir: str | Path, store=None, previous=None, changes=None, shards=None) -> Path:
    """Write ``OUT/store/index`` from the build's store (``store``, else ``OUT/store`` opened
    read-only); returns the folder. Each file is written whole, in order, in one pass, but in
    an update: ``previous``, the folder of the build updated, and ``changes``, the files of the
    triples its graph.nt lost and gained (graph/sharded.py), make the key files and
    co-attendance's tables from the previous build's (:func:`write_index_files`), the same bytes.
    ``shards``, the folder of the shards whose triples the store holds, is where co-attendance's
    tables read what they count when they are made whole (:func:`write_coattendance`)."""
    outdir = Path(outdir)
    folder = outdir / STORE / INDEX
    if store is None:
        store = _Reopened(outdir / STORE / DATABASE)
    triples = json.loads((outdir / STORE / MANIFEST).read_text(encoding="utf-8"))["triples"]
    before = _previous_index(previous) if changes is not None else None
    return write_index_files(store, folder, triples, before, changes, shards)


class _Reopened:
    """A build's store read by its page index, opened read-only again as each step starts
    (:func:`_fresh`), the C library's free memory given back in between: a step's reads do not
    stay in memory through the next.

    Oxigraph keeps a cache of the blocks it has read for each of the store's RocksDB column
    families (32 MB each, 128 MB for one: not set from pyoxigraph) as long as the store is
    open. Read through one store, the index filled them step after step: at 10,000 releases
    the store held 84 MB of the C heap once the index was written (42 at 3,000), which closing
    it gave back, and that grew with the corpus up to the caches' sizes. Opened again per step
    (and trimmed: the caches' blocks freed on either thread's arena), the index of a 10,000
    build's store peaked at 187-194 MB instead of 217-220 (3,000: 111-112, not 134), with the
    same CPU. A query begun before the store is opened again reads the store it started on, the
    last of them closes it. Both threads of the index (:func:`_beside`) read the one store
    open."""

    def __init__(self, database: Path) -> None:
        self._database = str(database)
        self._lock = threading.Lock()
        self._store = _oxigraph().Store.read_only(self._database)

    def reopen(self) -> None:
        """Open the store again (the previous one closed once nothing reads it)."""
        with self._lock:
            self._store = None  # its caches gone before the new one's are filled
            give_back_memory()
            self._store = _oxigraph().Store.read_only(self._database)

    def query(self, *args, **kwargs):
        with self._lock:
            store = self._store
        return store.query(*args, **kwargs)

    def __len__(self) -> int:
        with self._lock:
            store = self._store
        return len(store)


def _fresh(store) -> None:
    """As a step of the page index starts: a store the index opened itself, opened again
    (:class:`_Reopened`); a store handed to it, as it is."""
    if isinstance(store, _Reopened):
        store.reopen()


def _fresh_step(run, store, *task) -> None:
    """``run(store, *task)``, a step of the page index on a store opened again (:func:`_fresh`)."""
    _fresh(store)
    run(store, *task)


def _previous_index(previous) -> PageIndex | None:
    """The page index of the build in ``previous``, if it is its store's."""
    if previous is None:
        return None
    try:
        found = json.loads((Path(previous) / STORE / MANIFEST).read_text(encoding="utf-8"))["triples"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return PageIndex.open(Path(previous) / STORE / INDEX, found)


def write_index_files(
    store,
    folder: str | Path,
    triples: int | None = None,
    previous: PageIndex | None = None,
    changes=None,
    shards: str | Path | None = None,
) -> Path:
    """The page index of ``store`` in ``folder`` (see the module's docstring); ``triples``, the
    store's, recorded for :meth:`PageIndex.open` to check (default: counted). ``previous``, the
    index of the store that ``changes`` (the files of the triples removed and added) made this
    one, gives the key files (:func:`_update_keys`; the manifest records how a key file's
    values are ordered, where this module knows the store's order: :func:`_order_of`) and
    co-attendance's tables (:func:`update_coattendance`), the walk files (:func:`_update_walk`)
    and the whole answers (:func:`_update_answer`) where it has them for the same texts.
    ``shards``, the folder of the shards whose triples ``store`` holds: what co-attendance's tables
    count, read there (:func:`write_coattendance`)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    changes = _Changes(changes, _named_predicates()) if changes is not None else None
    busy, tasks = _busy_tasks(folder, previous, changes)
    coattended = None
    # the busy values' rows on a thread beside this one's files (_beside)
    with _beside(functools.partial(_fresh_step, _write_busy, store), tasks):
        keys: dict[str, dict[str, str]] = {}
        made: dict[str, tuple[str, str | None]] = {}  # a key query's text -> its file and its order
        for name, query in named_queries().items():
            listing = page_keys(query)
            if listing is None:
                continue
            body = _body(listing.text)  # key queries that differ in their comments share a file
            if body not in made:
                _fresh(store)
                file, order = f"{name}.nt", None
                known = _kept(previous, changes, "keys", name, listing.text)
                variable = _KEY_VARIABLE.search(listing.text)
                if known and known.get("order") in _KEY_ORDERS and variable:
                    # the values whose rows the changes reach, along the key query's own patterns
                    lost, gained = _lost_and_gained(
                        store, changes, _patterns(body), variable.group(1), literals=True
                    )
                    before = previous.folder / known["file"]
                    order = _update_keys(store, listing, before, folder / file, known["order"], lost, gained)
                if order is None:
                    _, values = _ordered_keys(store, query, listing)
                    order = _write_keys(folder / file, values)
                made[body] = file, order
            file, order = made[body]
            keys[name] = {"file": file, "digest": digest(listing.text)} | ({"order": order} if order else {})
        walks: dict[str, dict[str, str]] = {}
        walked: dict[str, tuple[str, int] | None] = {}  # a walk's text -> its file and values, or None
        for name, query in named_queries().items():
            walk = page_walk(query)
            if walk is None:
                continue
            body = _body(walk.text)  # walk queries that differ in their comments share a file
            if body not in walked:
                _fresh(store)
                file, values = f"{name}.walk.tsv", None
                known = _kept(previous, changes, "walks", name, walk.text)
                if known:
                    before = previous.folder / known["file"]
                    values = _update_walk(store, walk.text, before, folder / file, changes)
                if values is None:
                    values = _write_walk(store, walk.text, folder / file)
                walked[body] = (file, values) if values is not None else None
            if walked[body]:
                file, values = walked[body]
                walks[name] = {"file": file, "digest": digest(walk.text), "values": values}
        answers: dict[str, dict[str, str]] = {}
        for name, query in named_queries().items():
            if name != COATTENDANCE and page_keys(query) is None:
                _fresh(store)
                known = _kept(previous, changes, "answers", name, query.text)
                updated = known is not None and _update_answer(
                    store, query.text, previous.folder / known["file"], folder / f"{name}.tsv", changes
                )
                if not updated:
                    atomic_write(folder / f"{name}.tsv", _answer_lines(store, query.text))
                answers[name] = {"file": f"{name}.tsv", "digest": digest(query.text)}
                if bound := _bound_columns(query):
                    answers[name]["bound"] = bound
                    if ranges := _range_columns(query):
                        answers[name]["ranges"] = ranges
        coattendance = named_queries().get(COATTENDANCE)
        if coattendance is not None:
            _fresh(store)
            wanted = {"digest": digest(coattendance.text)}
            updated = (
                previous is not None
                and changes is not None
                and previous.manifest.get(COATTENDANCE) == wanted
                and update_coattendance(store, folder, previous.folder, *changes)
            )
            if updated or write_coattendance(store, folder, shards=None if shards is None else Path(shards)):
                coattended = wanted
    found = {
        "format": FORMAT,
        "triples": len(store) if triples is None else triples,
        "keys": keys,
        "walks": walks,
        "answers": answers,
        "busy": busy,
    } | ({COATTENDANCE: coattended} if coattended else {})
    atomic_write(folder / "index.json", json.dumps(found, indent=1, sort_keys=True) + "\n")
    return folder


def _bound_columns(query) -> dict[str, list[int]]:
    """The parameters of a named query whose rows, bound to a value, are the rows of its unbound
    answer that hold that value, together (:meth:`PageIndex.bound`): the first variable of its
    ORDER BY, ascending, is the parameter or is bound to it (``BIND (?place AS ?placeName)``),
    each the value of the other; each with its column and the ORDER BY's first column.

    >>> _bound_columns(named_queries()["directives-implemented"])
    {'place': [0, 3]}
    """
    body = _body(query.text)
    order, projected = _query_order(body), _outer_projection(body)
    if not order or order[0][1] or order[0][0] not in projected:
        return {}
    first = order[0][0]
    found = {}
    for parameter in query.parameters:
        pairs = ((parameter, first), (first, parameter))
        same = parameter == first or any(
            re.search(rf"\bBIND\s*\(\s*\?{a}\s+AS\s+\?{b}\s*\)", body, re.IGNORECASE) for a, b in pairs
        )
        if same and parameter in projected:
            found[parameter] = [projected.index(parameter), projected.index(first)]
    return found


def _outer_projection(body: str) -> list[str]:
    """The variables the first ``SELECT ... WHERE`` of a query's body projects (none if unknown)."""
    outer = _SELECT_WHERE.search(body)
    return (_projected(outer.group(1)) if outer else None) or []


# A named query's bounds of a day (``?from``, ``?to``), as its text compares them with a column
# of every row: ``>=`` the first day, ``<`` the last followed by "~" (an unbound one no bound).
_RANGES = (
    (re.compile(r'FILTER \(COALESCE\(COALESCE\(STR\(\?(\w+)\), ""\) >= STR\(\?(\w+)\), true\)\)'), ">="),
    (
        re.compile(
            r'FILTER \(COALESCE\(COALESCE\(STR\(\?(\w+)\), "~"\) < CONCAT\(STR\(\?(\w+)\), "~"\), true\)\)'
        ),
        "<",
    ),
)


def _range_columns(query) -> dict[str, list]:
    """The parameters of a named query that bound a projected column of its rows by a filter of
    its outer pattern (:data:`_RANGES`), each with its own column, the column compared and how
    (:meth:`PageIndex.bound` applies them to the rows of the parameter it reads).

    >>> _range_columns(named_queries()["directives-implemented"])
    {'from': [1, 4, '>='], 'to': [2, 4, '<']}
    """
    body = _body(query.text)
    if len(_SELECT_WHERE.findall(body)) != 1:
        return {}  # a filter of a subquery's pattern is not one of every row
    projected = _outer_projection(body)
    found = {}
    for pattern, kind in _RANGES:
        for compared, parameter in pattern.findall(body):
            if parameter in query.parameters and parameter in projected and compared in projected:
                found[parameter] = [projected.index(parameter), projected.index(compared), kind]
    return found


def _kept(previous, changes, kind: str, name: str, text: str) -> dict | None:
    """The previous index's entry of a query of ``kind`` (keys, walks, answers) that an update
    may start from: there are changes to follow and the query's text is the same (its digest)."""
    if not (previous and changes):
        return None
    known = previous.manifest.get(kind, {}).get(name)
    return known if known is not None and known.get("digest") == digest(text) else None


def _write_walk(store, text: str, path: Path, step: int = 4096) -> int | None:
    """Write the walk file of a walk query (``text``) of ``store``: each value walked (its first
    column) and its order key (the others), a line each, in the query's order; returns how
    many. None (nothing written) where a value walked is not an IRI or comes twice (two
    order keys: its rows would not be together in the named query's order). The lines are
    written as the engine gives them, a piece of ``step`` at a time: held are the values seen."""
    import pyoxigraph as ox

    seen: set[str] = set()
    try:
        with atomic_open(path, "w") as handle:
            held = []
            for solution in store.query(text):
                value = solution[0]
                if not isinstance(value, ox.NamedNode) or value.value in seen:
                    raise _NoWalk
                seen.add(value.value)
                held.append(_walk_line(solution))
                if len(held) == step:
                    handle.write("".join(held))
                    held = []
            handle.write("".join(held))
    except _NoWalk:
        path.unlink(missing_ok=True)
        return None
    return len(seen)


class _NoWalk(Exception):
    """A walk query whose values are not all IRIs each once: no walk file (:func:`_write_walk`)."""


def _walk_line(solution) -> str:
    """A walk file's line of a walk query's row: its terms in N-Triples, tab-separated."""
    return "\t".join("" if term is None else _nt_term(term) for term in solution) + "\n"


def _update_walk(store, text: str, before: Path, path: Path, changes) -> int | None:
    """The walk file of an update (``path``) from the previous one (``before``) and the triples
    removed and added (``changes``): the lines of the values near them (:func:`_near`, by the
    walk query's predicates) taken out, and those values' lines now (the walk query with a
    ``VALUES`` block of them) put in at their place, the bytes :func:`_write_walk` gives.
    Returns how many lines; None (nothing written) where the query cannot be flattened, or a
    line's order key is not one this module orders as the store does (:func:`_walk_key`)."""
    variable = _PROJECTED_FIRST.search(text)
    query = _membership(text, variable.group(1)) if variable else None
    if query is None:
        return None
    near = {term for term in _near(store, changes, _predicates([text])) if term.startswith("<")}
    added = set()
    for solution in _select(store, query, sorted(near)):
        line = _walk_line(solution)
        if line in added or line[: line.index("\t")] not in near:
            return None
        added.add(line)
    if len({line[: line.index("\t")] for line in added}) != len(added):
        return None  # a value with two order keys: no walk (_write_walk)
    kinds: list[set[str]] = []
    removed, count = set(), 0
    with before.open(encoding="utf-8") as handle:
        for line in handle:
            if line[: line.index("\t")] in near:
                removed.add(line)
                continue
            count += 1
            _kinds_of(line, kinds)
    for line in added:
        _kinds_of(line, kinds)
    if any("x" in found or ("t" in found and "s" in found) for found in kinds):
        return None
    try:
        _edit_sorted(before, path, _WALK_ORDER, removed - added, added - removed)
    except (OSError, Stale):
        return None
    return count + len(added)


_PROJECTED_FIRST = re.compile(r"^SELECT\s+(?:DISTINCT\s+)?\?(\w+)", re.MULTILINE | re.IGNORECASE)


def _kinds_of(line: str, kinds: list[set[str]]) -> None:
    """Add the kinds of a walk line's cells (:func:`_cell_kind`) to ``kinds``, a set a column."""
    cells = line.rstrip("\n").split("\t")
    while len(kinds) < len(cells):
        kinds.append(set())
    for found, cell in zip(kinds, cells, strict=False):
        found.add(_cell_kind(cell))


def _walk_key(line: bytes | str) -> tuple:
    """A walk line's place in its file: its order key's cells (unbound first, then IRIs by their
    text, then literals: a day or time by its text, a string as :func:`_literal_key`; a
    column holds one kind of literal), then the value walked."""
    cells = (line.decode("utf-8") if isinstance(line, bytes) else line).rstrip("\n").split("\t")
    key = []
    for cell in cells[1:]:
        kind = _cell_kind(cell)
        if kind == "u":
            key.append((0,))
        elif kind == "i":
            key.append((1, cell[1:-1]))
        elif kind == "t":
            key.append((2, cell[1 : cell.index('"', 1)]))
        else:
            key.append((2, *_literal_key(cell)))
    return (tuple(key), cells[0][1:-1])


_WALK_ORDER = (_walk_key, lambda line: _walk_key(line)[0])


def _answer_lines(store, text: str, step: int = 4096):
    """A query's whole answer, a line a row in its order: its terms in N-Triples, tab-separated
    (an unbound one empty), ``step`` lines a piece of text."""
    held = []
    for solution in store.query(text):
        held.append("\t".join("" if term is None else _nt_term(term) for term in solution) + "\n")
        if len(held) == step:
            yield "".join(held)
            held = []
    yield "".join(held)


# An update's whole answers: the rows of the values of one column near what changed, taken out and put in.
_ORDER_BY = re.compile(r"\n[ \t]*ORDER[ \t]+BY\b([^\n]*)\s*\Z", re.IGNORECASE)
_ORDER_TERM = re.compile(r"(?:(ASC|DESC)\(\s*\?(\w+)\s*\)|\?(\w+))\s*", re.IGNORECASE)
_SELECT_WHERE = re.compile(
    r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\bWHERE\s*\{", re.IGNORECASE | re.DOTALL
)
_GROUP_BY = re.compile(r"\bGROUP\s+BY\s+((?:\?\w+\s*)+)", re.IGNORECASE)
_TOKEN = re.compile(
    r'<[^<>\s]*>|[?$]\w+|"(?:[^"\\]|\\.)*"(?:@[\w-]+|\^\^\S+)?|[A-Za-z_][\w-]*:[\w-]*|:[\w-]+|\w+|\S'
)
_INCOMING = "SELECT ?x WHERE { VALUES ?y { %%s } ?x %s ?y }"
_OUTGOING = "SELECT ?x WHERE { VALUES ?y { %%s } ?y %s ?x }"


def _update_answer(store, text: str, before: Path, path: Path, changes) -> bool:
    """The whole answer of a named query without a key query in an update (``path``), from the
    previous one (``before``) and the triples removed and added (``changes``): the bytes
    :func:`_answer_lines` gives, or False (nothing written) where it cannot.

    A row is the previous answer's line of a value of one column, the last of the ORDER BY
    whose value is an IRI (directives-implemented's event, documents-cited's document): the
    lines of the values that the changes reach (:func:`_answer_near`) are taken out, and
    their lines now (the query with a ``VALUES`` block of them at the head of its groups
    that name that column: :func:`_restricted`) put in at their place (:func:`_edit_sorted`),
    each placed by the ORDER BY's cells (:func:`_answer_order`). Made whole instead: a query with no such
    column or one not restricted so (a SELECT not projecting it, a GROUP BY not by it); a
    column of the ORDER BY whose cells are not all of one kind this module orders as the
    store does (an IRI, a string, a day or a day and time, an integer; unbound); two lines
    whose ORDER BY cells are equal, one of them new (the store's order between them is its
    own), or a line twice; and a previous answer that is empty or not as its index says."""
    body = _body(text)
    order, outer = _query_order(body), _SELECT_WHERE.search(body)
    projected = _projected(outer.group(1)) if outer else None
    if not order or not projected or any(variable not in projected for variable, _ in order):
        return False
    with before.open("rb") as handle:
        first = handle.readline().decode("utf-8").rstrip("\n").split("\t")
    if len(first) != len(projected):
        return False  # an empty answer, or one of another query
    iris = [variable for variable, _ in order if first[projected.index(variable)].startswith("<")]
    query = _restricted(body, iris[-1]) if iris else None
    if query is None:
        return False
    column = projected.index(iris[-1])
    columns = [projected.index(variable) for variable, _ in order]
    near = _answer_near(store, changes, _patterns(body), iris[-1])
    added: dict[tuple, str] = {}  # the ORDER BY's cells of the lines now -> the line
    kinds: list[set[str]] = [set() for _ in columns]
    values = sorted(near)
    rows = (
        solution
        for start in range(0, len(values), 500)
        for solution in store.query(query.replace("%s", " ".join(values[start : start + 500])))
    )
    for solution in rows:
        line = _walk_line(solution)
        cells = line.rstrip("\n").split("\t")
        tie = tuple(cells[at] for at in columns)
        if cells[column] not in near or tie in added:
            return False
        added[tie] = line
        _answer_kinds(cells, columns, kinds)
    removed = set()
    with before.open(encoding="utf-8") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) != len(projected) or not cells[column].startswith("<"):
                return False
            if cells[column] in near:
                if line in removed:
                    return False
                removed.add(line)
                continue
            if tuple(cells[at] for at in columns) in added:
                return False
            _answer_kinds(cells, columns, kinds)
    if not _orderable(kinds):
        return False
    descending = [down for _, down in order]
    try:
        _edit_sorted(before, path, _answer_order(columns, descending), removed, set(added.values()))
    except (OSError, Stale):
        return False
    return True


# Rows kept of a named query bound to a value whose answer is large: ten pages of 100.
_BUSY_ROWS = 1000


def _busy_tasks(folder: Path, previous: PageIndex | None, changes) -> tuple[dict[str, dict], list[tuple]]:
    """The index's entries of the busy values' files (``NAME.busy.tsv``) and the arguments of
    :func:`_write_busy` (but the store) that writes each, in the named queries' order."""
    busy: dict[str, dict] = {}
    tasks = []
    found = []
    for name, query in named_queries().items():
        listing = page_busy(query)
        parameter = _PROJECTED_FIRST.search(listing.text) if listing else None
        if parameter is not None and parameter.group(1) in query.parameters:
            found.append((name, query, listing, parameter))
    # listings of one shape (events-of-official's and person-events', person-titles' and
    # titles-over-time's but their thresholds) asked once
    listings = _Listings([listing.text for _, _, listing, _ in found])
    for name, query, listing, parameter in found:
        known = _kept(previous, changes, "busy", name, query.text)
        of = digest(listing.text)
        kept = known is not None and known.get("of") == of
        before = previous.folder / known["file"] if kept else None
        # every row of a query that groups (an aggregate's rows: a few thousand at most)
        most = None if _GROUP_BY.search(_body(query.text)) else _BUSY_ROWS
        file = f"{name}.busy.tsv"
        busy[name] = {"file": file, "digest": digest(query.text), "of": of} | ({"rows": most} if most else {})
        # None: a previous entry without its values listed without rows (an index of older code)
        empty = known.get("empty") if kept and isinstance(known.get("empty"), list) else None
        task = (query, listing, parameter.group(1), most, folder / file, before, changes, busy[name], empty)
        tasks.append((*task, listings))
    return busy, tasks


class _Listings:
    """The values a busy listing's text lists in a store (its first column, in N-Triples), asked
    once for the tasks of one index, on either thread (:func:`_beside`): listings of one shape
    share their values. Two busy listings with the same text (events-of-official's and
    person-events', 1.3 s of the engine at 30,000 releases) are one shape; so are two that
    keep the values counted at least some number of times and differ only in that number
    (person-titles' 1,000 and titles-over-time's 2,000 holdings: 2 s at 30,000 releases, most
    of titles-over-time's file), asked once with the smallest of the ``texts`` given and each
    value's count (:func:`_counted`). Held as text, each task making its own terms of them
    (:func:`_parse`): no term of the store's is used by two threads. A few hundred values at
    most: the busy ones."""

    def __init__(self, texts: list[str] = ()) -> None:
        self._lock = threading.Lock()
        self._found: dict[tuple, tuple[threading.Lock, list]] = {}
        self._least: dict[str, int] = {}  # a counted shape's smallest threshold among ``texts``
        for text in texts:
            if counted := _counted(text):
                shape, at_least = counted
                self._least[shape] = min(at_least, self._least.get(shape, at_least))

    def of(self, store, text: str) -> list[str]:
        counted = _counted(text)
        if counted is None:
            key, asked = (_body(text), None), text
        else:
            shape, at_least = counted
            key = (shape, min(at_least, self._least.get(shape, at_least)))
            asked = _COUNTED % key
        with self._lock:
            lock, found = self._found.setdefault(key, (threading.Lock(), []))
        with lock:  # one thread asks, the other waits for its values
            if not found:
                rows = store.query(asked)
                found.append([(_nt_term(row[0]), int(row[1].value) if counted else 0) for row in rows])
        if counted is None:
            return [value for value, _ in found[0]]
        return [value for value, count in found[0] if count >= counted[1]]


# A busy listing that keeps the values of its one column counted at least some number of times:
# its head up to its projection, its variable, the rest up to the grouping, and the threshold.
_COUNTED_LISTING = re.compile(
    r"\A(?P<head>.*?^SELECT)\s+\?(?P<name>\w+)\s+(?P<rest>WHERE\b.*)"
    r"\n[ \t]*GROUP\s+BY\s+\?(?P=name)\s*"
    r"\n[ \t]*HAVING\s*\(\s*COUNT\s*\(\s*\*\s*\)\s*>=\s*(?P<least>\d+)\s*\)\s*\Z",
    re.DOTALL | re.MULTILINE | re.IGNORECASE,
)
# Such a listing asked with each value's count (``_counted``'s shape, and the smallest threshold).
_COUNTED = "%s\nHAVING (COUNT(*) >= %d)"


def _counted(text: str) -> tuple[str, int] | None:
    """A busy listing of the values of its one column counted at least N times
    (``SELECT ?x WHERE { ... } GROUP BY ?x HAVING (COUNT(*) >= N)``) as its shape, the query
    without its comments that selects each such value and its count but for the ``HAVING``
    line (:data:`_COUNTED` adds one), and N; None for a listing of another form.

    >>> listing = "SELECT ?name WHERE { ?p <urn:x:a> ?name }\\nGROUP BY ?name\\nHAVING (COUNT(*) >= 1000)"
    >>> shape, least = _counted(listing)
    >>> print(shape)
    SELECT ?name (COUNT(*) AS ?count) WHERE { ?p <urn:x:a> ?name }
    GROUP BY ?name
    >>> least
    1000
    """
    found = _COUNTED_LISTING.search(_body(text).rstrip())
    if found is None or re.search(r"[?$]count\b", found.group(0)):
        return None  # a query that names a count of its own: asked as it is
    head, name, rest = found.group("head", "name", "rest")
    return f"{head} ?{name} (COUNT(*) AS ?count) {rest}\nGROUP BY ?{name}", int(found.group("least"))


@contextlib.contextmanager
def _beside(run, tasks: list[tuple]) -> Iterator[None]:
    """Run ``run(*task)`` for each of ``tasks`` on a thread of its own from the first while the
    block runs; then this thread takes the tasks not started from the last, and waits for the
    others (their errors raised here). An error (or an interrupt) in the block or in a task
    cancels the tasks not started.

    The engine answers a query without holding the GIL (the busy values' rows: most of their
    time is its sort of every row of the value), so the two threads keep both cores busy, on
    the one store this process has open: a second process would open it again (the store's
    own memory, about 140 MB at 30,000 releases)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1, thread_name_prefix="govkg-busy") as helper:
        futures = [helper.submit(run, *task) for task in tasks]
        try:
            yield
            for future, task in reversed(list(zip(futures, tasks, strict=True))):
                if not future.cancel():
                    break  # the helper has started it, and every one before it
                run(*task)
            for future in futures:
                if not future.cancelled():
                    future.result()
        except BaseException:  # the helper ends the task it is on, and starts no other
            for future in futures:
                future.cancel()
            raise


def _write_busy(
    store,
    query,
    listing,
    parameter: str,
    most: int | None,
    path: Path,
    before: Path | None,
    changes,
    entry: dict | None = None,
    empty: list[str] | None = None,
    listings: _Listings | None = None,
) -> None:
    """Write ``NAME.busy.tsv`` (graph/page_index.py) of named query ``query`` from ``store``: for
    each value of ``parameter`` that its ``busy/NAME.rq`` (``listing``) lists, the first ``most``
    rows of the query bound to it (None: all), as the engine gives them; and in ``entry``, the
    file's entry of the index, under ``empty``, the values listed that have no rows (N-Triples,
    sorted: not in the file, yet listed, which an update needs to know).

    An update (``before``, the previous file, ``empty``, the previous entry's, and
    ``changes``) asks again only the values whose rows the changes may reach
    (:func:`_answer_near`, by the patterns of the query and of the listing, up to five of
    them: a name's person, participation, event, release and its identifier): which are
    large now is known of a value listed before whose listing lost no row (still listed) and
    of one not listed that gained none (still not) where the listing only grows with its
    triples (:func:`_monotone`, :func:`_lost_and_gained`: at 30,000 + 100, 22 of the 630 or
    so names reached, those that hold the busiest officials' thousands of rows, are not
    counted again); the listing restricted to the others (:func:`_restricted`) says which
    of them are. Each value listed is edited (:func:`_busy_edits`), else bound again; every
    other value keeps its lines, the same bytes. A previous entry without ``empty`` (an index
    of older code) has them found from the listing now, the same for values not reached, and
    every value reached counted again.

    The file is written a value at a time, in order (the values listed sorted first), each
    value's rows as the engine gives them; an update copies the lines of the values not
    reached from the previous file as it writes (:func:`_merged_lines`): held are the lines
    of one value, and in an update those of the values reached."""
    listings = listings or _Listings()
    kept: set[str] = set()  # the values of the previous file not reached, whose lines are copied
    old: dict[str, list[str]] = {}  # the lines before of the values the changes reach
    restricted = _restricted(_body(listing.text), parameter) if before is not None else None
    near: set[str] = set()
    if restricted is not None:
        patterns = _patterns(_body(query.text)) + _patterns(_body(listing.text))
        near = _answer_near(store, changes, patterns, parameter, length=5, literals=True)
        last = b""
        with before.open(encoding="utf-8") as handle:
            for line in handle:
                value = line[: line.index("\t")]
                if value in near:
                    old.setdefault(value, []).append(line)
                else:
                    kept.add(value)
                if value.encode() < last:  # not in the order this writes (no index of this code)
                    restricted = None
                last = value.encode()
    if restricted is not None:
        asked, known = sorted(near), []
        if empty is None:  # not recorded (older code): those of the listing now, the same where not near
            listed = listings.of(store, listing.text)
            empty = [value for value in listed if value not in near and value not in kept]
        elif _monotone(_body(listing.text)):
            lost, gained = _lost_and_gained(
                store, changes, _patterns(_body(listing.text)), parameter, length=5, literals=True
            )
            listed = (old.keys() | set(empty)) & near
            known = sorted(listed - lost)
            asked = [value for value in sorted(near) if value in (lost if value in listed else gained)]
        values = _parse(known) + [row[0] for row in _select(store, restricted, asked, values=True)]
    else:
        old, kept = {}, set()
        values = _parse(listings.of(store, listing.text))
    variable = _oxigraph().Variable(parameter)
    edits = _busy_edits(store, query, parameter, old, most, changes) if old else {}
    none = {value for value in empty or () if value not in near} if restricted is not None else set()

    def rows_of(value) -> Iterator[str]:  # a value's lines now
        text = _nt_term(value)
        edited = edits.get(text)
        if edited is None:
            rows = islice(store.query(query.text, substitutions={variable: value}), most)
            edited = [_walk_line(row) for row in rows]
        if not edited:
            none.add(text)
        return (f"{text}\t{line}" for line in edited)

    ordered = dict(sorted(((_nt_term(value).encode(), value) for value in values), key=lambda pair: pair[0]))
    asked_lines = ((key, rows_of(value)) for key, value in ordered.items())
    atomic_write(path, _merged_lines(before if kept else None, kept, asked_lines))
    if entry is not None:
        entry["empty"] = sorted(none)


def _merged_lines(before: Path | None, kept: set[str], asked) -> Iterator[str]:
    """The lines of a busy values' file: those of the values ``kept`` copied from the previous
    file (``before``, sorted by its values' UTF-8 bytes), among the lines of the values asked
    (``asked``: each value's UTF-8 bytes and its lines, in that order, none of them kept)."""
    lines = None
    if before is not None:
        handle = before.open(encoding="utf-8")
        lines = (line for line in handle if line[: line.index("\t")] in kept)
    try:
        line = next(lines, None) if lines is not None else None
        for key, made in asked:
            while line is not None and line[: line.index("\t")].encode() < key:
                yield line
                line = next(lines, None)
            yield from made
        while line is not None:
            yield line
            line = next(lines, None)
    finally:
        if lines is not None:
            handle.close()


def _busy_edits(store, query, parameter: str, old: dict[str, list[str]], most: int | None, changes) -> dict:
    """The lines (without the value) now of the busy values whose lines before are ``old``, from
    those and the rows the changes reach, where the engine's bound answer of every row is not
    needed: each value's in N-Triples -> its lines (a value left out: bound again).

    The rows are told apart by a column (:func:`_busy_column`) whose values the changes reach
    (:func:`_answer_near`): the lines before of the others are kept, and the rows of those
    reached are asked again, once for every value (the query with a ``VALUES`` block of them,
    :func:`_restricted`, the parameter a column of its rows), and put among each value's in
    the query's order as the store orders it (:func:`_in_order`). Where a value's lines held
    the first ``most`` rows and no more, only its rows up to its last are known: at least
    ``most`` of them must be left. A value is left out also where the order's cells are not
    of one kind this module orders (:func:`_answer_kinds`), or two rows that differ tie in it."""
    body = _body(query.text)
    projected, order = _shown_order(query.text)
    if parameter not in projected or order is None:
        return {}  # ordered by what its rows do not show (titles-over-time's first day): bound again
    rows = {text: [_row(line[line.index("\t") + 1 :]) for line in lines] for text, lines in old.items()}
    found = _busy_column(
        body, parameter, projected, [row for value in rows.values() for row in value], most is None
    )
    if found is None:
        return {}
    at, variable, template = found
    near = _answer_near(store, changes, _patterns(body), variable, length=5, literals=True)
    reached: dict[str, list[list[str]]] = {}  # the rows now of the values reached, by value
    owner = projected.index(parameter)
    blocks = sorted(near)
    for start in range(0, len(blocks), 500):
        for solution in store.query(template.replace("%s", " ".join(blocks[start : start + 500]))):
            row = _row(solution)
            if row[at] not in near:
                return {}
            reached.setdefault(row[owner], []).append(row)
    edits = {}
    for text, before in rows.items():
        kept = [row for row in before if row[at] not in near] + reached.get(text, [])
        cut = most is not None and len(before) >= most  # the rows up to the last before are known
        if cut:
            kept.append(before[-1] + ["last"])  # placed among them, then cut there
        ordered = _in_order(query, kept, marked=cut)
        if ordered is not None and not (cut and len(ordered) < most):
            edits[text] = [_line(row) for row in ordered[:most]]
    return edits


def _row(solution) -> list[str]:
    """A row's cells in N-Triples (an unbound one empty), of a solution or a line."""
    line = solution if isinstance(solution, str) else _walk_line(solution)
    return line.rstrip("\n").split("\t")


def _line(row: list[str]) -> str:
    return "\t".join(row) + "\n"


def _in_order(query, rows: list[list[str]], marked: bool = False) -> list[list[str]] | None:
    """``rows`` of named query ``query`` in its order, as the store orders them (:func:`_answer_order`);
    None where the order's cells are not of one kind this module orders
    (:func:`_answer_kinds`), or two rows that differ tie in it (the store orders them as it will).
    ``marked``: one row carries a last cell more, the mark of a row the others are cut at
    (before it; the marked row itself, equal to one of them, left out)."""
    projected, order = _shown_order(query.text)
    if order is None:
        return None
    columns = [projected.index(variable) for variable, _ in order]
    kinds: list[set[str]] = [set() for _ in columns]
    for row in rows:
        _answer_kinds(row, columns, kinds)
    if not _orderable(kinds):
        return None
    key, _ = _answer_order(columns, [down for _, down in order])
    keyed = sorted(((key("\t".join(row[: len(projected)])), len(row) > len(projected)), row) for row in rows)
    if marked:
        cut = next(at for at, ((_, mark), _) in enumerate(keyed) if mark)
        keyed = [entry for entry in keyed[: cut + 1] if not entry[0][1]]
    if any(a[0][0] == b[0][0] and a[1] != b[1] for a, b in pairwise(keyed)):
        return None  # two rows the store orders as it will (the same row twice: either way)
    return [row for _, row in keyed]


_OPTIONAL = re.compile(r"\bOPTIONAL\s*\{", re.IGNORECASE)


def _busy_column(body: str, parameter: str, projected: list[str], rows: list[list[str]], grouped: bool):
    """The column that tells a busy value's rows apart for :func:`_busy_edits`: projected, bound in
    every row (no blank node), by a pattern outside any OPTIONAL (a ``VALUES`` block of it
    does not leave out a row where it is unbound), a query restricted to it
    (:func:`_restricted`), of most values in ``rows``; in a query that groups, an IRI (a
    group's literal, a title, is shared by the groups of many values: a block of titles
    reads every official's holdings of them, 1.8 s for 习近平's titles-over-time at 30,000
    releases, where his person's 0.4 s); its index, its variable and that query, or None."""
    required = body
    while found := _OPTIONAL.search(required):
        at = _block_end(required, found.end())
        required = required[: found.start()] + required[len(required) if at is None else at :]
    named = {
        term[1:] for pattern in _patterns(required) for term in (pattern[0], pattern[2]) if term[0] == "?"
    }
    best = None
    for at, variable in enumerate(projected):
        if variable == parameter or variable not in named:
            continue
        cells = {row[at] for row in rows}
        if any(not cell or cell.startswith("_:") or (grouped and cell[0] != "<") for cell in cells):
            continue
        if best is None or len(cells) > best[0]:
            template = _restricted(body, variable)
            if template is not None:
                best = (len(cells), at, variable, template)
    return best[1:] if best else None


@functools.lru_cache(maxsize=64)
def _shown_order(text: str) -> tuple[tuple[str, ...], tuple[tuple[str, bool], ...] | None]:
    """A query's outer projection and its ORDER BY (:func:`_query_order`), the order None where it
    has none or orders by a variable its rows do not show; parsed once for each text (an
    update's busy values put each value's rows in order by it)."""
    body = _body(text)
    projected, order = tuple(_outer_projection(body)), _query_order(body)
    if not order or any(variable not in projected for variable, _ in order):
        return projected, None
    return projected, tuple(order)


def _query_order(body: str) -> list[tuple[str, bool]] | None:
    """The ORDER BY of a query's body: :func:`_order_terms`, None where it has none."""
    ordered = _ORDER_BY.search(body)
    return _order_terms(ordered.group(1)) if ordered else None


def _order_terms(text: str) -> list[tuple[str, bool]] | None:
    """An ORDER BY's variables and whether each is descending; None where it orders by an expression."""
    terms, at = [], 0
    text = text.strip()
    while at < len(text):
        found = _ORDER_TERM.match(text, at)
        if found is None:
            return None
        direction, inner, plain = found.groups()
        terms.append((inner or plain, (direction or "").upper() == "DESC"))
        at = found.end()
    return terms


def _projected(text: str) -> list[str] | None:
    """The variables a SELECT's projection lists (``(… AS ?v)`` gives ``v``); None for ``*``."""
    if "*" in text.split("(")[0]:
        return None
    found, depth, alias = [], 0, False
    for token in _TOKEN.findall(text):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
        elif token.upper() == "AS" and depth == 1:
            alias = True
        elif token[0] in "?$" and (depth == 0 or alias):
            found.append(token[1:])
            alias = False
    return found


def _restricted(body: str, variable: str) -> str | None:
    """A query's text (comments out) with ``VALUES ?variable { %s }`` at the head of the group
    of each of its SELECTs and of each group whose own patterns name the variable (the store
    joins a block of values with a union or an optional group after answering that whole:
    directives-implemented's whole answer for each block), and no ORDER BY: its rows of the
    values given, where every SELECT projects the variable and every GROUP BY groups by it
    (a group is then kept or dropped whole); None where not."""
    if "%" in body:
        return None
    selects = list(_SELECT_WHERE.finditer(body))
    if not selects or any(variable not in (_projected(found.group(1)) or ()) for found in selects):
        return None
    if any(variable not in _VARIABLE.findall(group) for group in _GROUP_BY.findall(body)):
        return None
    text = _CLOSING_ORDER.sub("\n", body)
    heads = {found.end() for found in selects}
    opened: list[tuple[int, list[str]]] = []  # the groups open: where each starts, its own text
    named = re.compile(rf"[?$]{re.escape(variable)}\b")
    start = 0
    for at, character in enumerate(text):
        if character not in "{}":
            continue
        if opened:
            opened[-1][1].append(text[start:at])
        start = at + 1
        if character == "{":
            opened.append((at + 1, []))
        elif not opened:
            return None
        else:
            begin, own = opened.pop()
            own_text = "".join(own)
            if named.search(own_text) and not own_text.lstrip().upper().startswith(("SELECT", "VALUES")):
                heads.add(begin)
    if opened:
        return None
    for at in sorted(heads, reverse=True):
        text = f"{text[:at]}\n  VALUES ?{variable} {{ %s }}{text[at:]}"
    return text


def _patterns(body: str) -> list[tuple[str, str, str]]:
    """The triple patterns of a query's text (comments out) whose subject is a variable and whose
    predicate is an IRI: (subject, predicate in N-Triples, object: ``?name`` or a term)."""
    prefixes = dict(_PREFIX.findall(body))
    tokens = _TOKEN.findall(_PREFIX.sub("", body))

    def predicate(token: str) -> str | None:
        if token == "a":
            return _RDF_TYPE
        if token.startswith("<"):
            return token
        prefix, colon, local = token.partition(":")
        if colon and prefix in prefixes and not token.startswith(("?", '"')):
            return f"<{prefixes[prefix]}{local}>"
        return None

    def term(token: str) -> bool:
        return token[0] in '?$<"' or predicate(token) is not None

    found, at = [], 0
    while at + 2 < len(tokens):
        subject = tokens[at]
        verb = predicate(tokens[at + 1]) if subject[0] in "?$" else None
        if verb is None or not term(tokens[at + 2]):
            at += 1
            continue
        found.append(("?" + subject[1:], verb, tokens[at + 2]))
        at += 3
        while at + 1 < len(tokens):
            if (
                tokens[at] == ";"
                and at + 2 < len(tokens)
                and predicate(tokens[at + 1])
                and term(tokens[at + 2])
            ):
                verb = predicate(tokens[at + 1])
                found.append(("?" + subject[1:], verb, tokens[at + 2]))
                at += 3
            elif tokens[at] == "," and term(tokens[at + 1]):
                found.append(("?" + subject[1:], verb, tokens[at + 1]))
                at += 2
            else:
                break
    return [(s, p, "?" + o[1:] if o[0] in "?$" else predicate(o) or o) for s, p, o in found]


def _answer_near(
    store, changes, patterns, variable: str, length: int = 3, literals: bool = False, side: int | None = None
) -> set[str]:
    """The values of ``?variable`` (IRIs in N-Triples; and literals, as :func:`_nt_term` writes
    them, with ``literals``: a key query's names and days) whose rows the triples removed and
    added (``changes``) may change: each changed triple that a pattern of the query
    (``patterns``) matches binds the pattern's variables, and each variable bound is followed
    back to ``variable`` along every path of patterns between them (up to ``length``
    patterns, by IRIs: a join on a literal is not followed) in the store as it is now. A
    row's values are then reached from its changed triple nearest to ``variable``, whose
    path to it is unchanged. A pattern with a term for its object matches only that term.

    A key file of an update looks up these values of its key query (:func:`_update_keys`), not
    every term two steps from any changed triple by any key query's predicates (:func:`_near`:
    at 30,000 releases + 100, a tenure's holdings and their releases, 33,459 IRIs, where the
    release-event-days key's own patterns reach 1,350).

    ``side`` 0 or 1 follows only the triples removed or only those added: the values whose
    rows those may have taken away or given (:func:`_lost_and_gained`); the two together are
    the values of both."""
    edges: dict[str, list[tuple[str, str, bool]]] = {}  # a variable -> (predicate, other, forward)
    for subject, predicate, value in patterns:
        if value.startswith("?"):
            edges.setdefault(subject, []).append((predicate, value, True))
            edges.setdefault(value, []).append((predicate, subject, False))
    variable = f"?{variable}"
    paths: dict[str, list[tuple]] = {variable: [()]}  # a variable -> its paths from ``variable``
    frontier = [(variable, (), (variable,))]
    for _ in range(length):
        step = []
        for at, path, seen in frontier:
            for predicate, other, forward in edges.get(at, ()):
                if other not in seen:
                    walked = (*path, (predicate, forward))
                    paths.setdefault(other, []).append(walked)
                    step.append((other, walked, (*seen, other)))
        frontier = step
    by_predicate: dict[str, list[tuple[str, str]]] = {}
    for subject, predicate, value in patterns:
        by_predicate.setdefault(predicate, []).append((subject, value))
    starts: dict[tuple, set[str]] = {}  # a path -> the terms it is followed back from
    if not isinstance(changes, _Changes):
        changes = _Changes(changes, set(by_predicate))
    triples = changes.of(by_predicate, side)
    for p, pairs in triples.items():
        for subject, value in by_predicate[p]:
            for s, o in pairs:
                if not value.startswith("?") and value != o:
                    continue
                # a path that reaches one end of the pattern by the pattern itself is
                # that of the other end: a release's jurisdiction added is no change
                # to the rows of every release of that place
                for path in paths.get(subject, ()):
                    if path[-1:] != ((p, False),):
                        starts.setdefault(path, set()).add(s)
                for path in paths.get(value, ()):
                    if path[-1:] != ((p, True),):
                        starts.setdefault(path, set()).add(o)
    found: set[str] = set()
    steps = getattr(changes, "steps", {})  # the steps other queries' paths took from the same terms
    for path, terms in starts.items():
        for predicate, forward in reversed(path):  # back from the end of the path to ``variable``
            template = (_INCOMING if forward else _OUTGOING) % predicate
            step = (template, frozenset(terms))
            # one thread asks a step, another waiting for it meanwhile (the busy values' thread)
            with changes.step_lock(step) if isinstance(changes, _Changes) else contextlib.nullcontext():
                if step not in steps:
                    steps[step] = {_nt_term(row[0]) for row in _select(store, template, sorted(terms))}
            terms = steps[step]
        found |= {term for term in terms if term.startswith("<") or (literals and term.startswith('"'))}
    if not literals:
        return found
    texts = sorted(term for term in found if term.startswith('"'))  # as the store writes them
    return {term for term in found if term.startswith("<")} | {_nt_term(term) for term in _parse(texts)}


def _lost_and_gained(
    store, changes, patterns, variable: str, length: int = 3, literals: bool = False
) -> tuple[set[str], set[str]]:
    """The values of ``?variable`` whose rows the triples removed may have taken away, and those
    whose rows the triples added may have given: :func:`_answer_near` of each side, whose
    union is its values of both. A row lost holds a removed triple, and the one of them
    nearest the value is joined to it by triples that were not removed, which the store
    still holds; a row gained, by triples that were not added."""
    lost, gained = (
        _answer_near(store, changes, patterns, variable, length, literals, side) for side in (0, 1)
    )
    return lost, gained


# A busy listing's HAVING (a value listed where its rows are at least so many), and what makes a
# query's answer other than the more rows the more triples (an optional pattern, a negation, a
# limit, an aggregate).
_AT_LEAST = re.compile(r"\s*\bHAVING\s*\(\s*COUNT\s*\(\s*\*\s*\)\s*>=?\s*\d+\s*\)\s*\Z", re.IGNORECASE)
_NOT_MONOTONE = re.compile(
    r"\b(?:OPTIONAL|MINUS|EXISTS|LIMIT|OFFSET|SERVICE|HAVING|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\b",
    re.IGNORECASE,
)


def _monotone(body: str) -> bool:
    """Whether a query (its text without comments) that lists values lists each one it listed
    over a store's triples over those and more: its patterns joined (subqueries, unions,
    filters of a row's own values) and at most a count of a value's rows at least a number (a
    busy listing's HAVING), no optional pattern, negation, limit or other aggregate. An
    update's listing is then asked again only of values that lost rows (listed before) or
    gained some (not listed): :func:`_lost_and_gained`.

    >>> _monotone(_body(page_busy(named_queries()["person-events"]).text))
    True
    >>> _monotone("SELECT ?x WHERE { ?x <p> ?y OPTIONAL { ?y <q> ?z } FILTER (!BOUND(?z)) }")
    False
    >>> _monotone("SELECT ?x WHERE { ?x <p> ?y } GROUP BY ?x HAVING (COUNT(*) < 5)")
    False
    """
    return not _NOT_MONOTONE.search(_AT_LEAST.sub("", _CLOSING_ORDER.sub("\n", body)))


class _Changes(tuple):
    """The files of the triples an update removed and added, with the steps :func:`_answer_near`
    took back from them along a predicate (its template and the terms -> the terms reached),
    shared by the queries of one index: the seven busy queries, their edits, the key files and
    the whole answers follow many of the same paths (an update of 30,000 + 100: 111 steps, 71
    of them different); and their triples, read once (:meth:`of`).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "removed.nt").write_text("<a> <p> <b> .\\n<a> <q> \\"x y\\" .\\n", encoding="utf-8")
    30
    >>> (folder / "added.nt").write_text("<c> <p> <d> .\\n", encoding="utf-8")
    14
    >>> changes = _Changes((folder / "removed.nt", folder / "added.nt"))
    >>> changes.of(["<p>", "<r>"]), changes.of(["<p>"], 1)
    ({'<p>': [('<a>', '<b>'), ('<c>', '<d>')], '<r>': []}, {'<p>': [('<c>', '<d>')]})
    """

    def __new__(cls, files, predicates: set[str] | None = None):
        found = super().__new__(cls, files)
        found.steps = {}
        found.predicates = predicates  # those whose triples are read (None: every one)
        found._read = None  # the triples of the files by predicate: (subject, object) each
        found._lock = threading.Lock()  # the busy values' thread reads them too
        found._step_locks = {}  # a step -> the lock of asking it (step_lock)
        return found

    def step_lock(self, step) -> threading.Lock:
        """The lock held while a step is asked, so that two threads ask it once."""
        with self._lock:
            return self._step_locks.setdefault(step, threading.Lock())

    def of(self, predicates, side: int | None = None) -> dict[str, list[tuple[str, str]]]:
        """The changed triples (subject, object in N-Triples) of each of ``predicates`` (of
        those given when made) that has some, of the file ``side`` (None: every file), the
        files read once: an update's provenance, which names every release and no query
        reads, was 60,100 of the 72,374 lines of 30,000 + 100, read for each of 21 queries'
        patterns."""
        with self._lock:
            if self._read is None:
                self._read = [self._triples(path, self.predicates) for path in self]
            elif self.predicates is not None and not self.predicates.issuperset(predicates):
                more = set(predicates) - self.predicates  # read again, for these
                for read, path in zip(self._read, self, strict=True):
                    read.update(self._triples(path, more))
                self.predicates = self.predicates | more
        files = self._read if side is None else [self._read[side]]
        return {p: [pair for read in files for pair in read.get(p, ())] for p in predicates}

    @staticmethod
    def _triples(path, predicates: set[str] | None) -> dict[str, list[tuple[str, str]]]:
        read: dict[str, list[tuple[str, str]]] = {}
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                s, p, o = line.rstrip("\n")[:-2].split(" ", 2)
                if predicates is None or p in predicates:
                    read.setdefault(p, []).append((s, o))
        return read


def _named_predicates() -> set[str]:
    """Every IRI the named queries name, with their key, walk and busy queries (:func:`_predicates`):
    the predicates of the changed triples an update's index follows."""
    texts = []
    for query in named_queries().values():
        texts.append(query.text)
        texts.extend(found.text for found in (page_keys(query), page_walk(query), page_busy(query)) if found)
    return _predicates(texts)


def _orderable(kinds: list[set[str]]) -> bool:
    """Whether each ORDER BY column's cells (:func:`_answer_kinds`) are of one kind this module
    orders as the store does (unbound cells beside them)."""
    return not any("x" in found or len(found - {"u"}) > 1 for found in kinds)


def _answer_kinds(cells: list[str], columns: list[int], kinds: list[set[str]]) -> None:
    """Add the kinds of a line's ORDER BY cells (:func:`_cell_kind`; ``n`` an integer) to ``kinds``."""
    for found, at in zip(kinds, columns, strict=True):
        found.add(_answer_kind(cells[at]))


@functools.total_ordering
class _Descending:
    """A key ordered the other way (a DESC column of an ORDER BY)."""

    __slots__ = ("key",)

    def __init__(self, key) -> None:
        self.key = key

    def __eq__(self, other) -> bool:
        return self.key == other.key

    def __lt__(self, other) -> bool:
        return other.key < self.key

    __hash__ = None


def _answer_order(columns: list[int], descending: list[bool]) -> tuple:
    """The order (:func:`_edit_sorted`) of a whole answer's lines: by the cells of ``columns``."""

    def key(line: bytes | str) -> tuple:
        cells = (line.decode("utf-8") if isinstance(line, bytes) else line).rstrip("\n").split("\t")
        return tuple(
            _Descending(_cell_order(cells[at])) if down else _cell_order(cells[at])
            for at, down in zip(columns, descending, strict=True)
        )

    return key, _first_of(key)


def _body(text: str) -> str:
    """A query's text without its comment lines."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _name_key(term) -> tuple:
    """A name's place in the store's ORDER BY: by its text, a tagged one before a plain one."""
    return (term.value, 0, term.language) if term.language else (term.value, 1, term.datatype.value)


# Rows of co-attendance's tables (and meetings of two officials) made at once: past it, the pairs
# are counted and the rows made and sorted a range at a time (write_coattendance).
_BLOCK = 1 << 18


def write_coattendance(store, folder: Path, block: int = _BLOCK, shards: Path | None = None) -> bool:
    """co-attendance's two tables (see graph/page_index.py) counted from the store's
    participations: the distinct events of each pair of named officials. False (nothing
    written) where an agent is not an IRI, whose rows the query's text compares otherwise.

    ``shards``, the folder of the N-Quads shards the store was loaded from (a build's), is
    where the participations and the officials' names are read (:func:`_read_shards`), a
    shard at a time, not from the store: the store's two queries decoded the IRI of every
    participant and event, and its caches kept the blocks read (at 30,000 releases +194 MB
    of the build's peak). Without it, or where the shards hold what this module does not
    read as the store gives it (:class:`_Unread`), from the store.

    Officials are numbered in the order of their IRIs (``STR(?person) < STR(?partner)`` is
    a smaller number first) and names in the query's order, so that the rows are sorted as
    five columns of numbers (numpy's ``lexsort``), 8 bytes a number. Held whole are numbers
    only: the participations (two each), each name of an official (two) and each name's
    rank by its text. The officials' IRIs and the names' texts are numbered by sorting
    them outside memory (:func:`_sorted_lines`: runs of at most ``block`` lines, merged),
    into files read back a line at a time by number (:class:`_Numbered`). The pairs and
    their counts go to a scratch folder beside the tables (:func:`_count_pairs`, for a range
    of officials at a time), and each table's rows are made from them and sorted a range of
    the table's order at a time (:func:`_sorted_rows`), each about ``block`` rows, written
    before the next is made: the memory of the rows follows ``block``, not the corpus.
    """
    run = max(1, min(block, _RUN))
    with _scratch_folder(folder / UNBOUND, "pairs") as runs:
        with contextlib.ExitStack() as read:
            try:
                participations, named = _sorted_inputs(store, shards, runs, run, read)
                iris, event, person = _numbered_participations(iter(participations), runs, run)
            except _NotIri:
                return False
            texts, names, by_text = _numbered_names(iter(named), runs, run, iris)
        with iris, texts:
            pairs = _count_pairs(_numbers(event), _numbers(person), len(iris), runs / "pairs", block)
            del event, person
            for path, by_name in ((folder / UNBOUND, False), (folder / BY_NAME, True)):
                ranges = _sorted_rows(pairs, names, by_name, by_text, block)
                atomic_write(
                    path,
                    (piece for order, rows in ranges for piece in _lines(order, by_name, rows, texts, iris)),
                )
    return True


# Lines sorted outside memory at a time (write_coattendance): a run's, before it is spilled.
_RUN = 1 << 14


class _NotIri(Exception):
    """An agent that is not an IRI: no co-attendance tables (:func:`write_coattendance`)."""


class _Unread(Exception):
    """Shards whose participations or officials' names are not read here as the store gives
    them (:func:`_read_shards`): co-attendance's read from the store."""


def _sorted_inputs(store, shards: Path | None, folder: Path, run: int, stack: contextlib.ExitStack):
    """What co-attendance counts, as two :class:`~govkg.graph.shards.SortedLines` (each line once,
    held in ``stack``, runs of ``run`` lines in ``folder``): the participations, ``official<tab>event``
    (IRIs), and the names, ``subject<tab>name`` (the name in N-Triples as the store gives it; those
    of others than officials are left out later). Read from the shards in the folder ``shards``
    (:func:`_read_shards`) where given and read, else from the store's two queries. Raises _NotIri
    where an agent is not an IRI."""
    if shards is not None:
        with contextlib.ExitStack() as own:
            participations = own.enter_context(SortedLines(folder, run=run))
            names = own.enter_context(SortedLines(folder, run=run))
            try:
                _read_shards(shards, participations, names)
            except (_Unread, OSError):
                pass
            else:
                stack.push(own.pop_all())
                return participations, names
    import pyoxigraph as ox

    def from_store() -> Iterator[str]:
        for event, person in store.query(_PARTICIPATIONS):
            if not isinstance(person, ox.NamedNode):
                raise _NotIri
            # an IRI holds no tab: the lines sort as their officials' IRIs, then their events'
            yield f"{person.value}\t{event.value}\n"

    participations = stack.enter_context(SortedLines(folder, run=run))
    participations.extend(from_store())
    names = stack.enter_context(SortedLines(folder, run=run))
    # a term in N-Triples holds no newline
    names.extend(f"{person.value}\t{_nt_term(name)}\n" for person, name in store.query(_NAMES))
    return participations, names


# The lines of the predicates co-attendance reads, as a shard's line holds them (:func:`_read_shards`).
_AGENT_LINE, _EVENT_LINE, _NAME_LINE = (f" {predicate} ".encode() for predicate in (_AGENT, _EVENT, _NAME))
# Bytes of a shard read at a time (:func:`_read_shards`): a release's at once, the default graph's in pieces.
_PIECE = 1 << 20


def _read_shards(shards: Path, participations: SortedLines, names: SortedLines) -> None:
    """The lines :func:`_sorted_inputs` reads from a store's two queries, from the shards in the
    folder ``shards`` (graph/shards.py) the store was loaded from, a shard at a time.

    A participation's agent and event are joined within its shard: the graph of the release
    that states it, which holds both (graph/rdf.py; the IRI of a participation is made of its
    event's and its official's, so that a participation named in two graphs has the same
    agent and event in each). The store's default graph holds each triple once, the shards
    each where it is stated: a line is kept once (:class:`~govkg.graph.shards.SortedLines`).
    Raises _Unread where a participation has an agent and no event in a shard (or the other
    way round), an event or a name is not written as the store gives it (a blank node, a
    literal of a datatype, which the store writes in a canonical form of its own) or a line
    is not of its shard's graph; _NotIri where an agent is not an IRI.
    """
    for graph, path in iter_shards(shards):
        end = f" {graph} .".encode() if graph else b" ."
        agents: dict[bytes, list[bytes]] = {}
        events: dict[bytes, list[bytes]] = {}
        for data in line_pieces(path, _PIECE):
            for subject, agent in _objects(data, _AGENT_LINE, end):
                agents.setdefault(subject, []).append(agent)
            for subject, event in _objects(data, _EVENT_LINE, end):
                events.setdefault(subject, []).append(event)
            names.extend(
                (b"%s\t%s\n" % (subject[1:-1], _name_term(name))).decode()
                for subject, name in _objects(data, _NAME_LINE, end)
                if subject[0] == 60  # b"<": an IRI, as every official is
            )
        if agents.keys() != events.keys():
            raise _Unread
        participations.extend(
            f"{_iri(agent, _NotIri)}\t{_iri(event, _Unread)}\n"
            for subject, held in agents.items()
            for agent in held
            for event in events[subject]
        )


def _objects(data: bytes, predicate: bytes, end: bytes) -> Iterator[tuple[bytes, bytes]]:
    """(subject, object) in N-Triples of each line of ``data`` (lines ``S P O G .``, ``end`` being
    `` G .``) whose predicate is ``predicate`` (`` P ``): found by its text, not by splitting
    every line (a literal that holds the text is passed over)."""
    at = data.find(predicate)
    while at >= 0:
        start = data.rfind(b"\n", 0, at) + 1
        stop = data.index(b"\n", at)
        if data.find(b" ", start, stop) == at:  # the line's predicate, after its subject
            if not data.startswith(end, stop - len(end)):
                raise _Unread
            yield data[start:at], data[at + len(predicate) : stop - len(end)]
        at = data.find(predicate, stop)


def _iri(term: bytes, error: type[Exception]) -> str:
    """An IRI's text, from its N-Triples; ``error`` raised where ``term`` is not an IRI."""
    if term[0] != 60:  # b"<"
        raise error
    return term[1:-1].decode()


def _name_term(term: bytes) -> bytes:
    """A name (N-Triples, canonical: graph/terms.py) as the store gives it (``sparql._nt_term``):
    its language tag in lower case. Raises _Unread for a blank node or a literal of a datatype."""
    if term[0] == 60 or (term[0] == 34 and term[-1] == 34):  # an IRI, a plain literal
        return term
    close = term.rfind(b'"')
    if term[0] != 34 or term[close + 1] != 64:  # b"@"
        raise _Unread
    tag = term[close + 1 :]
    return term if tag.islower() else term[: close + 1] + tag.lower()


def _numbered_participations(by_person: Iterator[str], folder: Path, run: int):
    """The participations (``by_person``: lines ``official<tab>event``, IRIs, sorted:
    :func:`_sorted_inputs`) as numbers: the officials' IRIs numbered in their order (a
    :class:`_Numbered` file of them), and each participation's event and official (two
    arrays of 8-byte numbers; the events numbered in the order of their IRIs too, though any
    numbering would count the same). Sorted again outside memory (:func:`_sorted_lines`):
    by event."""
    iris = _Numbered(folder / "iris")

    def by_event() -> Iterator[str]:  # each participation's event and its official's number
        last = None
        for line in by_person:
            person, _, event = line.rstrip("\n").partition("\t")
            if person != last:
                iris.add(person)
                last = person
            yield f"{event}\t{len(iris) - 1}\n"

    events, people = array("q"), array("q")
    try:
        with _sorted_lines(by_event(), folder, run) as lines:
            last, number = None, -1
            for line in lines:
                event, _, person = line.rstrip("\n").rpartition("\t")
                if event != last:
                    number += 1
                    last = event
                events.append(number)
                people.append(int(person))
    except BaseException:
        iris.close()
        raise
    return iris.done(), events, people


def _numbered_names(by_person: Iterator[str], folder: Path, run: int, iris: _Numbered):
    """The names of the officials ``iris`` numbers (``by_person``: lines ``IRI<tab>name``, the name
    in N-Triples, sorted, each once: :func:`_sorted_inputs`), as numbers: their texts in the
    query's order (:func:`_name_key`), a :class:`_Numbered` file of them; each official's
    names (:class:`_Names`, by those ranks); and each name's rank by its text (an array, for
    the bisection of co-attendance-by-name.tsv). Joined to the officials' numbers (names of
    others left out), then sorted outside memory (:func:`_sorted_lines`) by the query's order
    of the names, then by their text."""
    import numpy as np

    def numbered(lines) -> Iterator[str]:  # each name of an official numbered: the name, the number
        with iris.reading() as officials:
            official, number = next(officials, None), 0
            for line in lines:
                person, _, text = line.rstrip("\n").partition("\t")
                while official is not None and official < person:
                    official, number = next(officials, None), number + 1
                if official == person:
                    yield f"{text}\t{number}\n"

    texts = _Numbered(folder / "texts")
    officials, ranks = array("q"), array("q")

    def ranked(lines) -> Iterator[str]:  # each name's text and rank, once
        last = None
        for line in lines:
            text, _, number = line.rstrip("\n").rpartition("\t")
            if text != last:
                texts.add(text)
                yield f"{text}\t{len(texts) - 1}\n"
                last = text
            officials.append(int(number))
            ranks.append(len(texts) - 1)

    with (
        _sorted_lines(numbered(by_person), folder, run, key=_ranked_key) as in_order,
        _sorted_lines(ranked(in_order), folder, run) as by_text_lines,
    ):
        by_text = array("q")
        for line in by_text_lines:  # a name's text holds no tab: sorted by the text
            by_text.append(int(line[line.rindex("\t") + 1 :]))
    place = np.zeros(len(by_text), dtype=np.int64)  # each name's rank by its text
    place[_numbers(by_text)] = np.arange(len(by_text))
    return texts.done(), _Names(_numbers(officials), _numbers(ranks), len(iris)), place


def _ranked_key(line: str) -> tuple:
    """A line of a name and a number's place: the name's in the query's order (:func:`_name_key`)."""
    return _literal_key(line[: line.rindex("\t")])


@contextlib.contextmanager
def _sorted_lines(lines, folder: Path, run: int, key=None) -> Iterator[Iterator[str]]:
    """``lines`` (text, each ending with a newline) sorted by ``key`` (None: by themselves),
    every one kept, outside memory: graph/shards.py's :class:`SortedLines`, ``run`` lines
    held at a time, its runs in a scratch folder in ``folder`` (removed at the end)."""
    with SortedLines(folder, run=run, key=key, unique=False) as held:
        held.extend(lines)
        yield iter(held)


class _Numbered:
    """Lines of text numbered in the order written (an official's IRI, a name's N-Triples), in a
    file with the offset of each (8 bytes a line held): a line is read back by its number
    (:meth:`lookup`), not held. Read with ``pread``, not mapped: a mapping's pages read count
    in the process's resident memory. Made empty (``add``, then ``done``); the
    file is open until the instance is closed (a context manager)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.offsets = array("q", [0])
        self._out = path.open("wb")
        self._fd: int | None = None
        self._cache: dict[int, str] = {}

    def add(self, text: str) -> None:
        data = text.encode("utf-8") + b"\n"
        self._out.write(data)
        self.offsets.append(self.offsets[-1] + len(data))

    def done(self) -> _Numbered:
        self._out.close()
        self._fd = os.open(self.path, os.O_RDONLY)
        return self

    def __len__(self) -> int:
        return len(self.offsets) - 1

    @contextlib.contextmanager
    def reading(self) -> Iterator[Iterator[str]]:
        """The lines in order (without their newlines), read from the start."""
        with self.path.open(encoding="utf-8", newline="\n") as handle:
            yield (line[:-1] for line in handle)

    def lookup(self, numbers) -> dict[int, str]:
        """The lines of ``numbers`` (without their newlines), by number. Those read last are kept
        (up to :data:`_LOOKUP_KEPT`): the busiest officials and their names come again and again."""
        cache, offsets, fd = self._cache, self.offsets, self._fd
        wanted = [number for number in numbers if number not in cache]
        if len(cache) + len(wanted) > _LOOKUP_KEPT:
            cache.clear()
            wanted = list(numbers)
        for number in wanted:
            start = offsets[number]
            cache[number] = os.pread(fd, offsets[number + 1] - start - 1, start).decode("utf-8")
        return cache

    def close(self) -> None:
        self._out.close()
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None
        self._cache = {}

    def __enter__(self) -> _Numbered:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# Lines :meth:`_Numbered.lookup` keeps read.
_LOOKUP_KEPT = 1 << 17


def _numbers(numbers: array):
    """An array of 8-byte numbers as numpy's (no copy)."""
    import numpy as np

    return np.frombuffer(numbers, dtype=np.int64) if len(numbers) else np.zeros(0, dtype=np.int64)


@contextlib.contextmanager
def _scratch_folder(path: Path, kind: str) -> Iterator[Path]:
    """A :func:`~govkg.graph.folders.scratch_folder` beside ``path``, removed at the end."""
    made = scratch_folder(path, kind)
    try:
        yield made
    finally:
        shutil.rmtree(made, ignore_errors=True)


class _Names:
    """Officials' names as numbers: the ranks of official ``n``'s names (``officials``, ``ranks``:
    one of each a name, in the order given) are ``ranks[start[n] : start[n] + count[n]]``."""

    def __init__(self, officials, ranks: list[int], size: int) -> None:
        import numpy as np

        self.ranks = np.array(ranks, dtype=np.int64)[np.argsort(officials, kind="stable")]
        self.count = np.bincount(officials, minlength=size).astype(np.int64)
        self.start = np.cumsum(self.count) - self.count


def _count_pairs(event, person, size: int, path: Path, block: int) -> Path:
    """Write to ``path`` the distinct events of each pair of officials ``a < b`` (numbers, of
    ``size``) met at an event, from the participations' numbers (``event``, ``person``): two
    8-byte numbers a pair, its key (``a * size + b``) and its count, in the order of the keys.
    Counted for a range of ``a`` at a time, about ``block`` meetings each."""
    import numpy as np

    order = np.lexsort((person, event))
    event, person = event[order], person[order]
    once = np.ones(len(event), dtype=bool)  # an official twice at an event meets the others once
    once[1:] = (event[1:] != event[:-1]) | (person[1:] != person[:-1])
    event, person = event[once], person[once]
    starts = np.flatnonzero(np.diff(event, prepend=-1))
    sizes = np.diff(np.append(starts, len(event)))
    # the meetings each official is the smaller of: at an event of k, the i-th is in k - 1 - i
    within = np.arange(len(event)) - np.repeat(starts, sizes)
    smaller = np.bincount(person, weights=np.repeat(sizes, sizes) - 1 - within, minlength=size)
    before = np.cumsum(smaller.astype(np.int64))
    total = int(before[-1]) if size else 0
    cuts = np.unique(np.searchsorted(before, np.arange(block, total, block), "right")).tolist()
    kinds = np.unique(sizes[sizes > 1]).tolist()
    with open(path, "wb") as out:
        for low, high in zip([0, *cuts], [*cuts, size], strict=True):
            keys = [np.zeros(0, dtype=np.int64)]
            for k in kinds:  # the events of k officials, a slice of them at a time
                left, right = np.triu_indices(k, 1)
                groups = starts[sizes == k]
                step = max(1, block // len(left))
                for at in range(0, len(groups), step):
                    members = person[groups[at : at + step, None] + np.arange(k)]
                    a, b = members[:, left].ravel(), members[:, right].ravel()
                    wanted = (a >= low) & (a < high)
                    keys.append(a[wanted] * size + b[wanted])
            found, counts = np.unique(np.concatenate(keys), return_counts=True)
            np.stack([found, counts.astype(np.int64)], axis=1).tofile(out)
    return path


def _pairs_read(path: Path, step: int) -> Iterator:
    """The pairs :func:`_count_pairs` wrote, ``step`` at a time: (keys, counts)."""
    import numpy as np

    with open(path, "rb") as handle:
        while piece := handle.read(16 * step):
            pairs = np.frombuffer(piece, dtype=np.int64).reshape(-1, 2)
            yield pairs[:, 0], pairs[:, 1]


def _rows_of(keys, counts, names: _Names, both: bool) -> list:
    """The rows of pairs of officials (``keys``: ``a * size + b`` with ``a < b``, ``counts``: their
    events), one for each name of each and, with ``both``, each way (else ``a`` first): five
    columns of numbers (events, the name's rank, the other's, person, partner)."""
    import numpy as np

    a, b = np.divmod(keys, len(names.count))
    found = []
    for left, right in ((a, b), (b, a)) if both else ((a, b),):
        many = names.count[left] * names.count[right]
        pair = np.repeat(np.arange(len(keys)), many)
        first, second = np.divmod(
            np.arange(len(pair)) - np.repeat(np.cumsum(many) - many, many), names.count[right][pair]
        )
        name = names.ranks[names.start[left][pair] + first]
        other = names.ranks[names.start[right][pair] + second]
        found.append((counts[pair], name, other, left[pair], right[pair]))
    return [np.concatenate(column) for column in zip(*found, strict=True)]


def _sorted_rows(path: Path, names: _Names, by_name: bool, by_text, block: int) -> Iterator:
    """The rows of one table (``by_name``: co-attendance-by-name.tsv, else co-attendance.tsv)
    in its order, a range at a time: (an order, the columns it picks). A range is one of the
    first part of the table's order (the name's rank by its text; the events, then the name's
    rank), about ``block`` rows by a sample of them; the rows are made again from the pairs
    (``path``) for each, and those of the range kept."""
    import numpy as np

    step = max(1, block // 8)  # pairs read at a time: at most eight rows each (two names each, both ways)
    largest = total = 0
    for keys, counts in _pairs_read(path, step):
        largest = max(largest, int(counts.max(initial=0)))
        a, b = np.divmod(keys, len(names.count))
        total += int((names.count[a] * names.count[b]).sum()) * (2 if by_name else 1)
    span = len(by_text) + 1

    def place(rows):  # the first part of a row's place in the table's order
        return by_text[rows[1]] if by_name else (largest - rows[0]) * span + rows[1]

    bounds: list = [None]
    if total > block:
        taken = np.sort(
            np.concatenate(
                [np.zeros(0, dtype=np.int64)]
                + [
                    np.sort(place(_rows_of(*pairs, names, by_name)))[:: max(1, block // 256)]
                    for pairs in _pairs_read(path, step)
                ]
            )
        )
        parts = -(-total // block)
        bounds = [*np.unique(taken[np.arange(1, parts) * len(taken) // parts]).tolist(), None]
    low = None
    for high in bounds:
        held = [[np.zeros(0, dtype=np.int64)] for _ in range(5)]
        for pairs in _pairs_read(path, step):
            rows = _rows_of(*pairs, names, by_name)
            at = place(rows)
            wanted = np.ones(len(at), dtype=bool)
            if low is not None:
                wanted &= at >= low
            if high is not None:
                wanted &= at < high
            for kept, column in zip(held, rows, strict=True):
                kept.append(column[wanted])
        events, name, other, left, right = columns = [np.concatenate(column) for column in held]
        del held
        if by_name:
            order = np.lexsort((right, left, other, -events, by_text[name]))
        else:
            order = np.lexsort((right, left, other, name, -events))
        yield order, columns
        low = high


def _lines(order, name_first: bool, columns, texts: _Numbered, iris: _Numbered, step: int = 1 << 13):
    """The rows ``order`` picks of ``columns`` (events, name, other, person, partner: numbers), a
    line each (the name first or the count first), ``step`` lines a piece of text; the names'
    texts and the officials' IRIs looked up by number (:meth:`_Numbered.lookup`)."""
    events, name, other, left, right = columns
    for start in range(0, len(order), step):
        picked = order[start : start + step]
        rows = list(
            zip(*(column[picked].tolist() for column in (events, name, other, left, right)), strict=True)
        )
        named = texts.lookup({number for _, n, o, _, _ in rows for number in (n, o)})
        people = iris.lookup({number for _, _, _, a, b in rows for number in (a, b)})
        if name_first:
            lines = (f"{named[n]}\t{e}\t{named[o]}\t<{people[a]}>\t<{people[b]}>\n" for e, n, o, a, b in rows)
        else:
            lines = (f"{e}\t{named[n]}\t{named[o]}\t<{people[a]}>\t<{people[b]}>\n" for e, n, o, a, b in rows)
        yield "".join(lines)


# An update's co-attendance tables: the pairs whose count changed, and the rows of officials renamed.
_OF_PARTICIPATIONS = f"""PREFIX gov: <{_GOV}>
SELECT ?p ?person ?event WHERE {{
  VALUES ?p {{ %s }} OPTIONAL {{ ?p gov:agent ?person }} OPTIONAL {{ ?p gov:event ?event }}
}}"""
_ATTENDED = f"""PREFIX gov: <{_GOV}>
SELECT ?event ?p ?person WHERE {{ VALUES ?event {{ %s }} ?p gov:event ?event ; gov:agent ?person }}"""
_IS_AGENT = f"""PREFIX gov: <{_GOV}>
SELECT DISTINCT ?person WHERE {{ VALUES ?person {{ %s }} ?p gov:agent ?person }}"""
_PARTICIPATIONS_OF = f"""PREFIX gov: <{_GOV}>
SELECT ?person (COUNT(?p) AS ?n) WHERE {{ VALUES ?person {{ %s }} ?p gov:agent ?person }} GROUP BY ?person"""
_NAMES_OF = """PREFIX schema: <https://schema.org/>
SELECT ?person ?name WHERE { VALUES ?person { %s } ?person schema:name ?name }"""


def update_coattendance(store, folder: Path, before: Path, removed: Path, added: Path) -> bool:
    """co-attendance's two tables of ``store`` made from those of the previous build (in the index
    folder ``before``) and what its graph.nt lost and gained (``removed``, ``added``: N-Triples
    files), the bytes :func:`write_coattendance` gives; False (nothing written) where it cannot.

    Only the events of the participations in the changes (their event or agent changed)
    can change a pair's count: each such event's officials before (its participations now,
    the changed ones as they were) and now give each pair's change. A pair whose count
    changed is counted again from the store, from the official with fewer participations;
    its rows before are those of the count less the change, under its officials' names,
    unless one of them was renamed (a name in the changes): a renamed official's rows
    before are read from the previous table (bisected by the names it had and has), and
    made again with its names now. The two files are the previous ones with the rows that
    differ taken out and put in at their place (:func:`_edit_sorted`): the text between is
    copied in the kernel, never read. So an update costs the events it touched and the
    pairs they hold, not every partner of each official it names (an official named in
    every release has tens of thousands).
    """
    ox = _oxigraph()
    # the participations in the changes: their agents and events lost and gained (IRIs)
    lost: dict[str, dict[str, set[str]]] = {_AGENT: {}, _EVENT: {}}
    gained: dict[str, dict[str, set[str]]] = {_AGENT: {}, _EVENT: {}}
    named: set[str] = set()  # subjects of names in the changes
    old_names: dict[str, set[str]] = {}  # names removed, by subject (N-Triples)
    for path, gone in ((removed, True), (added, False)):
        for s, p, o in _changed(path, (_AGENT, _EVENT, _NAME)):
            if p == _NAME:
                if s.startswith("<"):
                    named.add(s[1:-1])
                    if gone:
                        old_names.setdefault(s[1:-1], set()).add(o)
                continue
            if not (o.startswith("<") and s.startswith("<")):
                return False  # an agent or a participation not an IRI: the query compares them otherwise
            (lost if gone else gained)[p].setdefault(s[1:-1], set()).add(o[1:-1])
    touched = set(lost[_AGENT]) | set(lost[_EVENT]) | set(gained[_AGENT]) | set(gained[_EVENT])
    now: dict[str, dict[str, set[str]]] = {_AGENT: {}, _EVENT: {}}  # the touched participations now
    for p, person, event in _select(store, _OF_PARTICIPATIONS, _iris(touched)):
        for predicate, term in ((_AGENT, person), (_EVENT, event)):
            if term is not None:
                if not isinstance(term, ox.NamedNode):
                    return False
                now[predicate].setdefault(p.value, set()).add(term.value)

    def then(predicate: str, p: str) -> set[str]:  # a touched participation's agents or events before
        return (now[predicate].get(p, set()) - gained[predicate].get(p, set())) | lost[predicate].get(
            p, set()
        )

    events = {event for p in touched for event in then(_EVENT, p) | now[_EVENT].get(p, set())}
    attended_now: dict[str, set[str]] = {}
    attended_then: dict[str, set[str]] = {}
    for event, p, person in _select(store, _ATTENDED, _iris(events)):
        if not isinstance(person, ox.NamedNode):
            return False
        attended_now.setdefault(event.value, set()).add(person.value)
        if p.value not in touched:  # as it was
            attended_then.setdefault(event.value, set()).add(person.value)
    for p in touched:
        for event in then(_EVENT, p):
            attended_then.setdefault(event, set()).update(then(_AGENT, p))
    change: dict[tuple[str, str], int] = {}  # (a, b), a's IRI the smaller: events gained less lost
    for attended, sign in ((attended_now, 1), (attended_then, -1)):
        for people in attended.values():
            ordered = sorted(people)
            for i, a in enumerate(ordered):
                for b in ordered[i + 1 :]:
                    change[(a, b)] = change.get((a, b), 0) + sign
    change = {pair: n for pair, n in change.items() if n}
    # the rows before: all those of the officials renamed (agents now or before whose names
    # changed), and of each other pair changed those found under the official with fewer
    # participations (a pair not found had none)
    agents_then = {agent for p in touched for agent in then(_AGENT, p)}
    renamed = {row[0].value for row in _select(store, _IS_AGENT, _iris(named))} | (named & agents_then)
    asked = [pair for pair in change if pair[0] not in renamed and pair[1] not in renamed]
    asking = {person for pair in asked for person in pair}
    degree = {row[0].value: int(row[1].value) for row in _select(store, _PARTICIPATIONS_OF, _iris(asking))}
    partners: dict[str, set[str] | None] = dict.fromkeys(renamed)  # None: every partner
    for a, b in asked:
        a, b = (a, b) if degree.get(a, 0) <= degree.get(b, 0) else (b, a)
        partners.setdefault(a, set()).add(b)
    names = _names_of(store, set(partners) | asking | {person for pair in change for person in pair})
    for subject, texts in old_names.items():  # as the store writes them (_nt_term), as the table
        old_names[subject] = {_nt_term(term) for term in _parse(sorted(texts))}
    counted: dict[tuple[str, str], int] = {}  # the pairs read, their counts before
    old_lines: set[tuple[bool, str]] = set()
    reading: dict[str, set[str]] = {}  # a name -> the officials whose rows are read under it
    for person in partners:
        for name in set(names.get(person, ())) | old_names.get(person, set()):
            reading.setdefault(name, set()).add(person)
    with (before / BY_NAME).open("rb") as handle:
        for name in sorted(reading):
            for line in _lines_of(handle, name.encode("utf-8") + b"\t"):
                old_name, count, other, left, right = line.decode("utf-8").rstrip("\n").split("\t")
                left, right = left[1:-1], right[1:-1]
                if left not in reading[name]:
                    continue
                wanted = partners[left]
                if wanted is None or right in wanted:
                    counted[(left, right) if left < right else (right, left)] = int(count)
                    old_lines.update(_pair_lines(left, right, int(count), [old_name], [other]))
    # each pair's count now: its count before and its change
    shared = {pair: counted.get(pair, 0) + change.get(pair, 0) for pair in counted.keys() | change.keys()}
    names.update(_names_of(store, {person for pair in shared for person in pair} - set(names)))
    new_lines: set[tuple[bool, str]] = set()
    for (a, b), count in shared.items():
        if count:
            new_lines.update(_pair_lines(a, b, count, names.get(a, ()), names.get(b, ())))
    try:
        _edit_sorted(before / UNBOUND, folder / UNBOUND, _UNBOUND_ORDER, *_split(old_lines, new_lines, False))
        _edit_sorted(before / BY_NAME, folder / BY_NAME, _BY_NAME_ORDER, *_split(old_lines, new_lines, True))
    except (OSError, Stale):  # a previous table not as its index says: made whole
        return False
    return True


def _iris(values) -> list[str]:
    """IRIs in N-Triples, sorted, for a VALUES block."""
    return [f"<{value}>" for value in sorted(values)]


def _names_of(store, people) -> dict[str, list[str]]:
    """The names of officials (IRIs), in N-Triples."""
    names: dict[str, list[str]] = {}
    for person, name in _select(store, _NAMES_OF, _iris(people)):
        names.setdefault(person.value, []).append(_nt_term(name))
    return names


def _split(old: set, new: set, by_name: bool) -> tuple[set[str], set[str]]:
    """The lines of one table (``by_name``: co-attendance-by-name.tsv) in ``old`` and in ``new``."""
    return {text for kind, text in old if kind == by_name}, {text for kind, text in new if kind == by_name}


def _changed(path: Path, predicates: tuple[str, ...]) -> Iterator[tuple[str, str, str]]:
    """(subject, predicate, object) in N-Triples of the lines of an N-Triples file (graph.nt's
    lines: one space between the terms) with one of ``predicates``."""
    wanted = [f" {predicate} ".encode() for predicate in predicates]
    with open(path, "rb") as handle:
        for line in handle:
            if any(predicate in line for predicate in wanted):
                s, p, o = line.decode("utf-8").rstrip("\n")[:-2].split(" ", 2)
                if p in predicates:
                    yield s, p, o


def _select(store, template: str, terms: list[str], step: int = 500, values: bool = False) -> Iterator:
    """The rows of a query whose ``VALUES`` block (``%s`` in ``template``) holds ``terms`` (IRIs in
    N-Triples), ``step`` at a time. A block of values, not a substitution: the store plans a
    query before it binds one, and would start from every participation, where it starts
    from the values given."""
    # a blank node's label is no term here; literals only where asked (a key's values)
    iris = [term for term in terms if term.startswith("<") or (values and term.startswith('"'))]
    for start in range(0, len(iris), step):
        yield from store.query(template % " ".join(iris[start : start + step]))


def _pair_lines(a: str, b: str, events: int, names_a, names_b) -> Iterator[tuple[bool, str]]:
    """The lines of a pair of officials (IRIs) with ``events`` shared, one for each of their names:
    (True, a line of co-attendance-by-name.tsv), both ways, and (False, one of co-attendance.tsv)."""
    for name in names_a:
        for other in names_b:
            yield True, f"{name}\t{events}\t{other}\t<{a}>\t<{b}>\n"
            yield True, f"{other}\t{events}\t{name}\t<{b}>\t<{a}>\n"
            if a < b:
                yield False, f"{events}\t{name}\t{other}\t<{a}>\t<{b}>\n"
            else:
                yield False, f"{events}\t{other}\t{name}\t<{b}>\t<{a}>\n"


def _unbound_key(line: bytes) -> tuple:
    """A line's place in co-attendance.tsv (see write_coattendance)."""
    events, name, other, left, right = line.decode("utf-8").rstrip("\n").split("\t")
    return (-int(events), _literal_key(name), _literal_key(other), left[1:-1], right[1:-1])


def _unbound_first(line: bytes) -> int:
    """The first of :func:`_unbound_key`, read alone."""
    return -int(line[: line.index(b"\t")])


def _by_name_key(line: bytes) -> tuple:
    """A line's place in co-attendance-by-name.tsv (see write_coattendance)."""
    name, events, other, left, right = line.decode("utf-8").rstrip("\n").split("\t")
    return (name, -int(events), _literal_key(other), left[1:-1], right[1:-1])


def _by_name_first(line: bytes) -> str:
    """The first of :func:`_by_name_key`, read alone."""
    return line[: line.index(b"\t")].decode("utf-8")


_UNBOUND_ORDER = (_unbound_key, _unbound_first)
_BY_NAME_ORDER = (_by_name_key, _by_name_first)


def _before(key, first, wanted: tuple):
    """Whether a line comes before the key ``wanted``: by the first of its key (``first``, read
    alone) where that differs, else by the whole of it (``key``)."""

    def before(line: bytes) -> bool:
        found = first(line)
        return found < wanted[0] if found != wanted[0] else key(line) < wanted

    return before


def _edit_sorted(old: Path, new: Path, order: tuple, removed: set[str], added: set[str]) -> None:
    """Write ``new``: the sorted file ``old`` (ordered by ``key`` of its lines, ``order`` the key and
    its first part, read alone: :func:`_before`) without the lines ``removed`` and with the
    lines ``added``, each at its place; lines in both are left as they are. Each place is
    found from the one before (:func:`_place`); the text between them is copied in the
    kernel. Raises Stale where a line to take out is not there."""
    key, first = order
    edits = sorted(
        [(key(line.encode("utf-8")), False, line) for line in removed - added]
        + [(key(line.encode("utf-8")), True, line) for line in added - removed]
    )
    if not edits:  # the same file: linked
        link = scratch(new, "link")
        os.link(old, link)
        os.replace(link, new)
        return
    with open(old, "rb") as handle, atomic_open(new, "wb") as out:
        source = handle.fileno()
        size = os.fstat(source).st_size
        splice = Splice(out, source)
        at = 0  # the previous file's bytes before ``at`` are written or skipped
        for wanted, adds, line in edits:
            place = _place(source, _before(key, first, wanted), at, size)
            splice.copy(place - at)
            data = line.encode("utf-8")
            if adds:
                splice.write(data)
                at = place
            else:
                if os.pread(source, len(data), place) != data:
                    raise Stale
                splice.skip(len(data))
                at = place + len(data)
        splice.copy(size - at)
        splice.rest(0)


def _place(source: int, before, low: int, size: int) -> int:
    """Where the first line at or after ``low`` (a line's start) for which ``before`` is false
    starts, in a file of lines in order (``source``, a file descriptor): read in pieces from
    ``low``, each twice the one before, until a piece's last line passes it, then bisected
    within that piece; so places close together cost a read each, and one far away a few."""
    step = 1 << 12
    while low < size:
        data = os.pread(source, min(step, size - low), low)
        end = data.rfind(b"\n") + 1  # the piece's whole lines
        if not end:  # a line longer than the piece
            if low + len(data) >= size:
                raise Stale  # a last line without its newline: no table of this module's
            step *= 2
            continue
        lines = data[:end].split(b"\n")[:-1]
        if before(lines[-1]) and low + end < size:
            low += end
            step *= 2
            continue
        lo, hi = 0, len(lines)
        while lo < hi:
            mid = (lo + hi) // 2
            if before(lines[mid]):
                lo = mid + 1
            else:
                hi = mid
        return low + sum(len(line) + 1 for line in lines[:lo])
    return low


# An update's key files: the values near what changed, looked up, taken out or put in at their place.
_OBJECTS_OF = "SELECT ?p ?o WHERE { VALUES ?s { %s } ?s ?p ?o }"
_XSD_DATE = "<http://www.w3.org/2001/XMLSchema#date>"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _order_of(text: str) -> str | None:
    """How a key file's values (N-Triples) are ordered, as the store orders them, where this module
    knows: ``iri`` (by the IRI's text), ``name`` (a string, tagged or not: :func:`_name_key`),
    ``day`` (an ``xsd:date`` of a day, no time zone: by its text); else None."""
    if text.startswith("<"):
        return "iri"
    if not text.startswith('"'):
        return None
    lexical, language, datatype = nt_literal(text)
    if language or datatype is None:
        return "name"
    return "day" if datatype == _XSD_DATE and _DAY.fullmatch(lexical) else None


def _term_of(line: bytes | str) -> str:
    """The N-Triples term a key file's line holds."""
    return (line.decode("utf-8") if isinstance(line, bytes) else line).rstrip("\n")


def _iri_key(line: bytes | str) -> tuple:
    return (_term_of(line)[1:-1],)


def _name_line_key(line: bytes | str) -> tuple:
    return _literal_key(_term_of(line))


def _day_key(line: bytes | str) -> tuple:
    return (nt_literal(_term_of(line))[0],)


def _first_of(key):
    return lambda line: key(line)[0]


_KEY_ORDERS = {
    name: (key, _first_of(key))
    for name, key in (("iri", _iri_key), ("name", _name_line_key), ("day", _day_key))
}


def _write_keys(path: Path, values) -> str | None:
    """Write a key file of ``values`` (terms, in order); returns their order (:func:`_order_of`),
    the same for all, or None."""
    orders: set[str | None] = set()

    def lines():
        for value in values:
            text = _nt_term(value)
            orders.add(_order_of(text))
            yield text + "\n"

    atomic_write(path, lines())
    return orders.pop() if len(orders) == 1 else None


def _near(store, changes, predicates: set[str]) -> set[str]:
    """The terms (N-Triples, as :func:`_nt_term` writes them) of the triples removed and added
    (``changes``, N-Triples files) whose predicate is one of ``predicates`` (IRIs in N-Triples:
    those the key queries name), and those one and two steps from them in the store by those
    predicates (subject to object): the values of an update's walk files
    (:func:`_update_walk`). A walk query's value is among them where its rows changed: its
    pattern reaches its value from any of its triples in at most two such steps, and no other
    triple changes its values (a build's provenance, which names every release, changes at
    each update). The key files follow each key query's own patterns (:func:`_answer_near`)."""
    terms: set[str] = set()
    for path in changes:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                subject, predicate, value = line.rstrip("\n")[:-2].split(" ", 2)
                if predicate in predicates:
                    terms.add(subject)
                    terms.add(value)
    frontier = terms
    wanted = {predicate[1:-1] for predicate in predicates}
    for _ in range(2):
        rows = _select(store, _OBJECTS_OF, sorted(frontier))
        found = {_nt_term(value) for predicate, value in rows if predicate.value in wanted}
        frontier = found - terms
        terms |= found
    literals = sorted(term for term in terms if term.startswith('"'))
    return {term for term in terms if term.startswith("<")} | {_nt_term(term) for term in _parse(literals)}


_PREFIX = re.compile(r"^\s*PREFIX\s+([\w-]*):\s*<([^<>]*)>", re.MULTILINE | re.IGNORECASE)
_NAMED = re.compile(r"<([^<>\s]*)>|(?<![\w?$:])([A-Za-z][\w-]*)?:([\w-]+)|\s(a)\s")
_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def _predicates(texts) -> set[str]:
    """Every IRI the queries ``texts`` name (in N-Triples; ``a`` is rdf:type): the predicates of
    their patterns among them (and classes, which no triple has as its predicate)."""
    found = {_RDF_TYPE}
    for text in texts:
        body = _body(text)
        prefixes = dict(_PREFIX.findall(body))
        for iri, prefix, local, _ in _NAMED.findall(_PREFIX.sub("", body)):
            if iri:
                found.add(f"<{iri}>")
            elif local and (prefix or "") in prefixes:
                found.add(f"<{prefixes[prefix or '']}{local}>")
    return found


def _update_keys(
    store, listing, before: Path, path: Path, order: str, lost: set[str], gained: set[str]
) -> str | None:
    """A key file of an update (``path``) from the previous one (``before``, its values of ``order``)
    and the terms near what changed (:func:`_lost_and_gained`: those whose rows the triples
    removed may have taken away, ``lost``, and those the triples added may have given,
    ``gained``): those of its order that the key query (its subqueries flattened, the terms
    given first: :func:`_membership`) finds are put in where they are missing, the others
    taken out where they are there. A query whose values only grow with its triples
    (:func:`_monotone`) is asked only of the terms whose presence may have changed: a term
    listed before and lost no row is listed now, and one not listed that gained none is not
    (at 30,000 + 100, the names of the officials of the new releases: the busiest, listed,
    are not asked again). Returns the order; None (nothing written) where the query cannot
    be flattened."""
    variable = _KEY_VARIABLE.search(listing.text)
    query = _membership(listing.text, variable.group(1)) if variable else None
    if query is None:
        return None
    terms = sorted(term for term in lost | gained if _order_of(term) == order)
    old = _lines_among(before, {term + "\n" for term in terms})  # the previous file's lines of the terms
    asked, present = terms, set()
    if _monotone(_body(listing.text)):
        listed = {term for term in terms if term + "\n" in old}
        present = {term + "\n" for term in listed - lost}
        asked = [term for term in terms if term in (lost if term in listed else gained)]
    present |= {_nt_term(row[0]) + "\n" for row in _select(store, query, asked, values=True)}
    if any(_order_of(line[:-1]) != order for line in present):
        return None
    if present - old - {term + "\n" for term in terms}:  # a value found that was not asked
        old |= _lines_among(before, present - old)
    taken = {term + "\n" for term in terms} & old
    try:
        _edit_sorted(before, path, _KEY_ORDERS[order], taken - present, present - old)
    except (OSError, Stale):
        return None
    return order


def _lines_among(path: Path, wanted: set[str]) -> set[str]:
    """The lines of a file (each with its newline) that are among ``wanted``, read a line at a
    time: a key file is not held whole for the few lines an update looks up."""
    if not wanted:
        return set()
    with path.open(encoding="utf-8") as handle:
        return {line for line in handle if line in wanted}


_KEY_VARIABLE = re.compile(r"^SELECT\s+DISTINCT\s+\?(\w+)", re.MULTILINE | re.IGNORECASE)
_SUBQUERY = re.compile(r"\{\s*SELECT\s+(?:DISTINCT\s+)?((?:\?\w+\s+)+)WHERE\s*\{", re.IGNORECASE)
_VARIABLE = re.compile(r"[?$](\w+)")


def _block_end(text: str, start: int) -> int | None:
    """Where the block whose ``{`` is right before ``start`` ends: past its ``}``; None if it does not.

    >>> _block_end("{ a { b } c } d", 1), _block_end("{ a { b }", 1)
    (13, None)
    """
    depth, at = 1, start
    while depth and at < len(text):
        depth += {"{": 1, "}": -1}.get(text[at], 0)
        at += 1
    return None if depth else at


def _membership(text: str, variable: str) -> str | None:
    """A key query's text as a query of which of the terms of a ``VALUES`` block (``%s``) for
    ``variable`` it lists: the block first, and each subquery a group of its own (a subquery is
    answered whole before it is joined: every name of the store, for each update), where its
    variables not projected appear nowhere else in the query; None where one does."""
    text = _CLOSING_ORDER.sub(
        "\n", "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    )
    where = re.search(r"\bWHERE\s*\{", text, re.IGNORECASE)
    if where is None or "%" in text:
        return None
    head, body = text[: where.end()], text[where.end() :]
    while found := _SUBQUERY.search(body):
        inner_start = found.end()
        at = _block_end(body, inner_start)
        if at is None:
            return None
        inner = body[inner_start : at - 1]
        projected = set(_VARIABLE.findall(found.group(1)))
        hidden = set(_VARIABLE.findall(inner)) - projected
        rest = head + body[: found.start()] + body[at:]
        if hidden & set(_VARIABLE.findall(rest)):
            return None
        body = body[: found.start()] + "{ {" + inner + "}" + body[at:]
    return f"{head}\n  VALUES ?{variable} {{ %s }}\n{body}"
