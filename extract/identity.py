"""Identity across releases: which mentions are one official, which names one place, post, organ.

:func:`resolve` is the one stage that sees every release. It reads each release
through :class:`ReleaseMentions`, the compact row of what identity needs of it
(:func:`mentions_of` makes it from an :class:`Extraction`; a build keeps the
rows in its cache beside the records, see graph/incremental.py), so the
corpus's texts and records need never be in memory at once. It returns a
:class:`Corpus`: the release ids, and for each release its :class:`ReleaseKeys`
(the :class:`PersonKey` of every person, the node name of every organisation,
the :class:`Post` of every title that names one), plus each person's
:class:`Tenure` of each post, and the canonical name of every place or
organisation written in a variant form. Keys are typed
records, never strings to parse back; the graph layer maps them to IRIs.

A person's key is ``NAME@PLACE``: the name in simplified characters and
the jurisdiction of their office, written in full (巴中市, 中国 for a national
office). Two mentions share a node when they share that key, so a 市长 who
later appears as 市委书记 of the same city is one node, and namesakes in two
cities are two. The place of a mention is decided from, in this order:

1. a national title (总书记, 国务院副总理...): 中国;
2. a place named in a title (日照市委书记, 營口市委書記), the most local one
   when there are several (市委常委、县委书记 is the county's official);
3. the jurisdiction the extraction gives the person or their titles, the
   release's own jurisdiction, lifted to the level the title names (a 市委书记
   named in a county release belongs to the county's city), or the one place
   of that level the release's titles name; in national news, 中国 unless a
   place is given (a private person of no office, 困难群众甲一家, takes the
   division the text places them in, else no place);
4. for a release that does not say where it speaks for: the place that its
   officials share with other releases (a 区长 and a 区委常委 of 川汇区 named
   together, or one chief post and the text naming the place), when that
   evidence is unambiguous; in rounds, so a release placed so places others.

Then, across releases: a name given without a title joins the one official of
that name in a place within or above the release's (明进华 among a city's
市县领导, 县长 of one of its counties); a name in national news without a place
of its own takes the one other national news gives it; a top national leader's
name without a local title is theirs, unless a local official shares it; a
provincial official in national news who is a national official in other
national news is one person (a promotion to the centre); and of two names one
confusable character apart in one place (粱显学, 梁显学) the rarer is a
misspelling of the commoner.

When none of these decides, the mention keeps a node of its own
(``NAME@?RELEASE``): two nodes for one person is a smaller error than one node
for two. :func:`resolve` says for every mention which node it went to and why;
:func:`identity_report` writes that as ``identity.tsv``.

Organisations and places get canonical keys too (:func:`org_key`,
:func:`~govkg.extract.places.place_key`), by one rule (:func:`canonical`) for
the report's variants and for the ``owl:sameAs`` links from the nodes of
variant spellings to the canonical node (:attr:`Corpus.same_as`). A title names
a post (:func:`post_of`) once its holder's place is known, and a person's
tenure of a post runs from the first to the last release date that attests it.

What this module reads is decided per release, by extraction, never here: the
office, level and place a title names (``Holding.office``, read by
:func:`~govkg.extract.titles.parse_title`), the release's jurisdiction as a key
(``Extraction.place``, :func:`~govkg.extract.places.release_place`), the
divisions its text names (``Extraction.divisions``, from the places extraction
found once, :class:`~govkg.extract.places.PlacesNamed`).
"""

from __future__ import annotations

import ctypes
import gc
import hashlib
import heapq
import os
import pickle
import sys
import tempfile
import weakref
import zlib
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import cache, lru_cache
from itertools import groupby, islice
from operator import attrgetter, itemgetter
from pathlib import Path

from govkg.extract.chars import simplified
from govkg.extract.places import (
    LEVEL_RANK,
    LEVEL_WORDS,
    NATIONAL,
    divisions_named,
    level_word,
    lift,
    lineage,
    place_key,
    place_object,
    place_prefix,
    place_rank,
    self_level,
    shorten,
)
from govkg.extract.records import Extraction, Office
from govkg.extract.titles import (
    PARTY_PREFIX,
    names_words,
    organ_full_forms,
    organ_keys,
    organ_keys_of_no_place,
    party_organ_words,
)

# ---------------------------------------------------------------- data


@cache
def _confusables() -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = defaultdict(set)
    for a, b in names_words("confusable"):
        pairs[a].add(b)
        pairs[b].add(a)
    return {char: frozenset(others) for char, others in pairs.items()}


# ---------------------------------------------------------------- organisations


@lru_cache(maxsize=65536)
def org_key(name: str | None, within: str | None = None) -> str | None:
    """Canonical name of an organisation: 市委 in a 巴中市 release, 巴中市委, 中共巴中市委员会 are one.

    Every name ``data/organs.tsv`` gives an organ, in full or as a title writes
    it after a place, reads as the row's key: the table that
    :func:`~govkg.extract.titles.organization` reads forwards, read backwards.
    A name of no organ there keeps its place read as a key.

    >>> org_key("市委", within="巴中市"), org_key("巴中市委"), org_key("中共巴中市委员会")
    ('中共巴中市委', '中共巴中市委', '中共巴中市委')
    >>> org_key("巴中市政府"), org_key("县人民代表大会常务委员会", within="通江县")
    ('巴中市人民政府', '通江县人大常委会')
    >>> org_key("国务院"), org_key("中华人民共和国国务院")
    ('中华人民共和国国务院', '中华人民共和国国务院')
    """
    if not name:
        return None
    written = simplified(name)
    national = organ_keys_of_no_place().get(written)
    if national:
        return national
    text = PARTY_PREFIX.sub("", written)
    of_the_party = text != written
    for before, after, word in organ_full_forms():
        # a full name read as a title writes it: 中国人民政治协商会议巴中市委员会 → 巴中市政协
        middle = text[len(before) : len(text) - len(after)]
        if middle and middle[-1] in LEVEL_WORDS and text.startswith(before) and text.endswith(after):
            text = middle + word
            break
    place, rest = place_prefix(text)
    if place is None and text[:1] in LEVEL_WORDS and within:
        place = lift(place_key(within) or within, text[0])
        rest = text[1:]
    if place is None:
        # a place the gazetteer does not know, written in full before an organ's word
        for word in sorted(organ_keys(), key=len, reverse=True):
            head = text[: len(text) - len(word)]
            if text.endswith(word) and len(head) > 1 and head[-1] in LEVEL_WORDS:
                place, rest = head, word
                break
    if place is None:
        return ("中共" if of_the_party else "") + text
    if rest.startswith(place[-1]) and not rest.startswith(place[-1] + "长"):
        rest = rest[1:]  # 巴中市市委 → 巴中市委
    key = organ_keys().get(rest)
    if key:
        return key.format(place=place)
    party = of_the_party or rest.startswith(party_organ_words())
    return ("中共" if party else "") + place + rest


def canonical(kind: str, name: str | None, within: str | None = None) -> str | None:
    """The canonical key of a place or organisation name: the one rule behind the report's
    variants, the organisation nodes and the graph's ``owl:sameAs`` links.

    ``within`` is the place of the release that writes the name. The report
    reads each name in its release (朝阳区 in a 长春市 release is 长春市朝阳区);
    a place node is shared by every release that writes the name, so its link
    reads it without one (朝阳区 alone names no one place, and gets no link).

    >>> canonical("place", "巴中"), canonical("organization", "市委", within="巴中市")
    ('巴中市', '中共巴中市委')
    >>> canonical("place", "朝阳区", within="长春市"), canonical("place", "朝阳区")
    ('长春市朝阳区', '朝阳区')
    """
    return place_key(name, within) if kind == "place" else org_key(name, within)


def _plain_state(cls):
    """``cls`` (a frozen dataclass with slots) pickled as the tuple of its fields' values.

    The state the dataclass decorator gives such a class is the same values in
    a list, but it calls ``dataclasses.fields`` for every object pickled and
    unpickled, which was an eighth of resolving in partitions (spilling the
    keys and decisions, reading them back). A state of either form is read:
    a cache's rows written before.
    """
    names = tuple(f.name for f in fields(cls))
    values = attrgetter(*names) if len(names) > 1 else (lambda self: (getattr(self, names[0]),))
    setter = object.__setattr__

    def __getstate__(self) -> tuple:
        return values(self)

    def __setstate__(self, state) -> None:
        for name, value in zip(names, state, strict=True):
            setter(self, name, value)

    cls.__getstate__ = __getstate__
    cls.__setstate__ = __setstate__
    return cls


# ---------------------------------------------------------------- resolution


