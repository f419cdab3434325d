"""Text to records: reading release files, cleaning them, extracting facts, resolving identity.

This is the only package that knows Chinese text. It never imports rdflib or
networkx; :mod:`govkg.graph` turns its records into a graph. What it decides:

- per release (what a pool runs in parallel): reading and decoding a file
  (``reading``, ``html``), the cleaned body and its metadata, jurisdiction
  included (``cleaning``, ``places``), persons and titles (``persons``,
  ``titles``, ``names``), events, roles and dates (``events``, ``dates``),
  documents (``documents``), each fact with the span that states it
  (``records``);
- across releases, once per build: who is whom, which organisation and post a
  name or title is, who held which post when, and the canonical name of every
  variant spelling (``identity.resolve`` gives a ``Corpus`` with typed keys).

Word tables are data files under ``data/``.
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
