"""Extraction records to an rdflib graph, in the vocabulary of ``ontology/gov.ttl``.

IRIs are stable: they are made from release ids, names and positions in the
release, never from counters over a batch, so the same input gives the same
IRIs on every run and a release's nodes do not change when others are added.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import quote

from govkg.extract.records import Extraction, Person, Release, Span
from govkg.ontology import GOV, ID, SCHEMA
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

EVENT_CLASSES = {
    "meeting": GOV.Meeting,
    "inspection": GOV.Inspection,
    "reception": GOV.Reception,
    "signing": GOV.Signing,
    "ceremony": GOV.Ceremony,
    "appointment": GOV.Appointment,
    "other": GOV.Event,
}
ROLES = {
    "chair": GOV.Chair,
    "attend": GOV.Attendee,
    "speak": GOV.Speaker,
    "lead": GOV.Leader,
    "accompany": GOV.Companion,
    "host": GOV.Host,
    "guest": GOV.Guest,
    "appointed": GOV.Appointee,
    "removed": GOV.Removed,
}

# A function giving the identity key of a person mentioned in a release;
# persons with the same key are one node. See graph/identity.py.
PersonKey = Callable[[Release, Person], str]


def _part(text: str) -> str:
    return quote(text, safe="@")


def release_iri(release_id: str) -> URIRef:
    return ID[f"release/{_part(release_id)}"]


def place_iri(name: str) -> URIRef:
    return ID[f"place/{_part(name)}"]


def person_iri(key: str) -> URIRef:
    return ID[f"person/{_part(key)}"]


def default_person_key(release: Release, person: Person) -> str:
    """Name and jurisdiction, or name and release where the jurisdiction is unknown."""
    where = person.jurisdiction
    if where and where != "?":
        return f"{person.name}@{where}"
    return f"{person.name}@?{release.id}"


def add_release(graph: Graph, release: Release) -> URIRef:
    """The release node with its metadata (the release part of the contract)."""
    node = release_iri(release.id)
    graph.add((node, RDF.type, GOV.Release))
    graph.add((node, SCHEMA.identifier, Literal(release.id)))
    if release.title:
        graph.add((node, SCHEMA.headline, Literal(release.title, lang="zh")))
    if release.published:
        if "T" in release.published:
            graph.add((node, SCHEMA.datePublished, Literal(release.published + ":00", datatype=XSD.dateTime)))
        else:
            graph.add((node, SCHEMA.datePublished, Literal(release.published, datatype=XSD.date)))
    if release.source:
        graph.add((node, GOV.sourceName, Literal(release.source)))
    if release.editor:
        editor = ID[f"editor/{_part(release.editor)}"]
        graph.add((editor, RDF.type, SCHEMA.Person))
        graph.add((editor, SCHEMA.name, Literal(release.editor, lang="zh")))
        graph.add((node, SCHEMA.editor, editor))
    if release.url:
        graph.add((node, SCHEMA.url, Literal(release.url, datatype=XSD.anyURI)))
    if release.place:
        graph.add((node, GOV.jurisdiction, add_place(graph, release.place)))
    graph.add((node, GOV.bodyText, Literal(release.text, lang="zh")))
    return node


def add_place(graph: Graph, name: str) -> URIRef:
    node = place_iri(name)
    graph.add((node, RDF.type, GOV.Place))
    graph.add((node, SCHEMA.name, Literal(name, lang="zh")))
    return node


def add_evidence(graph: Graph, release: Release, span: Span) -> URIRef:
    """A NIF-style evidence node: ``<release>#char=b,e`` with the sentence and offsets."""
    node = URIRef(f"{release_iri(release.id)}#char={span.start},{span.end}")
    graph.add((node, RDF.type, GOV.Evidence))
    graph.add((node, GOV.release, release_iri(release.id)))
    graph.add((node, GOV.beginIndex, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    graph.add((node, GOV.endIndex, Literal(span.end, datatype=XSD.nonNegativeInteger)))
    graph.add((node, GOV.sentence, Literal(release.text[span.start : span.end].strip(), lang="zh")))
    return node


def add_extraction(graph: Graph, extraction: Extraction, person_key: PersonKey = default_person_key) -> None:
    """Add one release's records to the graph."""
    release = extraction.release
    rnode = add_release(graph, release)
    base = str(rnode)
    persons = {}
    for person in extraction.persons:
        pnode = person_iri(person_key(release, person))
        persons[person.key] = pnode
        graph.add((pnode, RDF.type, GOV.Person))
        graph.add((pnode, SCHEMA.name, Literal(person.name, lang="zh")))
        graph.add((rnode, SCHEMA.mentions, pnode))
        for index, holding in enumerate(person.holdings):
            hnode = URIRef(f"{base}/holding/{_part(person.key)}/{index}")
            graph.add((hnode, RDF.type, GOV.PositionHolding))
            graph.add((hnode, GOV.holder, pnode))
            graph.add((hnode, GOV.title, Literal(holding.title, lang="zh")))
            graph.add((hnode, PROV.wasDerivedFrom, rnode))
            graph.add((hnode, GOV.evidence, add_evidence(graph, release, holding.evidence)))
            if holding.jurisdiction:
                graph.add((hnode, GOV.jurisdiction, add_place(graph, holding.jurisdiction)))
            if holding.organization:
                onode = ID[f"organization/{_part(holding.organization)}"]
                graph.add((onode, RDF.type, GOV.Organization))
                graph.add((onode, SCHEMA.name, Literal(holding.organization, lang="zh")))
                graph.add((hnode, GOV.organization, onode))
    for event in extraction.events:
        enode = URIRef(f"{base}/event/{_part(event.key)}")
        graph.add((enode, RDF.type, EVENT_CLASSES.get(event.type, GOV.Event)))
        graph.add((enode, SCHEMA.name, Literal(event.name, lang="zh")))
        graph.add((enode, PROV.wasDerivedFrom, rnode))
        graph.add((enode, GOV.evidence, add_evidence(graph, release, event.evidence)))
        if event.date:
            graph.add((enode, SCHEMA.startDate, Literal(event.date, datatype=XSD.date)))
        if event.place:
            graph.add((enode, SCHEMA.location, add_place(graph, event.place)))
        for what in event.implements:
            dnode = ID[f"directive/{_part(what)}"]
            graph.add((dnode, RDF.type, GOV.Directive))
            graph.add((dnode, SCHEMA.name, Literal(what, lang="zh")))
            graph.add((enode, GOV.implements, dnode))
        for part in event.participations:
            if part.person not in persons:
                continue
            xnode = URIRef(f"{enode}/{_part(part.person)}/{part.role}")
            graph.add((xnode, RDF.type, GOV.Participation))
            graph.add((xnode, GOV.agent, persons[part.person]))
            graph.add((xnode, GOV.event, enode))
            graph.add((xnode, GOV.role, ROLES[part.role]))
            graph.add((xnode, PROV.wasDerivedFrom, rnode))
            graph.add((xnode, GOV.evidence, add_evidence(graph, release, part.evidence)))
    for document in extraction.documents:
        dnode = ID[f"document/{_part(document.title)}"]
        graph.add((dnode, RDF.type, GOV.Document))
        graph.add((dnode, SCHEMA.name, Literal(document.title, lang="zh")))
        graph.add((rnode, SCHEMA.citation, dnode))
        if document.issuer:
            onode = ID[f"organization/{_part(document.issuer)}"]
            graph.add((onode, RDF.type, GOV.Organization))
            graph.add((onode, SCHEMA.name, Literal(document.issuer, lang="zh")))
            graph.add((dnode, GOV.issuer, onode))


def new_graph() -> Graph:
    """An empty graph with the project's prefixes bound."""
    graph = Graph()
    graph.bind("gov", GOV._NS)
    graph.bind("schema", SCHEMA, override=True, replace=True)
    graph.bind("prov", PROV)
    graph.bind("xsd", XSD)
    graph.bind("rdfs", RDFS)
    graph.bind("id", ID)
    return graph


def to_rdf(extractions: Iterable[Extraction], person_key: PersonKey = default_person_key) -> Graph:
    """Records of many releases to one graph."""
    graph = new_graph()
    for extraction in extractions:
        add_extraction(graph, extraction, person_key)
    return graph