@_plain_state
@dataclass(frozen=True, order=True, slots=True)
class PersonKey:
    """Who a person node is: a name in one jurisdiction, or a name local to one release.

    ``str(key)`` is the key as the graph and the report write it.

    >>> str(PersonKey("何平", "巴中市")), str(PersonKey("何平", release="0007"))
    ('何平@巴中市', '何平@?0007')
    """

    name: str  # simplified (a misspelling read as the commoner spelling)
    place: str | None = None  # canonical jurisdiction; 中国 for a national office; None: unknown
    release: str | None = None  # when the place is unknown: the one release the node stands for

    def __str__(self) -> str:
        return f"{self.name}@{self.place}" if self.place is not None else f"{self.name}@?{self.release}"


@_plain_state
@dataclass(frozen=True, order=True, slots=True)
class Post:
    """An office in a jurisdiction, such as 巴中市市长: what a title names once its place is known."""

    place: str  # canonical jurisdiction, 中国 for a national office
    office: str  # without the place, simplified: 市长, 市委书记, 国务院总理

    @property
    def name(self) -> str:
        """The post's name as a reader writes it (see :func:`post_name`)."""
        return post_name(self.place, self.office)


@_plain_state
@dataclass(frozen=True, slots=True)
class Tenure:
    """A person's holding of a post, attested from ``first`` to ``last`` (release dates)."""

    person: PersonKey
    post: Post
    first: str | None = None
    last: str | None = None


@_plain_state
@dataclass(frozen=True, slots=True)
class Alias:
    """A place or organisation node written otherwise than its canonical name (``owl:sameAs``)."""

    kind: str  # "place" or "organization"
    name: str  # the node's name
    canonical: str  # the canonical node's name


@_plain_state
@dataclass(frozen=True, slots=True)
class Variant:
    """A place or organisation name as written in a release, read as its canonical key (the report)."""

    kind: str  # "place" or "organization"
    key: str
    release: str
    name: str  # as written
    reason: str


@_plain_state
@dataclass(frozen=True, slots=True)
class Decision:
    """Where one mention went: its node key and the reason, for the merge report."""

    release: str
    person: str  # Person.key in the release
    name: str  # as written
    node: PersonKey
    reason: str
    apart_from: tuple[str, ...] = ()  # other nodes of the same name


@_plain_state
@dataclass(frozen=True, slots=True)
class ReleaseKeys:
    """What resolution decided for one release's records: all that mapping it to RDF needs."""

    persons: Mapping[str, PersonKey] = field(default_factory=dict)  # Person.key -> node
    organizations: Mapping[str, str] = field(default_factory=dict)  # name as written -> node name
    posts: Mapping[tuple[str, int], Post] = field(default_factory=dict)  # (Person.key, holding index)


@dataclass(frozen=True)
class Corpus:
    """Every cross-release decision, made once, for the releases ``releases`` names.

    ``keys`` holds each release's :class:`ReleaseKeys` by release id (a dict,
    or :class:`SpilledKeys` read from a file: see :func:`assemble`); the rest
    belongs to no one release: tenures, aliases of place and organisation
    nodes, and the decisions and variants the report explains. The records
    themselves are not kept: the graph layer maps each release's extraction
    with its keys, a batch at a time if it likes.
    """

    releases: tuple[str, ...]  # release ids, sorted
    keys: Mapping[str, ReleaseKeys]
    tenures: tuple[Tenure, ...] = ()
    same_as: tuple[Alias, ...] = ()
    decisions: Sequence[Decision] = ()  # a tuple, or SpilledDecisions
    variants: tuple[Variant, ...] = ()
    fingerprint: str = ""  # of the releases' ids and texts (see :func:`fingerprint`)

    def release_keys(self, release_id: str) -> ReleaseKeys:
        return self.keys.get(release_id) or ReleaseKeys()

    @property
    def posts(self) -> list[Post]:
        """Every post someone holds, sorted."""
        return sorted({tenure.post for tenure in self.tenures})


# ---------------------------------------------------------------- what resolution reads of a release


@_plain_state
@dataclass(frozen=True, slots=True)
class TitleMention:
    """What identity reads of a :class:`~govkg.extract.records.Holding`: the title as written,
    the place and organ the extraction gave it, and the office extraction read it as (no spans:
    the graph layer maps those)."""

    title: str
    jurisdiction: str | None = None
    organization: str | None = None
    office: Office | None = None  # Holding.office: identity parses no title itself


@_plain_state
@dataclass(frozen=True, slots=True)
class PersonMention:
    """What identity reads of a :class:`~govkg.extract.records.Person`: name, key in the release,
    the jurisdiction the extraction gave them, and every title in order (a post is keyed by the
    title's index)."""

    name: str
    key: str
    jurisdiction: str | None = None
    titles: tuple[TitleMention, ...] = ()
    foreign: bool = False  # Person.foreign: a foreign guest, keyed to no Chinese place
    private: bool = False  # Person.private: of no office, keyed to where the text places them


@_plain_state
@dataclass(frozen=True, slots=True)
class ReleaseMentions:
    """All that :func:`resolve` reads of one release, a row of the mention table.

    Made by :func:`mentions_of` on the worker that extracted the release.
    What resolution derives from the release's text alone is decided there,
    once: the release's canonical place (``Extraction.place``, decided by
    :func:`~govkg.extract.places.release_place`) and the divisions its body
    names (``text_places``: ``Extraction.divisions``, the places extraction found
    handed on, not found again). Only a release that does not
    say where it speaks for and names persons keeps its text (``text``: title
    and body): its place is inferred across releases, by asking whether the text
    names a place other releases give its officials.
    """

    release: str  # Release.id
    date: str | None = None  # the day the release attests its facts (release_date)
    written_place: str | None = None  # Release.place as written
    place: str | None = None  # the release's canonical jurisdiction (Extraction.place)
    text_places: tuple[str, ...] = ()  # divisions the body names in full, canonical, sorted
    text: str | None = None  # title + "\n" + body, only when ``place`` is None and there are persons
    persons: tuple[PersonMention, ...] = ()
    event_places: tuple[str, ...] = ()  # Event.place of each event that has one, in order
    issuers: tuple[str, ...] = ()  # Document.issuer of each document that has one, in order
    text_digest: str = ""  # of Release.text (:func:`text_digest`): which text the corpus was built from

    def to_row(self) -> dict:
        """The row as plain JSON and Arrow types: lists for tuples, dicts for records, None kept.

        >>> from govkg.extract.titles import parse_title
        >>> person = PersonMention("何平", "何平", titles=(TitleMention("市长", office=parse_title("市长")),))
        >>> m = ReleaseMentions("r1", persons=(person,))
        >>> ReleaseMentions.from_row(m.to_row()) == m
        True
        """
        return {
            "release": self.release,
            "date": self.date,
            "written_place": self.written_place,
            "place": self.place,
            "text_places": list(self.text_places),
            "text": self.text,
            "persons": [
                {
                    "name": p.name,
                    "key": p.key,
                    "jurisdiction": p.jurisdiction,
                    "foreign": p.foreign,
                    "private": p.private,
                    "titles": [
                        {
                            "title": t.title,
                            "jurisdiction": t.jurisdiction,
                            "organization": t.organization,
                            "office": _office_row(t.office),
                        }
                        for t in p.titles
                    ],
                }
                for p in self.persons
            ],
            "event_places": list(self.event_places),
            "issuers": list(self.issuers),
            "text_digest": self.text_digest,
        }

    @classmethod
    def from_row(cls, row: Mapping) -> ReleaseMentions:
        """The record of a row made by :meth:`to_row` (or read back from a table of them).

        Names, titles, places and dates recur across releases: each is kept
        once (interned), so a table of a million rows holds each string once.
        """
        return cls(
            release=row["release"],
            date=_shared(row["date"]),
            written_place=_shared(row["written_place"]),
            place=_shared(row["place"]),
            text_places=tuple(map(_shared, row["text_places"] or ())),
            text=row["text"],
            persons=tuple(
                PersonMention(
                    name=_shared(p["name"]),
                    key=_shared(p["key"]),
                    jurisdiction=_shared(p["jurisdiction"]),
                    foreign=bool(p["foreign"]),
                    private=bool(p.get("private")),
                    titles=tuple(
                        TitleMention(
                            *map(_shared, (t["title"], t["jurisdiction"], t["organization"])),
                            _office_of(t["title"], t["office"]),
                        )
                        for t in p["titles"] or ()
                    ),
                )
                for p in row["persons"] or ()
            ),
            event_places=tuple(map(_shared, row["event_places"] or ())),
            issuers=tuple(map(_shared, row["issuers"] or ())),
            text_digest=row["text_digest"],
        )


