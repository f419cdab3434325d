"""The govkg vocabulary: the ontology in Turtle, SHACL shapes, named SPARQL queries.

Python reaches the vocabulary only through :class:`GOV`, a closed namespace
kept in sync with ``gov.ttl`` by a test: a misspelt term is an error, not a
new IRI.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

ONTOLOGY_IRI = "https://w3id.org/govkg/ontology"
ID = Namespace("https://w3id.org/govkg/id/")
SCHEMA = Namespace("https://schema.org/")

# The prefixes of the files govkg writes (Turtle, TriG, the JSON-LD context).
PREFIXES: dict[str, str] = {
    "gov": "https://w3id.org/govkg/ontology#",
    "id": str(ID),
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": str(SCHEMA),
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


class GOV(DefinedNamespace):
    """The govkg ontology, ``https://w3id.org/govkg/ontology#``."""

    _fail = True
    _NS = Namespace("https://w3id.org/govkg/ontology#")

    # Classes
    Release: URIRef
    Person: URIRef
    Organization: URIRef
    Place: URIRef
    Post: URIRef
    PositionHolding: URIRef
    Event: URIRef
    Meeting: URIRef
    Inspection: URIRef
    Reception: URIRef
    Signing: URIRef
    Ceremony: URIRef
    Appointment: URIRef
    Participation: URIRef
    Role: URIRef
    Directive: URIRef
    Document: URIRef
    Evidence: URIRef
    Build: URIRef

    # Roles (instances of gov:Role)
    Chair: URIRef
    Attendee: URIRef
    Speaker: URIRef
    Leader: URIRef
    Companion: URIRef
    Host: URIRef
    Guest: URIRef
    Appointee: URIRef
    Removed: URIRef

    # Properties
    sourceName: URIRef
    jurisdiction: URIRef
    holder: URIRef
    title: URIRef
    post: URIRef
    organization: URIRef
    agent: URIRef
    event: URIRef
    role: URIRef
    implements: URIRef
    issuer: URIRef
    evidence: URIRef
    sentence: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    release: URIRef
    bodyText: URIRef
    firstAttested: URIRef
    lastAttested: URIRef


def resource_path(name: str) -> Path:
    """Path of a file shipped with the ontology package (``gov.ttl``, ``shapes.ttl``...)."""
    return Path(str(resources.files(__package__).joinpath(name)))
