"""Plain, frozen records that extraction produces and the graph layer consumes.

Every fact carries a half-open character span ``[start, end)`` into
``Release.text``, the cleaned body, so that it can be traced to the sentence
that states it. ``Release.source_offset`` maps a body offset back to the
original file text.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Release.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end})")


@dataclass(frozen=True)
class Release:
    """One press release: metadata and its cleaned body text.

    ``text`` is the body with boilerplate dropped and a repeated body kept
    once. ``segments`` maps it back to ``raw``, the file's decoded text:
    each ``(text_start, raw_start, length)`` says that
    ``text[text_start:text_start + length] == raw[raw_start:raw_start + length]``
    (after the 1:1 character normalisation); characters the cleaner inserted,
    such as paragraph breaks, belong to no segment.
    """

    id: str
    text: str
    path: str = ""
    title: str | None = None
    published: str | None = None  # ISO 8601: "2020-01-26" or "2020-01-26T15:22"
    source: str | None = None
    editor: str | None = None
    url: str | None = None
    place: str | None = None  # the jurisdiction the release speaks for, in full
    raw: str = ""
    segments: tuple[tuple[int, int, int], ...] = ()
    warnings: tuple[str, ...] = ()  # what reading had to change or drop (bad bytes, impossible dates)

    def stated_in(self, headline: bool) -> str:
        """The text that offsets marked as the headline's (``Holding.in_headline``) or the
        body's count in: ``title``, or ``text``."""
        return (self.title or "") if headline else self.text

    def source_offset(self, offset: int) -> int | None:
        """Offset in ``raw`` of the body character at ``offset``; None if inserted.

        >>> r = Release(id="x", text="甲乙\\n丙", raw="##甲乙##丙", segments=((0, 2, 2), (3, 6, 1)))
        >>> r.source_offset(1), r.source_offset(2), r.source_offset(3)
        (3, None, 6)
        """
        starts = [s[0] for s in self.segments]
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return None
        text_start, raw_start, length = self.segments[i]
        if offset - text_start < length:
            return raw_start + offset - text_start
        return None

    @property
    def published_date(self) -> str | None:
        """The publication date alone (``YYYY-MM-DD``), the clock for relative dates."""
        return self.published[:10] if self.published else None


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: its span and text."""

    span: Span
    text: str


@dataclass(frozen=True)
class Office:
    """A title read once, at extraction (``titles.parse_title``): the office, its level, a place it names.

    Identity reads these fields; nothing parses the title again.
    """

    title: str  # as written
    office: str  # without the place, simplified: 市长, 市委书记, 副县长; 国务院总理
    level: str | None  # the level word of the office: 市
    place: (
        str | None
    )  # a place named in the title, canonical; 中国 for national titles; a foreign office's country
    national: bool = False
    chief: bool = False  # one holder per jurisdiction at a time (市长, 县委书记, 区人大常委会主任)
    # an office of a body of its own, in no place the title or the release names
    # (新华社河南分社社长, 某市议员, 世界某论坛主席): no jurisdiction, not the release's
    elsewhere: bool = False


@dataclass(frozen=True)
class Holding:
    """A title the text gives a person, as written, and what it resolves to."""

    title: str
    span: Span  # where the title is written
    evidence: Span  # the sentence that states it
    jurisdiction: str | None = None  # the place the office belongs to, in full
    organization: str | None = None  # the organ the title names, in full
    office: Office | None = None  # the title read as an office (None: not read, as in hand-made records)
    # Stated in the headline (``Release.title``), not the body: ``span`` and ``evidence``
    # are then offsets into the headline, and the evidence is the whole headline.
    in_headline: bool = False


@dataclass(frozen=True)
class Person:
    """A named individual in one release, with every title the release gives them."""

    name: str
    key: str  # unique within the release
    mentions: tuple[Span, ...]
    holdings: tuple[Holding, ...] = ()
    jurisdiction: str | None = None  # where their office is, "?" unknown
    foreign: bool = False  # found as a foreign guest or office holder (会见来访的某国总统甲; 甲表示)
    private: bool = False  # found as a private person, of no office (村民甲; 看望困难群众甲一家)


@dataclass(frozen=True)
class Participation:
    """A person's role in an event."""

    person: str  # Person.key
    role: str  # chair, attend, speak, lead, accompany, host, guest, appointed, removed
    evidence: Span


@dataclass(frozen=True)
class Event:
    """A reported happening: type, name, date, place, who did what."""

    key: str  # unique within the release
    type: str  # meeting, inspection, reception, signing, ceremony, appointment, other
    name: str
    evidence: Span
    date: str | None = None  # ISO date
    place: str | None = None
    participations: tuple[Participation, ...] = ()
    implements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """A document cited by title in 《》."""

    title: str
    span: Span
    issuer: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one release."""

    release: Release
    persons: tuple[Person, ...] = ()
    events: tuple[Event, ...] = ()
    documents: tuple[Document, ...] = ()
    sentences: tuple[Sentence, ...] = field(default=(), repr=False)
    # The release's jurisdiction as a canonical key (places.release_place): Release.place
    # read once, with the titles' places to tell namesakes apart; 中国 for national news.
    place: str | None = None
    # The divisions the text names in full, canonical, sorted (places.PlacesNamed), for
    # identity when a title has a level, else (); None: not decided (hand-made records).
    divisions: tuple[str, ...] | None = None


class ReadError(ValueError):
    """A file, or a record in it, that cannot be read as a release."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self):
        # Pickled by its two arguments: a worker process of a parallel build hands its errors back.
        return type(self), (self.path, self.problem)