class SharedValues:
    """One object for each distinct value among many releases' rows (call it on each row).

    Rows are read back file by file, so an official, a title or a place named
    in a thousand releases is a thousand equal objects; a build holds every
    row until identity is resolved, and keeps one of each instead (a row of
    5,000 generated releases: 6.9 KB in memory, 2.0 KB shared).

    >>> shared = SharedValues()
    >>> rows = [ReleaseMentions(r, persons=(PersonMention("何平", "p1", "巴中市"),)) for r in "ab"]
    >>> one, two = map(shared, rows)
    >>> one.persons[0] is two.persons[0], one == rows[0]
    (True, True)
    """

    def __init__(self) -> None:
        self._seen: dict = {}

    def _one(self, value):
        return value if value is None else self._seen.setdefault(value, value)

    def _person(self, person: PersonMention) -> PersonMention:
        found = self._seen.get(person)
        if found is None:
            one = self._one
            titles = tuple(one(title) for title in person.titles)
            found = one(
                PersonMention(
                    one(person.name),
                    one(person.key),
                    one(person.jurisdiction),
                    titles,
                    person.foreign,
                    person.private,
                )
            )
        return found

    def __call__(self, row: ReleaseMentions) -> ReleaseMentions:
        # made by the constructor, not dataclasses.replace, which reads the class's fields
        # again for every row: a fifth of reading a build's rows back
        one = self._one
        return ReleaseMentions(
            row.release,
            one(row.date),
            one(row.written_place),
            one(row.place),
            one(row.text_places),
            row.text,
            tuple(self._person(person) for person in row.persons),
            one(row.event_places),
            one(row.issuers),
            row.text_digest,
        )


def _office_row(office: Office | None) -> dict | None:
    if office is None:
        return None
    return {
        "office": office.office,
        "level": office.level,
        "place": office.place,
        "national": office.national,
        "chief": office.chief,
        "elsewhere": office.elsewhere,
    }


def _office_of(title: str, row: Mapping | None) -> Office | None:
    if row is None:
        return None
    national, chief, elsewhere = bool(row["national"]), bool(row["chief"]), bool(row["elsewhere"])
    return _office(title, row["office"], row["level"], row["place"], national, chief, elsewhere)


@lru_cache(maxsize=65536)
def _office(*fields) -> Office:
    """One record for each office read back: the same few thousand titles recur in every release."""
    return Office(*map(_shared, fields[:4]), *fields[4:])


def _shared(text: str | None) -> str | None:
    return sys.intern(text) if text else text


def mentions_of(extraction: Extraction) -> ReleaseMentions:
    """The row of one release for :func:`resolve`: cheap, per release, for a pool or cluster worker.

    >>> from govkg.extract.records import Holding, Person, Release, Span
    >>> from govkg.extract.titles import parse_title
    >>> title = Holding("市长", Span(0, 2), Span(0, 5), jurisdiction="巴中市", office=parse_title("市长"))
    >>> record = Release(id="r1", text="市长何平。", place="巴中", published="2020-01-26")
    >>> he = Person("何平", "何平", (Span(2, 4),), (title,))
    >>> m = mentions_of(Extraction(record, persons=(he,), place="巴中市"))
    >>> m.place, m.date, m.persons[0].titles[0].jurisdiction, m.text
    ('巴中市', '2020-01-26', '巴中市', None)
    """
    release = extraction.release
    place = extraction.place
    persons = tuple(
        PersonMention(
            name=person.name,
            key=person.key,
            jurisdiction=person.jurisdiction,
            titles=tuple(
                TitleMention(h.title, h.jurisdiction, h.organization, h.office) for h in person.holdings
            ),
            foreign=person.foreign,
            private=person.private,
        )
        for person in extraction.persons
    )
    text_places = extraction.divisions
    if text_places is None:  # a record made by hand: what extraction would have decided
        # Resolution asks which divisions the text names only for a title with a level.
        leveled = any(t.office.level for p in persons for t in p.titles if t.title and t.office)
        text_places = divisions_named(release.text) if leveled else ()
    return ReleaseMentions(
        release=release.id,
        date=release_date(extraction),
        written_place=release.place,
        place=place,
        text_places=text_places,
        text=(release.title or "") + "\n" + release.text if place is None and persons else None,
        persons=persons,
        event_places=tuple(e.place for e in extraction.events if e.place),
        issuers=tuple(d.issuer for d in extraction.documents if d.issuer),
        text_digest=text_digest(release.text),
    )


def text_digest(text: str) -> str:
    """A release text's SHA-256, in hex: what a corpus's fingerprint knows of the text.

    >>> text_digest("我市召开会议。")[:16]
    '40f6ef06e93cc219'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def fingerprint(releases: Iterable[tuple[str, str]]) -> str:
    """A digest of releases given as (id, :func:`text_digest`): the same releases, in any order,
    give the same fingerprint; a changed, added or removed release gives another."""
    digest = hashlib.sha256()
    for rid, text in sorted(releases):
        digest.update(f"{len(rid)}:{rid}{text}\n".encode())
    return digest.hexdigest()


def _table(items: Iterable[ReleaseMentions | Extraction]) -> list[ReleaseMentions]:
    """The mention rows of ``items`` (extractions converted), sorted by release id."""
    rows = [item if isinstance(item, ReleaseMentions) else mentions_of(item) for item in items]
    return sorted(rows, key=lambda m: m.release)


# ---------------------------------------------------------------- resolving persons


@dataclass(slots=True)
class _Mention:
    release: ReleaseMentions
    person: PersonMention
    name: str  # simplified
    offices: tuple[Office, ...]
    release_place: str | None
    national_release: bool
    place: str | None = None
    reason: str = ""
    # Read from the offices once: resolution asks for them of every mention in every round.
    main_office: Office | None = field(init=False)
    level: str | None = field(init=False)
    office_names: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.main_office, self.office_names = _read_offices(self.offices)
        self.level = self.main_office.level if self.main_office else None


@lru_cache(maxsize=65536)
def _read_offices(offices: tuple[Office, ...]) -> tuple[Office | None, frozenset[str]]:
    """A mention's main office and the set of its offices, one object for each combination of titles.

    The main office is the most local of the titles with a level: 县委书记 of 市委常委、县委书记.
    A county's head who also sits on the city's committee is the county's official, and is named
    so in the county's own releases.
    """
    leveled = [o for o in offices if o.level]
    main = min(leveled, key=lambda o: LEVEL_RANK.get(o.level or "", 9), default=None)
    return main, frozenset(o.office for o in offices)


def _offices(person: PersonMention) -> tuple[Office, ...]:
    """The offices of a person's titles (those that name one)."""
    return tuple(t.office for t in person.titles if t.title and t.office)


def _mentions(release: ReleaseMentions) -> list[_Mention]:
    return [
        _Mention(
            release=release,
            person=person,
            name=sys.intern(simplified(person.name) or person.name),
            offices=_offices(person),
            release_place=release.place,
            national_release=release.place == NATIONAL,
        )
        for person in release.persons
    ]


def _declared(mention: _Mention) -> list[str]:
    """The places the extraction gives the person's titles and the person, canonical."""
    within = mention.release_place
    found = [place_key(t.jurisdiction, within) for t in mention.person.titles]
    found.append(place_key(mention.person.jurisdiction, within))
    return [p for p in found if p]


def _resolve(mention: _Mention, release_place: str | None, local: dict[str, set[str]], how: str) -> None:
    """Decide the place of one mention in the light of its release (see the module doc)."""
    national = next((o for o in mention.offices if o.national), None)
    if national:
        mention.place, mention.reason = NATIONAL, f"national title {national.title}"
        return
    named = min((o for o in mention.offices if o.place), key=lambda o: place_rank(o.place), default=None)
    if named:
        mention.place, mention.reason = named.place, f"title {named.title} names {named.place}"
        return
    level = mention.level
    elsewhere = next((o for o in mention.offices if o.elsewhere), None)
    if elsewhere and level is None:
        # 新华社某分社社长, 世界某论坛主席: no office of the release's place, nor of the country
        mention.place, mention.reason = None, f"title {elsewhere.title} is a body's of its own"
        return
    if mention.person.foreign and level is None:
        # 会见来访的某国总统甲, then 甲 bare: a foreign guest is no official of the release's place
        mention.place, mention.reason = None, "a foreign guest with no title of a place"
        return
    if mention.national_release:
        declared = [p for p in _declared(mention) if p != NATIONAL]
        if mention.person.private and not mention.offices and not declared:
            # 看望困难群众甲一家: no office, and the text says not where they live
            mention.place, mention.reason = None, "no office, in national news; the text places them nowhere"
            return
        if declared and (level is None or lift(declared[0], level)):
            mention.place = lift(declared[0], level) if level else declared[0]
            mention.reason = (
                f"named in national news as an official of {mention.place}"
                if not mention.person.private
                else f"no office, in national news; the text places them in {mention.place}"
            )
        else:
            mention.place, mention.reason = NATIONAL, "named in national news"
        return
    if not mention.offices and place_key(mention.person.jurisdiction, mention.release_place) == NATIONAL:
        # 甲、乙等国家部委主要领导同志: extraction read no title, but the central state's list
        mention.place, mention.reason = NATIONAL, "named in a list of the central state's officials"
        return
    candidates = [*_declared(mention), *([release_place] if release_place else [])]
    for candidate in candidates:
        if candidate == NATIONAL:
            continue
        # the release's place, or one the text gives the person or a title (柳州市…选举甲为市长)
        where = (
            f"{how} {candidate}"
            if candidate == release_place
            else f"{candidate} (the place the text gives it)"
        )
        if level is None:
            mention.place, mention.reason = candidate, f"no title level; {where}"
            return
        lifted = lift(candidate, level)
        if lifted:
            title = mention.main_office.title
            mention.place = lifted
            mention.reason = f"title {title} in {where}" + (
                f", the {level} above it" if lifted != candidate else ""
            )
            return
    if level and len(local.get(level, ())) == 1:
        (only,) = local[level]
        title = mention.main_office.title
        mention.place, mention.reason = only, f"title {title}; the only {level} this release names is {only}"
        return
    named_in_text = [p for p in mention.release.text_places if level_word(p) == level] if level else []
    if len(named_in_text) == 1:
        (only,) = named_in_text
        title = mention.main_office.title
        mention.place, mention.reason = only, f"title {title}; the only {level} the text names is {only}"
        return
    mention.place = None
    mention.reason = "jurisdiction unknown" + (f" (a {level}-level title)" if level else "")


