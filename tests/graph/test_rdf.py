"""The RDF mapping: contract terms, evidence, stable IRIs, the per-release partition, provenance."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from govkg.extract.identity import Corpus, PersonKey, ReleaseKeys, resolve
from govkg.extract.records import Event, Extraction, Holding, Person, Release, Span
from govkg.extract.titles import parse_title
from govkg.graph.iris import evidence_iri, release_iri
from govkg.graph.rdf import ReleaseGraph, build_triples, extraction_triples, sentence_span, to_rdf
from govkg.ontology import GOV, SCHEMA
from tests.graph.records import inspection, meeting

GOLDEN = """
@prefix gov: <https://w3id.org/govkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/govkg/id/> .

id:release\\/a a gov:Release ;
    schema:identifier "a" ;
    schema:datePublished "2020-01-26"^^xsd:date ;
    gov:jurisdiction <https://w3id.org/govkg/id/place/%E5%B7%B4%E4%B8%AD%E5%B8%82> ;
    gov:bodyText "市长何平讲话。"@zh ;
    schema:mentions <https://w3id.org/govkg/id/person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82> .

<https://w3id.org/govkg/id/place/%E5%B7%B4%E4%B8%AD%E5%B8%82> a gov:Place ; schema:name "巴中市"@zh .

<https://w3id.org/govkg/id/person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82> a gov:Person ;
    schema:name "何平"@zh .

<https://w3id.org/govkg/id/release/a/holding/h/0> a gov:PositionHolding ;
    gov:holder <https://w3id.org/govkg/id/person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82> ;
    gov:title "市长"@zh ;
    gov:jurisdiction <https://w3id.org/govkg/id/place/%E5%B7%B4%E4%B8%AD%E5%B8%82> ;
    prov:wasDerivedFrom id:release\\/a ;
    gov:evidence <https://w3id.org/govkg/id/release/a#char=0,7> .

<https://w3id.org/govkg/id/release/a#char=0,7> a gov:Evidence ;
    gov:release id:release\\/a ;
    gov:beginIndex "0"^^xsd:nonNegativeInteger ;
    gov:endIndex "7"^^xsd:nonNegativeInteger ;
    gov:sentence "市长何平讲话。"@zh .
