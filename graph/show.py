"""One release looked at closely: its text with what govkg took from it marked in place.

``govkg show`` reads a release file (or finds a release of a build by its
identifier), extracts it, and marks every person, title, event name, event
date and role at the characters that state it: in colour on a terminal, in
plain brackets into a pipe (``[温奇志|person|主持]``), or as an HTML page with the
same marks and a list of the facts, each linked to its span.

Marking is language-agnostic: the spans come from the extraction records
(persons' mentions, titles); an event's name and date are located in the
sentence that reports the event (the name as a substring, the date as the
written date :func:`govkg.extract.dates.find_dates` resolves to the event's
date); a role is shown on the person's mention in the sentence that states it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from govkg.extract import Release, extract, read_releases
from govkg.extract.dates import find_dates, release_clock
from govkg.extract.records import Extraction, Span
from govkg.graph.sparql import named_queries, run_query
from govkg.ontology import EventType, Role, resource_path

KINDS = ("person", "title", "event", "date")

# Terminal colours (ANSI SGR) by kind; roles ride on their person's mark.
_COLOURS = {"person": "1;33", "title": "36", "event": "1;32", "date": "35"}
_ROLE_COLOUR = "1;31"


@dataclass
class Mark:
    """A marked span of the text: what kind of thing it states, and the facts it supports."""

    start: int
    end: int
    kind: str  # a key of KINDS
    roles: list[str] = field(default_factory=list)  # role labels, for a person's mention
    facts: list[int] = field(default_factory=list)  # indexes into the fact list


@dataclass(frozen=True)
class Fact:
    """One thing govkg took from the release, in words, and the span that states it."""

    kind: str  # person, title, event, date, role
    text: str
    span: Span | None  # None: stated, but not at a span the text shows


@dataclass
class Shown:
    """A release, its marks (non-overlapping or nested) and its facts."""

    release: Release
    marks: list[Mark]
    facts: list[Fact]


def _find(text: str, needle: str, within: Span) -> Span | None:
    """Where ``needle`` is written: in ``within`` first, else anywhere in ``text``; else the
    longest part of it that ``within`` holds (a name the extraction completed, such as a
    place put before a meeting's name, is still found by the words the sentence has).

    >>> _find("今天召开防控会议。", "某市防控会议", Span(0, 9))
    Span(start=4, end=8)
    """
    if not needle:
        return None
    at = text.find(needle, within.start, within.end)
    if at < 0:
        at = text.find(needle)
    if at >= 0:
        return Span(at, at + len(needle))
    from difflib import SequenceMatcher

    sentence = text[within.start : within.end]
    match = SequenceMatcher(None, sentence, needle, autojunk=False).find_longest_match()
    if match.size >= max(2, len(needle) // 2):
        return Span(within.start + match.a, within.start + match.a + match.size)
    return None


def _date_span(release: Release, iso: str, within: Span) -> Span | None:
    """The written date that resolves to ``iso``: in ``within`` first, else anywhere."""
    clock = release_clock(release)
    for span in (within, Span(0, len(release.text))):
        for found in find_dates(release.text[span.start : span.end], clock, offset=span.start):
            if found.iso == iso:
                return found.span
    return None


def _role_label(role: str) -> str:
    return Role[role].label if role in Role.__members__ else role


def _type_label(kind: str) -> str:
    return EventType[kind].label if kind in EventType.__members__ else kind


def show_extraction(extraction: Extraction) -> Shown:
    """The marks and facts of one release's extraction."""
    release, text = extraction.release, extraction.release.text
    marks: dict[tuple[int, int, str], Mark] = {}
    facts: list[Fact] = []

    def mark(span: Span | None, kind: str, fact: Fact) -> Mark | None:
        facts.append(fact)
        if span is None or span.end <= span.start:
            return None
        found = marks.setdefault((span.start, span.end, kind), Mark(span.start, span.end, kind))
        found.facts.append(len(facts) - 1)
        return found

    names = {person.key: person for person in extraction.persons}
    for person in extraction.persons:
        where = person.jurisdiction if person.jurisdiction and person.jurisdiction != "?" else ""
        for span in person.mentions:
            mark(span, "person", Fact("person", f"{person.name}" + (f" ({where})" if where else ""), span))
        for holding in person.holdings:
            places = ", ".join(x for x in (holding.organization, holding.jurisdiction) if x)
            words = f"{person.name}: {holding.title}" + (f" ({places})" if places else "")
            if holding.in_headline:  # its span is the headline's: listed, not marked in the body
                mark(None, "title", Fact("title", words + " [headline]", None))
            else:
                mark(holding.span, "title", Fact("title", words, holding.span))
    for event in extraction.events:
        name_span = _find(text, event.name, event.evidence)
        words = f"{_type_label(event.type)}: {event.name}" + (f" @ {event.place}" if event.place else "")
        mark(name_span, "event", Fact("event", words, name_span))
        if event.date:
            span = _date_span(release, event.date, event.evidence)
            mark(span, "date", Fact("date", f"{event.name}: {event.date}", span))
        for part in event.participations:
            person = names.get(part.person)
            if person is None:
                continue
            label = _role_label(part.role)
            inside = [
                s for s in person.mentions if part.evidence.start <= s.start and s.end <= part.evidence.end
            ]
            span = inside[0] if inside else None
            fact = Fact("role", f"{person.name}: {label} · {event.name}", span or part.evidence)
            found = mark(span, "person", fact)
            if found is not None and label not in found.roles:
                found.roles.append(label)
    return Shown(release, _nested(list(marks.values())), facts)


def _nested(marks: list[Mark]) -> list[Mark]:
    """Marks sorted for rendering, without any that cross another (nesting is kept)."""
    kept: list[Mark] = []
    for candidate in sorted(marks, key=lambda m: (m.start, -m.end, KINDS.index(m.kind))):
        if any(m.start < candidate.start < m.end < candidate.end for m in kept):
            continue  # crosses the end of a mark already kept: listed in the facts only
        kept.append(candidate)
    return kept


# ---------------------------------------------------------------------------
# Rendering


def _events(marks: list[Mark]) -> list[tuple[int, int, int, Mark]]:
    """Open and close events in text order: (offset, order, index, mark); closes first, inner last."""
    out = []
    for index, m in enumerate(marks):
        out.append((m.start, 1, index, m))
        out.append((m.end, 0, -index, m))
    return sorted(out, key=lambda e: (e[0], e[1], e[2]))


def _tag(m: Mark) -> str:
    return "|".join([m.kind, *m.roles])


def render_text(shown: Shown, colour: bool = False) -> str:
    """The release's text with its marks: ANSI colours, or ``[words|kind|role]`` brackets."""
    text, out, at, open_marks = shown.release.text, [], 0, []
    for offset, is_open, _, m in _events(shown.marks):
        out.append(text[at:offset])
        at = offset
        if not colour:
            out.append("[" if is_open else f"|{_tag(m)}]")
        elif is_open:
            open_marks.append(m)
            out.append(f"\x1b[{_COLOURS[m.kind]}m")
        else:
            open_marks.remove(m)
            roles = f"\x1b[{_ROLE_COLOUR}m‹{'、'.join(m.roles)}›" if m.roles else ""
            around = f"\x1b[{_COLOURS[open_marks[-1].kind]}m" if open_marks else ""
            out.append(f"{roles}\x1b[0m{around}")
    out.append(text[at:])
    release = shown.release
    head = [f"# {release.id}" + (f" {release.title}" if release.title else "")]
    if release.published or release.place:
        head.append("# " + " ".join(x for x in (release.published, release.place) if x))
    body = "".join(out).rstrip("\n")
    return "\n".join([*head, "", body, "", *format_facts(shown.facts)]) + "\n"


def format_facts(facts: Iterable[Fact]) -> list[str]:
    """The facts as lines: kind, words, and the character offsets that state them."""
    lines = []
    for fact in facts:
        where = f"[{fact.span.start},{fact.span.end})" if fact.span else "(not located)"
        lines.append(f"{fact.kind:<7}{where:<14}{fact.text}")
    return lines


_CSS = """
body { font: 16px/1.8 "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif; color: #222;
       max-width: 60em; margin: 2em auto; padding: 0 1em; }
.text { white-space: pre-wrap; }
mark { background: none; border-bottom: 2px solid; padding: 0 1px; }
mark.person { background: #fff3b0; border-color: #c9a400; }
mark.title { background: #d8f0f7; border-color: #2a8caa; }
mark.event { background: #dcf5dc; border-color: #2e8b2e; }
mark.date { background: #f3e1f7; border-color: #9b3fb5; }
mark:target, mark.hit { outline: 2px solid #d33; }
sup.role { color: #b22; font-size: 0.7em; margin-left: 1px; }
ol.facts li { margin: 0.2em 0; }
.kind { display: inline-block; min-width: 4.5em; color: #666; }
.legend mark { margin-right: 0.8em; }
"""


def _section(shown: Shown, prefix: str) -> str:
    text, out, at = shown.release.text, [], 0
    for offset, is_open, index, m in _events(shown.marks):
        out.append(html.escape(text[at:offset]))
        at = offset
        if is_open:
            title = html.escape(" · ".join(shown.facts[i].text for i in m.facts), quote=True)
            out.append(f'<mark id="{prefix}m{index}" class="{m.kind}" title="{title}">')
        else:
            roles = f'<sup class="role">{html.escape("、".join(m.roles))}</sup>' if m.roles else ""
            out.append(f"</mark>{roles}")
    out.append(html.escape(text[at:]))
    anchor = {i: f"{prefix}m{index}" for index, m in enumerate(shown.marks) for i in m.facts}
    items = []
    for number, fact in enumerate(shown.facts):
        where = f"[{fact.span.start},{fact.span.end})" if fact.span else "(not located)"
        words = html.escape(fact.text)
        if number in anchor:
            words = f'<a href="#{anchor[number]}">{words}</a>'
        kind = f'<span class="kind">{fact.kind}</span>'
        items.append(f'<li class="{fact.kind}">{kind} {words} <small>{where}</small></li>')
    release = shown.release
    title = html.escape(release.title or release.id)
    meta = " · ".join(html.escape(x) for x in (release.id, release.published or "", release.place or "") if x)
    return (
        f'<section id="{prefix}release"><h1>{title}</h1>\n<p>{meta}</p>\n'
        f'<div class="text">{"".join(out)}</div>\n'
        f'<h2>Facts ({len(shown.facts)})</h2>\n<ol class="facts">\n'
        + "\n".join(items)
        + "\n</ol></section>\n"
    )


def render_html(shown: Shown | list[Shown]) -> str:
    """A self-contained page (no script, no external resource): each release's marked text, then its
    facts, each fact linked to the span that states it."""
    releases = [shown] if isinstance(shown, Shown) else list(shown)
    title = html.escape(releases[0].release.title or releases[0].release.id) if releases else "govkg show"
    legend = "".join(f'<mark class="{kind}">{kind}</mark>' for kind in KINDS)
    sections = "".join(_section(s, f"r{n}" if len(releases) > 1 else "") for n, s in enumerate(releases))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>{_CSS}</style></head>\n<body>\n"
        f'<p class="legend">{legend}<sup class="role">role</sup></p>\n{sections}</body></html>\n'
    )