def _local_places(mentions: list[_Mention]) -> dict[str, set[str]]:
    """The places a release's titles name explicitly, by level word (川汇区人大常委会主任 → 区: 川汇区)."""
    found: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        for office in mention.offices:
            if office.place and office.place != NATIONAL and (word := level_word(office.place)):
                found[word].add(office.place)
    return found


def _names_place(text: str, place: str) -> bool:
    """Whether a text names a place, in full or by its short name (肥西 for 肥西县)."""
    short = shorten(place)
    return place in text or (len(short) >= 2 and short in text)


Known = dict[str, dict[str, dict[str, frozenset[str]]]]  # name -> place -> release -> offices


def _add_known(
    known: Known, rid: str, mentions: list[_Mention], placed: bool, names: frozenset[str] | None = None
) -> None:
    """Add to ``known`` the mentions of one release whose place does not rest on a guess: of a
    release that says where it speaks for or was placed, and titles in a release that names the
    place in a title (川汇区人大常委会主任 places the release's other 区 officials). Only the
    ``names`` asked about, when given: those of releases whose place is inferred."""
    named = {o.place for m in mentions for o in m.offices if o.place}
    for mention in mentions:
        if not mention.place or mention.place == NATIONAL:
            continue
        if names is not None and mention.name not in names:
            continue
        if mention.release_place or placed or (mention.level and mention.place in named):
            known.setdefault(mention.name, {}).setdefault(mention.place, {})[rid] = mention.office_names


def merge_known(into: Known, other: Known) -> Known:
    """``into`` with the entries of ``other`` added (tables of other releases: no entry is replaced)."""
    for name, places in other.items():
        _merge_places(into.setdefault(name, {}), places)
    return into


def _merge_places(
    into: dict[str, dict[str, frozenset[str]]], places: dict[str, dict[str, frozenset[str]]]
) -> None:
    """Add the releases (and offices) of each place of ``places`` to those of ``into``."""
    for place, by_release in places.items():
        into.setdefault(place, {}).update(by_release)


def _known_of(name: str, tables: tuple[Known, ...]) -> dict[str, dict[str, frozenset[str]]]:
    """The places ``name`` is known in, by the tables together."""
    found = [table[name] for table in tables if name in table]
    if len(found) < 2:
        return found[0] if found else {}
    merged: dict[str, dict[str, frozenset[str]]] = {}
    for places in found:
        _merge_places(merged, places)
    return merged


# A name's places as step 2 reads them (:func:`_infer_release_place`), by their level word (市, 县…;
# None): each place with its releases and their offices, the number of those releases holding each
# office, and those offices
Support = dict[str | None, list[tuple[str, dict[str, frozenset[str]], Counter, frozenset[str]]]]


def _support_of(name: str, tables: tuple[Known, ...], memo: dict[str, Support]) -> Support:
    """The places ``name`` is known in, by the tables together, each with what its releases hold,
    counted once for every release asking about ``name`` while the tables stay as they are
    (``memo``): read whole for each mention instead, a busy name's entries made step 2 grow with
    the square of the corpus. By level, as a mention reads only the places of its level: a
    common name is known in more places as the corpus grows."""
    found = memo.get(name)
    if found is None:
        found = {}
        for place, by_release in _known_of(name, tables).items():
            counts = Counter(office for offices in by_release.values() for office in offices)
            found.setdefault(level_word(place), []).append((place, by_release, counts, frozenset(counts)))
        memo[name] = found
    return found


def _infer_release_place(
    mentions: list[_Mention], *known: Known, memo: dict[str, Support] | None = None
) -> tuple[str | None, str]:
    """The jurisdiction of a release that does not say, from officials it shares with other releases.

    ``known`` (one or more tables, read together) maps a name to the places it
    was resolved to, each with the releases that say so and the offices held
    there. A place is taken when one place alone is supported and the support
    is more than one name, or one name in the same chief post or in two of the
    same posts, or one name and the text names the place. ``memo`` keeps what
    the tables say of each name for the next release asked about while they
    stay as they are (:func:`_support_of`).
    """
    memo = {} if memo is None else memo
    release = mentions[0].release
    text = release.text or ""  # kept for a release without a place of its own
    # The levels its own officials' titles speak at (区长 → 区), else the level it refers to itself by.
    levels = {o.level for m in mentions for o in m.offices if o.level and not o.place and not o.national}
    levels = levels or {self_level(text)} - {None}
    strong: dict[str, set[str]] = defaultdict(set)
    weak: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        if mention.place == NATIONAL or any(o.national for o in mention.offices):
            continue
        by_level = _support_of(mention.name, known, memo)
        if mention.level:  # the places of its title's level (of the release's levels, if any)
            words: Iterable[str | None] = () if levels and mention.level not in levels else (mention.level,)
        else:
            words = levels or by_level
        for place, by_release, counts, held in (entry for word in words for entry in by_level.get(word, ())):
            own = by_release.get(release.release)
            if len(by_release) == (own is not None):
                continue  # a release is no evidence for itself
            # the offices other releases hold there
            offices = held if own is None else frozenset(o for o in held if counts[o] > 1 or o not in own)
            shared = mention.office_names & offices
            chief = any(o.chief and o.office in offices for o in mention.offices)
            (strong if chief or len(shared) >= 2 else weak)[place].add(mention.name)
    support = {place: strong[place] | weak[place] for place in set(strong) | set(weak)}
    if not support:
        return None, ""
    ranked = sorted(support, key=lambda p: (-len(strong[p]), -len(support[p]), p))
    best = ranked[0]
    rivals = ranked[1:]
    if any(strong[p] for p in rivals) or any(len(support[p]) >= len(support[best]) for p in rivals):
        return None, "release place unknown: its officials point at " + ", ".join(sorted(support))
    if strong[best] or len(support[best]) >= 2:
        return best, f"release place inferred from {'、'.join(sorted(support[best]))} (also of {best})"
    if _names_place(text, best):
        names = "、".join(sorted(support[best]))
        return best, f"release place inferred from {names} (also of {best}) and the text naming {best}"
    names = "、".join(sorted(support[best]))
    return None, f"release place unknown: only {names} is also named elsewhere ({best}), too thin"


def _spelling_variants(groups: dict[str, Counter]) -> dict[tuple[str, str], str]:
    """Names in one place that differ by one confusable character: the rarer spelling → the commoner.

    Names are compared only with those that share all characters but one (an
    index by name with one character masked), so a place with thousands of
    names costs no more than a few lookups per name.
    """
    table = _confusables()
    renamed: dict[tuple[str, str], str] = {}
    for place, names in groups.items():
        rank = {n: i for i, n in enumerate(sorted(names, key=lambda n: (-names[n], n)))}
        masked: dict[tuple[str, int], list[str]] = defaultdict(list)
        for name in names:
            for i, char in enumerate(name):
                if char in table:
                    masked[(name[:i] + "\0" + name[i + 1 :], i)].append(name)
        for (_, i), spellings in sorted(masked.items()):
            spellings.sort(key=rank.__getitem__)
            common = spellings[0]
            for rare in spellings[1:]:
                if (rare, place) not in renamed and rare[i] in table[common[i]]:
                    renamed[(rare, place)] = common
    return renamed


def _related(a: str, b: str) -> bool:
    """Whether one place lies within the other (川汇区 and 周口市)."""
    first, second = place_object(a), place_object(b)
    if first is None or second is None:
        return False
    return first.code in {p.code for p in lineage(second)} or second.code in {p.code for p in lineage(first)}


