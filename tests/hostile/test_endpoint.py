"""Hostile clients of the endpoint and of ``govkg query`` (issue #13, 5 and 6)."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import urllib.parse
from pathlib import Path

import pytest

from govkg.graph.cli import EXIT_USAGE, main
from govkg.graph.server import make_server
from govkg.graph.sparql import MAX_NESTING, QueryError, check_nesting, nesting_depth, query_text

SMALL = Path(__file__).parents[1] / "graph" / "data" / "sparql_small.ttl"
DEEP = "SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000


@contextlib.contextmanager
def serving(**limits):
    served = make_server(SMALL, port=0, workers=1, quiet=True, **limits)
    thread = threading.Thread(target=served.serve_forever, daemon=True)
    thread.start()
    try:
        yield served.server_address[:2]
    finally:
        served.shutdown()
        served.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def server():
    with serving(read_timeout=0.5) as address:
        yield address


def exchange(address, raw: bytes, then: bytes = b"") -> bytes:
    """Send a raw request (and more bytes after it); what the server answers before it closes."""
    with socket.create_connection(address, timeout=20) as connection:
        connection.sendall(raw)
        if then:
            try:
                connection.sendall(then)
            except OSError:  # the server closed without reading it: as it should
                pass
        answer = b""
        while True:
            try:
                chunk = connection.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            answer += chunk
            if b"\r\n\r\n" in answer and b"Connection: close" not in answer:
                head, _, rest = answer.partition(b"\r\n\r\n")
                length = next(
                    int(line.split(b":")[1])
                    for line in head.split(b"\r\n")
                    if line.lower().startswith(b"content-length")
                )
                if len(rest) >= length:
                    break
        return answer


def status_of(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def post(length: str | None) -> bytes:
    header = f"Content-Length: {length}\r\n" if length is not None else ""
    return (
        f"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n{header}\r\n"
    ).encode()


@pytest.mark.parametrize("length, status", [("-1", 400), ("abc", 400), (None, 411), ("99999999999", 413)])
def test_a_bad_content_length_is_refused_before_the_body_is_read(server, length, status):
    answer = exchange(server, post(length), b"x" * (4 << 20))  # 4 MB the server must not read
    assert status_of(answer) == status


def test_a_good_post_is_answered(server):
    query = b"ASK { ?s ?p ?o }"
    answer = exchange(server, post(str(len(query))) + query)
    assert status_of(answer) == 200 and b"true" in answer


def test_a_silent_connection_is_closed_by_the_read_timeout(server):
    with socket.create_connection(server, timeout=20) as connection:
        connection.sendall(b"GET /sparql HTTP/1.1\r\n")  # half a request, then nothing
        assert connection.recv(1024) == b""  # closed by the server (0.5 s), not by our 20 s


def test_connections_beyond_the_cap_are_answered_503():
    with serving(read_timeout=30, max_connections=4) as server:
        idle = [socket.create_connection(server, timeout=20) for _ in range(4)]
        try:
            for connection in idle:
                connection.sendall(b"GET /sparql HTTP/1.1\r\n")  # held open, half a request each
            answer = exchange(server, b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: x\r\n\r\n")
            assert status_of(answer) == 503
        finally:
            for connection in idle:
                connection.close()


def test_a_deeply_nested_query_is_refused_before_the_engine(server):
    url = "/sparql?" + urllib.parse.urlencode({"query": DEEP})
    answer = exchange(server, f"GET {url} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    assert status_of(answer) == 400 and b"nests 5000 levels deep" in answer
    again = "/sparql?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    ok = exchange(
        server,
        f"GET {again} HTTP/1.1\r\nHost: x\r\nAccept: application/sparql-results+json\r\n"
        "Connection: close\r\n\r\n".encode(),
    )
    assert json.loads(ok.partition(b"\r\n\r\n")[2])["boolean"] is True


@pytest.mark.parametrize(
    "query, depth",
    [
        ("SELECT * { ?s ?p ?o }", 1),
        ('SELECT * { ?s <http://x/#{{> "{{{" } # {{{{', 1),
        ("ASK { { FILTER((1)) } }", 4),
    ],
)
def test_nesting_depth_skips_strings_iris_and_comments(query, depth):
    assert nesting_depth(query) == depth


def test_check_nesting_refuses_only_beyond_the_limit():
    check_nesting("SELECT * WHERE " + "{" * MAX_NESTING + "}" * MAX_NESTING)
    with pytest.raises(QueryError):
        check_nesting("SELECT * WHERE " + "{" * (MAX_NESTING + 1) + "}" * (MAX_NESTING + 1))


def test_the_query_command_refuses_a_deep_query_as_a_usage_error(capsys):
    assert main(["query", str(SMALL), DEEP]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "nests 5000 levels deep" in err and "Traceback" not in err


def test_a_long_inline_query_is_never_taken_for_a_path(capsys):
    query = "ASK { ?s ?p ?o " + " ".join(["FILTER(true)"] * 40) + " }"  # over 255 characters, no "/"
    assert len(query) > 255 and query_text(query) == query
    assert main(["query", str(SMALL), query, "-f", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["boolean"] is True


def test_a_long_word_is_a_query_not_a_file_name_too_long():
    word = "x" * 300
    assert query_text(word) == word


def test_a_missing_query_file_is_a_usage_error(tmp_path, capsys):
    assert main(["query", str(SMALL), str(tmp_path / "nothing.rq")]) == EXIT_USAGE
    assert "cannot read the query file" in capsys.readouterr().err


@pytest.mark.parametrize(
    "binding", ["place=<a b>", "place=<>", "place=<no-scheme>", 'place="unclosed', "=x", "place"]
)
def test_a_bad_binding_is_a_usage_error(capsys, binding):
    assert main(["query", str(SMALL), "--name", "directives-implemented", "-b", binding]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert err.startswith("govkg query: ") and "Traceback" not in err
