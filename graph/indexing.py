"""Writing a build's page index (graph/page_index.py) from its store, once, at the end of the build.

:func:`write_page_index` is what a build calls once its store is in place
(graph/incremental.py, ``write_build``; graph/outputs.py): the key queries'
values listed in order, as graph/sparql.py lists them; co-attendance's
rows counted from the participations and sorted as the query orders them;
and the whole answer of every other named query without a key query
(documents-cited, directives-implemented: ordered by a count, or by a place
a row may lack), as the store gives it; each file written in one pass.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_left
from pathlib import Path

from govkg.graph.folders import atomic_write
from govkg.graph.page_index import BY_NAME, COATTENDANCE, FORMAT, INDEX, UNBOUND, digest
from govkg.graph.sparql import _nt_term, _ordered_keys, named_queries, page_keys
from govkg.graph.store import DATABASE, MANIFEST, STORE

# The participations and the names of the participants, for the co-attendance counts.
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


def write_page_index(outdir: str | Path, store=None) -> Path:
    """Write ``OUT/store/index`` from the build's store (``store``, else ``OUT/store`` opened
    read-only); returns the folder. Each file is written whole, in order, in one pass."""
    outdir = Path(outdir)
    folder = outdir / STORE / INDEX
    if store is None:
        import pyoxigraph

        store = pyoxigraph.Store.read_only(str(outdir / STORE / DATABASE))
    triples = json.loads((outdir / STORE / MANIFEST).read_text(encoding="utf-8"))["triples"]
    return write_index_files(store, folder, triples)


def write_index_files(store, folder: str | Path, triples: int | None = None) -> Path:
    """The page index of ``store`` in ``folder`` (see the module's docstring); ``triples``, the
    store's, recorded for :meth:`PageIndex.open` to check (default: counted)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    keys: dict[str, dict[str, str]] = {}
    made: dict[str, str] = {}  # a key query's text -> its file
    for name, query in named_queries().items():
        listing = page_keys(query)
        if listing is None:
            continue
        body = _body(listing.text)  # key queries that differ in their comments share a file
        if body not in made:
            _, values = _ordered_keys(store, query, listing)
            made[body] = f"{name}.nt"
            atomic_write(folder / made[body], (_nt_term(value) + "\n" for value in values))
        keys[name] = {"file": made[body], "digest": digest(listing.text)}
    answers: dict[str, dict[str, str]] = {}
    for name, query in named_queries().items():
        if name != COATTENDANCE and page_keys(query) is None:
            atomic_write(folder / f"{name}.tsv", _answer_lines(store, query.text))
            answers[name] = {"file": f"{name}.tsv", "digest": digest(query.text)}
    found = {
        "format": FORMAT,
        "triples": len(store) if triples is None else triples,
        "keys": keys,
        "answers": answers,
    }
    coattendance = named_queries().get(COATTENDANCE)
    if coattendance is not None and write_coattendance(store, folder):
        found[COATTENDANCE] = {"digest": digest(coattendance.text)}
    atomic_write(folder / "index.json", json.dumps(found, indent=1, sort_keys=True) + "\n")
    return folder


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


def _body(text: str) -> str:
    """A query's text without its comment lines."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _name_key(term) -> tuple:
    """A name's place in the store's ORDER BY: by its text, a tagged one before a plain one."""
    return (term.value, 0, term.language) if term.language else (term.value, 1, term.datatype.value)


def write_coattendance(store, folder: Path) -> bool:
    """co-attendance's two tables (see graph/page_index.py) counted from the store's
    participations: the distinct events of each pair of named officials. False (nothing
    written) where an agent is not an IRI, whose rows the query's text compares otherwise.

    Officials are numbered in the order of their IRIs (``STR(?person) < STR(?partner)`` is
    a smaller number first) and names in the query's order, so that the rows are sorted as
    five columns of numbers (numpy's ``lexsort``), 8 bytes a number, and written a slice of
    them at a time.
    """
    import numpy as np
    import pyoxigraph as ox

    people: dict[str, int] = {}
    attended: dict[str, list[int]] = {}
    for event, person in store.query(_PARTICIPATIONS):
        if not isinstance(person, ox.NamedNode):
            return False
        number = people.setdefault(person.value, len(people))
        attended.setdefault(event.value, []).append(number)
    iris = sorted(people)
    renumber = [0] * len(iris)
    for rank, iri in enumerate(iris):
        renumber[people[iri]] = rank
    del people
    names: list[list[str]] = [[] for _ in iris]  # each official's names, in N-Triples
    order_of: dict[str, tuple] = {}  # a name in N-Triples -> its place in the query's order
    for person, name in store.query(_NAMES):
        at = _bisect(iris, person.value)
        if at is not None:
            text = _nt_term(name)
            order_of.setdefault(text, _name_key(name))
            names[at].append(text)
    counts: dict[int, int] = {}
    size = len(iris)
    for numbers in attended.values():
        met = sorted({renumber[n] for n in numbers})
        for i, a in enumerate(met):
            for b in met[i + 1 :]:
                counts[a * size + b] = counts.get(a * size + b, 0) + 1
    del attended, renumber
    texts = sorted(order_of, key=order_of.__getitem__)  # the names in the query's order
    rank = {text: i for i, text in enumerate(texts)}
    by_text = np.empty(len(texts), dtype=np.int64)  # each name's rank by its text, for the bisection
    by_text[np.argsort(np.array(texts, dtype=object))] = np.arange(len(texts))
    del order_of
    # rows: (events, the name's rank, the other's rank, person, partner), each pair both ways
    columns = [array("q") for _ in range(5)]  # 8 bytes a number: 1.8 million rows at 100,000 releases
    for key, events in counts.items():
        a, b = divmod(key, size)
        for left, right in ((a, b), (b, a)):
            for name in names[left]:
                for other in names[right]:
                    row = (events, rank[name], rank[other], left, right)
                    for column, value in zip(columns, row, strict=True):
                        column.append(value)
    del counts, names, rank
    events, name, other, left, right = (np.frombuffer(column, dtype=np.int64) for column in columns)
    once = np.flatnonzero(left < right)
    unbound = once[np.lexsort((right[once], left[once], other[once], name[once], -events[once]))]
    columns = (events, name, other, left, right)
    atomic_write(folder / UNBOUND, _lines(unbound, False, columns, texts, iris))
    del unbound, once
    by_name = by_text[name] if len(name) else name
    grouped = np.lexsort((right, left, other, -events, by_name))
    atomic_write(folder / BY_NAME, _lines(grouped, True, columns, texts, iris))
    return True


def _lines(order, name_first: bool, columns, texts: list[str], iris: list[str], step: int = 1 << 16):
    """The rows ``order`` picks of ``columns`` (events, name, other, person, partner: numbers), a
    line each (the name first or the count first), ``step`` lines a piece of text."""
    events, name, other, left, right = columns
    for start in range(0, len(order), step):
        picked = order[start : start + step]
        rows = zip(*(column[picked].tolist() for column in (events, name, other, left, right)), strict=True)
        if name_first:
            lines = (f"{texts[n]}\t{e}\t{texts[o]}\t<{iris[a]}>\t<{iris[b]}>\n" for e, n, o, a, b in rows)
        else:
            lines = (f"{e}\t{texts[n]}\t{texts[o]}\t<{iris[a]}>\t<{iris[b]}>\n" for e, n, o, a, b in rows)
        yield "".join(lines)


def _bisect(items: list[str], item: str) -> int | None:
    at = bisect_left(items, item)
    return at if at < len(items) and items[at] == item else None
