"""The output files: canonical N-Triples, Turtle, TriG by release, compact JSON-LD; atomic, deterministic."""

from __future__ import annotations

import json
import os
import re
import stat
import warnings

import pyoxigraph
import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef

from govkg.graph.build import BuildResult
from govkg.graph.iris import release_iri
from govkg.graph.outputs import (
    HELD_OBJECT,
    WRITERS,
    SharedWork,
    SubjectTexts,
    _JsonTerms,
    _Names,
    atomic_write,
    canonical,
    jsonld,
    jsonld_context,
    nt_term,
    ntriples,
    trig,
    turtle,
    turtle_text,
    write_outputs,
)
from govkg.graph.rdf import to_rdf
from govkg.ontology import GOV, PREFIXES, resource_path
from tests.graph.records import inspection, meeting

RDF_FILES = ["graph.ttl", "graph.trig", "graph.jsonld", "graph.nt"]
FORMATS = {"graph.ttl": "turtle", "graph.trig": "trig", "graph.jsonld": "json-ld", "graph.nt": "nt"}
OX_FORMATS = {
    "graph.ttl": pyoxigraph.RdfFormat.TURTLE,
    "graph.trig": pyoxigraph.RdfFormat.TRIG,
    "graph.jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "graph.nt": pyoxigraph.RdfFormat.N_TRIPLES,
}