def _untitled_to_related_place(everyone: list[_Mention]) -> None:
    """A name given without a title, known elsewhere only as an official of one place
    within (or above) the release's place, is that official (明进华 among a city's
    市县领导, 县长 of one of its counties)."""
    titled: dict[str, set[str]] = defaultdict(set)
    anywhere: dict[str, set[str]] = defaultdict(set)
    for mention in everyone:
        if mention.place and mention.place != NATIONAL:
            anywhere[mention.name].add(mention.place)
            if mention.level:
                titled[mention.name].add(mention.place)
    for mention in everyone:
        if mention.level or not mention.place or not mention.reason.startswith("no title level"):
            continue
        others = titled[mention.name] - {mention.place}
        if (
            mention.place in titled[mention.name]
            or len(others) != 1
            or len(anywhere[mention.name] - {mention.place}) != 1
        ):
            continue
        (other,) = others
        if _related(mention.place, other):
            mention.reason = (
                f"no title, in a release of {mention.place}; the only {mention.name} known elsewhere "
                f"is an official of {other}, within it or above it"
            )
            mention.place = other


def _national_news_consistent(everyone: list[_Mention]) -> None:
    """A name in national news without a title or place of its own takes the one place
    other national news gives it (普京 of 俄罗斯, 龚正 of 上海市), not the country."""
    places: dict[str, set[str]] = defaultdict(set)
    for mention in everyone:
        if mention.national_release and mention.place and mention.place != NATIONAL:
            places[mention.name].add(mention.place)
    # a county or city official named in national news is too local to be the one meant
    places = {name: found for name, found in places.items() if all(place_rank(p) >= 3 for p in found)}
    for mention in everyone:
        if mention.national_release and mention.reason == "named in national news":
            if len(places.get(mention.name, ())) == 1:
                (mention.place,) = places[mention.name]
                mention.reason = f"named in national news; other national news names them of {mention.place}"


# ---------------------------------------------------------------- resolving persons, by partitions of names
#
# Resolution runs in three steps, so that no step holds every mention at once:
# 1. each release's mentions in the light of that release (_in_release): per release;
# 2. the places of releases that do not say where they speak for (place_unplaced), in rounds,
#    from the table of where the names they mention are known (``Known``, restricted to those
#    names): a global step, over those releases only;
# 3. every cross-release rule but that one compares mentions of one name, or, for
#    misspellings, names one confusable character apart: the mentions, routed by a key of
#    their name (name_block) to partitions, are resolved a partition at a time
#    (resolve_partition) and the partitions' results put together (assemble).


def name_block(name: str) -> str:
    """The key that routes a mention to its partition: the name (simplified), every confusable
    character written as one mark.

    Every rule joining mentions across releases compares mentions of one name,
    except the misspelling rule, which compares names that differ at one
    character where both have a confusable one (and which of them is the
    commoner spelling it asks among all of those, whichever pair the
    characters belong to): such names share this key.

    >>> name_block("梁显文") == name_block("粱显文"), name_block("梁显文") == name_block("梁显武")
    (True, False)
    """
    table = _confusables()
    return "".join("\0" if char in table else char for char in name)


def partition_of(name: str, partitions: int) -> int:
    """The partition of ``partitions`` for a simplified name: a digest of its :func:`name_block`,
    the same in every process (never ``hash()``, which differs)."""
    if partitions <= 1:
        return 0
    return zlib.crc32(name_block(name).encode("utf-8")) % partitions


def _name(written: str) -> str:
    return sys.intern(simplified(written) or written)


def _unplaced(release: ReleaseMentions) -> bool:
    """Whether a release names persons and does not say where it speaks for (placed in step 2)."""
    return bool(release.persons) and not release.place


def split_unplaced(table: Iterable[ReleaseMentions]) -> tuple[list[ReleaseMentions], list[ReleaseMentions]]:
    """The releases that step 2 does not place (routed by :func:`route`), and those it places
    (:func:`place_unplaced`), each in the order given."""
    placed: list[ReleaseMentions] = []
    unplaced: list[ReleaseMentions] = []
    for release in table:
        (unplaced if _unplaced(release) else placed).append(release)
    return placed, unplaced


# Releases a partition holds when a build resolves identity in partitions (graph/incremental.py)
PARTITION_RELEASES = 5000

# Step 2's rounds at most (place_unplaced): a release is placed, or its note written, in one of them
PLACING_ROUNDS = 4


