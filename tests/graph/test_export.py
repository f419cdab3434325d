"""govkg export: tables that load as they are, with the documented columns and every fact once."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from govkg.graph.build import build, sample_paths
from govkg.graph.cli import EXIT_OK, main
from govkg.graph.export import NEO4J_FILES, TABLES, export_tables, neo4j_import_command, write_export
from govkg.graph.outputs import write_outputs
from govkg.graph.sparql import run_query

pa = pytest.importorskip("pyarrow")
pa_csv = pytest.importorskip("pyarrow.csv")
pq = pytest.importorskip("pyarrow.parquet")

PREFIXES = """PREFIX gov: <https://w3id.org/govkg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""

# How many rows each table must have: the same count asked of the graph in SPARQL.
COUNTS = {
    "releases": "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a gov:Release }",
    "persons": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a gov:Person }",
    "titles": "SELECT (COUNT(DISTINCT ?h) AS ?n) WHERE { ?h a gov:PositionHolding ; gov:title ?t }",
    "posts": "SELECT (COUNT(DISTINCT ?h) AS ?n) WHERE { ?h a gov:PositionHolding ; gov:post ?p ; "
    "prov:wasDerivedFrom ?s . ?s a gov:PositionHolding }",
    "events": "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a gov:Event }",
    "participations": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a gov:Participation }",
    "documents": "SELECT (COUNT(*) AS ?n) WHERE { ?r schema:citation ?d }",
    "directives": "SELECT (COUNT(*) AS ?n) WHERE { ?e gov:implements ?d }",
}


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("build")
    write_outputs(build(sample_paths()), folder)
    return folder


