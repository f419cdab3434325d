"""The govkg vocabulary: the ontology in Turtle, SHACL shapes, named SPARQL queries.

This package owns meaning: which classes, properties and roles exist and what
they are called. Python reaches the vocabulary only through :class:`GOV`, a
closed namespace kept in sync with ``gov.ttl`` by a test: a misspelt term is an
error, not a new IRI. :class:`Role` and :class:`EventType` are the closed sets of
roles and event types, keyed by the codes extraction writes (``chair``,
``meeting``); :func:`zh_label` gives a term's ``@zh`` label from ``gov.ttl``.
Every SPARQL query the code runs is a ``queries/*.rq`` file.
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import RDFS, Graph, Literal, Namespace, URIRef
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
    inHeadline: URIRef
    bodyText: URIRef
    firstAttested: URIRef
    lastAttested: URIRef


def resource_path(name: str) -> Path:
    """Path of a file shipped with the ontology package (``gov.ttl``, ``shapes.ttl``...)."""
    return Path(str(resources.files(__package__).joinpath(name)))


class Role(Enum):
    """The roles of ``gov.ttl`` (the instances of ``gov:Role``), by the code extraction writes
    in ``Participation.role``; a member's value is the ontology term.

    >>> Role["host"].value == GOV.Host, Role.host.label
    (True, '会见方')
    """

    chair = GOV.Chair
    attend = GOV.Attendee
    speak = GOV.Speaker
    lead = GOV.Leader
    accompany = GOV.Companion
    host = GOV.Host
    guest = GOV.Guest
    appointed = GOV.Appointee
    removed = GOV.Removed

    @property
    def label(self) -> str:
        return zh_label(self.value)


class EventType(Enum):
    """The event classes of ``gov.ttl``, by the type extraction writes in ``Event.type``;
    ``other`` is any event (``gov:Event``).

    >>> EventType["reception"].value == GOV.Reception, EventType.reception.label
    (True, '会见')
    """

    meeting = GOV.Meeting
    inspection = GOV.Inspection
    reception = GOV.Reception
    signing = GOV.Signing
    ceremony = GOV.Ceremony
    appointment = GOV.Appointment
    other = GOV.Event

    @property
    def label(self) -> str:
        return zh_label(self.value)


@cache
def ontology_labels() -> dict[URIRef, str]:
    """The ``@zh`` label of every ontology term (主持 for gov:Chair ...), read from ``gov.ttl``."""
    vocabulary = Graph().parse(resource_path("gov.ttl"), format="turtle")
    labels = {}
    for term, label in vocabulary.subject_objects(RDFS.label):
        if isinstance(label, Literal) and label.language == "zh":
            labels[URIRef(term)] = str(label)
    return labels


def zh_label(term: URIRef) -> str:
    """A term's Chinese label, else its local name.

    >>> zh_label(GOV.Chair), zh_label(GOV.Meeting)
    ('主持', '会议')
    """
    label = ontology_labels().get(term)
    if label:
        return label
    text = str(term)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