def partitions_for(releases: int, size: int = PARTITION_RELEASES) -> int:
    """How many partitions of names to resolve ``releases`` in: one for each ``size`` releases.

    >>> partitions_for(4_000), partitions_for(20_000), partitions_for(100_001)
    (1, 4, 21)
    """
    return max(1, -(-releases // size))


def unplaced_names(table: Iterable[ReleaseMentions]) -> frozenset[str]:
    """The names (simplified) of persons in releases whose place is inferred: all step 2 asks about."""
    return frozenset(_name(p.name) for release in table if _unplaced(release) for p in release.persons)


def _in_release(release: ReleaseMentions) -> list[_Mention]:
    """Step 1: each mention of a release in the light of its release alone."""
    mentions = _mentions(release)
    local = _local_places(mentions)
    for mention in mentions:
        _resolve(mention, mention.release_place, local, "release of")
    return mentions


@dataclass(slots=True)
class Named:
    """A person mention as a partition of names gets it: its release's id and date, the person,
    and the place and reason the rules of its release (and its release's inferred place) gave it.
    The partition's rules change ``place`` and ``reason``."""

    release: str
    date: str | None
    person: PersonMention
    name: str  # simplified
    national_release: bool
    place: str | None
    reason: str
    note: str = ""  # how the release's place was (not) inferred
    offices: tuple[Office, ...] | None = None  # the person's titles' offices: read from them when None
    level: str | None = field(init=False)

    def __post_init__(self) -> None:
        if self.offices is None:
            self.offices = _offices(self.person)
        main, _ = _read_offices(self.offices)
        self.level = main.level if main else None


Buckets = list[list[Named]]


def _named(mention: _Mention, note: str = "") -> Named:
    release = mention.release
    national = mention.national_release
    return Named(
        release.release,
        release.date,
        mention.person,
        mention.name,
        national,
        mention.place,
        mention.reason,
        note,
        mention.offices,  # read once, by the mention
    )


def route(table: Iterable[ReleaseMentions], names: frozenset[str], partitions: int) -> tuple[Known, Buckets]:
    """Steps 1 and the routing of some releases that say where they speak for: the entries of
    ``Known`` for ``names`` (:func:`unplaced_names`) and their mentions, by partition
    (:func:`partition_of`). A map task of the shuffle: any releases, in any order."""
    known: Known = {}
    buckets: Buckets = [[] for _ in range(partitions)]
    for release in table:
        if _unplaced(release):
            continue
        mentions = _in_release(release)
        _add_known(known, release.release, mentions, False, names)
        for mention in mentions:
            buckets[partition_of(mention.name, partitions)].append(_named(mention))
    return known, buckets


def place_round(
    asked: Iterable[str],
    by_release: Mapping[str, list[_Mention]],
    known: Known,
    own: Known,
    notes: dict[str, str],
) -> tuple[dict[str, str], set[str]]:
    """One round of step 2: each release ``asked`` about that the entries now place is placed
    (its mentions resolved against the place inferred, its note kept in ``notes``) and its
    mentions added to ``own``, evidence for the next round (added, as no entry changes); the
    releases placed (release -> place) and the names whose places they add."""
    found = {}
    memo: dict[str, Support] = {}  # the tables change only once every release is asked
    for rid in asked:
        inferred, notes[rid] = _infer_release_place(by_release[rid], known, own, memo=memo)
        if inferred:
            found[rid] = inferred
    changed: set[str] = set()
    for rid, inferred in found.items():
        mentions = by_release[rid]
        local = _local_places(mentions)
        for mention in mentions:
            if mention.place is None or mention.reason.startswith("no title level"):
                _resolve(mention, inferred, local, "release (inferred) of")
                mention.reason += f"; {notes[rid]}"
        _add_known(own, rid, mentions, True)
        changed.update(mention.name for mention in mentions)
    return found, changed


def place_unplaced(table: Iterable[ReleaseMentions], known: Known, partitions: int) -> Buckets:
    """Step 2: the releases that do not say where they speak for, placed from the officials they
    share with other releases (``known``: :func:`route`'s tables merged), in rounds, so that a
    release placed in one round can place others in the next; their mentions, by partition."""
    by_release = {
        release.release: _in_release(release)
        for release in sorted(table, key=lambda r: r.release)
        if _unplaced(release)
    }
    notes: dict[str, str] = {}
    own: Known = {}
    for rid, mentions in by_release.items():
        _add_known(own, rid, mentions, False)
    pending = list(by_release)
    asked = pending  # the releases whose evidence changed since they were last asked about
    for _ in range(PLACING_ROUNDS):
        found, changed = place_round(asked, by_release, known, own, notes)
        pending = [rid for rid in pending if rid not in found]
        if not found or not pending:
            break
        # a release is asked again only if a name it mentions gained a place (the inference
        # reads nothing else that changes), not every pending one each round
        asked = [rid for rid in pending if any(m.name in changed for m in by_release[rid])]
    buckets: Buckets = [[] for _ in range(partitions)]
    for rid, mentions in by_release.items():
        for mention in mentions:
            buckets[partition_of(mention.name, partitions)].append(_named(mention, notes.get(rid, "")))
    return buckets


@_plain_state
@dataclass(frozen=True, slots=True)
class Part:
    """What one partition of names decided: each mention's node, the report's decisions, tenures."""

    # (release id, Person.key, node, the post of each of the person's titles, None where it names none)
    nodes: tuple[tuple[str, str, PersonKey, tuple[Post | None, ...]], ...]
    decisions: tuple[Decision, ...]
    tenures: tuple[Tenure, ...]


def judge(
    everyone: list[Named], weights: Sequence[int] | None = None
) -> tuple[list[PersonKey], list[tuple[str, ...]]]:
    """The rules across releases over the mentions of one partition of names: each mention's
    node and its namesakes' nodes (``apart_from``), its ``place`` and ``reason`` changed in place.

    ``weights``, when given, says how many mentions each one stands for: a mention's node and
    reason depend on its own fields (its release only when it has no place) and on which places
    and nodes the others of its name have, except the misspelling rule, which counts the
    mentions of each name in a place. So mentions alike in all of those can be judged once, each
    standing for all of them (extract/resolved.py keeps a block's mentions so, see ``Signature``).
    """
    _untitled_to_related_place(everyone)
    _national_news_consistent(everyone)
    # a national leader is one node wherever they are named without a local title
    leaders = {
        m.name
        for m in everyone
        if m.place == NATIONAL
        and any(o.title in names_words("leader") or o.office in names_words("leader") for o in m.offices)
    }
    national_names = {m.name for m in everyone if m.place == NATIONAL and m.national_release}
    # ... unless a local official of that name is known: then an untitled mention may be either
    local_officials = {m.name for m in everyone if m.place and m.place != NATIONAL and m.level}
    for mention in everyone:
        if mention.place == NATIONAL:
            continue
        if mention.name in leaders and mention.level is None and mention.name not in local_officials:
            mention.place, mention.reason = NATIONAL, "a national leader's name, without a local title"
        elif mention.national_release and mention.name in national_names and mention.place:
            province = place_object(mention.place)
            if province is not None and province.level == "province":
                mention.reason = (
                    f"{mention.place} official in national news, a national official in other national news"
                )
                mention.place = NATIONAL
    # misspellings: the rarer of two names one confusable character apart, in one place
    groups: dict[str, Counter] = defaultdict(Counter)
    for index, mention in enumerate(everyone):
        if mention.place:
            groups[mention.place][mention.name] += 1 if weights is None else weights[index]
    renamed = _spelling_variants(groups)
    # One object for each distinct node, reason and set of namesakes, however many mentions share it.
    found: list[PersonKey] = []
    shared: dict[PersonKey, PersonKey] = {}
    nodes_of: dict[str, set[str]] = defaultdict(set)
    for mention in everyone:
        if mention.place:
            spelled = renamed.get((mention.name, mention.place), mention.name)
            node = PersonKey(spelled, mention.place)
            if spelled != mention.name:
                mention.reason += f"; {mention.name} read as {spelled}, one confusable character apart"
        else:
            node = PersonKey(mention.name, release=mention.release)
            if mention.note:
                mention.reason += f"; {mention.note}"
        found.append(shared.setdefault(node, node))
        nodes_of[mention.name].add(str(node))
    namesakes: dict[tuple[str, PersonKey], tuple[str, ...]] = {}
    apart = []
    for mention, node in zip(everyone, found, strict=True):
        if (mention.name, node) not in namesakes:
            namesakes[(mention.name, node)] = tuple(sorted(nodes_of[mention.name] - {str(node)}))
        apart.append(namesakes[(mention.name, node)])
    return found, apart


def resolve_partition(named: Iterable[Named]) -> Part:
    """Step 3: the rules across releases over the mentions of one partition of names
    (:func:`partition_of`), whatever their order; a reduce task of the shuffle."""
    everyone = list(named)
    found, apart = judge(everyone)
    decisions = []
    attested: dict[tuple[PersonKey, Post], list[str]] = defaultdict(list)
    # Each mention's posts, a title's each (None where it names none): one object for each
    # distinct post and each distinct tuple of them, however many mentions hold it.
    held: list[tuple[Post | None, ...]] = []
    posts: dict[Post | None, Post | None] = {}
    tuples: dict[tuple[Post | None, ...], tuple[Post | None, ...]] = {}
    for mention, node, apart_from in zip(everyone, found, apart, strict=True):
        decisions.append(
            Decision(
                release=mention.release,
                person=mention.person.key,
                name=mention.person.name,
                node=node,
                reason=sys.intern(mention.reason),
                apart_from=apart_from,
            )
        )
        own = tuple(
            posts.setdefault(p, p) for p in (post_of(t.office, node.place) for t in mention.person.titles)
        )
        held.append(tuples.setdefault(own, own))
        for post in own:
            if post is not None:
                attested[(node, post)].extend([mention.date] if mention.date else [])
    tenures = [
        Tenure(person, post, min(dates, default=None), max(dates, default=None))
        for (person, post), dates in attested.items()
    ]
    nodes = tuple(
        (m.release, m.person.key, node, own) for m, node, own in zip(everyone, found, held, strict=True)
    )
    return Part(nodes, tuple(decisions), tuple(tenures))


def _written_names(table: Iterable[ReleaseMentions]) -> Iterable[tuple[str, str, str, str | None]]:
    """Place and organisation names as written: (kind, release id, name, the release's place)."""
    for release in table:
        rid, within = release.release, release.written_place
        if within:
            yield "place", rid, within, None
        for person in release.persons:
            if person.jurisdiction and person.jurisdiction != "?":
                yield "place", rid, person.jurisdiction, within
            for title in person.titles:
                if title.jurisdiction:
                    yield "place", rid, title.jurisdiction, within
                if title.organization:
                    yield "organization", rid, title.organization, within
        for place in release.event_places:
            yield "place", rid, place, within
        for issuer in release.issuers:
            yield "organization", rid, issuer, within


def variants(items: Iterable[ReleaseMentions | Extraction]) -> list[Variant]:
    """Place and organisation names written otherwise than their canonical key, sorted.

    Names already canonical are left out.
    """
    return [Variant(*row) for row in sorted(variant_rows(_table(items)))]


def variant_rows(table: Iterable[ReleaseMentions]) -> set[tuple[str, str, str, str, str]]:
    """:func:`variants`' rows of ``table``: (kind, key, release, name as written, reason)."""
    rows = set()
    for kind, rid, name, within in _written_names(table):
        key = canonical(kind, name, within)
        if key and key != name:
            reason = f"{name} is {key}" + (f", read in a release of {within}" if within else "")
            rows.add((kind, key, rid, name, reason))
    return rows


# ---------------------------------------------------------------- posts and tenures


def post_of(office: Office | None, place: str | None) -> Post | None:
    """The post a title (read as an office) names, for a holder whose office is in ``place``;
    None when it names none.

    >>> from govkg.extract.titles import parse_title
    >>> post_of(parse_title("市委副书记"), "巴中市"), post_of(parse_title("秘书长"), "巴中市")
    (Post(place='巴中市', office='市委副书记'), None)
    >>> cases = (("日照市委书记", None), ("市委书记", "川汇区"), ("总理", None))
    >>> [post_of(parse_title(title), place).place for title, place in cases]
    ['日照市', '周口市', '中国']
    """
    if office is None:
        return None
    if office.national:
        return Post(NATIONAL, office.office)
    where = office.place or place_key(place)
    if not where or where == NATIONAL or office.level is None:
        return None
    lifted = lift(where, office.level)
    return Post(lifted, office.office) if lifted else None


def post_name(place: str, office: str) -> str:
    """A post's name as a reader writes it.

    >>> post_name("巴中市", "市长"), post_name("巴中市", "市委书记"), post_name("中国", "国务院总理")
    ('巴中市市长', '巴中市委书记', '国务院总理')
    """
    if place == NATIONAL:
        return office
    word = level_word(place)
    if word and place.endswith(word) and office.startswith(word) and not office.startswith(word + "长"):
        return place[:-1] + office
    return place + office


def release_date(extraction: Extraction) -> str | None:
    """The day a release attests its facts: its publication date, else the latest day of
    the events it reports (a release is no older than what it tells of).

    >>> from govkg.extract.records import Event, Release, Span
    >>> undated = Release(id="x", text="会议召开。")
    >>> release_date(Extraction(undated, events=(Event("e", "meeting", "会议", Span(0, 4), "2021-06-01"),)))
    '2021-06-01'
    """
    if extraction.release.published_date:
        return extraction.release.published_date
    return max((e.date for e in extraction.events if e.date), default=None)


# ---------------------------------------------------------------- the corpus


def _organizations(within: str | None, written: Iterable[str]) -> dict[str, str]:
    """The node name of every organisation a release names: 市委 in a 巴中市 release is 中共巴中市委."""
    return {name: canonical("organization", name, within) or name for name in written}


def _written_organizations(release: ReleaseMentions) -> dict[str, str]:
    written = [t.organization for p in release.persons for t in p.titles if t.organization]
    return _organizations(release.written_place, [*written, *release.issuers])


def _same_as(table: list[ReleaseMentions], organizations: set[str], posts: Iterable[Post]) -> list[Alias]:
    """Place and organisation nodes whose name is not canonical, each with its canonical name.

    The nodes are those the graph has: places by name as written (a release's,
    a title's, an event's, a post's), organisations by their key in the release.
    The rule is :func:`canonical`, as for the report's variants, read without a
    release: a node is shared by every release that writes its name. ``organizations``: the
    node names of the organisations the releases name (their keys' ``organizations``).
    """
    places: set[str] = {post.place for post in posts}
    for release in table:
        places.update(places_named(release))
    found = []
    for kind, names in (("place", places), ("organization", organizations)):
        for name in sorted(names):
            key = alias_of(kind, name)
            if key:
                found.append(Alias(kind, name, key))
    return found


def places_named(release: ReleaseMentions) -> Iterator[str]:
    """The names of the place nodes a release gives the graph: where it speaks for, its
    titles' jurisdictions, its events' places (a post's place comes with the post)."""
    if release.written_place:
        yield release.written_place
    yield from (t.jurisdiction for p in release.persons for t in p.titles if t.jurisdiction)
    yield from release.event_places


def alias_of(kind: str, name: str) -> str | None:
    """The canonical name a place or organisation node of ``name`` is one with
    (``owl:sameAs``), None when ``name`` is canonical."""
    key = canonical(kind, name)
    return key if key and key != name else None


def resolve(
    items: Iterable[ReleaseMentions | Extraction], partitions: int = 1, workdir: str | Path | None = None
) -> Corpus:
    """Decide once, across all releases, who and what every record names (see the module doc).

    ``items`` are the releases' mention rows (:func:`mentions_of`), or their
    extractions, read through their rows. Persons get their node keys,
    organisations theirs, titles their posts, each person their tenures of
    posts with first and last dates, variant spellings of places and
    organisations their canonical names. The result does not depend on the
    order of ``items``, nor on ``partitions``: with more than one, the
    mentions are routed by a key of their name (:func:`partition_of`) to that
    many files in a temporary folder (in ``workdir``), and the rules across
    releases run a partition at a time, so that only one partition's
    mentions are held (graph/shuffle.py runs the same steps on a Dask cluster);
    the corpus's keys and decisions, which grow with the corpus, are then
    kept in files in ``workdir`` too, read a release at a time
    (:func:`assemble`).
    """
    with collector_paused():
        table = _table(items)
        parts = map(resolve_partition, _partitions(table, partitions, workdir))
        return assemble(table, parts, spill=partitions > 1, workdir=workdir)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for a block that makes many objects and no cycles, then put
    back as it was, however the block ends.

    Resolving makes a few objects for every mention (its ``Named``, decision,
    node key, posts), none of which refers back to another: the collector,
    run for every 700 or so objects made, finds nothing, but walks the young
    objects each time and, now and then, every object held (the rows, the
    corpus so far): at 20,000 releases 2.6 of the 6.9 s of CPU that resolving
    took. The rows read back from a pickle are such objects too
    (graph/incremental.py), and so are the terms and rows graph/ makes
    while mapping and writing (graph/rdf.py, graph/sharded.py, graph/tables.py).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def give_back_memory() -> None:
    """Hand the C library's free memory back to the system (glibc's ``malloc_trim``; nothing where
    there is none), between the steps of a build.

    Memory freed by Python's objects larger than its small blocks, by the store's
    loader (RocksDB, on threads of its own, each with an arena of the C library's) or
    by numpy stays in the process, free but resident: glibc returns it only from the
    top of its main heap, and a step's peak leaves its free chunks all over each
    arena. The next step reuses some of it, not all: at 10,000 releases the build's
    process held 160 MB free once the network's tables were made, and that free
    memory grew with the corpus, so that the process's baseline under the page index
    did too. A call walks the free chunks once (milliseconds).
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim():
    try:
        return ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None


# Releases routed at a time when resolving in partitions: what the routing holds besides the rows.
ROUTE_RELEASES = 2000


def _partitions(
    table: list[ReleaseMentions], partitions: int, workdir: str | Path | None
) -> Iterator[list[Named]]:
    """Each partition's mentions in turn: steps 1 and 2, the mentions routed by name."""
    names = unplaced_names(table)
    if partitions <= 1:
        known, (named,) = route(table, names, 1)
        (more,) = place_unplaced(table, known, 1)
        yield named + more
        return
    if workdir is not None:
        Path(workdir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="govkg-identity-", dir=workdir) as folder:
        spill = _Spill(Path(folder), partitions, table)
        known: Known = {}
        for start in range(0, len(table), ROUTE_RELEASES):
            found, buckets = route(table[start : start + ROUTE_RELEASES], names, partitions)
            spill.add(buckets)
            merge_known(known, found)
            del found, buckets
        spill.add(place_unplaced(table, known, partitions))
        del known
        for index in range(partitions):
            yield spill.read(index)


class _Spill:
    """Partitions of mentions in files, one a partition, appended a batch at a time.

    A mention is written as its release's id, its person's key and what the
    rules of its release decided; read back, it takes the person from the
    release's row, which the caller holds (so no record is written or made twice):
    the row found by its id in the table (sorted by id), the person by its key
    among the row's (the first of that key). No index of either is held: one
    of every mention took 80 MB at 100,000 releases.
    """

    def __init__(self, folder: Path, partitions: int, table: list[ReleaseMentions]) -> None:
        self.paths = [folder / f"{index}.pickle" for index in range(partitions)]
        self.table = table

    def add(self, buckets: Buckets) -> None:
        for path, bucket in zip(self.paths, buckets, strict=True):
            if bucket:
                written = [(m.release, m.person.key, m.name, m.place, m.reason, m.note) for m in bucket]
                with path.open("ab") as handle:
                    pickle.dump(written, handle, protocol=pickle.HIGHEST_PROTOCOL)

    def _row(self, rid: str) -> ReleaseMentions:
        return self.table[bisect_right(self.table, rid, key=_release_id) - 1]  # of one id twice, the last

    def read(self, index: int) -> list[Named]:
        found: list[Named] = []
        offices: dict[int, tuple[Office, ...]] = {}  # of each person (rows share them), read once
        path = self.paths[index]
        if path.exists():
            with path.open("rb") as handle:
                while handle.peek(1):
                    for rid, key, name, place, reason, note in pickle.load(handle):
                        # the row's strings, not those read back: the corpus keeps them
                        row = self._row(rid)
                        person = next(p for p in row.persons if p.key == key)
                        national = row.place == NATIONAL
                        name, place = sys.intern(name), place and sys.intern(place)
                        held = offices.get(id(person))
                        if held is None:
                            held = offices[id(person)] = _offices(person)
                        found.append(
                            Named(row.release, row.date, person, name, national, place, reason, note, held)
                        )
            path.unlink()
        return found


_release_id = attrgetter("release")


def assemble(
    table: list[ReleaseMentions],
    parts: Iterable[Part],
    spill: bool = False,
    workdir: str | Path | None = None,
) -> Corpus:
    """The corpus of the releases ``table`` holds (sorted by id), from the results of every partition.

    With ``spill``, what grows with the corpus is not held: each release's
    keys and each partition's decisions (sorted) go to temporary files in
    ``workdir``, and the corpus reads them back a release, or a chunk of
    decisions, at a time (:class:`SpilledKeys`, :class:`SpilledDecisions`).
    Either way the corpus is the same (``==``, pickled, read).
    """
    # each partition's nodes sorted by release, merged below in the order of the table
    nodes = _Runs(workdir, spill)
    decisions: list[Decision] | SpilledDecisions = SpilledDecisions(workdir) if spill else []
    tenures: list[Tenure] = []
    for part in parts:
        nodes.add(sorted(part.nodes, key=itemgetter(0)))  # stable: of one mention twice, the last wins
        if spill:
            decisions.add(part.decisions)
        else:
            decisions += part.decisions
        tenures += part.tenures
        del part  # its nodes, once read, are not held to the end
    if not spill:
        decisions = tuple(sorted(decisions, key=_decision_order))
    tenures.sort(key=lambda t: (str(t.person), t.post))
    shared_posts = {t.post: t.post for t in tenures}  # one object for each post, however many titles name it
    keys: dict[str, ReleaseKeys] | SpilledKeys = SpilledKeys(workdir) if spill else {}
    organizations: set[str] = set()
    merged = groupby(nodes.merged(key=itemgetter(0)), key=itemgetter(0))
    group = next(merged, None)
    for release in table:
        rid = release.release
        persons, posts = {}, {}
        found: dict[str, tuple[PersonKey, tuple[Post | None, ...]]] = {}
        while group is not None and group[0] < rid:  # a release the table does not hold
            group = next(merged, None)
        if group is not None and group[0] == rid:
            found = {key: (node, held) for _, key, node, held in group[1]}
            group = next(merged, None)
        for person in release.persons:
            persons[person.key], held = found[person.key]
            for index, post in enumerate(held):  # the partition's posts: post_of once a title
                if post is not None:
                    posts[(person.key, index)] = shared_posts.setdefault(post, post)
        made = keys[rid] = ReleaseKeys(persons, _written_organizations(release), posts)
        organizations.update(made.organizations.values())
    return Corpus(
        releases=tuple(release.release for release in table),
        keys=keys,
        tenures=tuple(tenures),
        same_as=tuple(_same_as(table, organizations, (t.post for t in tenures))),
        decisions=decisions,
        variants=tuple(variants(table)),
        fingerprint=fingerprint((release.release, release.text_digest) for release in table),
    )


def _decision_order(decision: Decision) -> tuple[str, str, str]:
    """The report's order: by node, so that the mentions merged into one node stand together."""
    return str(decision.node), decision.release, decision.person


class _PickleFile:
    """A file of pickled values, appended and read back at any offset: a temporary file with no
    name (gone when closed, or when the process ends however it ends; never part of a build's
    folder), read with ``os.pread`` so that any number of readers share it."""

    def __init__(self, workdir: str | Path | None) -> None:
        if workdir is not None:
            Path(workdir).mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=workdir)
        weakref.finalize(self, self._file.close)  # closed with its last reader, not left to the collector
        self._end = 0

    def put(self, value) -> tuple[int, int]:
        """Append ``value``; returns where it is: (offset, size)."""
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(data)
        self._end += len(data)
        return self._end - len(data), len(data)

    def get(self, at: tuple[int, int]):
        self._file.flush()
        offset, size = at
        return pickle.loads(os.pread(self._file.fileno(), size, offset))


class _Runs:
    """Sorted runs of values, held, or with ``spill`` kept in a :class:`_PickleFile` in ``workdir``
    a chunk at a time, and merged as they are read: how :func:`assemble` puts the partitions'
    nodes together (and :class:`SpilledDecisions` keeps the report's decisions)."""

    CHUNK = 10_000

    def __init__(self, workdir: str | Path | None = None, spill: bool = False) -> None:
        self._spill = _PickleFile(workdir) if spill else None
        self._runs: list[list] = []  # each run, or each run's chunks

    def add(self, run: list) -> None:
        if self._spill is None:
            self._runs.append(run)
        elif run:
            self._runs.append(
                [self._spill.put(run[at : at + self.CHUNK]) for at in range(0, len(run), self.CHUNK)]
            )

    def _read(self, chunks: list[tuple[int, int]]) -> Iterator:
        for at in chunks:
            yield from self._spill.get(at)

    def merged(self, key: Callable) -> Iterator:
        """Every value of every run in ``key`` order (of equal keys, the earlier run's first)."""
        runs = self._runs if self._spill is None else map(self._read, self._runs)
        return heapq.merge(*runs, key=key)


class ReadAsDict(Mapping):
    """A mapping whose values are read when asked for: equal to a dict of the same items (what
    Mapping gives), and pickled as one."""

    def __reduce__(self):
        return dict, (dict(self.items()),)


class ReadAsTuple(Sequence):
    """A sequence read in order as it is iterated (a subclass gives ``__iter__`` and ``__len__``):
    equal to a tuple of the same values, and pickled as one."""

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self)[index]
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError(index)
        return next(islice(iter(self), index, None))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None

    def __reduce__(self):
        return tuple, (tuple(self),)


