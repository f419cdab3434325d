"""A resolved corpus to an rdflib graph, in one pass, in the vocabulary of ``ontology/gov.ttl``.

:func:`to_rdf` maps extraction records with the decisions of a
:class:`~govkg.extract.identity.Corpus` (every cross-release decision, made by
:func:`~govkg.extract.identity.resolve`, which holds no records itself):
each release on its own (:func:`map_release`, given that release's resolved
keys: what a pool or a cluster can run in parallel), then what belongs to no
one release (:func:`corpus_triples`: posts, tenures, ``owl:sameAs`` aliases,
the build). Nothing reads the graph back to add to it. IRIs come from
:mod:`govkg.graph.iris`.

Every fact (position holding, event, participation) points to its release
(``prov:wasDerivedFrom``) and to its evidence: a NIF-style node
``<release>#char=b,e`` naming the half-open character range of the sentence
in the release's ``gov:bodyText``, with the sentence itself. The build is a
``gov:Build`` (a ``prov:Activity``) that used the releases, run by a
``prov:SoftwareAgent`` with its version; its IRI is a digest of the inputs,
so the same inputs give the same graph.

The mapping is on the build's critical path (about a hundred triples a
release, tens of thousands of releases), so it caches terms: rdflib's
``Literal`` and namespace look-ups cost microseconds each.

>>> from govkg.extract.records import Release
>>> graph = to_rdf([Extraction(release=Release(id="0001", text="我市召开会议。"))])
>>> sorted(graph.release_triples) == [release_iri("0001")]
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV

from govkg.extract.identity import Alias, Corpus, Post, ReleaseKeys, Tenure, collector_paused, unresolved
from govkg.extract.records import Extraction, Release, Span
from govkg.graph.iris import (
    build_iri,
    corpus_iri,
    directive_iri,
    document_iri,
    editor_iri,
    event_iri,
    holding_iri,
    organization_iri,
    participation_iri,
    person_iri,
    place_iri,
    post_iri,
    release_iri,
    software_iri,
    tenure_iri,
)
from govkg.graph.terms import nt_escape, nt_term
from govkg.graph.version import __version__
from govkg.ontology import GOV, ID, SCHEMA, EventType, Role

# Extraction's codes to the ontology's terms (see ontology.Role, ontology.EventType).
_EVENT_CLASSES = {t.name: t.value for t in EventType}
_ROLES = {r.name: r.value for r in Role}

# An object is a Literal, or its N-Triples text in a mapping made with TextTerms.
Triple = tuple[URIRef, URIRef, URIRef | Literal | str]

# Terms looked up once: attribute access on a namespace costs ~0.5 µs a time.
_A = RDF.type
_NAME = SCHEMA.name
_DERIVED = PROV.wasDerivedFrom
_EVIDENCE = GOV.evidence
_JURISDICTION = GOV.jurisdiction
_EVENT = GOV.Event
_NNI = XSD.nonNegativeInteger
_PLACE, _ORGANIZATION, _PERSON, _DIRECTIVE, _DOCUMENT = (
    GOV.Place,
    GOV.Organization,
    GOV.Person,
    GOV.Directive,
    GOV.Document,
)
_HOLDING, _HOLDER, _TITLE, _ORGAN = GOV.PositionHolding, GOV.holder, GOV.title, GOV.organization
_POST = GOV.post
_PARTICIPATION, _AGENT, _OF_EVENT, _ROLE = GOV.Participation, GOV.agent, GOV.event, GOV.role
_IMPLEMENTS, _ISSUER, _MENTIONS, _CITATION = GOV.implements, GOV.issuer, SCHEMA.mentions, SCHEMA.citation
_START_DATE, _LOCATION = SCHEMA.startDate, SCHEMA.location
_POST_CLASS, _FIRST, _LAST, _SAME_AS = GOV.Post, GOV.firstAttested, GOV.lastAttested, OWL.sameAs
_EVIDENCE_CLASS, _OF_RELEASE, _BEGIN, _END, _SENTENCE = (
    GOV.Evidence,
    GOV.release,
    GOV.beginIndex,
    GOV.endIndex,
    GOV.sentence,
)
_IN_HEADLINE = GOV.inHeadline

# The software that writes the graph, as the agent of every build.
SOFTWARE = "govkg"


def sentence_span(text: str, span: Span) -> Span:
    """The span without its surrounding white space, so that it is exactly the sentence.

    >>> sentence_span(" 甲乙。\\n", Span(0, 5))
    Span(start=1, end=4)
    """
    piece = text[span.start : span.end]
    start = span.start + len(piece) - len(piece.lstrip())
    end = span.end - (len(piece) - len(piece.rstrip()))
    return Span(start, max(start, end))


class ReleaseGraph(Graph):
    """An rdflib graph that also remembers which triples each release states.

    ``release_triples`` maps a release IRI to the triples its extraction gave;
    ``graph.trig`` writes each as a named graph. The other triples (posts,
    tenures, aliases, the build) belong to no release and go to the default graph.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.release_triples: dict[URIRef, list[Triple]] = {}

    def __len__(self) -> int:
        # rdflib's SimpleMemory counts by iterating every triple (0.5 s a
        # million); its subject index holds the same count in its sizes.
        index = getattr(self.store, "_SimpleMemory__spo", None)
        if index is None:
            return super().__len__()
        return sum(len(objects) for predicates in index.values() for objects in predicates.values())


