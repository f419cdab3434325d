"""RDF terms: one converter between pyoxigraph and rdflib, one N-Triples writer, one shortener."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import XSD, BNode, Literal, URIRef

from govkg.graph.sparql import QueryResult, format_result
from govkg.graph.terms import from_oxigraph, nt_escape, nt_literal, nt_term, short_iri, to_oxigraph


@pytest.mark.parametrize(
    "term",
    [
        URIRef("https://w3id.org/govkg/id/person/何平@巴中市"),
        BNode("b0"),
        Literal("何平", lang="zh"),
        Literal("plain"),
        Literal("2021-03-01", datatype=XSD.date),
    ],
)
def test_terms_make_the_round_trip_through_pyoxigraph(term):
    assert from_oxigraph(to_oxigraph(term)) == term


@pytest.mark.parametrize(
    ("text", "escaped"),
    [('甲"乙', '甲\\"乙'), ("a\nb\tc", "a\\nb\\tc"), ("\x01\x7f", "\\u0001\\u007F"), ("\\", "\\\\")],
)
def test_literals_are_escaped_as_canonical_n_triples(text, escaped):
    assert nt_escape(text) == escaped


@given(
    st.text(max_size=30),
    st.sampled_from([None, "zh", "en-GB"]),
    st.sampled_from([None, str(XSD.integer), "https://w3id.org/govkg/x#y"]),
)
def test_a_literal_read_back_from_n_triples_is_the_literal(text, language, datatype):
    literal = Literal(text, lang=language) if language else Literal(text, datatype=datatype)
    expected_datatype = f"<{datatype}>" if datatype and not language else None
    assert nt_literal(nt_term(literal)) == (str(literal), language, expected_datatype)


def test_query_results_in_tsv_escape_as_the_graph_files_do():
    literal = Literal("甲\x01乙", lang="zh")
    tsv = format_result(QueryResult("solutions", ("x",), ((literal,),)), "tsv")
    assert tsv.splitlines()[1] == nt_term(literal)


def test_iris_read_as_prefixed_names():
    assert short_iri("https://w3id.org/govkg/ontology#Chair") == "gov:Chair"
    assert short_iri("http://example.org/x") == "<http://example.org/x>"