"""


def mayor() -> Extraction:
    text = "市长何平讲话。"
    person = Person(
        name="何平",
        key="h",
        mentions=(Span(2, 4),),
        holdings=(Holding("市长", Span(0, 2), Span(0, 7), "巴中市", office=parse_title("市长")),),
        jurisdiction="巴中市",
    )
    release = Release(id="a", text=text, published="2020-01-26", place="巴中市")
    return Extraction(release=release, persons=(person,), place="巴中市")


def test_a_release_maps_to_the_golden_graph():
    graph = to_rdf([mayor()], provenance=False)
    assert isomorphic(graph, Graph().parse(data=GOLDEN, format="turtle"))


def test_the_build_is_an_activity_that_used_the_releases():
    graph = to_rdf([mayor()])
    (build,) = graph.subjects(RDF.type, GOV.Build)
    (corpus,) = graph.objects(build, PROV.used)
    assert (corpus, RDF.type, PROV.Collection) in graph
    assert set(graph.objects(corpus, PROV.hadMember)) == {release_iri("a")}
    (agent,) = graph.objects(build, PROV.wasAssociatedWith)
    assert (agent, RDF.type, PROV.SoftwareAgent) in graph
    assert graph.value(agent, SCHEMA.softwareVersion) is not None


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [("市长何平讲话。", "市长何平讲话。", True), ("市长何平讲话。", "市长何平指出。", False)],
)
def test_the_build_iri_is_a_digest_of_the_inputs(first, second, same):
    def build_node(text):
        return build_triples(resolve([Extraction(release=Release(id="a", text=text))]), "1.0")[0][0]

    assert (build_node(first) == build_node(second)) is same


def test_every_holding_and_participation_carries_its_evidence():
    graph = to_rdf([meeting("r1"), inspection("r2")])
    missing = graph.query(
        """PREFIX gov: <https://w3id.org/govkg/ontology#>
        SELECT ?fact WHERE {
          { ?fact a gov:PositionHolding } UNION { ?fact a gov:Participation } UNION { ?fact a gov:Event }
          FILTER NOT EXISTS { ?fact gov:evidence/gov:sentence ?s }
        }"""
    )
    assert list(missing) == []


def test_evidence_offsets_give_the_sentence_exactly():
    graph = to_rdf([meeting("r1"), inspection("r2")])
    rows = list(
        graph.query(
            """PREFIX gov: <https://w3id.org/govkg/ontology#>
            SELECT ?ev ?body ?b ?e ?s WHERE {
              ?ev a gov:Evidence ; gov:release/gov:bodyText ?body ;
                  gov:beginIndex ?b ; gov:endIndex ?e ; gov:sentence ?s }"""
        )
    )
    assert len(rows) == 3  # shared sentences are one node; a padded span is its sentence
    for node, body, begin, end, sentence in rows:
        assert str(body)[int(begin) : int(end)] == str(sentence)
        assert str(node).endswith(f"#char={int(begin)},{int(end)}")


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("甲乙。", Span(0, 3), Span(0, 3)),
        ("  甲乙。\n", Span(0, 6), Span(2, 5)),
        ("   ", Span(0, 3), Span(3, 3)),
    ],
)
def test_sentence_span_drops_surrounding_white_space(text, span, expected):
    assert sentence_span(text, span) == expected


def test_events_are_typed_gov_event_and_their_own_class():
    graph = to_rdf([inspection("r2")])
    events = set(graph.subjects(RDF.type, GOV.Event))
    assert len(events) == 2
    assert len(set(graph.subjects(RDF.type, GOV.Inspection))) == 1


def test_roles_use_the_role_individuals():
    graph = to_rdf([meeting("r1")])
    assert set(graph.objects(None, GOV.role)) == {GOV.Chair, GOV.Speaker}


@pytest.mark.parametrize(
    ("published", "datatype"),
    [("2022-03-03T09:30", "dateTime"), ("2022-03-03", "date")],
)
def test_publication_dates_are_typed_by_precision(published, datatype):
    release = Release(id="a", text="甲。", published=published)
    triples = extraction_triples(Extraction(release=release))
    (value,) = [o for _, p, o in triples if p == SCHEMA.datePublished]
    assert isinstance(value, Literal) and str(value.datatype).endswith(f"#{datatype}")


def test_iris_are_stable_when_other_releases_are_added():
    alone = set(extraction_triples(meeting("r1")))
    graph = to_rdf([inspection("r0"), meeting("r1"), inspection("r3")])
    assert alone <= set(graph)
    assert set(graph.release_triples[release_iri("r1")]) == alone


def test_the_partition_covers_the_graph_and_names_releases():
    graph = to_rdf([meeting("r1"), meeting("r2")])
    assert isinstance(graph, ReleaseGraph)
    assert set(graph.release_triples) == {release_iri("r1"), release_iri("r2")}
    covered = {t for triples in graph.release_triples.values() for t in triples}
    rest = set(graph) - covered
    assert rest and all(
        str(s).startswith("https://w3id.org/govkg/id/build/")
        or str(s).startswith("https://w3id.org/govkg/id/software/")
        or str(s) == "https://w3id.org/govkg/id/corpus"
        for s, _, _ in rest
    )


def test_a_shared_person_is_described_in_each_release_graph():
    graph = to_rdf([meeting("r1"), meeting("r2")])
    person = next(graph.subjects(RDF.type, GOV.Person))
    for triples in graph.release_triples.values():
        assert (person, RDF.type, GOV.Person) in triples


def test_the_resolved_key_decides_the_person_node():
    record = meeting("r1")
    keys = ReleaseKeys(persons={p.key: PersonKey("one", "x") for p in record.persons})
    graph = to_rdf([record], Corpus(("r1",), {"r1": keys}))
    assert set(graph.subjects(RDF.type, GOV.Person)) == {URIRef("https://w3id.org/govkg/id/person/one@x")}


def test_evidence_iri_is_a_char_fragment_of_the_release():
    assert str(evidence_iri("0007", 3, 9)) == "https://w3id.org/govkg/id/release/0007#char=3,9"


@given(
    text=st.text(alphabet="甲乙丙。， \n\t", min_size=1, max_size=40),
    bounds=st.tuples(st.integers(0, 40), st.integers(0, 40)),
)
def test_evidence_is_always_the_text_at_its_offsets(text, bounds):
    start, end = sorted(min(b, len(text)) for b in bounds)
    event = Event(key="e", type="meeting", name="会议", evidence=Span(start, end))
    triples = extraction_triples(Extraction(release=Release(id="x", text=text), events=(event,)))
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    (node,) = graph.subjects(RDF.type, GOV.Evidence)
    begin, finish = int(graph.value(node, GOV.beginIndex)), int(graph.value(node, GOV.endIndex))
    assert start <= begin <= finish <= end
    assert str(graph.value(node, GOV.sentence)) == text[begin:finish] == text[begin:finish].strip()
    assert str(node).endswith(f"#char={begin},{finish}")


def _release(rid: str, *persons: Person) -> Extraction:
    return Extraction(Release(id=rid, text="会议召开。" * 3, place="巴中市"), persons=persons, place="巴中市")


def _official(*organs: str) -> Person:
    holdings = tuple(
        Holding("市长", Span(0, 1), Span(0, 1), "巴中市", o, office=parse_title("市长")) for o in organs
    ) or (Holding("市长", Span(0, 1), Span(0, 1), "巴中市", office=parse_title("市长")),)
    return Person(name="何平", key="何平", mentions=(Span(0, 1),), holdings=holdings, jurisdiction="巴中市")


def test_one_person_node_per_identity_in_the_graph():
    records = [_release("a", _official()), _release("b", _official())]
    graph = to_rdf(records, resolve(records))
    assert len(set(graph.subjects(RDF.type, GOV.Person))) == 1


def test_organisation_spellings_are_one_node_in_the_graph():
    records = [_release("a", _official("市委")), _release("b", _official("中共巴中市委员会"))]
    graph = to_rdf(records, resolve(records))
    organs = set(graph.subjects(RDF.type, GOV.Organization))
    assert [str(graph.value(o, SCHEMA.name)) for o in organs] == ["中共巴中市委"]


def test_careers_are_mapped_in_the_same_pass_as_the_releases():
    records = [_release("a", _official()), _release("b", _official())]
    graph = to_rdf(records, resolve(records))
    (tenure,) = set(graph.subjects(GOV.post, None)) - set(graph.subjects(GOV.title, None))
    holdings = set(graph.objects(tenure, PROV.wasDerivedFrom))
    assert holdings == set(graph.subjects(GOV.title, None))
    assert {graph.value(h, GOV.post) for h in holdings} == {graph.value(tenure, GOV.post)}


def test_the_whole_graph_is_the_releases_mapped_one_at_a_time_plus_the_corpus_triples():
    from govkg.graph.rdf import corpus_triples, map_release

    records = [_release("a", _official("市委")), _release("b", _official()), meeting("r1")]
    corpus = resolve(records)
    assert corpus.releases == ("a", "b", "r1")
    pieces = set(corpus_triples(corpus))
    for extraction in records:
        mapped = map_release(extraction, corpus.release_keys(extraction.release.id))
        pieces |= set(mapped.own) | set(mapped.shared)
    assert set(to_rdf(records, corpus, provenance=False)) == pieces


_TEXTS = ["何平", "", '甲"乙', "a\\b", "第一行\n第二行\t\r", "\x01\x7f\b\f", "  空格 "]


@pytest.mark.parametrize("text", _TEXTS)
@pytest.mark.parametrize("made", ["zh_literal", "zh_text", "plain_literal"])
def test_text_terms_give_the_n_triples_of_the_rdflib_literal(text, made):
    from govkg.graph.rdf import TextTerms, _Terms
    from govkg.graph.terms import nt_term

    assert getattr(TextTerms(), made)(text) == nt_term(getattr(_Terms(), made)(text))


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        ("2020-01-26", XSD.date),
        ("2020-1-6", XSD.date),  # ill-typed: kept as written
        ("2020-01-26T09:30:00", XSD.dateTime),
        ("2020-01-26T9:30", XSD.dateTime),
        ('http://example.org/a b?x="1"', XSD.anyURI),
    ],
)
def test_text_terms_give_the_n_triples_of_a_typed_rdflib_literal(text, datatype):
    from govkg.graph.rdf import TextTerms, _Terms
    from govkg.graph.terms import nt_term

    assert TextTerms().typed(text, datatype) == nt_term(_Terms().typed(text, datatype))
    if datatype == XSD.date:
        assert TextTerms().date(text) == nt_term(_Terms().date(text))


@pytest.mark.parametrize("value", [0, 7, 120, 10**6, 10**20])
def test_text_terms_give_the_n_triples_of_a_number(value):
    from govkg.graph.rdf import TextTerms, _Terms
    from govkg.graph.terms import nt_term

    assert TextTerms().number(value) == nt_term(_Terms().number(value))


@pytest.mark.parametrize("extraction", [inspection(), meeting()])
def test_a_release_mapped_with_text_terms_gives_the_lines_of_its_rdflib_triples(extraction):
    from govkg.extract.identity import unresolved
    from govkg.graph.rdf import TextTerms, map_release
    from govkg.graph.terms import nt_term

    keys = unresolved([extraction]).release_keys(extraction.release.id)
    as_terms = map_release(extraction, keys).own
    as_text = map_release(extraction, keys, TextTerms()).own
    lines = [(nt_term(s), nt_term(p), o if type(o) is str else nt_term(o)) for s, p, o in as_text]
    assert lines == [tuple(map(nt_term, triple)) for triple in as_terms]


def test_a_title_stated_in_the_headline_has_evidence_in_the_headline():
    release = Release(id="h", title="李四当选为某某区区长", text="李四说，谢谢大家。")
    holding = Holding("某某区区长", Span(5, 10), Span(0, 10), in_headline=True)
    person = Person(name="李四", key="李四", mentions=(Span(0, 2),), holdings=(holding,))
    graph = Graph()
    for triple in extraction_triples(Extraction(release=release, persons=(person,))):
        graph.add(triple)
    (node,) = graph.subjects(RDF.type, GOV.Evidence)
    assert str(node) == f"{release_iri('h')}/headline#char=0,10"
    assert graph.value(node, GOV.inHeadline) == Literal(True)
    assert str(graph.value(node, GOV.sentence)) == release.title
    assert graph.value(node, GOV.release) == release_iri("h")