class _Terms:
    """Literal caches shared by the releases of one mapping (names and offsets repeat)."""

    def __init__(self) -> None:
        self.zh: dict[str, Literal] = {}
        self.plain: dict[str, Literal] = {}
        self.numbers: dict[int, Literal] = {}
        self.dates: dict[str, Literal] = {}

    def zh_literal(self, text: str) -> Literal:
        literal = self.zh.get(text)
        if literal is None:
            literal = self.zh[text] = Literal(text, lang="zh")
        return literal

    def plain_literal(self, text: str) -> Literal:
        literal = self.plain.get(text)
        if literal is None:
            literal = self.plain[text] = Literal(text)
        return literal

    def number(self, value: int) -> Literal:
        literal = self.numbers.get(value)
        if literal is None:
            literal = self.numbers[value] = Literal(str(value), datatype=_NNI)
        return literal

    def date(self, text: str) -> Literal:
        literal = self.dates.get(text)
        if literal is None:
            literal = self.dates[text] = Literal(text, datatype=XSD.date)
        return literal

    def zh_text(self, text: str) -> Literal:
        """A Chinese literal seldom seen twice (a sentence, a headline, a body text): not kept."""
        return Literal(text, lang="zh")

    def typed(self, text: str, datatype: URIRef) -> Literal:
        """A typed literal seldom seen twice (a release's publication time, its URL): not kept."""
        return Literal(text, datatype=datatype)


class TextTerms(_Terms):
    """:class:`_Terms` whose literals are their canonical N-Triples text (``nt_term``'s), plain
    strings, not rdflib terms: for a mapping written as text (graph/shards.py's
    ``ReleaseShards``). A ``Literal`` costs microseconds to make, and as much again each time it
    is hashed (rdflib's ``Literal.__hash__`` is Python); a string's hash is kept. A date's, a
    time's or a URL's text is that of the rdflib term (its lexical form normalised as rdflib
    does); a string's is its text escaped and a number's its digits (rdflib keeps those as they
    are): offsets, a number a sentence, seldom repeat within a batch.

    >>> terms = TextTerms()
    >>> terms.zh_text('甲"乙'), terms.number(7), terms.plain_literal("a")
    ('"甲\\\\"乙"@zh', '"7"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>', '"a"')
    """

    def zh_literal(self, text: str) -> str:  # type: ignore[override]
        literal = self.zh.get(text)
        if literal is None:
            literal = self.zh[text] = f'"{nt_escape(text)}"@zh'
        return literal

    def plain_literal(self, text: str) -> str:  # type: ignore[override]
        literal = self.plain.get(text)
        if literal is None:
            literal = self.plain[text] = f'"{nt_escape(text)}"'
        return literal

    def number(self, value: int) -> str:  # type: ignore[override]
        literal = self.numbers.get(value)
        if literal is None:
            literal = self.numbers[value] = f'"{value}"^^<{_NNI}>'  # an int's text is canonical
        return literal

    def date(self, text: str) -> str:  # type: ignore[override]
        literal = self.dates.get(text)
        if literal is None:
            literal = self.dates[text] = nt_term(Literal(text, datatype=XSD.date))
        return literal

    def zh_text(self, text: str) -> str:  # type: ignore[override]
        return f'"{nt_escape(text)}"@zh'

    def typed(self, text: str, datatype: URIRef) -> str:  # type: ignore[override]
        return nt_term(Literal(text, datatype=datatype))


