"""Text to records: reading release files, cleaning them, extracting facts, resolving identity.

This is the only package that knows Chinese text. It never imports rdflib or
networkx; :mod:`govkg.graph` turns its records into a graph. What it decides:

- per release (what a pool runs in parallel): reading and decoding a file
  (``reading``, ``html``), the cleaned body and its metadata (``cleaning``),
  persons and titles (``persons``, ``titles``, ``names``), events, roles and
  dates (``events``, ``dates``), documents (``documents``), each fact with the
  span that states it (``records``);
- each decision about a name has one owner, and the records carry its answer:
  ``chars`` reads traditional characters as simplified (the one ``t2s.tsv``
  filter); ``places`` owns place names: the level and organ words
  (``LEVEL_WORDS``, ``ORGAN_WORDS``), canonical keys (``place_key``,
  ``lift``), the jurisdiction a release speaks for (``find_jurisdiction``, as
  written, on ``Release.place``) and its key
  (``release_place``, on ``Extraction.place``); ``titles`` owns what a title
  names (``parse_title``: the office, its level and the place it names, on
  ``Holding.office``, the place by ``places.place_prefix`` and national titles
  from ``names.tsv``; ``resolve``: the holder's jurisdiction, read from
  ``parse_title`` or, for a bare level word, lifted by ``places.lift``) and
  the organ a title names and every organ's key (``organs.tsv``, read forwards
  by ``organization`` and backwards by ``organ_keys`` for ``identity.org_key``);
- across releases, once per build: who is whom, which organisation and post a
  name or title is, who held which post when, and the canonical name of every
  variant spelling (``identity.resolve`` gives a ``Corpus`` with typed keys).
  Identity reads the per-release answers above from each release's row and
  re-derives none of them; it adds only what needs other releases.

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