# ---------------------------------------------------------------------------
# Finding the release


class ShowError(ValueError):
    """A release that cannot be found or read."""


def extractions_of_file(path: str | Path) -> list[Extraction]:
    """Every release of a file (text, HTML, JSON, JSON lines), extracted."""

    releases, errors = read_releases(path)
    if not releases:
        problem = errors[0].problem if errors else "no release in it"
        raise ShowError(f"{path}: {problem}")
    return [extract(release) for release in releases]


def extraction_of_record(record_id: str, graph) -> Extraction:
    """A release of a build (folder or graph file), by its identifier, extracted again from its text.

    The build keeps each release's cleaned text (``gov:bodyText``) and
    metadata, so the same records come out as in the build.
    """

    query = named_queries(resource_path("queries") / "show")["release"]
    rows = run_query(graph, query, {"id": record_id}).records()
    if not rows:
        raise ShowError(f"no release {record_id!r} in {graph}")
    row = rows[0]
    release = Release(
        id=row["id"],
        text=row["text"],
        title=row.get("headline"),
        published=row.get("published"),
        source=row.get("source"),
        url=row.get("url"),
        place=row.get("place"),
    )
    return extract(release)


def show(target: str | Path, graph=None) -> list[Shown]:
    """What govkg takes from a release file, or from the release ``target`` of a build ``graph``."""
    path = Path(target)
    if path.is_file():
        return [show_extraction(e) for e in extractions_of_file(path)]
    if graph is None:
        raise ShowError(f"{target}: no such file (a release identifier needs a BUILD to look in)")
    return [show_extraction(extraction_of_record(str(target), graph))]