@pytest.fixture(scope="module")
def csv_folder(sample_build, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("csv")
    write_export(sample_build, folder, "csv")
    return folder


@pytest.mark.parametrize("name", sorted(TABLES))
def test_each_csv_table_loads_with_its_documented_columns(csv_folder, name):
    table = pa_csv.read_csv(csv_folder / f"{name}.csv")
    assert table.column_names == list(TABLES[name].columns)


@pytest.mark.parametrize("name", sorted(TABLES))
def test_row_counts_match_sparql_counts(sample_build, csv_folder, name):
    expected = int(run_query(sample_build, PREFIXES + COUNTS[name]).records()[0]["n"])
    with open(csv_folder / f"{name}.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == expected
    assert expected > 0


def test_the_csv_files_are_plain_utf8_without_a_byte_order_mark(csv_folder):
    data = (csv_folder / "persons.csv").read_bytes()
    assert data.startswith(b"person_id,name,")
    assert "何平".encode() in data


def test_evidence_columns_give_the_sentence_and_its_offsets(csv_folder):
    with open(csv_folder / "participations.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    chair = next(r for r in rows if r["person"] == "温奇志" and r["role"] == "Chair")
    assert chair["release_id"] == "https://w3id.org/govkg/id/release/0000"
    assert "温奇志主持" in chair["sentence"]
    assert int(chair["end"]) - int(chair["begin"]) == len(chair["sentence"])


def test_parquet_tables_are_typed(sample_build, tmp_path):
    write_export(sample_build, tmp_path, "parquet")
    events = pq.read_table(tmp_path / "events.parquet")
    assert events.column_names == list(TABLES["events"].columns)
    assert events.schema.field("begin").type == pa.int64()
    assert events.schema.field("date").type == pa.date32()
    assert date(2020, 1, 25) in events.column("date").to_pylist()
    assert pq.read_table(tmp_path / "persons.parquet").num_rows == len(export_tables(sample_build)["persons"])


def test_exports_are_byte_identical_for_the_same_build(sample_build, tmp_path):
    first = [p.read_bytes() for p in write_export(sample_build, tmp_path / "a", "csv")]
    second = [p.read_bytes() for p in write_export(sample_build, tmp_path / "b", "csv")]
    assert first == second


# The header rules of ``neo4j-admin database import`` (Neo4j 5): a node file has one
# ``:ID`` column (optionally named and in an ID space) and a ``:LABEL`` column; a
# relationship file has ``:START_ID``, ``:END_ID`` and ``:TYPE``; other columns are
# ``name`` or ``name:type`` with a type the importer knows.
NEO4J_TYPES = {
    "int",
    "long",
    "float",
    "double",
    "boolean",
    "byte",
    "short",
    "char",
    "string",
    "date",
    "localtime",
    "time",
    "localdatetime",
    "datetime",
    "duration",
    "point",
}
FIELD = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)?(?::(?P<kind>[A-Z_]+|[a-z]+)(?:\((?P<space>\w+)\))?)?$"
)


def _read(path: Path) -> tuple[list[str], list[list[str]]]:
    with open(path, encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    return header, rows


def _check_header(header: list[str], kind: str) -> dict[str, tuple[int, str | None]]:
    special = {}
    names = set()
    for index, field in enumerate(header):
        match = FIELD.match(field)
        assert match, f"bad header field {field!r}"
        name, role, space = match["name"], match["kind"], match["space"]
        if role and role.isupper():
            assert role in {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}, field
            assert role not in special, f"{role} twice"
            special[role] = (index, space)
        else:
            assert name, f"a property needs a name: {field!r}"
            assert role is None or role in NEO4J_TYPES, field
            assert name not in names, f"{name} twice"
            names.add(name)
    required = {"ID", "LABEL"} if kind == "nodes" else {"START_ID", "END_ID", "TYPE"}
    assert required <= set(special), header
    return special


def test_neo4j_files_follow_the_import_header_rules(sample_build, tmp_path):
    write_export(sample_build, tmp_path, "neo4j")
    ids: dict[str, set[str]] = {}
    for spec in NEO4J_FILES:
        if spec.kind != "nodes":
            continue
        header, rows = _read(tmp_path / f"{spec.name}.csv")
        special = _check_header(header, "nodes")
        column, space = special["ID"]
        values = [row[column] for row in rows]
        assert len(values) == len(set(values)), f"{spec.name}: duplicate ids"
        assert all(values) and all(row[special["LABEL"][0]] for row in rows)
        ids.setdefault(space, set()).update(values)
        for index, field in enumerate(header):
            if field.endswith((":long", ":int")):
                assert all(row[index] == "" or row[index].isdigit() for row in rows), field
            if field.endswith(":date"):
                assert all(row[index] == "" or date.fromisoformat(row[index]) for row in rows), field
    for spec in NEO4J_FILES:
        if spec.kind != "relationships":
            continue
        header, rows = _read(tmp_path / f"{spec.name}.csv")
        special = _check_header(header, "relationships")
        assert rows, spec.name
        for role in ("START_ID", "END_ID"):
            column, space = special[role]
            assert {row[column] for row in rows} <= ids[space], f"{spec.name}: {role} not a node"


def test_the_neo4j_command_names_every_file(tmp_path):
    command = neo4j_import_command(tmp_path)
    assert command.startswith("neo4j-admin database import full")
    for spec in NEO4J_FILES:
        assert f"--{spec.kind}={tmp_path / spec.name}.csv" in command


def test_the_export_command_writes_the_tables(sample_build, tmp_path, capsys):
    assert main(["export", str(sample_build), "-o", str(tmp_path), "--format", "csv"]) == EXIT_OK
    assert sorted(p.stem for p in tmp_path.glob("*.csv")) == sorted(TABLES)
    assert "wrote" in capsys.readouterr().out


def test_the_readme_documents_every_column():
    readme = Path(__file__).resolve().parents[2] / "README.md"
    if not readme.is_file():
        pytest.skip("needs the source tree's README")
    text = readme.read_text(encoding="utf-8")
    for name, table in TABLES.items():
        line = f"`{name}`: " + ", ".join(f"`{column}`" for column in table.columns)
        assert line in " ".join(text.split()), name


@pytest.mark.parametrize("name", sorted(TABLES))
def test_the_table_queries_give_the_same_rows_on_rdflib(sample_build, name):
    from govkg.graph.export import export_queries
    from govkg.graph.sparql import load_graph

    graph = load_graph(sample_build)
    fast = run_query(graph, export_queries()[name])
    slow = run_query(graph, export_queries()[name], engine="rdflib")
    assert fast.variables == slow.variables
    assert sorted(map(sorted, (r.items() for r in fast.records()))) == sorted(
        map(sorted, (r.items() for r in slow.records()))
    )


def test_a_title_only_the_headline_states_says_its_offsets_count_in_the_headline():
    from govkg.graph import build_records
    from govkg.graph.sparql import graph_to_store

    result = build_records(
        [
            {
                "id": "h1",
                "title": "安吉县县长王立新检查防汛工作",
                "pubtime": "2021-07-02",
                "content": "7月1日，县委副书记王立新到某某镇检查防汛工作。副县长赵文明主持召开会议。",
            }
        ]
    )
    tables = export_tables(graph_to_store(result.graph), ["titles", "posts"])
    titles = {row["title"]: row for row in tables["titles"]}
    headline, body = titles["安吉县县长"], titles["副县长"]
    assert headline["person"] == "王立新"
    assert (headline["evidence_in"], body["evidence_in"]) == ("headline", "body")
    begin, end = int(headline["begin"]), int(headline["end"])
    assert "安吉县县长王立新检查防汛工作"[begin:end] == headline["sentence"]
    posts = {row["post"]: row["evidence_in"] for row in tables["posts"] if row["person"] == "王立新"}
    assert posts == {"安吉县县长": "headline", "安吉县委副书记": "body"}