class _ReleaseMapper:
    """The triples of one release, each node described once."""

    def __init__(self, release: Release, keys: ReleaseKeys, terms: _Terms) -> None:
        self.release = release
        self.keys = keys
        self.terms = terms
        self.node = release_iri(release.id)
        self.triples: list[Triple] = []
        self.seen: set[URIRef] = set()

    def add(self, s, p, o) -> None:
        self.triples.append((s, p, o))

    def named(self, node: URIRef, cls: URIRef, name: str) -> URIRef:
        """A node of a class with a Chinese name, described once per release."""
        if node not in self.seen:
            self.seen.add(node)
            self.triples.append((node, _A, cls))
            self.triples.append((node, _NAME, self.terms.zh_literal(name)))
        return node

    def place(self, name: str) -> URIRef:
        return self.named(place_iri(name), _PLACE, name)

    def organization(self, name: str) -> URIRef:
        # One node for 市委 in a 巴中市 release, 巴中市委 and 中共巴中市委员会 (extract/identity.py).
        key = self.keys.organizations.get(name, name)
        return self.named(organization_iri(key), _ORGANIZATION, key)

    def evidence(
        self, span: Span, fallback: Span | Callable[[], Span] | None = None, headline: bool = False
    ) -> URIRef:
        """A NIF-style evidence node: ``<release>#char=b,e`` with the sentence and offsets.

        An empty span licenses nothing: the ``fallback`` (the sentence of the
        event, or of the title) stands in for it when there is one. A span of the
        headline (``headline``: as extraction marked it) is ``<release>/headline#char=b,e``,
        marked ``gov:inHeadline true``.
        """
        text = self.release.stated_in(headline)
        span = sentence_span(text, span)
        if span.start == span.end and fallback is not None:
            span = sentence_span(text, fallback() if callable(fallback) else fallback)
        where = f"{self.node}/headline" if headline else self.node
        node = URIRef(f"{where}#char={span.start},{span.end}")
        if node not in self.seen:
            self.seen.add(node)
            number = self.terms.number
            self.triples += [
                (node, _A, _EVIDENCE_CLASS),
                (node, _OF_RELEASE, self.node),
                (node, _BEGIN, number(span.start)),
                (node, _END, number(span.end)),
                (node, _SENTENCE, self.terms.zh_text(text[span.start : span.end])),
            ]
            if headline:
                self.triples.append((node, _IN_HEADLINE, self.terms.typed("true", XSD.boolean)))
        return node


def _release_triples(mapper: _ReleaseMapper) -> None:
    """The release node with its metadata (the release part of the contract)."""
    release, node, add, terms = mapper.release, mapper.node, mapper.add, mapper.terms
    add(node, _A, GOV.Release)
    add(node, SCHEMA.identifier, terms.plain_literal(release.id))
    if release.title:
        add(node, SCHEMA.headline, terms.zh_text(release.title))
    if release.published:
        if "T" in release.published:
            add(node, SCHEMA.datePublished, terms.typed(release.published + ":00", XSD.dateTime))
        else:
            add(node, SCHEMA.datePublished, terms.typed(release.published, XSD.date))
    if release.source:
        add(node, GOV.sourceName, terms.plain_literal(release.source))
    if release.editor:
        add(
            node,
            SCHEMA.editor,
            mapper.named(editor_iri(release.editor), SCHEMA.Person, release.editor),
        )
    if release.url:
        add(node, SCHEMA.url, terms.typed(release.url, XSD.anyURI))
    if release.place:
        add(node, _JURISDICTION, mapper.place(release.place))
    add(node, GOV.bodyText, terms.zh_text(release.text))


def _sentence_at(extraction: Extraction, span: Span) -> Span:
    """The sentence holding ``span``, or the span itself."""
    for sentence in extraction.sentences:
        if sentence.span.start <= span.start < sentence.span.end or sentence.span.start == span.start:
            return sentence.span
    return span


@dataclass
class ReleaseTriples:
    """One release's triples: its own (its named graph) and its links to cross-release nodes."""

    release: URIRef
    own: list[Triple]  # what the release's text says, each triple once
    shared: list[Triple]  # its holdings' posts and tenures: facts that rest on other releases too


