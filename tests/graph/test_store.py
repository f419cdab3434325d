"""The build's store (graph/store.py): written with the files, read through by the reading commands."""

from __future__ import annotations

import os
import re

import pyoxigraph as ox
import pytest
from rdflib import RDF, Graph
from rdflib.compare import isomorphic

from govkg.graph import network
from govkg.graph import store as store_module
from govkg.graph.build import BuildResult
from govkg.graph.cli import EXIT_OK, main
from govkg.graph.outputs import write_outputs
from govkg.graph.rdf import to_rdf
from govkg.graph.sparql import QueryError, open_store, run_query
from govkg.graph.store import (
    STORE,
    GraphSourceError,
    StoreGraph,
    build_graph,
    manifest,
    ntriples_pairs,
    open_graph_store,
    previous_store,
    read_graph,
    store_of,
    update_store,
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


def dump(store) -> list[str]:
    return sorted(str(quad) for quad in store.quads_for_pattern(None, None, None))


def loaded(path) -> list[str]:
    store = ox.Store()
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_TRIPLES)
    return dump(store)


INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"
NON_NEGATIVE = "<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"


@pytest.mark.parametrize(
    "old, new",
    [
        ([], ["<a> <p> <b> ."]),
        (["<a> <p> <b> ."], []),
        (["<a> <p> <b> .", "<a> <p> <c> ."], ["<a> <p> <c> .", "<a> <q> <c> .", "<d> <p> <c> ."]),
        # literals Oxigraph keeps by value: removing one removes another the new graph holds
        ([f'<a> <p> "05"^^{INTEGER} .', f'<a> <p> "5"^^{INTEGER} .'], [f'<a> <p> "5"^^{INTEGER} .']),
        ([f'<a> <p> "5"^^{INTEGER} .', f'<a> <p> "5"^^{NON_NEGATIVE} .'], [f'<a> <p> "5"^^{INTEGER} .']),
        (['<a> <p> "x"@zh-CN .', '<a> <p> "x"@zh-cn .', "<b> <p> <c> ."], ['<a> <p> "x"@zh-CN .']),
        ([f'<a> <p> "7"^^{INTEGER} .'], [f'<a> <p> "07"^^{INTEGER} .', '<a> <p> "x" .']),
    ],
)
def test_an_updated_store_holds_the_triples_of_a_fresh_load(tmp_path, old, new):
    paths = []
    for name, lines in (("old.nt", old), ("new.nt", new)):
        lines = [re.sub("<([a-z])>", r"<http://x/\1>", line) for line in lines]
        paths.append(tmp_path / name)
        paths[-1].write_text("".join(f"{line}\n" for line in sorted(lines)), encoding="utf-8")
    store = ox.Store()
    store.bulk_load(path=str(paths[0]), format=ox.RdfFormat.N_TRIPLES)
    update_store(store, *paths, batch=1)
    assert dump(store) == loaded(paths[1])
    assert not list(tmp_path.glob(".*"))


def test_a_file_out_of_order_is_refused(tmp_path):
    old, new = tmp_path / "old.nt", tmp_path / "new.nt"
    old.write_text("<http://x/a> <http://x/p> <http://x/b> .\n", encoding="utf-8")
    new.write_text("<http://x/b> <http://x/p> <http://x/b> .\n<http://x/a> <http://x/p> <http://x/b> .\n")
    with pytest.raises(ValueError, match="not sorted"):
        update_store(ox.Store(), old, new)


def replace(path, lines) -> None:
    """A new file in place of ``path``, as a build writes its files (the old one stays whole)."""
    (path.parent / "new.tmp").write_text("".join(lines), encoding="utf-8")
    os.replace(path.parent / "new.tmp", path)


def test_a_store_is_updated_from_the_previous_one_when_it_holds_its_graph_nt(built, tmp_path, monkeypatch):
    _, folder, _ = built
    changes = []
    monkeypatch.setattr(store_module, "update_store", lambda *a, **k: changes.append(update_store(*a, **k)))
    with previous_store(folder, tmp_path) as base:
        assert base is not None and base.graph.read_bytes() == (folder / "graph.nt").read_bytes()
        lines = (folder / "graph.nt").read_text(encoding="utf-8").splitlines(keepends=True)
        replace(folder / "graph.nt", lines[::2])
        write_store(folder, base=base)
    assert not list(tmp_path.glob(".graph.nt.*"))
    assert dump(ox.Store.read_only(str(store_of(folder)))) == loaded(folder / "graph.nt")
    assert manifest(folder)["triples"] == len(lines[::2])
    assert changes == [(len(lines) // 2, 0)]  # removed, added


def test_a_store_that_does_not_hold_graph_nt_is_no_base(built, tmp_path):
    _, folder, _ = built
    with (folder / "graph.nt").open("a", encoding="utf-8") as handle:
        handle.write("<http://x/a> <http://x/p> <http://x/b> .\n")  # written since the store
    with previous_store(folder, tmp_path) as base:
        assert base is None
    with previous_store(tmp_path / "no-build", tmp_path) as base:
        assert base is None


def test_a_base_that_cannot_be_updated_gives_a_store_loaded_whole(built, tmp_path):
    _, folder, _ = built
    with previous_store(folder, tmp_path) as base:
        lines = (folder / "graph.nt").read_text(encoding="utf-8").splitlines(keepends=True)
        replace(folder / "graph.nt", reversed(lines))  # not sorted
        write_store(folder, base=base)
    assert dump(ox.Store.read_only(str(store_of(folder)))) == loaded(folder / "graph.nt")


def test_graph_nt_gives_the_network_what_the_store_gives(built):
    _, folder, _ = built
    from_store = StoreGraph(ox.Store.read_only(str(store_of(folder))))
    texts, links = network.TEXT_PREDICATES, network.LINK_PREDICATES
    from_file = ntriples_pairs(folder / "graph.nt", texts, links)
    assert from_file.keys() == from_store.pairs(texts, links).keys()
    for predicate, pairs in from_store.pairs(texts, links).items():
        assert sorted(from_file[predicate]) == sorted(pairs), predicate
    assert from_file[str(SCHEMA.name)] and from_file[str(GOV.evidence)]


def test_the_network_reads_each_iri_as_one_string_however_many_triples_name_it(built):
    """A class or an official is named by many triples: read whole at 100,000 releases, one
    string each instead of one a triple is what keeps the network's read in memory."""
    _, folder, _ = built
    texts, links = network.TEXT_PREDICATES, network.LINK_PREDICATES
    for pairs in (
        ntriples_pairs(folder / "graph.nt", texts, links),
        StoreGraph(ox.Store.read_only(str(store_of(folder)))).pairs(texts, links),
    ):
        types = pairs[str(RDF.type)]
        classes = {o for _, o in types}
        assert len({id(o) for _, o in types}) == len(classes) < len(types)
        agents = {s: s for s, _ in pairs[str(GOV.agent)]}
        # the participation named as agent's subject is the same string as its rdf:type's subject
        assert any(agents.get(s) is s for s, _ in types)


def test_a_build_folder_is_read_with_its_graph_nt_while_the_store_names_it(built):
    _, folder, _ = built
    assert build_graph(folder).ntriples == folder / "graph.nt"
    assert build_graph(folder / "graph.ttl").ntriples == folder / "graph.nt"
    with (folder / "graph.nt").open("a", encoding="utf-8") as handle:
        handle.write("<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n")
    assert build_graph(folder).ntriples is None  # changed since: the store alone
