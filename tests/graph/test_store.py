"""The build's store (graph/store.py): written with the files, read through by the reading commands."""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph
from rdflib.compare import isomorphic

from govkg.graph.build import BuildResult
from govkg.graph.cli import EXIT_OK, main
from govkg.graph.outputs import write_outputs
from govkg.graph.rdf import to_rdf
from govkg.graph.sparql import QueryError, open_store, run_query
from govkg.graph.store import (
    STORE,
    GraphSourceError,
    StoreGraph,
    manifest,
    open_graph_store,
    read_graph,
    store_of,
    write_store,
)
from govkg.ontology import GOV, SCHEMA
from tests.graph.records import inspection, meeting

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(store) -> int:
    return int(next(iter(store.query(COUNT)))[0].value)


@pytest.fixture
def built(tmp_path):
    extractions = [meeting("r1"), meeting("r2"), inspection("r3")]
    result = BuildResult(graph=to_rdf(extractions), extractions=extractions)
    written = write_outputs(result, tmp_path, only=["graph.nt", "graph.ttl", STORE])
    return result, tmp_path, written


def test_a_build_writes_its_store_beside_the_files(built):
    result, folder, written = built
    assert written[STORE] == folder / STORE
    found = manifest(folder)
    assert found["triples"] == len(result.graph)
    assert sorted(found["files"]) == ["graph.nt", "graph.ttl"]
    assert not list(folder.glob(".*.tmp"))


def test_the_store_holds_the_triples_of_graph_nt(built):
    _, folder, _ = built
    from_store = {
        str(q)[: -len(" .")]
        for q in ox.Store.read_only(str(store_of(folder))).quads_for_pattern(None, None, None)
    }
    store = ox.Store()
    store.bulk_load(path=str(folder / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    from_file = {str(q)[: -len(" .")] for q in store.quads_for_pattern(None, None, None)}
    assert from_store == from_file


@pytest.mark.parametrize("name", [None, "graph.ttl", "graph.nt"])
def test_a_build_folder_and_its_files_open_its_store(built, name):
    _, folder, _ = built
    source = folder if name is None else folder / name
    assert store_of(source) == folder / STORE / "oxigraph"
    store = open_graph_store(source)
    with pytest.raises(
        RuntimeError, match="read-write"
    ):  # read-only: the graph of record is not changed by a reader
        store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:c")))


def test_many_readers_open_one_store_at_once(built):
    _, folder, _ = built
    first, second = open_graph_store(folder), open_graph_store(folder)
    assert count(first) == count(second) > 0


def test_a_file_changed_since_the_build_is_read_from_the_file(built):
    _, folder, _ = built
    path = folder / "graph.ttl"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert store_of(path) is None
    assert count(open_graph_store(path)) == 1
    assert store_of(folder / "graph.nt") is not None  # the others still have their store


def test_a_file_of_no_build_is_loaded_in_memory(tmp_path):
    path = tmp_path / "g.nt"
    path.write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    assert store_of(path) is None
    assert count(open_graph_store(path)) == 1


@pytest.mark.parametrize(
    ("name", "text", "problem"),
    [("g.xyz", "x", "unknown RDF file type"), ("missing.ttl", None, "no such graph file")],
)
def test_a_source_that_cannot_be_opened_says_why(tmp_path, name, text, problem):
    path = tmp_path / name
    if text is not None:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(GraphSourceError, match=problem):
        open_graph_store(path)
    with pytest.raises(QueryError, match=problem):
        open_store(path)


def test_rewriting_the_store_swaps_it_whole(built):
    _, folder, _ = built
    (folder / "graph.nt").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    write_store(folder)
    assert count(open_graph_store(folder)) == 1
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".")) == []


def test_read_graph_keeps_every_datatype_as_written(built):
    # Oxigraph stores xsd:nonNegativeInteger offsets as xsd:integer: rdflib
    # readers (SHACL, networkx) must get the terms as the files write them.
    result, folder, _ = built
    assert isomorphic(read_graph(folder), result.graph)
    assert isomorphic(read_graph(folder / "graph.ttl"), Graph().parse(folder / "graph.ttl"))


def test_queries_on_a_build_folder_run_on_its_store(built, capsys):
    result, folder, _ = built
    assert int(run_query(folder, COUNT).rows[0][0]) == len(result.graph)
    assert main(["query", str(folder), COUNT, "-f", "csv"]) == EXIT_OK
    assert capsys.readouterr().out.splitlines()[1] == str(len(result.graph))


def test_a_store_replaced_under_a_reader_leaves_the_reader_working(built):
    _, folder, _ = built
    reader = open_graph_store(folder)
    before = count(reader)
    write_store(folder)
    assert count(reader) == before  # the reader keeps the files it opened
    assert os.path.isdir(folder / STORE)


def test_a_store_graph_answers_the_network_look_ups_as_rdflib_does(built):
    result, folder, _ = built
    graph = StoreGraph(ox.Store.read_only(str(store_of(folder))))
    for predicate in (RDF.type, GOV.holder, SCHEMA.name, SCHEMA.datePublished):
        assert sorted(graph.subject_objects(predicate)) == sorted(result.graph.subject_objects(predicate))
        assert sorted(graph.objects(None, predicate)) == sorted(result.graph.objects(None, predicate))
    assert sorted(graph.subjects(RDF.type, GOV.Person)) == sorted(result.graph.subjects(RDF.type, GOV.Person))
    person = next(result.graph.subjects(RDF.type, GOV.Person))
    assert graph.value(person, SCHEMA.name) == result.graph.value(person, SCHEMA.name)
    assert graph.value(person, GOV.issuer) is None


def test_a_store_loaded_in_small_batches_holds_the_same_triples(built):
    _, folder, _ = built

    def stored() -> set[str]:
        return {str(q) for q in ox.Store.read_only(str(store_of(folder))).quads_for_pattern(None, None, None)}

    whole = stored()
    write_store(folder, batch=7)
    assert stored() == whole