class SpilledKeys(ReadAsDict):
    """Release id -> :class:`ReleaseKeys`, each pickled in a temporary file and read when asked for.

    Phase 3 of a build asks for a batch of releases' keys at a time
    (graph/incremental.py); held whole, the keys of 10,000 releases took
    15 MB. Iterates in the order the keys were put; equal to a dict of the
    same items, and pickled as one.
    """

    def __init__(self, workdir: str | Path | None = None) -> None:
        self._spill = _PickleFile(workdir)
        self._at: dict[str, tuple[int, int]] = {}

    def __setitem__(self, rid: str, keys: ReleaseKeys) -> None:
        self._at[rid] = self._spill.put(keys)

    def __getitem__(self, rid: str) -> ReleaseKeys:
        return self._spill.get(self._at[rid])

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)


class SpilledDecisions(ReadAsTuple):
    """The report's decisions in :func:`_decision_order`, kept in a temporary file as sorted runs
    (one a partition, pickled in chunks) merged as they are read; equal to a tuple of the same
    decisions, and pickled as one."""

    def __init__(self, workdir: str | Path | None = None) -> None:
        self._runs = _Runs(workdir, spill=True)
        self._count = 0

    def add(self, decisions: Iterable[Decision]) -> None:
        """A run: some decisions (a partition's), in any order."""
        run = sorted(decisions, key=_decision_order)
        self._runs.add(run)
        self._count += len(run)

    def __iter__(self) -> Iterator[Decision]:
        return self._runs.merged(key=_decision_order)

    def __len__(self) -> int:
        return self._count


