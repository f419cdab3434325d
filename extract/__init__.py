"""Text to records: reading release files, cleaning them, extracting facts.

This is the only package that knows Chinese text. It never imports rdflib or
networkx; :mod:`govkg.graph` turns its records into a graph.
"""

from govkg.extract.cleaning import clean
from govkg.extract.pipeline import extract, read_releases
from govkg.extract.reading import RawDocument, ReadError, read_documents
from govkg.extract.records import (
    Document,
    Event,
    Extraction,
    Holding,
    Participation,
    Person,
    Release,
    Sentence,
    Span,
)

__all__ = [
    "Document",
    "Event",
    "Extraction",
    "Holding",
    "Participation",
    "Person",
    "RawDocument",
    "ReadError",
    "Release",
    "Sentence",
    "Span",
    "clean",
    "extract",
    "read_documents",
    "read_releases",
]
