"""A built graph as tables: CSV, Parquet, or the CSV files ``neo4j-admin database import`` reads.

One table per kind of thing the graph holds (:data:`TABLES`): releases,
persons, titles (as each release writes them), posts (one row per post and
holder: a tenure), events, participations, documents and directives. Each
table is the answer to one SPARQL query in ``ontology/queries/export/`` (so
the same tables can be had from any SPARQL store); a fact stated by several
sentences gets one row, with the earliest sentence (in release order) as its
evidence: ``release_id`` (the release's IRI; ``releases.identifier`` is its own
id), ``sentence``, and the sentence's character offsets ``begin`` and ``end``
in the release's text.

Column names are stable and documented in the README; identifiers are the
graph's IRIs (``person_id``, ``event_id`` ...), so tables join on them. The
files are plain: UTF-8 CSV without a byte-order mark, a header row, empty
cells for unknown values, so ``pandas.read_csv`` and R's ``read.csv`` read
them as they are; Parquet columns are typed (integers, dates).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from govkg.graph.outputs import atomic_write
from govkg.graph.sparql import QueryResult, named_queries, open_store, query_store
from govkg.ontology import resource_path

FORMATS = ("csv", "parquet", "neo4j")

# Column types: "string", "integer" (character offsets, counts), "date" (ISO dates).
_INTEGERS = {"begin", "end", "release_count", "event_count"}
_DATES = {"date", "first_attested", "last_attested"}


@dataclass(frozen=True)
class Table:
    """A table: its name, its columns, and the column that identifies a row (or none)."""

    name: str
    columns: tuple[str, ...]
    key: str | None  # rows with the same key are one fact, of which the first is kept

    def type_of(self, column: str) -> str:
        return "integer" if column in _INTEGERS else "date" if column in _DATES else "string"


def _tables() -> dict[str, Table]:
    keys = {
        "releases": "release_id",
        "persons": "person_id",
        "titles": "title_id",
        "posts": "tenure_id",
        "events": "event_id",
        "participations": "participation_id",
        "documents": None,
        "directives": None,
    }
    found = {}
    for name, key in keys.items():
        query = export_queries()[name]
        found[name] = Table(name, tuple(_projection(query.text)), key)
    return found


def export_queries():
    """The queries that make the tables, by table name (``ontology/queries/export/*.rq``)."""
    return named_queries(resource_path("queries") / "export")


def _projection(text: str) -> list[str]:
    """The variables a query's SELECT names, in order (its columns)."""
    words = text[text.index("SELECT") + len("SELECT") : text.index("WHERE")].split()
    return [word[1:] for word in words if word.startswith("?")]


TABLES: dict[str, Table] = _tables()


def _rows(table: Table, result: QueryResult) -> list[dict[str, str]]:
    """The result's rows as strings; of the rows of one key, the first."""
    rows, seen = [], set()
    for record in result.records():
        if table.key is not None:
            if record.get(table.key) in seen:
                continue
            seen.add(record.get(table.key))
        rows.append({column: record.get(column, "") for column in table.columns})
    return rows


def export_tables(source, tables: list[str] | None = None) -> dict[str, list[dict[str, str]]]:
    """The tables of a graph (a build folder, a graph file, or a pyoxigraph store), as rows of strings.

    >>> from govkg.graph import build_records
    >>> result = build_records([{"id": "n1", "title": "会议召开", "pubtime": "2020-01-26",
    ...                          "content": "1月25日，市长何平主持召开会议。"}])
    >>> from govkg.graph.sparql import graph_to_store
    >>> rows = export_tables(graph_to_store(result.graph), ["participations"])["participations"]
    >>> [(row["person"], row["role"], row["release_id"]) for row in rows]
    [('何平', 'Chair', 'https://w3id.org/govkg/id/release/n1')]
    >>> row = rows[0]; int(row["end"]) - int(row["begin"]) == len(row["sentence"])
    True
    """
    store = open_store(source) if isinstance(source, (str, Path)) else source
    queries = export_queries()
    wanted = tables or list(TABLES)
    return {name: _rows(TABLES[name], query_store(store, queries[name])) for name in wanted}


# ---------------------------------------------------------------------------
# Writers


def csv_text(columns: list[str] | tuple[str, ...], rows: list[dict[str, str]]) -> str:
    """RFC 4180 CSV with a header row; ``\\n`` line ends."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _typed(kind: str, value: str):
    if value == "":
        return None
    if kind == "integer":
        return int(value)
    if kind == "date":
        return date.fromisoformat(value[:10])
    return value


def _pyarrow():
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:  # pragma: no cover - a dependency, but say how to get it
        raise ImportError("Parquet export needs pyarrow: pip install pyarrow") from exc
    return pyarrow


def parquet_bytes(table: Table, rows: list[dict[str, str]]) -> bytes:
    """A Parquet file of the table's rows, integer and date columns typed."""
    pa = _pyarrow()
    arrow_types = {"integer": pa.int64(), "date": pa.date32(), "string": pa.string()}
    schema = pa.schema([(column, arrow_types[table.type_of(column)]) for column in table.columns])
    arrays = [
        pa.array([_typed(table.type_of(column), row[column]) for row in rows], type=schema.field(column).type)
        for column in table.columns
    ]
    sink = pa.BufferOutputStream()
    pa.parquet.write_table(pa.Table.from_arrays(arrays, schema=schema), sink)
    return sink.getvalue().to_pybytes()


# Neo4j: nodes and relationships, with the header row of ``neo4j-admin database import``:
# ``:ID(space)`` and ``:LABEL`` for nodes, ``:START_ID(space)``, ``:END_ID(space)`` and
# ``:TYPE`` for relationships, ``name:type`` for typed properties.
_NEO4J_TYPES = {"integer": "long", "date": "date", "string": None}


@dataclass(frozen=True)
class Neo4jFile:
    """One file of the Neo4j import: its header and how a table row becomes its row."""

    name: str
    kind: str  # "nodes" or "relationships"
    table: str
    header: tuple[str, ...]
    row: Callable[[dict[str, str]], tuple[str, ...] | None]


def _property(table: Table, column: str, rename: str | None = None) -> str:
    kind = _NEO4J_TYPES[table.type_of(column)]
    name = rename or column
    return f"{name}:{kind}" if kind else name


def _node_file(name, table, space, id_column, properties, label) -> Neo4jFile:
    t = TABLES[table]
    header = (f"{id_column}:ID({space})", *(_property(t, c) for c in properties), ":LABEL")

    def row(record):
        if not record[id_column]:
            return None
        labels = label(record) if callable(label) else label
        return (record[id_column], *(record[c] for c in properties), labels)

    return Neo4jFile(name, "nodes", table, header, row)


def _relationship_file(name, table, start, end, rel_type, properties) -> Neo4jFile:
    t = TABLES[table]
    (start_space, start_column), (end_space, end_column) = start, end
    header = (
        f":START_ID({start_space})",
        f":END_ID({end_space})",
        ":TYPE",
        *(_property(t, c) for c in properties),
    )

    def row(record):
        if not record[start_column] or not record[end_column]:
            return None
        return (record[start_column], record[end_column], rel_type, *(record[c] for c in properties))

    return Neo4jFile(name, "relationships", table, header, row)


_EVIDENCE = ("release_id", "sentence", "begin", "end")

NEO4J_FILES: tuple[Neo4jFile, ...] = (
    _node_file(
        "releases",
        "releases",
        "Release",
        "release_id",
        ("identifier", "headline", "published", "source", "url", "place"),
        "Release",
    ),
    _node_file(
        "persons", "persons", "Person", "person_id", ("name", "release_count", "event_count"), "Person"
    ),
    _node_file("posts", "posts", "Post", "post_id", ("post", "place"), "Post"),
    _node_file(
        "events",
        "events",
        "Event",
        "event_id",
        ("name", "date", "place", *_EVIDENCE),
        lambda r: "Event" if r["type"] in ("", "Event") else f"Event;{r['type']}",
    ),
    _node_file("documents", "documents", "Document", "document_id", ("title", "issuer"), "Document"),
    _node_file("directives", "directives", "Directive", "directive_id", ("name",), "Directive"),
    _relationship_file(
        "held",
        "posts",
        ("Person", "person_id"),
        ("Post", "post_id"),
        "HELD",
        ("first_attested", "last_attested", *_EVIDENCE),
    ),
    _relationship_file(
        "participated",
        "participations",
        ("Person", "person_id"),
        ("Event", "event_id"),
        "PARTICIPATED_IN",
        ("role", *_EVIDENCE),
    ),
    _relationship_file("reported", "events", ("Release", "release_id"), ("Event", "event_id"), "REPORTS", ()),
    _relationship_file(
        "cites", "documents", ("Release", "release_id"), ("Document", "document_id"), "CITES", ()
    ),
    _relationship_file(
        "implements", "directives", ("Event", "event_id"), ("Directive", "directive_id"), "IMPLEMENTS", ()
    ),
)


def neo4j_tables(tables: dict[str, list[dict[str, str]]]) -> dict[str, tuple[str, list[tuple[str, ...]]]]:
    """The Neo4j import files, by name: ``(kind, rows)``, the header row first, each node once."""
    files = {}
    for spec in NEO4J_FILES:
        rows, seen = [spec.header], set()
        for record in tables[spec.table]:
            row = spec.row(record)
            if row is None or (spec.kind == "nodes" and row[0] in seen):
                continue
            seen.add(row[0])
            if spec.kind == "relationships" and row in seen:
                continue
            seen.add(row)
            rows.append(row)
        files[f"{spec.name}.csv"] = (spec.kind, rows)
    return files


def neo4j_import_command(folder: str | Path, database: str = "neo4j") -> str:
    """The ``neo4j-admin`` command (Neo4j 5) that loads the files written in ``folder``."""
    folder = Path(folder)
    args = ["neo4j-admin database import full", "--multiline-fields=true", "--overwrite-destination"]
    for spec in NEO4J_FILES:
        args.append(f"--{spec.kind}={folder / (spec.name + '.csv')}")
    return " \\\n  ".join([*args, database])


def write_export(source, outdir: str | Path, fmt: str = "csv") -> list[Path]:
    """Write a graph's tables into ``outdir`` as ``fmt`` (csv, parquet or neo4j); the paths written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    tables = export_tables(source)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    if fmt == "neo4j":
        for name, (_, rows) in neo4j_tables(tables).items():
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            written.append(atomic_write(outdir / name, out.getvalue()))
        return written
    for name, rows in tables.items():
        table = TABLES[name]
        if fmt == "csv":
            written.append(atomic_write(outdir / f"{name}.csv", csv_text(table.columns, rows)))
        else:
            written.append(atomic_write(outdir / f"{name}.parquet", parquet_bytes(table, rows)))
    return written
