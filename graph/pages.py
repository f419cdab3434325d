"""A page behind every IRI: HTML (and RDF) for the officials, events and releases of a graph.

Every page is read from the graph through the SPARQL queries in
``ontology/queries/pages/`` (each binds ``?resource``), so a page says
what the graph says and nothing else:

- an official: names, posts with their tenures (a career chart: posts as bars
  from first to last attestation, events as ticks by role), events by role,
  the officials met at them, every title with its sentence and release;
- an event: type, name, date, places, participants and roles, the
  directives it implements, the sentence that reports it and its release;
- a release: its text with every stated fact marked, and the facts listed;
- anything else (a post, place, organisation, document, directive): its
  statements, both ways, as links.

A linked-data client gets the same resource as Turtle, N-Triples or JSON-LD
(:func:`respond` negotiates on the Accept header). ``govkg serve`` answers
under ``/id/``; :func:`write_site` writes the same pages as a static site.
Links are made by a function handed in (``href``), so the same pages link
to the server's paths or to the site's files. Every IRI a person reads is
shown decoded (``person/何平@巴中市``), never percent-encoded.
"""

from __future__ import annotations

import html
import os
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from urllib.parse import quote, unquote

from govkg.graph.sparql import format_result, graph_to_store, named_queries, open_store, run_query, short_iri
from govkg.ontology import GOV, ID, ontology_labels, resource_path

ID_BASE = str(ID)
Href = Callable[[str], "str | None"]
# Media types a resource's IRI answers with, by the name format_result knows them.
RDF_TYPES = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "jsonld",
}
RDF_MEDIA = {
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
}
HTML_TYPES = ("text/html", "application/xhtml+xml")
EVENT_CLASSES = {
    str(c)
    for c in (
        GOV.Event,
        GOV.Meeting,
        GOV.Inspection,
        GOV.Reception,
        GOV.Signing,
        GOV.Ceremony,
        GOV.Appointment,
    )
}
SITE_KINDS = {
    str(GOV.Person): "person",
    str(GOV.Release): "release",
    **{c: "event" for c in EVENT_CLASSES},
}


@cache
def page_queries() -> dict:
    """The queries pages are read with, by name (``ontology/queries/pages/*.rq``)."""

    return named_queries(resource_path("queries") / "pages")


def readable(iri: str) -> str:
    """An IRI as a person reads it: the path under the id namespace, decoded.

    >>> readable("https://w3id.org/govkg/id/person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82")
    'person/何平@巴中市'
    >>> readable("https://w3id.org/govkg/ontology#Meeting")
    'gov:Meeting'
    """
    if iri.startswith(ID_BASE):
        return unquote(iri[len(ID_BASE) :])

    return short_iri(iri)


def term_label(iri: str) -> str:
    """An ontology term's Chinese label (主持 for gov:Chair), else its readable form."""
    from rdflib import URIRef

    return ontology_labels().get(URIRef(iri)) or readable(iri)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _day(value: str | None) -> str:
    return (value or "")[:10]


# --- content negotiation -------------------------------------------------------


