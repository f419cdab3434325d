"""The IRIs of govkg's instance nodes: minted here and only here, with their inverses.

IRIs are stable: they are made from release ids, names, keys and positions in
the release, never from counters over a batch, so the same input gives the
same IRIs on every run and a release's nodes do not change when others are
added. Every name is percent-encoded as one path segment (``@`` kept), so
:func:`node_id` gives the key back.

>>> person_iri(PersonKey("何平", "巴中市"))
rdflib.term.URIRef('https://w3id.org/govkg/id/person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82')
>>> node_id(person_iri(PersonKey("何平", "巴中市")))
'person/何平@巴中市'
>>> person_key_text(person_iri(PersonKey("何平", release="0007")))
'何平@?0007'
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from rdflib import URIRef

from govkg.extract.identity import PersonKey, Post
from govkg.ontology import ID

BASE = str(ID)

_PARTS: dict[str, str] = {}


def part(text: str) -> str:
    """``text`` percent-encoded for an IRI path segment (cached: names and keys repeat)."""
    found = _PARTS.get(text)
    if found is None:
        if len(_PARTS) > 200_000:
            _PARTS.clear()
        found = _PARTS[text] = quote(text, safe="@")
    return found


def forget_parts() -> None:
    """Drop the encoded segments :func:`part` keeps, once a build's releases are mapped: up to
    200,000 of them (3 MB of strings at 10,000 releases), held by the build's process and the
    pool's through the build's last steps, which mint no IRI."""
    _PARTS.clear()


def release_iri(release_id: str) -> URIRef:
    return URIRef(release_iri_text(release_id))


def release_iri_text(release_id: str) -> str:
    """:func:`release_iri`'s text, no term made (the build's lines name every release)."""
    return f"{BASE}release/{part(release_id)}"


def evidence_iri(release_id: str, start: int, end: int) -> URIRef:
    """The NIF-style IRI of a span of a release's body text (RFC 5147 ``char=`` fragment)."""
    return URIRef(f"{BASE}release/{part(release_id)}#char={start},{end}")


def headline_evidence_iri(release_id: str, start: int, end: int) -> URIRef:
    """The NIF-style IRI of a span of a release's headline: ``<release>/headline#char=b,e``."""
    return URIRef(f"{BASE}release/{part(release_id)}/headline#char={start},{end}")


def holding_iri(release_id: str, person: str, index: int) -> URIRef:
    """A title a release gives a person (``person`` is the Person.key within the release)."""
    return URIRef(f"{BASE}release/{part(release_id)}/holding/{part(person)}/{index}")


def event_iri(release_id: str, event: str) -> URIRef:
    return URIRef(f"{BASE}release/{part(release_id)}/event/{part(event)}")


def participation_iri(event: URIRef, person: str, role: str) -> URIRef:
    return URIRef(f"{event}/{part(person)}/{role}")


def person_iri(key: PersonKey) -> URIRef:
    return URIRef(f"{BASE}person/{part(str(key))}")


def place_iri(name: str) -> URIRef:
    return URIRef(f"{BASE}place/{part(name)}")


def organization_iri(name: str) -> URIRef:
    return URIRef(f"{BASE}organization/{part(name)}")


def post_iri(post: Post) -> URIRef:
    return URIRef(f"{BASE}post/{part(post.place)}/{part(post.office)}")


def tenure_iri(person: PersonKey, post: Post) -> URIRef:
    return URIRef(f"{BASE}tenure/{part(str(person))}/{part(post.place)}/{part(post.office)}")


def document_iri(title: str) -> URIRef:
    return URIRef(f"{BASE}document/{part(title)}")


def directive_iri(name: str) -> URIRef:
    return URIRef(f"{BASE}directive/{part(name)}")


def editor_iri(name: str) -> URIRef:
    return URIRef(f"{BASE}editor/{part(name)}")


def build_iri(digest: str) -> URIRef:
    return URIRef(f"{BASE}build/{digest}")


def corpus_iri() -> URIRef:
    """The collection of the graph's releases (the build's ``prov:used``): one IRI whatever they
    are, so that an update names again none of the releases it did not add or remove."""
    return URIRef(f"{BASE}corpus")


def software_iri(name: str, version: str) -> URIRef:
    return URIRef(f"{BASE}software/{name}/{part(version)}")


# ---------------------------------------------------------------- inverses


def node_id(iri: str) -> str:
    """An instance IRI without the base, percent-encoding undone: ``person/何平@巴中市``.

    The ids of network nodes and exported files; an IRI outside the base comes back decoded.
    What :func:`urllib.parse.unquote` gives, an IRI of ASCII (as minted here) decoded a run
    of escapes at a time (the network's tables ask a million ids at 30,000 releases).
    """
    text = str(iri)
    if text.startswith(BASE):
        text = text[len(BASE) :]
    if "%" not in text:
        return text
    if text.isascii():
        return _ESCAPES.sub(_unescaped, text)
    return unquote(text)


# A run of percent escapes. ASCII between runs is a whole character in UTF-8 and ends any
# sequence a run leaves cut: decoding the runs apart gives what unquote's decoding of the whole does.
_ESCAPES = re.compile("(?:%[0-9A-Fa-f]{2})+")


def _unescaped(match: re.Match) -> str:
    return bytes.fromhex(match.group().replace("%", "")).decode("utf-8", "replace")


def person_key_text(iri: str) -> str:
    """The identity key of a person node, as ``str(PersonKey)`` writes it: ``何平@巴中市``."""
    return unquote(str(iri).rpartition("/person/")[2])
