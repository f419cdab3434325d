"""Pages behind the IRIs: HTML and RDF from the graph, served by govkg serve and written as a site."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from govkg.graph.pages import Pages, readable, respond, server_href, site_path, write_site
from govkg.graph.sparql import graph_to_store
from govkg.ontology import ID, SCHEMA

HE = "person/何平@巴中市"


def iri(path: str) -> str:
    return str(ID) + urllib.parse.quote(path, safe="@/")


@pytest.fixture(scope="module")
def graph() -> Graph:
    from govkg.graph.build import build, sample_paths

    return build(sample_paths()).graph


@pytest.fixture(scope="module")
def pages(graph) -> Pages:
    return Pages(graph_to_store(graph))


def event_of(graph: Graph, name: str) -> str:
    """The event whose name ends with ``name`` (names may carry their place)."""
    return str(
        next(s for s, o in graph.subject_objects(SCHEMA.name) if "/event/" in s and str(o).endswith(name))
    )


def test_an_officials_page_has_posts_events_by_role_and_sentences(pages):
    page = pages.html(iri(HE), server_href)
    assert "<h1>何平</h1>" in page
    assert "巴中市市长" in page and "2020-01-26" in page  # a post, with its tenure
    assert "<h3>出席 " in page and "<h3>讲话 " in page  # events by role, with counts
    assert "市长何平出席并讲话。" in page  # the sentence that states it
    assert 'aria-label="career"' in page and "<rect" in page  # the career chart
    assert "温奇志" in page  # met at an event
    assert "%E" not in re.sub(r'href="[^"]*"', "", page)  # IRIs are shown readable, not percent-encoded
    assert f'href="/id/{urllib.parse.quote(HE, safe="@/")}"' not in page  # no link to itself needed


def test_an_events_page_has_participants_roles_date_place_directives_and_sentence(graph, pages):
    event = event_of(graph, "新型冠状病毒感染的肺炎疫情防控工作电视电话会议")
    page = pages.html(event, server_href)
    assert "会议 2020-01-25" in page
    assert "<h3>主持 <span class=n>1</span></h3>" in page and "温奇志" in page
    assert "巴中市" in page  # the place
    assert "贯彻落实" in page and "Ⅰ级响应各项防控措施" in page  # a directive
    assert "<blockquote>1月25日" in page  # the sentence that reports it
    assert "巴中市新型冠状病毒感染的肺炎疫情防控工作电视电话会议召开" in page  # its release


def test_a_releases_page_marks_its_facts_in_its_text(graph, pages):
    release = str(next(graph.subjects(SCHEMA.identifier, Literal("0000"))))
    page = pages.html(release, server_href)
    marks = re.findall(r"<mark>(.*?)</mark>", page)
    assert "副市长温奇志主持会议,市政府秘书长赵建仁参加会议。" in marks
    assert re.search(r'<li id="char=\d+,\d+"><q>', page)  # each marked span lists its facts
    assert "温奇志</a> 主持" in page


def test_a_releases_page_lists_the_headlines_facts_apart_from_the_texts_marks():
    from govkg.extract import extract
    from govkg.extract.records import Release
    from govkg.graph.rdf import to_rdf

    record = extract(Release(id="h", title="李四当选为某某区区长", text="李四说，谢谢大家。", place="巴中市"))
    headline_pages = Pages(graph_to_store(to_rdf([record])))
    page = headline_pages.html(iri("release/h"), server_href)
    listed = page[page.index("<h2>标题") : page.index("<h2>正文")]
    assert "某某区区长" in listed and listed.count("<li>") == 1  # the holding, not its tenure
    assert "某某区区长" not in "".join(re.findall(r"<mark>(.*?)</mark>", page))


def test_anything_else_gets_a_page_of_its_statements(graph, pages):
    post = iri("post/巴中市/市长")
    page = pages.html(post, server_href)
    assert "<h1>巴中市市长</h1>" in page
    assert "何平" in page  # the tenure that points at it


def test_an_unknown_iri_has_no_page(pages):
    assert pages.html(iri("person/nobody"), server_href) is None
    status, _, body = respond(pages, "/id/person/nobody", "text/html")
    assert status == 404 and "person/nobody" in body.decode()


@pytest.mark.parametrize(
    ("accept", "media", "fmt"),
    [
        ("text/turtle", "text/turtle; charset=utf-8", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "jsonld"),
    ],
)
def test_a_linked_data_client_gets_the_resources_triples(pages, accept, media, fmt):
    status, media_type, body = respond(pages, "/id/" + HE, accept, base="http://127.0.0.1:1")
    assert (status, media_type) == (200, media)
    served = "http://127.0.0.1:1/id/" + urllib.parse.quote(HE, safe="@/")
    if fmt == "jsonld":  # (rdflib's JSON-LD parser warns about its own ConjunctiveGraph)
        nodes = json.loads(body)
        nodes = nodes.get("@graph", [nodes]) if isinstance(nodes, dict) else nodes
        assert any(
            node.get("@id") == served and "何平" in json.dumps(node, ensure_ascii=False) for node in nodes
        )
        return
    got = Graph().parse(data=body.decode("utf-8"), format=fmt)
    assert (URIRef(served), SCHEMA.name, Literal("何平", lang="zh")) in got


def test_pages_load_nothing_from_elsewhere(graph, pages):
    for target in (iri(HE), event_of(graph, "新型冠状病毒感染的肺炎疫情防控工作电视电话会议")):
        page = pages.html(target, server_href)
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
        assert "<script" not in page


def test_site_paths_are_readable_and_safe():
    assert site_path(iri(HE)) == "person/何平@巴中市.html"
    assert site_path(str(ID) + "directive/a%2Fb") == "directive/a_b.html"  # no folder from a slash in a name
    long = site_path(iri("directive/" + "很长的名字" * 40))
    assert len(long.split("/")[1].encode()) < 200


# --- the static site ------------------------------------------------------------------


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [v for k, v in attrs if k == "href" and v]


@pytest.fixture(scope="module")
def site(graph, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    write_site(graph, folder)
    return folder


def test_the_site_has_a_page_per_official_event_and_release(graph, site):
    from govkg.ontology import GOV

    assert (site / "index.html").is_file()
    assert (site / "person" / "何平@巴中市.html").is_file()
    for cls, folder in ((GOV.Person, "person"), (GOV.Release, "release")):
        assert len(list((site / folder).glob("*.html"))) == len(set(graph.subjects(None, cls)))
    events = {str(e) for e in graph.subjects(None, GOV.Event)}
    assert all((site / site_path(e)).is_file() for e in events)


def test_every_link_in_the_site_leads_to_a_page_of_it(site):
    pages = sorted(site.rglob("*.html"))
    checked = 0
    for page in pages:
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for href in parser.hrefs:
            if href.startswith("#"):
                continue
            assert "://" not in href, f"{page}: {href}"
            target = (page.parent / urllib.parse.unquote(href.split("#")[0])).resolve()
            assert target.is_file(), f"{page.relative_to(site)} links to a missing {href}"
            checked += 1
    assert checked > len(pages)  # pages are linked to each other


PAGE_TEXT = {"text": "document.body.innerText", "links": "document.querySelectorAll('a').length"}
READY = "document.readyState === 'complete'"


def test_a_site_page_opens_offline_in_a_browser(chromium, site):
    report = chromium.open(site / "person" / "何平@巴中市.html", READY, PAGE_TEXT)
    assert report.errors == []
    assert [u for u in report.requests if not u.startswith(("file:", "data:"))] == []
    assert "巴中市市长" in report.values["text"] and "市长何平出席并讲话。" in report.values["text"]
    # Follow the first link to an event: it opens too.
    follow = chromium.open(
        site / "person" / "何平@巴中市.html",
        READY,
        {
            "href": "Array.from(document.querySelectorAll('a'))"
            ".map(a => a.href).find(h => h.includes('/event/'))"
        },
    )
    event = Path(urllib.parse.unquote(urllib.parse.urlsplit(follow.values["href"]).path))
    assert event.is_file() and "参与者" in event.read_text(encoding="utf-8")


# --- govkg serve ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(graph, tmp_path_factory):
    folder = tmp_path_factory.mktemp("serve")
    graph.serialize(folder / "graph.ttl", format="turtle", encoding="utf-8")
    with (folder / "stderr.txt").open("wb") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "govkg.graph",
                "serve",
                str(folder / "graph.ttl"),
                "--port",
                "0",
                "--quiet",
            ],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        line = process.stdout.readline()
        assert "/sparql" in line, (folder / "stderr.txt").read_text(encoding="utf-8")
        yield line.split(" at ")[1].split()[0].removesuffix("/sparql")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


def get(url: str, accept: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers["Content-Type"], response.read()


def test_served_iri_answers_turtle_to_a_linked_data_client(server):
    url = f"{server}/id/{urllib.parse.quote(HE, safe='@/')}"
    status, media, body = get(url, "text/turtle")
    assert status == 200 and media.startswith("text/turtle")
    got = Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert (URIRef(url), SCHEMA.name, Literal("何平", lang="zh")) in got


def test_served_iri_shows_its_page_in_a_browser(chromium, server):
    url = f"{server}/id/{urllib.parse.quote(HE, safe='@/')}"
    report = chromium.open(url, READY, PAGE_TEXT)
    assert report.errors == []
    assert [u for u in report.requests if not u.startswith((server, "data:"))] == []  # nothing from elsewhere
    text = report.values["text"]
    assert "巴中市市长" in text  # posts
    assert "出席" in text and "防控工作电视电话会议" in text  # events by role
    assert "市长何平出席并讲话。" in text  # sentences


def test_sparql_json_results_carry_iris_that_resolve_on_the_same_server(server):
    query = (
        'PREFIX schema: <https://schema.org/>\nSELECT ?person WHERE { ?person schema:name "何平"@zh } LIMIT 1'
    )
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(
        f"{server}/sparql", data=data, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        results = json.loads(response.read())
    person = results["results"]["bindings"][0]["person"]["value"]
    assert person.startswith(f"{server}/id/person/")
    status, media, body = get(person, "text/html")
    assert status == 200 and media.startswith("text/html") and "<h1>何平</h1>" in body.decode("utf-8")
    # And a query may name an IRI as served.
    ask = urllib.parse.urlencode({"query": f"ASK {{ <{person}> ?p ?o }}"}).encode()
    request = urllib.request.Request(
        f"{server}/sparql", data=ask, headers={"Accept": "application/sparql-results+json"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert json.loads(response.read())["boolean"] is True


def test_readable_iris():
    assert readable(iri(HE)) == HE


def test_site_command_writes_the_pages(graph, tmp_path, capsys):
    from govkg.graph.cli import EXIT_OK, main

    path = tmp_path / "graph.ttl"
    graph.serialize(path, format="turtle", encoding="utf-8")
    assert main(["site", str(path), "-o", str(tmp_path / "site"), "-q"]) == EXIT_OK
    assert (tmp_path / "site" / "index.html").is_file()
    assert (tmp_path / "site" / "person" / "何平@巴中市.html").is_file()


def test_site_command_names_a_missing_graph(tmp_path, capsys):
    from govkg.graph.cli import EXIT_USAGE, main

    # a missing GRAPH is a usage error in every command (tests/graph/test_cli_grammar.py)
    assert main(["site", str(tmp_path / "none.ttl"), "-o", str(tmp_path / "site")]) == EXIT_USAGE
    assert "none.ttl" in capsys.readouterr().err


RUN_NAMED_QUERY = """(function () {
  if (!window.__ran && document.readyState === "complete") {
    window.__ran = true;
    var named = document.getElementById("named");
    named.value = "events-of-official";
    named.dispatchEvent(new Event("change"));
    document.querySelector("#params input[name=name]").value = "何平";
    document.getElementById("run").click();
  }
  return document.querySelectorAll("#out table tr").length > 1;
})()"""
RESULT_LINKS = """Array.from(document.querySelectorAll("#out table a")).map(function (a) {
  return [a.textContent, a.getAttribute("href")];
})"""


def test_the_query_page_binds_a_named_querys_parameter_and_links_iris_readably(chromium, server):
    report = chromium.open(
        f"{server}/",
        RUN_NAMED_QUERY,
        {
            "links": RESULT_LINKS,
            "names": "Array.from(document.querySelectorAll('#out td')).map(t => t.textContent)",
        },
    )
    assert report.errors == []
    links = report.values["links"]
    assert [HE, f"/id/{urllib.parse.quote(HE, safe='@/')}"] in links  # readable text, a link to its page
    assert set(report.values["names"]) >= {"何平"} and "温奇志" not in report.values["names"]  # bound
    assert not any("%E" in text for text, _ in links)