def media_ranges(accept: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header in the order written, each with its weight (``q``, 1 if unset).

    A weight that is not a number counts as 0 (not acceptable).

    >>> media_ranges("text/HTML, application/ld+json;Q=0.9, */*;q=x")
    [('text/html', 1.0), ('application/ld+json', 0.9), ('*/*', 0.0)]
    """
    ranges = []
    for item in (accept or "").split(","):
        media, *params = (part.strip() for part in item.split(";"))
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":  # parameter names are case-insensitive
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        ranges.append((media.lower(), weight))
    return ranges


def negotiate(accept: str | None) -> str:
    """``"html"`` or an RDF format name, from an Accept header (HTML unless RDF is preferred).

    >>> negotiate("text/turtle"), negotiate("text/html,*/*;q=0.8"), negotiate(None)
    ('turtle', 'html', 'html')
    >>> negotiate("application/ld+json;q=0.9, text/html;q=0.5")
    'jsonld'
    """
    best, best_q = "html", 0.0
    for position, (media, q) in enumerate(media_ranges(accept)):
        name = RDF_TYPES.get(media) or ("html" if media in HTML_TYPES else None)
        if name and (q > best_q or (q == best_q and position == 0)):
            best, best_q = name, q
    return best


# --- reading the graph -----------------------------------------------------------


@dataclass
class Pages:
    """Pages of the resources of one graph (a pyoxigraph store, or anything :func:`run_query` reads)."""

    source: object

    def rows(self, name: str, iri: str) -> list[dict[str, str]]:
        from rdflib import URIRef

        return run_query(self.source, page_queries()[name], {"resource": URIRef(iri)}).records()

    def rdf(self, iri: str, fmt: str = "turtle") -> str:
        """The triples about a resource (as subject or object) in an RDF format."""
        from rdflib import URIRef

        result = run_query(self.source, page_queries()["resource"], {"resource": URIRef(iri)})
        return format_result(result, fmt)

    def kind(self, iri: str) -> tuple[str | None, list[str]]:
        """Which page a resource gets (person, event, release, other; None if unknown), and its names."""
        rows = self.rows("resource-kind", iri)
        types = {r["type"] for r in rows if "type" in r}
        names = sorted({r["name"] for r in rows if "name" in r})
        if not rows:
            links = self.rows("resource-links", iri)
            return ("other" if links else None), names
        for cls, kind in SITE_KINDS.items():
            if cls in types:
                return kind, names
        return "other", names

    def html(self, iri: str, href: Href) -> str | None:
        """The HTML page of a resource, or None when the graph says nothing about it."""
        kind, names = self.kind(iri)
        if kind is None:
            return None
        render = {"person": self._person, "event": self._event, "release": self._release}.get(
            kind, self._other
        )
        title, body = render(iri, names, href)
        return _page(title, iri, body, href)

    # --- one kind of page each ---

    def _person(self, iri: str, names: list[str], href: Href) -> tuple[str, str]:
        posts = self.rows("person-posts", iri)
        events = self.rows("person-events", iri)
        titles = self.rows("person-titles", iri)
        met = self.rows("person-coattendees", iri)
        name = "、".join(names) or readable(iri)
        out = [f"<h1>{_e(name)}</h1>", '<p class="kind">人物</p>']
        if len(names) > 1:
            out.append(f"<p>名称：{_e('、'.join(names))}</p>")
        chart = career_svg(
            [(p.get("postName") or readable(p["post"]), _day(p["first"]), _day(p["last"])) for p in posts],
            [(term_label(e["role"]), _day(e.get("date") or e.get("published"))) for e in events],
        )
        if chart:
            out += ["<h2>履历</h2>", chart]
        if posts:
            out.append(f"<h2>职务 <span class=n>{len(posts)}</span></h2><ul>")
            for p in posts:
                span = _day(p["first"]) + ("" if p["first"] == p["last"] else f" – {_day(p['last'])}")
                out.append(
                    f"<li>{_link(p['post'], p.get('postName'), href)} <span class=n>{_e(span)}</span></li>"
                )
            out.append("</ul>")
        by_role: dict[str, list[dict]] = defaultdict(list)
        for e in events:
            by_role[term_label(e["role"])].append(e)
        count = len({e["event"] for e in events})
        out.append(f"<h2>活动 <span class=n>{count}</span></h2>")
        for role in sorted(by_role, key=lambda r: (-len(by_role[r]), r)):
            rows = by_role[role]
            out.append(f"<h3>{_e(role)} <span class=n>{len(rows)}</span></h3><ul>")
            for e in rows:
                when = _day(e.get("date")) or f"≈{_day(e.get('published'))}"
                label = f"{term_label(e['type'])} {e.get('eventName', '')}".strip()
                out.append(f"<li>{_e(when)} {_link(e['event'], label, href)}{_evidence(e, href)}</li>")
            out.append("</ul>")
        if met:
            out.append(f"<h2>同场官员 <span class=n>{len(met)}</span></h2><ul class=inline>")
            for m in met:
                who = _link(m["other"], m.get("otherName"), href)
                out.append(f"<li>{who} <span class=n>{_e(m['events'])}</span></li>")
            out.append("</ul>")
        if titles:
            out.append(f"<h2>职务原文 <span class=n>{len(titles)}</span></h2><ul>")
            for t in titles:
                org = (
                    f"（{_link(t['organization'], t.get('organizationName'), href)}）"
                    if t.get("organization")
                    else ""
                )
                out.append(f"<li>{_e(t['title'])}{org}{_evidence(t, href)}</li>")
            out.append("</ul>")
        return name, "\n".join(out)

    def _event(self, iri: str, names: list[str], href: Href) -> tuple[str, str]:
        facts = self.rows("event", iri)
        people = self.rows("event-participants", iri)
        directives = self.rows("event-directives", iri)
        first = facts[0] if facts else {}
        kind = term_label(first.get("type", str(GOV.Event)))
        name = first.get("name") or "、".join(names) or readable(iri)
        when = _day(first.get("date")) or (
            f"≈{_day(first.get('published'))}" if first.get("published") else ""
        )
        out = [f"<h1>{_e(name)}</h1>", f'<p class="kind">{_e(kind)} {_e(when)}</p>']
        places = {f["place"]: f.get("placeName") for f in facts if f.get("place")}
        if places:
            out.append("<p>地点：" + "、".join(_link(p, n, href) for p, n in sorted(places.items())) + "</p>")
        sentences = list(dict.fromkeys(f["sentence"] for f in facts if f.get("sentence")))
        for sentence in sentences:
            out.append(f"<blockquote>{_e(sentence)}</blockquote>")
        if first.get("release"):
            out.append(f"<p class=src>{_release_link(first, href)}</p>")
        by_role: dict[str, list[dict]] = defaultdict(list)
        for p in people:
            by_role[term_label(p["role"])].append(p)
        count = len({p["person"] for p in people})
        out.append(f"<h2>参与者 <span class=n>{count}</span></h2>")
        for role in sorted(by_role, key=lambda r: (-len(by_role[r]), r)):
            out.append(f"<h3>{_e(role)} <span class=n>{len(by_role[role])}</span></h3><ul>")
            for p in by_role[role]:
                quote_ = f"<q>{_e(p['sentence'])}</q>" if p.get("sentence") else ""
                out.append(f"<li>{_link(p['person'], p.get('personName'), href)}{quote_}</li>")
            out.append("</ul>")
        if directives:
            out.append(f"<h2>贯彻落实 <span class=n>{len(directives)}</span></h2><ul>")
            for d in directives:
                out.append(f"<li>{_link(d['directive'], d.get('directiveName'), href)}</li>")
            out.append("</ul>")
        return name, "\n".join(out)

    def _release(self, iri: str, names: list[str], href: Href) -> tuple[str, str]:
        rows = self.rows("release", iri)
        facts = self.rows("release-facts", iri)
        # facts the headline states: listed under it, not marked in the body text (a
        # tenure is a summary of holdings, not a statement of this release: left out)
        in_headline = [
            f
            for f in facts
            if f.get("inHeadline") and (f["factType"] != str(GOV.PositionHolding) or f.get("title"))
        ]
        facts = [f for f in facts if not f.get("inHeadline")]
        meta = rows[0] if rows else {}
        title = meta.get("headline") or meta.get("identifier") or readable(iri)
        out = [f"<h1>{_e(title)}</h1>", '<p class="kind">新闻稿</p>']
        line = " · ".join(
            _e(x) for x in (_day(meta.get("published")), meta.get("source"), meta.get("identifier")) if x
        )
        if line:
            out.append(f"<p class=src>{line}</p>")
        if meta.get("url"):
            out.append(f"<p class=src>原文：{_e(unquote(meta['url']))}</p>")
        if in_headline:
            out.append(f"<h2>标题 <span class=n>{len(in_headline)} 项事实</span></h2><ul>")
            out += [f"<li>{_fact_html(f, href)}</li>" for f in in_headline]
            out.append("</ul>")
        spans = _fact_spans(facts)
        out.append(f"<h2>正文 <span class=n>{len(spans)} 处事实</span></h2>")
        out.append(f'<div class="text">{_marked(meta.get("text", ""), spans, href)}</div>')
        if spans:
            out.append(f"<h2>事实 <span class=n>{sum(len(s[2]) for s in spans)}</span></h2><ol>")
            for begin, end, items, sentence in spans:
                out.append(
                    f'<li id="char={begin},{end}"><q>{_e(sentence)}</q><ul>'
                    + "".join(f"<li>{_fact_html(f, href)}</li>" for f in items)
                    + "</ul></li>"
                )
            out.append("</ol>")
        return title, "\n".join(out)

    def _other(self, iri: str, names: list[str], href: Href) -> tuple[str, str]:
        links = self.rows("resource-links", iri)
        kinds = [
            term_label(r["value"]) for r in links if r["direction"] == "out" and r["p"].endswith("#type")
        ]
        name = "、".join(names) or readable(iri)
        out = [f"<h1>{_e(name)}</h1>", f'<p class="kind">{_e("、".join(kinds))}</p>']
        for direction, heading in (("out", "属性"), ("in", "被引用")):
            mine = [r for r in links if r["direction"] == direction and not r["p"].endswith("#type")]
            if not mine:
                continue
            out.append(f"<h2>{heading} <span class=n>{len(mine)}</span></h2><table>")
            for r in mine:
                value = r["value"]
                shown = _link(value, r.get("valueName"), href) if "://" in value else _e(value)
                out.append(f"<tr><th>{_e(term_label(r['p']))}</th><td>{shown}</td></tr>")
            out.append("</table>")
        return name, "\n".join(out)


# --- pieces of pages ----------------------------------------------------------------


def _link(iri: str, name: str | None, href: Href) -> str:
    text = name or readable(iri)
    target = href(iri)
    if target is None:
        return _e(text)
    return f'<a href="{_e(target)}" title="{_e(readable(iri))}">{_e(text)}</a>'


def _release_link(row: dict, href: Href) -> str:
    text = f"《{row['headline']}》" if row.get("headline") else readable(row["release"])
    when = f" {_day(row.get('published'))}" if row.get("published") else ""
    return _link(row["release"], text, href) + _e(when)


def _evidence(row: dict, href: Href) -> str:
    """A fact's sentence and release, as the end of a list item."""
    parts = []
    if row.get("sentence"):
        parts.append(f"<q>{_e(row['sentence'])}</q>")
    if row.get("release"):
        parts.append(f"<span class=src>{_release_link(row, href)}</span>")
    return "".join(parts)


def _fact_spans(facts: list[dict]) -> list[tuple[int, int, list[dict], str]]:
    """Facts grouped by the span that states them, in text order, overlapping spans merged."""
    by_span: dict[tuple[int, int], list[dict]] = defaultdict(list)
    sentences: dict[tuple[int, int], str] = {}
    for f in facts:
        if f["factType"] == str(GOV.PositionHolding) and not f.get("title"):
            continue  # a tenure: a summary of the holdings, not a statement of this release
        span = (int(f["begin"]), int(f["end"]))
        if f not in by_span[span]:
            by_span[span].append(f)
        sentences[span] = f.get("sentence", "")
    merged: list[tuple[int, int, list[dict], str]] = []
    for begin, end in sorted(by_span):
        if merged and begin < merged[-1][1]:
            b, e, items, sentence = merged[-1]
            merged[-1] = (b, max(e, end), items + by_span[(begin, end)], sentence)
        else:
            merged.append((begin, end, list(by_span[(begin, end)]), sentences[(begin, end)]))
    return merged


def _fact_html(fact: dict, href: Href) -> str:
    kind = fact["factType"]
    if kind in EVENT_CLASSES:
        return f"{_e(term_label(kind))}：{_link(fact['fact'], None, href)}"
    who = _link(fact["agent"], fact.get("agentName"), href) if fact.get("agent") else ""
    if fact.get("role"):
        event = _link(fact["event"], fact.get("eventName"), href) if fact.get("event") else ""
        return f"{who} {_e(term_label(fact['role']))} {event}"
    if fact.get("title"):
        return f"{who}：{_e(fact['title'])}"
    return f"{_e(term_label(kind))} {who}"


def _marked(text: str, spans: list[tuple[int, int, list[dict], str]], href: Href) -> str:
    """The release text with each fact's span in a ``<mark>`` that links to its facts."""
    out, last = [], 0
    for begin, end, _items, sentence in spans:
        if not (0 <= begin < end <= len(text)) or begin < last:
            continue
        if sentence and text[begin:end] != sentence:
            found = text.find(sentence, last)  # offsets into another form of the text: find the sentence
            if found < 0:
                continue
            begin, end = found, found + len(sentence)
        out.append(_e(text[last:begin]))
        out.append(f'<a class=mark href="#char={_e(begin)},{_e(end)}"><mark>{_e(text[begin:end])}</mark></a>')
        last = end
    out.append(_e(text[last:]))
    return "".join(out).replace("\n", "<br>\n")


def career_svg(posts: list[tuple[str, str, str]], events: list[tuple[str, str]], width: int = 640) -> str:
    """A career at a glance: posts as bars from first to last attestation, events as ticks by role.

    ``posts`` are (name, first, last) and ``events`` (role, date), dates ISO.
    Returns "" when nothing is dated.

    >>> svg = career_svg([("巴中市市长", "2020-01-26", "2020-03-01")], [("出席", "2020-02-02")])
    >>> svg.count("<rect"), svg.count("<circle"), "巴中市市长" in svg
    (1, 1, True)
    """
    days = [d for _, first, last in posts for d in (first, last) if d] + [d for _, d in events if d]
    parsed = []
    for d in days:
        try:
            parsed.append(date.fromisoformat(d[:10]).toordinal())
        except ValueError:
            continue
    if not parsed:
        return ""
    t0, t1 = min(parsed), max(parsed)
    if t1 <= t0:
        t0, t1 = t0 - 15, t1 + 15
    left, right, row = 4, 4, 22

    def x(d: str) -> float:
        try:
            day = date.fromisoformat(d[:10]).toordinal()
        except ValueError:
            day = t0
        return round(left + (width - left - right) * (day - t0) / (t1 - t0), 1)

    roles: dict[str, list[str]] = defaultdict(list)
    for role, d in events:
        if d:
            roles[role].append(d)
    height = (len(posts) + len(roles)) * row + 16
    parts = [
        f'<svg class="career" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        'role="img" aria-label="career">'
    ]
    y = 0
    for name, first, last in posts:
        x0 = x(first)
        x1 = max(x(last or first), x0 + 3)
        span = first + ("" if last == first else f" – {last}")
        parts.append(f'<text x="{left}" y="{y + 9}">{_e(name)}  {_e(span)}</text>')
        parts.append(
            f'<rect x="{x0}" y="{y + 12}" width="{round(x1 - x0, 1)}" height="7" rx="2" fill="#2b8a3e"/>'
        )
        y += row
    for role in sorted(roles, key=lambda r: (-len(roles[r]), r)):
        parts.append(f'<text x="{left}" y="{y + 9}">{_e(role)} {len(roles[role])}</text>')
        for d in sorted(roles[role]):
            parts.append(f'<circle cx="{x(d)}" cy="{y + 15}" r="3" fill="#1c7ed6" fill-opacity="0.6"/>')
        y += row
    start, end = date.fromordinal(min(parsed)).isoformat(), date.fromordinal(max(parsed)).isoformat()
    parts.append(f'<text x="{left}" y="{height - 2}">{start}</text>')
    parts.append(f'<text x="{width - right}" y="{height - 2}" text-anchor="end">{end}</text>')
    parts.append("</svg>")
    return "".join(parts)


_STYLE = """
body{font-family:'WenQuanYi Micro Hei','Noto Sans CJK SC','Microsoft YaHei','PingFang SC',sans-serif;
margin:1.2em auto;max-width:56em;padding:0 1em;color:#212529;line-height:1.55}
h1{font-size:1.5em;margin:.2em 0}h2{font-size:1.15em;border-bottom:1px solid #dee2e6;margin-top:1.4em}
h3{font-size:1em;margin:.8em 0 .2em;color:#495057}
.kind,.src,.n,.iri{color:#868e96;font-size:.9em}.n{font-weight:normal}
q{display:block;color:#343a40;margin:.1em 0 .1em 1em}q::before,q::after{content:""}
blockquote{margin:.4em 0;padding:.2em .8em;border-left:3px solid #ced4da}
ul.inline{padding:0}ul.inline li{display:inline-block;margin:0 .9em .3em 0}
li{margin-bottom:.35em}table{border-collapse:collapse}
th,td{text-align:left;padding:2px 8px;vertical-align:top}
th{color:#495057;font-weight:normal}.text{white-space:normal;background:#f8f9fa;padding:.6em .9em}
mark{background:#fff3bf}a.mark{color:inherit;text-decoration:none}
svg.career{max-width:100%;height:auto}svg.career text{font-size:11px;fill:#495057}
nav{font-size:.9em;margin-bottom:.5em}
"""


def _page(title: str, iri: str, body: str, href: Href) -> str:
    home = href("") or ""
    nav = f'<nav><a href="{_e(home)}">govkg</a></nav>' if home else ""
    return (
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">'
        f"<title>{_e(title)} · govkg</title><style>{_STYLE}</style></head><body>\n"
        f"{nav}{body}\n"
        f'<p class="iri">IRI: {_e(readable(iri))}</p>\n</body></html>\n'
    )


# --- the server's answer ------------------------------------------------------------


def rebase(body: bytes, base: str | None) -> bytes:
    """IRIs of the id namespace moved under ``base``, so that they resolve where they are served.

    >>> rebase(b'"https://w3id.org/govkg/id/person/x"', "http://127.0.0.1:8000")
    b'"http://127.0.0.1:8000/id/person/x"'
    """
    if not base or base.rstrip("/") + "/id/" == ID_BASE:
        return body
    return body.replace(ID_BASE.encode(), (base.rstrip("/") + "/id/").encode())


def unbase(text: str, base: str | None) -> str:
    """The inverse of :func:`rebase`, for queries that name IRIs as served."""
    if not base or base.rstrip("/") + "/id/" == ID_BASE:
        return text
    return text.replace(base.rstrip("/") + "/id/", ID_BASE)


def iri_of_path(path: str) -> str:
    """The IRI a request path under ``/id/`` stands for (percent-encoding as the graph writes it).

    >>> iri_of_path("/id/person/何平@巴中市")
    'https://w3id.org/govkg/id/person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82'
    """
    rest = path[len("/id/") :] if path.startswith("/id/") else path.lstrip("/")
    return ID_BASE + quote(unquote(rest), safe="@/:,=;+!$&'()*~")


def server_href(iri: str) -> str | None:
    """Where ``govkg serve`` answers for an IRI: a path under ``/id/``, or None outside the namespace."""
    if iri == "":
        return "/"
    if iri.startswith(ID_BASE):
        return "/id/" + iri[len(ID_BASE) :]
    return None


def respond(pages: Pages, path: str, accept: str | None, base: str | None = None) -> tuple[int, str, bytes]:
    """(status, media type, body) for a GET of ``/id/…``: the page, or the RDF the client asked for."""
    iri = iri_of_path(path.split("?", 1)[0])
    fmt = negotiate(accept)
    kind, _ = pages.kind(iri)
    if kind is None and "%" in path:
        iri = ID_BASE + path[len("/id/") :]  # the path as the graph wrote it, encoded differently
        kind, _ = pages.kind(iri)
    if kind is None:
        return 404, "text/plain; charset=utf-8", f"no resource {readable(iri)} in this graph\n".encode()
    if fmt == "html":
        body = pages.html(iri, server_href) or ""
        return 200, "text/html; charset=utf-8", body.encode("utf-8")
    return 200, RDF_MEDIA[fmt], rebase(pages.rdf(iri, fmt).encode("utf-8"), base)


# --- the static site ----------------------------------------------------------------

_UNSAFE = re.compile(r'[/\\:*?"<>|#%\x00-\x1f]')


def site_path(iri: str) -> str:
    """The file of an IRI's page in a static site: its decoded path, made safe, ``.html``.

    >>> site_path("https://w3id.org/govkg/id/person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82")
    'person/何平@巴中市.html'
    """
    parts = []
    for segment in iri[len(ID_BASE) :].split("/"):
        name = _UNSAFE.sub("_", unquote(segment)) or "_"
        if name in (".", ".."):
            name = "_"
        if len(name.encode("utf-8")) > 150:  # file names have a limit of 255 bytes
            import hashlib

            digest = hashlib.sha1(segment.encode()).hexdigest()[:10]
            name = name.encode("utf-8")[:120].decode("utf-8", "ignore") + "~" + digest
        parts.append(name)
    return "/".join(parts) + ".html"


def site_resources(source) -> list[tuple[str, str]]:
    """(IRI, class) of every resource that gets a page in a site, sorted."""

    rows = run_query(source, page_queries()["site-resources"]).records()
    return sorted({(r["resource"], r["type"]) for r in rows})


def write_site(graph, folder: str | Path, progress: Callable[[int, int], None] | None = None) -> int:
    """Write a static site of a graph's pages to ``folder``; returns how many pages were written.

    ``graph`` is a graph file, a build folder, an rdflib graph or a pyoxigraph
    store. One page per official, event and release, and per post, place,
    organisation, document and directive they link to; an ``index.html``
    lists the officials, events and releases. Links are relative, so the
    folder opens from disk with no server and no network.
    """
    from rdflib import Graph

    if isinstance(graph, Graph):
        source = graph_to_store(graph)
    elif isinstance(graph, (str, Path)):
        source = open_store(graph)
    else:
        source = graph
    pages = Pages(source)
    folder = Path(folder)
    resources = site_resources(source)
    kinds: dict[str, str] = {}
    for iri, cls in resources:
        kind = SITE_KINDS.get(cls, "other")
        if kinds.get(iri) in (None, "other"):
            kinds[iri] = kind
    files = {iri: site_path(iri) for iri in kinds}
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    written = 0
    for number, iri in enumerate(sorted(files)):
        here = os.path.dirname(files[iri])

        def href(target: str, here: str = here) -> str | None:
            if target == "":
                return quote(os.path.relpath("index.html", here or "."))
            if target not in files:
                return None
            return quote(os.path.relpath(files[target], here or "."))

        page = pages.html(iri, href)
        if page is None:
            continue
        path = folder / files[iri]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
        written += 1
        if kinds[iri] in ("person", "event", "release"):
            title = re.search(r"<title>(.*?) · govkg</title>", page)
            index[kinds[iri]].append((html.unescape(title.group(1)) if title else readable(iri), iri))
        if progress:
            progress(number + 1, len(files))
    sections = []
    for kind, heading in (("person", "人物"), ("event", "事件"), ("release", "新闻稿")):
        items = sorted(index[kind])
        sections.append(f"<h2>{heading} <span class=n>{len(items)}</span></h2><ul class=inline>")
        sections += [f'<li><a href="{_e(quote(files[iri]))}">{_e(name)}</a></li>' for name, iri in items]
        sections.append("</ul>")
    (folder / "index.html").write_text(
        '<!DOCTYPE html>\n<html lang="zh"><head><meta charset="utf-8"><title>govkg</title>'
        f"<style>{_STYLE}</style></head><body>\n<h1>govkg</h1>\n"
        + "\n".join(sections)
        + "\n</body></html>\n",
        encoding="utf-8",
    )
    return written + 1
