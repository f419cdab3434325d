"""Time every named query on a build's store: bound as a user runs it, its first page, and whole.

For each named query (``ontology/queries/*.rq``) it prints five figures,
each the wall clock and CPU seconds of the best of ``--repeat`` runs and the
rows:

- busiest: with its parameters bound to the values with most rows in the
  store (the official in most events, the place with most holdings, the
  busiest month, the issuer of most documents), every row fetched;
- median: bound to the median of those values (half the officials are in
  fewer events), every row fetched;
- busiest page: bound to the busiest values, the first ``--page`` rows
  (``govkg query --bind … --first``);
- first page: unbound, the first ``--page`` rows (``govkg query --first``);
- all: unbound, every row fetched, as ``govkg query`` without ``--first``
  (``--bound-only`` leaves the two unbound figures out, ``--no-whole`` this one).

Rows are fetched as pyoxigraph terms, as ``govkg query`` formats them; no
timing is asserted. A build folder's page index (``OUT/store/index``,
graph/page_index.py) is read as ``govkg query`` reads it; ``--index DIR``
names another (one written from a read-only build's store into a scratch
folder), ``--no-index`` leaves it out.

    python bench/bench_queries.py /tmp/out10k            # a build folder (its store)
    python bench/bench_queries.py /tmp/out10k/store      # the store folder itself
    python bench/bench_queries.py graph.nt --only co-attendance,events-of-official
    python bench/bench_queries.py OUT --queries OLD/ontology/queries   # another version's shapes
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1].parent))  # run from a clone

from govkg.graph.page_index import PageIndex
from govkg.graph.sparql import named_queries, open_store, query_store
from govkg.graph.terms import from_oxigraph

PREFIXES = (
    "PREFIX gov: <https://w3id.org/govkg/ontology#>\n"
    "PREFIX schema: <https://schema.org/>\n"
    "PREFIX prov: <http://www.w3.org/ns/prov#>\n"
)

# One query per kind of parameter: its values, most rows first.
TYPICAL = {
    "name": """SELECT ?value (COUNT(*) AS ?n) WHERE { ?p gov:agent ?person . ?person schema:name ?value }
               GROUP BY ?value ORDER BY DESC(?n) ?value""",
    "place": """SELECT ?value (COUNT(*) AS ?n) WHERE { ?h gov:holder ?x ; gov:jurisdiction ?where .
               ?where schema:name ?value } GROUP BY ?value ORDER BY DESC(?n) ?value""",
    "issuer": """SELECT ?value (COUNT(*) AS ?n) WHERE { ?d gov:issuer ?org . ?org schema:name ?value }
               GROUP BY ?value ORDER BY DESC(?n) ?value""",
    "release": """SELECT ?value (COUNT(*) AS ?n) WHERE { ?e prov:wasDerivedFrom ?value ; schema:startDate ?d }
               GROUP BY ?value ORDER BY DESC(?n) ?value""",
    "month": """SELECT ?value (COUNT(*) AS ?n) WHERE {
               ?e schema:startDate ?date BIND (SUBSTR(STR(?date), 1, 7) AS ?value) }
               GROUP BY ?value ORDER BY DESC(?n) ?value""",
}


def open_source(path: Path):
    """A store folder (``OUT/store`` or its ``oxigraph`` database) read-only, else any graph source."""
    import pyoxigraph

    for database in (path / "oxigraph", path):
        if (database / "CURRENT").is_file():  # a RocksDB folder
            return pyoxigraph.Store.read_only(str(database))
    return open_store(path)


def typical_values(store, rank: float = 0.0) -> dict:
    """A value for each parameter of the named queries, from the store: the one with most rows
    (``rank`` 0), or the median (``rank`` 0.5) of the values, by their rows (a release is its
    IRI, the rest strings)."""
    values = {}
    for kind, text in TYPICAL.items():
        found = [row["value"] for row in store.query(PREFIXES + text)]
        value = found[int(rank * (len(found) - 1))] if found else None
        values[kind] = from_oxigraph(value) if kind == "release" and value else getattr(value, "value", "")
    month = values.pop("month") or "2020-01"
    last = 31 if month[5:] in ("01", "03", "05", "07", "08", "10", "12") else 30
    values.update({"from": f"{month}-01", "to": f"{month}-{last if month[5:] != '02' else 29}"})
    return values


def timed(store, query, bindings, page: int | None, repeat: int, index=None) -> tuple[float, float, int]:
    """Best wall clock and CPU seconds of ``repeat`` runs, and the rows fetched."""
    wall, cpu, rows = float("inf"), float("inf"), 0
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        result = query_store(store, query, bindings, first=page, index=index)
        rows = len(result.solutions)
        wall = min(wall, time.perf_counter() - began)
        cpu = min(cpu, time.process_time() - began_cpu)
    return wall, cpu, rows


def load() -> str:
    """The machine's load average over 1, 5 and 15 minutes: CPU figures mean more beside it."""
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def cell(figures: tuple[float, float, int]) -> str:
    wall, cpu, rows = figures
    return f"{wall:7.3f} {cpu:7.3f} {rows:7,}"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a build folder, its store folder, or a graph file")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each case, the best kept (default 1)")
    parser.add_argument("--page", type=int, default=100, help="rows of the first page (default 100)")
    parser.add_argument("--only", default="", help="comma-separated query names (default: all)")
    parser.add_argument("--bound-only", action="store_true", help="leave out the unbound figures")
    parser.add_argument(
        "--no-whole", action="store_true", help="leave out the unbound whole answers (minutes at 100k)"
    )
    parser.add_argument(
        "--queries", type=Path, default=None, help="a folder of .rq files to time (default: the package's)"
    )
    parser.add_argument("--index", type=Path, default=None, help="a page index folder (default: the build's)")
    parser.add_argument("--no-index", action="store_true", help="leave the page index out")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    store = open_source(args.source)
    print(f"opened {args.source} in {time.perf_counter() - began:.2f} s: {len(store):,} triples")
    index = None
    if not args.no_index:
        index = PageIndex.open(args.index, len(store)) if args.index else PageIndex.of(args.source)
    print(f"page index: {index.folder if index else 'none'}")
    busiest, median = typical_values(store), typical_values(store, 0.5)
    print("busiest: " + ", ".join(f"{k}={v}" for k, v in busiest.items()))
    print("median: " + ", ".join(f"{k}={v}" for k, v in median.items()))
    print("seconds (wall, CPU) and rows; best of", args.repeat, "run(s); load average", load(), "\n")
    header = f"{'wall':>7} {'cpu':>7} {'rows':>7}"
    titles = ["busiest", "median", "busiest page"] + ([] if args.bound_only else ["first page"])
    titles += [] if args.bound_only or args.no_whole else ["all (unbound)"]
    print(f"{'query':24}  " + "  ".join(f"{title:^23}" for title in titles))
    print(f"{'':24}  " + "  ".join(header for _ in titles))
    wanted = set(filter(None, args.only.split(",")))
    for name, query in named_queries(args.queries).items():
        if wanted and name not in wanted:
            continue
        cells = []
        for values in (busiest, median):
            bindings = {p: values[p] for p in query.parameters if p in values}
            figures = timed(store, query, bindings, None, args.repeat, index) if bindings else None
            cells.append(cell(figures) if figures else f"{'-':^23}")
        bindings = {p: busiest[p] for p in query.parameters if p in busiest}
        figures = timed(store, query, bindings, args.page, args.repeat, index) if bindings else None
        cells.append(cell(figures) if figures else f"{'-':^23}")
        if not args.bound_only:
            cells.append(cell(timed(store, query, {}, args.page, args.repeat, index)))
            if not args.no_whole:
                cells.append(cell(timed(store, query, {}, None, args.repeat, index)))
        print(f"{name:24}  " + "  ".join(cells), flush=True)
    print(f"\nload average at the end: {load()}")


if __name__ == "__main__":
    main()