def map_release(extraction: Extraction, keys: ReleaseKeys, terms: _Terms | None = None) -> ReleaseTriples:
    """The triples of one release, given the keys resolution decided for it, in a fixed order."""
    release = extraction.release
    mapper = _ReleaseMapper(release, keys, terms or _Terms())
    _release_triples(mapper)
    add, rnode, zh = mapper.add, mapper.node, mapper.terms.zh_literal
    shared: list[Triple] = []
    persons = {}
    for person in extraction.persons:
        node_key = keys.persons[person.key]
        pnode = person_iri(node_key)
        persons[person.key] = pnode
        mapper.named(pnode, _PERSON, person.name)
        add(rnode, _MENTIONS, pnode)
        for index, holding in enumerate(person.holdings):
            hnode = holding_iri(release.id, person.key, index)
            if holding.in_headline:
                evidence = mapper.evidence(holding.evidence, holding.span, headline=True)
            else:
                evidence = mapper.evidence(
                    holding.evidence, lambda h=holding: _sentence_at(extraction, h.span)
                )
            add(hnode, _A, _HOLDING)
            add(hnode, _HOLDER, pnode)
            add(hnode, _TITLE, zh(holding.title))
            add(hnode, _DERIVED, rnode)
            add(hnode, _EVIDENCE, evidence)
            if holding.jurisdiction:
                add(hnode, _JURISDICTION, mapper.place(holding.jurisdiction))
            if holding.organization:
                add(hnode, _ORGAN, mapper.organization(holding.organization))
            post = keys.posts.get((person.key, index))
            if post is not None:
                tenure = tenure_iri(node_key, post)
                shared += [
                    (hnode, _POST, post_iri(post)),
                    (tenure, _DERIVED, hnode),
                    (tenure, _EVIDENCE, evidence),
                ]
    for event in extraction.events:
        enode = event_iri(release.id, event.key)
        cls = _EVENT_CLASSES.get(event.type, _EVENT)
        # Typed gov:Event as well, so that `?e a gov:Event` finds every event without inference.
        add(enode, _A, _EVENT)
        if cls != _EVENT:
            add(enode, _A, cls)
        add(enode, _NAME, zh(event.name))
        add(enode, _DERIVED, rnode)
        add(enode, _EVIDENCE, mapper.evidence(event.evidence))
        if event.date:
            add(enode, _START_DATE, mapper.terms.date(event.date))
        if event.place:
            add(enode, _LOCATION, mapper.place(event.place))
        for what in event.implements:
            add(enode, _IMPLEMENTS, mapper.named(directive_iri(what), _DIRECTIVE, what))
        for part in event.participations:
            if part.person not in persons or part.role not in _ROLES:
                continue
            xnode = participation_iri(enode, part.person, part.role)
            add(xnode, _A, _PARTICIPATION)
            add(xnode, _AGENT, persons[part.person])
            add(xnode, _OF_EVENT, enode)
            add(xnode, _ROLE, _ROLES[part.role])
            add(xnode, _DERIVED, rnode)
            add(xnode, _EVIDENCE, mapper.evidence(part.evidence, event.evidence))
    for document in extraction.documents:
        dnode = mapper.named(document_iri(document.title), _DOCUMENT, document.title)
        add(rnode, _CITATION, dnode)
        if document.issuer:
            add(dnode, _ISSUER, mapper.organization(document.issuer))
    return ReleaseTriples(rnode, list(dict.fromkeys(mapper.triples)), shared)


def extraction_triples(extraction: Extraction, keys: ReleaseKeys | None = None) -> list[Triple]:
    """The triples of one release's own named graph; without ``keys``, as extracted (see
    :func:`~govkg.extract.identity.unresolved`)."""
    if keys is None:
        keys = unresolved([extraction]).release_keys(extraction.release.id)
    return map_release(extraction, keys).own


def corpus_triples(corpus: Corpus, terms: _Terms | None = None) -> Iterator[Triple]:
    """What belongs to no one release: posts, who held them when, and variant names' aliases
    (a post, a tenure, an alias at a time: they grow with the corpus)."""
    terms = terms or _Terms()
    for post in corpus.posts:
        yield from post_triples(post, terms)
    for tenure in corpus.tenures:
        yield from tenure_triples(tenure, terms)
    for alias in corpus.same_as:
        yield from alias_triples(alias, terms)


def post_triples(post: Post, terms: _Terms) -> list[Triple]:
    """A post's triples: its own, then its place's (:func:`place_triples`)."""
    node = post_iri(post)
    return [
        (node, _A, _POST_CLASS),
        (node, _NAME, terms.zh_literal(post.name)),
        (node, _JURISDICTION, place_iri(post.place)),
        *place_triples(post.place, terms),
    ]


def place_triples(place: str, terms: _Terms) -> list[Triple]:
    """The triples a post gives the place it is of."""
    node = place_iri(place)
    return [(node, _A, _PLACE), (node, _NAME, terms.zh_literal(place))]