def unresolved(extractions: Iterable[Extraction]) -> Corpus:
    """The releases' records as extracted, nothing merged across releases: a person's node
    is their name and the jurisdiction the extraction gives them (else their release);
    no posts, tenures or aliases. For mapping one release on its own.
    """
    extractions = sorted(extractions, key=lambda e: e.release.id)
    keys = {}
    for extraction in extractions:
        release = extraction.release
        persons = {
            p.key: PersonKey(p.name, p.jurisdiction)
            if p.jurisdiction and p.jurisdiction != "?"
            else PersonKey(p.name, release=release.id)
            for p in extraction.persons
        }
        written = [h.organization for p in extraction.persons for h in p.holdings if h.organization]
        written += [d.issuer for d in extraction.documents if d.issuer]
        keys[release.id] = ReleaseKeys(persons, _organizations(release.place, written))
    return Corpus(
        releases=tuple(e.release.id for e in extractions),
        keys=keys,
        fingerprint=fingerprint((e.release.id, text_digest(e.release.text)) for e in extractions),
    )


def identity_report(corpus: Corpus) -> str:
    """The merge report, ``identity.tsv``, as one string (:func:`identity_lines` joined)."""
    return "".join(identity_lines(corpus))


REPORT_HEADER = "kind\tnode\trelease\tmention\tkey_in_release\treason\tapart_from\n"  # identity.tsv's


def identity_lines(corpus: Corpus) -> Iterator[str]:
    """The merge report, ``identity.tsv``, a line at a time (a build writes it as it is made:
    held whole, it grew with the corpus, about 350 MB of text at 100,000 releases): every
    mention, the node it went to, and why.

    Persons first, sorted by node so that the mentions merged into one node
    stand together; ``apart_from`` names the other nodes of the same name
    (namesakes kept apart). Then the places and organisations written in a
    variant form (巴中, 連云港市, 市委), and the canonical node they are one with.
    """
    yield REPORT_HEADER
    kept = getattr(corpus.decisions, "report_lines", None)
    if kept is not None:  # the lines made from the decisions as kept, not their objects
        yield from kept()
    else:
        for d in corpus.decisions:
            yield decision_line(d.release, d.person, d.name, str(d.node), d.reason, d.apart_from)
    for v in corpus.variants:
        yield _report_line(v.kind, v.key, v.release, v.name, v.name, v.reason, "")


def decision_line(
    release: str, person: str, name: str, node: str, reason: str, apart_from: tuple[str, ...]
) -> str:
    """The line of ``identity.tsv`` of one :class:`Decision`, given as its fields (``node`` as
    the key's string)."""
    return _report_line("person", node, release, name, person, reason, " ".join(apart_from))


def _report_line(*cells: str) -> str:
    return "\t".join(c.replace("\t", " ").replace("\n", " ") for c in cells) + "\n"
