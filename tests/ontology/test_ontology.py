"""The ontology: declared, labelled, aligned, in sync with the Python namespace."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef

from govkg.extract.data import load_table
from govkg.graph.rdf import to_rdf
from govkg.ontology import GOV, ONTOLOGY_IRI, PREFIXES, EventType, Role, resource_path
from tests.graph.records import inspection, meeting

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
NS = str(GOV._NS)
BUILT_IN = (str(OWL), str(RDF), str(RDFS), "http://www.w3.org/2001/XMLSchema#")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(resource_path("gov.ttl"), format="turtle")


def gov_terms(ontology: Graph) -> set[str]:
    return {str(s)[len(NS) :] for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}


def test_the_namespace_module_lists_exactly_the_terms_of_gov_ttl(ontology):
    assert gov_terms(ontology) == set(GOV.__annotations__)


def test_the_namespace_is_closed():
    with pytest.raises(AttributeError):
        GOV.Mayor  # noqa: B018


def test_the_ontology_has_a_version_iri_that_names_its_version(ontology):
    node = URIRef(ONTOLOGY_IRI)
    assert (node, RDF.type, OWL.Ontology) in ontology
    version = ontology.value(node, OWL.versionInfo)
    assert str(ontology.value(node, OWL.versionIRI)) == f"{ONTOLOGY_IRI}/{version}"


@pytest.mark.parametrize("language", ["en", "zh"])
def test_every_class_and_property_has_a_label_and_comment_in_each_language(ontology, language):
    for term in gov_terms(ontology):
        node = GOV[term]
        for predicate in (RDFS.label, RDFS.comment):
            values = [o for o in ontology.objects(node, predicate) if isinstance(o, Literal)]
            assert any(v.language == language for v in values), (term, predicate, language)


def test_every_property_has_a_domain_and_a_range(ontology):
    properties = [
        p
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for p in ontology.subjects(RDF.type, kind)
        if str(p).startswith(NS)
    ]
    assert len(properties) == 20
    for prop in properties:
        assert ontology.value(prop, RDFS.domain) is not None, prop
        assert ontology.value(prop, RDFS.range) is not None, prop


def test_every_iri_used_in_an_axiom_is_declared(ontology):
    """OWL 2 DL wants every entity declared; Protégé otherwise guesses."""
    declared = set(ontology.subjects(RDF.type, None))
    used = {
        t
        for s, p, o in ontology
        if p not in (OWL.versionIRI, OWL.priorVersion, URIRef("http://purl.org/dc/terms/license"))
        for t in (p, o)
        if isinstance(t, URIRef)
    }
    undeclared = {t for t in used - declared if not str(t).startswith(BUILT_IN)}
    assert undeclared == set()


@pytest.mark.parametrize(
    ("term", "relation", "standard"),
    [
        (GOV.Release, RDFS.subClassOf, SCHEMA.NewsArticle),
        (GOV.Release, RDFS.subClassOf, PROV.Entity),
        (GOV.Person, RDFS.subClassOf, SCHEMA.Person),
        (GOV.Person, RDFS.subClassOf, FOAF.Person),
        (GOV.Person, RDFS.subClassOf, SEM.Actor),
        (GOV.Organization, RDFS.subClassOf, ORG.Organization),
        (GOV.Place, RDFS.subClassOf, SCHEMA.Place),
        (GOV.Post, RDFS.subClassOf, ORG.Post),
        (GOV.PositionHolding, RDFS.subClassOf, ORG.Membership),
        (GOV.Event, RDFS.subClassOf, SCHEMA.Event),
        (GOV.Event, RDFS.subClassOf, SEM.Event),
        (GOV.Participation, RDFS.subClassOf, SEM.Role),
        (GOV.Role, RDFS.subClassOf, SEM.RoleType),
        (GOV.Build, RDFS.subClassOf, PROV.Activity),
        (GOV.evidence, RDFS.subPropertyOf, PROV.wasDerivedFrom),
        (GOV.holder, RDFS.subPropertyOf, ORG.member),
        (GOV.role, RDFS.subPropertyOf, SEM.roleType),
    ],
)
def test_terms_are_aligned_with_the_standards(ontology, term, relation, standard):
    assert (term, relation, standard) in ontology


def test_the_roles_are_the_nine_individuals_and_pairwise_different(ontology):
    roles = set(ontology.subjects(RDF.type, GOV.Role))
    assert len(roles) == 9
    (members,) = [
        ontology.value(n, OWL.distinctMembers) for n in ontology.subjects(RDF.type, OWL.AllDifferent)
    ]
    assert set(ontology.items(members)) == roles


def test_every_term_the_mapping_writes_is_declared(ontology):
    graph = to_rdf([meeting("r1"), inspection("r2")])
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(NS)}
    used |= {p for _, p, _ in graph if str(p).startswith(NS)}
    assert {str(t)[len(NS) :] for t in used} <= gov_terms(ontology)


def test_the_ontology_parses_in_a_second_parser():
    with open(resource_path("gov.ttl"), "rb") as handle:
        triples = list(pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(triples) > 300


def test_the_jsonld_context_names_declared_terms_only(ontology):
    context = json.loads(resource_path("context.jsonld").read_text(encoding="utf-8"))["@context"]
    declared = set(ontology.subjects()) - {s for s in ontology.subjects() if isinstance(s, BNode)}
    for term, definition in context.items():
        if term in PREFIXES:
            assert definition == PREFIXES[term]
            continue
        iri = definition if isinstance(definition, str) else definition["@id"]
        prefix, _, local = iri.partition(":")
        assert URIRef(PREFIXES[prefix] + local) in declared, term


def test_the_role_enum_is_exactly_the_roles_of_the_ontology(ontology):
    roles = set(ontology.subjects(RDF.type, GOV.Role))
    assert {role.value for role in Role} == roles


def test_the_event_type_enum_is_exactly_the_event_classes_of_the_ontology(ontology):
    classes = set(ontology.subjects(RDFS.subClassOf, GOV.Event)) | {GOV.Event}
    assert {kind.value for kind in EventType} == classes


@pytest.mark.parametrize("member", [*Role, *EventType], ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_role_and_event_type_is_labelled_as_in_the_ontology(ontology, member):
    (label,) = [o for o in ontology.objects(member.value, RDFS.label) if o.language == "zh"]
    assert member.label == str(label)


def test_the_host_role_reads_as_its_ontology_label():
    assert Role.host.label == "会见方" and EventType.reception.label == "会见"


def test_every_role_and_event_type_extraction_writes_is_in_the_enums():
    roles = {row[1] for row in load_table("role_cues.tsv")}
    types = {row[0].rstrip("?+=!") for row in load_table("event_cues.tsv")}  # ?+=! mark how a cue counts
    assert roles <= set(Role.__members__)
    assert types <= set(EventType.__members__)