def tenure_triples(tenure: Tenure, terms: _Terms) -> list[Triple]:
    node = tenure_iri(tenure.person, tenure.post)
    triples = [
        (node, _A, _HOLDING),
        (node, _HOLDER, person_iri(tenure.person)),
        (node, _POST, post_iri(tenure.post)),
        (node, _JURISDICTION, place_iri(tenure.post.place)),
    ]
    if tenure.first:
        triples.append((node, _FIRST, terms.date(tenure.first)))
    if tenure.last:
        triples.append((node, _LAST, terms.date(tenure.last)))
    return triples


def alias_triples(alias: Alias, terms: _Terms) -> list[Triple]:
    cls, iri_of = (_PLACE, place_iri) if alias.kind == "place" else (_ORGANIZATION, organization_iri)
    canonical = iri_of(alias.canonical)
    return [
        (canonical, _A, cls),
        (canonical, _NAME, terms.zh_literal(alias.canonical)),
        (iri_of(alias.name), _SAME_AS, canonical),
    ]


def build_triples(corpus: Corpus, version: str, members: bool = True) -> list[Triple]:
    """The build as a ``prov:Activity``: which releases it used, which software ran it.

    No clock: the build's IRI is a digest of the software version and the
    corpus's fingerprint (its releases' ids and texts), so the same inputs
    give the same triples. The build used the corpus, a ``prov:Collection``
    whose members are the releases: its IRI names no build, so an update
    changes the lines of the releases it added or removed, and the build's
    own few, not a line for every release (``<build> prov:used <release>``
    did: 100,000 lines removed and as many added by an update of a build of
    100,000 releases). The corpus alone suffices: no release's text or
    records are needed here. Without ``members``, the build's own triples alone (graph/shards.py's
    ``build_lines`` writes the members' lines itself).
    """
    digest = hashlib.sha256(f"{SOFTWARE} {version}\n{corpus.fingerprint}".encode())
    node = build_iri(digest.hexdigest()[:16])
    agent = software_iri(SOFTWARE, version)
    triples = [
        (node, _A, GOV.Build),
        (node, PROV.wasAssociatedWith, agent),
        (agent, _A, PROV.SoftwareAgent),
        (agent, _NAME, Literal(SOFTWARE)),
        (agent, SCHEMA.softwareVersion, Literal(version)),
    ]
    collection = corpus_iri()
    triples += [(node, PROV.used, collection), (collection, _A, PROV.Collection)]
    if members:
        triples += [(collection, PROV.hadMember, release_iri(rid)) for rid in corpus.releases]
    return triples


def _add_all(graph: Graph, triples: Iterable[Triple]) -> None:
    # Straight to the store: Graph.add re-checks every term's type, which the
    # mapping has already made right, at a third of the cost of the add itself.
    add, store = graph.store.add, graph
    for triple in triples:
        add(triple, store, quoted=False)


def new_graph() -> ReleaseGraph:
    """An empty graph with the project's prefixes bound."""
    # SimpleMemory: rdflib's triple store without contexts, three times faster to fill
    # and twice as fast to iterate as the default, context-aware Memory store.
    graph = ReleaseGraph(store="SimpleMemory")
    graph.bind("gov", GOV._NS)
    graph.bind("schema", SCHEMA, override=True, replace=True)
    graph.bind("prov", PROV)
    graph.bind("xsd", XSD)
    graph.bind("rdfs", RDFS)
    graph.bind("id", ID)
    return graph


def to_rdf(
    extractions: Iterable[Extraction], corpus: Corpus | None = None, provenance: bool = True
) -> ReleaseGraph:
    """Extraction records, with the decisions of a resolved corpus, to one graph, in one pass,
    with each release's triples remembered (releases in the order of their ids).

    Without ``corpus`` the records are mapped as extracted
    (:func:`~govkg.extract.identity.unresolved`). With ``provenance`` the graph
    also describes the build (see :func:`build_triples`).
    """
    extractions = sorted(extractions, key=lambda e: e.release.id)
    if corpus is None:
        corpus = unresolved(extractions)
    graph = new_graph()
    terms = _Terms()
    shared: list[Triple] = []
    with collector_paused():
        for extraction in extractions:
            mapped = map_release(extraction, corpus.release_keys(extraction.release.id), terms)
            _add_all(graph, mapped.own)
            graph.release_triples.setdefault(mapped.release, []).extend(mapped.own)
            shared += mapped.shared
        _add_all(graph, shared)
        _add_all(graph, corpus_triples(corpus, terms))
        if provenance and corpus.releases:
            _add_all(graph, build_triples(corpus, __version__))
    return graph