def rdflib_parse(graph, **kwargs):
    """rdflib's TriG and JSON-LD parsers call its own deprecated ConjunctiveGraph API."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return graph.parse(**kwargs)


def result(*extractions) -> BuildResult:
    extractions = extractions or (meeting("r1"), meeting("r2"), inspection("r3"))
    return BuildResult(graph=to_rdf(extractions), extractions=list(extractions))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("out")
    built = result()
    write_outputs(built, folder, only=RDF_FILES)
    return built, folder


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        (URIRef("https://schema.org/name"), "<https://schema.org/name>"),
        (Literal("何平", lang="zh"), '"何平"@zh'),
        (Literal('说"好"\n\t\\'), r'"说\"好\"\n\t\\"'),
        (Literal("\x01\x7f"), r'"\u0001\u007F"'),
        (
            Literal("3", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer")),
            '"3"^^<http://www.w3.org/2001/XMLSchema#integer>',
        ),
        (Literal("x", datatype=URIRef("http://www.w3.org/2001/XMLSchema#string")), '"x"'),
    ],
)
def test_terms_in_canonical_n_triples(term, expected):
    assert nt_term(term) == expected


@pytest.mark.parametrize("name", RDF_FILES)
def test_each_file_parses_back_to_the_graph_in_rdflib(written, name):
    built, folder = written
    if name == "graph.trig":
        dataset = Dataset()
        rdflib_parse(dataset, data=(folder / name).read_text(encoding="utf-8"), format="trig")
        triples = {(s, p, o) for s, p, o, _ in dataset.quads()}
    else:
        triples = set(
            rdflib_parse(Graph(), data=(folder / name).read_text(encoding="utf-8"), format=FORMATS[name])
        )
    assert triples == set(built.graph)


@pytest.mark.parametrize("name", RDF_FILES)
def test_each_file_parses_in_pyoxigraph(written, name):
    built, folder = written
    quads = list(pyoxigraph.parse(path=str(folder / name), format=OX_FORMATS[name]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(built.graph)


def test_trig_has_one_named_graph_per_release(written):
    _, folder = written
    dataset = Dataset()
    rdflib_parse(dataset, data=(folder / "graph.trig").read_text(encoding="utf-8"), format="trig")
    names = {g.identifier for g in dataset.graphs() if len(g)}
    releases = {release_iri(r) for r in ("r1", "r2", "r3")}
    assert releases <= names
    for name in releases:
        assert (name, RDF.type, GOV.Release) in dataset.graph(name)


def test_trig_release_graph_holds_its_shared_nodes(written):
    _, folder = written
    dataset = Dataset()
    rdflib_parse(dataset, data=(folder / "graph.trig").read_text(encoding="utf-8"), format="trig")
    for name in (release_iri("r1"), release_iri("r2")):
        graph = dataset.graph(name)
        (person,) = graph.objects(name, URIRef("https://schema.org/mentions"))
        assert (person, RDF.type, GOV.Person) in graph


def test_trig_puts_triples_of_no_release_in_the_default_graph(tmp_path):
    built = result(meeting("r1"))
    extra = (URIRef("https://w3id.org/govkg/id/post/x"), RDF.type, GOV.Post)
    built.graph.add(extra)
    dataset = Dataset()
    rdflib_parse(dataset, data=trig(SharedWork(built)), format="trig")
    assert extra in dataset.default_graph
    assert extra not in dataset.graph(release_iri("r1"))


def test_a_triple_removed_after_mapping_is_not_written():
    built = result(meeting("r1"))
    gone = next(iter(built.graph.triples((None, GOV.title, None))))
    built.graph.remove(gone)
    assert nt_term(gone[2]) not in trig(SharedWork(built))


def test_ntriples_are_sorted_and_unique(written):
    _, folder = written
    lines = (folder / "graph.nt").read_text(encoding="utf-8").splitlines()
    assert lines == sorted(set(lines))


def test_turtle_uses_the_project_prefixes(written):
    _, folder = written
    text = (folder / "graph.ttl").read_text(encoding="utf-8")
    assert "@prefix gov: <https://w3id.org/govkg/ontology#> ." in text
    assert " a gov:Release ;" in text


def test_jsonld_is_compact_with_the_documented_context(written):
    _, folder = written
    document = json.loads((folder / "graph.jsonld").read_text(encoding="utf-8"))
    shipped = json.loads(resource_path("context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == shipped["@context"] == jsonld_context()
    chair = next(n for n in document["@graph"] if n.get("role") == "Chair")
    assert chair["@type"] == "Participation"
    assert chair["agent"].startswith("id:person/")
    names = {n["name"] for n in document["@graph"] if n.get("@type") == "Person"}
    assert "李四" in names


def test_same_graph_in_any_insertion_order_gives_the_same_bytes():
    first = result(meeting("r1"), inspection("r3"))
    second = result(inspection("r3"), meeting("r1"))
    for writer in (turtle, trig, jsonld, ntriples):
        assert writer(SharedWork(first)) == writer(SharedWork(second))


def test_two_builds_give_byte_identical_files(tmp_path):
    for run in ("a", "b"):
        write_outputs(result(), tmp_path / run, only=RDF_FILES)
    for name in RDF_FILES:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_blank_nodes_get_deterministic_labels():
    def with_blank():
        built = result(meeting("r1"))
        node = BNode()
        built.graph.add((node, RDF.type, GOV.Post))
        built.graph.add((node, URIRef("https://schema.org/name"), Literal("县长", lang="zh")))
        return built

    assert ntriples(SharedWork(with_blank())) == ntriples(SharedWork(with_blank()))
    assert len(canonical(with_blank().graph).default) > 2


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_atomic_write_leaves_no_temporary_file_and_the_umask_permissions(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        path = atomic_write(tmp_path / "sub" / "x.ttl", "甲")
    finally:
        os.umask(old)
    assert path.read_text(encoding="utf-8") == "甲"
    assert [p.name for p in path.parent.iterdir()] == ["x.ttl"]
    assert stat.S_IMODE(path.stat().st_mode) == mode  # not mkstemp's private 0600


def test_atomic_write_of_pieces_is_whole_or_nothing(tmp_path):
    path = tmp_path / "x.gexf"
    atomic_write(path, (f"<n>{i}甲</n>\n" for i in range(3)))
    assert path.read_text(encoding="utf-8") == "<n>0甲</n>\n<n>1甲</n>\n<n>2甲</n>\n"

    def broken():
        yield "<n>new</n>\n"
        raise RuntimeError("the network could not be read")

    with pytest.raises(RuntimeError):
        atomic_write(path, broken())
    # the old file stands, and no temporary file is left beside it
    assert path.read_text(encoding="utf-8").startswith("<n>0甲</n>")
    assert [p.name for p in tmp_path.iterdir()] == ["x.gexf"]


def test_the_network_files_are_written_in_pieces_not_held_whole():
    """graph.gexf and graph.graphml grow with the corpus: their writers hand out lines."""
    shared = SharedWork(result())
    for name in ("graph.gexf", "graph.graphml"):
        pieces = WRITERS[name](shared)
        assert not isinstance(pieces, (str, bytes))
        text = "".join(pieces)
        assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n') and text.count("<node ") > 1


def test_parallel_writers_write_the_same_bytes(tmp_path):
    built = result()
    write_outputs(built, tmp_path / "one", workers=1)
    written = write_outputs(built, tmp_path / "two", workers=2)
    assert sorted(written) == sorted(p.name for p in (tmp_path / "one").iterdir())
    for name in written:
        if name not in ("store", "shards"):  # folders: tests/graph/test_store.py, test_shards.py
            assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert not list((tmp_path / "two").glob(".*.tmp"))


def test_a_parallel_writer_error_is_raised_in_the_parent(tmp_path, monkeypatch):
    from govkg.graph import outputs

    monkeypatch.setitem(outputs.WRITERS, "broken.txt", lambda shared: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        write_outputs(result(), tmp_path, only=["graph.nt", "broken.txt"], workers=2)
    assert (tmp_path / "graph.nt").exists()
    assert not (tmp_path / "broken.txt").exists()


def test_rebuilding_one_release_changes_only_its_named_graph():
    def graph_blocks(text: str) -> dict[str, str]:
        return dict(re.findall(r"\n<([^>]+)> \{\n(.*?)\n\}\n", text, re.S))

    before = graph_blocks(trig(SharedWork(result(meeting("r1"), inspection("r2")))))
    after = graph_blocks(trig(SharedWork(result(meeting("r1", chair="王五"), inspection("r2")))))
    r1, r2 = str(release_iri("r1")), str(release_iri("r2"))
    assert before[r2] == after[r2]
    assert before[r1] != after[r1]


def test_trig_loads_into_oxigraph_with_a_graph_per_release(written):
    _, folder = written
    store = pyoxigraph.Store()
    store.load(path=str(folder / "graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    (row,) = store.query(
        "PREFIX gov: <https://w3id.org/govkg/ontology#> "
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a gov:Release } }"
    )
    assert int(row["n"].value) == 3


@given(st.text(max_size=30))
def test_any_literal_round_trips_through_n_triples(text):
    line = f"<https://w3id.org/govkg/id/x> <https://schema.org/name> {nt_term(Literal(text))} .\n"
    (triple,) = pyoxigraph.parse(line.encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert triple.object.value == text


def test_characters_an_iri_may_not_hold_are_percent_encoded():
    assert nt_term(URIRef("https://w3id.org/govkg/id/x y<z>")) == "<https://w3id.org/govkg/id/x%20y%3Cz%3E>"


def test_shared_work_is_prepared_once_in_the_parent(tmp_path, monkeypatch):
    from govkg.graph import outputs, tables

    calls = []
    analyse = tables.analysed_network
    monkeypatch.setattr(tables, "analysed_network", lambda graph: calls.append(graph) or analyse(graph))
    only = ["graph.html", "graph.gexf", "graph.graphml"]
    written = write_outputs(result(), tmp_path, only=only, workers=2)
    assert sorted(written) == sorted(only)
    assert len(calls) == 1  # in this process, before the first of the three children
    assert {outputs.USES[name] for name in only} == outputs.MADE_BY_PARENT


def test_every_writer_is_a_function_registered_by_file_name():
    from govkg.graph import outputs

    assert all(callable(writer) for writer in outputs.WRITERS.values())
    assert set(outputs.USES) <= set(outputs.WRITERS)


@pytest.mark.parametrize(
    ("iri", "turtle", "compact"),
    [
        ("<http://x/y/z>", "b:z", "b:z"),  # the longer namespace first
        ("<http://x/y/1z>", "<http://x/y/1z>", "b:1z"),  # no local name in b, nor in a (a slash)
        ("<http://x/y>", "a:y", "a:y"),
        ("<http://x///q>", "<http://x///q>", "http://x///q"),
        ("<http://w/z>", "<http://w/z>", "http://w/z"),
    ],
)
def test_an_iri_is_shortened_by_the_longest_namespace_that_allows_it(iri, turtle, compact):
    prefixes = {"a": "http://x/", "b": "http://x/y/"}
    assert _Names(prefixes).iri(iri) == turtle
    assert _JsonTerms(prefixes).iri(iri) == compact


@pytest.mark.parametrize("lexical", ["甲", 'a"b', "a\\b", "a\tb\n", "\x01\x7f", "\u2028 <x> \\u0041"])
def test_a_literal_in_json_ld_is_its_lexical_form_as_json_writes_it(lexical):
    terms = _JsonTerms({"name": {"@id": "http://x/name"}})
    assert terms.value("name", nt_term(Literal(lexical))) == json.dumps(lexical, ensure_ascii=False)


_GOV = "https://w3id.org/govkg/ontology#"
_SUBJECTS = [
    "<https://w3id.org/govkg/id/release/r1>",
    "<https://w3id.org/govkg/id/person/a%20b>",
    "<http://x/y>",
]
_PREDICATES = [
    f"<{RDF.type}>",
    f"<{_GOV}jurisdiction>",  # @id
    f"<{_GOV}role>",  # @vocab
    "<https://schema.org/name>",  # @language zh
    "<https://schema.org/startDate>",  # xsd:date
    "<https://schema.org/url>",  # xsd:anyURI
    f"<{_GOV}beginIndex>",  # xsd:nonNegativeInteger
    "<http://example.org/other>",  # no term
]
_OBJECTS = [
    f"<{_GOV}Person>",
    "<https://w3id.org/govkg/id/place/%E5%B7%B4>",
    "<http://example.org//x>",
    '"巴中市"@zh',
    '"Mixed"@en-gb',
    '"引号\\"与\\\\反斜杠\\n"',
    '"2020-01-02"^^<http://www.w3.org/2001/XMLSchema#date>',
    '"12"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>',
    '"07"^^<https://example.org/x%20y#code>',
    '"' + "长" * HELD_OBJECT + '"@zh',  # longer than what is held
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_SUBJECTS),
            st.sets(st.tuples(st.sampled_from(_PREDICATES), st.sampled_from(_OBJECTS)), min_size=1),
        ),
        min_size=1,
        max_size=4,
    ),
    st.integers(0, 3),
)
def test_a_subjects_turtle_and_json_ld_from_one_pass_are_those_of_each_writer(subjects, most):
    """SubjectTexts, its objects held from one subject to the next and forgotten past ``most``,
    gives turtle_text's and node_of's text."""
    names, terms = _Names(PREFIXES), _JsonTerms(jsonld_context())
    texts = SubjectTexts(_Names(PREFIXES), _JsonTerms(jsonld_context()))
    for subject, pairs in subjects:
        pairs = sorted(pairs)
        assert texts.of(subject, pairs) == (turtle_text(subject, pairs, names), terms.node_of(subject, pairs))
        texts.forget(most)
    assert texts.held <= max(most, sum(len(pairs) for _, pairs in subjects))


def test_two_predicates_of_one_json_ld_key_have_their_values_in_one_array():
    context = {"a": "http://x/", "p": {"@id": "http://x/p"}, "a:q": {"@id": "http://x/r"}}
    pairs = [("<http://x/p>", '"1"'), ("<http://x/q>", '"2"'), ("<http://x/r>", '"3"')]
    texts = SubjectTexts(_Names({"a": "http://x/"}), _JsonTerms(context))
    ttl, node = texts.of("<http://x/s>", pairs)
    assert node == '{"@id": "a:s", "p": "1", "a:q": ["2", "3"]}'
    assert ttl == turtle_text("<http://x/s>", pairs, _Names({"a": "http://x/"}))
