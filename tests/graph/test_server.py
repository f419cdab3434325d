"""govkg serve: started on loopback as a subprocess and queried with a real client (SPARQLWrapper)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.compare import isomorphic
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

from govkg.graph.cli import EXIT_FAIL, EXIT_USAGE, main
from govkg.graph.server import negotiate, uses_service

SMALL = Path(__file__).parent / "data" / "sparql_small.ttl"
GOV = "https://w3id.org/govkg/ontology#"
PEOPLE = f"PREFIX gov: <{GOV}>\nPREFIX schema: <https://schema.org/>\n"
TIME_LIMIT = 2.0
# The IRIs as the graph has them (by default the server moves them under its own address).
LIMITS = ["--timeout", str(TIME_LIMIT), "--max-results", "40", "--base", "https://w3id.org/govkg"]
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory):
    log = tmp_path_factory.mktemp("serve") / "stderr.txt"
    with log.open("wb") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "govkg.graph", "serve", str(SMALL), "--port", "0", "--quiet", *LIMITS],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        )
    try:
        line = process.stdout.readline()  # printed once the workers have loaded the graph
        assert "/sparql" in line, log.read_text(encoding="utf-8")
        yield line.split(" at ")[1].split()[0]
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()


def client(url: str, query: str, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    return sparql


def test_select_as_sparql_json(endpoint):
    query = PEOPLE + "SELECT ?name WHERE { ?p a gov:Person ; schema:name ?name } ORDER BY ?name"
    results = client(endpoint, query, JSON).queryAndConvert()
    assert results["head"]["vars"] == ["name"]
    names = [row["name"]["value"] for row in results["results"]["bindings"]]
    assert names == sorted(["何平", "温奇志", "李四"])
    assert results["results"]["bindings"][0]["name"]["xml:lang"] == "zh"


def test_select_as_csv(endpoint):
    query = PEOPLE + "SELECT ?title WHERE { ?h gov:title ?title } ORDER BY ?title"
    text = client(endpoint, query, CSV).queryAndConvert().decode("utf-8")
    assert text.split("\r\n") == ["title", *sorted(["市长", "市长", "市长", "副市长", "县长"]), ""]


def test_construct_as_turtle(endpoint):
    query = PEOPLE + "CONSTRUCT { ?p a gov:Person } WHERE { ?p a gov:Person }"
    body = client(endpoint, query, TURTLE).queryAndConvert()
    got = Graph().parse(data=body, format="turtle")
    expected = Graph()
    for person in Graph().parse(SMALL).subjects(RDF.type, URIRef(GOV + "Person")):
        expected.add((person, RDF.type, URIRef(GOV + "Person")))
    assert isomorphic(got, expected)


def test_updates_are_refused(endpoint):
    sparql = client(
        endpoint, 'INSERT DATA { <https://w3id.org/govkg/id/x> <https://schema.org/name> "x" }', JSON
    )
    sparql.setMethod(POST)
    with pytest.raises(urllib.error.HTTPError) as refused:
        sparql.query()
    refused.value.close()
    assert refused.value.code == 403
    ask = client(endpoint, "ASK { <https://w3id.org/govkg/id/x> ?p ?o }", JSON).queryAndConvert()
    assert ask["boolean"] is False


def test_a_runaway_query_is_stopped_by_the_time_limit(endpoint):
    started = time.monotonic()
    with pytest.raises(urllib.error.HTTPError) as stopped:
        client(endpoint, RUNAWAY, JSON).query()
    stopped.value.close()
    assert stopped.value.code == 503
    assert time.monotonic() - started < TIME_LIMIT + 5
    # the killed worker is replaced: the endpoint still answers
    assert client(endpoint, "ASK { ?s ?p ?o }", JSON).queryAndConvert()["boolean"] is True


def fetch(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def test_a_too_large_result_is_refused(endpoint):
    url = endpoint + "?" + urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    status, _, body = fetch(url)
    assert status == 500
    assert b"LIMIT" in body


@pytest.mark.parametrize(
    ("content_type", "body", "accept", "status", "media"),
    [
        ("application/sparql-query", "ASK { ?s ?p ?o }", "application/sparql-results+xml", 200, "xml"),
        ("application/x-www-form-urlencoded", "query=ASK%20%7B%7D", "text/tab-separated-values", 200, "tab"),
        ("application/sparql-update", "CLEAR ALL", "*/*", 403, "text/plain"),
        (
            "application/sparql-query",
            "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
            "*/*",
            403,
            "text",
        ),
        ("application/x-www-form-urlencoded", "query=SELEC", "*/*", 400, "text/plain"),
        ("text/plain", "ASK {}", "*/*", 415, "text/plain"),
    ],
)
def test_post_bodies(endpoint, content_type, body, accept, status, media):
    got, headers, _ = fetch(endpoint, body.encode(), {"Content-Type": content_type, "Accept": accept})
    assert got == status
    assert media in headers["Content-Type"]
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_describe_as_ntriples_by_accept(endpoint):
    query = "DESCRIBE <https://w3id.org/govkg/id/person-hp>"
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    status, headers, body = fetch(url, headers={"Accept": "application/n-triples"})
    assert status == 200 and headers["Content-Type"] == "application/n-triples"
    assert '"何平"@zh' in body.decode("utf-8")


def test_query_page_and_cors_preflight(endpoint):
    status, headers, body = fetch(endpoint)
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b"officials-of-place" in body
    status, headers, _ = fetch(endpoint, method="OPTIONS", headers={"Origin": "http://example.org"})
    assert status == 204
    assert "POST" in headers["Access-Control-Allow-Methods"]


@pytest.mark.parametrize(
    ("accept", "kind", "requested", "expected"),
    [
        ("application/sparql-results+json,application/json", "solutions", None, "json"),
        ("text/csv", "solutions", None, "csv"),
        ("text/tab-separated-values", "boolean", None, "tsv"),
        ("text/csv;q=0.2, application/sparql-results+xml;q=0.9", "solutions", None, "xml"),
        ("text/turtle", "solutions", None, "json"),
        ("application/turtle,text/turtle", "graph", None, "turtle"),
        ("application/ld+json", "graph", None, "jsonld"),
        ("application/rdf+xml", "graph", None, "rdfxml"),
        ("text/html,*/*;q=0.8", "graph", None, "turtle"),
        (None, "solutions", None, "json"),
        ("*/*", "solutions", "csv", "csv"),
        ("*/*", "graph", "json-ld", "jsonld"),
        ("text/csv", "solutions", "turtle", "csv"),
        ("text/csv;q=0", "solutions", None, "json"),
    ],
)
def test_negotiate(accept, kind, requested, expected):
    assert negotiate(accept, kind, requested) == expected


@pytest.mark.parametrize(
    ("content", "message", "status"),
    [(None, "no such graph file", EXIT_USAGE), ("<https://w3id.org/govkg/id/x> a .", "", EXIT_FAIL)],
)
def test_serve_fails_cleanly_on_a_missing_or_broken_graph(tmp_path, capsys, content, message, status):
    path = tmp_path / "graph.ttl"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["serve", str(path), "--port", "0", "--workers", "1"]) == status
    err = capsys.readouterr().err
    assert err.startswith("govkg serve:") and message in err


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", True),
        ("select * { service silent ?endpoint { ?s ?p ?o } }", True),
        ("SELECT ?service { ?service <http://example.org/service> ?o }", False),
        ("PREFIX ex: <http://example.org/> SELECT * { ?s ex:service ?o }", False),
        ('SELECT * { ?s ?p "SERVICE" } # a SERVICE comment', False),
        ('SELECT * { ?s ?p """two\nSERVICE lines""" }', False),
    ],
)
def test_uses_service(query, expected):
    assert uses_service(query) is expected


def test_make_server_on_a_persistent_store(tmp_path):
    import threading

    from govkg.graph.server import make_server

    server = make_server(SMALL, port=0, store=tmp_path / "store", workers=1, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        query = PEOPLE + "SELECT (COUNT(*) AS ?n) WHERE { ?p a gov:Person }"
        results = client(f"http://{host}:{port}/sparql", query, JSON).queryAndConvert()
        assert results["results"]["bindings"][0]["n"]["value"] == "3"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert (tmp_path / "store" / "source.json").exists()


def post_form(url: str, fields: list[tuple[str, str]]):
    body = urllib.parse.urlencode(fields).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Accept": "application/sparql-results+json",
    }
    return fetch(url, body, headers)


@pytest.mark.parametrize("name", ["何平", '"何平"@zh'])
def test_a_named_query_is_bound_by_a_dollar_parameter_as_govkg_query_binds_it(endpoint, name):
    from govkg.graph.sparql import format_result, named_query, run_query

    query = named_query("events-of-official")
    status, _, body = post_form(endpoint, [("query", query.text), ("$name", name)])
    assert status == 200
    expected = json.loads(format_result(run_query(SMALL, query, {"name": "何平"}), "json"))
    assert json.loads(body) == expected
    assert len(expected["results"]["bindings"]) == 3


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ([("$name", '"何平')], b"cannot read the literal"),
        ([("$name", "何平"), ("$name", "李四")], b"given 2 times"),
        ([("$nosuch", "x")], b""),  # a variable the query does not select
        ([("$name", "<not an iri>")], b"cannot read the IRI"),
        ([("$name", '"x"^^<x>')], b"cannot bind"),
        ([("$name²", "x")], b"cannot bind"),
        ([("$name=李四", "x")], b"a binding is var=value"),  # not ?name bound to 李四=x
    ],
)
def test_a_bad_dollar_parameter_is_a_bad_request(endpoint, fields, message):
    from govkg.graph.sparql import named_query

    status, headers, body = post_form(endpoint, [("query", named_query("meeting-chairs").text), *fields])
    assert status == 400 and headers["Content-Type"].startswith("text/plain")
    assert message in body


def test_a_plain_name_binds_a_graph_whose_names_are_plain(tmp_path):
    import threading

    from govkg.graph.server import make_server
    from govkg.graph.sparql import named_query

    graph = tmp_path / "plain.ttl"
    graph.write_text(SMALL.read_text(encoding="utf-8").replace('"李四"@zh', '"李四"'), encoding="utf-8")
    server = make_server(graph, port=0, workers=1, quiet=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        text = named_query("events-of-official").text
        status, _, body = post_form(f"http://{host}:{port}/sparql", [("query", text), ("$name", "李四")])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert status == 200
    rows = json.loads(body)["results"]["bindings"]
    assert [row["eventName"]["value"] for row in rows] == ["调研", "慰问"]
    assert "xml:lang" not in rows[0]["name"]
